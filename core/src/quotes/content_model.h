// The learned content-span labeller (internal): given an attribution cue, which tokens of its
// sentence are the content, as PolNeAR marks contents. A linear model (assets/models/content.bin,
// written by tools/train-content from PolNeAR train as a structured perceptron over the decoder
// below) scores each token as outside the content, its first token, inside it, its last token, or
// a one-token content, from its position relative to the cue, its place in the cue's dependency
// subtrees (complement, object, subject), its own and its neighbours' POS and words, quote marks
// and punctuation between it and the cue; decode_content picks the best contiguous span on one
// side of the cue. One feature function serves the trainer and the core.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "article_explorer/analysis.h"
#include "quotes/cue_model.h"
#include "tagging/model.h"

namespace ae::quotes {

constexpr uint32_t kContentFeatureSet = 4;
constexpr size_t kMaxContentFeatures = 24;

// The model's classes, in its class order: outside, first token, inside, last token, one-token content.
enum ContentClass : int { kContentOut = 0, kContentFirst = 1, kContentIn = 2, kContentLast = 3, kContentUnit = 4, kContentClasses = 5 };

// Each token's class scores minus its Out score (index k - s0 of the cue's sentence).
struct ContentScores {
    std::vector<float> first, in, last, unit;
    void assign(size_t n) { first.assign(n, 0.0f); in.assign(n, 0.0f); last.assign(n, 0.0f); unit.assign(n, 0.0f); }
    // Sets token k's margins from its five class scores.
    void set(size_t k, const float* s) { first[k] = s[1] - s[0]; in[k] = s[2] - s[0]; last[k] = s[3] - s[0]; unit[k] = s[4] - s[0]; }
};

// Per-analysis facts the content features read beyond CueTokens: each token's dependency
// subtree as a token range and the children's relations.
struct ContentTokens {
    std::vector<uint32_t> lo, hi;      // subtree [lo, hi] of each token
    std::vector<uint8_t> urel;         // coarse relation of each token (see content_rel)
    void fill(const Analysis& a);
    // The same from subtree ranges already computed (the attributor's).
    void fill(const Analysis& a, const std::vector<uint32_t>& lo_, const std::vector<uint32_t>& hi_);
};

// A relation as a small code: 0 other, 1 nsubj, 2 nsubj:pass, 3 ccomp, 4 xcomp, 5 obj,
// 6 parataxis, 7 acl, 8 acl:relcl, 9 nmod:poss, 10 conj, 11 advcl, 12 nmod, 13 obl, 14 punct,
// 15 mark, 16 case, 17 root.
uint8_t content_rel(uint8_t deprel);

// Where token j stands to the cue [cue_first, cue_last) in the parse, as a small code:
// 0 none, 1 in a complement (ccomp/xcomp/obj/acl) subtree of the cue, 2 in its subject
// subtree, 3 in another dependent's subtree, 4 an ancestor of the cue, 5 in the subtree of
// the cue's head but not the cue's own.
uint32_t content_place(const Analysis& a, const ContentTokens& ct, uint32_t cue_first, uint32_t cue_last, uint32_t j);

// The feature hashes of token j of the cue's sentence for cue [cue_first, cue_last); returns
// how many were written to out (at most kMaxContentFeatures). commas/marks: how many commas and
// double quote marks lie strictly between the cue and j.
size_t content_features(const Analysis& a, const CueTokens& t, const ContentTokens& ct, uint32_t cue_first,
                        uint32_t cue_last, uint32_t j, uint32_t commas, uint32_t marks, uint64_t* out);

// Margins of every token of the cue's sentence [s0, s1) under model m; with left or right false
// that side of the cue is left at 0 (no content there: the decoder needs a positive score).
void content_margins(const tagging::LinearModel& m, const Analysis& a, const CueTokens& t, const ContentTokens& ct,
                     uint32_t cue_first, uint32_t cue_last, uint32_t s0, uint32_t s1, ContentScores& margin,
                     bool left = true, bool right = true);

// The best contiguous span [*b, *e) of [s0, s1) not containing the cue [cue_first, cue_last): the
// largest first + in... + last (or unit) margin sum on either side of the cue; false when no span
// scores above nothing (0). Linear in the sentence.
bool decode_content(const ContentScores& margin, uint32_t s0, uint32_t s1, uint32_t cue_first, uint32_t cue_last,
                    uint32_t* b, uint32_t* e);

// The embedded model, or null when absent (quotes then keep the rule-made contents).
const tagging::LinearModel* content_model();

}  // namespace ae::quotes
