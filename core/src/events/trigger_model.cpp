// The learned trigger detector's features and decision (see trigger_model.h).
#include "events/trigger_model.h"

#include "article_explorer/quotes.h"
#include "article_explorer/tagger.h"
#include "events/words.h"
#include "model/registry.h"
#include "tagging/models.h"

namespace ae::events {

using model::feat;
using model::hash_str;

uint32_t trigger_lex_bits(std::string_view lower) {
    const WordLex& x = word_lex(lower);
    uint32_t b = 0;
    if (x.verb_ids) b |= 1;
    if (x.noun_ids) b |= 2;
    if (x.cue) b |= x.cue->cls == CueClass::Speech ? 4 : 8;
    if (x.bits & (W_BE | W_HAVE | W_DO)) b |= 16;
    if (x.bits & W_NON_EVENT) b |= 32;
    if (x.bits & W_LIGHT_VERB) b |= 64;
    if (x.bits & W_NON_ACTION) b |= 128;
    if (x.bits & W_QUANTITY_NOUN) b |= 256;
    return b;
}

bool trigger_candidate_tag(std::string_view tag) {
    if (tag.substr(0, 2) == "VB" || tag.substr(0, 2) == "JJ") return true;
    return tag == "NN" || tag == "NNS";
}

namespace {

// Per POS id: the tag name's hash and whether it is a candidate, from the embedded POS model.
struct PosTable { std::vector<uint64_t> hash; std::vector<char> candidate; };
const PosTable& pos_table() {
    static const PosTable t = [] {
        PosTable p;
        for (const std::string& name : pos_tag_names()) {
            p.hash.push_back(hash_str(name, 7));
            p.candidate.push_back(trigger_candidate_tag(name));
        }
        return p;
    }();
    return t;
}

uint64_t suffix(std::string_view w, size_t n) { return w.size() > n ? hash_str(w.substr(w.size() - n), n) : 0; }

}  // namespace

void TriggerTokens::fill(const std::string_view* low_words, const uint8_t* pos_ids, size_t first, size_t end) {
    const PosTable& pt = pos_table();
    size_t n = end - first;
    word.resize(n); pos.resize(n); lex.resize(n); low.resize(n); candidate.resize(n);
    for (size_t i = 0; i < n; ++i) {
        low[i] = low_words[first + i];
        word[i] = hash_str(low[i]);
        uint8_t p = pos_ids[first + i];
        pos[i] = p < pt.hash.size() ? pt.hash[p] : 0;
        candidate[i] = p < pt.candidate.size() && pt.candidate[p];
        lex[i] = candidate[i] ? trigger_lex_bits(low[i]) : 0;   // only candidates' are read as their own
    }
}

size_t trigger_features(const TriggerTokens& s, size_t i, uint64_t* out) {
    const size_t n = s.word.size();
    auto W = [&](long k) { return k < 0 ? model::kPadBefore : size_t(k) >= n ? model::kPadAfter : s.word[size_t(k)]; };
    auto P = [&](long k) { return k < 0 ? model::kPadBefore : size_t(k) >= n ? model::kPadAfter : s.pos[size_t(k)]; };
    const long t = long(i);
    std::string_view w = s.low[i];
    uint64_t w0 = s.word[i], p0 = s.pos[i];
    uint32_t lex = s.lex[i];
    size_t k = 0;
    out[k++] = feat(1);
    out[k++] = feat(2, w0);
    out[k++] = feat(3, p0);
    out[k++] = feat(4, w0, p0);
    out[k++] = feat(5, suffix(w, 2));
    out[k++] = feat(6, suffix(w, 3));
    out[k++] = feat(7, suffix(w, 4));
    out[k++] = feat(8, suffix(w, 3), p0);
    out[k++] = feat(9, W(t - 1));
    out[k++] = feat(10, W(t + 1));
    out[k++] = feat(11, W(t - 2));
    out[k++] = feat(12, W(t + 2));
    out[k++] = feat(13, P(t - 1));
    out[k++] = feat(14, P(t + 1));
    out[k++] = feat(15, P(t - 2), P(t - 1));
    out[k++] = feat(16, P(t + 1), P(t + 2));
    out[k++] = feat(17, P(t - 1), p0, P(t + 1));
    out[k++] = feat(18, W(t - 1), w0);
    out[k++] = feat(19, w0, W(t + 1));
    out[k++] = feat(20, W(t - 1), p0);
    out[k++] = feat(21, lex);
    out[k++] = feat(22, lex, p0);
    out[k++] = feat(23, t > 0 ? s.lex[i - 1] : 0xFFFF, p0);   // "has been", "said" before
    return k;
}

bool detect_trigger(const tagging::LinearModel& m, const TriggerTokens& s, size_t i) {
    uint64_t f[kMaxTriggerFeatures];
    size_t k = trigger_features(s, i, f);
    float scores[2] = {0, 0};
    m.score(f, k, scores);
    return trigger_detected(scores);
}

const tagging::LinearModel* trigger_model() {
    static const model::Loaded<tagging::LinearModel> lm = tagging::load_linear_model("triggers", "triggers", kTriggerFeatureSet, 2);
    return lm.ok ? &lm.model : nullptr;
}

}  // namespace ae::events
