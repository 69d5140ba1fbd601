// The word lists the entity stage reads (compiled-in assets/lexicons/*.txt), parsed once.
#pragma once
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace ae::entities {

struct Lexicons {
    std::unordered_map<std::string, std::string> demonym;   // lower-case adjective/demonym -> country
    std::unordered_map<std::string, std::string> place;     // lower-case place name -> country
    std::unordered_set<std::string> country;                // lower-case country names
    std::unordered_map<std::string, char> role;             // lower-case role word -> 'm' | 'f' | '-'
};

const Lexicons& lexicons();

// Lower-case ASCII letters; other bytes unchanged (UTF-8 safe for lookups).
std::string lower(std::string_view s);

// Parses `key<TAB>value` lines (# comments) of a lexicon into f(key, value).
template <class F>
void for_each_tsv(std::string_view text, F f) {
    size_t p = 0;
    while (p < text.size()) {
        size_t nl = text.find('\n', p);
        if (nl == std::string_view::npos) nl = text.size();
        std::string_view line = text.substr(p, nl - p);
        p = nl + 1;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line[0] == '#') continue;
        size_t tab = line.find('\t');
        if (tab == std::string_view::npos) f(line, std::string_view());
        else f(line.substr(0, tab), line.substr(tab + 1));
    }
}

}  // namespace ae::entities
