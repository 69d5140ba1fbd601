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
constexpr size_t kMaxActionFeatures = 48;
constexpr size_t kMaxLabelFeatures = 24;
// Bump when templates change: a model trained for another feature set is refused.
constexpr uint32_t kFeatureSet = 6;

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
    const uint32_t* cl = nullptr;   // word-cluster path of each word (leading 1 bit; 0 = none), or null
};

// The first `bits` bits of a cluster path with its leading 1 bit (0 stays 0: no cluster).
inline uint32_t cluster_prefix(uint32_t path, int bits) {
    if (path == 0) return 0;
    const int len = 31 - __builtin_clz(path);
    return len <= bits ? path : path >> (len - bits);
}

struct Node {
    int32_t l1 = -1, l2 = -1, r1 = -1, r2 = -1;   // leftmost / 2nd leftmost / rightmost / 2nd rightmost child
    uint8_t nl = 0, nr = 0;                       // number of left / right children
    uint8_t ll1 = 255, lr1 = 255;                 // labels of l1 / r1 (255 = none)
    uint64_t lset = 0, rset = 0;                  // bit sets of the labels of left / right children
};

// Records the arc h -> d (label) in the head's node. In arc-hybrid a new left child is always
// the leftmost so far and a new right child the rightmost.
inline void add_child(Node& hn, int d, int h, uint8_t label) {
    const uint64_t bit = uint64_t(1) << (label & 63);
    if (d < h) {
        hn.l2 = hn.l1; hn.l1 = d; hn.ll1 = label; if (hn.nl < 255) ++hn.nl; hn.lset |= bit;
    } else {
        hn.r2 = hn.r1; hn.r1 = d; hn.lr1 = label; if (hn.nr < 255) ++hn.nr; hn.rset |= bit;
    }
}

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
    // The nodes the features read: stack item k (k < 2) and the buffer front.
    const Node& snode(size_t k) const { static const Node none; return k < stack_.size() ? nodes_[size_t(stack_[stack_.size() - 1 - k])] : none; }
    const Node& bnode() const { return nodes_[size_t(b_)]; }
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

// Beam search (Zhang & Clark 2008): the configurations of a beam share their stacks. A stack is
// a linked list of cells in an arena that only grows (by at most the beam width per step), so
// an item is a few words and the memory stays linear in the sentence length; an item's
// transitions are a linked list of steps, replayed into a State at the end.
struct BeamCell { int32_t word, below; Node node; };
struct BeamStep { int32_t prev; uint8_t act, label; };
struct BeamItem {
    int32_t top = -1, depth = 0, b = 0, hist = -1;   // stack top cell, stack depth, buffer front, last step
    Node bnode;                                      // the buffer front's node (its left children)
    float score = 0;
    bool zero = true;                                // training: every transition so far had zero cost
};
struct BeamArena {
    size_t n = 0;
    std::vector<BeamCell> cells;
    std::vector<BeamStep> steps;
    void init(size_t words) { n = words; cells.clear(); steps.clear(); }
    // The item after a legal action from `from` (label: that of the arc LEFT / RIGHT adds).
    BeamItem apply(const BeamItem& from, int a, uint8_t label);
    // The transitions of an item, first to last.
    void history(const BeamItem& it, std::vector<BeamStep>& out) const;
    // Its stack, bottom first (for the oracle's costs).
    void stack(const BeamItem& it, std::vector<int>& out) const;
};
// A beam item seen as a configuration by the feature templates (as a State is).
struct BeamConfig {
    const BeamArena& A;
    const BeamItem& it;
    size_t size() const { return A.n; }
    int s(size_t k) const {
        int c = it.top;
        for (size_t j = 0; j < k && c >= 0; ++j) c = A.cells[size_t(c)].below;
        return c < 0 ? -1 : A.cells[size_t(c)].word;
    }
    int b(size_t k = 0) const { int i = it.b + int(k); return i <= int(A.n) ? i : -1; }
    const Node& snode(size_t k) const {
        static const Node none;
        int c = it.top;
        for (size_t j = 0; j < k && c >= 0; ++j) c = A.cells[size_t(c)].below;
        return c < 0 ? none : A.cells[size_t(c)].node;
    }
    const Node& bnode() const { return it.bnode; }
    bool terminal() const { return it.depth == 0 && it.b >= int(A.n); }
    bool legal(int a) const {
        return a == kShift ? it.b < int(A.n) : a == kLeft ? it.depth > 0 && (it.b < int(A.n) || it.depth == 1) : it.depth >= 2;
    }
    int arc_dep() const { return s(0); }
    int arc_head(int a) const { return a == kLeft ? it.b : s(1); }
};

// Features for the next action (returns the count, at most kMaxActionFeatures): the three
// parts below, in this order. The first two depend on the buffer front b0 (with b1, b2 after
// it) alone and on s0 alone, so a decoder can cache their weights per token. C is State or
// BeamConfig.
template <class C> size_t action_features(const Input& in, const C& st, uint32_t* out);
size_t action_features_b0(const Input& in, int b0, uint32_t* out);   // 14 features
size_t action_features_s0(const Input& in, int s0, uint32_t* out);   // 6 features
// With singles = false, the rest without its six templates that read one token or one label
// (below): a greedy decoder keeps their weights per token and per label value instead.
template <class C> size_t action_features_rest(const Input& in, const C& st, uint32_t* out, bool singles = true);
uint32_t key_s2_tag(const Input& in, int s2);          // s2's tag
uint32_t key_b0_l1_word(const Input& in, int b0l1);    // the word of b0's leftmost child
uint32_t key_b0_l2_tag(const Input& in, int b0l2);     // the tag of b0's second leftmost child
uint32_t key_s0_r1_label(uint8_t label);               // the label of s0's rightmost child
uint32_t key_b0_l1_label(uint8_t label);               // the label of b0's leftmost child
uint32_t key_s1_l1_label(uint8_t label);               // the label of s1's leftmost child
// Features for the label of the arc head -> dep that action `a` is about to add.
template <class C> size_t label_features(const Input& in, const C& st, int a, uint32_t* out);

// Dynamic-oracle costs (Goldberg & Nivre 2013, arc-hybrid): how many gold arcs each legal
// action makes unreachable. gold_head[i] in 0..n (n = ROOT). Illegal actions get a cost of -1.
void action_costs(const State& st, const int32_t* gold_head, int cost[kNumActions]);
// The same from a configuration given as its stack (bottom first), buffer front b and length n.
void action_costs(const int* stack, size_t depth, int b, int n, const int32_t* gold_head, int cost[kNumActions]);

}  // namespace ae::parse
