#include "parse/learner.h"

#include <algorithm>
#include <cmath>

namespace ae::parse {

Learner::Learner(size_t nlabels) : nl_(nlabels) {
    a_.nc = kNumActions;
    l_.nc = nlabels;
    for (Table* t : {&a_, &l_}) {
        t->slot_key.assign(1u << 16, 0);
        t->slot_row.assign(1u << 16, 0);
        t->mask = (1u << 16) - 1;
    }
}

uint32_t Learner::find(const Table& t, uint32_t key) {
    uint32_t i = slot_of(key, t.mask);
    for (;;) {
        uint32_t k = t.slot_key[i];
        if (k == key) return t.slot_row[i];
        if (k == 0) return UINT32_MAX;
        i = (i + 1) & t.mask;
    }
}

void Learner::grow(Table& t) {
    const uint32_t cap = (t.mask + 1) * 2;
    t.slot_key.assign(cap, 0);
    t.slot_row.assign(cap, 0);
    t.mask = cap - 1;
    for (uint32_t r = 0; r < t.keys.size(); ++r) {
        uint32_t i = slot_of(t.keys[r], t.mask);
        while (t.slot_key[i] != 0) i = (i + 1) & t.mask;
        t.slot_key[i] = t.keys[r];
        t.slot_row[i] = r;
    }
}

uint32_t Learner::find_or_add(Table& t, uint32_t key) {
    if ((t.keys.size() + 1) * 3 > (size_t(t.mask) + 1) * 2) grow(t);
    uint32_t i = slot_of(key, t.mask);
    for (;;) {
        uint32_t k = t.slot_key[i];
        if (k == key) return t.slot_row[i];
        if (k == 0) break;
        i = (i + 1) & t.mask;
    }
    const uint32_t r = uint32_t(t.keys.size());
    t.slot_key[i] = key;
    t.slot_row[i] = r;
    t.keys.push_back(key);
    t.w.resize(t.w.size() + t.nc, 0.0f);
    t.u.resize(t.u.size() + t.nc, 0.0);
    return r;
}

void Learner::score(const Table& t, const uint32_t* keys, size_t n, float* scores) const {
    for (size_t f = 0; f < n; ++f) {
        uint32_t r = find(t, keys[f]);
        if (r == UINT32_MAX) continue;
        const float* w = t.w.data() + size_t(r) * t.nc;
        for (size_t c = 0; c < t.nc; ++c) scores[c] += w[c];
    }
}

void Learner::update(Table& t, const uint32_t* keys, size_t n, int truth, int guess) {
    if (truth == guess) return;
    for (size_t f = 0; f < n; ++f) {
        uint32_t r = find_or_add(t, keys[f]);
        float* w = t.w.data() + size_t(r) * t.nc;
        double* u = t.u.data() + size_t(r) * t.nc;
        w[truth] += 1.0f; u[truth] += clock_;
        if (guess >= 0) { w[guess] -= 1.0f; u[guess] -= clock_; }
    }
}

void Learner::add_actions(const uint32_t* keys, size_t n, int action, float delta) {
    for (size_t f = 0; f < n; ++f) {
        uint32_t r = find_or_add(a_, keys[f]);
        a_.w[size_t(r) * a_.nc + size_t(action)] += delta;
        a_.u[size_t(r) * a_.nc + size_t(action)] += double(delta) * clock_;
    }
}

void Learner::export_rows(const Table& t, float prune, std::vector<std::pair<uint32_t, std::vector<float>>>& out) const {
    out.clear();
    std::vector<float> avg(t.nc);
    for (size_t r = 0; r < t.keys.size(); ++r) {
        float mx = 0;
        for (size_t c = 0; c < t.nc; ++c) {
            avg[c] = float(double(t.w[r * t.nc + c]) - t.u[r * t.nc + c] / clock_);
            mx = std::max(mx, std::fabs(avg[c]));
        }
        if (mx <= prune) continue;
        out.emplace_back(t.keys[r], avg);
    }
    std::sort(out.begin(), out.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
}

FloatModel Learner::averaged(const std::vector<std::string>& labels, float action_prune, float label_prune) const {
    FloatModel m;
    m.labels = labels;
    export_rows(a_, action_prune, m.action_rows);
    export_rows(l_, label_prune, m.label_rows);
    return m;
}

}  // namespace ae::parse
