// The events stage's sentence loop (see events/finding.h): each verb that heads its group and
// each noun that heads its chunk is looked up in the trigger lexicon (event-triggers.txt); a
// verb outside it may still be an Other.Action; the event gets its arguments as it is made.
#include "events/finding.h"
#include "article_explorer/lexicon.h"

#include <algorithm>

namespace ae {

namespace events {

// ---- 1. trigger matching ------------------------------------------------------------------------

// Does entry e's `needs` hold for trigger token t? `end` = last token consumed (Words).
Match check_needs(const Doc& d, const TriggerLexicon::Entry& e, int t, int sf, int se) {
    Match m;
    if (e.needs.empty()) { m.end = t; return m; }
    for (const auto& need : e.needs) {
        if (need.kind == TriggerLexicon::Need::Near) {
            for (int k = std::max(sf, t - 8); k < std::min(se, t + 9); ++k)
                if (k != t && d.low[k] == need.words[0]) { m.end = t; return m; }
        } else if (need.kind == TriggerLexicon::Need::Prep) {
            for (int k = t + 1; k < std::min(se, t + 12); ++k) {
                if (is_boundary(d, k) || (k > t + 1 && d.finite(k))) break;
                if (d.low[k] == need.words[0] && (d.f[k] & (F_IN | F_TO | F_RP)) &&
                    !in(d.low[k - 1], {"according", "due", "prior", "thanks", "owing", "next", "close"})) { m.end = t; return m; }
            }
        } else {
            for (int k = t + 1; k < std::min(se, t + 9); ++k) {
                if (is_boundary(d, k) || d.finite(k) || d.low[k] == "," || d.low[k] == ".") break;
                size_t w = 0;
                while (w < need.words.size() && k + int(w) < se && d.low[k + w] == need.words[w]) ++w;
                if (w == need.words.size()) {
                    m.end = k + int(w) - 1; m.skip_from = k; m.words = true;
                    return m;
                }
            }
        }
    }
    return m;   // end -1: not met
}

Match best_entry(const Doc& d, const std::vector<uint32_t>& ids, int t, int sf, int se) {
    const TriggerLexicon& L = trigger_lexicon();
    Match best;
    int best_score = -1;
    for (uint32_t id : ids) {
        const auto& e = L.entries[id];
        Match m = check_needs(d, e, t, sf, se);
        if (m.end < 0) continue;
        int score = e.needs.empty() ? 0 : m.words ? 2 + (m.end - t) : 1;
        if (score > best_score) { best_score = score; best = m; best.entry = int(id); }
    }
    return best;
}

}  // namespace events

using namespace events;

// ---- 2. the sentence loop -----------------------------------------------------------------------

// The per-document state: the view, the people mentioned and the speech cues, once.
EventFinding::Impl::Impl(Analysis& a_)
    : a(a_), L(trigger_lexicon()), d(a_), an((build_doc(d), d)), b{a_, d, an, cue_lexicon(), {}, {}, {}} {
    for (size_t i = 0; i < d.n; ++i)
        if (d.ent[i] >= 0 && d.ment_first[i] == int(i) && a.entities[d.ent[i]].type == "PERSON") b.person_mentions.push_back(int(i));
    b.speech_cue.assign(d.n, 0);
    for (size_t i = 0; i < d.n; ++i) {
        if (!d.verb(int(i))) continue;
        b.speech_cue[i] = d.lex[i]->cue && d.lex[i]->cue->cls == CueClass::Speech;
    }
    for (size_t p = 0; p < a.entities.size() && b.role_people.size() < 256; ++p) {   // bounded on huge inputs
        const Entity& P = a.entities[p];
        if (P.type != "PERSON" || P.role.empty()) continue;
        std::string role = P.role;
        for (char& ch : role) if (ch >= 'A' && ch <= 'Z') ch = char(ch - 'A' + 'a');
        b.role_people.push_back({int(p), std::move(role)});
    }
    consumed.assign(d.n, 0);
    detector = trigger_model();
    quote_cue.assign(d.n, 0);
    for (const Quote& q : a.quotes) {
        if (!q.has_cue || q.kind != "direct") continue;
        for (size_t i = a.token_at_or_after(q.cue.start); i < d.n && a.tokens[i].start < q.cue.end; ++i) quote_cue[i] = 1;
    }
}

// Verbs that head their group and nouns that head their chunk, sentence by sentence.
void EventFinding::Impl::find(size_t first_sentence, size_t end_sentence) {
    for (size_t s = first_sentence; s < end_sentence; ++s) {
        const Sentence& S = a.sentences[s];
        int sf = int(S.first_token), se = int(S.first_token + S.token_count);
        if (S.paragraph < a.paragraphs.size() && a.paragraphs[S.paragraph].boilerplate) continue;
        if (detector) { tt.fill(d.low.data(), a.pos.data(), size_t(sf), size_t(se)); tt_first = sf; }
        for (int t = sf; t < se; ++t) {
            if (consumed[t]) continue;
            if (d.verb(t) && an.is_group_head(t)) verb_event(t, int(s), sf, se);
            else if ((d.f[t] & F_NOUN) && d.chunk[t] >= 0 && d.chunks[d.chunk[t]].head == t) noun_event(t, int(s), sf, se);
        }
    }
}

// ---- 3. verb triggers ---------------------------------------------------------------------------

// A verb that heads its group: a lexicon trigger, or an Other.Action (a clear who-did-what-to-whom
// outside the taxonomy), with its arguments.
void EventFinding::Impl::verb_event(int t, int s, int sf, int se) {
    Match m;
    if (d.lex[t]->verb_ids) m = best_entry(d, *d.lex[t]->verb_ids, t, sf, se);
    VGroup g = verb_group(d, t, sf);
    std::string_view type = m.entry >= 0 ? std::string_view(L.entries[m.entry].type) : std::string_view();
    int after = m.words ? m.end + 1 : t + 1;
    std::vector<int> subj = an.dependents(t, "nsubj");
    std::vector<int> obj = g.passive || m.words ? std::vector<int>() : an.dependents(t, "obj");
    const bool parse_obj = !obj.empty();   // the parse's own object, not the chunk after the verb
    if (subj.empty()) subj = an.subject(t);
    if (obj.empty() && !g.passive) obj = an.object(t, after);
    // "The Dow fell 344 points": a measure after a change-of-state verb is its extent
    if (!obj.empty() && is_unaccusative(d.low[t])) {
        const Chunk& O = d.chunks[obj[0]];
        if ((d.f[O.first] & F_NUM) || d.low[O.first] == "$" || (d.f[O.head] & F_NUM)) obj.clear();
    }
    std::vector<Chunk> mid = object_before_needs(t, m);
    if (type.empty()) {
        // outside the lexicon: an event mention by the learned detector (the rules without a model)
        if (detector) {
            // the detector's no does not overrule a clear who-did-what-to-whom: a subject, the
            // parse's own object and the rules' Other.Action ("Apple unveils iPod nano", present
            // tenses the detector's TimeML training seldom marks)
            if (!detects(t)) {
                std::vector<int> rule_obj = obj;
                if (!parse_obj || subj.empty() || !other_action(t, g, after, se, subj, rule_obj)) return;
            }
            const CueLexicon::Entry* cue = d.lex[t]->cue;
            // "said Mexican diplomats were ...": the chunk after a reporting verb is its complement's
            // subject, unless the parse makes it the verb's object ("unveiled a new version")
            if (cue && cue->cls == CueClass::Speech && !(speech_flags(d.low[t]) & SPEECH_ADDRESSEE) && !parse_obj) obj.clear();
        } else if (!other_action(t, g, after, se, subj, obj)) return;
        type = "Other.Action";
    }
    // a reporting verb that only introduces a direct quote: the quote already says it
    if (quote_cue[t] && type == "Other.Action") return;
    int last = m.words ? m.end : t;
    // particles: "step down", "broke into"
    Event ev = b.make(type, t, last, s);
    for (int k = t + 1; k <= last; ++k) consumed[k] = 1;
    verb_arguments(ev, t, sf, se, g, type, after, subj, obj, mid);
    if (obj.empty() && mid.empty() && !m.words && !b.has_role(ev, "patient")) {
        int gap = relative_gap(t, g, sf, se, subj);
        if (gap >= 0) b.add(ev, b.arg_from_chunk(gap, "patient"));
    }
    b.set_modality(ev, t, &g);
    events.push_back(std::move(ev));
    ev_tok.push_back(t);
}

// An object between the verb and the words of its trigger's needs (`declared X persona non grata`).
std::vector<Chunk> EventFinding::Impl::object_before_needs(int t, const Match& m) const {
    std::vector<Chunk> mid;
    if (m.words) {
        int k = t + 1;
        while (k < m.skip_from && (d.f[k] & (F_RB | F_RP))) ++k;
        if (k < m.skip_from && d.chunk[k] >= 0 && d.chunks[d.chunk[k]].first == k) {
            Chunk C = d.chunks[d.chunk[k]];
            if (C.last >= m.skip_from) {   // the chunk ran into the needed words: cut it
                C.last = m.skip_from - 1;
                C.head = -1;
                for (int x = C.last; x >= C.first; --x)
                    if (d.f[x] & (F_NOUN | F_PROPN | F_PRON | F_NUM)) { C.head = x; break; }
            }
            if (C.head >= 0 && !(d.f[C.head] & F_PRPS)) mid.push_back(C);
        }
    }
    return mid;
}

// A verb outside the trigger lexicon is an Other.Action only as a clear who-did-what-to-whom:
// reporting verbs with their speaker; no auxiliary, raising or cognition verb; light, aspect and
// speech verbs only with a noun-phrase object. A reporting verb keeps an object only when it is
// the addressee (obj is cleared otherwise).
bool EventFinding::Impl::other_action(int t, const VGroup& g, int after, int se, const std::vector<int>& subj, std::vector<int>& obj) {
    // reporting verbs with their speaker: "X said/announced (that …)" is an action of X
    // (MEANTIME and TimeML count reporting events; the page lists them with Other.Action)
    const CueLexicon::Entry* cue = d.lex[t]->cue;
    bool reporting = cue && cue->cls == CueClass::Speech && !subj.empty() &&
                     !g.passive && d.vt[t] != V_VBG && !(d.wb[t] & (W_BE | W_HAVE | W_DO));
    // "said Mexican diplomats were …": the chunk after a reporting verb is the
    // complement's subject; only tell-type verbs have an object (the addressee)
    if (reporting && !(speech_flags(d.low[t]) & SPEECH_ADDRESSEE)) obj.clear();
    if (!reporting) {
        // auxiliaries, raising and cognition verbs never; light / aspect / speech verbs
        // only with a noun-phrase object ("announced a new phone", not "said that")
        if ((d.wb[t] & (W_BE)) || (d.wb[t] & (W_HAVE)) || (d.wb[t] & (W_DO)) || (d.wb[t] & (W_NON_EVENT))) return false;
        if (((d.wb[t] & (W_NON_ACTION | W_BE | W_HAVE | W_DO)) || d.lex[t]->cue) && (obj.empty() || g.passive)) return false;
        if (speech_flags(d.low[t]) & SPEECH_REPORT) return false;
        if (d.vt[t] == V_VBG && subj.empty()) return false;   // "Shipping company X": a modifier
        if (subj.empty() && (obj.empty() || g.passive)) return false;
        if (obj.empty() && !g.passive) {
            // "did not respond to a request", "shares fell by 5%": a PP complement will do
            bool pp = false;
            for (auto& x : an.pps(after, se))
                if (x.prep <= after + 2) pp = true;
            // intransitive with a noun or named subject: "sales fell", "the talks collapsed"
            bool noun_subj = false;
            for (int c : subj) { int h = d.chunks[c].head; if (d.ent[h] >= 0 || (d.f[h] & (F_NOUN | F_PROPN))) noun_subj = true; }
            if (!pp && !noun_subj) return false;
        }
        if (!obj.empty() && (d.f[d.chunks[obj[0]].head] & F_NUM)) {   // "voted 7-2", but "received $13.4 billion"
            const Chunk& C = d.chunks[obj[0]];
            bool amount = false;
            for (int k = C.first; k <= C.last; ++k)
                amount |= in(d.low[k], {"$", "\xE2\x82\xAC", "\xC2\xA3", "us$", "million", "billion", "trillion"});
            if (!amount) return false;
        }
        bool named = subj.empty();
        for (int c : subj) { int h = d.chunks[c].head; if (d.ent[h] >= 0 || (d.f[h] & (F_NOUN | F_PROPN | F_PRON))) named = true; }
        if (!named) return false;
    }
    return true;
}

// The verb event's arguments: subject (agent, or patient of a passive or unaccusative verb), the
// noun a reduced relative hangs on, objects, and prepositional phrases by the event's type.
void EventFinding::Impl::verb_arguments(Event& ev, int t, int sf, int se, const VGroup& g, std::string_view type, int after,
                                        const std::vector<int>& subj, const std::vector<int>& obj, const std::vector<Chunk>& mid) {
    std::string_view cls = type_class(type);
    bool unaccusative = obj.empty() && mid.empty() &&
                        (cls == "Life" || cls == "Movement" || type == "Personnel.End-Position" ||
                         (type == "Other.Action" && is_unaccusative(d.low[t])));
    for (int c : subj) b.add(ev, b.arg_from_chunk(c, g.passive || unaccusative ? "patient" : "agent"));
    if (g.reduced && t > sf) {
        int p = t - 1;
        if (p > sf && d.low[p] == ",") --p;
        if (d.chunk[p] >= 0 && d.chunks[d.chunk[p]].head >= 0 && d.chunks[d.chunk[p]].last == p)
            b.add(ev, b.arg_from_chunk(d.chunk[p], "patient"));
    }
    for (const Chunk& c : mid) b.add(ev, b.arg_from(c, "patient"));
    int pp_from = after;
    if (!obj.empty()) {
        for (int c : obj) b.add(ev, b.arg_from_chunk(c, "patient"));
        pp_from = d.chunks[obj.back()].last + 1;
        // an object that runs through its PP ("US$6 billion in new airliners"): the PPs start after it
        const uint32_t end = b.arg_from_chunk(obj.back(), "patient").end;
        while (pp_from < se && a.tokens[pp_from].start < end) ++pp_from;
    }
    auto pps = an.pps(pp_from, se);
    bool against = false;
    for (auto& pp : pps) {
        std::string_view role = b.pp_role(d.low[pp.prep], type, pp.chunk, g.passive);
        if (role.empty()) continue;
        if (role == "patient" && d.low[pp.prep] == "against") against = true;
        if (role == "place" && cls != "Movement" && b.has_role(ev, "place")) continue;
        b.add(ev, b.arg_from_chunk(pp.chunk, role));
    }
    if (against) {   // "investigating allegations against him": the against-phrase is the patient
        std::vector<EventArgument> keep;
        for (auto& x : ev.arguments)
            if (!(x.role == "patient" && !obj.empty() && x.start == b.arg_from_chunk(obj[0], "patient").start)) keep.push_back(x);
        ev.arguments = keep;
    }
}

// An object relative clause's verb acts on the noun the clause hangs on: "the four billion (that)
// it has already received", "the music it sells". The clause's subject is right before the verb
// group and right after the noun (and `that` / `which` / `whom`; with none, the subject must be a
// pronoun), and nothing after the verb could be its object. -1 when there is no such noun.
int EventFinding::Impl::relative_gap(int t, const VGroup& g, int sf, int se, const std::vector<int>& subj) const {
    if (g.passive || g.infinitive || subj.size() != 1) return -1;
    const Chunk& S = d.chunks[subj[0]];
    if (S.last != g.start - 1 || S.head < 0) return -1;
    int k = t + 1;
    while (k < se && (d.f[k] & (F_RB | F_RP))) ++k;
    if (k < se && !(d.punct(k) || (d.f[k] & (F_IN | F_CC)) || d.finite(k))) return -1;
    if (k < se && (d.f[k] & F_IN) && (d.wb[k] & W_SUBORDINATOR)) return -1;   // "said that"
    if (is_unaccusative(d.low[t]) || b.speech_cue[t]) return -1;
    int p = S.first - 1;
    const bool rel = p >= sf && in(d.low[p], {"that", "which", "whom"});
    if (rel) --p;
    if (!rel && !(d.f[S.head] & F_PRON)) return -1;
    if (p < sf || d.chunk[p] < 0) return -1;
    const Chunk& A = d.chunks[d.chunk[p]];
    if (A.last != p || A.head < 0 || d.value[A.head] >= 0) return -1;
    return d.chunk[p];
}

// ---- 4. noun triggers ---------------------------------------------------------------------------

// A noun that heads its chunk and is a trigger: with a light verb (`made statements`) the event
// starts at the verb and takes its subject; otherwise its possessor and name modifiers; then
// carrier participles and prepositional phrases.
void EventFinding::Impl::noun_event(int t, int s, int sf, int se) {
    Match m;
    if (d.lex[t]->noun_ids) m = best_entry(d, *d.lex[t]->noun_ids, t, sf, se);
    std::string_view type;
    if (m.entry >= 0) type = L.entries[m.entry].type;
    else if (detects(t)) type = "Other.Action";   // a nominal event the lexicon does not type
    else return;
    std::string_view cls = type_class(type);
    const Chunk& C = d.chunks[d.chunk[t]];
    int first = t, last = m.words ? m.end : t;
    // light verb: the chunk is the object of make/take/suffer/…
    int lv = light_verb(C, sf, se);
    Event ev;
    VGroup g;
    bool passive_lv = false;
    if (lv >= 0) {
        g = verb_group(d, lv, sf);
        passive_lv = g.passive;
        first = lv;
        // the light verb may have made an event of its own: the noun wins
        for (size_t e = 0; e < events.size(); ++e)
            if (ev_tok[e] == lv) { events.erase(events.begin() + long(e)); ev_tok.erase(ev_tok.begin() + long(e)); break; }
        ev = b.make(type, first, last, s);
        std::vector<int> subj = an.subject(lv);
        bool exp = (d.wb[lv] & (W_EXPERIENCER_LIGHT)) || passive_lv;
        for (int c : subj) b.add(ev, b.arg_from_chunk(c, exp ? "patient" : "agent"));
    } else {
        ev = b.make(type, first, last, s);
        noun_modifiers(ev, C, t, cls);
    }
    int k = C.last + 1;
    // participles carrying the noun's arguments: "charges levelled against him"
    if (k < se && d.vt[k] == V_VBN && (d.wb[k] & (W_CARRIER_PARTICIPLE))) { last = k; ev.trigger.end = a.tokens[k].end; ++k; }
    if (m.words) k = m.end + 1;
    for (int x = t + 1; x <= last; ++x) consumed[x] = 1;
    for (auto& pp : an.pps(k, se)) {
        std::string_view prep = d.low[pp.prep];
        // a reciprocal nominal's two sides, "a dispute between Airbus and Boeing": agent and patient
        if (prep == "between" && pp.prep == k && !b.has_role(ev, "agent") && !b.has_role(ev, "patient")) {
            std::vector<int> both = an.coordinated(pp.chunk, se);
            if (both.size() == 2) { b.add(ev, b.arg_from_chunk(both[0], "agent")); b.add(ev, b.arg_from_chunk(both[1], "patient")); }
            continue;
        }
        std::string_view role = b.pp_role(prep, type, pp.chunk, false);
        if (prep == "by" && lv < 0) role = "agent";
        // a nominal Other.Action's `of` right after it is what it acts on ("the launch of the iPhone")
        if (role.empty() && prep == "of" && type == "Other.Action" && pp.prep == k) role = "patient";
        // the PP right after a nominal event, not yet with a patient, names what it is about when it
        // is no place or date: `orders for new aircraft`, `discussions on the bailout`, and a change
        // noun's in-phrase (`declines in revenues`, not the `in` of a place)
        if (pp.prep == k && !b.has_role(ev, "patient")) {
            const int h = d.chunks[pp.chunk].head;
            const bool place = d.ent[h] >= 0 && a.entities[d.ent[h]].type == "LOCATION";
            if (!place && d.value[h] < 0) {
                if (prep == "for" && role.empty()) role = "patient";
                if (prep == "on" || (prep == "in" && is_unaccusative(d.low[t]))) role = "patient";
            }
        }
        if (role.empty()) continue;
        if (role == "patient" && prep == "of" && b.has_role(ev, "patient")) continue;
        if (role == "place" && cls != "Movement" && b.has_role(ev, "place")) continue;
        b.add(ev, b.arg_from_chunk(pp.chunk, role));
    }
    b.set_modality(ev, lv >= 0 ? lv : t, lv >= 0 ? &g : nullptr);
    events.push_back(std::move(ev));
    ev_tok.push_back(lv >= 0 ? lv : t);
}

// The light verb whose object the chunk is (make/take/suffer/…), -1 when none or when a carrier
// participle follows the chunk ("charges levelled against him").
int EventFinding::Impl::light_verb(const Chunk& C, int sf, int se) const {
    int k = C.first - 1;
    while (k >= sf && (d.f[k] & (F_RB | F_RP))) --k;
    int after = C.last + 1;
    bool carrier = after < se && d.vt[after] == V_VBN && (d.wb[after] & (W_CARRIER_PARTICIPLE));
    if (k >= sf && d.verb(k) && (d.wb[k] & (W_LIGHT_VERB)) && !carrier) return k;
    return -1;
}

// A noun event's possessor ("Glas's arrest", "its sales": patient for Justice, Life, Movement,
// Personnel, agent otherwise) and the names before it ("Ecuadorian police raid": agent).
void EventFinding::Impl::noun_modifiers(Event& ev, const Chunk& C, int t, std::string_view cls) {
    bool patient_poss = cls == "Justice" || cls == "Life" || cls == "Movement" || cls == "Personnel";
    for (int k = C.first; k < t; ++k) {
        if (d.f[k] & F_POS) {
            int pk = k - 1;
            if (pk >= C.first && d.value[pk] < 0) {
                EventArgument r;
                r.role = patient_poss ? "patient" : "agent";
                int h = pk;
                if (d.ent[h] >= 0) {
                    r.entity = a.entities[d.ent[h]].id;
                    r.start = a.tokens[d.ment_first[h]].start; r.end = a.tokens[d.ment_last[h]].end;
                } else { r.start = a.tokens[C.first].start; r.end = a.tokens[pk].end; }
                b.add(ev, r);
            }
        } else if (d.f[k] & F_PRPS) {
            // "its sales", "his speech": the possessive pronoun, in the possessor's role ("his"
            // and "her" take the person arg_from finds for them)
            b.add(ev, b.arg_from(Chunk{k, k, k}, patient_poss ? "patient" : "agent"));
        } else if (d.ent[k] >= 0 && d.ment_last[k] < t && k == d.ment_first[k]) {
            bool poss = false;
            for (int x = k; x <= d.ment_last[k] + 1 && x < t; ++x) if (d.f[x] & F_POS) poss = true;
            if (poss) continue;
            EventArgument r;
            r.role = "agent";
            r.entity = a.entities[d.ent[k]].id;
            r.start = a.tokens[k].start; r.end = a.tokens[d.ment_last[k]].end;
            b.add(ev, r);
        }
    }
}

}  // namespace ae
