#include "parse/state.h"

namespace ae::parse {

void State::init(size_t n) {
    n_ = n;
    b_ = 0;
    stack_.clear();
    stack_.reserve(n + 1);
    head_.assign(n, -1);
    label_.assign(n, 0);
    nodes_.assign(n + 1, Node{});
}

void State::apply(int a, uint8_t label) {
    if (a == kShift) { stack_.push_back(b_++); return; }
    const int d = stack_.back();
    stack_.pop_back();
    const int h = a == kLeft ? b_ : stack_.back();
    head_[size_t(d)] = h;
    label_[size_t(d)] = label;
    Node& hn = nodes_[size_t(h)];
    const uint64_t bit = uint64_t(1) << (label & 63);
    if (d < h) {   // new left child is always the leftmost so far
        hn.l2 = hn.l1; hn.l1 = d; if (hn.nl < 255) ++hn.nl; hn.lset |= bit;
    } else {       // new right child is always the rightmost so far
        hn.r2 = hn.r1; hn.r1 = d; if (hn.nr < 255) ++hn.nr; hn.rset |= bit;
    }
}

namespace {

constexpr uint64_t kNone = 0x6E6F6E655F5F5F31ULL, kRoot = 0x726F6F745F5F5F32ULL;

struct View {
    const Input& in;
    const State& st;
    uint64_t w(int i) const { return i < 0 ? kNone : size_t(i) < in.n ? in.word[i] : kRoot; }
    uint64_t p(int i) const { return i < 0 ? kNone : size_t(i) < in.n ? in.pos[i] : kRoot; }
    uint64_t l(int i) const { return i < 0 || size_t(i) >= in.n ? 255 : st.labels()[size_t(i)]; }
    uint64_t suf(int i) const { return i < 0 ? kNone : size_t(i) < in.n ? in.suf[i] : kRoot; }
    uint64_t shp(int i) const { return i < 0 ? 250 : size_t(i) < in.n ? in.shape[i] : 251; }
    const Node* node(int i) const { static const Node none; return i < 0 ? &none : &st.node(i); }
};

inline uint64_t dist_bucket(int a, int b) {
    if (a < 0 || b < 0) return 99;
    int d = b > a ? b - a : a - b;
    return d <= 4 ? uint64_t(d) : d <= 7 ? 5 : d <= 11 ? 6 : d <= 20 ? 7 : 8;
}

}  // namespace

// Feature set 3: the 31 action and 13 label templates left by backward elimination from set 2's
// 108 + 38 (drop-one ablations on UD EWT dev, then retraining). At the same 1.1 MB budget it
// parses better than set 2 (fewer templates keep more of their rows) at a third of the lookups.
size_t action_features(const Input& in, const State& st, uint32_t* out) {
    const View v{in, st};
    const int s0 = st.s(0), s1 = st.s(1), s2 = st.s(2);
    const int b0 = st.b(0), b1 = st.b(1), b2 = st.b(2);
    const Node &S0 = *v.node(s0), &S1 = *v.node(s1), &B0 = *v.node(b0);
    const uint64_t s0p = v.p(s0), s1p = v.p(s1), s2p = v.p(s2), b0w = v.w(b0), b0p = v.p(b0), b1p = v.p(b1);
    const uint64_t s0wp = v.w(s0) ^ (s0p * 31), b1wp = v.w(b1) ^ (b1p * 31);
    const int b0l = B0.l1;
    const uint64_t b0lp = v.p(b0l), b0ll = v.l(b0l);
    size_t k = 0;
    uint32_t t = 0;
    auto F1 = [&](uint64_t a) { out[k++] = fkey(fh(++t, a)); };
    auto F2 = [&](uint64_t a, uint64_t b) { out[k++] = fkey(fh(++t, a, b)); };
    auto F3 = [&](uint64_t a, uint64_t b, uint64_t c) { out[k++] = fkey(fh(++t, a, b, c)); };
    F1(0);
    // the stack and buffer words
    F1(s0p); F1(b0p); F1(b1p); F1(b1wp); F1(s2p); F2(s0wp, b0p); F2(b0p, b1p);
    // POS triples
    F3(b0p, b1p, v.p(b2)); F3(s0p, b0p, b1p); F3(s0p, b0p, b0lp); F3(s1p, s0p, v.p(S0.l1));
    F3(s1p, v.p(S1.l1), s0p); F3(s1p, s0p, b1p);
    // distance and valency
    F2(b0w, dist_bucket(s0, b0)); F2(b0w, B0.nl); F2(b0p, B0.nl);
    // children and their labels
    F1(v.l(S0.r1)); F1(v.w(b0l)); F1(b0ll); F1(v.l(S1.l1)); F1(v.p(B0.l2));
    F2(b0w, B0.lset); F2(s1p, S1.rset); F3(b0p, b0ll, s0p);
    // suffixes and shapes (robustness to tagging errors)
    const uint64_t s0s = v.suf(s0);
    F1(s0s); F1(v.suf(b1)); F2(s1p, s0s); F3(v.shp(s0), v.shp(b0), v.shp(s1)); F2(b0p, v.shp(b0));
    F2(s0p, v.shp(s0));
    return k;
}

size_t label_features(const Input& in, const State& st, int a, uint32_t* out) {
    const View v{in, st};
    const int d = st.arc_dep(), h = st.arc_head(a);
    const Node &D = *v.node(d), &H = *v.node(h);
    const uint64_t dir = uint64_t(a);
    const uint64_t dw = v.w(d), dp = v.p(d), hp = v.p(h);
    // the head's nearest child on the dependent's side, attached before it
    const int sib = a == kLeft ? H.l1 : H.r1;
    const int nd = d + 1 < int(in.n) ? d + 1 : -1;
    size_t k = 0;
    uint32_t t = 200;
    auto F1 = [&](uint64_t x) { out[k++] = fkey(fh(++t, x, dir)); };
    auto F2 = [&](uint64_t x, uint64_t y) { out[k++] = fkey(fh(++t, x, y, dir)); };
    auto F3 = [&](uint64_t x, uint64_t y, uint64_t z) { out[k++] = fkey(fh(++t, fh(1, x, y), z, dir)); };
    F1(0);
    F1(dw); F1(dp); F1(dw ^ (dp * 31)); F1(v.w(h));
    F2(dp, D.lset); F2(dp, v.l(D.l1)); F3(v.w(D.l1), v.l(D.l1), hp);
    F2(hp, H.lset); F2(hp, H.rset); F3(v.l(sib), v.w(sib), dp);
    F3(dp, v.p(nd), hp); F3(hp, v.p(h + 1 <= int(in.n) ? h + 1 : -1), dp);
    return k;
}

void action_costs(const State& st, const int32_t* gh, int cost[kNumActions]) {
    const int n = int(st.size());
    const int b = st.b(0) < 0 ? n : st.b(0);
    const auto& stack = st.stack();
    const int s0 = st.s(0), s1 = st.s(1);
    // gold dependents of x in the buffer (b..n-1; ROOT has no head)
    auto deps_in_buffer = [&](int x) {
        int c = 0;
        for (int i = b; i < n; ++i) c += gh[i] == x;
        return c;
    };
    cost[kShift] = cost[kLeft] = cost[kRight] = -1;
    if (st.can_shift()) {
        // b0 loses heads in the stack below s0 and dependents anywhere in the stack
        int c = 0;
        for (size_t k = 0; k < stack.size(); ++k) {
            int x = stack[k];
            c += gh[x] == b;
            if (x == gh[b] && k + 1 < stack.size()) ++c;
        }
        cost[kShift] = c;
    }
    if (st.can_left()) {
        int c = deps_in_buffer(s0);
        if (gh[s0] != b && (gh[s0] == s1 || gh[s0] > b)) ++c;
        cost[kLeft] = c;
    }
    if (st.can_right()) {
        int c = deps_in_buffer(s0);
        if (gh[s0] != s1 && gh[s0] >= b) ++c;
        cost[kRight] = c;
    }
}

}  // namespace ae::parse
