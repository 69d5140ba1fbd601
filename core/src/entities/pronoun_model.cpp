// The learned pronoun ranker's features (see pronoun_model.h).
#include "entities/pronoun_model.h"

#include "model/hash.h"
#include "tagging/models.h"

#include <algorithm>

namespace ae::entities {

using model::feat;

size_t pronoun_features(const PronounCandidate& c, uint64_t* out) {
    const uint32_t back = std::min<uint32_t>(c.sentences_back, 4), rec = std::min<uint32_t>(c.recency, 3);
    const uint32_t n = std::min<uint32_t>(c.candidates, 4);
    const uint32_t m = c.mentions <= 1 ? 0 : c.mentions <= 3 ? 1 : c.mentions <= 8 ? 2 : 3;
    const uint32_t g = c.gender == '-' ? 0 : c.gender == c.pronoun_gender ? 1 : 2;
    size_t k = 0;
    out[k++] = feat(1);
    out[k++] = feat(2, back);
    out[k++] = feat(3, rec);
    out[k++] = feat(4, back, rec);
    out[k++] = feat(5, n, rec);
    out[k++] = feat(6, m);
    out[k++] = feat(7, g);
    out[k++] = feat(8, g, n);
    out[k++] = feat(9, c.spoke, c.pronoun_speaks);
    out[k++] = feat(10, c.sentence_initial, back);
    out[k++] = feat(11, c.before_verb, back);
    out[k++] = feat(12, c.same_paragraph, back);
    out[k++] = feat(13, c.pronoun_initial, c.sentence_initial, back == 0);
    out[k++] = feat(14, c.last_speaker, c.pronoun_speaks);
    out[k++] = feat(15, c.most_mentioned, n);
    out[k++] = feat(16, c.spoke, rec);
    out[k++] = feat(17, c.last_speaker, rec);
    out[k++] = feat(18, m, rec);
    out[k++] = feat(19, c.most_mentioned, c.pronoun_speaks, rec);
    return k;
}

const tagging::LinearModel* pronoun_model() {
    static const model::Loaded<tagging::LinearModel> lm = tagging::load_linear_model("pronouns", "pronouns", kPronounFeatureSet, 2);
    return lm.ok ? &lm.model : nullptr;
}

namespace {
PronounHook g_hook = nullptr;
void* g_context = nullptr;
}  // namespace

void set_pronoun_hook(PronounHook hook, void* context) { g_hook = hook; g_context = context; }
PronounHook pronoun_hook(void** context) { *context = g_context; return g_hook; }

}  // namespace ae::entities
