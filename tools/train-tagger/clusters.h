#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace trainer {
struct ClusterOptions {
    std::vector<std::string> inputs;   // files or directories (recursively, sorted)
    std::string out;
    uint64_t min_count = 5, seed = 1;
    size_t max_words = 40000, contexts = 1000, dims = 512, depth = 14, min_leaf = 8;
};
int build_clusters(const ClusterOptions& opt);
}  // namespace trainer
