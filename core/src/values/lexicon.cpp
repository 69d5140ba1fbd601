// The values stage's words: value-words.txt parsed once (see values/lexicon.h).
#include "values/lexicon.h"

#include "article_explorer/lexicon.h"
#include "text/word_table.h"

#include <algorithm>
#include <string>
#include <unordered_set>
#include <vector>

namespace ae::values {

namespace {

// Strings the tables point to (codes, symbols, derived forms): nodes never move.
const char* intern(std::string_view s) {
    static std::unordered_set<std::string> pool;
    return pool.emplace(s).first->c_str();
}

U unit_named(std::string_view s) {
    static constexpr std::pair<std::string_view, U> k[] = {
        {"second", U::Second}, {"minute", U::Minute}, {"hour", U::Hour}, {"day", U::Day}, {"week", U::Week},
        {"fortnight", U::Fortnight}, {"month", U::Month}, {"quarter", U::Quarter}, {"year", U::Year},
        {"decade", U::Decade}, {"century", U::Century}, {"millennium", U::Millennium}};
    for (const auto& [n, u] : k) if (s == n) return u;
    return U::None;
}

// TIMEX codes as C strings (values point to them).
const char* pod_code(std::string_view s) {
    return s == "MO" ? "MO" : s == "AF" ? "AF" : s == "EV" ? "EV" : s == "NI" ? "NI" : nullptr;
}
int8_t season_index(std::string_view s) { return s == "SP" ? 0 : s == "SU" ? 1 : s == "FA" ? 2 : s == "WI" ? 3 : -1; }

int to_int(std::string_view s) {
    int v = 0;
    for (char c : s) if (c >= '0' && c <= '9') v = v * 10 + (c - '0');
    return v;
}

struct Tables {
    WordTable<ValueWord> words;
    std::vector<std::string_view> starters;
};

const Tables& tables() {
    static const Tables T = [] {
        Tables t;
        for_each_lexicon_line(builtin_lexicon("value-words"), [&](const std::vector<std::string_view>& c) {
            if (c.size() < 2) return;
            const std::string_view w = c[0], kind = c[1], v = c.size() > 2 ? c[2] : std::string_view();
            bool plural = false, minor = false, clock = false;
            uint8_t use = 0;
            if (c.size() > 3)
                for_each_flag(c[3], [&](std::string_view f) {
                    plural |= f == "plural"; minor |= f == "minor"; clock |= f == "clock";
                    use |= f == "day" ? ORD_DAY : f == "century" ? ORD_CENTURY : 0;
                });
            if (kind == "starter") { t.starters.push_back(w); return; }
            ValueWord& x = t.words[w];
            if (kind == "part-of-day") { x.kinds |= VW_PART_OF_DAY; x.pod = pod_code(v); }
            else if (kind == "season") { x.kinds |= VW_SEASON; x.season = season_index(v); }
            else if (kind == "unit") { x.kinds |= VW_UNIT; x.unit = unit_named(v); x.unit_plural = plural; }
            else if (kind == "currency") { x.kinds |= VW_CURRENCY; x.currency = intern(v); x.minor = minor; }
            else if (kind == "currency-prefix") { x.kinds |= VW_CURRENCY_PREFIX; x.prefix = intern(v); }
            else if (kind == "dollar-prefix") { x.kinds |= VW_DOLLAR_PREFIX; x.dollar = intern(v); }
            else if (kind == "measure") { x.kinds |= VW_MEASURE; x.measure = intern(v); }
            else if (kind == "month-cue") x.kinds |= VW_MONTH_CUE;
            else if (kind == "time-zone") x.kinds |= VW_TIME_ZONE | (clock ? uint32_t(VW_CLOCK_ZONE) : 0u);
            else if (kind == "counted-noun") x.kinds |= VW_COUNTED_NOUN;
            else if (kind == "decade") { x.kinds |= VW_DECADE; x.decade = int16_t(to_int(v)); }
            else if (kind == "cardinal") { x.kinds |= VW_CARDINAL; x.cardinal = int8_t(to_int(v)); }
            else if (kind == "ordinal") { x.kinds |= VW_ORDINAL; x.ordinal = int8_t(to_int(v)); x.ordinal_use = use ? use : ORD_DAY | ORD_CENTURY; }
            else if (kind == "scale") { x.kinds |= VW_SCALE; x.scale = int8_t(to_int(v)); }
            else if (kind == "future-cue") x.kinds |= VW_FUTURE_CUE;
            else if (kind == "past-cue") x.kinds |= VW_PAST_CUE;
        });
        // starters by kind
        t.words.for_each([&](std::string_view k, const ValueWord& x) {
            if (x.kinds & (VW_SEASON | VW_CARDINAL | VW_CURRENCY_PREFIX | VW_DOLLAR_PREFIX)) t.starters.push_back(k);
        });
        // the months' names and short forms (with and without the period); the weekdays' names,
        // short forms with the period and plurals (what the date rules read)
        for_each_lexicon_line(builtin_lexicon("calendar"), [&](const std::vector<std::string_view>& c) {
            const CalendarWord* cw = calendar_word(c[0]);
            if (!cw) return;
            const bool abbr = cw->flags & CAL_ABBR;
            if (cw->month || !abbr) t.starters.push_back(c[0]);
            if (abbr) t.starters.push_back(intern(std::string(c[0]) + "."));
            if (cw->weekday && !abbr) t.starters.push_back(intern(std::string(c[0]) + "s"));
        });
        return t;
    }();
    return T;
}

}  // namespace

const ValueWord* value_word(std::string_view lower) { return tables().words.find(lower); }

bool starter_word(std::string_view w) {
    static const WordTable<char> k = [] {
        WordTable<char> s;   // small and flat: a look-up per word of the text
        for (std::string_view x : tables().starters) s[x] = 1;
        return s;
    }();
    // Bit L of shape[c]: some starter starts with byte c and has length L (31: longer).
    // Most words of a text ("of", "to", "in", "was") are ruled out by it without hashing.
    static const std::vector<uint32_t> shape = [] {
        std::vector<uint32_t> f(256, 0);
        for (std::string_view x : tables().starters) f[(unsigned char)x[0]] |= 1u << std::min<size_t>(x.size(), 31);
        return f;
    }();
    auto listed = [&](std::string_view x) { return !x.empty() && ((shape[(unsigned char)x[0]] >> std::min<size_t>(x.size(), 31)) & 1u) && k.find(x); };
    if (listed(w)) return true;
    size_t dash = w.find('-');
    if (dash != std::string_view::npos && dash > 0) return listed(w.substr(0, dash));
    return false;
}

}  // namespace ae::values
