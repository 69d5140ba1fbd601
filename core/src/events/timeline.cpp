// What the events stage does once every sentence is done (see events/finding.h): purpose
// infinitives lend their patient, events are anchored in time, ids and the timeline are given.
#include "events/finding.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <iterator>
#include <string>

namespace ae {

using namespace events;

// ---- 1. after the loop; purpose clauses lend their patient --------------------------------------

void EventFinding::Impl::finish() {
    purpose_patients();
    anchor_times();
    purpose_times();
    number_and_order();
    a.events = std::move(events);
}

// An event without a patient takes the patient of a purpose infinitive right after it
// ("take the case to the ICJ to denounce Ecuador's responsibility").
void EventFinding::Impl::purpose_patients() {
    // "Ford expects to continue": a controlled infinitive's patient may be the event's own agent
    auto own_agent = [](const Event& ev, const EventArgument& x) {
        for (const auto& y : ev.arguments)
            if (y.role == "agent" && y.start < x.end && x.start < y.end) return true;
        return false;
    };
    for (size_t e = 0; e < events.size(); ++e) {
        if (b.has_role(events[e], "patient")) continue;
        int t = ev_tok[e];
        for (size_t f = e + 1; f < events.size(); ++f) {
            int u = ev_tok[f];
            if (d.sent[u] != d.sent[t] || u - t > 20) break;
            if (u < 1 || !(d.f[u - 1] & F_TO)) continue;
            if (d.low[u - 1] != "to" || !d.verb(u)) continue;
            bool comma = false;
            for (int k = t + 1; k < u; ++k) if (d.low[k] == "," || d.low[k] == ";") comma = true;
            if (comma) break;
            for (const auto& x : events[f].arguments)
                if (x.role == "patient" && !own_agent(events[e], x)) {
                    EventArgument y = x;
                    // "Ecuador's responsibility": the possessor entity is the one meant
                    int pt = token_at(a, x.start);
                    for (int k = pt; k < int(d.n) && a.tokens[k].start < x.end; ++k)
                        if (d.f[k] & F_POS && k > pt && d.ent[k - 1] >= 0) {
                            y.entity = a.entities[d.ent[k - 1]].id;
                            y.start = a.tokens[d.ment_first[k - 1]].start; y.end = a.tokens[d.ment_last[k - 1]].end;
                            break;
                        }
                    b.add(events[e], y);
                    break;
                }
            break;
        }
    }
}

// ---- 2. time anchoring --------------------------------------------------------------------------

namespace {

// y - x in days for two ISO dates, 9999 if not comparable.
int day_diff(const std::string& x, const std::string& y) {
    if (x.size() < 10 || y.size() < 10) return 9999;
    auto days = [](const std::string& s) {
        int Y = std::atoi(s.substr(0, 4).c_str()), M = std::atoi(s.substr(5, 2).c_str()), D = std::atoi(s.substr(8, 2).c_str());
        if (M < 3) { Y -= 1; M += 12; }
        return 365 * Y + Y / 4 - Y / 100 + Y / 400 + (153 * (M - 3) + 2) / 5 + D;
    };
    return days(y) - days(x);
}

}  // namespace

// A value in a story sentence (not in the date line or a caption).
bool EventFinding::Impl::in_story(const Value& v) const {
    int t = token_at(a, v.start);
    return t >= 0 && size_t(t) < d.n && d.sent[t] >= 0 && a.tokens[t].start >= v.start;
}

// Each event's time: the nearest DATE/TIME of its own sentence; for a past event without one, the
// nearest day of the story's week; else the reference date.
void EventFinding::Impl::anchor_times() {
    std::vector<int> story_days = week_days();   // values usable as anchors for undated past events
    // per sentence: its DATE/TIME values with a normalised value (events look only there)
    std::vector<std::vector<int>> sent_values(a.sentences.size());
    for (size_t v = 0; v < a.values.size(); ++v) {
        const Value& V = a.values[v];
        if ((V.type != "DATE" && V.type != "TIME") || V.value.empty() || !(V.value[0] >= '0' && V.value[0] <= '9')) continue;
        int t0 = token_at(a, V.start);
        if (t0 >= 0 && size_t(t0) < d.n && d.sent[t0] >= 0) sent_values[d.sent[t0]].push_back(int(v));
    }
    // story days by sentence, for the nearest one
    std::vector<std::pair<int, int>> day_at;   // (sentence, value)
    for (int v : story_days) day_at.push_back({d.sent[token_at(a, a.values[v].start)], v});
    std::sort(day_at.begin(), day_at.end());
    std::string ref_text;
    if (!a.reference_date.empty())
        for (const Value& V : a.values)
            if (V.value == a.reference_date && !in_story(V)) { ref_text = std::string(a.slice(V.start, V.end)); break; }
    for (size_t e = 0; e < events.size(); ++e) {
        Event& ev = events[e];
        int t = ev_tok[e];
        int best = sentence_value(ev, t, sent_values[ev.sentence]);
        if (best >= 0) {
            const Value& V = a.values[best];
            ev.has_time = true; ev.time_value = V.value; ev.time_text = std::string(a.slice(V.start, V.end));
            EventArgument r; r.role = "time"; r.start = V.start; r.end = V.end;
            b.add(ev, r);
            continue;
        }
        // past events: the nearest day of the story's week
        if (past_event(t) && !story_days.empty()) {
            int bv = nearest_day(day_at, int(ev.sentence));
            const Value& V = a.values[bv];
            ev.has_time = true; ev.time_value = V.value; ev.time_text = std::string(a.slice(V.start, V.end));
            continue;
        }
        if (!a.reference_date.empty()) { ev.has_time = true; ev.time_value = a.reference_date; ev.time_text = ref_text; }
    }
}

// The story's days: ISO DATE values in story sentences, in the week up to the reference date.
std::vector<int> EventFinding::Impl::week_days() const {
    std::vector<int> story_days;
    for (size_t v = 0; v < a.values.size(); ++v) {
        const Value& V = a.values[v];
        if (V.type != "DATE" || V.value.size() != 10 || !in_story(V)) continue;
        if (!a.reference_date.empty()) {
            int dd = day_diff(V.value, a.reference_date);
            if (dd < 0 || dd > 7) continue;
        }
        story_days.push_back(int(v));
    }
    return story_days;
}

// The closest value (by bytes) in the event's sentence that belongs to it: within 80 tokens, not
// another noun's ("last year's election"), not across a relative clause; -1 when none.
int EventFinding::Impl::sentence_value(const Event& ev, int t, const std::vector<int>& values) const {
    const Sentence& S = a.sentences[ev.sentence];
    int best = -1;
    uint32_t bestd = ~0u;
    for (int v : values) {
        const Value& V = a.values[v];
        if (V.start < S.start || V.end > S.end) continue;
        int v0 = token_at(a, V.start), v1 = token_at(a, V.end - 1);
        if (std::abs(v0 - t) > 80) continue;   // too far to belong to the event (and linear time)
        // "last year's election": the value belongs to that noun (and a participle on it)
        if (v1 + 1 < int(d.n) && (d.f[v1 + 1] & F_POS) && d.chunk[v1 + 1] >= 0) {
            const Chunk& B = d.chunks[d.chunk[v1 + 1]];
            bool mine = t == B.head || (t > 0 && d.chunk[t - 1] == d.chunk[v1 + 1]) ||
                        (t > 1 && d.low[t - 1] == "," && d.chunk[t - 2] == d.chunk[v1 + 1]);
            if (!mine) continue;
        }
        // not across a relative clause boundary ("to arrest Glas, who had been residing there since December")
        bool rel = false;
        for (int k = std::min(t, v0) + 1; k < std::max(t, v1); ++k)
            if (in(d.low[k], {"who", "which", "where", "whom", "whose"})) { rel = true; break; }
        if (rel) continue;
        uint32_t dist = V.start > a.tokens[t].start ? V.start - a.tokens[t].start : a.tokens[t].start - V.end;
        if (dist < bestd) { bestd = dist; best = int(v); }
    }
    return best;
}

// A past event: its verb group is past (or a participle, or an infinitive whose matrix decides);
// a noun event counts as past; a future never.
bool EventFinding::Impl::past_event(int t) const {
    int sf = an.sfirst(t);
    VGroup g = verb_group(d, t, sf);
    bool past = d.verb(t) ? (g.past || (d.vt[t] == V_VBN && !g.future)) : true;
    if (d.verb(t) && g.infinitive) past = true;   // "raided … to arrest": the matrix decides (purpose_times)
    if (g.future) past = false;
    return past;
}

// The story day nearest the sentence, by sentence distance; on a tie the earlier one.
int EventFinding::Impl::nearest_day(const std::vector<std::pair<int, int>>& day_at, int sentence) const {
    auto it = std::lower_bound(day_at.begin(), day_at.end(), std::make_pair(sentence, -1));
    int bv = -1;
    int64_t bd = INT64_MAX;   // not `long`: 32 bits in wasm
    if (it != day_at.end()) { bd = int64_t(it->first) - int64_t(sentence); bv = it->second; }
    if (it != day_at.begin()) {
        auto p = std::prev(it);
        // the first value of the previous sentence with a day
        auto q = std::lower_bound(day_at.begin(), day_at.end(), std::make_pair(p->first, -1));
        if (int64_t(sentence) - int64_t(q->first) <= bd) { bd = int64_t(sentence) - int64_t(q->first); bv = q->second; }
    }
    return bv;
}

// An infinitive of purpose happens when its matrix event does ("raided … to arrest").
void EventFinding::Impl::purpose_times() {
    for (size_t e = 0; e + 1 < events.size(); ++e) {
        int u = ev_tok[e + 1];
        if (d.sent[u] != d.sent[ev_tok[e]] || u < 1 || d.low[u - 1] != "to") continue;
        if (events[e + 1].has_time && events[e].has_time && !b.has_role(events[e + 1], "time")) {
            events[e + 1].time_value = events[e].time_value;
            events[e + 1].time_text = events[e].time_text;
        }
    }
}

// ---- 3. ids and timeline ------------------------------------------------------------------------

// Ids in text order; the timeline ranks the events by resolved time (a range by its end), then
// text order.
void EventFinding::Impl::number_and_order() {
    for (size_t e = 0; e < events.size(); ++e) events[e].id = "v" + std::to_string(e + 1);
    std::vector<size_t> order(events.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    auto key = [&](const Event& ev) {
        std::string v = ev.has_time ? ev.time_value : std::string("9999");
        size_t slash = v.find('/');
        if (slash != std::string::npos) v = v.substr(slash + 1);   // a range: its end
        return v;
    };
    std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
        std::string kx = key(events[x]), ky = key(events[y]);
        // "2023" sorts before "2023-05": compare on the common prefix, then shorter first
        size_t m = std::min(kx.size(), ky.size());
        int c = kx.compare(0, m, ky, 0, m);
        if (c != 0) return c < 0;
        return kx.size() < ky.size();
    });
    for (size_t r = 0; r < order.size(); ++r) events[order[r]].timeline = int32_t(r);
}

}  // namespace ae
