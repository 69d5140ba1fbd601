// Word clusters from unlabelled text, Brown-style output (`bitstring <TAB> word <TAB> count`):
// each frequent word gets a distributional vector (PPMI of its +-2 neighbours among the most
// frequent words, randomly projected to 512 dimensions and normalised), and the words are split
// by recursive 2-means into a binary tree; a word's path from the root is its bit string, so
// prefixes name coarser clusters. Deterministic for a given seed and file list.
#include "clusters.h"

#include "model/hash.h"
#include "model/word_info.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <dirent.h>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unordered_map>

namespace trainer {
namespace {

void list_files(const std::string& path, std::vector<std::string>& out) {
    struct stat st;
    if (stat(path.c_str(), &st) != 0) return;
    if (S_ISREG(st.st_mode)) { out.push_back(path); return; }
    if (!S_ISDIR(st.st_mode)) return;
    DIR* d = opendir(path.c_str());
    if (!d) return;
    std::vector<std::string> names;
    while (dirent* e = readdir(d)) {
        std::string n = e->d_name;
        if (n == "." || n == "..") continue;
        names.push_back(n);
    }
    closedir(d);
    std::sort(names.begin(), names.end());
    for (auto& n : names) list_files(path + "/" + n, out);
}

bool is_open(unsigned char c) { return c == '"' || c == '(' || c == '[' || c == '{' || c == '\'' || c == '`'; }
bool is_close(unsigned char c) { return c == '"' || c == ')' || c == ']' || c == '}' || c == '\'' || c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?'; }

// A rough PTB-like tokenisation of raw text, enough for distributional statistics.
void tokenize_line(const std::string& line, std::vector<std::string>& out) {
    std::istringstream is(line);
    std::string w;
    while (is >> w) {
        // Curly quotes to ASCII first so the punctuation rules see them.
        std::string s;
        for (size_t i = 0; i < w.size(); ++i) {
            unsigned char c = (unsigned char)w[i];
            if (c == 0xE2 && i + 2 < w.size() && (unsigned char)w[i + 1] == 0x80) {
                unsigned char d = (unsigned char)w[i + 2];
                if (d == 0x9C || d == 0x9D) { s += '"'; i += 2; continue; }
                if (d == 0x98 || d == 0x99) { s += '\''; i += 2; continue; }
            }
            s += char(c);
        }
        size_t b = 0, e = s.size();
        std::vector<std::string> tail;
        while (b < e && is_open((unsigned char)s[b])) out.push_back(std::string(1, s[b++]));
        while (e > b && is_close((unsigned char)s[e - 1])) {
            // keep abbreviation periods (U.S.) when another period is inside
            if (s[e - 1] == '.' && s.find('.', b) < e - 1 && e - b <= 6) break;
            tail.push_back(std::string(1, s[--e]));
        }
        std::string core = s.substr(b, e - b);
        if (core.size() > 2 && (core.compare(core.size() - 2, 2, "'s") == 0 || core.compare(core.size() - 2, 2, "'S") == 0)) {
            out.push_back(core.substr(0, core.size() - 2));
            out.push_back("'s");
        } else if (core.size() > 3 && core.compare(core.size() - 3, 3, "n't") == 0) {
            out.push_back(core.substr(0, core.size() - 3));
            out.push_back("n't");
        } else if (!core.empty()) {
            out.push_back(core);
        }
        for (size_t k = tail.size(); k-- > 0;) out.push_back(tail[k]);
    }
}

}  // namespace

int build_clusters(const ClusterOptions& opt) {
    std::vector<std::string> files;
    for (auto& p : opt.inputs) list_files(p, files);
    // Pass 1: read every sentence-ish line into a token-id stream.
    std::unordered_map<std::string, uint32_t> ids;
    std::vector<std::string> words;
    std::vector<uint64_t> counts;
    std::vector<uint32_t> stream;   // UINT32_MAX = line break
    char buf[80];
    auto add = [&](const std::string& tok) {
        size_t n = ae::model::normalise_lower(tok, buf, sizeof buf);
        std::string key(buf, n);
        for (char& c : key) if (c >= '0' && c <= '9') c = '0';   // digits pooled
        auto it = ids.find(key);
        uint32_t id;
        if (it == ids.end()) { id = uint32_t(words.size()); ids.emplace(key, id); words.push_back(key); counts.push_back(0); }
        else id = it->second;
        ++counts[id];
        stream.push_back(id);
    };
    std::vector<std::string> toks;
    for (auto& f : files) {
        std::ifstream in(f, std::ios::binary);
        std::string line;
        bool conll = f.find("conll") != std::string::npos || (f.size() > 7 && f.compare(f.size() - 7, 7, ".conllu") == 0);
        while (std::getline(in, line)) {
            if (conll) {
                // CoNLL / CoNLL-U: first or second column is the token; blank line = sentence end.
                if (line.empty()) { stream.push_back(UINT32_MAX); continue; }
                if (line[0] == '#' || line.rfind("-DOCSTART-", 0) == 0) continue;
                std::istringstream ls(line);
                std::string a, b;
                ls >> a >> b;
                if (line.find('\t') != std::string::npos) { if (a.find_first_of("-.") == std::string::npos) add(b); }
                else add(a);
                continue;
            }
            toks.clear();
            tokenize_line(line, toks);
            for (auto& t : toks) add(t);
            stream.push_back(UINT32_MAX);
        }
    }
    std::printf("clusters: %zu files, %zu tokens, %zu types\n", files.size(), stream.size(), words.size());
    // Vocabulary and context words by frequency (ties by spelling, for determinism).
    std::vector<uint32_t> order(words.size());
    for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
        return counts[a] != counts[b] ? counts[a] > counts[b] : words[a] < words[b];
    });
    std::vector<int32_t> vid(words.size(), -1), cid(words.size(), -1);
    std::vector<uint32_t> vocab;
    for (uint32_t w : order) {
        if (counts[w] < opt.min_count || vocab.size() >= opt.max_words) break;
        vid[w] = int32_t(vocab.size());
        vocab.push_back(w);
    }
    for (size_t i = 0; i < order.size() && i < opt.contexts; ++i) cid[order[i]] = int32_t(i);
    const size_t V = vocab.size(), C = std::min<size_t>(opt.contexts, order.size()), S = 4;
    std::vector<std::unordered_map<uint32_t, float>> co(V);
    std::vector<double> ctx_total(C * S, 0.0);
    double total = 0;
    for (size_t i = 0; i < stream.size(); ++i) {
        uint32_t w = stream[i];
        if (w == UINT32_MAX || vid[w] < 0) continue;
        const int offs[4] = {-2, -1, 1, 2};
        for (size_t s = 0; s < S; ++s) {
            long j = long(i) + offs[s];
            // Stop at line breaks between i and j.
            bool ok = j >= 0 && size_t(j) < stream.size();
            for (long k = std::min<long>(long(i), j); ok && k <= std::max<long>(long(i), j); ++k) if (stream[size_t(k)] == UINT32_MAX) ok = false;
            uint32_t c = ok ? stream[size_t(j)] : UINT32_MAX;
            int32_t ci = c == UINT32_MAX ? -1 : cid[c];
            if (ci < 0) continue;
            uint32_t key = uint32_t(s * C + size_t(ci));
            co[size_t(vid[w])][key] += 1.0f;
            ctx_total[key] += 1.0;
            total += 1.0;
        }
    }
    // PPMI, random projection, normalisation.
    const size_t D = opt.dims;
    std::vector<float> vec(V * D, 0.0f);
    std::vector<float> proj(C * S * D);
    for (size_t k = 0; k < C * S; ++k)
        for (size_t d = 0; d < D; ++d)
            proj[k * D + d] = (ae::model::mix64(opt.seed * 0x9E3779B97F4A7C15ULL + k * 1315423911ULL + d) & 1) ? 1.0f : -1.0f;
    for (size_t v = 0; v < V; ++v) {
        double wt = 0;
        for (auto& [k, c] : co[v]) wt += c;
        // Iterate in key order for bit-identical float sums.
        std::vector<std::pair<uint32_t, float>> items(co[v].begin(), co[v].end());
        std::sort(items.begin(), items.end());
        float* out = vec.data() + v * D;
        for (auto& [k, c] : items) {
            double pmi = std::log(double(c) * total / (wt * ctx_total[k]));
            if (pmi <= 0) continue;
            for (size_t d = 0; d < D; ++d) out[d] += float(pmi) * proj[size_t(k) * D + d];
        }
        double n = 0;
        for (size_t d = 0; d < D; ++d) n += double(out[d]) * out[d];
        n = std::sqrt(n);
        if (n > 0) for (size_t d = 0; d < D; ++d) out[d] = float(out[d] / n);
    }
    // Recursive 2-means.
    std::vector<std::string> path(V);
    struct Node { std::vector<uint32_t> items; std::string bits; };
    std::vector<Node> stack;
    Node root; root.items.resize(V);
    for (uint32_t i = 0; i < V; ++i) root.items[i] = i;
    stack.push_back(std::move(root));
    auto dot = [&](const float* a, const float* b) { double s = 0; for (size_t d = 0; d < D; ++d) s += double(a[d]) * b[d]; return s; };
    size_t leaves = 0;
    while (!stack.empty()) {
        Node nd = std::move(stack.back());
        stack.pop_back();
        if (nd.bits.size() >= opt.depth || nd.items.size() < 2 * opt.min_leaf) {
            for (uint32_t i : nd.items) path[i] = nd.bits;
            ++leaves;
            continue;
        }
        // Seeds: the point farthest from the first, then the one farthest from that.
        auto farthest = [&](const float* from) {
            uint32_t best = nd.items[0]; double bd = 2;
            for (uint32_t i : nd.items) { double s = dot(from, vec.data() + size_t(i) * D); if (s < bd) { bd = s; best = i; } }
            return best;
        };
        uint32_t a = farthest(vec.data() + size_t(nd.items[0]) * D);
        uint32_t b = farthest(vec.data() + size_t(a) * D);
        std::vector<float> ca(vec.begin() + long(size_t(a) * D), vec.begin() + long(size_t(a) * D + D));
        std::vector<float> cb(vec.begin() + long(size_t(b) * D), vec.begin() + long(size_t(b) * D + D));
        std::vector<uint8_t> side(nd.items.size(), 0);
        for (int it = 0; it < 10; ++it) {
            std::vector<double> sa(D, 0), sb(D, 0);
            size_t na = 0, nb = 0;
            for (size_t k = 0; k < nd.items.size(); ++k) {
                const float* x = vec.data() + size_t(nd.items[k]) * D;
                side[k] = dot(x, cb.data()) > dot(x, ca.data());
                auto& s = side[k] ? sb : sa;
                for (size_t d = 0; d < D; ++d) s[d] += x[d];
                (side[k] ? nb : na)++;
            }
            if (!na || !nb) break;
            for (size_t d = 0; d < D; ++d) { ca[d] = float(sa[d] / double(na)); cb[d] = float(sb[d] / double(nb)); }
        }
        Node l, r;
        l.bits = nd.bits + "0"; r.bits = nd.bits + "1";
        for (size_t k = 0; k < nd.items.size(); ++k) (side[k] ? r : l).items.push_back(nd.items[k]);
        if (l.items.empty() || r.items.empty()) { for (uint32_t i : nd.items) path[i] = nd.bits; ++leaves; continue; }
        stack.push_back(std::move(r));
        stack.push_back(std::move(l));
    }
    std::ofstream out(opt.out);
    for (size_t v = 0; v < V; ++v) out << (path[v].empty() ? "0" : path[v]) << '\t' << words[vocab[v]] << '\t' << counts[vocab[v]] << '\n';
    std::printf("clusters: %zu words in %zu leaves -> %s\n", V, leaves, opt.out.c_str());
    return out ? 0 : 1;
}

}  // namespace trainer
