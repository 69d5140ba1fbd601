// The learned attribution filter's features (see attribution_model.h).
#include "quotes/attribution_model.h"

#include "model/hash.h"
#include "tagging/models.h"

#include <algorithm>

namespace ae::quotes {

using model::feat;

namespace {
uint32_t bucket(uint32_t d) { return d <= 2 ? d : d <= 4 ? 3 : d <= 8 ? 4 : d <= 16 ? 5 : d <= 32 ? 6 : 7; }
}  // namespace

size_t attribution_features(const AttributionCandidate& c, uint64_t* out) {
    const uint32_t side = c.content_right ? 1 : 0, gap = bucket(c.gap), len = bucket(c.length);
    const uint32_t lex = c.cue_lex & 0x3F, learned = c.cue_lex == 0 ? 1 : 0;
    size_t k = 0;
    out[k++] = feat(1);
    out[k++] = feat(2, c.cue_word);
    out[k++] = feat(3, c.cue_word, side);
    out[k++] = feat(4, c.cue_word, c.finite);
    out[k++] = feat(5, lex, c.finite, side);
    out[k++] = feat(6, learned, c.cue_subject, c.speaker);
    out[k++] = feat(7, c.first_pos, side);
    out[k++] = feat(8, c.first_word);
    out[k++] = feat(9, c.before_word);
    out[k++] = feat(10, c.head_rel, c.head_on_cue);
    out[k++] = feat(11, c.cue_pos, c.head_rel);
    out[k++] = feat(12, len, c.finite);
    out[k++] = feat(13, gap, side);
    out[k++] = feat(14, c.marks, c.finite);
    out[k++] = feat(15, c.cue_rel, c.cue_subject);
    out[k++] = feat(16, c.cue_word, c.head_rel);
    out[k++] = feat(17, c.speaker, side, learned);
    out[k++] = feat(18, c.last_pos);
    out[k++] = feat(19, c.first_pos, c.before_word);
    out[k++] = feat(20, c.cue_word, c.first_pos);
    out[k++] = feat(21, c.cue_margin, learned);
    out[k++] = feat(22, c.cue_margin, c.cue_subject, c.speaker);
    out[k++] = feat(23, c.content_learned, c.finite, side);
    out[k++] = feat(24, c.cue_passive, c.cue_subject, c.content_right);
    return k;
}

const tagging::LinearModel* attribution_model() {
    static const model::Loaded<tagging::LinearModel> lm =
        tagging::load_linear_model("attributions", "attributions", kAttributionFeatureSet, 2);
    return lm.ok ? &lm.model : nullptr;
}

namespace {
AttributionHook g_hook = nullptr;
void* g_context = nullptr;
}  // namespace

void set_attribution_hook(AttributionHook hook, void* context) { g_hook = hook; g_context = context; }
AttributionHook attribution_hook(void** context) { *context = g_context; return g_hook; }

}  // namespace ae::quotes
