#include "conll.h"

#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace trainer {

static std::vector<std::string> split_ws(const std::string& line, char sep = 0) {
    std::vector<std::string> out;
    if (sep) {
        size_t s = 0;
        for (;;) {
            size_t e = line.find(sep, s);
            out.push_back(line.substr(s, e == std::string::npos ? std::string::npos : e - s));
            if (e == std::string::npos) break;
            s = e + 1;
        }
        return out;
    }
    std::istringstream is(line);
    std::string w;
    while (is >> w) out.push_back(w);
    return out;
}

std::vector<Document> read_conllu(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::vector<Document> docs(1);
    Sentence cur;
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty()) {
            if (!cur.tokens.empty()) docs.back().sentences.push_back(std::move(cur));
            cur = Sentence{};
            continue;
        }
        if (line[0] == '#') {
            if (line.rfind("# newdoc", 0) == 0 && !docs.back().sentences.empty()) docs.emplace_back();
            continue;
        }
        auto cols = split_ws(line, '\t');
        if (cols.size() < 5) continue;
        if (cols[0].find_first_of("-.") != std::string::npos) continue;
        cur.tokens.push_back(cols[1]);
        cur.tags.push_back(cols[4]);
    }
    if (!cur.tokens.empty()) docs.back().sentences.push_back(std::move(cur));
    return docs;
}

std::vector<Document> read_conll2003(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::vector<Document> docs;
    Sentence cur;
    std::string line;
    auto flush = [&] {
        if (cur.tokens.empty()) return;
        if (docs.empty()) docs.emplace_back();
        docs.back().sentences.push_back(std::move(cur));
        cur = Sentence{};
    };
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        auto cols = split_ws(line);
        if (cols.empty()) { flush(); continue; }
        if (cols[0] == "-DOCSTART-") { flush(); docs.emplace_back(); continue; }
        cur.tokens.push_back(cols[0]);
        cur.tags.push_back(cols.back());
    }
    flush();
    std::vector<Document> out;
    for (auto& d : docs) if (!d.sentences.empty()) out.push_back(std::move(d));
    return out;
}

std::vector<Chunk> chunks(const std::vector<std::string>& tags) {
    std::vector<Chunk> out;
    std::string type;   // open chunk type ("" = none)
    size_t begin = 0;
    for (size_t i = 0; i <= tags.size(); ++i) {
        std::string t = i < tags.size() ? tags[i] : "O";
        char p = t.size() >= 2 && t[1] == '-' ? t[0] : 'O';
        std::string ty = p == 'O' ? "" : t.substr(2);
        bool starts = p == 'B' || p == 'S' || p == 'U' || (p != 'O' && ty != type);
        bool ends = !type.empty() && (p == 'O' || starts);
        if (ends) { out.push_back(Chunk{begin, i, type}); type.clear(); }
        if (starts) { type = ty; begin = i; }
        if (p == 'E' || p == 'L') { out.push_back(Chunk{begin, i + 1, type}); type.clear(); }
    }
    return out;
}

void Score::add(const std::vector<std::string>& gold, const std::vector<std::string>& pred) {
    auto g = chunks(gold), p = chunks(pred);
    for (auto& c : g) { ++by_type[c.type].gold; ++all.gold; }
    for (auto& c : p) { ++by_type[c.type].pred; ++all.pred; }
    size_t i = 0, j = 0;
    while (i < g.size() && j < p.size()) {
        if (g[i].begin == p[j].begin && g[i].end == p[j].end && g[i].type == p[j].type) {
            ++by_type[g[i].type].correct; ++all.correct; ++i; ++j;
        } else if (g[i] < p[j]) ++i; else ++j;
    }
    // Token accuracy on the IOB2 rendering of both sides (IOB1 gold would differ on B- vs I-).
    auto iob2 = [](const std::vector<Chunk>& cs, size_t n) {
        std::vector<std::string> t(n, "O");
        for (auto& c : cs) for (size_t i = c.begin; i < c.end && i < n; ++i) t[i] = (i == c.begin ? "B-" : "I-") + c.type;
        return t;
    };
    auto g2 = iob2(g, gold.size()), p2 = iob2(p, pred.size());
    for (size_t k = 0; k < g2.size() && k < p2.size(); ++k) { ++tokens; tokens_correct += g2[k] == p2[k]; }
}

double Score::f1(const Counts& c) {
    double p = c.pred ? double(c.correct) / double(c.pred) : 0, r = c.gold ? double(c.correct) / double(c.gold) : 0;
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

std::string Score::report() const {
    char buf[256];
    std::string s;
    auto line = [&](const std::string& name, const Counts& c) {
        double p = c.pred ? 100.0 * double(c.correct) / double(c.pred) : 0;
        double r = c.gold ? 100.0 * double(c.correct) / double(c.gold) : 0;
        std::snprintf(buf, sizeof buf, "%-8s precision %6.2f%%  recall %6.2f%%  F1 %6.2f  (gold %zu, predicted %zu, correct %zu)\n",
                      name.c_str(), p, r, 100 * f1(c), c.gold, c.pred, c.correct);
        s += buf;
    };
    std::snprintf(buf, sizeof buf, "tokens %zu, token accuracy %.2f%%\n", tokens, tokens ? 100.0 * double(tokens_correct) / double(tokens) : 0.0);
    s += buf;
    line("overall", all);
    for (auto& [t, c] : by_type) line(t, c);
    return s;
}

}  // namespace trainer
