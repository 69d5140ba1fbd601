// news-stats words: word clusters and case statistics of unlabelled news (see words.cpp).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsstats {

struct WordsOptions {
    std::vector<std::string> corpus;   // files or folders
    std::string out;
    uint64_t min_count = 10;           // words seen fewer times are not clustered
    size_t max_vocab = 200000;
    size_t depth = 12;                 // bits per cluster path (2^depth leaf classes)
    size_t passes = 10;                // exchange passes per level at most
};

// How one word (lowercase key) is written in the corpus; "mid" = not sentence-initial, in a
// sentence that has lowercase letters (not an all-caps headline).
struct WordCounts { uint64_t count = 0, lower_mid = 0, cap_mid = 0, all_caps = 0, initial = 0; };

// The key a word is counted under: the core's normalised lowercase, digits pooled to 0.
std::string word_key(std::string_view token);

int learn_words(const WordsOptions& opt);

}  // namespace newsstats
