#include "models.h"

#include "ner.h"
#include "pos.h"

namespace ae::tagging {

model::Loaded<LinearModel> load_linear_model(const char* name, const char* kind, uint32_t feature_set, size_t nclasses) {
    return model::load_embedded<LinearModel>(name, [&](const uint8_t* data, size_t n, LinearModel& m, std::string* error) {
        if (!deserialize(data, n, m, error)) return false;
        if (m.kind != kind) { *error = "model kind mismatch"; return false; }
        if (m.feature_set != feature_set) { *error = "model built for another feature set; retrain"; return false; }
        if (nclasses && m.nclasses() != nclasses) { *error = "model has another number of classes; retrain"; return false; }
        return true;
    });
}

const Models& models() {
    static const Models m = [] {
        Models out;
        out.pos = load_linear_model("pos", "pos", kPosFeatureSet);
        out.ner = load_linear_model("ner", "ner", kNerFeatureSet);
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
