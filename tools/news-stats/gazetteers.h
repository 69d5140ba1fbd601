// news-stats gazetteers: name lists cleaned and cut by how modern news writes them (see gazetteers.cpp).
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace newsstats {

struct GazetteerOptions {
    std::vector<std::pair<std::string, std::string>> lists;   // (category, file)
    std::vector<std::string> corpus;
    std::string out;
    uint64_t min_count = 3;    // times written as a name, not sentence-initially
    double min_share = 0.5;    // of all its occurrences (any case)
};

int filter_gazetteers(const GazetteerOptions& opt);

}  // namespace newsstats
