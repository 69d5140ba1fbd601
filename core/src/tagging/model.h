// The inference side of a linear model over hashed features, and its binary file format.
//
// File (model/model_file.h's frame): magic "AETAGGER", version 2, then the body:
//   str kind ("pos"/"ner") | u32 feature_set (template version) | str note (training record)
//   u32 nclasses | nclasses x str class name
//   u32 nrows | nrows x varint key delta (keys ascending) | nrows x u8 scale code
//   | per row: u8 nnz, nnz x (u8 class, i8 weight)      -- int8 weights, per-row scale
//   u32 nlexicons | per lexicon: str name | u32 n | n x varint key delta | n x varint value
// str = u32 length + bytes; varint = LEB128. Weight of class c for row r = scale[r] * q[r][c],
// scale = 2^((code - 128) / 8) (a log-scale byte: 9% steps, enough for int8 rows).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/hash.h"
#include "model/model_file.h"
#include "model/prefetch.h"
#include "model/word_info.h"

namespace ae::tagging {

// The shared model runtime (hashing, word features, prefetching, file framing) by short names.
using namespace ae::model;

constexpr model::FileKind kTaggerFile{"AETAGGER", 2, "tagger"};

// The per-row scale as stored: a byte on a log2 grid of 1/8 steps.
uint8_t scale_code(float scale);        // smallest code whose scale is >= `scale`
float scale_from_code(uint8_t code);

// Open-addressing map from 32-bit keys (0 reserved) to 32-bit values.
class KeyMap {
public:
    void build(const uint32_t* keys, const uint32_t* values, size_t n);
    // Value for key, or `missing`.
    uint32_t find(uint32_t key, uint32_t missing = UINT32_MAX) const {
        if (slots_.empty()) return missing;
        uint32_t i = (key * 0x9E3779B1u) >> shift_;
        for (;;) {
            const Slot& s = slots_[i];
            if (s.key == key) return s.value;
            if (s.key == 0) return missing;
            i = (i + 1) & mask_;
        }
    }
    size_t size() const { return count_; }
    // Starts loading the slot a key hashes to (prefetch.h).
    void prefetch(uint32_t key) const {
        if (!slots_.empty()) prefetch_line(&slots_[(key * 0x9E3779B1u) >> shift_]);
    }
private:
    struct Slot { uint32_t key, value; };
    std::vector<Slot> slots_;
    uint32_t mask_ = 0, shift_ = 32;
    size_t count_ = 0;
};

// The words model (kind "words"): no weights, the "clusters" lexicon of 2012-2020 news.
constexpr uint32_t kWordsFeatureSet = 1;

struct Lexicon {
    std::string name;
    std::vector<uint32_t> keys, values;   // keys ascending, unique
    KeyMap map;
    uint32_t value_bits = 0;              // OR of all values (set by LinearModel::index)
    uint32_t find(uint64_t hash, uint32_t missing = 0) const;
    void prefetch(uint64_t hash) const { map.prefetch(key32(hash)); }
};

struct LinearModel {
    std::string kind;
    uint32_t feature_set = 0;
    std::string note;
    std::vector<std::string> classes;
    std::vector<uint32_t> keys;     // ascending
    std::vector<float> scales;      // per row
    std::vector<int8_t> weights;    // rows x nclasses, dense in memory
    // Built by index(): each row's scale as an integer multiple of one unit (the largest scale
    // / 32767), so scoring sums exact integers (mults[r] * weights) and converts once.
    std::vector<int16_t> mults;
    float unit = 0;
    std::vector<Lexicon> lexicons;
    KeyMap rows;                    // key -> row; with two classes or fewer, key -> packed row:
                                    // mult << 16 | (uint8) w1 << 8 | (uint8) w0, one miss less
    uint64_t id = 0;                // set by index(): which model a per-thread prefix cache holds
    // Lexicons this model uses but does not store (the words model's clusters, shared by POS
    // and NER so the page ships them once): lexicon() looks here after its own. The file keeps
    // a "shared:<name>" marker whose one key is the shared lexicon's fingerprint.
    const LinearModel* shared = nullptr;

    size_t nclasses() const { return classes.size(); }
    // Adds the weights of the given feature hashes to scores[0..nclasses): their integer sum
    // (at most kSumFeatures at a time) times unit, so the order of the features does not matter.
    void score(const uint64_t* feats, size_t n, float* scores) const;
    static constexpr size_t kSumFeatures = 256;   // 256 x 127 x 32767 < 2^31
    // acc[0..nclasses) += mults[r] * weights of the rows of feats[0..n), n <= kSumFeatures.
    void sum(const uint64_t* feats, size_t n, int32_t* acc) const;
    // The same for scores that start at zero, when feats[0..k) depend only on the word being
    // tagged: their sum, a per-word constant, comes from a per-thread cache keyed by those k
    // hashes, so a word seen before costs one probe instead of k lookups. Bit-identical to
    // score(): integer sums do not depend on their order.
    void score_word_first(const uint64_t* feats, size_t n, size_t k, float* scores) const;
    const Lexicon* lexicon(std::string_view name) const;
    int class_index(std::string_view name) const;
    void index();                   // (re)builds the lookup maps after keys/lexicons change
};

// The fingerprint a "shared:<name>" marker holds: CRC-32 of the lexicon's keys and values.
uint32_t lexicon_fingerprint(const Lexicon& l);
// Uses `from`'s lexicon `name` without storing it: points m.shared at `from` and adds the marker.
void share_lexicon(LinearModel& m, const LinearModel& from, const std::string& name);
// Points m at `from` for every lexicon m's markers name; false (and *error) when `from` is
// missing or its lexicon is not the one m was trained with.
bool attach_shared(LinearModel& m, const LinearModel* from, std::string* error);

// Writes the model in the format above.
std::string serialize(const LinearModel& m);
// Reads a model; on failure returns false and sets *error.
bool deserialize(const uint8_t* data, size_t n, LinearModel& m, std::string* error);

}  // namespace ae::tagging
