#include "registry.h"

#include "hash.h"
#include "ner.h"
#include "pos.h"

#include <cstring>

#ifdef AE_HAVE_EMBEDDED_MODELS
// Defined in the file core/models.cmake generates.
namespace ae::tagging::generated {
extern const EmbeddedModel kModels[];
extern const size_t kModelCount;
}
#endif

namespace ae::tagging {

std::vector<EmbeddedModel> embedded_models() {
    std::vector<EmbeddedModel> out;
#ifdef AE_HAVE_EMBEDDED_MODELS
    for (size_t i = 0; i < generated::kModelCount; ++i) out.push_back(generated::kModels[i]);
#endif
    return out;
}

namespace {

LoadedModel load(const char* name, const char* kind, uint32_t feature_set) {
    LoadedModel lm;
    for (const EmbeddedModel& e : embedded_models()) {
        if (std::strcmp(e.name, name) != 0) continue;
        lm.bytes = e.size;
        if (!e.size) break;
        if (!deserialize(e.data, e.size, lm.model, &lm.error)) return lm;
        if (lm.model.kind != kind) { lm.error = "model kind mismatch"; return lm; }
        if (lm.model.feature_set != feature_set) { lm.error = "model built for another feature set; retrain"; return lm; }
        lm.ok = true;
        return lm;
    }
    lm.error = std::string("model '") + name + "' was not embedded at build time (assets/models/" + name + ".bin absent)";
    return lm;
}

}  // namespace

const Models& models() {
    static const Models m = [] {
        Models out;
        out.pos = load("pos", "pos", kPosFeatureSet);
        out.ner = load("ner", "ner", kNerFeatureSet);
        if (out.ner.ok && out.ner.model.classes != ner_label_names()) {
            out.ner.ok = false;
            out.ner.error = "NER model has unexpected labels";
        }
        if (out.pos.ok)
            for (auto& c : out.pos.model.classes) out.pos_name_hash.push_back(pos_name_hash(c));
        return out;
    }();
    return m;
}

}  // namespace ae::tagging
