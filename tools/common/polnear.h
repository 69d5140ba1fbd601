// The files of a PolNeAR split, shared by the tools that read it (the evaluators, learn-cues and
// the attribution trainers): DIR/attributions/NAME_XXXX.ann (brat, one annotator) beside
// DIR/text/NAME.txt.
#pragma once
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <dirent.h>
#include <fstream>
#include <map>
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

// One text-bound annotation ("T2\tCue 113 119;130 134\tsaid in"): its label, its fragments as
// code-point [start, end) pairs, its text.
struct Part {
    bool ok = false;
    std::string label, text;
    std::vector<std::pair<uint32_t, uint32_t>> fragments;
    // The covering range; (0, 0) when no fragment parsed.
    uint32_t start() const { uint32_t r = UINT32_MAX; for (const auto& f : fragments) r = std::min(r, f.first); return fragments.empty() ? 0 : r; }
    uint32_t end() const { uint32_t r = 0; for (const auto& f : fragments) r = std::max(r, f.second); return r; }
};

// Reads one T line into *id and *part; false for other lines.
inline bool text_bound(const std::string& line, std::string* id, Part* part) {
    if (line.empty() || line[0] != 'T') return false;
    const size_t t1 = line.find('\t');
    if (t1 == std::string::npos) return false;
    const size_t t2 = line.find('\t', t1 + 1);
    const std::string head = line.substr(t1 + 1, t2 == std::string::npos ? std::string::npos : t2 - t1 - 1);
    const size_t sp = head.find(' ');
    if (sp == std::string::npos) return false;
    *id = line.substr(0, t1);
    *part = Part{};
    part->ok = true;
    part->label = head.substr(0, sp);
    if (t2 != std::string::npos) part->text = line.substr(t2 + 1);
    std::stringstream parts(head.substr(sp + 1));
    std::string one;
    while (std::getline(parts, one, ';')) {
        unsigned s, e;
        if (std::sscanf(one.c_str(), "%u %u", &s, &e) == 2) part->fragments.push_back({s, e});
    }
    return true;
}

// The fragments of every text-bound annotation with this label, in file order.
inline std::vector<std::pair<uint32_t, uint32_t>> fragments(const std::string& ann, const std::string& label) {
    std::vector<std::pair<uint32_t, uint32_t>> out;
    std::stringstream in(ann);
    std::string line, id;
    Part p;
    while (std::getline(in, line))
        if (text_bound(line, &id, &p) && p.label == label) out.insert(out.end(), p.fragments.begin(), p.fragments.end());
    return out;
}

// An attribution event ("E1\tAttribution:T1 Cue:T2 Content:T3 Source:T4"): its parts (ok when
// the event names that role and the annotation exists).
struct Attribution { Part cue, content, source; };

// Every attribution whose Content exists, in file order.
inline std::vector<Attribution> attributions(const std::string& ann) {
    std::map<std::string, Part> parts;
    std::vector<std::map<std::string, std::string>> events;
    std::stringstream in(ann);
    std::string line, id;
    Part p;
    while (std::getline(in, line)) {
        if (text_bound(line, &id, &p)) { parts[id] = p; continue; }
        const size_t t1 = line.find('\t');
        if (line.empty() || line[0] != 'E' || t1 == std::string::npos) continue;
        std::map<std::string, std::string> roles;
        std::stringstream rs(line.substr(t1 + 1));
        std::string kv;
        while (rs >> kv) { const size_t c = kv.find(':'); if (c != std::string::npos) roles[kv.substr(0, c)] = kv.substr(c + 1); }
        events.push_back(roles);
    }
    auto part = [&](const std::map<std::string, std::string>& roles, const char* role) {
        const auto r = roles.find(role);
        if (r == roles.end()) return Part{};
        const auto t = parts.find(r->second);
        return t == parts.end() ? Part{} : t->second;
    };
    std::vector<Attribution> out;
    for (const auto& roles : events) {
        Attribution a{part(roles, "Cue"), part(roles, "Content"), part(roles, "Source")};
        if (a.content.ok) out.push_back(std::move(a));
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
