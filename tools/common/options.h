// The trainers' command line: `--key value` pairs, `--help`, and one usage text.
#pragma once
#include <cstdio>
#include <initializer_list>
#include <map>
#include <string>

namespace tool_options {

struct Options {
    std::map<std::string, std::string> kv;
    bool has(const char* k) const { return kv.count(k) != 0; }
    std::string get(const char* k, const char* def) const {
        auto it = kv.find(k);
        return it == kv.end() ? std::string(def) : it->second;
    }
};

// Reads argv[1..] into o. Returns false when the tool should exit with *exit_code: 0 after
// --help / -h (usage on stdout), 2 after a bad argument or a missing required key (usage on stderr).
inline bool parse(int argc, char** argv, const char* tool, const char* usage, std::initializer_list<const char*> required,
                  Options& o, int* exit_code) {
    for (int i = 1; i < argc; ++i) {
        const std::string k = argv[i];
        if (k == "--help" || k == "-h") { std::fputs(usage, stdout); *exit_code = 0; return false; }
        if (k.rfind("--", 0) != 0 || i + 1 >= argc) {
            std::fprintf(stderr, "%s: bad argument %s\n%s", tool, k.c_str(), usage);
            *exit_code = 2;
            return false;
        }
        o.kv[k.substr(2)] = argv[++i];
    }
    for (const char* r : required)
        if (!o.has(r)) {
            std::fprintf(stderr, "%s: --%s is required\n%s", tool, r, usage);
            *exit_code = 2;
            return false;
        }
    return true;
}

}  // namespace tool_options
