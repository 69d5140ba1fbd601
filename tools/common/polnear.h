// The files of a PolNeAR split, shared by the tools that read it (the evaluators, learn-cues and
// the attribution trainers): DIR/attributions/NAME_XXXX.ann (brat, one annotator) beside
// DIR/text/NAME.txt.
#pragma once
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <dirent.h>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace polnear {

inline std::string read_file(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

// brat offsets count code points: cp[byte] is the code point a UTF-8 byte offset starts, and
// cp[text.size()] the text's length in code points.
inline std::vector<uint32_t> code_points(const std::string& text) {
    std::vector<uint32_t> cp(text.size() + 1);
    uint32_t c = 0;
    for (size_t i = 0; i < text.size(); ++i) { cp[i] = c; if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++c; }
    cp[text.size()] = c;
    return cp;
}

// The fragments of every text-bound annotation with this label ("T2\tCue 113 119;130 134\tsaid in"),
// as code-point [start, end) pairs in file order.
inline std::vector<std::pair<uint32_t, uint32_t>> fragments(const std::string& ann, const std::string& label) {
    std::vector<std::pair<uint32_t, uint32_t>> out;
    std::stringstream in(ann);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] != 'T') continue;
        const size_t t1 = line.find('\t');
        if (t1 == std::string::npos || line.compare(t1 + 1, label.size() + 1, label + " ") != 0) continue;
        const size_t t2 = line.find('\t', t1 + 1), from = t1 + 2 + label.size();
        std::stringstream parts(line.substr(from, t2 == std::string::npos ? std::string::npos : t2 - from));
        std::string part;
        while (std::getline(parts, part, ';')) {
            unsigned s, e;
            if (std::sscanf(part.c_str(), "%u %u", &s, &e) == 2) out.push_back({s, e});
        }
    }
    return out;
}

struct Document { std::string name, ann_path, text_path; };

// The split's documents sorted by annotation file name; false when DIR/attributions is absent.
inline bool list_documents(const std::string& dir, std::vector<Document>& out) {
    DIR* d = opendir((dir + "/attributions").c_str());
    if (!d) return false;
    std::vector<std::string> anns;
    while (dirent* e = readdir(d)) {
        std::string n = e->d_name;
        if (n.size() > 4 && n.compare(n.size() - 4, 4, ".ann") == 0) anns.push_back(n);
    }
    closedir(d);
    std::sort(anns.begin(), anns.end());
    for (const auto& ann : anns) {
        std::string name = ann.substr(0, ann.rfind('_'));
        out.push_back({name, dir + "/attributions/" + ann, dir + "/text/" + name + ".txt"});
    }
    return true;
}

}  // namespace polnear
