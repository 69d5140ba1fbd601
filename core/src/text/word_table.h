// A read-only word -> value table for the rule stages' lexicons: one flat array with open
// addressing, so a look-up is one hash and (mostly) one slot, with no node chasing and no
// std::string temporary. Keys are string_views: their storage must outlive the table.
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>
#include <vector>

namespace ae {

// 64-bit hash of a short string, 8 bytes at a time.
inline uint64_t word_hash(std::string_view s) {
    auto mix = [](uint64_t h) { h ^= h >> 33; h *= 0xff51afd7ed558ccdULL; h ^= h >> 33; h *= 0xc4ceb9fe1a85ec53ULL; h ^= h >> 33; return h; };
    const char* p = s.data();
    size_t n = s.size();
    uint64_t h = 0x9E3779B97F4A7C15ULL * (uint64_t(n) + 1);
    while (n >= 8) {
        uint64_t k;
        std::memcpy(&k, p, 8);
        h = mix(h ^ k) + 0x632BE59BD9B4E019ULL;
        p += 8;
        n -= 8;
    }
    uint64_t k = 0;
    for (size_t i = 0; i < n; ++i) k |= uint64_t(uint8_t(p[i])) << (8 * i);
    return mix(h ^ k ^ 0xA0761D6478BD642FULL);
}

template <class V>
struct WordTable {
    struct Slot {
        uint64_t hash = 0;
        std::string_view key;
        V value{};
        bool used = false;
    };
    std::vector<Slot> slots;
    size_t mask = 0;

    // Adds or finds `key` (building only); the returned value can be filled in.
    V& operator[](std::string_view key) {
        if ((count + 1) * 2 > slots.size()) grow();
        uint64_t h = word_hash(key);
        for (size_t i = h & mask;; i = (i + 1) & mask) {
            Slot& s = slots[i];
            if (!s.used) { s.used = true; s.hash = h; s.key = key; ++count; return s.value; }
            if (s.hash == h && s.key == key) return s.value;
        }
    }

    const V* find(std::string_view key) const { return find(key, word_hash(key)); }
    const V* find(std::string_view key, uint64_t h) const {
        if (slots.empty()) return nullptr;
        for (size_t i = h & mask;; i = (i + 1) & mask) {
            const Slot& s = slots[i];
            if (!s.used) return nullptr;
            if (s.hash == h && s.key == key) return &s.value;
        }
    }

private:
    size_t count = 0;
    void grow() {
        std::vector<Slot> old = std::move(slots);
        slots.assign(old.empty() ? 64 : old.size() * 2, Slot());
        mask = slots.size() - 1;
        for (Slot& s : old) {
            if (!s.used) continue;
            size_t i = s.hash & mask;
            while (slots[i].used) i = (i + 1) & mask;
            slots[i] = std::move(s);
        }
    }
};

}  // namespace ae
