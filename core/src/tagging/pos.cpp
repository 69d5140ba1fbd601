#include "pos.h"
#include "ner.h"

namespace ae::tagging {
namespace {

WordInfo pad_info(uint64_t seed) {
    WordInfo w;
    w.word = w.lower = w.shape = w.short_shape = seed;
    for (int k = 0; k < kMaxAffix; ++k) w.prefix[k] = w.suffix[k] = seed + uint64_t(k) + 1;
    return w;
}

enum : uint32_t {
    F_BIAS = 1, F_L0, F_W0, F_SUF1, F_SUF2, F_SUF3, F_SUF4, F_PRE1, F_PRE2, F_PRE3, F_SHAPE, F_SSHAPE,
    F_FLAGS, F_LM1, F_LM2, F_LP1, F_LP2, F_SUF3M1, F_SUF3P1, F_LM1L0, F_L0LP1, F_SSHAPE3, F_INIT,
    F_T1 = 40, F_T12, F_T1L0, F_T2, F_T1SUF3, F_T1LP1,
    F_CL = 60, F_CL4, F_CL8, F_CASE, F_CLM1, F_CLP1, F_CLP1FULL, F_T1CL0, F_CLM1CL0,
};

// A word's cluster path cut to its first `bits` bits (the whole path when shorter); 0 = none.
uint64_t cluster_prefix(uint32_t v, int bits) {
    const uint32_t path = word_cluster_path(v);
    if (!path) return 0;
    const int len = 31 - __builtin_clz(path);
    return len > bits ? uint64_t(path >> (len - bits)) : uint64_t(path);
}

}  // namespace

void pos_prepare(const std::string_view* tokens, size_t n, PosScratch& s, const Lexicon* clusters) {
    static const WordInfo before = pad_info(kPadBefore), after = pad_info(kPadAfter);
    s.info.resize(n + 4);
    s.info[0] = s.info[1] = before;
    for (size_t i = 0; i < n; ++i) compute_word_info(tokens[i], s.info[i + 2]);
    s.info[n + 2] = s.info[n + 3] = after;
    s.cluster.assign(n + 4, 0);
    if (clusters) {
        for (size_t i = 0; i < n; ++i) clusters->prefetch(s.info[i + 2].lower);
        for (size_t i = 0; i < n; ++i) s.cluster[i + 2] = clusters->find(s.info[i + 2].lower, 0);
    }
}

size_t pos_features(const PosScratch& s, size_t i, int prev1, int prev2, uint64_t* f) {
    const WordInfo* w = s.info.data() + i + 2;   // w[-2..2]
    const WordInfo& c = w[0];
    size_t k = 0;
    // the word alone: kPosWordFeatures of them, first
    f[k++] = feat(F_BIAS);
    f[k++] = feat(F_L0, c.lower);
    f[k++] = feat(F_W0, c.word);
    f[k++] = feat(F_SUF1, c.suffix[0]);
    f[k++] = feat(F_SUF2, c.suffix[1]);
    f[k++] = feat(F_SUF3, c.suffix[2]);
    f[k++] = feat(F_SUF4, c.suffix[3]);
    f[k++] = feat(F_PRE1, c.prefix[0]);
    f[k++] = feat(F_PRE2, c.prefix[1]);
    f[k++] = feat(F_PRE3, c.prefix[2]);
    f[k++] = feat(F_SHAPE, c.shape);
    f[k++] = feat(F_SSHAPE, c.short_shape);
    f[k++] = feat(F_FLAGS, c.flags & (kInitCap | kAllCaps | kHasDigit | kHasHyphen | kPunctOnly | kMixedCaps));
    // Its word cluster in 2012-2020 news, at three grains, and how news capitalises it.
    const uint32_t* cl = s.cluster.data() + i + 2;
    f[k++] = feat(F_CL, cluster_prefix(cl[0], 24));
    f[k++] = feat(F_CL4, cluster_prefix(cl[0], 4));
    f[k++] = feat(F_CL8, cluster_prefix(cl[0], 8));
    f[k++] = feat(F_CASE, cl[0] ? word_case_bucket(cl[0]) : 8, c.flags & (kInitCap | kAllCaps));
    // its context
    f[k++] = feat(F_LM1, w[-1].lower);
    f[k++] = feat(F_LM2, w[-2].lower);
    f[k++] = feat(F_LP1, w[1].lower);
    f[k++] = feat(F_LP2, w[2].lower);
    f[k++] = feat(F_SUF3M1, w[-1].suffix[2]);
    f[k++] = feat(F_SUF3P1, w[1].suffix[2]);
    f[k++] = feat(F_LM1L0, w[-1].lower, c.lower);
    f[k++] = feat(F_L0LP1, c.lower, w[1].lower);
    f[k++] = feat(F_SSHAPE3, w[-1].short_shape, c.short_shape, w[1].short_shape);
    f[k++] = feat(F_INIT, i == 0, c.short_shape);
    uint64_t t1 = uint64_t(prev1 + 2), t2 = uint64_t(prev2 + 2);
    f[k++] = feat(F_T1, t1);
    f[k++] = feat(F_T12, t1, t2);
    f[k++] = feat(F_T1L0, t1, c.lower);
    f[k++] = feat(F_T2, t2);
    f[k++] = feat(F_T1SUF3, t1, c.suffix[2]);
    f[k++] = feat(F_T1LP1, t1, w[1].lower);
    f[k++] = feat(F_CLM1, cluster_prefix(cl[-1], 8));
    f[k++] = feat(F_CLP1, cluster_prefix(cl[1], 8));
    f[k++] = feat(F_CLP1FULL, cluster_prefix(cl[1], 24));
    f[k++] = feat(F_T1CL0, t1, cluster_prefix(cl[0], 8));
    f[k++] = feat(F_CLM1CL0, cluster_prefix(cl[-1], 8), cluster_prefix(cl[0], 8));
    return k;
}

}  // namespace ae::tagging
