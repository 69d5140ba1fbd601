// The parser's weights at inference time and their binary file format.
//
// File (model/model_file.h's frame, as for every model): magic "AEDP", version 2, then the body:
//   u32 feature_set | u64 clusters fingerprint (0 = trained without word clusters) | u32 beam width | str note (training record) | u32 nlabels | nlabels x str label name
//   f32 action_scale | f32 label_scale | u32 action buckets | u32 label buckets
//   u32 nA | nA x varint key delta (keys ascending) | nA x 3 x zigzag-varint action weight
//   u32 nL | nL x varint key delta | nL x u8 entry count | entries: u8 label, zigzag-varint weight
// str = u32 length + bytes. Weights are int16 with one scale per table:
//   action weight = action_scale * q, label weight = label_scale * q.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "model/model_file.h"
#include "state.h"

namespace ae::parse {

constexpr model::FileKind kParserFile{"AEDP", 2, "parser"};

// What a trainer hands to the exporter: float weights per feature key.
struct FloatModel {
    std::string note;
    uint64_t clusters = 0;                            // cluster_fingerprint of the clusters trained with
    uint32_t beam = 1;                                // the beam width it was trained for (1 = greedy)
    std::vector<std::string> labels;                  // label class names (class id = index)
    std::vector<std::pair<uint32_t, std::vector<float>>> action_rows;   // key, kNumActions weights
    std::vector<std::pair<uint32_t, std::vector<float>>> label_rows;    // key, labels.size() weights
};

// A fixed-size array for the lookup tables: cache-line aligned, and on Linux backed by
// transparent huge pages where possible (random probes into a few MB otherwise spend most of
// their time on TLB misses).
void* alloc_table(size_t bytes);
void free_table(void* p);
template <class T>
class SlotArray {
public:
    SlotArray() = default;
    SlotArray(const SlotArray& o) { *this = o; }
    SlotArray(SlotArray&& o) noexcept : p_(o.p_), n_(o.n_) { o.p_ = nullptr; o.n_ = 0; }
    SlotArray& operator=(const SlotArray& o) {
        if (this != &o) { assign(o.n_, T{}); for (size_t i = 0; i < n_; ++i) p_[i] = o.p_[i]; }
        return *this;
    }
    SlotArray& operator=(SlotArray&& o) noexcept {
        if (this != &o) { free_table(p_); p_ = o.p_; n_ = o.n_; o.p_ = nullptr; o.n_ = 0; }
        return *this;
    }
    ~SlotArray() { free_table(p_); }
    void assign(size_t n, const T& v) {
        free_table(p_);
        p_ = n ? static_cast<T*>(alloc_table(n * sizeof(T))) : nullptr;
        n_ = n;
        for (size_t i = 0; i < n; ++i) p_[i] = v;
    }
    T& operator[](size_t i) { return p_[i]; }
    const T& operator[](size_t i) const { return p_[i]; }
    size_t size() const { return n_; }
    bool empty() const { return n_ == 0; }
private:
    T* p_ = nullptr;
    size_t n_ = 0;
};

class Model {
public:
    // Quantises (int16, one scale per table: the largest |weight| maps to qmax <= 32767) and
    // indexes. Quantised weights with |q| < prune_q are dropped, and rows left without weights.
    void build(const FloatModel& m, int prune_q = 1, int qmax = 32767, bool make_index = true);
    // The serialised size build(m, prune_q, qmax) would give, without building.
    static size_t serialized_size(const FloatModel& m, int prune_q, int qmax = 32767);
    bool load(const uint8_t* data, size_t size, std::string* error);
    std::string serialize() const;

    size_t nlabels() const { return labels_.size(); }
    const std::vector<std::string>& labels() const { return labels_; }
    const std::string& note() const { return note_; }
    void set_note(std::string note) { note_ = std::move(note); }
    uint32_t feature_set() const { return feature_set_; }
    uint64_t clusters_fingerprint() const { return clusters_; }
    uint32_t beam() const { return beam_; }
    size_t action_rows() const { return akeys_.size(); }
    size_t label_rows() const { return lkeys_.size(); }
    size_t label_entries() const { return lentries_.size(); }
    size_t dropped_rows() const { return dropped_; }   // rows that did not fit their bucket at build

    // scores[0..kNumActions) += weights of the features (prefetches all slots first).
    void score_actions(const uint32_t* keys, size_t n, float* scores) const;
    // The same as integer sums (acc += quantised weights): sums of parts add up exactly, so a
    // decoder may cache some; action_score turns a total into a score.
    void sum_actions(const uint32_t* keys, size_t n, int32_t acc[kNumActions]) const;
    float action_score(int32_t total) const { return ascale_ * float(total); }
    // acc[0..nlabels) += quantised weights of the features. Scores are label_scale times these
    // (positive, and exact in float below 2^24), so the best label is the largest sum.
    void sum_labels(const uint32_t* keys, size_t n, int32_t* acc) const;

private:
    // Lookup tables: one 64-byte bucket per hash value, searched without branches; a row
    // that does not fit its bucket is dropped at build time (rows are placed most important
    // first, so only the weakest are lost).
    static constexpr int kABucket = 6, kLBucket = 8;
    struct alignas(64) ABucket { uint32_t key[kABucket]; int16_t w[kABucket][kNumActions]; uint32_t pad; };
    struct alignas(64) LBucket { uint32_t key[kLBucket]; uint32_t begin_count[kLBucket]; };   // begin << 8 | count
    struct LEntry { uint8_t label; int16_t w; };
    // Builds the buckets; with choose_size, picks their number and drops rows that do not fit,
    // otherwise uses anb_/lnb_ and fails if a row does not fit.
    bool index(bool choose_size);

    uint32_t feature_set_ = kFeatureSet;
    uint64_t clusters_ = 0;
    uint32_t beam_ = 1;
    std::string note_;
    std::vector<std::string> labels_;
    float ascale_ = 1, lscale_ = 1;
    // as stored (keys ascending)
    std::vector<uint32_t> akeys_;
    std::vector<int16_t> aw_;          // akeys_.size() x kNumActions
    std::vector<uint32_t> lkeys_;
    std::vector<uint8_t> lcount_;
    std::vector<LEntry> lentries_;     // grouped by row, in row order
    // lookup tables (open addressing, linear probing, key 0 = empty)
    SlotArray<ABucket> abuckets_;
    SlotArray<LBucket> lbuckets_;
    uint32_t anb_ = 0, lnb_ = 0;       // bucket counts (stored in the file)
    size_t dropped_ = 0;
};

inline uint32_t slot_of(uint32_t key, uint32_t mask) { return (key * 0x9E3779B1u) & mask; }
inline uint32_t bucket_of(uint32_t key, uint32_t nbuckets) { return uint32_t((uint64_t(key * 0x9E3779B1u) * nbuckets) >> 32); }

}  // namespace ae::parse
