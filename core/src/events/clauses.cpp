// The events stage's clause analysis (see events/clauses.h).
#include "events/clauses.h"
#include "article_explorer/parser.h"

#include <algorithm>

namespace ae::events {

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

Analyzer::Analyzer(const Doc& d) : d_(d) {
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
std::vector<int> Analyzer::dependents(int v, std::string_view rel, int depth) const {
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

std::vector<int> Analyzer::coordinated(int c, int limit) const {
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

std::vector<int> Analyzer::subject(int v) {
    auto it = subj_memo_.find(v);
    if (it != subj_memo_.end()) return it->second;
    subj_memo_[v] = {};   // guards recursion
    std::vector<int> r = subject_impl(v);
    subj_memo_[v] = r;
    return r;
}

std::vector<int> Analyzer::object(int v, int after) const {
    int e = send(v);
    int k = after;
    while (k < e && (d_.f[k] & (F_RP | F_RB))) ++k;
    if (k >= e) return {};
    int c = d_.chunk[k];
    if (c < 0 || d_.chunks[c].first != k || d_.chunks[c].head < 0) return {};
    if (d_.value[d_.chunks[c].head] >= 0) return {};   // "late Friday"
    return coordinated(c, e);
}

std::vector<Clause::PP> Analyzer::pps(int from, int e) const {
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
            // "after police raided": a clause, not a PP; only a word that opens clauses opens one
            // ("the collapse of the automakers would be": the PP ends before the verb)
            if ((d_.wb[k] & W_SUBORDINATOR) && after < e && (d_.finite(after) || (d_.verb(after) && d_.vt[after] != V_VBN && d_.vt[after] != V_VBG)))
                break;
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

std::vector<int> Analyzer::subject_impl(int v) {
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
        // a passive infinitive right after a noun undergoes it: "the first model to be built",
        // "Ford Taurus to be revived", "Lion, to be released in 2011"
        if (g.passive) {
            int c = b >= sf && d_.low[b] == "," ? b - 1 : b;
            if (c >= sf && d_.chunk[c] >= 0 && d_.chunks[d_.chunk[c]].last == c && d_.chunks[d_.chunk[c]].head >= 0 &&
                d_.value[d_.chunks[d_.chunk[c]].head] < 0)
                return {d_.chunk[c]};
        }
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

}  // namespace ae::events
