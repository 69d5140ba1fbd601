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
    for_each_tsv(builtin_lexicon("demonyms"), [&](std::string_view k, std::string_view v) {
        if (v.empty()) return;
        L.demonym.emplace(lower(k), std::string(v));
        L.country.insert(lower(v));
    });
    for_each_tsv(builtin_lexicon("places"), [&](std::string_view k, std::string_view v) {
        if (v.empty()) return;
        L.place.emplace(lower(k), std::string(v));
        L.country.insert(lower(v));
    });
    for_each_tsv(builtin_lexicon("person-roles"), [&](std::string_view k, std::string_view v) {
        L.role.emplace(lower(k), v.empty() ? '-' : v[0]);
    });
    return L;
}

}  // namespace

const Lexicons& lexicons() {
    static const Lexicons L = load();
    return L;
}

}  // namespace ae::entities
