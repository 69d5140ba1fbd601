// Training side only (tools/train-parser, tests): the averaged perceptron behind the parser's
// two classifiers (actions, arc labels), over the same 32-bit feature keys the Model uses.
// Averaging by Daume's trick: w_avg = w - u / clock, u accumulating clock * delta.
#pragma once
#include "model.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace ae::parse {

class Learner {
public:
    explicit Learner(size_t nlabels);

    size_t nlabels() const { return nl_; }
    size_t action_rows() const { return a_.keys.size(); }
    size_t label_rows() const { return l_.keys.size(); }

    // Current (not averaged) weights, added to scores.
    void score_actions(const uint32_t* keys, size_t n, float* scores) const { score(a_, keys, n, scores); }
    void score_labels(const uint32_t* keys, size_t n, float* scores) const { score(l_, keys, n, scores); }
    // One mistake: +1 to truth, -1 to guess for every feature (no-op if equal).
    void update_actions(const uint32_t* keys, size_t n, int truth, int guess) { update(a_, keys, n, truth, guess); }
    void update_labels(const uint32_t* keys, size_t n, int truth, int guess) { update(l_, keys, n, truth, guess); }
    // delta to one action's weight for every feature (the global, structured updates of beam training).
    void add_actions(const uint32_t* keys, size_t n, int action, float delta);
    // The averaging clock: one tick per training instance (transition).
    void tick() { ++clock_; }

    // Averaged weights, rows whose largest |weight| is below `prune` dropped.
    FloatModel averaged(const std::vector<std::string>& labels, float action_prune = 0, float label_prune = 0) const;

private:
    struct Table {
        size_t nc = 0;
        std::vector<uint32_t> slot_key;   // 0 = empty
        std::vector<uint32_t> slot_row;
        uint32_t mask = 0;
        std::vector<uint32_t> keys;       // per row
        std::vector<float> w;             // rows x nc
        std::vector<double> u;            // rows x nc
    };
    static uint32_t find(const Table& t, uint32_t key);
    uint32_t find_or_add(Table& t, uint32_t key);
    static void grow(Table& t);
    void score(const Table& t, const uint32_t* keys, size_t n, float* scores) const;
    void update(Table& t, const uint32_t* keys, size_t n, int truth, int guess);
    void export_rows(const Table& t, float prune, std::vector<std::pair<uint32_t, std::vector<float>>>& out) const;

    size_t nl_;
    Table a_, l_;
    double clock_ = 1;
};

}  // namespace ae::parse
