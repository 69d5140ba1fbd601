// The values stage's words (assets/lexicons/value-words.txt, and calendar.txt's months and
// weekdays), parsed once into one flat table: a look-up gives every kind a word has (internal).
#pragma once
#include <cstdint>
#include <string_view>

namespace ae::values {

// Units of time.
enum class U : uint8_t { None, Second, Minute, Hour, Day, Week, Fortnight, Month, Quarter, Year, Decade, Century, Millennium };

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

}  // namespace ae::values
