#include "article_view.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "cards.h"
#include "imgui_internal.h"  // ImTextCharFromUtf8, window rects
#include "platform.h"  // now_ms
#include "theme.h"

namespace ae::web {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

uint32_t utf8_next(const std::string& s, uint32_t i) {
    if (i >= s.size()) return i;
    unsigned char c = static_cast<unsigned char>(s[i]);
    uint32_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
    return std::min<uint32_t>(i + n, static_cast<uint32_t>(s.size()));
}

}  // namespace

void ArticleView::MarkList::finish() {
    std::stable_sort(marks.begin(), marks.end(), [](const Mark& x, const Mark& y) {
        return x.start != y.start ? x.start < y.start : x.end > y.end;  // outer before inner
    });
    max_end.resize(marks.size());
    uint32_t m = 0;
    for (size_t i = 0; i < marks.size(); ++i) max_end[i] = m = std::max(m, marks[i].end);
}

size_t ArticleView::MarkList::first_reaching(uint32_t pos) const {
    return static_cast<size_t>(std::upper_bound(max_end.begin(), max_end.end(), pos) - max_end.begin());
}

void ArticleView::set_find(std::vector<std::pair<uint32_t, uint32_t>> hits, int current) {
    find_hits_ = std::move(hits);
    set_find_current(current);
}

void ArticleView::set_analysis(const Analysis& a) {
    ++generation_;
    find_hits_.clear();
    find_current_ = -1;
    backgrounds_ = {};
    spans_ = {};
    underlines_ = {};
    sel_entity_ = -1;
    clicked_entity_ = -1;
    flash_time_ = -10.0;
    scroll_to_ = UINT32_MAX;
    hover_ = {};
    std::fill(std::begin(counts_), std::end(counts_), 0);
    const uint32_t n = static_cast<uint32_t>(a.text.size());
    auto clamp = [n](uint32_t v) { return std::min(v, n); };
    auto add = [&](MarkList& list, uint32_t s, uint32_t e, Layer layer, int32_t index) {
        s = clamp(s);
        e = clamp(e);
        if (e <= s) return;
        list.marks.push_back({s, e, layer, index});
        counts_[static_cast<int>(layer)]++;
    };

    boilerplate_para_.assign(a.paragraphs.size(), 0);
    for (size_t i = 0; i < a.paragraphs.size(); ++i) {
        const Paragraph& p = a.paragraphs[i];
        if (!p.boilerplate) continue;
        boilerplate_para_[i] = 1;
        add(backgrounds_, p.start, p.end, Layer::Boilerplate, static_cast<int32_t>(i));
    }
    for (size_t i = 0; i < a.sentences.size(); ++i) {
        const Sentence& s = a.sentences[i];
        if (s.paragraph < boilerplate_para_.size() && boilerplate_para_[s.paragraph]) continue;
        add(backgrounds_, s.start, s.end, Layer::Sentence, static_cast<int32_t>(i));
    }
    add(spans_, a.date_line.start, a.date_line.end, Layer::DateLine, 0);
    for (size_t i = 0; i < a.values.size(); ++i)
        add(spans_, a.values[i].start, a.values[i].end, Layer::Value, static_cast<int32_t>(i));
    for (size_t i = 0; i < a.entities.size(); ++i) {
        const Layer l = layer_for_entity_type(a.entities[i].type);
        for (const Mention& m : a.entities[i].mentions) add(spans_, m.start, m.end, l, static_cast<int32_t>(i));
    }
    for (size_t i = 0; i < a.quotes.size(); ++i)
        add(underlines_, a.quotes[i].start, a.quotes[i].end, Layer::Quote, static_cast<int32_t>(i));
    for (size_t i = 0; i < a.events.size(); ++i)
        add(underlines_, a.events[i].trigger.start, a.events[i].trigger.end, layer_for_event(a.events[i]), static_cast<int32_t>(i));
    // Entities count once per entity, not per mention.
    for (Layer l : {Layer::Person, Layer::Org, Layer::Location, Layer::Misc}) counts_[static_cast<int>(l)] = 0;
    for (const Entity& e : a.entities) counts_[static_cast<int>(layer_for_entity_type(e.type))]++;

    backgrounds_.finish();
    spans_.finish();
    underlines_.finish();
    scroll_to_top_ = true;
}

void ArticleView::rewrap(const Analysis& a, ImFont* font, float size, float width) {
    const double t0 = platform::now_ms();
    lines_.clear();
    const std::string& s = a.text;
    const char* t = s.data();
    const float scale = size / font->FontSize;

    std::vector<Paragraph> whole;
    const std::vector<Paragraph>* paras = &a.paragraphs;
    if (paras->empty() && !s.empty()) {  // no paragraphs from the core: show the text as one
        whole.push_back({0, static_cast<uint32_t>(s.size()), false});
        paras = &whole;
    }
    for (size_t pi = 0; pi < paras->size(); ++pi) {
        const uint32_t p_start = std::min<uint32_t>((*paras)[pi].start, static_cast<uint32_t>(s.size()));
        const uint32_t p_end = std::min<uint32_t>((*paras)[pi].end, static_cast<uint32_t>(s.size()));
        if (pi > 0) lines_.push_back({p_start, p_start, -1});
        uint32_t hs = p_start;
        // Each hard line (a '\n' inside the paragraph) is wrapped on its own: CalcWordWrapPositionA
        // does not stop at '\n'.
        while (hs < p_end || (hs == p_start && hs == p_end)) {
            uint32_t he = hs;
            while (he < p_end && t[he] != '\n') ++he;
            uint32_t ls = hs;
            if (ls == he) lines_.push_back({ls, ls, static_cast<int32_t>(pi)});
            while (ls < he) {
                const char* e = font->CalcWordWrapPositionA(scale, t + ls, t + he, width);
                uint32_t le = static_cast<uint32_t>(e - t);
                if (le <= ls) le = utf8_next(s, ls);
                lines_.push_back({ls, le, static_cast<int32_t>(pi)});
                ls = le;
                while (ls < he && is_blank(t[ls])) ++ls;  // a wrapped line starts at its first word
            }
            hs = he + 1;
        }
    }
    wrap_ms_ = platform::now_ms() - t0;
    ++wrap_count_;
}

int ArticleView::line_of(uint32_t offset) const {
    if (lines_.empty()) return -1;
    auto it = std::upper_bound(lines_.begin(), lines_.end(), offset, [](uint32_t o, const Line& l) { return o < l.start; });
    int i = static_cast<int>(it - lines_.begin()) - 1;
    while (i > 0 && lines_[i].paragraph < 0) --i;
    return std::max(i, 0);
}

void ArticleView::select_entity(const Analysis& a, int entity, int mention) {
    if (entity < 0 || static_cast<size_t>(entity) >= a.entities.size() || a.entities[entity].mentions.empty()) {
        sel_entity_ = -1;
        return;
    }
    const std::vector<Mention>& ms = a.entities[entity].mentions;
    sel_order_.resize(ms.size());
    for (size_t i = 0; i < ms.size(); ++i) sel_order_[i] = static_cast<uint32_t>(i);
    std::stable_sort(sel_order_.begin(), sel_order_.end(), [&](uint32_t x, uint32_t y) { return ms[x].start < ms[y].start; });
    sel_entity_ = entity;
    // `mention` is an index into ms; the selection keeps its place in text order.
    sel_mention_ = 0;
    for (size_t k = 0; k < sel_order_.size(); ++k)
        if (static_cast<int>(sel_order_[k]) == mention) sel_mention_ = static_cast<int>(k);
    const Mention& m = ms[sel_order_[sel_mention_]];
    go_to(m.start, m.end);
}

void ArticleView::step_mention(const Analysis& a, int dir) {
    if (sel_entity_ < 0 || sel_order_.empty()) return;
    const int n = static_cast<int>(sel_order_.size());
    sel_mention_ = ((sel_mention_ + dir) % n + n) % n;
    const Mention& m = a.entities[sel_entity_].mentions[sel_order_[sel_mention_]];
    go_to(m.start, m.end);
}

void ArticleView::go_to(uint32_t start, uint32_t end) {
    flash_start_ = start;
    flash_end_ = std::max(end, start + 1);
    flash_time_ = ImGui::GetTime();
    scroll_to_ = start;
}

bool ArticleView::animating() const { return ImGui::GetTime() - flash_time_ < 1.6 || scroll_to_ != UINT32_MAX; }

bool ArticleView::span_rect(const Analysis& a, uint32_t start, uint32_t end, ImVec2* mn, ImVec2* mx) const {
    if (!wrapped_font_ || lines_.empty() || start >= a.text.size()) return false;
    const int li = line_of(start);
    if (li < 0) return false;
    const Line& l = lines_[li];
    const uint32_t s = std::clamp(start, l.start, l.end), e = std::clamp(end, s, l.end);
    ImFont* font = const_cast<ImFont*>(wrapped_font_);
    const char* t = a.text.data();
    const float x0 = origin_.x + font->CalcTextSizeA(wrapped_size_, FLT_MAX, 0.0f, t + l.start, t + s).x;
    const float x1 = origin_.x + font->CalcTextSizeA(wrapped_size_, FLT_MAX, 0.0f, t + l.start, t + e).x;
    const float y0 = origin_.y + static_cast<float>(li) * line_h_;
    *mn = ImVec2(x0, y0);
    *mx = ImVec2(x1, y0 + line_h_);
    return y0 >= clip_min_.y && y0 + line_h_ <= clip_max_.y && x1 <= clip_max_.x;
}

void ArticleView::draw(const Analysis& a, ImFont* font, float column_width) {
    const float size = font->FontSize;
    const float line_h = std::round(size * 1.62f);
    const float avail = ImGui::GetContentRegionAvail().x;
    const float pad = std::round(size * 1.4f);
    const float col_w = std::max(size * 8.0f, std::min(column_width, avail - 2.0f * pad));
    const float x_off = std::max(pad, std::floor((avail - col_w) * 0.5f));
    const float top_pad = std::round(size * 1.2f);

    if (wrapped_generation_ != generation_ || wrapped_font_ != font || wrapped_size_ != size || wrapped_width_ != col_w) {
        rewrap(a, font, size, col_w);
        wrapped_generation_ = generation_;
        wrapped_font_ = font;
        wrapped_size_ = size;
        wrapped_width_ = col_w;
    }
    ImGuiWindow* win = ImGui::GetCurrentWindow();
    if (scroll_to_top_) {
        ImGui::SetScrollY(0.0f);
        scroll_to_top_ = false;
    }
    if (scroll_to_ != UINT32_MAX) {  // into view, a third of the way down, unless it is already visible
        const int li = line_of(scroll_to_);
        const float y = top_pad + static_cast<float>(li) * line_h, view_h = win->InnerRect.GetHeight();
        if (li >= 0 && (y < ImGui::GetScrollY() || y + line_h > ImGui::GetScrollY() + view_h))
            ImGui::SetScrollY(std::max(0.0f, y - view_h * 0.35f));
        scroll_to_ = UINT32_MAX;
    }
    scroll_y_ = ImGui::GetScrollY();
    scroll_max_y_ = ImGui::GetScrollMaxY();

    ImGui::PushFont(font);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0.0f, 0.0f));
    ImGui::Dummy(ImVec2(avail, top_pad));
    origin_ = ImGui::GetCursorScreenPos();
    origin_.x += x_off;
    clip_min_ = win->InnerRect.Min;
    clip_max_ = win->InnerRect.Max;
    line_h_ = line_h;

    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const bool hovered = ImGui::IsWindowHovered();
    int hover_line = -1;
    float hover_x = 0.0f;

    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(lines_.size()), line_h);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            ImVec2 pos = ImGui::GetCursorScreenPos();
            pos.x += x_off;
            draw_line(a, lines_[i], font, size, pos, line_h);
            if (hovered && mouse.y >= pos.y && mouse.y < pos.y + line_h && mouse.x >= pos.x - size * 0.2f &&
                mouse.x < pos.x + col_w + size * 0.2f) {
                hover_line = i;
                hover_x = mouse.x - pos.x;
            }
            ImGui::Dummy(ImVec2(avail, line_h));
        }
    }
    clipper.End();
    ImGui::Dummy(ImVec2(avail, std::round(size * 2.0f)));
    ImGui::PopStyleVar();

    hover_ = {};
    if (hover_line >= 0 && lines_[hover_line].paragraph >= 0) {
        const uint32_t off = offset_at(a, lines_[hover_line], font, size, hover_x);
        if (off != UINT32_MAX) find_hover(a, off);
    }
    if (hover_.entity >= 0) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
            clicked_entity_ = hover_.entity;
            select_entity(a, hover_.entity, hover_.mention);
        }
    }
    if (hover_.any) draw_tooltip(a);
    ImGui::PopFont();
}

void ArticleView::draw_line(const Analysis& a, const Line& line, ImFont* font, float size, ImVec2 pos, float line_h) {
    if (line.paragraph < 0) return;
    const theme::Palette& pal = theme::P();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const char* t = a.text.data();
    uint32_t vis_end = line.end;
    while (vis_end > line.start && is_blank(t[vis_end - 1])) --vis_end;
    auto x_at = [&](uint32_t off) {
        return pos.x + font->CalcTextSizeA(size, FLT_MAX, 0.0f, t + line.start, t + off).x;
    };
    const float rounding = std::round(size * 0.28f);
    const float end_pad = std::round(size * 0.16f);
    const float mid = pos.y + line_h * 0.5f;
    const float edge = std::max(1.0f, std::round(size / 12.0f));
    const uint32_t current_mention_start =
        sel_entity_ >= 0 ? a.entities[sel_entity_].mentions[sel_order_[sel_mention_]].start : UINT32_MAX;

    auto draw_marks = [&](const MarkList& list, float half_h, bool spans) {
        for (size_t k = list.first_reaching(line.start); k < list.marks.size() && list.marks[k].start < vis_end; ++k) {
            const Mark& m = list.marks[k];
            const bool selected = spans && sel_entity_ >= 0 && m.index == sel_entity_ && is_entity_layer(m.layer);
            if (m.end <= line.start || (!visible[static_cast<int>(m.layer)] && !selected)) continue;
            const uint32_t s = std::max(m.start, line.start), e = std::min(m.end, vis_end);
            if (e <= s) continue;
            const bool starts = m.start >= line.start, ends = m.end <= vis_end;
            float x0 = x_at(s), x1 = x_at(e);
            ImDrawFlags corners = ImDrawFlags_RoundCornersNone;
            if (starts && ends) corners = ImDrawFlags_RoundCornersAll;
            else if (starts) corners = ImDrawFlags_RoundCornersLeft;
            else if (ends) corners = ImDrawFlags_RoundCornersRight;
            if (starts) x0 -= end_pad;
            if (ends) x1 += end_pad;
            ImU32 col = layer_info(m.layer).colour;
            if (m.layer == Layer::Sentence && (m.index & 1)) col = pal.sentence_b;
            const ImVec2 p0(std::floor(x0), std::floor(mid - half_h)), p1(std::ceil(x1), std::ceil(mid + half_h));
            dl->AddRectFilled(p0, p1, col, rounding, corners);
            if (spans && m.layer == Layer::DateLine)
                dl->AddRect(p0, p1, pal.date_line_edge, rounding, corners, std::max(1.0f, std::round(size / 16.0f)));
            if (selected)  // all mentions of the selected entity outlined; the current one twice as thick
                dl->AddRect(p0, p1, pal.select_edge, rounding, corners, m.start == current_mention_start ? edge * 2.0f : edge);
        }
    };
    draw_marks(backgrounds_, size * 0.70f, false);
    draw_marks(spans_, size * 0.62f, true);

    // Find matches: outlined, the current one filled as well.
    auto hit = std::lower_bound(find_hits_.begin(), find_hits_.end(), line.start,
                                [](const std::pair<uint32_t, uint32_t>& h, uint32_t pos) { return h.second <= pos; });
    for (; hit != find_hits_.end() && hit->first < vis_end; ++hit) {
        const uint32_t s = std::max(hit->first, line.start), e = std::min(hit->second, vis_end);
        if (e <= s) continue;
        const ImVec2 p0(std::floor(x_at(s)) - 1.0f, std::floor(mid - size * 0.66f)), p1(std::ceil(x_at(e)) + 1.0f, std::ceil(mid + size * 0.66f));
        const bool current = find_current_ >= 0 && hit == find_hits_.begin() + find_current_;
        if (current) dl->AddRectFilled(p0, p1, theme::with_alpha(pal.flash, 0.45f), rounding * 0.5f);
        dl->AddRect(p0, p1, pal.select_edge, rounding * 0.5f, 0, current ? edge * 2.0f : edge);
    }

    // The span a panel row or a step jumped to: a fading glow behind the text.
    const double since = ImGui::GetTime() - flash_time_;
    if (since < 1.6 && flash_end_ > line.start && flash_start_ < vis_end) {
        const float alpha = static_cast<float>(0.55 * (1.0 - since / 1.6));
        const uint32_t s = std::max(flash_start_, line.start), e = std::min(flash_end_, vis_end);
        if (e > s)
            dl->AddRectFilled(ImVec2(std::floor(x_at(s)) - end_pad, std::floor(mid - size * 0.75f)),
                              ImVec2(std::ceil(x_at(e)) + end_pad, std::ceil(mid + size * 0.75f)), theme::with_alpha(pal.flash, alpha), rounding);
    }

    const bool boiler = static_cast<size_t>(line.paragraph) < boilerplate_para_.size() && boilerplate_para_[line.paragraph];
    const ImU32 ink = boiler && visible[static_cast<int>(Layer::Boilerplate)] ? pal.faint : pal.ink;
    dl->AddText(font, size, ImVec2(pos.x, std::round(mid - size * 0.5f)), ink, t + line.start, t + line.end);

    // Quotes and event triggers: lines under the text, so they can overlap entity highlights.
    const float thick = std::max(1.0f, std::round(size / 9.0f));
    for (size_t k = underlines_.first_reaching(line.start); k < underlines_.marks.size() && underlines_.marks[k].start < vis_end; ++k) {
        const Mark& m = underlines_.marks[k];
        if (m.end <= line.start || !visible[static_cast<int>(m.layer)]) continue;
        const uint32_t s = std::max(m.start, line.start), e = std::min(m.end, vis_end);
        if (e <= s) continue;
        const float y = std::round(mid + size * (m.layer == Layer::Event || m.layer == Layer::OtherEvent ? 0.74f : 0.60f));
        dl->AddRectFilled(ImVec2(std::floor(x_at(s)), y), ImVec2(std::ceil(x_at(e)), y + thick), layer_info(m.layer).colour);
    }
}

uint32_t ArticleView::offset_at(const Analysis& a, const Line& line, ImFont* font, float size, float x) const {
    if (x < 0.0f) return UINT32_MAX;
    const float scale = size / font->FontSize;
    const char* t = a.text.data();
    float cx = 0.0f;
    uint32_t i = line.start;
    while (i < line.end) {
        unsigned int c = 0;
        const int n = ImTextCharFromUtf8(&c, t + i, t + line.end);
        const float w = font->GetCharAdvance(static_cast<ImWchar>(c < 0x10000 ? c : 0xFFFD)) * scale;
        if (x < cx + w) return i;
        cx += w;
        i += static_cast<uint32_t>(std::max(n, 1));
    }
    return UINT32_MAX;
}

void ArticleView::find_hover(const Analysis& a, uint32_t off) {
    ArticleHover h;
    h.offset = off;
    for (const MarkList* list : {&backgrounds_, &spans_, &underlines_})
        for (size_t k = list->first_reaching(off); k < list->marks.size() && list->marks[k].start <= off; ++k) {
            const Mark& m = list->marks[k];
            if (!(m.start <= off && off < m.end)) continue;
            const bool selected = is_entity_layer(m.layer) && m.index == sel_entity_;
            if (!visible[static_cast<int>(m.layer)] && !selected) continue;
            // Marks come outer first: the last one that holds the offset is the innermost.
            switch (m.layer) {
            case Layer::Sentence: h.sentence = m.index; break;
            case Layer::Person: case Layer::Org: case Layer::Location: case Layer::Misc: {
                h.entity = m.index;
                const std::vector<Mention>& ms = a.entities[m.index].mentions;
                for (size_t i = 0; i < ms.size(); ++i)
                    if (ms[i].start == m.start && ms[i].end == m.end) { h.mention = static_cast<int>(i); break; }
                break;
            }
            case Layer::Value: h.value = m.index; break;
            case Layer::Quote: h.quote = m.index; break;
            case Layer::Event: case Layer::OtherEvent: h.event = m.index; break;
            default: break;
            }
            h.any = true;
        }
    hover_ = h;
}

void ArticleView::draw_tooltip(const Analysis& a) {
    if (hover_.entity < 0 && hover_.value < 0 && hover_.quote < 0 && hover_.event < 0 && hover_.sentence < 0) return;
    begin_card(24.0f);
    bool first = true;
    auto sep = [&]() { if (!first) ImGui::Separator(); first = false; };
    if (hover_.entity >= 0) {
        sep();
        entity_card(a, hover_.entity, hover_.mention);
        ImGui::TextColored(theme::f(theme::P().faint), "Click to step through its mentions");
    }
    if (hover_.value >= 0) { sep(); value_card(a, hover_.value); }
    if (hover_.event >= 0) { sep(); event_card(a, hover_.event); }
    if (hover_.quote >= 0) { sep(); quote_card(a, hover_.quote); }
    if (first && hover_.sentence >= 0) {  // plain text: just where we are
        ImGui::TextColored(theme::f(theme::P().muted), "Sentence %d of %zu", hover_.sentence + 1, a.sentences.size());
    }
    end_card();
}

}  // namespace ae::web
