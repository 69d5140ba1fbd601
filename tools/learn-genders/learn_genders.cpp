// learn-genders: learns which first names are a man's or a woman's from unannotated news, for
// the entity stage's pronoun resolution (assets/lexicons/first-names.txt). Two kinds of evidence,
// both counted per first name of a person entity whose name has two or more words:
//   * an honorific before one of the person's mentions: "Tony Blair ... Mr Blair" (m),
//     "Mrs", "Ms", "Miss" (f);
//   * a sentence whose only person is that entity, followed by a sentence that starts with
//     He/His or She/Her.
// Neither uses the entity stage's own pronoun resolution, so the list does not feed on itself.
// A name becomes a line when its evidence is at least --min-count and at least --min-ratio of it
// is one gender. Learn from the training corpora only; judge it with eval-entities on PolNeAR dev.
// usage: learn-genders [--min-count N] [--min-ratio R] FILE_OR_DIR... > assets/lexicons/first-names.txt
#include "article_explorer/analysis.h"
#include "corpus.h"   // news-stats' reader: .txt articles and .jsonl(.gz) corpora

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::string lower(std::string_view s) {
    std::string o(s);
    for (char& c : o) if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    return o;
}

bool is_any(const std::string& w, std::initializer_list<const char*> ws) {
    for (const char* x : ws) if (w == x) return true;
    return false;
}

// A first name as the lexicon keys it: a capitalised word of letters (an initial "J." is none).
bool first_name_like(std::string_view w) {
    if (w.size() < 2 || !(w[0] >= 'A' && w[0] <= 'Z')) return false;
    for (char c : w) if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-' || (c & 0x80))) return false;
    return true;
}

struct Counts { long m = 0, f = 0; };

// The token index whose span starts at byte b, or -1.
long token_starting_at(const ae::Analysis& a, uint32_t b) {
    auto it = std::lower_bound(a.tokens.begin(), a.tokens.end(), b, [](const ae::Token& t, uint32_t x) { return t.start < x; });
    return it != a.tokens.end() && it->start == b ? long(it - a.tokens.begin()) : -1;
}

void learn(const std::string& text, std::map<std::string, Counts>& counts) {
    ae::Analysis a = ae::analyze(text, {});
    std::vector<int> person_of_sentence(a.sentences.size(), -1);   // the one person named, -2 = several
    auto sentence_of = [&](uint32_t b) {
        auto it = std::upper_bound(a.sentences.begin(), a.sentences.end(), b, [](uint32_t x, const ae::Sentence& s) { return x < s.start; });
        return it == a.sentences.begin() ? -1L : long(it - a.sentences.begin()) - 1;
    };
    std::vector<std::string> first(a.entities.size());
    for (size_t e = 0; e < a.entities.size(); ++e) {
        const ae::Entity& E = a.entities[e];
        if (E.type != "PERSON") continue;
        const std::string& c = E.canonical;
        const size_t sp = c.find(' ');
        if (sp == std::string::npos || !first_name_like(std::string_view(c).substr(0, sp))) continue;
        first[e] = c.substr(0, sp);
        Counts& k = counts[first[e]];
        for (const ae::Mention& m : E.mentions) {
            if (m.kind != "name" && m.kind != "alias") continue;
            const long t = token_starting_at(a, m.start);
            if (t > 0) {
                const std::string h = lower(a.token_text(a.tokens[size_t(t - 1)]));
                if (is_any(h, {"mr", "mr."})) ++k.m;
                else if (is_any(h, {"mrs", "mrs.", "ms", "ms.", "miss"})) ++k.f;
            }
            const long s = sentence_of(m.start);
            if (s < 0) continue;
            int& p = person_of_sentence[size_t(s)];
            p = p == -1 || p == int(e) ? int(e) : -2;
        }
    }
    // other persons (one-word names) make a sentence ambiguous too
    for (size_t e = 0; e < a.entities.size(); ++e) {
        if (a.entities[e].type != "PERSON" || !first[e].empty()) continue;
        for (const ae::Mention& m : a.entities[e].mentions) {
            if (m.kind != "name" && m.kind != "alias") continue;
            const long s = sentence_of(m.start);
            if (s >= 0) person_of_sentence[size_t(s)] = -2;
        }
    }
    for (size_t s = 0; s + 1 < a.sentences.size(); ++s) {
        const int p = person_of_sentence[s];
        if (p < 0 || person_of_sentence[s + 1] == -2) continue;
        const ae::Sentence& next = a.sentences[s + 1];
        if (next.token_count == 0 || next.paragraph > a.sentences[s].paragraph + 1) continue;
        const std::string w = lower(a.token_text(a.tokens[next.first_token]));
        if (is_any(w, {"he", "his"})) ++counts[first[size_t(p)]].m;
        else if (is_any(w, {"she", "her"})) ++counts[first[size_t(p)]].f;
    }
}

}  // namespace

int main(int argc, char** argv) {
    long min_count = 3;
    double min_ratio = 0.9;
    std::vector<fs::path> inputs;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "-h" || arg == "--help") {
            std::printf("usage: learn-genders [--min-count N] [--min-ratio R] FILE_OR_DIR...\n"
                        "  reads .txt articles and .jsonl(.gz) corpora of {\"text\"} lines (directories\n"
                        "  recursively), prints first-names.txt on stdout\n"
                        "  --min-count N  evidence a name needs (default 3)\n"
                        "  --min-ratio R  share of it that must be one gender (default 0.9)\n");
            return 0;
        }
        if ((arg == "--min-count" || arg == "--min-ratio") && i + 1 < argc) {
            (arg == "--min-count" ? void(min_count = std::atol(argv[++i])) : void(min_ratio = std::atof(argv[++i])));
            continue;
        }
        if (!arg.empty() && arg[0] == '-') { std::fprintf(stderr, "learn-genders: unknown option %s\n", arg.c_str()); return 2; }
        inputs.push_back(arg);
    }
    if (inputs.empty()) { std::fprintf(stderr, "usage: learn-genders [--min-count N] [--min-ratio R] FILE_OR_DIR...\n"); return 2; }
    std::vector<fs::path> files;
    for (const fs::path& p : inputs) {
        std::error_code ec;
        if (fs::is_directory(p, ec)) {
            for (auto& e : fs::recursive_directory_iterator(p, ec))
                if (e.is_regular_file() && ((e.path().extension() == ".txt" && e.path().filename() != "README.txt" &&
                                             e.path().filename() != "LICENSE.txt") ||
                                            e.path().extension() == ".jsonl" ||
                                            (e.path().string().size() > 9 &&
                                             e.path().string().compare(e.path().string().size() - 9, 9, ".jsonl.gz") == 0)))
                    files.push_back(e.path());
        } else if (fs::is_regular_file(p, ec)) {
            files.push_back(p);
        } else {
            std::fprintf(stderr, "learn-genders: %s: no such file or directory\n", p.string().c_str());
            return 1;
        }
    }
    std::sort(files.begin(), files.end());
    std::vector<std::string> names;
    for (const fs::path& f : files) names.push_back(f.string());
    std::map<std::string, Counts> counts;
    const long articles = newsstats::for_each_article(names, [&](std::string_view text) { learn(std::string(text), counts); }, "learn-genders");
    if (articles < 0) return 1;
    std::vector<std::pair<long, std::string>> lines;
    size_t kept_m = 0, kept_f = 0;
    for (const auto& [name, k] : counts) {
        const long n = k.m + k.f;
        if (n < min_count) continue;
        const bool male = k.m >= k.f;
        if (double(male ? k.m : k.f) < min_ratio * double(n)) continue;
        (male ? kept_m : kept_f)++;
        char line[256];
        std::snprintf(line, sizeof line, "%s\t%c\t%ld/%ld", lower(name).c_str(), male ? 'm' : 'f', male ? k.m : k.f, n);
        lines.push_back({-n, line});
    }
    std::sort(lines.begin(), lines.end());
    std::printf("# First names and their gender, learned by tools/learn-genders from %ld news articles:\n"
                "# honorifics before a person's mentions and He/She opening the sentence after one that\n"
                "# names only that person; at least %ld pieces of evidence, %.0f%% of them one gender.\n"
                "# Columns: lower-case first name, m|f, evidence for it/all. Regenerate, don't edit.\n",
                articles, min_count, 100 * min_ratio);
    for (auto& l : lines) std::printf("%s\n", l.second.c_str());
    std::fprintf(stderr, "learn-genders: %zu names (%zu m, %zu f) of %zu seen\n", lines.size(), kept_m, kept_f, counts.size());
    return 0;
}
