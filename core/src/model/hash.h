// Hashing for features and lexicons: 64-bit, platform independent (same values on native
// and wasm32), no allocation. Not cryptographic; tuned for short strings (tokens).
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace ae::model {

inline uint64_t mix64(uint64_t h) {
    h ^= h >> 33; h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33; h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

inline uint64_t hash_bytes(const char* p, size_t n, uint64_t seed = 0) {
    uint64_t h = seed ^ (0x9E3779B97F4A7C15ULL * (uint64_t(n) + 1));
    while (n >= 8) {
        uint64_t k; std::memcpy(&k, p, 8);
        h = mix64(h ^ k) + 0x632BE59BD9B4E019ULL;
        p += 8; n -= 8;
    }
    uint64_t k = 0;
    for (size_t i = 0; i < n; ++i) k |= uint64_t(uint8_t(p[i])) << (8 * i);
    return mix64(h ^ k ^ 0xA0761D6478BD642FULL);
}
inline uint64_t hash_str(std::string_view s, uint64_t seed = 0) { return hash_bytes(s.data(), s.size(), seed); }

// A feature = template id + up to three hashed values.
inline uint64_t feat(uint32_t tmpl) { return mix64(0x51AFD7ED558CCDULL + tmpl * 0x9E3779B97F4A7C15ULL); }
inline uint64_t feat(uint32_t tmpl, uint64_t a) { return mix64(feat(tmpl) ^ (a + 0x2545F4914F6CDD1DULL)); }
inline uint64_t feat(uint32_t tmpl, uint64_t a, uint64_t b) { return mix64(feat(tmpl, a) ^ (b * 0x9E3779B97F4A7C15ULL + 1)); }
inline uint64_t feat(uint32_t tmpl, uint64_t a, uint64_t b, uint64_t c) { return mix64(feat(tmpl, a, b) ^ (c * 0xC2B2AE3D27D4EB4FULL + 7)); }

// Whether two byte ranges of length n are equal, 8 bytes at a time: the lexicons compare short
// words, for which memcmp is a call (in wasm a byte loop).
inline bool same_bytes(const char* a, const char* b, size_t n) {
    for (; n >= 8; a += 8, b += 8, n -= 8) {
        uint64_t x, y;
        std::memcpy(&x, a, 8);
        std::memcpy(&y, b, 8);
        if (x != y) return false;
    }
    for (; n; --n) if (*a++ != *b++) return false;
    return true;
}
inline bool same_text(std::string_view a, std::string_view b) { return a.size() == b.size() && same_bytes(a.data(), b.data(), a.size()); }

// The 32-bit key a feature or lexicon entry is stored under in a model (0 is reserved).
inline uint32_t key32(uint64_t h) {
    uint32_t k = uint32_t(h >> 32) ^ uint32_t(h);
    return k ? k : 1u;
}

}  // namespace ae::model
