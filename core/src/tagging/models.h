// The tagger models (POS, entities, and the words model whose clusters both use), loaded from the embedded registry on first use and
// shared read-only afterwards.
#pragma once
#include "model.h"
#include "model/registry.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ae::tagging {

struct Models {
    const model::Loaded<LinearModel>* words = nullptr;   // kind "words": the "clusters" lexicon only
    model::Loaded<LinearModel> pos, ner;
    std::vector<uint64_t> pos_name_hash;   // hash_str(tag name) per POS class id
};
// Parsed on first call (thread-safe static initialisation), then immutable.
const Models& models();

// Points a POS or NER model read from a file (a trainer's) at the embedded words model.
bool attach_words(LinearModel& m, std::string* error);

// An embedded linear model of the given kind and feature set (and class count, when nclasses > 0),
// loaded once by its caller's static: the taggers, the trigger and the cue detectors.
model::Loaded<LinearModel> load_linear_model(const char* name, const char* kind, uint32_t feature_set,
                                             size_t nclasses = 0);

}  // namespace ae::tagging
