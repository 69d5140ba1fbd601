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

}  // namespace ae::entities
