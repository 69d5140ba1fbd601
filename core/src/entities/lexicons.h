// The word lists the entity stage reads (compiled-in assets/lexicons/*.txt), parsed once.
#pragma once
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "text/word_table.h"

namespace ae::entities {

struct Lexicons {
    std::unordered_map<std::string, std::string> demonym;   // lower-case adjective/demonym -> country
    std::unordered_map<std::string, std::string> place;     // lower-case place name -> country
    std::unordered_set<std::string> country;                // lower-case country names
    std::unordered_map<std::string, char> role;             // lower-case role word -> 'm' | 'f' | '-'
};

const Lexicons& lexicons();

// Every key of the lexicons above in one flat table: one look-up, no std::string temporary.
enum : uint8_t { LEX_DEMONYM = 1, LEX_PLACE = 2, LEX_COUNTRY = 4, LEX_ROLE = 8 };
struct LexWord {
    uint8_t flags = 0;
    char gender = '-';                      // role: 'm' | 'f' | '-'
    const std::string* country = nullptr;   // demonym: its country
};
const WordTable<LexWord>& lexicon_words();
// The same for the role words and demonyms only (LEX_ROLE / LEX_DEMONYM exact): small enough to
// stay in cache for the per-token look-ups.
const WordTable<LexWord>& token_words();

// Lower-case ASCII letters; other bytes unchanged (UTF-8 safe for lookups).
std::string lower(std::string_view s);

}  // namespace ae::entities
