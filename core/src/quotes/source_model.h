// The learned source ranker (internal): which mention near a cue is the quote's source. The
// attributor gathers a few candidates around each cue — the rules' choice, the cue's subject in
// the parse, entity mentions, pronouns and role nouns of the cue's sentence and the one before,
// the previous quote's speaker — and an averaged-perceptron linear model (assets/models/sources.bin,
// written by tools/train-sources from PolNeAR train, whose Source spans are the mentions in the
// text) scores each; the best wins when its score is positive, else the rules' choice stays.
// One feature function serves the trainer and the core.
#pragma once
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "tagging/model.h"

namespace ae::quotes {

constexpr uint32_t kSourceFeatureSet = 1;
constexpr size_t kMaxSourceFeatures = 40;
constexpr size_t kMaxSourceCandidates = 8;

// What a candidate is.
enum SourceKind : uint8_t {
    SRC_PHRASE = 0,     // a noun phrase of the rules or the parse without a name in it
    SRC_NAME = 1,       // holds a name mention of an entity
    SRC_PERSONAL = 2,   // he, she, I, we
    SRC_THEY = 3,       // they, it
    SRC_RELATIVE = 4,   // who, that, which
    SRC_ROLE = 5,       // a role noun (`the mayor`, `a spokeswoman`) or a nominal mention
    SRC_NOUN = 6,       // another noun heading a subject (`officials`, `experts`)
};

// What the attributor knows of one candidate for one cue.
struct SourceCandidate {
    uint8_t kind = SRC_PHRASE;
    uint8_t entity_type = 0;       // 0 none, 1 person, 2 organisation, 3 place, 4 other
    bool rule = false;             // the rules' choice
    bool parse_subject = false;    // the cue's subject in the parse (or the subject of the verb it hangs from)
    bool previous_speaker = false; // the previous quote's speaker mention
    bool left = true;              // before the cue
    uint32_t distance = 0;         // tokens between the candidate and the cue
    uint32_t sentences_back = 0;   // 0 = the cue's sentence
    uint8_t path = 0;              // the head's place: 1 child of the cue, 2 sibling, 3 the cue hangs from it,
                                   // 4 child of the cue's ancestor, 0 other or another sentence
    uint64_t rel = 0;              // hash of the head's dependency relation
    uint64_t head_word = 0;        // hash of the head's lower-case word
    uint64_t head_pos = 0;         // hash of the head's POS tag
    uint64_t cue_word = 0;         // hash of the cue's first lower-case word
    bool marks_between = false;    // a double quote mark between it and the cue
    bool comma_between = false;
    bool content_between = false;  // the content lies between it and the cue
    bool sentence_initial = false; // opens its sentence
    bool cued = true;              // false: a marked quote without a cue, the distances to its marks
};

// The feature hashes of one candidate; returns how many were written (at most kMaxSourceFeatures).
size_t source_features(const SourceCandidate& c, uint64_t* out);

// The winner among candidates with margins m[0..n): the best, when its margin is above 0; else -1
// (the rules' choice stays). Ties go to the earlier candidate.
int decide_source(const float* margins, size_t n);

// The embedded model, or null when absent (quotes then keep the rules' sources).
const tagging::LinearModel* source_model();

// Training only (tools/train-sources): called for every quote with a word cue (and every marked
// quote without one), with each
// candidate's features and cleaned-text byte span; while a hook is set the rules' choice stays,
// so training does not depend on a shipped model. Not thread-safe.
struct SourceChoice {
    uint32_t start = 0, end = 0;   // the quote's content, cleaned-text bytes
    int rule = -1;                 // the rules' candidate, -1 none
    bool cued = true;              // false: a marked quote without a cue
    std::vector<std::vector<uint64_t>> features;
    std::vector<std::pair<uint32_t, uint32_t>> spans;
};
using SourceHook = void (*)(void* context, const SourceChoice& choice);
void set_source_hook(SourceHook hook, void* context);
SourceHook source_hook(void** context);

}  // namespace ae::quotes
