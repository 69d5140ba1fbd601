// The learned source ranker's features and decision (see source_model.h).
#include "quotes/source_model.h"

#include "model/hash.h"
#include "tagging/models.h"

#include <algorithm>

namespace ae::quotes {

namespace {
// A cue-less quote's candidates get templates of their own: distances and sides to quote marks
// mean other things than to a cue.
inline uint64_t feat(uint32_t t, bool cued) { return cued ? model::feat(t) : model::feat(t + 100); }
inline uint64_t feat(uint32_t t, bool cued, uint64_t a) { return cued ? model::feat(t, a) : model::feat(t + 100, a); }
inline uint64_t feat(uint32_t t, bool cued, uint64_t a, uint64_t b) { return cued ? model::feat(t, a, b) : model::feat(t + 100, a, b); }
inline uint64_t feat(uint32_t t, bool cued, uint64_t a, uint64_t b, uint64_t c) { return cued ? model::feat(t, a, b, c) : model::feat(t + 100, a, b, c); }
}  // namespace

size_t source_features(const SourceCandidate& c, uint64_t* out) {
    const uint32_t d = c.distance == 0 ? 0 : c.distance == 1 ? 1 : c.distance == 2 ? 2 : c.distance <= 5 ? 3 : c.distance <= 10 ? 4 : c.distance <= 20 ? 5 : 6;
    const uint32_t back = std::min<uint32_t>(c.sentences_back, 2);
    const uint32_t side = c.left ? 0 : 1;
    size_t k = 0;
    out[k++] = feat(1, c.cued);
    out[k++] = feat(2, c.cued, c.kind);
    out[k++] = feat(3, c.cued, c.kind, c.entity_type);
    out[k++] = feat(4, c.cued, c.rule, c.parse_subject);
    out[k++] = feat(5, c.cued, c.rule, c.parse_subject, c.kind);
    out[k++] = feat(6, c.cued, c.previous_speaker, back);
    out[k++] = feat(7, c.cued, c.previous_speaker, c.kind);
    out[k++] = feat(8, c.cued, c.rel);
    out[k++] = feat(9, c.cued, c.rel, c.path);
    out[k++] = feat(10, c.cued, c.path, side);
    out[k++] = feat(11, c.cued, side, d);
    out[k++] = feat(12, c.cued, c.kind, side, d);
    out[k++] = feat(13, c.cued, back, c.kind);
    out[k++] = feat(14, c.cued, c.marks_between, side);
    out[k++] = feat(15, c.cued, c.comma_between, side, c.kind);
    out[k++] = feat(16, c.cued, c.content_between, c.kind);
    out[k++] = feat(18, c.cued, c.head_pos);
    out[k++] = feat(19, c.cued, c.head_pos, c.rel);
    out[k++] = feat(20, c.cued, c.cue_word, side);
    out[k++] = feat(21, c.cued, c.cue_word, c.rel);
    out[k++] = feat(24, c.cued, c.sentence_initial, side);
    out[k++] = feat(27, c.cued, c.head_word, side);
    return k;
}

int decide_source(const float* margins, size_t n) {
    int best = -1;
    float bs = 0;
    for (size_t k = 0; k < n; ++k)
        if (margins[k] > bs) { bs = margins[k]; best = int(k); }
    return best;
}

const tagging::LinearModel* source_model() {
    static const model::Loaded<tagging::LinearModel> lm = tagging::load_linear_model("sources", "sources", kSourceFeatureSet, 2);
    return lm.ok ? &lm.model : nullptr;
}

namespace {
SourceHook g_hook = nullptr;
void* g_context = nullptr;
}  // namespace

void set_source_hook(SourceHook hook, void* context) { g_hook = hook; g_context = context; }
SourceHook source_hook(void** context) { *context = g_context; return g_hook; }

}  // namespace ae::quotes
