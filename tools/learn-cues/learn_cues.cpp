// learn-cues: learns attribution cue words from PolNeAR train annotations. For every word form,
// P(cue | word) = times it is annotated as a Cue / times it occurs; forms that are cues often
// enough become lexicon lines (assets/lexicons/learned-cues.txt) that QuoteAttributor reads
// beside the hand-written list. Tune the thresholds on dev with eval-quotes, never on test.
// usage: learn-cues TRAIN_DIR [--min-count N] [--min-ratio R] > assets/lexicons/learned-cues.txt
#include "article_explorer/analysis.h"
#include "../common/polnear.h"
#include "article_explorer/lexicon.h"
#include "article_explorer/quotes.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <dirent.h>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>



static std::string lower(std::string_view s) { std::string o; for (char c : s) o += char(std::tolower((unsigned char)c)); return o; }

int main(int argc, char** argv) {
    if (argc < 2 || std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h") {
        std::fprintf(argc < 2 ? stderr : stdout, "usage: learn-cues POLNEAR_TRAIN_DIR [--min-count N] [--min-ratio R]   (speech-cue lines on stdout)\n");
        return argc < 2 ? 2 : 0;
    }
    std::string dir = argv[1];
    int min_count = 6; double min_ratio = 0.30;
    for (int i = 2; i + 1 < argc; ++i) {
        if (std::string(argv[i]) == "--min-count") min_count = std::atoi(argv[i + 1]);
        if (std::string(argv[i]) == "--min-ratio") min_ratio = std::atof(argv[i + 1]);
    }
    std::vector<polnear::Document> documents;
    if (!polnear::list_documents(dir, documents)) { std::fprintf(stderr, "learn-cues: %s/attributions absent\n", dir.c_str()); return 1; }
    std::map<std::string, int> cue_count, total;
    for (const auto& doc : documents) {
        std::string text = polnear::read_file(doc.text_path);
        if (text.empty()) continue;
        // code point -> byte offsets, to find the tokens under each cue span
        std::vector<uint32_t> byte_of;
        for (uint32_t i = 0; i < text.size(); ++i) if (((unsigned char)text[i] & 0xC0) != 0x80) byte_of.push_back(i);
        byte_of.push_back(uint32_t(text.size()));
        ae::Options o; o.tokens_only = true;
        ae::Analysis a = ae::analyze(text, o);
        std::set<uint32_t> cue_tokens;   // token indices annotated as (single-word) cues
        std::ifstream f(doc.ann_path);
        std::string line;
        while (std::getline(f, line)) {
            auto t1 = line.find('\t');
            if (t1 == std::string::npos || line[0] != 'T') continue;
            std::string rest = line.substr(t1 + 1);
            if (rest.compare(0, 4, "Cue ") != 0) continue;
            unsigned s, e;
            if (std::sscanf(rest.c_str() + 4, "%u %u", &s, &e) != 2 || e >= byte_of.size() || s >= e) continue;
            uint32_t bs = byte_of[s], be = byte_of[e];
            std::vector<uint32_t> inside;
            for (uint32_t k = 0; k < a.tokens.size(); ++k)
                if (a.tokens[k].start >= bs && a.tokens[k].end <= be && a.tokens[k].kind == ae::TokenKind::Word) inside.push_back(k);
            if (inside.size() == 1) cue_tokens.insert(inside[0]);
        }
        for (uint32_t k = 0; k < a.tokens.size(); ++k) {
            if (a.tokens[k].kind != ae::TokenKind::Word) continue;
            std::string w = lower(a.token_text(a.tokens[k]));
            ++total[w];
            if (cue_tokens.count(k)) ++cue_count[w];
        }
    }
    ae::CueLexicon hand = ae::CueLexicon::parse(ae::builtin_lexicon("speech-cues"));
    static const std::set<std::string> stop = {"in", "for", "to", "of", "on", "by", "with", "as", "from", "at", "about",
                                               "is", "was", "are", "be", "has", "have", "had", "the", "a", "that", "it"};
    std::printf("# Attribution cues learned by tools/learn-cues from PolNeAR train (%zu documents):\n", documents.size());
    std::printf("# forms annotated as a cue at least %d times and in at least %.0f%% of their occurrences,\n", min_count, min_ratio * 100);
    std::printf("# not already in speech-cues.txt. Columns: form, class, bare, cue/occurrences. Regenerate, don't edit.\n");
    std::vector<std::pair<double, std::string>> rows;
    for (auto& [w, c] : cue_count) {
        if (c < min_count || stop.count(w) || hand.words.count(w)) continue;
        double r = double(c) / double(total[w]);
        if (r < min_ratio) continue;
        rows.push_back({-double(c), w});
    }
    std::sort(rows.begin(), rows.end());
    for (auto& [neg, w] : rows) std::printf("%s\tlearned\tbare\t%d/%d\n", w.c_str(), cue_count[w], total[w]);
    return 0;
}
