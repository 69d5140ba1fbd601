#include "article_view.h"

#include <algorithm>
#include <chrono>
#include <cfloat>
#include <cmath>
#include <cstdio>

#include "imgui_internal.h"  // ImTextCharFromUtf8
#include "theme.h"

namespace ae::web {

namespace {

const LayerInfo kLayers[] = {
    {"Sentences", theme::kSentenceA, false},
    {"Date line", theme::kDateLine, false},
    {"Boilerplate", theme::kBoilerplate, false},
    {"People", theme::kPerson, false},
    {"Organisations", theme::kOrg, false},
    {"Places", theme::kLocation, false},
    {"Other names", theme::kMisc, false},
    {"Dates & numbers", theme::kValue, false},
    {"Quotes", theme::kQuote, true},
    {"Events", theme::kEvent, true},
    {"Other actions", theme::kEvent, true},
};
static_assert(sizeof(kLayers) / sizeof(kLayers[0]) == static_cast<size_t>(Layer::Count), "one entry per layer");

double now_ms() {
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

uint32_t utf8_next(const std::string& s, uint32_t i) {
    if (i >= s.size()) return i;
    unsigned char c = static_cast<unsigned char>(s[i]);
    uint32_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
    return std::min<uint32_t>(i + n, static_cast<uint32_t>(s.size()));
}

}  // namespace

const LayerInfo& layer_info(Layer l) { return kLayers[static_cast<int>(l)]; }

Layer layer_for_entity_type(const std::string& type) {
    if (type == "PERSON" || type == "PER") return Layer::Person;
    if (type == "ORGANIZATION" || type == "ORG") return Layer::Org;
    if (type == "LOCATION" || type == "LOC" || type == "GPE") return Layer::Location;
    return Layer::Misc;
}

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

void ArticleView::set_analysis(const Analysis& a) {
    ++generation_;
    backgrounds_ = {};
    spans_ = {};
    underlines_ = {};
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
        add(underlines_, a.events[i].trigger.start, a.events[i].trigger.end,
            a.events[i].type.rfind("Other.", 0) == 0 ? Layer::OtherEvent : Layer::Event, static_cast<int32_t>(i));
    // Entities count once per entity, not per mention.
    for (Layer l : {Layer::Person, Layer::Org, Layer::Location, Layer::Misc}) counts_[static_cast<int>(l)] = 0;
    for (const Entity& e : a.entities) counts_[static_cast<int>(layer_for_entity_type(e.type))]++;

    backgrounds_.finish();
    spans_.finish();
    underlines_.finish();
    scroll_to_top_ = true;
}

void ArticleView::rewrap(const Analysis& a, ImFont* font, float size, float width) {
    const double t0 = now_ms();
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
    wrap_ms_ = now_ms() - t0;
}

void ArticleView::draw(const Analysis& a, ImFont* font, float column_width) {
    const float size = font->FontSize;
    const float line_h = std::round(size * 1.62f);
    const float avail = ImGui::GetContentRegionAvail().x;
    const float pad = std::round(size * 1.4f);
    const float col_w = std::max(size * 8.0f, std::min(column_width, avail - 2.0f * pad));
    const float x_off = std::max(pad, std::floor((avail - col_w) * 0.5f));

    if (wrapped_generation_ != generation_ || wrapped_font_ != font || wrapped_size_ != size || wrapped_width_ != col_w) {
        rewrap(a, font, size, col_w);
        wrapped_generation_ = generation_;
        wrapped_font_ = font;
        wrapped_size_ = size;
        wrapped_width_ = col_w;
    }
    if (scroll_to_top_) {
        ImGui::SetScrollY(0.0f);
        scroll_to_top_ = false;
    }

    ImGui::PushFont(font);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0.0f, 0.0f));
    ImGui::Dummy(ImVec2(avail, std::round(size * 1.2f)));

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

    if (hover_line >= 0 && lines_[hover_line].paragraph >= 0) {
        const uint32_t off = offset_at(a, lines_[hover_line], font, size, hover_x);
        if (off != UINT32_MAX) draw_tooltip(a, off);
    }
    ImGui::PopFont();
}

void ArticleView::draw_line(const Analysis& a, const Line& line, ImFont* font, float size, ImVec2 pos, float line_h) {
    if (line.paragraph < 0) return;
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

    auto draw_marks = [&](const MarkList& list, float half_h, bool outline) {
        for (size_t k = list.first_reaching(line.start); k < list.marks.size() && list.marks[k].start < vis_end; ++k) {
            const Mark& m = list.marks[k];
            if (m.end <= line.start || !visible[static_cast<int>(m.layer)]) continue;
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
            if (m.layer == Layer::Sentence && (m.index & 1)) col = theme::kSentenceB;
            const ImVec2 p0(std::floor(x0), std::floor(mid - half_h)), p1(std::ceil(x1), std::ceil(mid + half_h));
            dl->AddRectFilled(p0, p1, col, rounding, corners);
            if (outline && m.layer == Layer::DateLine)
                dl->AddRect(p0, p1, theme::kDateLineEdge, rounding, corners, std::max(1.0f, std::round(size / 16.0f)));
        }
    };
    draw_marks(backgrounds_, size * 0.70f, false);
    draw_marks(spans_, size * 0.62f, true);

    const bool boiler = static_cast<size_t>(line.paragraph) < boilerplate_para_.size() && boilerplate_para_[line.paragraph];
    const ImU32 ink = boiler && visible[static_cast<int>(Layer::Boilerplate)] ? theme::kFaint : theme::kInk;
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

void ArticleView::draw_tooltip(const Analysis& a, uint32_t off) {
    std::vector<const Mark*> hits;
    for (const MarkList* list : {&backgrounds_, &spans_, &underlines_})
        for (size_t k = list->first_reaching(off); k < list->marks.size() && list->marks[k].start <= off; ++k) {
            const Mark& m = list->marks[k];
            if (m.start <= off && off < m.end && visible[static_cast<int>(m.layer)]) hits.push_back(&m);
        }
    if (hits.empty()) return;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 26.0f);
    const ImVec4 muted = theme::f(theme::kMuted);
    bool first = true;
    auto swatch = [](ImU32 col) {
        const float h = ImGui::GetTextLineHeight();
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + h * 0.2f), ImVec2(p.x + h * 0.6f, p.y + h * 0.8f), col, h * 0.15f);
        ImGui::Dummy(ImVec2(h * 0.6f, h));
        ImGui::SameLine();
    };
    for (const Mark* m : hits) {
        if (!first) ImGui::Separator();
        first = false;
        const LayerInfo& info = layer_info(m->layer);
        ImU32 col = info.colour;
        if (m->layer == Layer::Sentence && (m->index & 1)) col = theme::kSentenceB;
        swatch(col);
        switch (m->layer) {
        case Layer::Sentence:
            ImGui::Text("Sentence %d of %d", m->index + 1, static_cast<int>(a.sentences.size()));
            break;
        case Layer::DateLine:
            ImGui::TextUnformatted("Date line");
            ImGui::TextColored(muted, "Reference date for relative dates: %s",
                               a.reference_date.empty() ? "none" : a.reference_date.c_str());
            break;
        case Layer::Boilerplate:
            ImGui::TextUnformatted("Boilerplate");
            ImGui::TextColored(muted, "A caption, credit or promo line: kept out of the story's analysis.");
            break;
        case Layer::Person: case Layer::Org: case Layer::Location: case Layer::Misc: {
            const Entity& e = a.entities[m->index];
            ImGui::Text("%s", e.canonical.c_str());
            ImGui::TextColored(muted, "%s · %d mention%s", e.type.c_str(), static_cast<int>(e.mentions.size()),
                               e.mentions.size() == 1 ? "" : "s");
            if (!e.role.empty()) ImGui::TextColored(muted, "%s", e.role.c_str());
            break;
        }
        case Layer::Value: {
            const Value& v = a.values[m->index];
            ImGui::Text("%s", v.type.c_str());
            if (!v.value.empty()) ImGui::TextColored(muted, "%s", v.value.c_str());
            break;
        }
        case Layer::Quote: {
            const Quote& q = a.quotes[m->index];
            ImGui::Text("Quote (%s)", q.kind.c_str());
            ImGui::TextColored(muted, "Speaker: %s", q.speaker_text.empty() ? "unknown" : q.speaker_text.c_str());
            break;
        }
        case Layer::Event:
        case Layer::OtherEvent: {
            const Event& ev = a.events[m->index];
            ImGui::Text("%s", ev.type.c_str());
            if (ev.polarity == "negative") ImGui::TextColored(muted, "negated");
            if (ev.modality != "asserted") ImGui::TextColored(muted, "%s", ev.modality.c_str());
            break;
        }
        case Layer::Count: break;
        }
    }
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

}  // namespace ae::web
