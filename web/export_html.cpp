#include "export_html.h"

#include <algorithm>
#include <cstdio>

#include "layers.h"
#include "theme.h"

namespace ae::web {

namespace {

// Marks as they are exported: one kind per layer family, innermost wins within a family.
enum Kind { kEntity, kValue, kQuote, kEvent, kKinds };
struct Mark { uint32_t start, end; Kind kind; int index; };
struct Edge { uint32_t pos; bool open; int mark; };

void escape(std::string& out, const char* s, size_t n, bool in_attribute) {
    for (size_t i = 0; i < n; ++i) {
        switch (s[i]) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += in_attribute ? "&quot;" : "\""; break;
        case '\n': out += in_attribute ? " " : "<br>"; break;
        default: out.push_back(s[i]);
        }
    }
}

std::string css(ImU32 c) {
    char b[8];
    std::snprintf(b, sizeof b, "#%02X%02X%02X", (c >> IM_COL32_R_SHIFT) & 0xFF, (c >> IM_COL32_G_SHIFT) & 0xFF, (c >> IM_COL32_B_SHIFT) & 0xFF);
    return b;
}

}  // namespace

std::string article_html(const Analysis& a, const bool* visible) {
    const theme::Palette& pal = theme::kLight;  // documents are light, whatever the page's theme
    const uint32_t n = static_cast<uint32_t>(a.text.size());
    std::vector<Mark> marks;
    auto on = [&](Layer l) { return visible[static_cast<int>(l)]; };
    for (size_t i = 0; i < a.entities.size(); ++i) {
        if (!on(layer_for_entity_type(a.entities[i].type))) continue;
        for (const Mention& m : a.entities[i].mentions) marks.push_back({m.start, m.end, kEntity, static_cast<int>(i)});
    }
    if (on(Layer::Value))
        for (size_t i = 0; i < a.values.size(); ++i) marks.push_back({a.values[i].start, a.values[i].end, kValue, static_cast<int>(i)});
    if (on(Layer::Quote))
        for (size_t i = 0; i < a.quotes.size(); ++i) marks.push_back({a.quotes[i].start, a.quotes[i].end, kQuote, static_cast<int>(i)});
    for (size_t i = 0; i < a.events.size(); ++i) {
        if (on(layer_for_event(a.events[i])))
            marks.push_back({a.events[i].trigger.start, a.events[i].trigger.end, kEvent, static_cast<int>(i)});
    }
    std::vector<Edge> edges;
    for (size_t i = 0; i < marks.size(); ++i) {
        Mark& m = marks[i];
        m.end = std::min(m.end, n);
        if (m.start >= m.end) continue;
        edges.push_back({m.start, true, static_cast<int>(i)});
        edges.push_back({m.end, false, static_cast<int>(i)});
    }
    // Paragraph starts and ends cut segments too.
    for (const Paragraph& p : a.paragraphs) {
        edges.push_back({std::min(p.start, n), true, -1});
        edges.push_back({std::min(p.end, n), false, -1});
    }
    std::stable_sort(edges.begin(), edges.end(), [](const Edge& x, const Edge& y) {
        if (x.pos != y.pos) return x.pos < y.pos;
        return !x.open && y.open;  // closes before opens at the same place
    });

    std::string out;
    out.reserve(a.text.size() * 2 + 256);
    out += "<div style=\"font-family:Georgia,'Times New Roman',serif;font-size:16px;line-height:1.7;color:#1F2328\">\n";
    std::vector<int> active[kKinds];
    int in_para = 0;
    uint32_t pos = 0;
    auto emit_segment = [&](uint32_t s, uint32_t e) {
        if (e <= s || in_para <= 0) return;
        const int ent = active[kEntity].empty() ? -1 : active[kEntity].back();
        const int val = active[kValue].empty() ? -1 : active[kValue].back();
        const int quo = active[kQuote].empty() ? -1 : active[kQuote].back();
        const int evt = active[kEvent].empty() ? -1 : active[kEvent].back();
        if (ent < 0 && val < 0 && quo < 0 && evt < 0) {
            escape(out, a.text.data() + s, e - s, false);
            return;
        }
        std::string style, title;
        if (ent >= 0) {
            const Entity& en = a.entities[marks[ent].index];
            style += "background:" + css(layer_colour(layer_for_entity_type(en.type), pal)) + ";border-radius:3px;";
            title += en.type + ": " + en.canonical + (en.role.empty() ? "" : " (" + en.role + ")");
        } else if (val >= 0) {
            const Value& v = a.values[marks[val].index];
            style += "background:" + css(pal.value) + ";border-radius:3px;";
            title += v.type + (v.value.empty() ? "" : ": " + v.value);
        }
        if (quo >= 0) {
            const Quote& q = a.quotes[marks[quo].index];
            style += "border-bottom:2px solid " + css(pal.quote) + ";";
            if (!title.empty()) title += " | ";
            title += "Quote (" + q.kind + ")" + (q.speaker_text.empty() ? "" : ", speaker: " + q.speaker_text);
        }
        if (evt >= 0) {
            const Event& ev = a.events[marks[evt].index];
            style += "text-decoration:underline;text-decoration-color:" + css(pal.event) + ";text-decoration-thickness:2px;";
            if (!title.empty()) title += " | ";
            title += "Event: " + ev.type + (ev.has_time ? " (" + ev.time_value + ")" : "");
        }
        out += "<span style=\"" + style + "\" title=\"";
        escape(out, title.data(), title.size(), true);
        out += "\">";
        escape(out, a.text.data() + s, e - s, false);
        out += "</span>";
    };
    for (const Edge& ed : edges) {
        emit_segment(pos, ed.pos);
        pos = std::max(pos, ed.pos);
        if (ed.mark < 0) {
            if (ed.open) {
                if (in_para++ == 0) out += "<p style=\"margin:0 0 0.9em\">";
            } else if (--in_para == 0) {
                out += "</p>\n";
            }
            continue;
        }
        std::vector<int>& list = active[marks[ed.mark].kind];
        if (ed.open) list.push_back(ed.mark);
        else list.erase(std::find(list.begin(), list.end(), ed.mark));
    }
    out += "</div>\n";
    return out;
}

}  // namespace ae::web
