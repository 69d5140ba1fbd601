// The learned pronoun ranker (internal): which person of the last few sentences a `he`/`she`
// stands for — the step that links a pronoun speaker (`he said`) to the named person. Each
// candidate person is scored by an averaged-perceptron linear model (assets/models/pronouns.bin,
// written by tools/train-pronouns from PolNeAR train, whose pronoun Sources are linked to the
// nearest earlier named Source); the best-scoring candidate wins when its score is positive.
// One feature function serves the trainer and the core.
#pragma once
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "tagging/model.h"

namespace ae::entities {

constexpr uint32_t kPronounFeatureSet = 1;
constexpr size_t kMaxPronounFeatures = 24;

// What the grouper knows of one candidate person for one pronoun.
struct PronounCandidate {
    uint32_t sentences_back = 0;   // 0 = the pronoun's sentence
    uint32_t recency = 0;          // 0 = the most recently mentioned candidate
    uint32_t candidates = 0;       // how many candidates the pronoun has
    uint32_t mentions = 0;         // the person's mentions so far
    char gender = '-';             // the person's gender ('-' unknown), the pronoun's
    char pronoun_gender = '-';
    bool spoke = false;            // the latest mention is followed closely by a speech cue
    bool pronoun_speaks = false;   // the pronoun is followed closely by a speech cue
    bool sentence_initial = false; // the latest mention opens its sentence (after a title)
    bool before_verb = false;      // a verb follows the latest mention
    bool same_paragraph = false;
    bool pronoun_initial = false;  // the pronoun opens its sentence
    bool last_speaker = false;     // the latest person seen with a speech cue
    bool most_mentioned = false;   // the candidate with the most mentions so far
};

// The feature hashes of one candidate; returns how many were written (at most kMaxPronounFeatures).
size_t pronoun_features(const PronounCandidate& c, uint64_t* out);

// The embedded model, or null when absent (the grouper then resolves only a single fitting person).
const tagging::LinearModel* pronoun_model();

// Training only (tools/train-pronouns): called for every pronoun with candidates, with each
// candidate's features and the cleaned-text byte spans of its mentions so far. Not thread-safe.
struct PronounChoice {
    uint32_t start = 0, end = 0;   // the pronoun, cleaned-text bytes
    std::vector<std::vector<uint64_t>> features;
    std::vector<std::vector<std::pair<uint32_t, uint32_t>>> spans;
};
using PronounHook = void (*)(void* context, const PronounChoice& choice);
void set_pronoun_hook(PronounHook hook, void* context);
PronounHook pronoun_hook(void** context);

}  // namespace ae::entities
