#include "models.h"

#include "ner.h"
#include "pos.h"

namespace ae::tagging {

namespace {

// A reader for load_embedded(): the file, then its kind and feature set.
auto linear_model_reader(const char* kind, uint32_t feature_set) {
    return [kind, feature_set](const uint8_t* data, size_t n, LinearModel& m, std::string* error) {
        if (!deserialize(data, n, m, error)) return false;
        if (m.kind != kind) { *error = "model kind mismatch"; return false; }
        if (m.feature_set != feature_set) { *error = "model built for another feature set; retrain"; return false; }
        return true;
    };
}

}  // namespace

const Models& models() {
    static const Models m = [] {
        Models out;
        out.pos = model::load_embedded<LinearModel>("pos", linear_model_reader("pos", kPosFeatureSet));
        out.ner = model::load_embedded<LinearModel>("ner", linear_model_reader("ner", kNerFeatureSet));
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
