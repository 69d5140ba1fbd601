// The learned trigger detector (internal): which tokens are event mentions (verbs,
// nominalisations, states), as TimeML marks them, from an averaged-perceptron linear model
// (assets/models/triggers.bin, written by tools/train-triggers from TimeBank + AQUAINT). The
// trigger lexicon then types what it finds. One feature function serves the trainer and the core.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "tagging/model.h"

namespace ae::events {

constexpr uint32_t kTriggerFeatureSet = 1;
constexpr size_t kMaxTriggerFeatures = 24;

// One sentence's per-token facts the templates combine, filled once per sentence.
struct TriggerTokens {
    std::vector<uint64_t> word, pos;      // hash of the lower-case word, of the POS tag name
    std::vector<uint32_t> lex;            // trigger_lex_bits of the word
    std::vector<std::string_view> low;
    std::vector<char> candidate;          // a verb, common noun or adjective tag
    // low[i] and pos ids for tokens [first, end) of one sentence.
    void fill(const std::string_view* low_words, const uint8_t* pos_ids, size_t first, size_t end);
};

// What the lexicons say about a lower-case word, as feature bits: trigger-lexicon verb / noun,
// speech / other cue, be-have-do, non-event, light verb, non-action, quantity noun.
uint32_t trigger_lex_bits(std::string_view lower);

// Is this POS tag (a Penn Treebank name) one a trigger may have: VB*, NN, NNS, JJ*?
bool trigger_candidate_tag(std::string_view tag);

// The feature hashes of token i of the sentence in `s` (indices relative to the sentence);
// returns how many were written to out (at most kMaxTriggerFeatures).
size_t trigger_features(const TriggerTokens& s, size_t i, uint64_t* out);

// The model's decision from its two class scores ("O", "EVENT"): an event when EVENT wins
// (training, and the held-out figure of TimeML, whose event density it learned).
inline bool trigger_decision(const float* scores) { return scores[1] > scores[0]; }
// The events stage's decision: EVENT wins or falls short by less than kTriggerBias. News marks
// more of its predicates as events than TimeML does (MEANTIME): a bias of 4 took MEANTIME's
// trigger F1 from 72.3 to 73.2 and its combined F1 from 60.0 to 60.5 (bias 0..10 swept).
constexpr float kTriggerBias = 4.0f;
inline bool trigger_detected(const float* scores) { return scores[1] + kTriggerBias > scores[0]; }

// Is token i of the sentence a trigger under model m (trigger_detected)?
bool detect_trigger(const tagging::LinearModel& m, const TriggerTokens& s, size_t i);

// The embedded model, or null when absent (the events stage then keeps its rules alone).
const tagging::LinearModel* trigger_model();

}  // namespace ae::events
