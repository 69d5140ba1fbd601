// The models compiled into the core (core/models.cmake turns assets/models/*.bin into byte
// arrays), parsed once on first use and shared read-only afterwards.
#pragma once
#include "model.h"

#include <cstddef>
#include <string>
#include <vector>

namespace ae::tagging {

struct EmbeddedModel { const char* name; const unsigned char* data; size_t size; };
// All models embedded at build time (possibly none).
std::vector<EmbeddedModel> embedded_models();

struct LoadedModel {
    bool ok = false;
    size_t bytes = 0;
    std::string error;      // why not ok ("not embedded", "checksum mismatch", ...)
    LinearModel model;
};

struct Models {
    LoadedModel pos, ner;
    std::vector<uint64_t> pos_name_hash;   // hash_str(tag name) per POS class id
};
// Parsed on first call (thread-safe static initialisation), then immutable.
const Models& models();

}  // namespace ae::tagging
