// Stage 7 — events (see article_explorer/events.h for the rules in one place).
#include "article_explorer/events.h"
#include "article_explorer/lexicon.h"
#include "article_explorer/parser.h"
#include "article_explorer/quotes.h"
#include "article_explorer/tagger.h"
#include "events/words.h"

#include <algorithm>
#include <memory>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <unordered_set>

namespace ae {

namespace {

using namespace events;

// ---------------------------------------------------------------------------------------------
// Word classes

enum : uint16_t {
    F_NOUN = 1, F_PROPN = 2, F_PRON = 4, F_PRPS = 8, F_DET = 16, F_ADJ = 32, F_NUM = 64, F_POS = 128,
    F_VERB = 256, F_IN = 512, F_TO = 1024, F_RB = 2048, F_RP = 4096, F_CC = 8192, F_WH = 16384, F_MD = 32768,
};

enum VTag : uint8_t { V_NONE, V_VB, V_VBD, V_VBG, V_VBN, V_VBP, V_VBZ };

bool in(std::string_view w, std::initializer_list<std::string_view> list) {
    for (std::string_view x : list) if (w == x) return true;
    return false;
}

// ---------------------------------------------------------------------------------------------
// Per-document view

struct Chunk { int first = 0, last = 0, head = -1; };   // head -1: no noun (not an argument)

struct Doc {
    const Analysis& a;
    size_t n = 0;
    std::string low_text;          // a.text with ASCII A-Z lowered (the storage of `low`)
    std::vector<std::string_view> low;
    std::vector<uint16_t> f;
    std::vector<uint32_t> wb;      // word_bits of the lower-case token
    std::vector<const WordLex*> lex;   // word_lex of the lower-case token
    std::vector<VTag> vt;
    std::vector<int> sent;         // sentence of each token (-1 outside)
    std::vector<int> ent;          // entity index covering the token (-1)
    std::vector<int> ment_first, ment_last;   // token range of that mention
    std::vector<int> value;        // DATE/TIME value index covering the token (-1)
    std::vector<int> chunk;        // chunk index of the token (-1)
    std::vector<Chunk> chunks;
    std::vector<int> quote_of;     // quote index containing the token (-1)
    std::vector<uint8_t> headline; // per sentence: alone in its paragraph, no final . ! ? (a title)
    bool parsed = false;
    explicit Doc(const Analysis& an) : a(an) {}

    bool noun(int i) const { return f[i] & (F_NOUN | F_PROPN); }
    bool verb(int i) const { return f[i] & F_VERB; }
    bool finite(int i) const { return vt[i] == V_VBD || vt[i] == V_VBZ || vt[i] == V_VBP || (f[i] & F_MD); }
    bool punct(int i) const { return a.tokens[i].kind == TokenKind::Punct || a.tokens[i].kind == TokenKind::Quote; }
    bool quote_tok(int i) const { return a.tokens[i].kind == TokenKind::Quote; }
};

// Token index whose [start,end) contains byte b (or the first token starting at/after b).
int token_at(const Analysis& a, uint32_t b) {
    auto it = std::upper_bound(a.tokens.begin(), a.tokens.end(), b, [](uint32_t x, const Token& t) { return x < t.start; });
    if (it == a.tokens.begin()) return 0;
    int i = int(it - a.tokens.begin()) - 1;
    if (a.tokens[i].end <= b && i + 1 < int(a.tokens.size())) return i + 1;
    return i;
}

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
    else if (p == "CD") fl = F_NUM;
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

// ---------------------------------------------------------------------------------------------
// Verb groups and clauses

struct VGroup {
    int start = 0;           // first token of the group (aux, modal, adverbs, `to`)
    bool passive = false, reduced = false, infinitive = false, finite = false, past = false;
    bool neg = false, future = false, possible = false;
    int to = -1;             // the `to` of an infinitive
};

VGroup verb_group(const Doc& d, int v, int sfirst) {
    VGroup g;
    int i = v - 1;
    bool aux_be = false, aux_have = false;
    while (i >= sfirst) {
        std::string_view w = d.low[i];
        const uint32_t wb = d.wb[i];
        uint16_t fi = d.f[i];
        if ((fi & F_MD) || (wb & W_BE) || (wb & W_HAVE) || (wb & W_DO) || ((wb & W_GET) && d.vt[v] == V_VBN)) {
            if ((wb & W_BE) || (wb & W_GET)) aux_be = true;
            if ((wb & W_HAVE)) aux_have = true;
            if (fi & F_MD) {
                if (in(w, {"will", "would", "shall", "'ll", "’ll", "wo"})) g.future = true;
                else g.possible = true;
                if (w == "cannot") g.neg = true;
                if (w == "would" || w == "could" || w == "might") g.past = true;
            }
            if (in(w, {"was", "were", "had", "did"})) g.past = true;
            g.finite = g.finite || d.finite(i) || (wb & W_BE) || (wb & W_HAVE) || (wb & W_DO);
            --i;
            continue;
        }
        if (fi & F_RB) { if ((wb & W_NEG)) g.neg = true; --i; continue; }
        if ((wb & W_NEG)) { g.neg = true; --i; continue; }
        if ((fi & F_TO) || w == "to") { g.infinitive = true; g.to = i; --i; break; }
        break;
    }
    g.start = i + 1;
    if (g.to >= 0) g.start = g.to;
    if (d.vt[v] == V_VBD || d.vt[v] == V_VBZ || d.vt[v] == V_VBP) g.finite = true;
    if (d.vt[v] == V_VBD) g.past = true;
    if (d.vt[v] == V_VBN && aux_be) g.passive = true;
    // A title's bare past form with nothing after it but a preposition is a reduced passive:
    // "Japanese mogul arrested", "Three killed in crash" (titles put active verbs in the present).
    if ((d.vt[v] == V_VBD || d.vt[v] == V_VBN) && !aux_be && !aux_have && !g.infinitive &&
        g.start == v && d.sent[v] >= 0 && d.headline[size_t(d.sent[v])] && v > sfirst && d.noun(v - 1)) {
        const bool end = v + 1 >= int(d.n) || d.sent[v + 1] != d.sent[v];
        const bool by = !end && d.low[v + 1] == "by";   // "Housing plans criticised by MPs": as reduced relatives
        if (end || (d.f[v + 1] & (F_IN | F_TO | F_CC)) || d.punct(v + 1)) { g.passive = true; g.reduced = by; g.past = true; return g; }
    }
    if (d.vt[v] == V_VBN && !aux_be && !aux_have && !g.finite && !g.infinitive) {
        // reduced relative / participle clause: "the election, won by X", "charges levelled against him"
        // reduced only after a comma, before `by`, or after an object ("having charges levelled");
        // otherwise the tagger's VBN is a simple past ("police forced/VBN their way")
        int p = v - 1;
        bool comma = p >= sfirst && d.low[p] == ",";
        if (comma) --p;
        bool by = v + 1 < int(d.n) && d.low[v + 1] == "by";
        bool after_object = false;
        if (p >= sfirst && d.chunk[p] >= 0 && d.chunks[d.chunk[p]].last == p) {
            int pre = d.chunks[d.chunk[p]].first - 1;
            after_object = pre >= sfirst && d.verb(pre);
        }
        if (comma || by || after_object || p < sfirst) { g.passive = true; g.reduced = true; }
        else { g.finite = true; g.past = true; }
    }
    if (d.vt[v] == V_VBN && aux_have) g.past = true;
    if (g.infinitive && g.to > sfirst) {
        // `plans to`, `is set to`, `failed to`, `is going to`
        int m = g.to - 1;
        while (m > sfirst && (d.f[m] & F_RB)) --m;
        if ((d.wb[m] & (W_FUTURE_MATRIX))) g.future = true;
        if ((d.wb[m] & (W_NEGATIVE_MATRIX))) g.neg = true;
        for (int k = m - 1; k >= sfirst && k >= m - 3; --k) {
            if ((d.wb[k] & (W_NEG))) g.neg = true;
            if (!(d.f[k] & (F_RB | F_MD)) && !(d.wb[k] & (W_BE)) && !(d.wb[k] & (W_DO)) && !(d.wb[k] & (W_HAVE))) break;
            if (d.f[k] & F_MD) { if (in(d.low[k], {"will", "would", "shall"})) g.future = true; else g.possible = true; }
        }
    }
    return g;
}

struct Clause {   // what the heuristics found for one predicate
    std::vector<int> subj;     // chunk indices (coordinated)
    std::vector<int> obj;
    struct PP { int prep; int chunk; };
    std::vector<PP> pps;
};

// deprel_universal of every relation id, computed once (the relation names are compiled in).
std::string_view universal_rel(uint8_t id) {
    static const std::vector<std::string_view> t = [] {
        std::vector<std::string_view> v(256);
        for (int i = 0; i < 256; ++i) v[size_t(i)] = deprel_universal(uint8_t(i));
        return v;
    }();
    return t[id];
}

bool is_boundary(const Doc& d, int i) {
    if ((d.wb[i] & W_BOUNDARY_PUNCT) || d.quote_tok(i)) return true;
    if ((d.wb[i] & W_SUBORDINATOR) && !(d.f[i] & F_DET)) return true;
    if ((d.f[i] & F_WH)) return true;
    return false;
}

class Analyzer {
public:
    explicit Analyzer(const Doc& d) : d_(d) {
        if (!d.parsed) return;
        // dependents of each token (CSR), for the parse-based arguments
        child_start_.assign(d.n + 1, 0);
        for (size_t i = 0; i < d.n; ++i) { int h = d.a.tokens[i].head; if (h >= 0 && size_t(h) < d.n) ++child_start_[h + 1]; }
        for (size_t i = 0; i < d.n; ++i) child_start_[i + 1] += child_start_[i];
        children_.assign(child_start_[d.n], 0);
        std::vector<int> fill(child_start_.begin(), child_start_.end() - 1);
        for (size_t i = 0; i < d.n; ++i) { int h = d.a.tokens[i].head; if (h >= 0 && size_t(h) < d.n) children_[fill[h]++] = int(i); }
    }

    // From the dependency parse: the chunks of v's dependents with relation `rel` (universal
    // part; "nsubj" also matches nsubj:pass), their conjuncts included. Empty without a parse.
    std::vector<int> dependents(int v, std::string_view rel, int depth = 0) const {
        std::vector<int> out;
        if (!d_.parsed || v < 0 || size_t(v) >= d_.n) return out;
        for (int k = child_start_[v]; k < child_start_[v + 1]; ++k) {
            int c = children_[k];
            if (universal_rel(d_.a.tokens[c].deprel) != rel) continue;
            int ch = d_.chunk[c];
            if (ch < 0 || d_.chunks[ch].head < 0) continue;
            // an object in the verb's own clause: after it, no finite verb or clause boundary between
            if (rel == "obj") {
                if (d_.chunks[ch].first <= v) continue;
                bool clause = false;
                for (int k = v + 1; k < d_.chunks[ch].first && !clause; ++k) clause = d_.finite(k) || is_boundary(d_, k);
                if (clause) continue;
            }
            // conjuncts by the chunk rule ("Police and soldiers"), not the parse's long-distance conj
            int limit = rel == "obj" ? send(v) : v;
            for (int x : coordinated(ch, limit))
                if (std::find(out.begin(), out.end(), x) == out.end()) out.push_back(x);
        }
        // a coordinated or controlled verb without its own subject: its head's
        if (out.empty() && rel == "nsubj" && depth < 3) {
            int h = d_.a.tokens[v].head;
            std::string_view r = universal_rel(d_.a.tokens[v].deprel);
            if (h >= 0 && (r == "conj" || r == "xcomp")) return dependents(h, rel, depth + 1);
        }
        return out;
    }

    const Sentence& sentence_of(int i) const { return d_.a.sentences[d_.sent[i]]; }
    int sfirst(int i) const { return int(sentence_of(i).first_token); }
    int send(int i) const { const Sentence& S = sentence_of(i); return int(S.first_token + S.token_count); }

    // the verb that heads the group ending at or after i (skips following verbs of the same group)
    bool is_group_head(int v) const {
        if (!d_.verb(v) || d_.chunk[v] >= 0) return false;
        int e = send(v);
        int k = v + 1;
        while (k < e && (d_.f[k] & F_RB)) ++k;
        if (k < e && d_.verb(k) && d_.chunk[k] < 0 && ((d_.wb[v] & (W_BE)) || (d_.wb[v] & (W_HAVE)) || (d_.wb[v] & (W_DO)) || (d_.wb[v] & (W_GET))))
            return false;   // an auxiliary
        return true;
    }

    int prev_verb(int before, int sf) const {
        sf = std::max(sf, before - 80);   // bounded: linear time on run-on "sentences"
        for (int k = before - 1; k >= sf; --k)
            if (is_group_head(k)) return k;
        return -1;
    }

    std::vector<int> coordinated(int c, int limit) const {
        std::vector<int> out = {c};
        int k = d_.chunks[c].last + 1;
        while (k + 1 < limit) {
            if (d_.low[k] == "," && (d_.f[k + 1] & F_CC)) ++k;
            // past the comma the conjunction may be the last token before the limit: nothing follows
            if (k + 1 >= limit || !(d_.f[k] & F_CC) || !in(d_.low[k], {"and", "or", "&"})) break;
            int c2 = d_.chunk[k + 1];
            if (c2 < 0 || d_.chunks[c2].first != k + 1 || d_.chunks[c2].last >= limit || d_.chunks[c2].head < 0) break;
            // "X and Y verb": Y's chunk must not be the subject of a new clause (followed by a verb)
            out.push_back(c2);
            k = d_.chunks[c2].last + 1;
        }
        return out;
    }

    std::vector<int> subject(int v) {
        auto it = subj_memo_.find(v);
        if (it != subj_memo_.end()) return it->second;
        subj_memo_[v] = {};   // guards recursion
        std::vector<int> r = subject_impl(v);
        subj_memo_[v] = r;
        return r;
    }

    std::vector<int> object(int v, int after) const {
        int e = send(v);
        int k = after;
        while (k < e && (d_.f[k] & (F_RP | F_RB))) ++k;
        if (k >= e) return {};
        int c = d_.chunk[k];
        if (c < 0 || d_.chunks[c].first != k || d_.chunks[c].head < 0) return {};
        if (d_.value[d_.chunks[c].head] >= 0) return {};   // "late Friday"
        return coordinated(c, e);
    }

    std::vector<Clause::PP> pps(int from, int e) const {
        std::vector<Clause::PP> out;
        int k = from;
        int guard = 0;
        while (k < e && guard++ < 12) {
            uint16_t fk = d_.f[k];
            if (fk & (F_RB | F_RP)) { ++k; continue; }
            if ((fk & (F_IN | F_TO)) && !in(d_.low[k], {"that", "because", "if", "whether", "while", "although", "though", "unless"})) {
                int j = k + 1;
                while (j < e && (d_.f[j] & F_RB)) ++j;
                if (j >= e || d_.chunk[j] < 0) break;
                int c = d_.chunk[j];
                const Chunk& C = d_.chunks[c];
                int after = C.last + 1;
                if (after < e && (d_.finite(after) || (d_.verb(after) && d_.vt[after] != V_VBN && d_.vt[after] != V_VBG)))
                    break;   // "after police raided": a clause, not a PP
                if (C.head >= 0) out.push_back({k, c});
                k = after;
                // "of" complements belong to the chunk: skip them
                while (k + 1 < e && d_.low[k] == "of" && d_.chunk[k + 1] >= 0) k = d_.chunks[d_.chunk[k + 1]].last + 1;
                continue;
            }
            int c = d_.chunk[k];
            if (c >= 0 && d_.chunks[c].first == k && k > from) { k = d_.chunks[c].last + 1; continue; }   // a second object
            break;
        }
        return out;
    }

private:
    std::vector<int> subject_impl(int v) {
        int sf = sfirst(v);
        VGroup g = verb_group(d_, v, sf);
        int p = g.start - 1;
        // VP coordination: "X had been … and was relieved"
        int q = p;
        if (q >= sf && (d_.f[q] & F_CC) && in(d_.low[q], {"and", "or", "but"})) {
            int u = prev_verb(q, sf);
            if (u >= 0) return subject(u);
        }
        // relative pronoun: "Glas, who had been residing"
        if (p >= sf && in(d_.low[p], {"who", "which", "that"}) && !g.infinitive) {
            int a = p - 1;
            if (a >= sf && d_.low[a] == ",") --a;
            if (a >= sf && d_.chunk[a] >= 0 && d_.chunks[d_.chunk[a]].head >= 0) return {d_.chunk[a]};
        }
        // infinitive: controlled by "for X", the matrix object (urge X to) or the matrix subject
        if (g.infinitive && g.to >= 0) {
            int b = g.to - 1;
            if (b >= sf && d_.chunk[b] >= 0) {
                int c = d_.chunk[b];
                int pre = d_.chunks[c].first - 1;
                if (pre >= sf && d_.low[pre] == "for" && d_.chunks[c].head >= 0) return {c};
            }
            int u = prev_verb(g.to, sf);
            if (u >= 0) {
                if ((d_.wb[u] & (W_OBJECT_CONTROL))) {
                    std::vector<int> o = object(u, u + 1);
                    if (!o.empty() && d_.chunks[o.back()].last == g.to - 1) return o;
                }
                return subject(u);
            }
            return {};
        }
        // participle clauses: "adding that …", "Defending its decision, X said"
        if (!g.finite && (d_.vt[v] == V_VBG || (g.reduced))) {
            if (g.reduced) return {};
            int u = prev_verb(g.start, sf);
            if (u >= 0 && (p < sf || d_.low[p] == ",")) return subject(u);
            return {};
        }
        // the clause's first chunk not governed by a preposition or verb
        int cs = std::max(sf, g.start - 80);
        for (int k = g.start - 1; k >= std::max(sf, g.start - 80); --k) {
            if (is_boundary(d_, k) || (d_.finite(k) && d_.chunk[k] < 0)) { cs = k + 1; break; }
        }
        int found = -1;
        for (int k = cs; k < g.start; ++k) {
            int c = d_.chunk[k];
            if (c < 0 || d_.chunks[c].first != k) continue;
            const Chunk& C = d_.chunks[c];
            k = C.last;
            if (C.head < 0 || d_.value[C.head] >= 0) continue;
            int pre = C.first - 1;
            bool ok = pre < cs || d_.low[pre] == "," || d_.quote_tok(pre) || (d_.f[pre] & F_CC);
            if ((d_.f[pre < sf ? sf : pre] & (F_CC)) && pre >= cs) {
                // "X and Y": the first conjunct was already a candidate
                ok = found < 0;
            }
            if (!ok) continue;
            found = c;
            break;
        }
        if (found < 0 && cs > sf) {
            // a relative clause in between ("People who had gathered … yelled"): the sentence subject
            for (int k = std::max(sf, g.start - 80); k < g.start; ++k) {
                int c = d_.chunk[k];
                if (c < 0) { if (!d_.punct(k)) break; continue; }
                const Chunk& C = d_.chunks[c];
                if (C.head >= 0 && d_.value[C.head] < 0) { found = c; break; }
                k = C.last;
            }
        }
        if (found < 0) return {};
        return coordinated(found, g.start);
    }

    const Doc& d_;
    std::unordered_map<int, std::vector<int>> subj_memo_;
    std::vector<int> child_start_, children_;
};

// ---------------------------------------------------------------------------------------------
// Triggers

struct Match { int entry = -1; int end = -1; int skip_from = -1; bool words = false; };

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

// Views and string_view literals below: no std::string temporaries, no strlen per comparison.
std::string_view type_class(std::string_view type) { return type.substr(0, type.find('.')); }

// ---------------------------------------------------------------------------------------------
// Building events

struct Builder {
    Analysis& a;
    Doc& d;
    Analyzer& an;
    const CueLexicon& cues;
    std::vector<int> person_mentions;   // first tokens of PERSON mentions, in order
    std::vector<char> speech_cue;       // per token: a speech-cue verb
    std::vector<std::pair<int, std::string>> role_people;   // PERSON entities with a role (lower case), at most 256

    EventArgument arg_from_chunk(int c, std::string_view role) const { return arg_from(d.chunks[c], role); }
    EventArgument arg_from(const Chunk& C, std::string_view role) const {
        EventArgument r;
        r.role = role;
        int h = C.head;
        r.start = a.tokens[C.first].start;
        r.end = a.tokens[C.last].end;
        if (d.ent[h] >= 0) {
            r.entity = a.entities[d.ent[h]].id;
            r.start = a.tokens[d.ment_first[h]].start;
            r.end = a.tokens[d.ment_last[h]].end;
        } else if ((d.f[h] & F_PRON) && (d.wb[h] & (W_PERSONAL_PRONOUN))) {
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
    std::string_view pp_role(std::string_view prep, std::string_view type, int c, bool passive) const {
        std::string_view cls = type_class(type);
        const Chunk& C = d.chunks[c];
        if (d.value[C.head] >= 0) return "";
        if (type == "Other.Action") return in(prep, {"to", "with", "against"}) ? "patient" : "";
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

    void add(Event& ev, const EventArgument& arg) {
        for (const auto& x : ev.arguments)
            if (x.role == arg.role && x.start == arg.start && x.end == arg.end) return;
        ev.arguments.push_back(arg);
    }
    bool has_role(const Event& ev, std::string_view role) const {
        for (const auto& x : ev.arguments) if (x.role == role) return true;
        return false;
    }

    void set_modality(Event& ev, int t, const VGroup* g) {
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

    Event make(std::string_view type, int first, int last, int sentence) {
        Event ev;
        ev.type = type;
        ev.trigger = {a.tokens[first].start, a.tokens[last].end};
        ev.sentence = uint32_t(sentence);
        return ev;
    }
};

}  // namespace

// find_events as a stateful object, so AnalysisJob can run its sentence loop in slices.
struct EventFinding::Impl {
    Analysis& a;
    const TriggerLexicon& L;
    Doc d;
    Analyzer an;
    Builder b;
    std::vector<Event> events;
    std::vector<int> ev_tok;              // trigger token of each event
    std::vector<char> consumed;           // tokens inside a multi-word trigger
    std::vector<std::vector<int>> purpose_of;   // per event: events of a following purpose infinitive

    explicit Impl(Analysis& a_)
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
    }

    void find(size_t first_sentence, size_t end_sentence) {
        for (size_t s = first_sentence; s < end_sentence; ++s) {
            const Sentence& S = a.sentences[s];
            int sf = int(S.first_token), se = int(S.first_token + S.token_count);
            if (S.paragraph < a.paragraphs.size() && a.paragraphs[S.paragraph].boilerplate) continue;
            for (int t = sf; t < se; ++t) {
                if (consumed[t]) continue;
                // ---- verbs
                if (d.verb(t) && an.is_group_head(t)) {
                    Match m;
                    if (d.lex[t]->verb_ids) m = best_entry(d, *d.lex[t]->verb_ids, t, sf, se);
                    VGroup g = verb_group(d, t, sf);
                    std::string_view type = m.entry >= 0 ? std::string_view(L.entries[m.entry].type) : std::string_view();
                    int after = m.words ? m.end + 1 : t + 1;
                    std::vector<int> subj = an.dependents(t, "nsubj");
                    std::vector<int> obj = g.passive || m.words ? std::vector<int>() : an.dependents(t, "obj");
                    if (subj.empty()) subj = an.subject(t);
                    if (obj.empty() && !g.passive) obj = an.object(t, after);
                    // "The Dow fell 344 points": a measure after a change-of-state verb is its extent
                    if (!obj.empty() && is_unaccusative(d.low[t])) {
                        const Chunk& O = d.chunks[obj[0]];
                        if ((d.f[O.first] & F_NUM) || d.low[O.first] == "$" || (d.f[O.head] & F_NUM)) obj.clear();
                    }
                    // an object between the verb and the words of a needs (`declared X persona non grata`)
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
                    if (type.empty()) {
                        // Other.Action: a clear who-did-what-to-whom outside the taxonomy
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
                            if ((d.wb[t] & (W_BE)) || (d.wb[t] & (W_HAVE)) || (d.wb[t] & (W_DO)) || (d.wb[t] & (W_NON_EVENT))) continue;
                            if (((d.wb[t] & (W_NON_ACTION | W_BE | W_HAVE | W_DO)) || d.lex[t]->cue) && (obj.empty() || g.passive)) continue;
                            if (speech_flags(d.low[t]) & SPEECH_REPORT) continue;
                            if (d.vt[t] == V_VBG && subj.empty()) continue;   // "Shipping company X": a modifier
                            if (subj.empty() && (obj.empty() || g.passive)) continue;
                            if (obj.empty() && !g.passive) {
                                // "did not respond to a request", "shares fell by 5%": a PP complement will do
                                bool pp = false;
                                for (auto& x : an.pps(after, se))
                                    if (x.prep <= after + 2) pp = true;
                                // intransitive with a noun or named subject: "sales fell", "the talks collapsed"
                                bool noun_subj = false;
                                for (int c : subj) { int h = d.chunks[c].head; if (d.ent[h] >= 0 || (d.f[h] & (F_NOUN | F_PROPN))) noun_subj = true; }
                                if (!pp && !noun_subj) continue;
                            }
                            if (!obj.empty() && (d.f[d.chunks[obj[0]].head] & F_NUM)) continue;   // "voted 7-2"
                            bool named = subj.empty();
                            for (int c : subj) { int h = d.chunks[c].head; if (d.ent[h] >= 0 || (d.f[h] & (F_NOUN | F_PROPN | F_PRON))) named = true; }
                            if (!named) continue;
                        }
                        type = "Other.Action";
                    }
                    int last = m.words ? m.end : t;
                    // particles: "step down", "broke into"
                    Event ev = b.make(type, t, last, int(s));
                    for (int k = t + 1; k <= last; ++k) consumed[k] = 1;
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
                    b.set_modality(ev, t, &g);
                    events.push_back(std::move(ev));
                    ev_tok.push_back(t);
                    continue;
                }
                // ---- event nouns (heads of their chunk)
                if ((d.f[t] & F_NOUN) && d.chunk[t] >= 0 && d.chunks[d.chunk[t]].head == t) {
                    if (!d.lex[t]->noun_ids) continue;
                    Match m = best_entry(d, *d.lex[t]->noun_ids, t, sf, se);
                    if (m.entry < 0) continue;
                    std::string_view type = L.entries[m.entry].type;
                    std::string_view cls = type_class(type);
                    const Chunk& C = d.chunks[d.chunk[t]];
                    int first = t, last = m.words ? m.end : t;
                    // light verb: the chunk is the object of make/take/suffer/…
                    int lv = -1;
                    {
                        int k = C.first - 1;
                        while (k >= sf && (d.f[k] & (F_RB | F_RP))) --k;
                        int after = C.last + 1;
                        bool carrier = after < se && d.vt[after] == V_VBN && (d.wb[after] & (W_CARRIER_PARTICIPLE));
                        if (k >= sf && d.verb(k) && (d.wb[k] & (W_LIGHT_VERB)) && !carrier) lv = k;
                    }
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
                        ev = b.make(type, first, last, int(s));
                        std::vector<int> subj = an.subject(lv);
                        bool exp = (d.wb[lv] & (W_EXPERIENCER_LIGHT)) || passive_lv;
                        for (int c : subj) b.add(ev, b.arg_from_chunk(c, exp ? "patient" : "agent"));
                    } else {
                        ev = b.make(type, first, last, int(s));
                        // possessor and prenominal entity modifiers
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
                            } else if ((d.f[k] & F_PRPS) && (d.wb[k] & (W_PERSONAL_PRONOUN))) {
                                Chunk tmp{k, k, k};
                                (void)tmp;
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
                    int k = C.last + 1;
                    // participles carrying the noun's arguments: "charges levelled against him"
                    if (k < se && d.vt[k] == V_VBN && (d.wb[k] & (W_CARRIER_PARTICIPLE))) { last = k; ev.trigger.end = a.tokens[k].end; ++k; }
                    if (m.words) k = m.end + 1;
                    for (int x = t + 1; x <= last; ++x) consumed[x] = 1;
                    for (auto& pp : an.pps(k, se)) {
                        std::string_view prep = d.low[pp.prep];
                        std::string_view role = b.pp_role(prep, type, pp.chunk, false);
                        if (prep == "by" && lv < 0) role = "agent";
                        if (role.empty()) continue;
                        if (role == "patient" && prep == "of" && b.has_role(ev, "patient")) continue;
                        if (role == "place" && cls != "Movement" && b.has_role(ev, "place")) continue;
                        b.add(ev, b.arg_from_chunk(pp.chunk, role));
                    }
                    b.set_modality(ev, lv >= 0 ? lv : t, lv >= 0 ? &g : nullptr);
                    events.push_back(std::move(ev));
                    ev_tok.push_back(lv >= 0 ? lv : t);
                }
            }
        }
    }

    void finish() {

        // An event without a patient takes the patient of a purpose infinitive right after it
        // ("take the case to the ICJ to denounce Ecuador's responsibility").
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
                    if (x.role == "patient") {
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

        // ---- time anchoring
        std::vector<int> story_days;   // values usable as anchors for undated past events
        auto in_story = [&](const Value& v) {
            int t = token_at(a, v.start);
            return t >= 0 && size_t(t) < d.n && d.sent[t] >= 0 && a.tokens[t].start >= v.start;
        };
        auto day_diff = [](const std::string& x, const std::string& y) -> int {   // y - x in days, 9999 if not comparable
            std::string a1, b1;
            if (x.size() < 10 || y.size() < 10) return 9999;
            auto days = [](const std::string& s) {
                int Y = std::atoi(s.substr(0, 4).c_str()), M = std::atoi(s.substr(5, 2).c_str()), D = std::atoi(s.substr(8, 2).c_str());
                if (M < 3) { Y -= 1; M += 12; }
                return 365 * Y + Y / 4 - Y / 100 + Y / 400 + (153 * (M - 3) + 2) / 5 + D;
            };
            return days(y) - days(x);
        };
        for (size_t v = 0; v < a.values.size(); ++v) {
            const Value& V = a.values[v];
            if (V.type != "DATE" || V.value.size() != 10 || !in_story(V)) continue;
            if (!a.reference_date.empty()) {
                int dd = day_diff(V.value, a.reference_date);
                if (dd < 0 || dd > 7) continue;
            }
            story_days.push_back(int(v));
        }
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
            const Sentence& S = a.sentences[ev.sentence];
            int best = -1;
            uint32_t bestd = ~0u;
            for (int v : sent_values[ev.sentence]) {
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
            if (best >= 0) {
                const Value& V = a.values[best];
                ev.has_time = true; ev.time_value = V.value; ev.time_text = std::string(a.slice(V.start, V.end));
                EventArgument r; r.role = "time"; r.start = V.start; r.end = V.end;
                b.add(ev, r);
                continue;
            }
            // past events: the nearest day of the story's week
            bool past = false;
            {
                int sf = an.sfirst(t);
                VGroup g = verb_group(d, t, sf);
                past = d.verb(t) ? (g.past || (d.vt[t] == V_VBN && !g.future)) : true;
                if (d.verb(t) && g.infinitive) past = true;   // "raided … to arrest": the matrix decides below
                if (g.future) past = false;
            }
            if (past && !story_days.empty()) {
                // nearest by sentence distance; on a tie the earlier one
                auto it = std::lower_bound(day_at.begin(), day_at.end(), std::make_pair(int(ev.sentence), -1));
                int bv = -1;
                int64_t bd = INT64_MAX;   // not `long`: 32 bits in wasm
                if (it != day_at.end()) { bd = int64_t(it->first) - int64_t(ev.sentence); bv = it->second; }
                if (it != day_at.begin()) {
                    auto p = std::prev(it);
                    // the first value of the previous sentence with a day
                    auto q = std::lower_bound(day_at.begin(), day_at.end(), std::make_pair(p->first, -1));
                    if (int64_t(ev.sentence) - int64_t(q->first) <= bd) { bd = int64_t(ev.sentence) - int64_t(q->first); bv = q->second; }
                }
                const Value& V = a.values[bv];
                ev.has_time = true; ev.time_value = V.value; ev.time_text = std::string(a.slice(V.start, V.end));
                continue;
            }
            if (!a.reference_date.empty()) { ev.has_time = true; ev.time_value = a.reference_date; ev.time_text = ref_text; }
        }
        // an infinitive of purpose happens when its matrix event does ("raided … to arrest")
        for (size_t e = 0; e + 1 < events.size(); ++e) {
            int u = ev_tok[e + 1];
            if (d.sent[u] != d.sent[ev_tok[e]] || u < 1 || d.low[u - 1] != "to") continue;
            if (events[e + 1].has_time && events[e].has_time && !b.has_role(events[e + 1], "time")) {
                events[e + 1].time_value = events[e].time_value;
                events[e + 1].time_text = events[e].time_text;
            }
        }

        // ---- ids, timeline
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
        a.events = std::move(events);
    }
};

EventFinding::EventFinding(Analysis& a) : a_(a) {
    a.events.clear();
    if (a.tokens.empty() || a.sentences.empty() || a.pos.size() != a.tokens.size()) return;
    impl_ = std::make_unique<Impl>(a);
}

EventFinding::~EventFinding() = default;

size_t EventFinding::sentence_count() const { return impl_ ? a_.sentences.size() : 0; }

void EventFinding::find(size_t first_sentence, size_t end_sentence) {
    if (impl_) impl_->find(first_sentence, std::min(end_sentence, a_.sentences.size()));
}

void EventFinding::finish() {
    if (impl_) impl_->finish();
    impl_.reset();
}

void find_events(Analysis& a) {
    EventFinding f(a);
    f.find(0, f.sentence_count());
    f.finish();
}

}  // namespace ae
