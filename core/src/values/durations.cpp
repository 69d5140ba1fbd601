// DURATION and SET rules of the values stage (see values/finder.h): amounts of time (`two years`,
// and `two years ago` as a DATE), hyphenated durations (`16-hour`), frequencies (`every week`,
// `twice a year`, `on Sundays`); and the ISO 8601 duration format.
#include "values/finder.h"

#include <cstdio>
#include <cstdlib>
#include <string>

namespace ae::values {

// ISO 8601 duration for n units (n may be "X" or a decimal). A half or a quarter of an hour, a
// minute, a day or a year is written in the next smaller unit, as TimeML does: `5 1/2 hours`
// PT5H30M, `2 1/2 years` P2Y6M, `a minute and a half` PT1M30S.
std::string duration_value(const std::string& n, U u) {
    size_t dot = n.find('.');
    if (dot != std::string::npos && (u == U::Hour || u == U::Minute || u == U::Year || u == U::Day)) {
        std::string whole = dot == 0 ? "0" : n.substr(0, dot), frac = n.substr(dot);
        int parts = frac == ".5" ? 2 : frac == ".25" ? 4 : frac == ".75" ? 4 : 0;
        int num = frac == ".75" ? 3 : 1;
        if (parts) {
            const int per = u == U::Hour || u == U::Minute ? 60 : u == U::Year ? 12 : 24;
            const std::string small = std::to_string(per * num / parts);
            const bool lead = whole != "0";
            switch (u) {
                case U::Hour: return "PT" + (lead ? whole + "H" : "") + small + "M";
                case U::Minute: return "PT" + (lead ? whole + "M" : "") + small + "S";
                case U::Year: return "P" + (lead ? whole + "Y" : "") + small + "M";
                case U::Day: return "P" + (lead ? whole + "D" : "") + "T" + small + "H";
                default: break;
            }
        }
    }
    switch (u) {
        case U::Second: return "PT" + n + "S";
        case U::Minute: return "PT" + n + "M";
        case U::Hour: return "PT" + n + "H";
        case U::Day: return "P" + n + "D";
        case U::Week: return "P" + n + "W";
        case U::Fortnight: return n == "X" ? "PXW" : "P" + shift_decimal(n, 0) + "W" + (n == "1" ? "" : "") ;
        case U::Month: return "P" + n + "M";
        case U::Quarter: return "P" + n + "Q";
        case U::Year: return "P" + n + "Y";
        case U::Decade: return "P" + n + "E";
        case U::Century: return "P" + n + "C";
        case U::Millennium: return "P" + n + "L";
        default: return "";
    }
}

// [about|nearly|…] N unit(s) [ago|earlier|later|…]  → DATE; else DURATION.
// `the past two months`, `the first nine months` → DURATION with the prefix in the span.
bool Finder::rule_amount_of_time(int i, M& m) const {
    int j = i;
    bool prefixed = false;
    if (L(j) == "the" && (L(j + 1) == "past" || L(j + 1) == "last" || L(j + 1) == "next" || L(j + 1) == "first" ||
                          L(j + 1) == "coming" || L(j + 1) == "previous" || L(j + 1) == "final" || L(j + 1) == "latest")) {
        j += 2;
        prefixed = true;
    } else if (L(j) == "the" || L(j) == "past" || L(j) == "last" || L(j) == "next" || L(j) == "first") {
        ++j;
        prefixed = true;
    }
    Num num = parse_number(w_, j, n_, true, false);
    std::string n;
    int k;
    U u = U::None;
    bool plural = false;
    bool article = false;
    if (num.len && num.suffix.empty()) {
        k = j + num.len;
        if (L(k) == "-" ) return false;
        u = unit_of(L(k), plural);
        // `one and a half years`, `a year and a half`
        n = num.vague ? "X" : num.dec;
        article = num.article;
        if (u == U::None && num.digits && L(k).size() > 0 && L(k) == "1/2") { ++k; u = unit_of(L(k), plural); n = n + ".5"; }
        if (u == U::None && (L(k) == "and" && L(k + 1) == "a" && L(k + 2) == "half")) {
            u = unit_of(L(k + 3), plural);
            if (u != U::None) { n = shift_decimal(n, 0) + ".5"; k += 3; }
        }
    } else if (L(j) == "half" && (L(j + 1) == "a" || L(j + 1) == "an") && unit_of(L(j + 2)) != U::None) {
        n = "0.5"; k = j + 2; u = unit_of(L(k), plural);
    } else {
        // hyphenated adjective: `two-year`, `16-hour`, `30-year-old`
        return prefixed ? false : rule_hyphen_duration(i, m);
    }
    if (u == U::None) return false;
    if (article && plural) return false;
    if (article && (u == U::Second || u == U::Quarter) && L(k + 1) != "of" ) {
        if (u == U::Second) return false;
    }
    if (u == U::Quarter && L(k + 1) == "of") return false;  // `a quarter of the`
    if (num.digits && !plural && n.size() >= 4) return false;  // `the 1988 second quarter`
    if (!num.vague && n == "1" && plural && !num.digits) return false;
    if (!article && !num.vague && !plural && n != "1" && n.find('.') == std::string::npos) {
        // `five year` is usually `five year plan` … still a duration in TimeML
    }
    int e = k + 1;
    std::string nv = n;
    if (L(e) == "and" && L(e + 1) == "a" && L(e + 2) == "half" && n != "X" && n.find('.') == std::string::npos) { nv = n + ".5"; e += 3; }
    sv after = L(e);
    // DATE: N units ago / earlier / later / before / after / from now
    bool ago = after == "ago" || after == "back" || (after == "from" && L(e + 1) == "now") || after == "hence";
    bool rel = after == "earlier" || after == "later" ||
               ((after == "before" || after == "after") &&
                (L(e + 1) == "." || L(e + 1) == "," || L(e + 1) == ";" || L(e + 1).empty() || L(e + 1) == "and" ||
                 L(e + 1) == "that"));
    if ((ago || rel) && !prefixed) {
        int sign = (after == "ago" || after == "back" || after == "earlier" || after == "before") ? -1 : 1;
        m.b = i;
        m.e = e + 1 + (after == "from" ? 1 : 0);
        if (!ctx_.has_ref || n == "X" || n.find('.') != std::string::npos) {
            set_ref(m, sign < 0 ? "PAST_REF" : "FUTURE_REF");
            if (ctx_.has_ref && n == "X") {
                // `a few years ago` → the decade-ish year granularity is unknown: keep the unit with X
            }
            return true;
        }
        if (u == U::Second || u == U::Minute || u == U::Hour) { set_ref(m, sign < 0 ? "PAST_REF" : "FUTURE_REF"); return true; }
        // A count of five digits or more (`99999 years ago`) is no calendar date; it would
        // also overflow the arithmetic below.
        if (n.size() > 4) { set_ref(m, sign < 0 ? "PAST_REF" : "FUTURE_REF"); return true; }
        int count = std::atoi(n.c_str());
        TP base = ctx_.ref;
        G g = unit_granularity(u);
        if (rel && ctx_.has_anchor) {
            m.from_anchor = true;
            base = ctx_.anchor;
            if (base.g == G::PartOfDay || base.g == G::Minute) base.g = G::Day;
            if (u == U::Day || u == U::Week) { if (base.g < G::Day && base.g != G::Week) base = ctx_.ref; }
            if (base.g > g && !(u == U::Week && base.g > G::Week)) g = base.g;
            if (u == U::Week && base.g >= G::Day) g = G::Day;
        } else if (ago && u == U::Year && ctx_.has_period) {
            base = ctx_.period;   // earnings news: `a year ago` is the reported quarter a year back
            g = base.g;
        } else if (ago && u == U::Year && ctx_.has_anchor && (ctx_.anchor.g == G::Quarter || ctx_.anchor.g == G::Half)) {
            base = ctx_.anchor;
            g = base.g;
        }
        TP t = shift(base, u, sign * count);
        t = coarsen(t, g);
        t.g = g;
        set_date(m, t);
        return true;
    }
    m.b = i;
    m.e = e;
    if (!prefixed && L(i) == "the") m.b = i;
    m.type = "DURATION";
    m.value = duration_value(nv, u);
    // `N-year-old` is handled by the hyphen rule; `five years old` is an age: still P5Y
    return true;
}

bool Finder::rule_hyphen_duration(int i, M& m) const {
    sv s = L(i);
    size_t dash = s.find('-');
    if (dash == sv::npos || dash == 0) return false;
    // split into parts
    sv parts[6];
    int np = 0;
    size_t st = 0;
    while (np < 6) {
        size_t d2 = s.find('-', st);
        parts[np++] = s.substr(st, d2 == sv::npos ? sv::npos : d2 - st);
        if (d2 == sv::npos) break;
        st = d2 + 1;
    }
    if (np < 2) return false;
    std::string n;
    int k = 1;
    std::string dec;
    int nw = number_word(parts[0]);
    if (plain_decimal(parts[0], dec)) n = tidy_decimal(dec);
    else if (nw > 0) {
        if (np > 2 && number_word(parts[1]) > 0 && number_word(parts[1]) < 10 && nw >= 20) { nw += number_word(parts[1]); k = 2; }
        n = std::to_string(nw);
    } else if (parts[0] == "half") n = "0.5";
    else return false;
    bool plural;
    U u = unit_of(parts[k], plural);
    if (u == U::None || (plural && u == U::Quarter)) return false;  // `three-quarters`
    for (int r = k + 1; r < np; ++r)
        if (parts[r] != "long") return false;  // `30-year-old` is an age, not a TIMEX
    m.b = i;
    m.e = i + 1;
    m.type = "DURATION";
    m.value = duration_value(n, u);
    return true;
}

// every week / each year / daily / weekly / twice a week / $5 a year / per month
bool Finder::rule_set(int i, M& m) const {
    sv s = L(i);
    m.b = i;
    m.e = i + 1;
    m.type = "SET";
    if (s == "daily" || s == "nightly") { m.value = "P1D"; return true; }
    if (s == "weekly") { m.value = "P1W"; return true; }
    if (s == "monthly") { m.value = "P1M"; return true; }
    if (s == "yearly") { m.value = "P1Y"; return true; }
    if (s == "hourly") { m.value = "PT1H"; return true; }
    if (s == "every" || s == "each") {
        int j = i + 1;
        std::string n = "1";
        if (L(j) == "other") { n = "2"; ++j; }
        Num num = parse_number(w_, j, n_, false, false);
        if (num.len && !num.vague && num.suffix.empty()) { n = num.dec; j += num.len; }
        bool plural;
        U u = unit_of(L(j), plural);
        if (u != U::None) { m.e = j + 1; m.value = duration_value(n, u); return true; }
        int wd = weekday_of(L(j));
        if (wd && cap(j)) {
            m.e = j + 1;
            char buf[24];
            std::snprintf(buf, sizeof buf, "XXXX-WXX-%d", wd);
            m.value = buf;
            if (const char* pod = part_of_day(L(j + 1))) { m.value += std::string("T") + pod; m.e = j + 2; }
            return true;
        }
        bool ab;
        int mo = month_of(L(j), ab);
        if (mo && cap(j)) { m.e = j + 1; char buf[16]; std::snprintf(buf, sizeof buf, "XXXX-%02d", mo); m.value = buf; return true; }
        int se = season_of(L(j));
        if (se >= 0) { m.e = j + 1; m.value = std::string("XXXX-") + season_code(se); return true; }
        if (L(j) == "weekend") { m.e = j + 1; m.value = "XXXX-WXX-WE"; return true; }
        if (const char* pod = part_of_day(L(j))) { m.e = j + 1; m.value = std::string("XXXX-XX-XXT") + pod; return true; }
        return false;
    }
    // `on Sundays`, `Tuesday nights`
    if (int wd = weekday_plural(s)) {
        if (!cap(i)) return false;
        char buf[24];
        std::snprintf(buf, sizeof buf, "XXXX-WXX-%d", wd);
        m.value = buf;
        return true;
    }
    // frequency: `twice a week`, `$5 a year`, `10% per year`, `three times a day`
    if ((s == "a" || s == "an" || s == "per") && unit_of(L(i + 1)) != U::None && unit_of(L(i + 1)) != U::Quarter) {
        bool plural;
        U u = unit_of(L(i + 1), plural);
        if (plural) return false;
        sv p = L(i - 1);
        bool freq = p == "once" || p == "twice" || p == "thrice" || p == "times" || s == "per" ||
                    (i >= 1 && w_[size_t(i - 1)].digit) || p == "%" || p == "percent" || p == "million" ||
                    p == "billion" || p == "dollars" || p == "euros" || p == "cents" || p == "hours" || p == "miles" ||
                    measure_unit(p);
        if (!freq) return false;
        m.b = i;
        m.e = i + 2;
        m.value = duration_value("1", u);
        return true;
    }
    return false;
}

// `for years`, `within weeks`, `for months`: an unsaid number of the unit (TimeML's PXY, PXW).
bool Finder::rule_vague_units(int i, M& m) const {
    sv s = L(i);
    if (s != "for" && s != "within") return false;
    bool plural = false;
    U u = unit_of(L(i + 1), plural);
    if (u == U::None || !plural || u == U::Second || u == U::Quarter) return false;
    if (L(i + 2) == "of" || L(i + 2) == "ago" || L(i + 2) == "'") return false;   // `for years of work`, `years' time`
    m.b = i + 1;
    m.e = i + 2;
    m.type = "DURATION";
    m.value = duration_value("X", u);
    return true;
}

}  // namespace ae::values
