// Part-of-speech features and greedy decoding, shared by the core (LinearModel) and the
// trainer (AveragedPerceptron): both call pos_tag_sentence with their own scorer, so the
// templates cannot drift apart.
#pragma once
#include "model/hash.h"
#include "model.h"
#include "perceptron.h"
#include "model/word_info.h"

#include <algorithm>
#include <string_view>
#include <type_traits>
#include <vector>

namespace ae::tagging {

constexpr uint32_t kPosFeatureSet = 3;
constexpr size_t kPosMaxFeatures = 48;
// pos_features emits first this many features that depend on the word alone (not on its
// neighbours, position or tags), so decoding can cache their sum per word.
constexpr size_t kPosWordFeatures = 17;

struct PosScratch {
    std::vector<WordInfo> info;   // n + 4 (two pads each side)
    std::vector<uint32_t> cluster;   // n + 4: the model's "clusters" value of each word (0 none)
    std::vector<float> scores;
};

// Fills scratch.info for tokens[0, n), and scratch.cluster from the model's word clusters.
void pos_prepare(const std::string_view* tokens, size_t n, PosScratch& s, const Lexicon* clusters);
// Features of token i (static part + the two previous tags; -1 = none). Returns the count.
size_t pos_features(const PosScratch& s, size_t i, int prev1, int prev2, uint64_t* out);

// Greedy tagging of one sentence. With a learner and gold tags, trains on the way (the
// scorer should then be the learner itself). Returns the number of correct tags if gold given.
template <class Scorer>
size_t pos_tag_sentence(const Scorer& scorer, const std::string_view* tokens, size_t n, int* out,
                        PosScratch& s, const int* gold = nullptr, AveragedPerceptron* learner = nullptr) {
    pos_prepare(tokens, n, s, scorer.lexicon("clusters"));
    const size_t nc = scorer.nclasses();
    s.scores.resize(nc);
    uint64_t f[kPosMaxFeatures];
    int p1 = -1, p2 = -1;
    size_t correct = 0;
    // Decoding only (learning sees every token): a frequent word that always had one tag in
    // training takes it without scoring (the model's "tagdict" lexicon, if it has one).
    const Lexicon* dict = learner ? nullptr : scorer.lexicon("tagdict");
    if (dict) for (size_t i = 0; i < n; ++i) dict->prefetch(s.info[i + 2].word);   // misses overlap
    for (size_t i = 0; i < n; ++i) {
        if (dict) {
            const uint32_t t = dict->find(s.info[i + 2].word, UINT32_MAX);
            if (t < nc) {
                if (gold) correct += int(t) == gold[i];
                out[i] = int(t);
                p2 = p1; p1 = int(t);
                continue;
            }
        }
        size_t nf = pos_features(s, i, p1, p2, f);
        std::fill(s.scores.begin(), s.scores.end(), 0.0f);
        if constexpr (std::is_same_v<Scorer, LinearModel>) scorer.score_word_first(f, nf, kPosWordFeatures, s.scores.data());
        else scorer.score(f, nf, s.scores.data());
        int best = 0;
        for (size_t c = 1; c < nc; ++c) if (s.scores[c] > s.scores[size_t(best)]) best = int(c);
        if (gold) {
            correct += best == gold[i];
            if (learner) {
                if (!learner->passive_aggressive) learner->update(f, nf, gold[i], best);
                else {
                    // whenever the truth wins by less than a margin of 1, by just enough (as NER's)
                    int rival = -1;
                    for (size_t c = 0; c < nc; ++c)
                        if (int(c) != gold[i] && (rival < 0 || s.scores[c] > s.scores[size_t(rival)])) rival = int(c);
                    const float gap = rival < 0 ? 1.0f : s.scores[size_t(gold[i])] - s.scores[size_t(rival)];
                    learner->update_to_margin(f, nf, gold[i], rival, gap);
                }
                learner->tick();
            }
        }
        out[i] = best;
        p2 = p1; p1 = best;
    }
    return correct;
}

}  // namespace ae::tagging

namespace ae::tagging {
// How the NER features see a POS tag (by name, so a retrained POS model keeps NER features valid).
inline uint64_t pos_name_hash(std::string_view tag) { return hash_str(tag, 99); }
}  // namespace ae::tagging
