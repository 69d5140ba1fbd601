#include "model.h"

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#endif

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>

namespace ae::tagging {

void KeyMap::build(const uint32_t* keys, const uint32_t* values, size_t n) {
    count_ = n;
    size_t cap = 16;
    while (cap < n * 2 + 2) cap <<= 1;
    int bits = 0;
    while ((size_t(1) << bits) < cap) ++bits;
    slots_.assign(cap, Slot{0, 0});
    mask_ = uint32_t(cap - 1);
    shift_ = uint32_t(32 - bits);
    for (size_t k = 0; k < n; ++k) {
        uint32_t key = keys[k] ? keys[k] : 1u;
        uint32_t i = (key * 0x9E3779B1u) >> shift_;
        while (slots_[i].key != 0 && slots_[i].key != key) i = (i + 1) & mask_;
        slots_[i] = Slot{key, values ? values[k] : uint32_t(k)};
    }
}

uint32_t Lexicon::find(uint64_t hash, uint32_t missing) const { return map.find(key32(hash), missing); }

namespace {

// acc[c] += mults[r] * w[r][c] for the given rows. In wasm, 16 classes at a time with the
// sums kept in registers across rows; natively the plain loop.
inline void add_rows(int32_t* acc, const uint32_t* rows, size_t nr, const int8_t* W, const int16_t* M, size_t nc) {
    size_t c = 0;
#if defined(__wasm_simd128__)
    for (; c + 16 <= nc; c += 16) {
        v128_t a0 = wasm_v128_load(acc + c), a1 = wasm_v128_load(acc + c + 4);
        v128_t a2 = wasm_v128_load(acc + c + 8), a3 = wasm_v128_load(acc + c + 12);
        for (size_t k = 0; k < nr; ++k) {
            const v128_t w = wasm_v128_load(W + size_t(rows[k]) * nc + c);
            const v128_t m = wasm_i16x8_splat(M[rows[k]]);
            const v128_t lo = wasm_i16x8_extend_low_i8x16(w), hi = wasm_i16x8_extend_high_i8x16(w);
            a0 = wasm_i32x4_add(a0, wasm_i32x4_extmul_low_i16x8(lo, m));
            a1 = wasm_i32x4_add(a1, wasm_i32x4_extmul_high_i16x8(lo, m));
            a2 = wasm_i32x4_add(a2, wasm_i32x4_extmul_low_i16x8(hi, m));
            a3 = wasm_i32x4_add(a3, wasm_i32x4_extmul_high_i16x8(hi, m));
        }
        wasm_v128_store(acc + c, a0); wasm_v128_store(acc + c + 4, a1);
        wasm_v128_store(acc + c + 8, a2); wasm_v128_store(acc + c + 12, a3);
    }
    if (c == nc) return;
#endif
    for (size_t k = 0; k < nr; ++k) {
        const int8_t* w = W + size_t(rows[k]) * nc;
        const int32_t m = M[rows[k]];
        for (size_t j = c; j < nc; ++j) acc[j] += m * int32_t(w[j]);
    }
}

}  // namespace

void LinearModel::sum(const uint64_t* feats, size_t n, int32_t* acc) const {
    const size_t nc = classes.size();
    n = std::min(n, kSumFeatures);
    // Three passes so the cache misses overlap: prefetch slots, find rows (prefetch them),
    // then accumulate.
    uint32_t keys_[kSumFeatures], found[kSumFeatures];
    for (size_t f = 0; f < n; ++f) { keys_[f] = key32(feats[f]); rows.prefetch(keys_[f]); }
    if (nc <= 2) {   // packed rows (index())
        for (size_t f = 0; f < n; ++f) {
            const uint32_t v = rows.find(keys_[f]);
            if (v == UINT32_MAX) continue;
            const int32_t m = int32_t(v >> 16);
            acc[0] += m * int32_t(int8_t(v & 0xFF));
            if (nc == 2) acc[1] += m * int32_t(int8_t((v >> 8) & 0xFF));
        }
        return;
    }
    size_t nf = 0;
    for (size_t f = 0; f < n; ++f) {
        const uint32_t r = rows.find(keys_[f]);
        if (r == UINT32_MAX) continue;
        const int8_t* w = weights.data() + size_t(r) * nc;
        prefetch_line(w);
        prefetch_line(w + nc - 1);
        found[nf++] = r;
    }
    add_rows(acc, found, nf, weights.data(), mults.data(), nc);
}

void LinearModel::score(const uint64_t* feats, size_t n, float* scores) const {
    const size_t nc = classes.size();
    int32_t acc[256];
    for (size_t base = 0; base < n; base += kSumFeatures) {
        std::fill(acc, acc + nc, 0);
        sum(feats + base, std::min(kSumFeatures, n - base), acc);
        for (size_t c = 0; c < nc; ++c) scores[c] += unit * float(acc[c]);
    }
}

namespace {

// Direct-mapped, per thread, one per model in use (the POS and the entity tagger): 4096
// words' prefix sums, 0.8 MB for the POS tagger's 49 classes.
constexpr int kPrefixCacheBits = 12;
struct PrefixCache {
    uint64_t model = 0;
    std::vector<uint64_t> keys;   // 0 = empty
    std::vector<int32_t> sums;    // slot x nclasses
};
thread_local PrefixCache prefix_caches[2];
thread_local unsigned prefix_victim = 0;

uint64_t next_model_id() {
    static std::atomic<uint64_t> n{0};
    return ++n;
}

}  // namespace

void LinearModel::score_word_first(const uint64_t* feats, size_t n, size_t k, float* scores) const {
    const size_t nc = classes.size();
    k = std::min(k, n);
    if (id == 0 || k == 0 || n > kSumFeatures) { score(feats, n, scores); return; }   // nothing to key on
    PrefixCache* pc = nullptr;
    for (PrefixCache& c : prefix_caches) if (c.model == id) pc = &c;
    if (!pc) {
        pc = &prefix_caches[prefix_victim++ % 2];
        pc->model = id;
        pc->keys.assign(size_t(1) << kPrefixCacheBits, 0);
        pc->sums.assign((size_t(1) << kPrefixCacheBits) * nc, 0);
    }
    uint64_t key = k;
    for (size_t f = 0; f < k; ++f) key = key * 0x9E3779B97F4A7C15ULL + feats[f];
    key = mix64(key) | 1;
    const size_t slot = size_t(key >> (64 - kPrefixCacheBits));
    int32_t* prefix = pc->sums.data() + slot * nc;
    if (pc->keys[slot] != key) {
        std::fill(prefix, prefix + nc, 0);
        sum(feats, k, prefix);
        pc->keys[slot] = key;
    }
    int32_t acc[256];
    std::copy(prefix, prefix + nc, acc);
    sum(feats + k, n - k, acc);
    for (size_t c = 0; c < nc; ++c) scores[c] += unit * float(acc[c]);
}

const Lexicon* LinearModel::lexicon(std::string_view name) const {
    for (auto& l : lexicons) if (l.name == name) return &l;
    return shared ? shared->lexicon(name) : nullptr;
}

uint32_t lexicon_fingerprint(const Lexicon& l) {
    std::vector<uint8_t> bytes;
    bytes.reserve(l.keys.size() * 8);
    auto put = [&](uint32_t v) { for (int b = 0; b < 4; ++b) bytes.push_back(uint8_t(v >> (8 * b))); };
    for (size_t i = 0; i < l.keys.size(); ++i) { put(l.keys[i]); put(l.values[i]); }
    return model::crc32(bytes.data(), bytes.size());
}

void share_lexicon(LinearModel& m, const LinearModel& from, const std::string& name) {
    const Lexicon* l = from.lexicon(name);
    if (!l) return;
    Lexicon marker;
    marker.name = "shared:" + name;
    marker.keys = {lexicon_fingerprint(*l)};
    marker.values = {0};
    m.lexicons.push_back(std::move(marker));
    m.shared = &from;
    m.index();
}

bool attach_shared(LinearModel& m, const LinearModel* from, std::string* error) {
    for (const auto& marker : m.lexicons) {
        if (marker.name.rfind("shared:", 0) != 0) continue;
        const std::string name = marker.name.substr(7);
        const Lexicon* l = nullptr;
        if (from) for (auto& x : from->lexicons) if (x.name == name) l = &x;
        if (!l) { if (error) *error = "needs the words model's " + name + ", which is missing"; return false; }
        if (marker.keys.size() != 1 || marker.keys[0] != lexicon_fingerprint(*l)) {
            if (error) *error = "trained with other word " + name + " than the words model's; retrain";
            return false;
        }
        m.shared = from;
    }
    return true;
}

int LinearModel::class_index(std::string_view name) const {
    for (size_t i = 0; i < classes.size(); ++i) if (classes[i] == name) return int(i);
    return -1;
}

void LinearModel::index() {
    id = next_model_id();
    float top = 0;
    for (float x : scales) top = std::max(top, x);
    unit = top > 0 ? top / 32767.0f : 0.0f;
    mults.resize(scales.size());
    for (size_t r = 0; r < scales.size(); ++r)
        mults[r] = top > 0 ? int16_t(std::lround(double(scales[r]) / double(top) * 32767.0)) : int16_t(0);
    const size_t nc = classes.size();
    if (nc <= 2) {
        std::vector<uint32_t> packed(keys.size());
        for (size_t r = 0; r < keys.size(); ++r) {
            const int8_t* w = weights.data() + r * nc;
            packed[r] = uint32_t(uint16_t(mults[r])) << 16 | (nc == 2 ? uint32_t(uint8_t(w[1])) << 8 : 0) | uint8_t(w[0]);
        }
        rows.build(keys.data(), packed.data(), keys.size());
    } else {
        rows.build(keys.data(), nullptr, keys.size());
    }
    for (auto& l : lexicons) {
        l.map.build(l.keys.data(), l.values.data(), l.keys.size());
        l.value_bits = 0;
        for (uint32_t v : l.values) l.value_bits |= v;
    }
}

uint8_t scale_code(float scale) {
    if (!(scale > 0)) return 0;
    double x = 8.0 * std::log2(double(scale));
    double r = std::round(x);
    // A value already on the grid (up to float rounding) keeps its code, so that reading and
    // writing a model again gives the same bytes; anything else rounds up (q stays <= 127).
    double e = (std::fabs(x - r) < 1e-3 ? r : std::ceil(x)) + 128.0;
    return uint8_t(std::max(0.0, std::min(255.0, e)));
}
float scale_from_code(uint8_t code) { return float(std::exp2((double(code) - 128.0) / 8.0)); }

std::string serialize(const LinearModel& m) {
    ByteWriter b;
    b.str(m.kind);
    b.u32(m.feature_set);
    b.str(m.note);
    b.u32(uint32_t(m.classes.size()));
    for (auto& c : m.classes) b.str(c);
    const size_t nc = m.classes.size();
    b.u32(uint32_t(m.keys.size()));
    uint32_t prev = 0;
    for (uint32_t k : m.keys) { b.varint(k - prev); prev = k; }
    for (float s : m.scales) b.u8(scale_code(s));
    for (size_t r = 0; r < m.keys.size(); ++r) {
        const int8_t* w = m.weights.data() + r * nc;
        uint8_t nnz = 0;
        for (size_t c = 0; c < nc; ++c) nnz += w[c] != 0;
        b.u8(nnz);
        for (size_t c = 0; c < nc; ++c) if (w[c]) { b.u8(uint8_t(c)); b.u8(uint8_t(w[c])); }
    }
    b.u32(uint32_t(m.lexicons.size()));
    for (auto& l : m.lexicons) {
        b.str(l.name);
        b.u32(uint32_t(l.keys.size()));
        uint32_t lp = 0;
        for (uint32_t k : l.keys) { b.varint(k - lp); lp = k; }
        for (uint32_t v : l.values) b.varint(v);
    }
    return frame(kTaggerFile, b.out);
}

bool deserialize(const uint8_t* data, size_t n, LinearModel& m, std::string* error) {
    auto fail = [&](const char* why) { if (error) *error = why; return false; };
    const uint8_t* body = nullptr;
    size_t len = 0;
    if (!unframe(kTaggerFile, data, n, &body, &len, error)) return false;
    ByteReader r{body, len};
    LinearModel out;
    out.kind = r.str();
    out.feature_set = r.u32();
    out.note = r.str();
    uint32_t nc = r.u32();
    if (!r.ok || nc == 0 || nc > 255) return fail("bad class count");
    for (uint32_t c = 0; c < nc; ++c) out.classes.push_back(r.str());
    uint32_t nrows = r.u32();
    if (!r.need(size_t(nrows) * 3)) return fail("model truncated (rows)");
    out.keys.resize(nrows);
    out.scales.resize(nrows);
    uint32_t prev = 0;
    for (auto& k : out.keys) { k = prev + r.varint(); prev = k; }
    float scale_of[256];   // exp2 once per code, not once per row
    for (int c = 0; c < 256; ++c) scale_of[c] = scale_from_code(uint8_t(c));
    for (auto& s : out.scales) s = scale_of[r.u8()];
    out.weights.assign(size_t(nrows) * nc, 0);
    for (uint32_t row = 0; row < nrows && r.ok; ++row) {
        uint8_t nnz = r.u8();
        for (uint8_t k = 0; k < nnz && r.ok; ++k) {
            uint8_t c = r.u8();
            int8_t w = int8_t(r.u8());
            if (c >= nc) return fail("bad class index");
            out.weights[size_t(row) * nc + c] = w;
        }
    }
    uint32_t nlex = r.u32();
    if (!r.ok || nlex > 64) return fail("bad lexicon count");
    out.lexicons.resize(nlex);
    for (auto& l : out.lexicons) {
        l.name = r.str();
        uint32_t cnt = r.u32();
        if (!r.need(size_t(cnt) * 2)) return fail("model truncated (lexicon)");
        l.keys.resize(cnt); l.values.resize(cnt);
        uint32_t lp = 0;
        for (auto& k : l.keys) { k = lp + r.varint(); lp = k; }
        for (auto& v : l.values) v = r.varint();
    }
    if (!r.ok) return fail("model truncated");
    if (r.i != r.n) return fail("model has unread bytes");
    out.index();
    m = std::move(out);
    return true;
}

}  // namespace ae::tagging
