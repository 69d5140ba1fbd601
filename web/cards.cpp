#include "cards.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>

#include "imgui.h"
#include "layers.h"
#include "theme.h"
#include "widgets.h"

namespace ae::web {

namespace {

int find_by_id(const std::string& id, size_t count, const std::string& (*id_at)(const Analysis&, size_t), const Analysis& a) {
    if (id.size() < 2) return -1;
    const long guess = std::strtol(id.c_str() + 1, nullptr, 10) - 1;  // ids are "e1", "e2", ... in order
    if (guess >= 0 && static_cast<size_t>(guess) < count && id_at(a, static_cast<size_t>(guess)) == id) return static_cast<int>(guess);
    for (size_t i = 0; i < count; ++i)
        if (id_at(a, i) == id) return static_cast<int>(i);
    return -1;
}

const char* plural(size_t n) { return n == 1 ? "" : "s"; }

}  // namespace

int find_entity(const Analysis& a, const std::string& id) {
    return find_by_id(id, a.entities.size(), [](const Analysis& x, size_t i) -> const std::string& { return x.entities[i].id; }, a);
}

int find_quote(const Analysis& a, const std::string& id) {
    return find_by_id(id, a.quotes.size(), [](const Analysis& x, size_t i) -> const std::string& { return x.quotes[i].id; }, a);
}

std::string_view clip_text(const Analysis& a, uint32_t s, uint32_t e, size_t max_bytes) {
    s = std::min<uint32_t>(s, static_cast<uint32_t>(a.text.size()));
    e = std::min<uint32_t>(std::max(s, e), static_cast<uint32_t>(a.text.size()));
    if (e - s > max_bytes) {
        e = s + static_cast<uint32_t>(max_bytes);
        while (e > s && (static_cast<unsigned char>(a.text[e]) & 0xC0) == 0x80) --e;
    }
    return a.slice(s, e);
}

std::string excerpt(const Analysis& a, uint32_t s, uint32_t e, size_t max_bytes) {
    const std::string_view t = clip_text(a, s, e, max_bytes);
    const bool cut = t.size() < clip_text(a, s, e, SIZE_MAX).size();
    return cut ? std::string(t) + "\xE2\x80\xA6" : std::string(t);
}

void begin_card(float ems) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * ems);
}

void end_card(const char* hint) {
    if (hint) ImGui::TextColored(theme::f(theme::P().faint), "%s", hint);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

void entity_card(const Analysis& a, int ei, int mention) {
    if (ei < 0 || static_cast<size_t>(ei) >= a.entities.size()) return;
    const Entity& e = a.entities[ei];
    const ImVec4 muted = theme::f(theme::P().muted);
    swatch(layer_info(layer_for_entity_type(e.type)).colour);
    ImGui::TextUnformatted(e.canonical.c_str());
    ImGui::TextColored(muted, "%s \xC2\xB7 %zu mention%s \xC2\xB7 salience %.2f", e.type.c_str(), e.mentions.size(), plural(e.mentions.size()), e.salience);
    if (!e.role.empty()) ImGui::Text("Role: %s", e.role.c_str());
    if (mention >= 0 && static_cast<size_t>(mention) < e.mentions.size() && e.mentions[mention].kind != "name")
        ImGui::TextColored(muted, "This mention: %s (%s)", excerpt(a, e.mentions[mention].start, e.mentions[mention].end, 60).c_str(),
                           e.mentions[mention].kind.c_str());
    int quotes = 0;
    for (const Quote& q : a.quotes) quotes += q.speaker == e.id ? 1 : 0;
    if (quotes) ImGui::TextColored(muted, "Speaker of %d quote%s", quotes, plural(static_cast<size_t>(quotes)));
}

void quote_card(const Analysis& a, int qi) {
    if (qi < 0 || static_cast<size_t>(qi) >= a.quotes.size()) return;
    const Quote& q = a.quotes[qi];
    const ImVec4 muted = theme::f(theme::P().muted);
    swatch(theme::P().quote);
    ImGui::Text("Quote (%s)", q.kind.c_str());
    if (q.kind == "scare")
        ImGui::TextColored(muted, "Scare quotes: words set apart, no speaker");
    else
        ImGui::Text("Speaker: %s", q.speaker_text.empty() ? "unknown" : q.speaker_text.c_str());
    if (q.has_cue) ImGui::TextColored(muted, "Cue: %s", excerpt(a, q.cue.start, q.cue.end, 40).c_str());
    ImGui::TextWrapped("\xE2\x80\x9C%s\xE2\x80\x9D", excerpt(a, q.start, q.end, 420).c_str());
}

void event_card(const Analysis& a, int vi) {
    if (vi < 0 || static_cast<size_t>(vi) >= a.events.size()) return;
    const Event& ev = a.events[vi];
    const ImVec4 muted = theme::f(theme::P().muted);
    swatch(theme::P().event);
    ImGui::Text("%s", ev.type.c_str());
    ImGui::TextColored(muted, "Trigger: %s", excerpt(a, ev.trigger.start, ev.trigger.end, 60).c_str());
    for (const EventArgument& arg : ev.arguments) {
        const int e = arg.entity.empty() ? -1 : find_entity(a, arg.entity);
        const std::string text = excerpt(a, arg.start, arg.end, 80);
        if (e >= 0 && a.entities[e].canonical != text)
            ImGui::Text("%s: %s (%s)", arg.role.c_str(), text.c_str(), a.entities[e].canonical.c_str());
        else
            ImGui::Text("%s: %s", arg.role.c_str(), text.c_str());
    }
    if (ev.has_time)
        ImGui::Text("Time: %s%s%s%s", ev.time_value.c_str(), ev.time_text.empty() ? "" : " (\xE2\x80\x9C",
                    ev.time_text.c_str(), ev.time_text.empty() ? "" : "\xE2\x80\x9D)");
    if (ev.polarity == "negative" || ev.modality != "asserted")
        ImGui::TextColored(muted, "%s%s%s", ev.polarity == "negative" ? "negated" : "",
                           ev.polarity == "negative" && ev.modality != "asserted" ? ", " : "", ev.modality != "asserted" ? ev.modality.c_str() : "");
    if (!ev.quote.empty()) {
        const int q = find_quote(a, ev.quote);
        if (q >= 0) ImGui::TextColored(muted, "In a quote by %s", a.quotes[q].speaker_text.empty() ? "an unknown speaker" : a.quotes[q].speaker_text.c_str());
    }
}

void value_card(const Analysis& a, int vi) {
    if (vi < 0 || static_cast<size_t>(vi) >= a.values.size()) return;
    const Value& v = a.values[vi];
    swatch(theme::P().value);
    ImGui::Text("%s", v.type.c_str());
    if (!v.value.empty()) ImGui::TextColored(theme::f(theme::P().muted), "Normalised: %s", v.value.c_str());
}

}  // namespace ae::web
