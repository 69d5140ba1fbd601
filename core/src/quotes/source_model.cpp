// The learned source ranker's features and decision (see source_model.h).
#include "quotes/source_model.h"

#include "model/hash.h"
#include "tagging/models.h"

#include <algorithm>

namespace ae::quotes {

using model::feat;

size_t source_features(const SourceCandidate& c, uint64_t* out) {
    const uint32_t d = c.distance == 0 ? 0 : c.distance == 1 ? 1 : c.distance == 2 ? 2 : c.distance <= 5 ? 3 : c.distance <= 10 ? 4 : c.distance <= 20 ? 5 : 6;
    const uint32_t back = std::min<uint32_t>(c.sentences_back, 2), rank = std::min<uint32_t>(c.rank, 3);
    const uint32_t n = std::min<uint32_t>(c.candidates, 6), len = c.length <= 1 ? 0 : c.length == 2 ? 1 : c.length <= 4 ? 2 : 3;
    const uint32_t side = c.left ? 0 : 1;
    size_t k = 0;
    out[k++] = feat(1);
    out[k++] = feat(2, c.kind);
    out[k++] = feat(3, c.kind, c.entity_type);
    out[k++] = feat(4, c.rule, c.parse_subject);
    out[k++] = feat(5, c.rule, c.parse_subject, c.kind);
    out[k++] = feat(6, c.previous_speaker, back);
    out[k++] = feat(7, c.previous_speaker, c.kind);
    out[k++] = feat(8, c.rel);
    out[k++] = feat(9, c.rel, c.path);
    out[k++] = feat(10, c.path, side);
    out[k++] = feat(11, side, d);
    out[k++] = feat(12, c.kind, side, d);
    out[k++] = feat(13, back, c.kind);
    out[k++] = feat(14, c.marks_between, side);
    out[k++] = feat(15, c.comma_between, side, c.kind);
    out[k++] = feat(16, c.content_between, c.kind);
    out[k++] = feat(17, c.head_word);
    out[k++] = feat(18, c.head_pos);
    out[k++] = feat(19, c.head_pos, c.rel);
    out[k++] = feat(20, c.cue_word, side);
    out[k++] = feat(21, c.cue_word, c.rel);
    out[k++] = feat(22, rank, side);
    out[k++] = feat(23, rank, c.kind);
    out[k++] = feat(24, c.sentence_initial, side);
    out[k++] = feat(25, c.capitalised, c.kind);
    out[k++] = feat(26, len, c.kind);
    out[k++] = feat(27, c.head_word, side);
    out[k++] = feat(28, c.rule, c.kind, d);
    out[k++] = feat(29, c.entity_type, c.rel);
    out[k++] = feat(30, n, rank);
    out[k++] = feat(31, c.parse_subject, c.path, c.rel);
    out[k++] = feat(32, c.rule, c.marks_between, side);
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
