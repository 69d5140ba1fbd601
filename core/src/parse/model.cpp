#include "parse/model.h"

#include "model/model_file.h"
#include "model/prefetch.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <new>
#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#endif
#if defined(__linux__) && !defined(__EMSCRIPTEN__)
#include <sys/mman.h>
#endif

namespace ae::parse {

void* alloc_table(size_t bytes) {
    constexpr size_t kHuge = size_t(2) << 20;
    const size_t align = bytes >= kHuge ? kHuge : 64;
    bytes = (bytes + align - 1) / align * align;
    void* p = nullptr;
    if (posix_memalign(&p, align, bytes) != 0) throw std::bad_alloc();
#if defined(__linux__) && !defined(__EMSCRIPTEN__) && defined(MADV_HUGEPAGE)
    if (align == kHuge) madvise(p, bytes, MADV_HUGEPAGE);
#endif
    return p;
}

void free_table(void* p) { std::free(p); }

namespace {

using model::ByteReader;
using model::ByteWriter;

int16_t quant(float w, float scale) {
    float q = std::nearbyint(w / scale);
    return int16_t(std::max(-32767.0f, std::min(32767.0f, q)));
}


}  // namespace

namespace {

struct Scales { float a, l; };
Scales table_scales(const FloatModel& m, int qmax) {
    float amax = 0, lmax = 0;
    for (auto& r : m.action_rows) for (float w : r.second) amax = std::max(amax, std::fabs(w));
    for (auto& r : m.label_rows) for (float w : r.second) lmax = std::max(lmax, std::fabs(w));
    return {amax > 0 ? amax / float(qmax) : 1.0f, lmax > 0 ? lmax / float(qmax) : 1.0f};
}

std::vector<size_t> key_order(const std::vector<std::pair<uint32_t, std::vector<float>>>& rows) {
    std::vector<size_t> order(rows.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return rows[a].first < rows[b].first; });
    return order;
}

size_t varint_size(uint32_t v) { size_t n = 1; while (v >= 0x80) { v >>= 7; ++n; } return n; }
size_t zz_size(int32_t v) { return varint_size((uint32_t(v) << 1) ^ uint32_t(v >> 31)); }

int16_t pruned(float w, float scale, int prune_q) {
    int16_t q = quant(w, scale);
    return std::abs(int(q)) < prune_q ? int16_t(0) : q;
}

}  // namespace

size_t Model::serialized_size(const FloatModel& m, int prune_q, int qmax) {
    const Scales sc = table_scales(m, qmax);
    size_t bytes = 12 + 4 + 4 + 8 + 4 + 4 + m.note.size() + 4 + 8 + 8 + 8;
    for (auto& l : m.labels) bytes += 4 + l.size();
    uint32_t prev = 0;
    for (size_t i : key_order(m.action_rows)) {
        const auto& r = m.action_rows[i];
        size_t row = 0;
        bool any = false;
        for (int c = 0; c < kNumActions; ++c) {
            int16_t q = pruned(r.second[size_t(c)], sc.a, prune_q);
            any |= q != 0;
            row += zz_size(q);
        }
        if (!any || r.first == 0 || r.first == prev) continue;
        bytes += row + varint_size(r.first - prev);
        prev = r.first;
    }
    prev = 0;
    for (size_t i : key_order(m.label_rows)) {
        const auto& r = m.label_rows[i];
        size_t row = 0;
        for (float w : r.second) {
            int16_t q = pruned(w, sc.l, prune_q);
            if (q) row += 1 + zz_size(q);
        }
        if (!row || r.first == 0 || r.first == prev) continue;
        bytes += row + 1 + varint_size(r.first - prev);
        prev = r.first;
    }
    return bytes;
}

void Model::build(const FloatModel& m, int prune_q, int qmax, bool make_index) {
    feature_set_ = kFeatureSet;
    clusters_ = m.clusters;
    beam_ = m.beam;
    note_ = m.note;
    labels_ = m.labels;
    const size_t nl = labels_.size();
    const Scales sc = table_scales(m, qmax);
    ascale_ = sc.a;
    lscale_ = sc.l;
    akeys_.clear(); aw_.clear();
    for (size_t i : key_order(m.action_rows)) {
        const auto& r = m.action_rows[i];
        int16_t q[kNumActions];
        bool any = false;
        for (int c = 0; c < kNumActions; ++c) { q[c] = pruned(r.second[size_t(c)], ascale_, prune_q); any |= q[c] != 0; }
        if (!any || r.first == 0 || (!akeys_.empty() && akeys_.back() == r.first)) continue;
        akeys_.push_back(r.first);
        aw_.insert(aw_.end(), q, q + kNumActions);
    }
    lkeys_.clear(); lcount_.clear(); lentries_.clear();
    for (size_t i : key_order(m.label_rows)) {
        const auto& r = m.label_rows[i];
        if (r.first == 0 || (!lkeys_.empty() && lkeys_.back() == r.first)) continue;
        size_t before = lentries_.size();
        for (size_t c = 0; c < nl && c < 256; ++c) {
            int16_t q = pruned(r.second[c], lscale_, prune_q);
            if (q) lentries_.push_back(LEntry{uint8_t(c), q});
        }
        if (lentries_.size() == before) continue;
        lkeys_.push_back(r.first);
        lcount_.push_back(uint8_t(lentries_.size() - before));
    }
    if (make_index) index(true);
}

bool Model::index(bool choose_size) {
    const size_t na = akeys_.size(), nlr = lkeys_.size();
    if (choose_size) {
        anb_ = uint32_t(na / 3 + 1);     // ~3 rows per 6-slot bucket
        lnb_ = uint32_t(nlr / 4 + 1);    // ~4 rows per 8-slot bucket
    }
    if (anb_ == 0 || lnb_ == 0 || anb_ > (1u << 26) || lnb_ > (1u << 26)) return false;
    // Placement order: most important row first (largest |weight|), ties by key.
    std::vector<uint32_t> begin(nlr + 1, 0);
    for (size_t r = 0; r < nlr; ++r) begin[r + 1] = begin[r] + lcount_[r];
    // When loading (not choosing a size) every row must fit, so which row gets a slot first
    // cannot matter and file order is kept: the sort is only for deciding what to drop.
    auto order = [choose_size](size_t n, auto strength, const std::vector<uint32_t>& keys) {
        std::vector<std::pair<int, uint32_t>> o(n);
        for (size_t r = 0; r < n; ++r) o[r] = {choose_size ? strength(r) : 0, uint32_t(r)};
        if (!choose_size) return o;
        std::sort(o.begin(), o.end(), [&](const auto& x, const auto& y) {
            return x.first != y.first ? x.first > y.first : keys[x.second] < keys[y.second]; });
        return o;
    };
    auto ao = order(na, [&](size_t r) {
        int m = 0;
        for (int c = 0; c < kNumActions; ++c) m = std::max(m, std::abs(int(aw_[r * kNumActions + size_t(c)])));
        return m; }, akeys_);
    auto lo = order(nlr, [&](size_t r) {
        int m = 0;
        for (uint32_t e = begin[r]; e < begin[r + 1]; ++e) m = std::max(m, std::abs(int(lentries_[e].w)));
        return m; }, lkeys_);

    std::vector<uint8_t> akeep(na, 0), lkeep(nlr, 0);
    ABucket ae{};
    abuckets_.assign(size_t(anb_), ae);
    std::vector<uint8_t> fill(size_t(anb_), 0);
    size_t dropped = 0;
    for (auto& [strength, r] : ao) {
        (void)strength;
        const uint32_t b = bucket_of(akeys_[r], anb_);
        if (fill[b] == kABucket) { ++dropped; continue; }
        ABucket& B = abuckets_[b];
        B.key[fill[b]] = akeys_[r];
        for (int c = 0; c < kNumActions; ++c) B.w[fill[b]][c] = aw_[size_t(r) * kNumActions + size_t(c)];
        ++fill[b];
        akeep[r] = 1;
    }
    LBucket le{};
    lbuckets_.assign(size_t(lnb_), le);
    fill.assign(size_t(lnb_), 0);
    for (auto& [strength, r] : lo) {
        (void)strength;
        const uint32_t b = bucket_of(lkeys_[r], lnb_);
        if (fill[b] == kLBucket) { ++dropped; continue; }
        lkeep[r] = 1;
        ++fill[b];
    }
    if (dropped && !choose_size) return false;
    dropped_ = dropped;
    if (dropped) {   // keep the stored arrays equal to what is indexed
        std::vector<uint32_t> k2; std::vector<int16_t> w2;
        for (size_t r = 0; r < na; ++r) if (akeep[r]) {
            k2.push_back(akeys_[r]);
            w2.insert(w2.end(), aw_.begin() + std::ptrdiff_t(r * kNumActions), aw_.begin() + std::ptrdiff_t((r + 1) * kNumActions));
        }
        akeys_.swap(k2); aw_.swap(w2);
        std::vector<uint32_t> lk2; std::vector<uint8_t> lc2; std::vector<LEntry> le2;
        for (size_t r = 0; r < nlr; ++r) if (lkeep[r]) {
            lk2.push_back(lkeys_[r]); lc2.push_back(lcount_[r]);
            le2.insert(le2.end(), lentries_.begin() + begin[r], lentries_.begin() + begin[r + 1]);
        }
        lkeys_.swap(lk2); lcount_.swap(lc2); lentries_.swap(le2);
        begin.assign(lkeys_.size() + 1, 0);
        for (size_t r = 0; r < lkeys_.size(); ++r) begin[r + 1] = begin[r] + lcount_[r];
    }
    // label buckets point into the (possibly compacted) entries
    fill.assign(size_t(lnb_), 0);
    for (size_t r = 0; r < lkeys_.size(); ++r) {
        const uint32_t b = bucket_of(lkeys_[r], lnb_);
        LBucket& B = lbuckets_[b];
        B.key[fill[b]] = lkeys_[r];
        B.begin_count[fill[b]] = begin[r] << 8 | lcount_[r];
        ++fill[b];
    }
    return true;
}

namespace { const int16_t kZeroRow[kNumActions] = {0, 0, 0}; }

void Model::score_actions(const uint32_t* keys, size_t n, float* scores) const {
    int32_t acc[kNumActions] = {0, 0, 0};
    sum_actions(keys, n, acc);
    for (int a = 0; a < kNumActions; ++a) scores[a] += ascale_ * float(acc[a]);
}

void Model::sum_actions(const uint32_t* keys, size_t n, int32_t acc[kNumActions]) const {
    if (abuckets_.empty()) return;
    const ABucket* bk[kMaxActionFeatures];
    n = std::min(n, kMaxActionFeatures);
    constexpr size_t kAhead = model::kPrefetchAhead;
    for (size_t f = 0; f < n; ++f) {
        bk[f] = &abuckets_[bucket_of(keys[f], anb_)];
        if (f < kAhead) model::prefetch_line(bk[f]);
    }
    int32_t a0 = 0, a1 = 0, a2 = 0;
    for (size_t f = 0; f < n; ++f) {
        if (f + kAhead < n) model::prefetch_line(bk[f + kAhead]);
        const ABucket& B = *bk[f];
        const uint32_t key = keys[f];
        // A key sits in at most one slot: pick that row (or the zero row) with selects, then add
        // it once; cheaper than masking every slot's weights, in wasm above all.
        const int16_t* w = kZeroRow;
#if defined(__wasm_simd128__)
        // wasm: the six keys compared in two overlapping vectors (slots 0-3 and 2-5)
        const v128_t k = wasm_i32x4_splat(int32_t(key));
        const uint32_t m = uint32_t(wasm_i32x4_bitmask(wasm_i32x4_eq(wasm_v128_load(B.key), k))) |
                           uint32_t(wasm_i32x4_bitmask(wasm_i32x4_eq(wasm_v128_load(B.key + 2), k))) << 2;
        w = m ? B.w[__builtin_ctz(m)] : w;
#else
        for (int j = 0; j < kABucket; ++j) w = B.key[j] == key ? B.w[j] : w;
#endif
        a0 += w[0];
        a1 += w[1];
        a2 += w[2];
    }
    acc[0] += a0;
    acc[1] += a1;
    acc[2] += a2;
}

void Model::sum_labels(const uint32_t* keys, size_t n, int32_t* acc) const {
    if (lbuckets_.empty()) return;
    const LBucket* bk[kMaxLabelFeatures];
    n = std::min(n, kMaxLabelFeatures);
    constexpr size_t kAhead = model::kPrefetchAhead;
    for (size_t f = 0; f < n; ++f) {
        bk[f] = &lbuckets_[bucket_of(keys[f], lnb_)];
        if (f < kAhead) model::prefetch_line(bk[f]);
    }
    // Two passes, so the misses on the rows' entries overlap too: find every row (starting the
    // load of its entries), then add them.
    uint32_t rows[kMaxLabelFeatures];
    size_t nr = 0;
    for (size_t f = 0; f < n; ++f) {
        if (f + kAhead < n) model::prefetch_line(bk[f + kAhead]);
        const LBucket& B = *bk[f];
        const uint32_t key = keys[f];
        uint32_t bc = 0;
#if defined(__wasm_simd128__)
        const v128_t k = wasm_i32x4_splat(int32_t(key));
        const uint32_t m = uint32_t(wasm_i32x4_bitmask(wasm_i32x4_eq(wasm_v128_load(B.key), k))) |
                           uint32_t(wasm_i32x4_bitmask(wasm_i32x4_eq(wasm_v128_load(B.key + 4), k))) << 4;
        bc = m ? B.begin_count[__builtin_ctz(m)] : 0;
#else
        for (int j = 0; j < kLBucket; ++j) bc = B.key[j] == key ? B.begin_count[j] : bc;
#endif
        if (!(bc & 0xFF)) continue;
        model::prefetch_line(lentries_.data() + (bc >> 8));
        rows[nr++] = bc;
    }
    for (size_t r = 0; r < nr; ++r) {
        const LEntry* e = lentries_.data() + (rows[r] >> 8);
        const uint32_t count = rows[r] & 0xFF;
        for (uint32_t j = 0; j < count; ++j) acc[e[j].label] += e[j].w;
    }
}

std::string Model::serialize() const {
    ByteWriter b;
    b.u32(feature_set_);
    b.u32(uint32_t(clusters_));
    b.u32(uint32_t(clusters_ >> 32));
    b.u32(beam_);
    b.str(note_);
    b.u32(uint32_t(labels_.size()));
    for (auto& l : labels_) b.str(l);
    b.f32(ascale_);
    b.f32(lscale_);
    b.u32(anb_);
    b.u32(lnb_);
    b.u32(uint32_t(akeys_.size()));
    uint32_t prev = 0;
    for (uint32_t k : akeys_) { b.varint(k - prev); prev = k; }
    for (int16_t w : aw_) b.zigzag(w);
    b.u32(uint32_t(lkeys_.size()));
    prev = 0;
    for (uint32_t k : lkeys_) { b.varint(k - prev); prev = k; }
    for (uint8_t c : lcount_) b.u8(c);
    for (const LEntry& e : lentries_) { b.u8(e.label); b.zigzag(e.w); }
    return model::frame(kParserFile, b.out);
}

bool Model::load(const uint8_t* data, size_t n, std::string* error) {
    auto fail = [&](const char* why) { if (error) *error = why; return false; };
    const uint8_t* body = nullptr;
    size_t len = 0;
    if (!model::unframe(kParserFile, data, n, &body, &len, error)) return false;
    ByteReader r{body, len};
    Model m;
    m.feature_set_ = r.u32();
    m.clusters_ = r.u32();
    m.clusters_ |= uint64_t(r.u32()) << 32;
    m.beam_ = r.u32();
    if (r.ok && (m.beam_ < 1 || m.beam_ > 64)) return fail("bad beam width");
    m.note_ = r.str();
    const uint32_t nl = r.u32();
    if (!r.ok || nl == 0 || nl > 64) return fail("bad label count");
    for (uint32_t i = 0; i < nl; ++i) m.labels_.push_back(r.str());
    m.ascale_ = r.f32();
    m.lscale_ = r.f32();
    if (r.ok && !(m.lscale_ > 0)) return fail("bad label scale");   // label_of compares the integer sums
    m.anb_ = r.u32();
    m.lnb_ = r.u32();
    const uint32_t na = r.u32();
    if (!r.ok || na > len) return fail("parser model truncated (actions)");
    m.akeys_.resize(na);
    uint32_t prev = 0;
    for (auto& k : m.akeys_) { k = prev + r.varint(); if (r.ok && (k <= prev && prev != 0)) return fail("keys not ascending"); prev = k; }
    m.aw_.resize(size_t(na) * kNumActions);
    for (auto& w : m.aw_) {
        int32_t v = r.zigzag();
        if (v < -32767 || v > 32767) return fail("bad action weight");
        w = int16_t(v);
    }
    const uint32_t nrows = r.u32();
    if (!r.ok || nrows > len) return fail("parser model truncated (labels)");
    m.lkeys_.resize(nrows);
    prev = 0;
    for (auto& k : m.lkeys_) { k = prev + r.varint(); if (r.ok && (k <= prev && prev != 0)) return fail("keys not ascending"); prev = k; }
    m.lcount_.resize(nrows);
    size_t total = 0;
    for (auto& c : m.lcount_) { c = r.u8(); total += c; }
    if (!r.ok || total > len) return fail("parser model truncated (label entries)");
    m.lentries_.resize(total);
    for (auto& e : m.lentries_) {
        e.label = r.u8();
        int32_t v = r.zigzag();
        if (e.label >= nl || v < -32767 || v > 32767) return fail("bad label entry");
        e.w = int16_t(v);
    }
    if (!r.ok) return fail("parser model truncated");
    if (r.i != r.n) return fail("parser model has unread bytes");
    if ((!m.akeys_.empty() && m.akeys_[0] == 0) || (!m.lkeys_.empty() && m.lkeys_[0] == 0)) return fail("zero key");
    if (!m.index(false)) return fail("parser model rows do not fit their tables");
    *this = std::move(m);
    return true;
}

}  // namespace ae::parse
