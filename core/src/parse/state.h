// The arc-hybrid transition system (Kuhlmann et al. 2011) with the root token at the END of
// the buffer (Ballesteros & Nivre 2013), and the feature templates over its configurations.
// Shared by the core's greedy parser and the trainer, so the two cannot drift apart.
//
// Words 0..n-1, ROOT = n. Configuration: a stack of word indices and a buffer front b
// (the buffer is b..n, ROOT last). Transitions:
//   SHIFT  push b                         (b < n: ROOT is never shifted)
//   LEFT   head(s0) = b, pop s0           (when b is ROOT only with one word on the stack,
//                                          so every tree has exactly one root)
//   RIGHT  head(s0) = s1, pop s0
// Terminal: empty stack and b == ROOT. Every word is given a head exactly once, when it is
// popped, and all its dependents are attached by then, so the arc label is chosen at that
// moment by a separate label classifier that sees the dependent's whole subtree.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace ae::parse {

enum Action : int { kShift = 0, kLeft = 1, kRight = 2 };
constexpr int kNumActions = 3;
constexpr size_t kMaxActionFeatures = 32;
constexpr size_t kMaxLabelFeatures = 16;
// Bump when templates change: a model trained for another feature set is refused.
constexpr uint32_t kFeatureSet = 3;

// Cheap feature hashing: template id + up to three 64-bit values -> 32-bit key (0 reserved).
inline uint64_t fmix(uint64_t h) { h ^= h >> 31; h *= 0x7fb5d329728ea185ULL; h ^= h >> 27; return h; }
inline uint64_t fh(uint32_t t, uint64_t a) { return fmix((a ^ (uint64_t(t) * 0x9E3779B97F4A7C15ULL)) * 0xff51afd7ed558ccdULL); }
inline uint64_t fh(uint32_t t, uint64_t a, uint64_t b) { return fmix((fh(t, a) ^ b) * 0xc4ceb9fe1a85ec53ULL); }
inline uint64_t fh(uint32_t t, uint64_t a, uint64_t b, uint64_t c) { return fmix((fh(t, a, b) ^ c) * 0xd6e8feb86659fd93ULL); }
inline uint32_t fkey(uint64_t h) { uint32_t k = uint32_t(h >> 32) ^ uint32_t(h); return k ? k : 1u; }

// One sentence as the parser sees it: hashed lowercase forms, hashed XPOS tags, hashed
// 3-letter lowercase suffixes and a word-shape class (capitalisation, digits, hyphen, punctuation)
// — the last two let the parser second-guess a wrong tag.
struct Input {
    size_t n = 0;
    const uint64_t* word = nullptr;
    const uint64_t* pos = nullptr;
    const uint64_t* suf = nullptr;
    const uint8_t* shape = nullptr;
};

struct Node {
    int32_t l1 = -1, l2 = -1, r1 = -1, r2 = -1;   // leftmost / 2nd leftmost / rightmost / 2nd rightmost child
    uint8_t nl = 0, nr = 0;                       // number of left / right children
    uint64_t lset = 0, rset = 0;                  // bit sets of the labels of left / right children
};

class State {
public:
    void init(size_t n);
    size_t size() const { return n_; }
    bool terminal() const { return stack_.empty() && b_ >= int(n_); }
    bool can_shift() const { return b_ < int(n_); }
    bool can_left() const { return !stack_.empty() && (b_ < int(n_) || stack_.size() == 1); }
    bool can_right() const { return stack_.size() >= 2; }
    bool legal(int a) const { return a == kShift ? can_shift() : a == kLeft ? can_left() : can_right(); }
    // The (head, dependent) arc an arc action would add; ROOT = n.
    int arc_head(int a) const { return a == kLeft ? b_ : stack_[stack_.size() - 2]; }
    int arc_dep() const { return stack_.back(); }
    // Applies a legal action; `label` is the arc label for LEFT / RIGHT.
    void apply(int a, uint8_t label);

    int s(size_t k) const { return k < stack_.size() ? stack_[stack_.size() - 1 - k] : -1; }
    int b(size_t k = 0) const { int i = b_ + int(k); return i <= int(n_) ? i : -1; }
    size_t stack_size() const { return stack_.size(); }
    const std::vector<int>& stack() const { return stack_; }
    const Node& node(int i) const { return nodes_[size_t(i)]; }
    const std::vector<int32_t>& heads() const { return head_; }    // ROOT = n; -1 = not yet
    const std::vector<uint8_t>& labels() const { return label_; }

private:
    size_t n_ = 0;
    int b_ = 0;
    std::vector<int> stack_;
    std::vector<int32_t> head_;
    std::vector<uint8_t> label_;
    std::vector<Node> nodes_;     // n + 1 (ROOT)
};

// Features for the next action (returns the count, at most kMaxActionFeatures): the three
// parts below, in this order. The first two depend on the buffer front b0 (with b1, b2 after
// it) alone and on s0 alone, so a decoder can cache their weights per token.
size_t action_features(const Input& in, const State& st, uint32_t* out);
size_t action_features_b0(const Input& in, int b0, uint32_t* out);   // 8 features
size_t action_features_s0(const Input& in, int s0, uint32_t* out);   // 3 features
size_t action_features_rest(const Input& in, const State& st, uint32_t* out);
// Features for the label of the arc head -> dep that action `a` is about to add.
size_t label_features(const Input& in, const State& st, int a, uint32_t* out);

// Dynamic-oracle costs (Goldberg & Nivre 2013, arc-hybrid): how many gold arcs each legal
// action makes unreachable. gold_head[i] in 0..n (n = ROOT). Illegal actions get a cost of -1.
void action_costs(const State& st, const int32_t* gold_head, int cost[kNumActions]);

}  // namespace ae::parse
