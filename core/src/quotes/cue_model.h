// The learned cue detector (internal): which tokens introduce an attribution (`said`,
// `statement`, `according to`, a title's `:`), as PolNeAR marks cues, from an averaged-perceptron
// linear model (assets/models/cues.bin, written by tools/train-cues from PolNeAR train). Its
// features read the word, POS, the dependency parse (the parse runs before quotes), quote marks
// and the hand cue lexicon. One feature function serves the trainer and the core.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "article_explorer/analysis.h"
#include "tagging/model.h"

namespace ae::quotes {

constexpr uint32_t kCueFeatureSet = 1;
constexpr size_t kMaxCueFeatures = 40;

// What the cue lexicons say about a lower-case word, as feature bits: 1 speech, 2 label,
// 4 cognition, 8 source, 16 bare, 32 learned line, 64 first word of a phrase cue.
uint32_t cue_lex_bits(std::string_view lower);

// Per-token facts of one analysis the templates combine, filled once (needs POS and parse).
struct CueTokens {
    std::vector<std::string_view> low;     // lower-case token text
    std::vector<uint64_t> word, pos;       // hashes of the lower-case word and the POS tag name
    std::vector<uint32_t> lex;             // cue_lex_bits, plus 128 when inside a phrase cue's match
    std::vector<uint32_t> kids;            // bits of the children's relations (see cue_kid_bits)
    std::vector<uint8_t> inside_quote;     // between an opening and a closing double mark of the paragraph
    std::vector<int32_t> sent;             // sentence index, -1 outside story sentences
    std::string low_text;
    void fill(const Analysis& a);
};

// A child's relation as a bit: 1 nsubj, 2 nsubj:pass, 4 ccomp, 8 xcomp, 16 obj, 32 parataxis,
// 64 mark `that`-clause below, 128 obl, 256 a quote mark among the children's words.
uint32_t cue_kid_bit(std::string_view deprel);

// Is token i one the detector classifies: a word, or a colon?
bool cue_candidate(const Analysis& a, const CueTokens& t, uint32_t i);

// The feature hashes of token i (an index into a.tokens); returns how many were written to out
// (at most kMaxCueFeatures).
size_t cue_features(const Analysis& a, const CueTokens& t, uint32_t i, uint64_t* out);

// The model's decision from its two class scores ("O", "CUE"): a cue when CUE wins.
inline bool cue_decision(const float* scores) { return scores[1] > scores[0]; }

// The embedded model, or null when absent (quotes then keep the lexicon alone).
const tagging::LinearModel* cue_model();

}  // namespace ae::quotes
