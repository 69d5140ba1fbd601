// The values stage's words (assets/lexicons/value-words.txt, and calendar.txt's months and
// weekdays), parsed once into one flat table: a look-up gives every kind a word has; and the
// rules' look-ups over it (internal).
#pragma once
#include <cstdint>
#include <string_view>

#include "article_explorer/lexicon.h"
#include "calendar.h"

namespace ae::values {

enum : uint32_t {   // ValueWord::kinds, one bit per kind of value-words.txt
    VW_PART_OF_DAY = 1u << 0, VW_SEASON = 1u << 1, VW_UNIT = 1u << 2, VW_CURRENCY = 1u << 3,
    VW_CURRENCY_PREFIX = 1u << 4, VW_DOLLAR_PREFIX = 1u << 5, VW_MEASURE = 1u << 6, VW_MONTH_CUE = 1u << 7,
    VW_TIME_ZONE = 1u << 8, VW_CLOCK_ZONE = 1u << 9, VW_COUNTED_NOUN = 1u << 10, VW_DECADE = 1u << 11,
    VW_CARDINAL = 1u << 12, VW_ORDINAL = 1u << 13, VW_SCALE = 1u << 14, VW_FUTURE_CUE = 1u << 15,
    VW_PAST_CUE = 1u << 16,
};
enum : uint8_t { ORD_DAY = 1, ORD_CENTURY = 2 };   // where an ordinal counts (both when unflagged)

struct ValueWord {
    uint32_t kinds = 0;               // VW_*
    const char* pod = nullptr;        // part of day: MO AF EV NI
    int8_t season = -1;               // 0 SP 1 SU 2 FA 3 WI
    U unit = U::None;
    bool unit_plural = false;
    const char* currency = nullptr;   // after an amount: ISO code
    bool minor = false;               //   a hundredth of it (cents, pence)
    const char* prefix = nullptr;     // currency-prefix: code
    const char* dollar = nullptr;     // dollar-prefix: code
    const char* measure = nullptr;    // unit of measure: symbol
    int16_t decade = 0;               // first year
    int8_t cardinal = -1;             // 0..90
    int8_t ordinal = 0;               // 1..30
    uint8_t ordinal_use = 0;          // ORD_*
    int8_t scale = -1;                // power of ten
};

// The lower-case word's entry, nullptr when value-words.txt does not have it.
const ValueWord* value_word(std::string_view lower);
inline uint32_t value_kinds(std::string_view lower) { const ValueWord* v = value_word(lower); return v ? v->kinds : 0; }

// Words that can begin a value (besides digits): a cheap filter so that the rules run only where
// a value may start. value-words.txt's starters, its seasons, cardinals and currencies, and every
// form of calendar.txt's months and weekdays the rules read; `mid-March` by its first part.
bool starter_word(std::string_view lower);

// ---- The rules' look-ups (calendar.txt, person-roles.txt / title-words.txt, value-words.txt)

// 1..12 for a month name or abbreviation (calendar.txt); abbr set for short forms (`Jan.`, `Sept`).
inline int month_of(std::string_view w, bool& abbr) {
    abbr = false;
    const CalendarWord* c = calendar_word(w);
    if (c && c->month && !(c->flags & CAL_ABBR)) return c->month;
    if (!w.empty() && w.back() == '.') c = calendar_word(w.substr(0, w.size() - 1));
    if (c && c->month && (c->flags & CAL_ABBR)) { abbr = true; return c->month; }
    return 0;
}
// Month names that are also common words or first names: need a day, a year or a cue.
inline bool ambiguous_month(std::string_view w) { const CalendarWord* c = calendar_word(w); return c && c->month && (c->flags & CAL_AMBIGUOUS); }

// 1 = Monday .. 7 = Sunday for a full name, or a short form with its period (`Fri.`).
inline int weekday_of(std::string_view w) {
    if (w.empty()) return 0;
    if (w.back() != '.') { const CalendarWord* c = calendar_word(w); return c && !(c->flags & CAL_ABBR) ? c->weekday : 0; }
    const CalendarWord* c = calendar_word(w.substr(0, w.size() - 1));
    return c && (c->flags & CAL_ABBR) ? c->weekday : 0;
}
// `mondays`: a full weekday name + s.
inline int weekday_plural(std::string_view w) {
    if (w.size() < 2 || w.back() != 's') return 0;
    const CalendarWord* c = calendar_word(w.substr(0, w.size() - 1));
    return c && !(c->flags & CAL_ABBR) ? c->weekday : 0;
}

// value-words.txt's kinds, one look-up each.
inline const char* part_of_day(std::string_view w) { const ValueWord* v = value_word(w); return v ? v->pod : nullptr; }
inline int season_of(std::string_view w) { const ValueWord* v = value_word(w); return v ? v->season : -1; }  // 0 SP 1 SU 2 FA 3 WI, -1 none

inline U unit_of(std::string_view w, bool& plural) {
    const ValueWord* v = value_word(w);
    plural = v && v->unit_plural;
    return v ? v->unit : U::None;
}
inline U unit_of(std::string_view w) { bool p; return unit_of(w, p); }

inline bool currency_word(std::string_view w, const char*& code, bool& minor) {
    const ValueWord* v = value_word(w);
    if (!v || !v->currency) return false;
    code = v->currency;
    minor = v->minor;
    return true;
}

// Currency written before the amount: symbols, codes, `Rs`.
inline const char* currency_prefix(std::string_view w) { const ValueWord* v = value_word(w); return v ? v->prefix : nullptr; }
// Letters glued before `$`: `US$`, `HK$`.
inline const char* dollar_country(std::string_view w) { const ValueWord* v = value_word(w); return v ? v->dollar : nullptr; }

// Units of measure → symbol.
inline const char* measure_unit(std::string_view w) { const ValueWord* v = value_word(w); return v ? v->measure : nullptr; }

// A title before a name (person-roles.txt / title-words.txt, flag `values`): `Mrs May` is no month.
inline bool is_title(std::string_view w) { return title_flags(w) & TITLE_VALUES; }

// A word before a month alone that makes it a date (`in May`).
inline bool month_cue(std::string_view w) { return value_kinds(w) & VW_MONTH_CUE; }

}  // namespace ae::values
