#include "perceptron.h"

#include "model/hash.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace ae::tagging {

AveragedPerceptron::AveragedPerceptron(size_t nclasses) : nc_(nclasses) {
    slot_key_.assign(1 << 16, 0);
    slot_row_.assign(1 << 16, 0);
    mask_ = (1 << 16) - 1;
}

static inline size_t slot_of(uint64_t key, size_t mask) { return size_t(mix64(key)) & mask; }

uint32_t AveragedPerceptron::find(uint64_t key) const {
    if (!key) key = 1;
    size_t i = slot_of(key, mask_);
    for (;;) {
        uint64_t k = slot_key_[i];
        if (k == key) return slot_row_[i];
        if (k == 0) return UINT32_MAX;
        i = (i + 1) & mask_;
    }
}

void AveragedPerceptron::grow() {
    size_t cap = slot_key_.size() * 2;
    slot_key_.assign(cap, 0);
    slot_row_.assign(cap, 0);
    mask_ = cap - 1;
    for (uint32_t r = 0; r < row_keys_.size(); ++r) {
        size_t i = slot_of(row_keys_[r], mask_);
        while (slot_key_[i]) i = (i + 1) & mask_;
        slot_key_[i] = row_keys_[r];
        slot_row_[i] = r;
    }
}

uint32_t AveragedPerceptron::find_or_add(uint64_t key) {
    if (!key) key = 1;
    size_t i = slot_of(key, mask_);
    for (;;) {
        uint64_t k = slot_key_[i];
        if (k == key) return slot_row_[i];
        if (k == 0) break;
        i = (i + 1) & mask_;
    }
    uint32_t r = uint32_t(row_keys_.size());
    row_keys_.push_back(key);
    w_.resize(w_.size() + nc_, 0.0f);
    u_.resize(u_.size() + nc_, 0.0);
    slot_key_[i] = key;
    slot_row_[i] = r;
    if (row_keys_.size() * 2 > slot_key_.size()) grow();
    return r;
}

void AveragedPerceptron::score(const uint64_t* feats, size_t n, float* scores) const {
    for (size_t f = 0; f < n; ++f) {
        uint32_t r = find(feats[f]);
        if (r == UINT32_MAX) continue;
        const float* w = w_.data() + size_t(r) * nc_;
        for (size_t c = 0; c < nc_; ++c) scores[c] += w[c];
    }
}

void AveragedPerceptron::update(const uint64_t* feats, size_t n, int truth, int guess, float step) {
    if (truth == guess) return;
    for (size_t f = 0; f < n; ++f) {
        uint32_t r = find_or_add(feats[f]);
        size_t base = size_t(r) * nc_;
        w_[base + size_t(truth)] += step; u_[base + size_t(truth)] += clock_ * step;
        if (guess >= 0) { w_[base + size_t(guess)] -= step; u_[base + size_t(guess)] -= clock_ * step; }
    }
}

void AveragedPerceptron::export_model(LinearModel& m, const Export& opt) const {
    // Average, then merge rows whose 32-bit keys collide (rare) by summing.
    std::unordered_map<uint32_t, uint32_t> by_key;
    std::vector<uint32_t> keys;
    std::vector<float> avg;
    by_key.reserve(row_keys_.size());
    for (size_t r = 0; r < row_keys_.size(); ++r) {
        uint32_t k = key32(row_keys_[r]);
        auto it = by_key.find(k);
        size_t out;
        if (it == by_key.end()) {
            out = keys.size();
            by_key.emplace(k, uint32_t(out));
            keys.push_back(k);
            avg.resize(avg.size() + nc_, 0.0f);
        } else {
            out = it->second;
        }
        for (size_t c = 0; c < nc_; ++c)
            avg[out * nc_ + c] += float(double(w_[r * nc_ + c]) - u_[r * nc_ + c] / clock_);
    }
    struct Row { uint32_t key; uint32_t src; float maxabs; };
    std::vector<Row> kept;
    for (size_t r = 0; r < keys.size(); ++r) {
        float mx = 0;
        for (size_t c = 0; c < nc_; ++c) mx = std::max(mx, std::fabs(avg[r * nc_ + c]));
        if (mx <= 0 || mx < opt.prune_below) continue;
        kept.push_back(Row{keys[r], uint32_t(r), mx});
    }
    if (opt.max_rows && kept.size() > opt.max_rows) {
        std::nth_element(kept.begin(), kept.begin() + long(opt.max_rows), kept.end(),
                         [](const Row& a, const Row& b) { return a.maxabs > b.maxabs; });
        kept.resize(opt.max_rows);
    }
    std::sort(kept.begin(), kept.end(), [](const Row& a, const Row& b) { return a.key < b.key; });
    m.keys.clear(); m.scales.clear(); m.weights.clear();
    for (const Row& row : kept) {
        float scale = scale_from_code(scale_code(row.maxabs / 127.0f));
        bool any = false;
        size_t base = m.weights.size();
        m.weights.resize(base + nc_);
        for (size_t c = 0; c < nc_; ++c) {
            long q = std::lround(avg[size_t(row.src) * nc_ + c] / scale);
            q = std::max(-127L, std::min(127L, q));
            if (std::labs(q) < long(opt.min_q)) q = 0;
            m.weights[base + c] = int8_t(q);
            any |= q != 0;
        }
        if (!any) { m.weights.resize(base); continue; }
        m.keys.push_back(row.key);
        m.scales.push_back(scale);
    }
    m.index();
}

}  // namespace ae::tagging
