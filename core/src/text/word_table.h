// A read-only word -> value table for the rule stages' lexicons: one flat array with open
// addressing, so a look-up is one hash and (mostly) one slot, with no node chasing and no
// std::string temporary. Keys are string_views: their storage must outlive the table.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "../model/hash.h"

namespace ae {

template <class V>
struct WordTable {
    struct Slot {
        std::string_view key;
        V value{};
    };
    // Probing reads only `tags` (4 bytes a slot, 0 = empty): most words are in no lexicon, and
    // a miss then touches one small array instead of the large slots.
    std::vector<uint32_t> tags;
    std::vector<Slot> slots;
    size_t mask = 0;

    static uint32_t tag_of(uint64_t h) { return uint32_t(h >> 32) | 1u; }

    // Adds or finds `key` (building only); the returned value can be filled in.
    V& operator[](std::string_view key) {
        if ((count + 1) * 2 > slots.size()) grow();
        uint64_t h = model::hash_str(key);   // the tagger's string hash, seed 0
        uint32_t tag = tag_of(h);
        for (size_t i = h & mask;; i = (i + 1) & mask) {
            if (!tags[i]) { tags[i] = tag; slots[i].key = key; ++count; return slots[i].value; }
            if (tags[i] == tag && model::same_text(slots[i].key, key)) return slots[i].value;
        }
    }

    const V* find(std::string_view key) const {
        if (slots.empty()) return nullptr;
        uint64_t h = model::hash_str(key);   // the tagger's string hash, seed 0
        uint32_t tag = tag_of(h);
        for (size_t i = h & mask;; i = (i + 1) & mask) {
            if (!tags[i]) return nullptr;
            if (tags[i] == tag && model::same_text(slots[i].key, key)) return &slots[i].value;
        }
    }

    // Calls f(key, value&) for every entry (building only).
    template <class F> void for_each(F f) {
        for (size_t i = 0; i < slots.size(); ++i) if (tags[i]) f(slots[i].key, slots[i].value);
    }
    template <class F> void for_each(F f) const {
        for (size_t i = 0; i < slots.size(); ++i) if (tags[i]) f(slots[i].key, slots[i].value);
    }

private:
    size_t count = 0;
    void grow() {
        std::vector<uint32_t> old_tags = std::move(tags);
        std::vector<Slot> old = std::move(slots);
        size_t n = old.empty() ? 64 : old.size() * 2;
        tags.assign(n, 0);
        slots.assign(n, Slot());
        mask = n - 1;
        for (size_t k = 0; k < old.size(); ++k) {
            if (!old_tags[k]) continue;
            size_t i = model::hash_str(old[k].key) & mask;
            while (tags[i]) i = (i + 1) & mask;
            tags[i] = old_tags[k];
            slots[i] = std::move(old[k]);
        }
    }
};

}  // namespace ae
