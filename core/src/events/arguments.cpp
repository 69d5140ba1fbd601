// The events stage's arguments (see events/finding.h): an argument from a noun chunk (its entity,
// a pronoun's person, a quantity's of-phrase, an amount's in-phrase, a role description's person),
// the role of a prepositional phrase by event type, polarity and modality.
#include "events/finding.h"

#include <algorithm>

namespace ae::events {

EventArgument Builder::arg_from(const Chunk& C, std::string_view role) const {
    EventArgument r;
    r.role = role;
    int h = C.head;
    r.start = a.tokens[C.first].start;
    r.end = a.tokens[C.last].end;
    if (d.ent[h] >= 0) {
        r.entity = a.entities[d.ent[h]].id;
        r.start = a.tokens[d.ment_first[h]].start;
        r.end = a.tokens[d.ment_last[h]].end;
    } else if ((d.f[h] & (F_PRON | F_PRPS)) && (d.wb[h] & (W_PERSONAL_PRONOUN))) {
        // the previous person, but not the speaker of the quote the pronoun is in
        std::string speaker = d.quote_of[h] >= 0 ? a.quotes[d.quote_of[h]].speaker : std::string();
        auto it = std::lower_bound(person_mentions.begin(), person_mentions.end(), h);
        while (it != person_mentions.begin()) {
            int m = *(--it);
            if (d.sent[m] < 0 || d.sent[h] - d.sent[m] > 3) break;
            const std::string& id = a.entities[d.ent[m]].id;
            if (!speaker.empty() && id == speaker) continue;
            r.entity = id;
            break;
        }
    } else if ((d.wb[h] & (W_QUANTITY_NOUN)) && C.last + 2 < int(d.n) && d.low[C.last + 1] == "of" && d.chunk[C.last + 2] >= 0) {
        // "a number of diplomats": the argument runs through the of-phrase
        const Chunk& O = d.chunks[d.chunk[C.last + 2]];
        r.end = a.tokens[O.last].end;
        if (O.head >= 0 && d.ent[O.head] >= 0) r.entity = a.entities[d.ent[O.head]].id;
    } else if ((d.f[h] & F_NUM) && C.last + 2 < int(d.n) && d.low[C.last + 1] == "in" && d.chunk[C.last + 2] >= 0) {
        // "US$6 billion in new airliners": an amount's argument runs through what it is in (not a
        // place or date)
        bool amount = false;
        for (int k = C.first; k <= C.last; ++k) amount |= d.low[k] == "$";
        if (amount) {
            const Chunk& O = d.chunks[d.chunk[C.last + 2]];
            if (O.head >= 0 && d.value[O.head] < 0 && !(d.ent[O.head] >= 0 && a.entities[d.ent[O.head]].type == "LOCATION")) r.end = a.tokens[O.last].end;
        }
    } else if (d.f[h] & F_NOUN) {
        // a role description: "Mexico's president" / "the Mexican president" -> the one person
        // whose role is "<Mexican> President" (the modifier is a mention of the same entity)
        int g = -1;
        for (int k = C.first; k < h; ++k) if (d.ent[k] >= 0) g = d.ent[k];
        if (g >= 0 && a.entities[g].type != "PERSON") {
            int found = -1, count = 0;
            for (const auto& [p, role] : role_people) {
                const Entity& P = a.entities[p];
                if (role.size() < d.low[h].size()) continue;
                if (role.compare(role.size() - d.low[h].size(), d.low[h].size(), d.low[h]) != 0) continue;
                bool has_mod = false;
                for (const Mention& m : a.entities[g].mentions) {
                    std::string mt(a.slice(m.start, m.end));
                    if (!mt.empty() && P.role.find(mt) != std::string::npos) { has_mod = true; break; }
                }
                if (has_mod) { found = int(p); ++count; }
            }
            if (count == 1) r.entity = a.entities[found].id;
        }
    }
    return r;
}

// role of a prepositional phrase for an event of this type ("" = not an argument)
std::string_view Builder::pp_role(std::string_view prep, std::string_view type, int c, bool passive) const {
    std::string_view cls = type_class(type);
    const Chunk& C = d.chunks[c];
    if (d.value[C.head] >= 0) return "";
    if (type == "Other.Action") {
        if (prep == "by") return passive ? "agent" : "";   // "is made by Apple Computer"
        return in(prep, {"to", "with", "against"}) ? "patient" : "";
    }
    if (prep == "by") return passive || d.f[C.head] & (F_PROPN) || d.ent[C.head] >= 0 ? "agent" : "";
    if (prep == "against") return "patient";
    if (prep == "with") {
        if (cls == "Diplomacy" || cls == "Contact" || type == "Business.Merge-Org") return "patient";
        if (cls == "Conflict" || cls == "Life") return "instrument";
        return "";
    }
    if (prep == "into") return cls == "Conflict" ? "patient" : cls == "Movement" ? "place" : "";
    if (prep == "to") {
        if (cls == "Movement" || type == "Justice.Sue" || type == "Justice.Appeal" || type == "Justice.Extradite") return "place";
        if (cls == "Transaction" || type == "Contact.Phone-Write") return "recipient";
        return "";
    }
    if (in(prep, {"in", "at", "near", "outside", "inside", "aboard", "on", "from"})) {
        if ((d.wb[C.head] & (W_VEHICLE))) return "instrument";
        if (prep == "on" && (type == "Diplomacy.Sanction" || cls == "Statement")) return "patient";
        if (prep == "from") return "";
        if (prep == "on" && !(d.ent[C.head] >= 0 && a.entities[d.ent[C.head]].type == "LOCATION")) return "";
        return "place";
    }
    if (prep == "of" && cls != "Statement" && cls != "Other") return "patient";
    if (type == "Other.Action" && in(prep, {"to", "with", "against"})) return "patient";
    return "";
}

void Builder::add(Event& ev, const EventArgument& arg) {
    for (const auto& x : ev.arguments)
        if (x.role == arg.role && x.start == arg.start && x.end == arg.end) return;
    ev.arguments.push_back(arg);
}

bool Builder::has_role(const Event& ev, std::string_view role) const {
    for (const auto& x : ev.arguments) if (x.role == role) return true;
    return false;
}

void Builder::set_modality(Event& ev, int t, const VGroup* g) {
    if (g && g->neg) ev.polarity = "negative";
    if (g && g->future) ev.modality = "future";
    else if (g && g->possible) ev.modality = "possible";
    int q = d.quote_of[t];
    if (q >= 0) ev.quote = a.quotes[q].id;
    if (ev.modality == "asserted") {
        bool reported = q >= 0;
        if (!reported) {
            int sf = an.sfirst(t);
            for (int k = std::max(sf, t - 80); k < t; ++k) {
                if (speech_cue[k]) { reported = true; break; }
                if (d.low[k] == "according" && k + 1 < t && d.low[k + 1] == "to") { reported = true; break; }
            }
        }
        if (reported) ev.modality = "reported";
    }
}

Event Builder::make(std::string_view type, int first, int last, int sentence) {
    Event ev;
    ev.type = type;
    ev.trigger = {a.tokens[first].start, a.tokens[last].end};
    ev.sentence = uint32_t(sentence);
    return ev;
}

}  // namespace ae::events
