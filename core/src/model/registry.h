// The models compiled into the core, and the one way a stage loads one.
//
// core/models.cmake turns assets/models/<name>.bin into byte arrays (its AE_MODEL_NAMES list is
// where a new model is added); a stage reads its model once, on first use, with load_embedded()
// and its own body reader, and shares it read-only afterwards.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ae::model {

struct EmbeddedModel { const char* name; const unsigned char* data; size_t size; };
// All models embedded at build time (possibly none), in AE_MODEL_NAMES order.
std::vector<EmbeddedModel> embedded_models();
// The model of that name, or null when it was not embedded.
const EmbeddedModel* find_embedded(std::string_view name);

// A stage's model as loaded: ok, or why not (not embedded, checksum mismatch, wrong kind...).
template <class M>
struct Loaded {
    bool ok = false;
    size_t bytes = 0;
    std::string error;
    M model;
};

// Loads the embedded model `name` with read(data, size, M&, std::string* error) -> bool.
template <class M, class Read>
Loaded<M> load_embedded(std::string_view name, Read read) {
    Loaded<M> lm;
    const EmbeddedModel* e = find_embedded(name);
    if (!e) {
        lm.error = "model '" + std::string(name) + "' was not embedded at build time (assets/models/" + std::string(name) + ".bin absent)";
        return lm;
    }
    lm.bytes = e->size;
    lm.ok = e->size && read(e->data, e->size, lm.model, &lm.error);
    return lm;
}

}  // namespace ae::model
