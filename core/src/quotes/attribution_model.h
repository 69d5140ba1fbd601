// The learned attribution filter (internal): is an attribution the rules, the cue detector and
// the parse propose (a cue, its content, its source) one a careful reader would mark? The
// attributor proposes more than it keeps — learned cues with no subject in the parse among them —
// and an averaged-perceptron linear model (assets/models/attributions.bin, written by
// tools/train-attributions from the attributor's own proposals on PolNeAR train, each right when
// its content overlaps a gold Content) scores each indirect or mixed proposal; one that scores
// below kAttributionBias is dropped. Marked quotes are not filtered. One feature function serves
// the trainer and the core.
#pragma once
#include <cstddef>
#include <cstdint>

#include "tagging/model.h"

namespace ae::quotes {

constexpr uint32_t kAttributionFeatureSet = 1;
constexpr size_t kMaxAttributionFeatures = 28;
// A proposal stays when its KEEP score minus its DROP score is above this: the trainer's own
// decision (on PolNeAR dev 0, 2, 4, 6 and 8 give the same figures within 0.2 since the fifth
// session's retraining; 0 keeps about 20 more quotes).
constexpr float kAttributionBias = 0.0f;

// What the attributor knows of one proposal.
struct AttributionCandidate {
    uint64_t cue_word = 0, cue_pos = 0;   // hashes of the cue's first lower-case word and its POS
    uint64_t cue_rel = 0;          // the cue's coarse relation (the attributor's code)
    uint32_t cue_lex = 0;          // cue_lex_bits of the cue word (0: outside the lexicons)
    bool cue_subject = false;      // the cue has a subject (or owner) in the parse
    bool cue_passive = false;      // the cue has a passive subject
    bool content_right = true;     // the content follows the cue
    uint32_t gap = 0;              // tokens between the cue and the content
    uint32_t length = 0;           // the content's tokens
    uint64_t first_word = 0, first_pos = 0, last_pos = 0, before_word = 0;   // the content's edges, the word before it
    uint64_t head_rel = 0;         // the content head's coarse relation
    bool head_on_cue = false;      // the content's head hangs from the cue
    bool finite = false;           // the content holds a finite verb or a modal
    bool marks = false;            // the content holds double quote marks (mixed)
    uint8_t speaker = 0;           // 0 none, 1 he/she/I/we/they, 2 a name, 3 another noun phrase
    uint8_t cue_margin = 0;        // the cue detector's margin for the cue word, bucketed (0: not scored)
    bool content_learned = false;  // the content is the content labeller's span
};

// The feature hashes of one proposal; returns how many were written (at most kMaxAttributionFeatures).
size_t attribution_features(const AttributionCandidate& c, uint64_t* out);

// Does the proposal stay, from its two class scores ("DROP", "KEEP")?
inline bool attribution_kept(const float* scores) { return scores[1] - scores[0] > kAttributionBias; }

// The embedded model, or null when absent (every proposal then stays, and learned cues need a
// subject in the parse as before).
const tagging::LinearModel* attribution_model();

// Training only (tools/train-attributions): called for every proposal with its features and its
// content's cleaned-text byte span; while a hook is set every proposal stays. Not thread-safe.
using AttributionHook = void (*)(void* context, const uint64_t* features, size_t n, uint32_t start, uint32_t end);
void set_attribution_hook(AttributionHook hook, void* context);
AttributionHook attribution_hook(void** context);

}  // namespace ae::quotes
