// The learned content-span labeller's features and decoder (see content_model.h).
#include "quotes/content_model.h"

#include "article_explorer/parser.h"
#include "model/hash.h"
#include "model/registry.h"
#include "tagging/models.h"

#include <algorithm>
#include <string>

namespace ae::quotes {

using model::feat;

uint8_t content_rel(uint8_t deprel) {
    static const std::vector<uint8_t> table = [] {
        std::vector<uint8_t> t;
        for (const std::string& n : deprel_names()) {
            uint8_t r = 0;
            if (n == "nsubj") r = 1;
            else if (n == "nsubj:pass") r = 2;
            else if (n == "ccomp") r = 3;
            else if (n == "xcomp") r = 4;
            else if (n == "obj") r = 5;
            else if (n == "parataxis") r = 6;
            else if (n == "acl") r = 7;
            else if (n == "acl:relcl") r = 8;
            else if (n == "nmod:poss") r = 9;
            else if (n == "conj") r = 10;
            else if (n == "advcl") r = 11;
            else if (n == "nmod") r = 12;
            else if (n == "obl" || n == "obl:agent") r = 13;
            else if (n == "punct") r = 14;
            else if (n == "mark") r = 15;
            else if (n == "case") r = 16;
            else if (n == "root") r = 17;
            t.push_back(r);
        }
        return t;
    }();
    return deprel < table.size() ? table[deprel] : 0;
}

void ContentTokens::fill(const Analysis& a) {
    const uint32_t n = uint32_t(a.tokens.size());
    lo.resize(n); hi.resize(n); urel.resize(n);
    for (uint32_t k = 0; k < n; ++k) { lo[k] = hi[k] = k; urel[k] = content_rel(a.tokens[k].deprel); }
    for (uint32_t k = 0; k < n; ++k) {
        int32_t h = a.tokens[k].head;
        for (int guard = 0; h >= 0 && uint32_t(h) < n && guard < 64; ++guard) {
            lo[uint32_t(h)] = std::min(lo[uint32_t(h)], k);
            hi[uint32_t(h)] = std::max(hi[uint32_t(h)], k);
            h = a.tokens[uint32_t(h)].head;
        }
    }
}

// The cue's child on the path from j up to the cue, or -1 when j is not below the cue.
int32_t cue_child_above(const Analysis& a, uint32_t cf, uint32_t cl, uint32_t j) {
    const uint32_t n = uint32_t(a.tokens.size());
    int32_t u = int32_t(j), prev = -1;
    for (int guard = 0; u >= 0 && uint32_t(u) < n && guard < 64; ++guard) {
        if (uint32_t(u) >= cf && uint32_t(u) < cl) return prev;
        prev = u;
        u = a.tokens[uint32_t(u)].head;
    }
    return -1;
}

namespace {
// content_place once the cue's child above j (cue_child_above) is known.
uint32_t place_from(const Analysis& a, const ContentTokens& ct, uint32_t cf, uint32_t j, int32_t top) {
    const uint32_t n = uint32_t(a.tokens.size());
    if (top >= 0) {
        const uint8_t r = ct.urel[uint32_t(top)];
        if (r == 3 || r == 4 || r == 5 || r == 7) return 1;
        if (r == 1 || r == 2 || r == 9) return 2;
        return 3;
    }
    // Is j an ancestor of the cue, or under the cue's head?
    const int32_t h = a.tokens[cf].head;
    if (h >= 0 && uint32_t(h) < n) {
        for (int32_t w = h, guard = 0; w >= 0 && uint32_t(w) < n && guard < 64; ++guard, w = a.tokens[uint32_t(w)].head)
            if (uint32_t(w) == j) return 4;
        if (j >= ct.lo[uint32_t(h)] && j <= ct.hi[uint32_t(h)]) return 5;
    }
    return 0;
}
}  // namespace

void ContentTokens::fill(const Analysis& a, const std::vector<uint32_t>& lo_, const std::vector<uint32_t>& hi_) {
    const size_t n = a.tokens.size();
    lo = lo_; hi = hi_;
    urel.resize(n);
    for (size_t k = 0; k < n; ++k) urel[k] = content_rel(a.tokens[k].deprel);
}

uint32_t content_place(const Analysis& a, const ContentTokens& ct, uint32_t cf, uint32_t cl, uint32_t j) {
    if (j >= cf && j < cl) return 0;
    return place_from(a, ct, cf, j, cue_child_above(a, cf, cl, j));
}

namespace {
uint32_t bucket(uint32_t d) { return d <= 3 ? d : d <= 5 ? 4 : d <= 8 ? 5 : d <= 15 ? 6 : d <= 30 ? 7 : 8; }
}  // namespace

size_t content_features(const Analysis& a, const CueTokens& t, const ContentTokens& ct, uint32_t cf, uint32_t cl,
                        uint32_t j, uint32_t commas, uint32_t marks, uint64_t* out) {
    const Sentence& S = a.sentences[size_t(t.sent[cf])];
    const uint32_t s0 = S.first_token, s1 = S.first_token + S.token_count;
    const bool right = j >= cl;
    const uint32_t side = right ? 1 : 0;
    const uint32_t dist = bucket(right ? j - cl + 1 : cf - j);
    const int32_t top = cue_child_above(a, cf, cl, j);
    const uint32_t place = place_from(a, ct, cf, j, top);
    const uint64_t w = t.word[j], p = t.pos[j], cw = t.word[cf];
    const uint64_t np = j + 1 < s1 ? t.pos[j + 1] : model::kPadAfter;
    const uint64_t pp = j > s0 ? t.pos[j - 1] : model::kPadBefore;
    const uint64_t pw = j > s0 ? t.word[j - 1] : model::kPadBefore, nw = j + 1 < s1 ? t.word[j + 1] : model::kPadAfter;
    const uint32_t r = ct.urel[j];
    const uint32_t cm = std::min<uint32_t>(commas, 3), qm = std::min<uint32_t>(marks, 3);
    const uint32_t top_rel = top >= 0 ? ct.urel[uint32_t(top)] : 31;
    const uint32_t edge = top >= 0 ? (j == ct.lo[uint32_t(top)] ? 1 : 0) | (j == ct.hi[uint32_t(top)] ? 2 : 0) : 3;
    // where j stands in its own head's subtree: a boundary there is a boundary of a phrase
    const int32_t h = a.tokens[j].head;
    const uint32_t hedge = h >= 0 && uint32_t(h) < ct.lo.size()
        ? (j == ct.lo[uint32_t(h)] ? 1u : 0u) | (j == ct.hi[uint32_t(h)] ? 2u : 0u) | (j == ct.lo[j] ? 4u : 0u) | (j == ct.hi[j] ? 8u : 0u)
        : 16u;
    size_t k = 0;
    out[k++] = feat(1, side);
    out[k++] = feat(2, side, dist);
    out[k++] = feat(3, side, place);
    out[k++] = feat(4, side, place, dist);
    out[k++] = feat(5, side, p);
    out[k++] = feat(6, side, w);
    out[k++] = feat(7, side, place, p);
    out[k++] = feat(8, side, r, place);
    out[k++] = feat(9, side, cm, place);
    out[k++] = feat(10, side, qm, t.inside_quote[j]);
    out[k++] = feat(11, side, cw);
    out[k++] = feat(12, side, cw, place);
    out[k++] = feat(16, side, p, np);
    out[k++] = feat(17, side, t.lex[j] & 0xFF, dist);
    out[k++] = feat(20, side, place, t.kids[cf] & 0x1FF);
    out[k++] = feat(25, side, top_rel, edge);
    out[k++] = feat(26, side, top_rel * 4 + edge, p);
    out[k++] = feat(30, side, pw);
    out[k++] = feat(31, side, nw);
    out[k++] = feat(32, side, pp, p);
    out[k++] = feat(33, side, hedge, r);
    return k;
}

void content_margins(const tagging::LinearModel& m, const Analysis& a, const CueTokens& t, const ContentTokens& ct,
                     uint32_t cf, uint32_t cl, uint32_t s0, uint32_t s1, ContentScores& margin, bool left, bool right) {
    margin.assign(s1 - s0);
    uint64_t f[kMaxContentFeatures];
    auto is_comma = [&](uint32_t k) { return t.low[k] == "," || t.low[k] == ";"; };
    auto is_mark = [&](uint32_t k) { return a.tokens[k].kind == TokenKind::Quote; };
    // Right of the cue, counting commas and marks between.
    uint32_t commas = 0, marks = 0;
    for (uint32_t j = cl; right && j < s1; ++j) {
        const size_t n = content_features(a, t, ct, cf, cl, j, commas, marks, f);
        float s[kContentClasses] = {};
        m.score(f, n, s);
        margin.set(j - s0, s);
        commas += is_comma(j); marks += is_mark(j);
    }
    commas = marks = 0;
    for (uint32_t j = cf; left && j-- > s0;) {
        const size_t n = content_features(a, t, ct, cf, cl, j, commas, marks, f);
        float s[kContentClasses] = {};
        m.score(f, n, s);
        margin.set(j - s0, s);
        commas += is_comma(j); marks += is_mark(j);
    }
}

bool decode_content(const ContentScores& margin, uint32_t s0, uint32_t s1, uint32_t cf, uint32_t cl,
                    uint32_t* b, uint32_t* e) {
    float best = 0;
    bool found = false;
    // open: the best span begun at `start` (first) and running inside up to the token before k
    auto scan = [&](uint32_t from, uint32_t to) {
        float open = 0;
        uint32_t start = from;
        bool is_open = false;
        for (uint32_t k = from; k < to; ++k) {
            const size_t i = k - s0;
            if (margin.unit[i] > best) { best = margin.unit[i]; *b = k; *e = k + 1; found = true; }
            if (is_open && open + margin.last[i] > best) { best = open + margin.last[i]; *b = start; *e = k + 1; found = true; }
            if (!is_open || margin.first[i] > open + margin.in[i]) { open = margin.first[i]; start = k; is_open = true; }
            else open += margin.in[i];
        }
    };
    scan(s0, std::min(cf, s1));
    scan(std::max(cl, s0), s1);
    return found;
}

const tagging::LinearModel* content_model() {
    static const model::Loaded<tagging::LinearModel> lm = tagging::load_linear_model("content", "content", kContentFeatureSet, kContentClasses);
    return lm.ok ? &lm.model : nullptr;
}

}  // namespace ae::quotes
