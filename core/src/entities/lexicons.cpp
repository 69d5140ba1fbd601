#include "entities/lexicons.h"

#include "article_explorer/entities.h"

namespace ae::entities {

std::string lower(std::string_view s) {
    std::string r(s);
    for (char& c : r)
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    return r;
}

namespace {

Lexicons load() {
    Lexicons L;
    // key<TAB>value lists
    auto pairs = [](std::string_view name, auto f) {
        for_each_lexicon_line(builtin_lexicon(name), [&](const std::vector<std::string_view>& c) {
            f(c[0], c.size() > 1 ? c[1] : std::string_view());
        });
    };
    pairs("demonyms", [&](std::string_view k, std::string_view v) {
        if (v.empty()) return;
        L.demonym.emplace(lower(k), std::string(v));
        L.country.insert(lower(v));
    });
    pairs("places", [&](std::string_view k, std::string_view v) {
        if (v.empty()) return;
        L.place.emplace(lower(k), std::string(v));
        L.country.insert(lower(v));
    });
    pairs("person-roles", [&](std::string_view k, std::string_view v) {
        L.role.emplace(lower(k), v.empty() ? '-' : v[0]);
    });
    pairs("entity-kinds", [&](std::string_view k, std::string_view v) {
        uint16_t f = v == "org-suffix" ? LEX_ORG_SUFFIX | LEX_ORG_HEAD : v == "org-head" ? LEX_ORG_HEAD
                   : v == "org-noun" ? LEX_ORG_NOUN : v == "place-noun" ? LEX_PLACE_NOUN
                   : v == "place-head" ? LEX_PLACE_HEAD : v == "misc-head" ? LEX_MISC_HEAD : 0;
        if (f) L.kind[lower(k)] |= f;   // a word may have several kinds ("company", "bank")
    });
    pairs("first-names", [&](std::string_view k, std::string_view v) {
        if (v == "m" || v == "f") L.first_name.emplace(lower(k), v[0]);
    });
    pairs("name-words", [&](std::string_view k, std::string_view v) {
        uint16_t f = 0;
        for_each_flag(v, [&](std::string_view x) {
            f |= x == "inside" ? LEX_NAME_INSIDE : x == "particle" ? LEX_NAME_PARTICLE : x == "opener" ? LEX_NAME_OPENER : 0;
        });
        if (f) L.name_word[lower(k)] |= f;
    });
    return L;
}

}  // namespace

const Lexicons& lexicons() {
    static const Lexicons L = load();
    return L;
}

const WordTable<LexWord>& lexicon_words() {
    static const WordTable<LexWord> T = [] {
        const Lexicons& L = lexicons();   // keys point into its (static) maps
        WordTable<LexWord> t;
        for (const auto& [k, v] : L.demonym) { LexWord& w = t[k]; w.flags |= LEX_DEMONYM; w.country = &v; }
        for (const auto& [k, v] : L.place) t[k].flags |= LEX_PLACE;
        for (const auto& k : L.country) t[k].flags |= LEX_COUNTRY;
        for (const auto& [k, g] : L.role) { LexWord& w = t[k]; w.flags |= LEX_ROLE; w.gender = g; }
        for (const auto& [k, f] : L.kind) t[k].flags |= f;
        for (const auto& [k, g] : L.first_name) t[k].first_gender = g;
        return t;
    }();
    return T;
}

const WordTable<LexWord>& token_words() {
    static const WordTable<LexWord> T = [] {
        const Lexicons& L = lexicons();
        WordTable<LexWord> t;
        for (const auto& [k, v] : L.demonym) { LexWord& w = t[k]; w.flags |= LEX_DEMONYM; w.country = &v; }
        for (const auto& [k, g] : L.role) { LexWord& w = t[k]; w.flags |= LEX_ROLE; w.gender = g; }
        for (const auto& [k, f] : L.kind) t[k].flags |= f;
        for (const auto& [k, f] : L.name_word) t[k].flags |= f;
        return t;
    }();
    return T;
}

}  // namespace ae::entities
