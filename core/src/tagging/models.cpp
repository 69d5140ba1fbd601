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

// Its own static, so the pointers the taggers keep to it stay valid.
const model::Loaded<LinearModel>& words_model() {
    static const model::Loaded<LinearModel> w = load_linear_model("words", "words", kWordsFeatureSet);
    return w;
}

bool attach_words(LinearModel& m, std::string* error) {
    const auto& w = words_model();
    return attach_shared(m, w.ok ? &w.model : nullptr, error);
}

const Models& models() {
    static const Models m = [] {
        Models out;
        out.words = &words_model();
        const LinearModel* words = out.words->ok ? &out.words->model : nullptr;
        out.pos = load_linear_model("pos", "pos", kPosFeatureSet);
        out.ner = load_linear_model("ner", "ner", kNerFeatureSet);
        for (auto* m : {&out.pos, &out.ner})
            if (m->ok && !attach_shared(m->model, words, &m->error)) m->ok = false;
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
