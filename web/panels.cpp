#include "panels.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "article_explorer/values.h"  // the calendar
#include "cards.h"
#include "imgui.h"
#include "imgui_internal.h"  // RenderArrow, RenderTextEllipsis
#include "layers.h"
#include "test_hooks.h"
#include "theme.h"
#include "widgets.h"

namespace ae::web {

namespace {

bool is_other(const Event& e) { return layer_for_event(e) == Layer::OtherEvent; }

// Dates on the timeline axis are whole days since 1970-01-01 (the core's calendar).
int days_from_civil(int y, int m, int d) { return int(ae::days_from_civil(y, m, d)); }
void civil_from_days(int z, int* y, int* m, int* d) { ae::civil_from_days(z, *y, *m, *d); }

const char* const kClickHint = "Click to show it in the text";

const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// A slice of the text on one line (a row's cell).
std::string text_of(const Analysis& a, uint32_t s, uint32_t e, size_t max = 200) {
    std::string out(clip_text(a, s, e, max));
    for (char& c : out)
        if (c == '\n' || c == '\t' || c == '\r') c = ' ';
    return out;
}

// The event's main participant for the table: its agent, else its patient.
std::string who(const Analysis& a, const Event& e) {
    for (const char* role : {"agent", "patient"})
        for (const EventArgument& arg : e.arguments)
            if (arg.role == role) {
                const int ei = arg.entity.empty() ? -1 : find_entity(a, arg.entity);
                return ei >= 0 ? a.entities[ei].canonical : text_of(a, arg.start, arg.end, 60);
            }
    return std::string();
}

// One line of text clipped with an ellipsis at max_x.
void text_ellipsis(ImVec2 pos, float max_x, ImU32 col, const std::string& s) {
    ImGui::PushStyleColor(ImGuiCol_Text, col);
    ImGui::RenderTextEllipsis(ImGui::GetWindowDrawList(), pos, ImVec2(max_x, pos.y + ImGui::GetTextLineHeight()), max_x, max_x,
                              s.c_str(), s.c_str() + s.size(), nullptr);
    ImGui::PopStyleColor();
}

float table_row_height() { return ImGui::GetTextLineHeight() + ImGui::GetStyle().CellPadding.y * 2.0f; }

const ImGuiTableFlags kTableFlags = ImGuiTableFlags_Sortable | ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg |
                                    ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp |
                                    ImGuiTableFlags_Hideable;

}  // namespace

bool parse_day(const std::string& v, int* day) {
    auto digits = [&](size_t at, size_t n) {
        if (at + n > v.size()) return -1;
        int x = 0;
        for (size_t i = at; i < at + n; ++i) {
            if (v[i] < '0' || v[i] > '9') return -1;
            x = x * 10 + (v[i] - '0');
        }
        return x;
    };
    const int y = digits(0, 4);
    if (y < 0) return false;
    int m = 1, d = 1;
    if (v.size() >= 7 && v[4] == '-') {
        m = digits(5, 2);
        if (m < 1 || m > 12) return false;
        if (v.size() >= 10 && v[7] == '-') {
            d = digits(8, 2);
            if (d < 1 || d > 31) return false;
        }
    } else if (v.size() > 4 && v[4] != 'T') {
        return false;  // "2024-W14", "2024-SU": no point on the axis
    }
    *day = days_from_civil(y, m, d);
    return true;
}

void Panels::set_analysis(const Analysis& a) {
    entity_sorted_ = false;
    event_sorted_ = false;
    entity_order_.clear();
    event_order_.clear();

    // Quotes by speaker: most quoted first; unknown speakers and scare quotes at the end.
    std::map<std::string, int> by_key;
    std::vector<Group> groups;
    Group unknown, scare;
    unknown.name = "Unknown speaker";
    scare.name = "Scare quotes (no speaker)";
    for (size_t i = 0; i < a.quotes.size(); ++i) {
        const Quote& q = a.quotes[i];
        if (q.kind == "scare") { scare.quotes.push_back(static_cast<int>(i)); continue; }
        const std::string key = !q.speaker.empty() ? q.speaker : q.speaker_text;
        if (key.empty()) { unknown.quotes.push_back(static_cast<int>(i)); continue; }
        auto it = by_key.find(key);
        if (it == by_key.end()) {
            it = by_key.emplace(key, static_cast<int>(groups.size())).first;
            Group g;
            g.entity = q.speaker.empty() ? -1 : find_entity(a, q.speaker);
            g.name = g.entity >= 0 ? a.entities[g.entity].canonical : q.speaker_text;
            groups.push_back(std::move(g));
        }
        groups[it->second].quotes.push_back(static_cast<int>(i));
    }
    std::stable_sort(groups.begin(), groups.end(), [](const Group& x, const Group& y) { return x.quotes.size() > y.quotes.size(); });
    if (!unknown.quotes.empty()) groups.push_back(std::move(unknown));
    if (!scare.quotes.empty()) groups.push_back(std::move(scare));
    groups_ = std::move(groups);

    // Dated events in timeline order (the core's rank, then text order).
    dated_.clear();
    for (size_t i = 0; i < a.events.size(); ++i) {
        int day = 0;
        if (a.events[i].has_time && parse_day(a.events[i].time_value, &day)) dated_.push_back({static_cast<int>(i), day});
    }
    std::stable_sort(dated_.begin(), dated_.end(), [&](const Dated& x, const Dated& y) {
        const int rx = a.events[x.event].timeline, ry = a.events[y.event].timeline;
        if (x.day != y.day) return x.day < y.day;
        if (rx >= 0 && ry >= 0 && rx != ry) return rx < ry;
        return x.event < y.event;
    });
}

void Panels::entities(const Analysis& a, int selected, bool scroll_to_selected, PanelNav& nav) {
    if (a.entities.empty()) {
        ImGui::TextColored(theme::f(theme::P().muted), "No names found yet.");
        return;
    }
    if (!ImGui::BeginTable("##entities", 4, kTableFlags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn("Mentions", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_PreferSortDescending);
    ImGui::TableSetupColumn("Salience", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_DefaultSort | ImGuiTableColumnFlags_PreferSortDescending);
    ImGui::TableSetupColumn("Role", ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableHeadersRow();
    if (ImGuiTableSortSpecs* ss = ImGui::TableGetSortSpecs()) {
        if (ss->SpecsDirty || !entity_sorted_) {
            entity_order_.resize(a.entities.size());
            for (size_t i = 0; i < entity_order_.size(); ++i) entity_order_[i] = static_cast<int>(i);
            const int col = ss->SpecsCount ? ss->Specs[0].ColumnIndex : 2;
            const bool asc = ss->SpecsCount ? ss->Specs[0].SortDirection == ImGuiSortDirection_Ascending : false;
            std::stable_sort(entity_order_.begin(), entity_order_.end(), [&](int x, int y) {
                const Entity& ex = a.entities[x];
                const Entity& ey = a.entities[y];
                int c = 0;
                if (col == 0) c = ex.canonical.compare(ey.canonical);
                else if (col == 1) c = ex.mentions.size() < ey.mentions.size() ? -1 : ex.mentions.size() > ey.mentions.size();
                else if (col == 2) c = ex.salience < ey.salience ? -1 : ex.salience > ey.salience;
                else c = ex.role.compare(ey.role);
                return asc ? c < 0 : c > 0;
            });
            ss->SpecsDirty = false;
            entity_sorted_ = true;
        }
    }
    const float row_h = table_row_height();
    if (scroll_to_selected && selected >= 0) {  // the selected entity's row into view
        const auto it = std::find(entity_order_.begin(), entity_order_.end(), selected);
        if (it != entity_order_.end()) {
            const float y = static_cast<float>(it - entity_order_.begin()) * row_h;
            const float view = ImGui::GetWindowHeight() - row_h * 2.0f;
            if (y < ImGui::GetScrollY() || y > ImGui::GetScrollY() + view) ImGui::SetScrollY(std::max(0.0f, y - view * 0.4f));
        }
    }
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(entity_order_.size()), row_h);
    while (clipper.Step()) {
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
            const int ei = entity_order_[r];
            const Entity& e = a.entities[ei];
            ImGui::TableNextRow(0, row_h);
            ImGui::TableSetColumnIndex(0);
            ImGui::PushID(ei);
            swatch(layer_info(layer_for_entity_type(e.type)).colour);
            if (ImGui::Selectable(e.canonical.c_str(), ei == selected, ImGuiSelectableFlags_SpanAllColumns)) nav.select_entity = ei;
            if (r == 0 && rects) rects->note("row:Entities");
            if (ImGui::IsItemHovered()) {
                ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
                begin_card(24.0f);
                entity_card(a, ei, -1);
                end_card(kClickHint);
            }
            ImGui::TableSetColumnIndex(1);
            ImGui::Text("%zu", e.mentions.size());
            ImGui::TableSetColumnIndex(2);
            {  // salience as a small bar and its value
                const ImVec2 p = ImGui::GetCursorScreenPos();
                const float h = ImGui::GetTextLineHeight(), w = h * 2.2f;
                ImDrawList* dl = ImGui::GetWindowDrawList();
                dl->AddRectFilled(ImVec2(p.x, p.y + h * 0.35f), ImVec2(p.x + w, p.y + h * 0.65f), theme::P().border, h * 0.15f);
                dl->AddRectFilled(ImVec2(p.x, p.y + h * 0.35f), ImVec2(p.x + w * static_cast<float>(std::clamp(e.salience, 0.0, 1.0)), p.y + h * 0.65f),
                                  theme::P().accent, h * 0.15f);
                ImGui::Dummy(ImVec2(w, h));
            }
            ImGui::TableSetColumnIndex(3);
            if (!e.role.empty()) ImGui::TextColored(theme::f(theme::P().muted), "%s", e.role.c_str());
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

void Panels::quotes(const Analysis& a, PanelNav& nav) {
    if (groups_.empty()) {
        ImGui::TextColored(theme::f(theme::P().muted), "No quotes found.");
        return;
    }
    ImGui::BeginChild("##quotes", ImVec2(0, 0), false);
    // Flat rows (group headers and quote lines, all one line high) so only visible rows are drawn.
    struct Row { int group, quote; };
    static std::vector<Row> rows;
    rows.clear();
    for (size_t g = 0; g < groups_.size(); ++g) {
        rows.push_back({static_cast<int>(g), -1});
        if (groups_[g].open)
            for (int q : groups_[g].quotes) rows.push_back({static_cast<int>(g), q});
    }
    const theme::Palette& pal = theme::P();
    const float line = ImGui::GetTextLineHeight(), row_h = std::round(line * 1.6f);
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()), row_h);
    while (clipper.Step()) {
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
            const Row row = rows[r];
            Group& g = groups_[row.group];
            ImGui::PushID(r);
            const ImVec2 p = ImGui::GetCursorScreenPos();
            const bool clicked = ImGui::InvisibleButton("##row", ImVec2(width, row_h));
            if (r == 1 && rects) rects->note("row:Quotes");  // row 0 is the first speaker's header
            const bool hovered = ImGui::IsItemHovered();
            ImDrawList* dl = ImGui::GetWindowDrawList();
            if (hovered) {
                dl->AddRectFilled(p, ImVec2(p.x + width, p.y + row_h), pal.header_hover, line * 0.2f);
                ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
            }
            const float ty = p.y + (row_h - line) * 0.5f;
            if (row.quote < 0) {  // speaker header: arrow, colour, name, count
                ImGui::RenderArrow(dl, ImVec2(p.x + line * 0.1f, ty), pal.muted, g.open ? ImGuiDir_Down : ImGuiDir_Right, 0.8f);
                float x = p.x + line * 1.1f;
                if (g.entity >= 0) {
                    const ImU32 col = layer_info(layer_for_entity_type(a.entities[g.entity].type)).colour;
                    dl->AddRectFilled(ImVec2(x, ty + line * 0.2f), ImVec2(x + line * 0.6f, ty + line * 0.8f), col, line * 0.15f);
                    x += line * 0.9f;
                }
                char count[32];
                std::snprintf(count, sizeof count, "%zu", g.quotes.size());
                const float cw = ImGui::CalcTextSize(count).x;
                text_ellipsis(ImVec2(x, ty), p.x + width - cw - line, pal.ink, g.name);
                dl->AddText(ImVec2(p.x + width - cw - line * 0.4f, ty), pal.muted, count);
                if (clicked) g.open = !g.open;
                if (hovered && g.entity >= 0) {
                    begin_card(24.0f);
                    entity_card(a, g.entity, -1);
                    end_card();
                }
            } else {
                const Quote& q = a.quotes[row.quote];
                const float x = p.x + line * 1.1f;
                dl->AddRectFilled(ImVec2(x, ty + line * 0.1f), ImVec2(x + std::max(1.0f, line / 8.0f), ty + line * 0.9f), pal.quote);
                const std::string t = text_of(a, q.start, q.end, 240);
                text_ellipsis(ImVec2(x + line * 0.5f, ty), p.x + width - line * 0.4f, pal.ink, t);
                if (clicked) nav.go_to(q.start, q.end);
                if (hovered) {
                    begin_card(26.0f);
                    quote_card(a, row.quote);
                    end_card(kClickHint);
                }
            }
            ImGui::PopID();
        }
    }
    ImGui::PopStyleVar();
    ImGui::EndChild();
}

void Panels::events(const Analysis& a, bool show_other, PanelNav& nav) {
    if (a.events.empty()) {
        ImGui::TextColored(theme::f(theme::P().muted), "No events found.");
        return;
    }
    if (!ImGui::BeginTable("##events", 5, kTableFlags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_DefaultSort);
    ImGui::TableSetupColumn("Type", ImGuiTableColumnFlags_WidthStretch, 2.2f);
    ImGui::TableSetupColumn("Trigger", ImGuiTableColumnFlags_WidthStretch, 1.4f);
    ImGui::TableSetupColumn("Who", ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn("When", ImGuiTableColumnFlags_WidthStretch, 1.4f);
    ImGui::TableHeadersRow();
    if (ImGuiTableSortSpecs* ss = ImGui::TableGetSortSpecs()) {
        if (ss->SpecsDirty || !event_sorted_ || event_show_other_ != show_other) {
            event_order_.clear();
            for (size_t i = 0; i < a.events.size(); ++i)
                if (show_other || !is_other(a.events[i])) event_order_.push_back(static_cast<int>(i));
            const int col = ss->SpecsCount ? ss->Specs[0].ColumnIndex : 0;
            const bool asc = ss->SpecsCount ? ss->Specs[0].SortDirection == ImGuiSortDirection_Ascending : true;
            std::vector<std::string> key(a.events.size());
            if (col == 2) for (int i : event_order_) key[i] = text_of(a, a.events[i].trigger.start, a.events[i].trigger.end);
            if (col == 3) for (int i : event_order_) key[i] = who(a, a.events[i]);
            std::stable_sort(event_order_.begin(), event_order_.end(), [&](int x, int y) {
                const Event& ex = a.events[x];
                const Event& ey = a.events[y];
                int c = 0;
                if (col == 0) c = x < y ? -1 : x > y;
                else if (col == 1) c = ex.type.compare(ey.type);
                else if (col == 4) {  // undated last either way
                    if (ex.has_time != ey.has_time) return ex.has_time;
                    c = ex.time_value.compare(ey.time_value);
                } else c = key[x].compare(key[y]);
                return asc ? c < 0 : c > 0;
            });
            ss->SpecsDirty = false;
            event_sorted_ = true;
            event_show_other_ = show_other;
        }
    }
    const float row_h = table_row_height();
    const ImVec4 muted = theme::f(theme::P().muted);
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(event_order_.size()), row_h);
    while (clipper.Step()) {
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
            const int vi = event_order_[r];
            const Event& e = a.events[vi];
            ImGui::TableNextRow(0, row_h);
            ImGui::TableSetColumnIndex(0);
            ImGui::PushID(vi);
            char num[16];
            std::snprintf(num, sizeof num, "%d", vi + 1);
            const bool clicked = ImGui::Selectable(num, false, ImGuiSelectableFlags_SpanAllColumns);
            if (r == 0 && rects) rects->note("row:Events");
            if (clicked) nav.go_to(e.trigger.start, e.trigger.end);
            if (ImGui::IsItemHovered()) {
                ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
                begin_card(26.0f);
                event_card(a, vi);
                end_card(kClickHint);
            }
            ImGui::TableSetColumnIndex(1);
            ImGui::TextUnformatted(e.type.c_str());
            ImGui::TableSetColumnIndex(2);
            ImGui::TextUnformatted(text_of(a, e.trigger.start, e.trigger.end, 60).c_str());
            ImGui::TableSetColumnIndex(3);
            ImGui::TextUnformatted(who(a, e).c_str());
            ImGui::TableSetColumnIndex(4);
            if (e.has_time) ImGui::TextColored(muted, "%s", e.time_value.c_str());
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

void Panels::timeline(const Analysis& a, bool show_other, PanelNav& nav) {
    const theme::Palette& pal = theme::P();
    static std::vector<Dated> shown;
    shown.clear();
    for (const Dated& d : dated_)
        if (show_other || !is_other(a.events[d.event])) shown.push_back(d);
    if (shown.empty()) {
        ImGui::TextColored(theme::f(pal.muted), "No dated events: the timeline needs events with a resolved date.");
        return;
    }
    int ref_day = 0;
    const bool has_ref = parse_day(a.reference_date, &ref_day);
    int lo = shown.front().day, hi = shown.front().day;
    for (const Dated& d : shown) { lo = std::min(lo, d.day); hi = std::max(hi, d.day); }
    if (has_ref) { lo = std::min(lo, ref_day); hi = std::max(hi, ref_day); }
    const int span = std::max(1, hi - lo);
    const float pad_days = std::max(0.5f, span * 0.06f);

    // The axis: dates left to right, events as dots stacked per day.
    const float line = ImGui::GetTextLineHeight();
    const float width = ImGui::GetContentRegionAvail().x;
    const float height = std::round(line * 7.0f);
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("##axis", ImVec2(width, height));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p0, ImVec2(p0.x + width, p0.y + height), pal.panel, line * 0.3f);
    dl->AddRect(p0, ImVec2(p0.x + width, p0.y + height), pal.border, line * 0.3f);
    const float ax0 = p0.x + line * 0.8f, ax1 = p0.x + width - line * 0.8f;
    const float axis_y = p0.y + height - line * 1.9f;
    auto x_of = [&](float day) { return ax0 + (ax1 - ax0) * (day - (lo - pad_days)) / (span + 2.0f * pad_days); };
    dl->AddLine(ImVec2(ax0, axis_y), ImVec2(ax1, axis_y), pal.muted, std::max(1.0f, line / 14.0f));

    // Ticks: days, months or years, as many as fit.
    const float label_w = ImGui::CalcTextSize("Sep 2024").x * 1.3f;
    const int max_ticks = std::max(2, static_cast<int>((ax1 - ax0) / label_w));
    int y0, m0, d0;
    civil_from_days(lo, &y0, &m0, &d0);
    std::vector<std::pair<int, std::string>> ticks;
    char label[32];
    if (span <= max_ticks * 7) {  // every day, or every week
        const int step = span <= max_ticks ? 1 : 7;
        for (int d = lo; d <= hi; d += step) {
            int y, m, dd;
            civil_from_days(d, &y, &m, &dd);
            std::snprintf(label, sizeof label, "%s %d", kMonths[m - 1], dd);
            ticks.push_back({d, label});
        }
    } else if (span <= max_ticks * 31) {
        const int step = std::max(1, span / 31 / max_ticks + 1);
        for (int y = y0, m = m0; days_from_civil(y, m, 1) <= hi; m += step) {
            while (m > 12) { m -= 12; ++y; }
            const int d = days_from_civil(y, m, 1);
            if (d >= lo - pad_days) {
                std::snprintf(label, sizeof label, "%s %d", kMonths[m - 1], y);
                ticks.push_back({d, label});
            }
        }
    } else {
        int y1, m1, d1;
        civil_from_days(hi, &y1, &m1, &d1);
        const int step = std::max(1, (y1 - y0) / max_ticks + 1);
        for (int y = y0; y <= y1 + 1; y += step) {
            const int d = days_from_civil(y, 1, 1);
            if (d < lo - pad_days || d > hi + pad_days) continue;
            std::snprintf(label, sizeof label, "%d", y);
            ticks.push_back({d, label});
        }
    }
    for (const auto& t : ticks) {
        const float x = x_of(static_cast<float>(t.first));
        dl->AddLine(ImVec2(x, axis_y - line * 0.2f), ImVec2(x, axis_y + line * 0.2f), pal.muted);
        const float tw = ImGui::CalcTextSize(t.second.c_str()).x;
        dl->AddText(ImVec2(std::clamp(x - tw * 0.5f, p0.x + 2.0f, p0.x + width - tw - 2.0f), axis_y + line * 0.35f), pal.muted, t.second.c_str());
    }
    if (has_ref) {  // the article's own date
        const float x = x_of(static_cast<float>(ref_day));
        for (float y = p0.y + line * 0.4f; y < axis_y; y += line * 0.5f)
            dl->AddLine(ImVec2(x, y), ImVec2(x, std::min(axis_y, y + line * 0.25f)), pal.accent, std::max(1.0f, line / 14.0f));
        dl->AddText(ImVec2(std::min(x + line * 0.25f, p0.x + width - ImGui::CalcTextSize("article date").x - 4.0f), p0.y + line * 0.2f),
                    pal.accent, "article date");
    }
    // Dots, stacked upward on the same day; hover shows the card, click jumps to the text.
    const float r = std::max(3.0f, line * 0.28f);
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    int hovered = -1, stack = 0, prev_day = INT32_MIN;
    const int max_stack = std::max(1, static_cast<int>((axis_y - p0.y - line * 1.4f) / (r * 2.3f)));
    for (const Dated& d : shown) {
        stack = d.day == prev_day ? stack + 1 : 0;
        prev_day = d.day;
        if (stack >= max_stack) continue;
        const ImVec2 c(x_of(static_cast<float>(d.day)), axis_y - r * 1.6f - stack * r * 2.3f);
        const bool other = is_other(a.events[d.event]);
        const bool over = ImGui::IsItemHovered() && std::fabs(mouse.x - c.x) <= r * 1.3f && std::fabs(mouse.y - c.y) <= r * 1.3f;
        if (over) hovered = d.event;
        dl->AddCircleFilled(c, over ? r * 1.35f : r, other ? theme::with_alpha(pal.event, 0.45f) : pal.event, 12);
    }
    if (hovered >= 0) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        begin_card(26.0f);
        event_card(a, hovered);
        end_card();
        if (ImGui::IsItemClicked()) nav.go_to(a.events[hovered].trigger.start, a.events[hovered].trigger.end);
    }

    // Below: the same events as a list, in time order.
    ImGui::Spacing();
    int undated = 0;
    for (const Event& e : a.events) undated += (show_other || !is_other(e)) ? 1 : 0;
    undated -= static_cast<int>(shown.size());
    ImGui::TextColored(theme::f(pal.muted), "%zu dated event%s in time order%s", shown.size(), shown.size() == 1 ? "" : "s",
                       undated > 0 ? "" : ".");
    if (undated > 0) {
        ImGui::SameLine(0, 0);
        ImGui::TextColored(theme::f(pal.muted), "; %d without a date are in the Events table.", undated);
    }
    if (!ImGui::BeginTable("##timeline", 3, ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                                 ImGuiTableFlags_SizingStretchProp)) return;
    ImGui::TableSetupColumn("Date", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("Type", ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn("Trigger", ImGuiTableColumnFlags_WidthStretch, 1.6f);
    const float row_h = table_row_height();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(shown.size()), row_h);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const Event& e = a.events[shown[i].event];
            ImGui::TableNextRow(0, row_h);
            ImGui::TableSetColumnIndex(0);
            ImGui::PushID(i);
            const bool clicked = ImGui::Selectable(e.time_value.c_str(), hovered == shown[i].event, ImGuiSelectableFlags_SpanAllColumns);
            if (i == 0 && rects) rects->note("row:Timeline");
            if (clicked) nav.go_to(e.trigger.start, e.trigger.end);
            if (ImGui::IsItemHovered()) {
                begin_card(26.0f);
                event_card(a, shown[i].event);
                end_card();
            }
            ImGui::TableSetColumnIndex(1);
            ImGui::TextUnformatted(e.type.c_str());
            ImGui::TableSetColumnIndex(2);
            ImGui::TextColored(theme::f(pal.muted), "%s", text_of(a, e.trigger.start, e.trigger.end, 60).c_str());
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

}  // namespace ae::web
