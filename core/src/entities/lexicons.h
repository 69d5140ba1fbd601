// The word lists the entity stage reads (compiled-in assets/lexicons/*.txt), parsed once.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "../text/word_table.h"

namespace ae::entities {

struct Lexicons {
    std::unordered_map<std::string, std::string> demonym;   // lower-case adjective/demonym -> country
    std::unordered_map<std::string, std::string> place;     // lower-case place name -> country
    std::unordered_set<std::string> country;                // lower-case country names
    std::unordered_map<std::string, char> role;             // lower-case role word -> 'm' | 'f' | '-'
    std::unordered_map<std::string, uint16_t> kind;         // lower-case word -> LEX_ORG_* / LEX_PLACE_*
    std::unordered_map<std::string, char> first_name;       // lower-case first name -> 'm' | 'f' (learned)
    std::unordered_map<std::string, uint16_t> name_word;    // lower-case word -> LEX_NAME_* (name-words.txt)
};

const Lexicons& lexicons();

// Every key of the lexicons above in one flat table: one look-up, no std::string temporary.
enum : uint16_t {
    LEX_DEMONYM = 1, LEX_PLACE = 2, LEX_COUNTRY = 4, LEX_ROLE = 8,
    // entity-kinds.txt: what kind of thing a name is
    LEX_ORG_SUFFIX = 16, LEX_ORG_HEAD = 32, LEX_ORG_NOUN = 64, LEX_PLACE_NOUN = 128, LEX_PLACE_HEAD = 256,
    // name-words.txt: small words around names
    LEX_NAME_INSIDE = 512, LEX_NAME_PARTICLE = 1024, LEX_NAME_OPENER = 2048,
    // entity-kinds.txt again: a word that ends the names of treaties, laws and events (MISC)
    LEX_MISC_HEAD = 4096,
};
struct LexWord {
    uint16_t flags = 0;
    char gender = '-';                      // role: 'm' | 'f' | '-'
    char first_gender = '-';                // first name (first-names.txt): 'm' | 'f' | '-'
    const std::string* country = nullptr;   // demonym: its country
};
const WordTable<LexWord>& lexicon_words();   // without name-words.txt: a name's flags != 0 means a lexicon knows it
// The same for the role words, demonyms, kind words and name words only (LEX_ROLE / LEX_DEMONYM /
// LEX_ORG_* / LEX_PLACE_* / LEX_NAME_* exact): small enough to stay in cache for the per-token look-ups.
const WordTable<LexWord>& token_words();

// Lower-case ASCII letters; other bytes unchanged (UTF-8 safe for lookups).
std::string lower(std::string_view s);

}  // namespace ae::entities
