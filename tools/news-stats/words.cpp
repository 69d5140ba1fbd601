// news-stats words: per word of modern news (lowercase, digits pooled to 0) its count, how it is
// written (lowercase / capitalised / all caps mid-sentence, sentence-initial), and a
// hierarchical word cluster: a bit string whose prefixes name coarser clusters, as Brown
// clusters do.
//
// The clusters maximise the likelihood of a class-bigram model, P(w_i | w_i-1) =
// P(c_i | c_i-1) P(w_i | c_i) (Brown et al. 1992), built top-down: at each level every class is
// split in two by the exchange algorithm (Kneser & Ney 1993, Martin et al. 1998), each word
// moving to whichever of its two children raises the likelihood more, until few move. A level
// costs O(bigram types) per pass, so 36 M words and 100 k word types take minutes where Brown's
// bottom-up merging takes days. Sentence boundaries and words below --min-count (as three
// shapes: capitalised, lowercase, other) are fixed classes that stay in every level's model.
// Deterministic: files in sorted order, words in a fixed order, no threads.
#include "corpus.h"
#include "words.h"

#include "model/word_info.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <unordered_map>

namespace newsstats {
namespace {

using ae::model::WordInfo;

enum Shape : uint32_t { kCap = 0, kLower = 1, kOther = 2 };
constexpr uint32_t kBoundary = 0xFFFFFFFFu;
constexpr int kPseudo = 4;   // fixed classes: boundary, rare capitalised, rare lowercase, rare other

inline double f(int64_t x) { return x > 0 ? double(x) * std::log(double(x)) : 0.0; }

struct Pair { uint32_t left, right; int64_t count; };

}  // namespace

std::string word_key(std::string_view token) {
    char buf[64];
    size_t n = ae::model::normalise_lower(token, buf, sizeof buf);
    std::string k(buf, n);
    for (char& c : k) if (c >= '0' && c <= '9') c = '0';
    return k;
}

int learn_words(const WordsOptions& opt) {
    const std::vector<std::string> files = list_files(opt.corpus);
    // Pass 1: word ids in order of first appearance, counts, case statistics, the token stream
    // (id << 2 | shape, kBoundary between sentences).
    std::unordered_map<std::string, uint32_t> ids;
    std::vector<std::string> words;
    std::vector<WordCounts> counts;
    std::vector<uint32_t> stream;
    stream.reserve(40u << 20);
    WordInfo wi;
    long articles = for_each_sentence(files, [&](const SentenceView& s) {
        bool any_lower = false;
        for (auto t : s.tokens) { ae::model::compute_word_info(t, wi); if (wi.flags & ae::model::kHasLower) { any_lower = true; break; } }
        for (size_t i = 0; i < s.tokens.size(); ++i) {
            std::string k = word_key(s.tokens[i]);
            auto it = ids.find(k);
            uint32_t id;
            if (it == ids.end()) { id = uint32_t(words.size()); ids.emplace(k, id); words.push_back(k); counts.emplace_back(); }
            else id = it->second;
            ae::model::compute_word_info(s.tokens[i], wi);
            WordCounts& c = counts[id];
            ++c.count;
            if (i == 0) ++c.initial;
            else if (any_lower && (wi.flags & ae::model::kHasLetter)) {
                if (wi.flags & ae::model::kAllCaps && wi.length > 1) ++c.all_caps;
                else if (wi.flags & ae::model::kInitCap) ++c.cap_mid;
                else ++c.lower_mid;
            }
            uint32_t shape = (wi.flags & ae::model::kInitCap) ? kCap : (wi.flags & ae::model::kHasLower) ? kLower : kOther;
            stream.push_back(id << 2 | shape);
        }
        stream.push_back(kBoundary);
    });
    if (articles < 0) return 1;
    std::fprintf(stderr, "news-stats: %ld articles, %zu tokens, %zu word types\n", articles, stream.size() - size_t(std::count(stream.begin(), stream.end(), kBoundary)), words.size());

    // The vocabulary: words seen at least min_count times, most frequent first (ties by spelling).
    std::vector<uint32_t> order(words.size());
    for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
        return counts[a].count != counts[b].count ? counts[a].count > counts[b].count : words[a] < words[b];
    });
    std::vector<uint32_t> unit(words.size());   // word id -> vocabulary index, or V + pseudo class
    size_t V = 0;
    while (V < order.size() && counts[order[V]].count >= opt.min_count && V < opt.max_vocab) ++V;
    for (uint32_t i = 0; i < words.size(); ++i) unit[i] = UINT32_MAX;
    for (size_t v = 0; v < V; ++v) unit[order[v]] = uint32_t(v);
    std::fprintf(stderr, "news-stats: %zu words seen at least %llu times are clustered\n", V, (unsigned long long)opt.min_count);

    // Bigram counts over units (vocabulary words and the fixed pseudo classes), as sorted pairs.
    auto unit_of = [&](uint32_t e) -> uint32_t {
        if (e == kBoundary) return uint32_t(V);
        uint32_t u = unit[e >> 2];
        return u != UINT32_MAX ? u : uint32_t(V) + 1 + (e & 3);
    };
    std::vector<uint64_t> keys;
    keys.reserve(stream.size() + 1);
    uint32_t prev = uint32_t(V);
    for (uint32_t e : stream) {
        uint32_t u = unit_of(e);
        if (prev < V || u < V) keys.push_back(uint64_t(prev) << 32 | u);   // pairs of fixed classes change nothing
        prev = u;
    }
    std::vector<uint32_t>().swap(stream);
    std::sort(keys.begin(), keys.end());
    std::vector<Pair> pairs;
    for (size_t i = 0; i < keys.size();) {
        size_t j = i;
        while (j < keys.size() && keys[j] == keys[i]) ++j;
        pairs.push_back(Pair{uint32_t(keys[i] >> 32), uint32_t(keys[i]), int64_t(j - i)});
        i = j;
    }
    std::vector<uint64_t>().swap(keys);
    std::fprintf(stderr, "news-stats: %zu bigram types\n", pairs.size());

    // Per vocabulary word: right and left neighbours (CSR), self-bigram count, marginals.
    const size_t U = V + kPseudo;
    std::vector<uint32_t> r_start(V + 1, 0), l_start(V + 1, 0);
    for (const Pair& p : pairs) {
        if (p.left < V && p.right != p.left) ++r_start[p.left + 1];
        if (p.right < V && p.right != p.left) ++l_start[p.right + 1];
    }
    for (size_t v = 0; v < V; ++v) { r_start[v + 1] += r_start[v]; l_start[v + 1] += l_start[v]; }
    std::vector<uint32_t> r_unit(r_start[V]), l_unit(l_start[V]);
    std::vector<int64_t> r_cnt(r_start[V]), l_cnt(l_start[V]), self(V, 0), row_sum(U, 0), col_sum(U, 0);
    {
        std::vector<uint32_t> rp(r_start.begin(), r_start.end() - 1), lp(l_start.begin(), l_start.end() - 1);
        for (const Pair& p : pairs) {
            row_sum[p.left] += p.count;
            col_sum[p.right] += p.count;
            if (p.left == p.right) { self[p.left] = p.count; continue; }
            if (p.left < V) { r_unit[rp[p.left]] = p.right; r_cnt[rp[p.left]++] = p.count; }
            if (p.right < V) { l_unit[lp[p.right]] = p.left; l_cnt[lp[p.right]++] = p.count; }
        }
    }

    // Top-down: level k has 2^k classes; class ids of the fixed units follow the word classes.
    std::vector<uint32_t> cls(V, 0);
    std::vector<int64_t> M, R, C;
    std::vector<int64_t> r_acc, l_acc;
    std::vector<uint32_t> touched_r, touched_l;
    for (size_t level = 1; level <= opt.depth; ++level) {
        const uint32_t K = 1u << level, KU = K + kPseudo;
        // Children: alternate by frequency rank within each parent.
        {
            std::vector<uint32_t> rank_in_parent(K / 2, 0);
            for (size_t v = 0; v < V; ++v) { uint32_t p = cls[v]; cls[v] = 2 * p + (rank_in_parent[p]++ & 1); }
        }
        auto class_of = [&](uint32_t u) -> uint32_t { return u < V ? cls[u] : K + (u - uint32_t(V)); };
        M.assign(size_t(KU) * KU, 0);
        R.assign(KU, 0);
        C.assign(KU, 0);
        for (const Pair& p : pairs) M[size_t(class_of(p.left)) * KU + class_of(p.right)] += p.count;
        for (size_t u = 0; u < U; ++u) { R[class_of(uint32_t(u))] += row_sum[u]; C[class_of(uint32_t(u))] += col_sum[u]; }
        r_acc.assign(KU, 0);
        l_acc.assign(KU, 0);
        size_t moves = 0;
        for (size_t pass = 1; pass <= opt.passes; ++pass) {
            moves = 0;
            for (size_t w = 0; w < V; ++w) {
                const uint32_t a = cls[w], b = a ^ 1u;
                // w's neighbours by class.
                touched_r.clear(); touched_l.clear();
                for (uint32_t k = r_start[w]; k < r_start[w + 1]; ++k) {
                    uint32_t d = class_of(r_unit[k]);
                    if (!r_acc[d]) touched_r.push_back(d);
                    r_acc[d] += r_cnt[k];
                }
                for (uint32_t k = l_start[w]; k < l_start[w + 1]; ++k) {
                    uint32_t c = class_of(l_unit[k]);
                    if (!l_acc[c]) touched_l.push_back(c);
                    l_acc[c] += l_cnt[k];
                }
                const int64_t rw = row_sum[w], lw = col_sum[w], sw = self[w];
                // Take w out of a.
                for (uint32_t d : touched_r) M[size_t(a) * KU + d] -= r_acc[d];
                for (uint32_t c : touched_l) M[size_t(c) * KU + a] -= l_acc[c];
                M[size_t(a) * KU + a] -= sw;
                R[a] -= rw; C[a] -= lw;
                // Gain of putting it into x.
                auto gain = [&](uint32_t x) {
                    double g = 0;
                    for (uint32_t d : touched_r) if (d != x) { int64_t m = M[size_t(x) * KU + d]; g += f(m + r_acc[d]) - f(m); }
                    for (uint32_t c : touched_l) if (c != x) { int64_t m = M[size_t(c) * KU + x]; g += f(m + l_acc[c]) - f(m); }
                    int64_t mxx = M[size_t(x) * KU + x];
                    g += f(mxx + r_acc[x] + l_acc[x] + sw) - f(mxx);
                    g -= f(R[x] + rw) - f(R[x]);
                    g -= f(C[x] + lw) - f(C[x]);
                    return g;
                };
                const uint32_t to = gain(b) > gain(a) + 1e-9 ? b : a;
                for (uint32_t d : touched_r) M[size_t(to) * KU + d] += r_acc[d];
                for (uint32_t c : touched_l) M[size_t(c) * KU + to] += l_acc[c];
                M[size_t(to) * KU + to] += sw;
                R[to] += rw; C[to] += lw;
                if (to != a) { cls[w] = to; ++moves; }
                for (uint32_t d : touched_r) r_acc[d] = 0;
                for (uint32_t c : touched_l) l_acc[c] = 0;
            }
            if (moves * 1000 < V) break;
        }
        // The class-bigram log-likelihood (up to constants) after this level.
        double ll = 0;
        for (int64_t m : M) ll += f(m);
        for (uint32_t c = 0; c < KU; ++c) ll -= f(R[c]) + f(C[c]);
        std::fprintf(stderr, "news-stats: level %2zu  %5u classes  last pass moved %zu words  log-likelihood %.6g\n", level, K, moves, ll);
    }

    std::ofstream out(opt.out);
    out << "# word\tcluster\tcount\tlowercase_mid\tcapitalised_mid\tall_caps_mid\tsentence_initial\n";
    for (size_t v = 0; v < V; ++v) {
        std::string bits(opt.depth, '0');
        for (size_t k = 0; k < opt.depth; ++k) if (cls[v] >> (opt.depth - 1 - k) & 1) bits[k] = '1';
        const WordCounts& c = counts[order[v]];
        out << words[order[v]] << '\t' << bits << '\t' << c.count << '\t' << c.lower_mid << '\t' << c.cap_mid << '\t'
            << c.all_caps << '\t' << c.initial << '\n';
    }
    if (!out) { std::fprintf(stderr, "news-stats: cannot write %s\n", opt.out.c_str()); return 1; }
    std::fprintf(stderr, "news-stats: wrote %zu words to %s\n", V, opt.out.c_str());
    return 0;
}

}  // namespace newsstats
