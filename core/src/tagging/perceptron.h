// The learner: a multiclass averaged perceptron over hashed sparse features, used greedily
// left to right for sequence labelling (the previous decisions are features).
//
// Why a perceptron and not a linear-chain CRF: for POS and BILOU NER, a greedy averaged
// perceptron with tag-history features is within a few tenths of a point of CRF/Viterbi
// accuracy (Ratinov & Roth 2009 found greedy BILOU decoding on par with Viterbi for NER;
// Collins 2002 / Honnibal's taggers for POS), while (a) training is one cheap pass per epoch
// with no forward-backward, so a model trains in a minute on two cores, (b) decoding is one
// pass with no lattice, which the 500k words/s target needs, and (c) greedy decoding lets
// features see arbitrary history: the labels already given to the same word earlier in the
// document (non-local features a first-order CRF cannot use without approximate inference).
// Averaging (Daume's trick: w_avg = w - u / clock) gives most of the regularisation a CRF's
// prior would.
//
// Training-side only: the core's inference path uses LinearModel (model.h), which export()
// produces with int8 weights, a per-row scale and pruning, exactly as shipped.
#pragma once
#include "model.h"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace ae::tagging {

class AveragedPerceptron {
public:
    explicit AveragedPerceptron(size_t nclasses);

    size_t nclasses() const { return nc_; }
    size_t rows() const { return row_keys_.size(); }
    // Lexicons the feature extractors consult while training (those of the model being built).
    const LinearModel* lexicons_from = nullptr;
    // How the sequence taggers update (the NER trainer's --learner pa): on mistakes only, by 1
    // (the perceptron), or passive-aggressive: whenever the truth wins by less than a margin of
    // 1, by just enough to reach it. Averaging applies to both.
    bool passive_aggressive = false;
    const Lexicon* lexicon(std::string_view name) const { return lexicons_from ? lexicons_from->lexicon(name) : nullptr; }

    // Current (not averaged) weights: scores[c] += sum over features.
    void score(const uint64_t* feats, size_t n, float* scores) const;
    // One mistake: +1 to truth, -1 to guess for every feature (no-op if equal).
    void update(const uint64_t* feats, size_t n, int truth, int guess) { update(feats, n, truth, guess, 1.0f); }
    // The same by `step` instead of 1 (passive-aggressive updates).
    void update(const uint64_t* feats, size_t n, int truth, int guess, float step);
    // Passive-aggressive (Crammer et al. 2006): when the truth wins over `rival` by `gap` < 1,
    // move both by just enough to reach a margin of 1; no-op otherwise.
    void update_to_margin(const uint64_t* feats, size_t n, int truth, int rival, float gap) {
        if (gap < 1.0f) update(feats, n, truth, rival, (1.0f - gap) / float(2 * n));
    }
    // Advances the averaging clock; call once per training instance (token).
    void tick() { ++clock_; }

    struct Export {
        float prune_below = 0.0f;   // drop rows whose largest |averaged weight| is below this
        size_t max_rows = 0;        // keep at most this many rows (largest max|w| first); 0 = all
        int min_q = 0;              // zero quantised weights smaller than this (of 127)
    };
    // Averaged weights -> int8 per-row-scaled rows in m.keys/scales/weights (classes must be
    // set by the caller before or after; nclasses is taken from this learner).
    void export_model(LinearModel& m, const Export& opt) const;

private:
    uint32_t find_or_add(uint64_t key);
    uint32_t find(uint64_t key) const;
    void grow();

    size_t nc_;
    std::vector<uint64_t> slot_key_;
    std::vector<uint32_t> slot_row_;
    size_t mask_ = 0;
    std::vector<uint64_t> row_keys_;
    std::vector<float> w_;       // rows x nc
    std::vector<double> u_;      // rows x nc: sum of clock * delta
    double clock_ = 1;
};

}  // namespace ae::tagging
