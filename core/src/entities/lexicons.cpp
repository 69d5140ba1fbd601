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
    return L;
}

}  // namespace

const Lexicons& lexicons() {
    static const Lexicons L = load();
    return L;
}

}  // namespace ae::entities
