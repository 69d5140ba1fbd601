// The files of a PolNeAR split, shared by the tools that read it (eval-quotes, eval-entities,
// learn-cues): DIR/attributions/NAME_XXXX.ann (brat, one annotator) beside DIR/text/NAME.txt.
#pragma once
#include "article_explorer/lexicon.h"

#include <algorithm>
#include <map>
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

// The gender a name Source's own words give, 'm' | 'f' | '-': a form of address (`Mr. Obama`,
// `Mrs. Clinton`), else its first word as a first name in first-names.txt (`Hillary Clinton`).
// The silver person of a he/she Source is the nearest earlier name Source whose gender does not
// contradict the pronoun's (eval-entities and train-pronouns): `she` is not Donald Trump.
inline char name_gender(const std::string& text) {
    static const std::map<std::string, char> first = [] {
        std::map<std::string, char> m;
        std::istringstream in{std::string(ae::builtin_lexicon("first-names"))};
        std::string line;
        while (std::getline(in, line)) {
            if (line.empty() || line[0] == '#') continue;
            const size_t t = line.find('\t');
            if (t != std::string::npos && t + 1 < line.size()) m[line.substr(0, t)] = line[t + 1];
        }
        return m;
    }();
    std::string w;
    std::istringstream ss(text);
    if (!(ss >> w)) return '-';
    for (char& c : w) if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    if (!w.empty() && w.back() == '.') w.pop_back();
    if (w == "mr") return 'm';
    if (w == "mrs" || w == "ms" || w == "miss") return 'f';
    const auto it = first.find(w);
    return it == first.end() ? '-' : it->second;
}
inline char pronoun_gender(const std::string& text) {
    std::string l = text;
    for (char& c : l) if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    return l == "he" ? 'm' : l == "she" ? 'f' : '-';
}

}  // namespace polnear
