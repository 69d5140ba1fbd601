// The events stage's per-document view (see events/doc.h): tags to word classes, coverage of
// entity mentions, values and quotes, repairs of the tagger's verbs, noun chunks.
#include "events/doc.h"
#include "article_explorer/tagger.h"

#include <algorithm>

namespace ae::events {

namespace {

// Word-class flags and verb tag of a PTB tag name.
void classify_tag(std::string_view p, uint16_t& fl, VTag& vt) {
    fl = 0;
    vt = V_NONE;
    if (p == "NN" || p == "NNS") fl = F_NOUN;
    else if (p == "NNP" || p == "NNPS") fl = F_PROPN;
    else if (p == "PRP") fl = F_PRON;
    else if (p == "PRP$") fl = F_PRPS;
    else if (p == "DT" || p == "PDT") fl = F_DET;
    else if (p == "JJ" || p == "JJR" || p == "JJS") fl = F_ADJ;
    else if (p == "CD" || p == "$") fl = F_NUM;   // "$" opens an amount's chunk: "received $13.4 billion"
    else if (p == "POS") fl = F_POS;
    else if (p == "MD") fl = F_MD;
    else if (p == "IN") fl = F_IN;
    else if (p == "TO") fl = F_TO;
    else if (p == "RB" || p == "RBR" || p == "RBS") fl = F_RB;
    else if (p == "RP") fl = F_RP;
    else if (p == "CC") fl = F_CC;
    else if (p == "WDT" || p == "WP" || p == "WRB" || p == "WP$") fl = F_WH;
    else if (p.size() >= 2 && p[0] == 'V' && p[1] == 'B') {
        fl = F_VERB;
        vt = p == "VB" ? V_VB : p == "VBD" ? V_VBD : p == "VBG" ? V_VBG : p == "VBN" ? V_VBN : p == "VBP" ? V_VBP : V_VBZ;
    }
}

}  // namespace

// Token index whose [start,end) contains byte b (or the first token starting at/after b).
int token_at(const Analysis& a, uint32_t b) {
    auto it = std::upper_bound(a.tokens.begin(), a.tokens.end(), b, [](uint32_t x, const Token& t) { return x < t.start; });
    if (it == a.tokens.begin()) return 0;
    int i = int(it - a.tokens.begin()) - 1;
    if (a.tokens[i].end <= b && i + 1 < int(a.tokens.size())) return i + 1;
    return i;
}

void build_doc(Doc& d) {
    // tag id -> flags, once per document
    const auto& names = pos_tag_names();
    std::vector<uint16_t> tag_flags(names.size());
    std::vector<VTag> tag_vt(names.size());
    for (size_t k = 0; k < names.size(); ++k) classify_tag(names[k], tag_flags[k], tag_vt[k]);
    const Analysis& a = d.a;
    d.n = a.tokens.size();
    size_t n = d.n;
    d.low_text = a.text;   // lowered once for the whole text: no string per token
    for (char& c : d.low_text) if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    d.low.resize(n);
    d.lex.resize(n);
    d.f.assign(n, 0);
    d.wb.assign(n, 0);
    d.vt.assign(n, V_NONE);
    d.sent.assign(n, -1);
    d.ent.assign(n, -1);
    d.ment_first.assign(n, -1);
    d.ment_last.assign(n, -1);
    d.value.assign(n, -1);
    d.chunk.assign(n, -1);
    d.quote_of.assign(n, -1);
    for (size_t i = 0; i < n; ++i) {
        std::string_view l = std::string_view(d.low_text).substr(a.tokens[i].start, a.tokens[i].end - a.tokens[i].start);
        d.low[i] = l;
        d.lex[i] = &word_lex(l);
        d.wb[i] = d.lex[i]->bits;
        if (a.tokens[i].head >= 0 || a.tokens[i].deprel != 0) d.parsed = true;
        uint16_t fl = 0;
        if (i < a.pos.size() && a.pos[i] < tag_flags.size()) { fl = tag_flags[a.pos[i]]; d.vt[i] = tag_vt[a.pos[i]]; }
        if (l == "'s" || l == "’s" || l == "'" || l == "’") { if (i > 0 && (d.f[i - 1] & (F_NOUN | F_PROPN)) && fl != F_VERB) fl = F_POS; }
        d.f[i] = fl;
    }
    d.headline.assign(a.sentences.size(), 0);
    for (size_t s = 0; s < a.sentences.size(); ++s) {
        const Sentence& S = a.sentences[s];
        for (uint32_t i = S.first_token; i < S.first_token + S.token_count && i < n; ++i) d.sent[i] = int(s);
        const bool alone = (s == 0 || a.sentences[s - 1].paragraph != S.paragraph) &&
                           (s + 1 == a.sentences.size() || a.sentences[s + 1].paragraph != S.paragraph);
        const uint32_t last = S.first_token + S.token_count - 1;
        if (alone && S.token_count > 1 && last < n) {
            d.headline[s] = !d.punct(int(last));   // a title ends in a word, not in . ! ? or a mark
        }
    }
    // entity mentions -> tokens (the longest mention wins; names over MISC adjectives)
    for (size_t e = 0; e < a.entities.size(); ++e) {
        for (const Mention& m : a.entities[e].mentions) {
            if (m.end <= m.start) continue;
            int ft = token_at(a, m.start), lt = token_at(a, m.end - 1);
            if (ft < 0 || lt < ft || size_t(lt) >= n) continue;
            for (int i = ft; i <= lt; ++i) {
                int cur = d.ent[i];
                if (cur >= 0 && d.ment_last[i] - d.ment_first[i] >= lt - ft) continue;
                d.ent[i] = int(e); d.ment_first[i] = ft; d.ment_last[i] = lt;
            }
        }
    }
    for (size_t v = 0; v < a.values.size(); ++v) {
        const Value& V = a.values[v];
        if (V.type != "DATE" && V.type != "TIME" && V.type != "DURATION" && V.type != "SET") continue;
        if (V.end <= V.start) continue;
        int ft = token_at(a, V.start), lt = token_at(a, V.end - 1);
        for (int i = ft; i <= lt && size_t(i) < n; ++i) d.value[i] = int(v);
    }
    for (size_t q = 0; q < a.quotes.size(); ++q) {
        const Quote& Q = a.quotes[q];
        if (Q.kind == "scare" || Q.end <= Q.start) continue;
        int ft = token_at(a, Q.start), lt = token_at(a, Q.end - 1);
        for (int i = ft; i <= lt && size_t(i) < n; ++i) if (d.quote_of[i] < 0) d.quote_of[i] = int(q);
    }
    // participles the tagger took for adjectives or wh-words ("was relieved/JJ of", "won/WRB by"):
    // a trigger-lexicon verb form after a form of be or before `by` is a VBN
    for (size_t i = 1; i < n; ++i) {
        if (d.f[i] & (F_VERB | F_NOUN | F_PROPN)) continue;
        std::string_view w = d.low[i];
        if (w.size() < 3 || !d.lex[i]->verb_ids) continue;
        bool after_be = (d.wb[i - 1] & (W_BE)) || (i > 1 && (d.f[i - 1] & F_RB) && (d.wb[i - 2] & (W_BE)));
        bool before_by = i + 1 < n && d.low[i + 1] == "by";
        bool ed = w.compare(w.size() - 2, 2, "ed") == 0 || w.compare(w.size() - 2, 2, "en") == 0 || w == "won" || w == "held";
        if (ed && (after_be || before_by)) { d.f[i] = F_VERB; d.vt[i] = V_VBN; }
    }
    // tokens of a named mention are not verbs ("Boeing/VBG")
    for (size_t i = 0; i < n; ++i)
        if ((d.f[i] & F_VERB) && d.ent[i] >= 0 && d.a.entities[d.ent[i]].type != "MISC") { d.f[i] = F_PROPN; d.vt[i] = V_NONE; }
    // headlines without a verb: "Aer Lingus buys/NNS twelve jets" -> the first -s noun after a
    // name, before a determiner, number, adjective or name, is the verb
    for (const Sentence& S : a.sentences) {
        uint32_t e = S.first_token + S.token_count;
        bool has_verb = false;
        for (uint32_t k = S.first_token; k < e && !has_verb; ++k) has_verb = d.finite(int(k));
        if (has_verb) continue;
        for (uint32_t k = S.first_token + 1; k + 1 < e; ++k) {
            std::string_view w = d.low[k];
            if (!(d.f[k] & F_NOUN) || w.size() < 4 || w.back() != 's' || w[w.size() - 2] == 's' || w[w.size() - 2] == '\'') continue;
            if (!(d.f[k - 1] & (F_PROPN | F_NOUN))) continue;
            bool next_ok = d.f[k + 1] & (F_DET | F_NUM | F_ADJ | F_PROPN | F_PRPS | F_NOUN);
            // "Chrysler files for bankruptcy": before a preposition only a lexicon verb form
            if (!next_ok && (d.f[k + 1] & (F_IN | F_RP)) && d.lex[k]->verb_ids) next_ok = true;
            if (!next_ok) continue;
            d.f[k] = F_VERB;
            d.vt[k] = V_VBZ;
            break;
        }
    }
    // "The government plans/NNS to expel": a matrix verb before `to` + verb
    for (size_t i = 1; i + 2 < n; ++i) {
        if (!(d.f[i] & F_NOUN) || d.low[i + 1] != "to" || d.vt[i + 2] != V_VB) continue;
        std::string_view w = d.low[i];
        if (!(d.wb[i] & (W_FUTURE_MATRIX | W_NEGATIVE_MATRIX))) continue;
        if (!(d.f[i - 1] & (F_NOUN | F_PROPN | F_PRON))) continue;
        d.f[i] = F_VERB;
        d.vt[i] = w.back() == 's' ? V_VBZ : w.back() == 'd' ? V_VBD : V_VBP;
    }
    // noun chunks, sentence by sentence
    for (const Sentence& S : a.sentences) {
        int i = int(S.first_token), end = int(S.first_token + S.token_count);
        while (i < end) {
            uint16_t fi = d.f[i];
            bool start = (fi & (F_NOUN | F_PROPN | F_PRON | F_PRPS | F_DET | F_ADJ | F_NUM)) || d.ent[i] >= 0;
            if (!start || d.punct(i)) { ++i; continue; }
            Chunk c;
            c.first = i;
            int j = i;
            if (fi & F_PRON) {   // a pronoun is a chunk of its own
                c.last = c.head = i;
            } else {
                while (true) {
                    if (d.ent[j] >= 0 && d.ment_first[j] <= j) j = std::max(j, d.ment_last[j]);
                    int k = j + 1;
                    if (k >= end || d.quote_tok(k)) break;
                    uint16_t fk = d.f[k];
                    if (d.value[k] >= 0 && d.value[j] < 0) break;   // "General Motors | today named"
                    if (d.value[j] >= 0 && d.value[k] != d.value[j] && !(d.f[k] & F_POS)) break;   // "last week | unveiled plans"
                    if (d.ent[k] >= 0 && d.ment_first[k] == k) { j = k; continue; }
                    if (fk & (F_NOUN | F_PROPN | F_ADJ | F_NUM | F_POS)) { j = k; continue; }
                    if ((fk & F_DET) && (d.f[j] & F_POS)) { j = k; continue; }
                    if ((fk & F_PRPS) && (d.f[j] & F_POS)) { j = k; continue; }
                    // participle modifiers inside a chunk: "an armored vehicle", "the detained man"
                    if ((d.vt[k] == V_VBN || d.vt[k] == V_VBG) && (d.f[j] & (F_DET | F_ADJ | F_PRPS | F_POS)) && k + 1 < end &&
                        (d.f[k + 1] & (F_NOUN | F_ADJ))) { j = k; continue; }
                    // hyphenated compounds split by the tokenizer: "break - in"
                    if (d.low[k] == "-" && k + 1 < end && !a.tokens[k].space_before && !a.tokens[k + 1].space_before) { j = k + 1; continue; }
                    break;
                }
                c.last = j;
                // the last noun is the head ("iPhone 4" -> iPhone); a number only without one ("7-2")
                for (int k = j; k >= i; --k)
                    if (d.f[k] & (F_NOUN | F_PROPN | F_PRON)) { c.head = k; break; }
                // "US$700 billion": a name before the currency sign is the amount's prefix, not its head
                if (c.head >= 0 && c.head < j && d.low[c.head + 1] == "$" && !a.tokens[c.head + 1].space_before) c.head = -1;
                if (c.head < 0)
                    for (int k = j; k >= i; --k)
                        if (d.f[k] & F_NUM) { c.head = k; break; }
                if (c.head < 0) for (int k = j; k >= i; --k) if (d.ent[k] >= 0) { c.head = k; break; }
            }
            // a value (date) chunk is not an argument
            for (int k = c.first; k <= c.last; ++k) d.chunk[k] = int(d.chunks.size());
            d.chunks.push_back(c);
            i = c.last + 1;
        }
    }
}

}  // namespace ae::events
