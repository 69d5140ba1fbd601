// news-stats: statistics of unlabelled modern news for the entity tagger (see README.md).
//
//   news-stats words --corpus PATH[,PATH...] --out words.tsv [--min-count 10] [--depth 12] [--passes 10]
//       word clusters (bit strings) and case statistics per word
//   news-stats gazetteers --lists CAT:FILE[,CAT:FILE...] --corpus PATH[,PATH...] --out gaz.tsv
//                         [--min-count 3] [--min-share 0.5]
//       name lists cleaned, kept where the corpus writes them as names
#include "gazetteers.h"
#include "words.h"

#include <cstdio>
#include <cstring>
#include <map>
#include <sstream>
#include <string>

namespace {

const char* const kUsage =
    "usage: news-stats words --corpus PATH[,PATH...] --out FILE [--min-count 10] [--max-vocab 200000]\n"
    "                        [--depth 12] [--passes 10]\n"
    "       news-stats gazetteers --lists CAT:FILE[,CAT:FILE...] --corpus PATH[,PATH...] --out FILE\n"
    "                        [--min-count 3] [--min-share 0.5]\n"
    "PATH: a .jsonl(.gz) file of {\"text\": ...} articles, a text file (one article), or a folder of them.\n"
    "Details: tools/news-stats/README.md\n";

std::vector<std::string> split_commas(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    for (std::string p; std::getline(in, p, ',');) if (!p.empty()) out.push_back(p);
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc >= 2 && (std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0)) { std::fputs(kUsage, stdout); return 0; }
    if (argc < 2) { std::fputs(kUsage, stderr); return 2; }
    std::map<std::string, std::string> kv;
    for (int i = 2; i < argc; ++i) {
        std::string s = argv[i];
        if (s.rfind("--", 0) != 0 || i + 1 >= argc) { std::fprintf(stderr, "news-stats: bad argument %s\n%s", s.c_str(), kUsage); return 2; }
        kv[s.substr(2)] = argv[++i];
    }
    auto get = [&](const char* k, const char* def) { auto it = kv.find(k); return it == kv.end() ? std::string(def) : it->second; };
    const std::string cmd = argv[1];
    try {
        if (cmd == "words") {
            newsstats::WordsOptions o;
            o.corpus = split_commas(get("corpus", ""));
            o.out = get("out", "");
            if (o.corpus.empty() || o.out.empty()) { std::fputs(kUsage, stderr); return 2; }
            o.min_count = std::stoull(get("min-count", "10"));
            o.max_vocab = std::stoul(get("max-vocab", "200000"));
            o.depth = std::stoul(get("depth", "12"));
            o.passes = std::stoul(get("passes", "10"));
            if (o.depth < 1 || o.depth > 13) { std::fprintf(stderr, "news-stats: --depth must be 1..13\n"); return 2; }
            return newsstats::learn_words(o);
        }
        if (cmd == "gazetteers") {
            newsstats::GazetteerOptions o;
            for (auto& l : split_commas(get("lists", ""))) {
                size_t c = l.find(':');
                if (c == std::string::npos) { std::fprintf(stderr, "news-stats: --lists wants CAT:FILE, got %s\n", l.c_str()); return 2; }
                o.lists.emplace_back(l.substr(0, c), l.substr(c + 1));
            }
            o.corpus = split_commas(get("corpus", ""));
            o.out = get("out", "");
            if (o.lists.empty() || o.corpus.empty() || o.out.empty()) { std::fputs(kUsage, stderr); return 2; }
            o.min_count = std::stoull(get("min-count", "3"));
            o.min_share = std::stod(get("min-share", "0.5"));
            return newsstats::filter_gazetteers(o);
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "news-stats: %s\n", e.what());
        return 1;
    }
    std::fprintf(stderr, "news-stats: unknown command %s\n%s", cmd.c_str(), kUsage);
    return 2;
}
