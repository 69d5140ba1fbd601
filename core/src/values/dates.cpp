// DATE rules of the values stage (see values/finder.h): explicit calendar dates, years, ranges
// and decades; days, weekdays and units relative to the reference day or the anchor; quarters
// and halves; seasons; reference words (`now`, `recently`).
#include "values/finder.h"

#include <algorithm>
#include <string>

namespace ae::values {

// ---- 1. explicit dates, years, ranges, decades --------------------------------------------------

// An explicit calendar date at i: ISO, m/d/y, [weekday ,] Month [day] [,] [year], day Month [year].
// Returns words consumed; sets t (Day/Month/Year granularity) and whether the year was written.
int Finder::date_core(int i, TP& t, bool& has_year, bool strict_month) const {
    sv s = L(i);
    has_year = false;
    if (s.empty()) return 0;
    // ISO 2024-04-06 / 2013-2017 ranges are handled by the range rule
    if (w_[size_t(i)].digit && s.size() == 10 && s[4] == '-' && s[7] == '-') {
        int y = 0, mo = 0, d = 0;
        for (int k = 0; k < 4; ++k) { if (s[size_t(k)] < '0' || s[size_t(k)] > '9') return 0; y = y * 10 + (s[size_t(k)] - '0'); }
        for (int k = 5; k < 7; ++k) { if (s[size_t(k)] < '0' || s[size_t(k)] > '9') return 0; mo = mo * 10 + (s[size_t(k)] - '0'); }
        for (int k = 8; k < 10; ++k) { if (s[size_t(k)] < '0' || s[size_t(k)] > '9') return 0; d = d * 10 + (s[size_t(k)] - '0'); }
        if (mo < 1 || mo > 12 || d < 1 || d > month_days(y, mo) || y < 1000) return 0;
        t = TP{};
        t.g = G::Day; t.y = y; t.m = mo; t.d = d;
        has_year = true;
        return 1;
    }
    // m/d/yyyy or m/d/yy (US order; day-first when the first number exceeds 12)
    if (w_[size_t(i)].digit && std::count(s.begin(), s.end(), '/') == 2) {
        int a = 0, b = 0, c = 0, part = 0, digits[3] = {0, 0, 0};
        for (char ch : s) {
            if (ch == '/') { ++part; continue; }
            if (ch < '0' || ch > '9') return 0;
            if (++digits[part] > 4) return 0;   // no date part has more digits (and no int overflow)
            int& v = part == 0 ? a : part == 1 ? b : c;
            v = v * 10 + (ch - '0');
        }
        if (digits[2] == 2) c += c < 50 ? 2000 : 1900;
        else if (digits[2] != 4) return 0;
        int mo = a, d = b;
        if (a > 12) { mo = b; d = a; }
        if (mo < 1 || mo > 12 || d < 1 || d > month_days(c, mo)) return 0;
        t = TP{};
        t.g = G::Day; t.y = c; t.m = mo; t.d = d;
        has_year = true;
        return 1;
    }
    int k = i;
    // weekday prefix: `Friday, Aug. 7`
    if (weekday_of(s) && cap(i)) {
        int k2 = i + 1;
        if (L(k2) == ",") ++k2;
        bool ab;
        if (month_of(L(k2), ab) && cap(k2) && day_number(L(k2 + 1))) k = k2;
        else if (day_number(L(k2)) && month_of(L(k2 + 1), ab) && cap(k2 + 1)) k = k2;
        else return 0;
    }
    bool ab = false;
    int mo = month_of(L(k), ab);
    if (mo && cap(k)) {
        int j = k + 1;
        int d = 0;
        sv dn = L(j);
        if (w_.size() > size_t(j) && w_[size_t(j)].digit && (d = day_number(dn)) != 0) ++j;
        else if (dn == "the" && day_number(L(j + 1)) && !w_[size_t(j + 1)].digit) { d = day_number(L(j + 1)); j += 2; }
        int y = 0, j2 = j;
        if (d && L(j2) == ",") ++j2;
        if (!d && L(j2) == "of" && year_word(L(j2 + 1))) ++j2;
        if ((y = year_word(L(j2))) != 0) { j = j2 + 1; has_year = true; }
        if (!d && !has_year) {
            // a bare month: needs a capital, not a name or modal
            if (ab && L(k).back() != '.') return 0;
            if (ab) return 0;
            if (strict_month || ambiguous_month(L(k))) {
                sv p = L(k - 1);
                if (!month_cue(p) && !(p == "'s" || p == "of")) return 0;
                if (is_title(p)) return 0;
            }
            if (is_title(L(k - 1))) return 0;
            if (cap(k + 1) && !L(k + 1).empty() && w_[size_t(k + 1)].alpha && k + 1 < n_ &&
                sb_[size_t(k + 1)] == sb_[size_t(k)])
                return 0;  // `April Smith`
            if (k == sb_[size_t(k)] && ambiguous_month(L(k))) return 0;  // `May I…`, `March on…`
        }
        t = TP{};
        t.m = mo;
        t.d = d ? d : 1;
        t.y = y;
        t.g = d ? G::Day : G::Month;
        if (has_year && t.d > month_days(t.y, t.m)) return 0;
        return j - i;
    }
    // `6 April 2024`, `6th of April`
    int d = day_number(s);
    if (d && w_[size_t(i)].digit) {
        int j = i + 1;
        if (L(j) == "of") ++j;
        int m2 = month_of(L(j), ab);
        if (m2 && cap(j)) {
            int y = year_word(L(j + 1));
            t = TP{};
            t.g = G::Day; t.m = m2; t.d = d; t.y = y;
            has_year = y != 0;
            if (has_year && d > month_days(y, m2)) return 0;
            return j + 1 - i + (has_year ? 1 : 0);
        }
    }
    return 0;
}

// A four-digit year 1000..2099 (or `'98`), else 0.
int Finder::year_word(sv s) {
    if (s.size() == 4 && s[0] >= '1' && s[0] <= '2') {
        int y = 0;
        for (char c : s) { if (c < '0' || c > '9') return 0; y = y * 10 + (c - '0'); }
        return y <= 2099 ? y : 0;
    }
    if (s.size() == 3 && s[0] == '\'' && s[1] >= '0' && s[1] <= '9' && s[2] >= '0' && s[2] <= '9') {
        int y = (s[1] - '0') * 10 + (s[2] - '0');
        return y < 40 ? 2000 + y : 1900 + y;
    }
    return 0;
}

bool Finder::rule_date(int i, M& m) const {
    TP t;
    bool has_year;
    sv d0 = L(i);
    if ((d0 == "last" || d0 == "next" || d0 == "this") && cap(i + 1)) {
        bool ab;
        int mo = month_of(L(i + 1), ab);
        if (mo && !ab && !day_number(L(i + 2)) && !year_word(L(i + 2))) {
            m.b = i;
            m.e = i + 2;
            if (!ctx_.has_ref) { set_ref(m, d0 == "last" ? "PAST_REF" : d0 == "next" ? "FUTURE_REF" : "PRESENT_REF"); return true; }
            TP r = ctx_.ref;
            int y = r.y;
            if (d0 == "last") y = mo < r.m - 1 ? r.y : r.y - 1;
            else if (d0 == "next") y = mo > r.m + 1 ? r.y : r.y + 1;
            t = TP{};
            t.g = G::Month; t.y = y; t.m = mo; t.d = 1;
            set_date(m, t);
            return true;
        }
    }
    int len = date_core(i, t, has_year, false);
    if (!len) {
        // `mid-November`, `early-December`, `late-March` as one word
        sv s = L(i);
        size_t dash = s.find('-');
        if (dash == sv::npos) return false;
        sv pre = s.substr(0, dash);
        if (pre != "mid" && pre != "early" && pre != "late") return false;
        bool ab;
        int mo = month_of(s.substr(dash + 1), ab);
        if (!mo || ab) return false;
        t = TP{};
        t.g = G::Month; t.m = mo; t.d = 1;
        has_year = false;
        len = 1;
        if (year_word(L(i + 1)) && L(i + 1)[0] != '\'') { t.y = year_word(L(i + 1)); has_year = true; len = 2; }
    }
    m.b = i;
    m.e = i + len;
    if (!has_year) {
        int fut = tense(m.b, m.e);
        if (!ctx_.has_ref) {
            m.type = "DATE";
            m.value = unresolved(t.g, t.m, t.g == G::Day ? t.d : 0);
            m.dayish = t.g == G::Day;
            return true;
        }
        TP named = t;
        t = month_no_year(t.m, t.g == G::Day ? t.d : 0, fut);
        // `February this year`, `in May last year`: the year the next words name (their own value)
        int k = m.e + (L(m.e) == "of" ? 1 : 0);
        if ((L(k) == "this" || L(k) == "last" || L(k) == "next") && L(k + 1) == "year") {
            t.y = ctx_.ref.y + (L(k) == "last" ? -1 : L(k) == "next" ? 1 : 0);
            if (named.g == G::Day) t.d = std::min(named.d, month_days(t.y, t.m));
        }
    }
    set_date(m, t);
    return true;
}

bool Finder::rule_year(int i, M& m) const {
    sv s = L(i);
    int y = year_word(s);
    if (!y || s[0] == '\'') return false;
    sv p = L(i - 1), nx = L(i + 1);
    if (p == "$" || currency_prefix(p) || p == "#" || p == "no." || p == "number" || p == "page") return false;
    if (nx == "%" || nx == "percent" || measure_unit(nx) || unit_of(nx) != U::None) return false;
    const char* code;
    bool minor;
    if (currency_word(nx, code, minor)) return false;
    if (nx == ":" || (value_kinds(nx) & VW_COUNTED_NOUN)) return false;
    if (y < 1900 && !(month_cue(p) || p == "year" || p == "fiscal" || p == "the" || p == "circa")) return false;
    if (L(i - 1) == "," && w_.size() > size_t(i) && i >= 2 && w_[size_t(i - 2)].digit) return false;  // `1,2000`
    m.b = i;
    m.e = i + 1;
    if (p == "fiscal") m.b = i - 1;
    TP t;
    t.g = G::Year; t.y = y; t.m = 1; t.d = 1;
    set_date(m, t);
    return true;
}

// `between 2013 and 2017`, `from March to May 2024`, `2013-2017`
bool Finder::rule_range(int i, M& m) const {
    sv s = L(i);
    if (w_[size_t(i)].digit && s.size() == 9 && s[4] == '-') {
        int a = year_word(s.substr(0, 4)), b = year_word(s.substr(5));
        if (a && b && a < b) {
            m.b = i; m.e = i + 1; m.type = "DATE";
            m.value = std::to_string(a) + "/" + std::to_string(b);
            return true;
        }
    }
    if (s != "between" && s != "from") return false;
    TP a, b;
    bool ya, yb;
    int la = date_core(i + 1, a, ya, false);
    if (!la) { int y = year_word(L(i + 1)); if (!y || L(i + 1)[0] == '\'') return false; a = TP{}; a.g = G::Year; a.y = y; ya = true; la = 1; }
    int j = i + 1 + la;
    sv c = L(j);
    if (!(s == "between" ? c == "and" : (c == "to" || c == "through" || c == "until" || c == "till" || c == "-"))) return false;
    int lb = date_core(j + 1, b, yb, false);
    if (!lb) { int y = year_word(L(j + 1)); if (!y || L(j + 1)[0] == '\'') return false; b = TP{}; b.g = G::Year; b.y = y; yb = true; lb = 1; }
    if (a.g != b.g) return false;
    if (!yb) return false;
    if (!ya) { a.y = b.y; if (a.m > b.m) a.y -= 1; }
    if (a.g == G::Day && a.d > month_days(a.y, a.m)) return false;
    m.b = i;
    m.e = j + 1 + lb;
    m.type = "DATE";
    m.value = format_tp(a) + "/" + format_tp(b);
    return true;
}

// `the 1990s`, `'90s`, `the nineties`, `mid-1990s`, `the 20th century`
bool Finder::rule_decade(int i, M& m) const {
    int j = i;
    if (L(j) == "the") ++j;
    if (L(j) == "early" || L(j) == "late" || L(j) == "mid") ++j;
    sv s = L(j);
    if (s.size() > 4 && s.substr(0, 4) == "mid-") s.remove_prefix(4);
    if (s.size() > 6 && (s.substr(0, 6) == "early-")) s.remove_prefix(6);
    if (s.size() > 5 && (s.substr(0, 5) == "late-")) s.remove_prefix(5);
    int dec = -1;
    if (s.size() == 5 && s[4] == 's' && s[3] == '0' && year_word(s.substr(0, 4))) dec = year_word(s.substr(0, 4));
    else if (s.size() == 6 && s.substr(4) == "'s" && year_word(s.substr(0, 4))) dec = year_word(s.substr(0, 4));
    else if (s.size() == 4 && s[0] == '\'' && s[3] == 's' && s[2] == '0' && s[1] >= '0' && s[1] <= '9') dec = (s[1] - '0') * 10 + (s[1] <= '2' ? 2000 : 1900);
    else if (L(j - 1) == "the" || L(j - 2) == "the") {
        if (const ValueWord* v = value_word(s); v && (v->kinds & VW_DECADE)) dec = v->decade;
    }
    if (dec > 0) {
        m.b = L(i) == "the" ? i : j;
        m.e = j + 1;
        TP t;
        t.g = G::Decade; t.y = dec;
        set_date(m, t);
        return true;
    }
    // centuries: `the 20th century`, `the nineteenth century`
    int c = 0;
    if (w_.size() > size_t(j) && w_[size_t(j)].digit) c = day_number(s);
    else if (const ValueWord* v = value_word(s); v && (v->ordinal_use & ORD_CENTURY)) c = v->ordinal;
    if (c >= 1 && c <= 22 && (L(j + 1) == "century") && !(L(j + 2) == "fox")) {
        m.b = L(i) == "the" ? i : j;
        m.e = j + 2;
        TP t;
        t.g = G::Century; t.y = (c - 1) * 100;
        set_date(m, t);
        return true;
    }
    return false;
}

// ---- 2. relative days, weekdays and units -------------------------------------------------------

// today / yesterday / tomorrow / tonight / the day before yesterday (+ morning, night, …)
bool Finder::rule_relday(int i, M& m) const {
    sv s = L(i);
    int off = 0, j = i + 1;
    const char* pod = nullptr;
    if (s == "today") off = 0;
    else if (s == "yesterday") off = -1;
    else if (s == "tomorrow") off = 1;
    else if (s == "tonight") { off = 0; pod = "NI"; }
    else if (s == "overnight" && !(L(i + 1) == "," ) && tense(i, i + 1) <= 0 && false) { off = 0; pod = "NI"; }
    else if (s == "the" && L(i + 1) == "day" && (L(i + 2) == "before" || L(i + 2) == "after") &&
             (L(i + 3) == "yesterday" || L(i + 3) == "tomorrow")) {
        off = L(i + 3) == "yesterday" ? -2 : 2;
        j = i + 4;
    } else if ((s == "this" || s == "last" || s == "yesterday" || s == "tomorrow") && part_of_day(L(i + 1))) {
        pod = part_of_day(L(i + 1));
        if (s == "last" && sv(pod) != "NI") return false;
        off = s == "last" || s == "yesterday" ? -1 : s == "tomorrow" ? 1 : 0;
        j = i + 2;
    } else
        return false;
    if (!pod && part_of_day(L(j)) && !(L(j).back() == 's')) { pod = part_of_day(L(j)); ++j; }
    m.b = i;
    m.e = j;
    if (!ctx_.has_ref) {
        if (pod) { m.type = "TIME"; m.value = off < 0 ? "PAST_REF" : off > 0 ? "FUTURE_REF" : "PRESENT_REF"; return true; }
        set_ref(m, off < 0 ? "PAST_REF" : off > 0 ? "FUTURE_REF" : "PRESENT_REF");
        m.dayish = true;
        return true;
    }
    TP t = tp_from_days(tp_days(ctx_.ref) + off);
    if (pod) { t.g = G::PartOfDay; t.pod = pod; }
    set_date(m, t);
    return true;
}

// [last|next|this|on] Weekday [morning|night…]
bool Finder::rule_weekday(int i, M& m) const {
    int j = i, dir = 0;
    sv s = L(i);
    if (s == "last" || s == "past") { dir = -1; ++j; }
    else if (s == "next" || s == "coming") { dir = 1; ++j; }
    else if (s == "this") { ++j; }
    int wd = weekday_of(L(j));
    if (!wd || !cap(j)) return false;
    if (L(j).back() == '.' && !(L(j + 1) == "," || day_number(L(j + 1)))) {
        // `Sun.` `Wed.` alone: too ambiguous unless a cue precedes
        if (!(L(j - 1) == "on" || L(j - 1) == "late" || L(j - 1) == "early")) return false;
    }
    m.b = i;
    m.e = j + 1;
    const char* pod = part_of_day(L(j + 1));
    if (pod && L(j + 1).back() != 's') m.e = j + 2; else pod = nullptr;
    if (!ctx_.has_ref) {
        m.type = "DATE";
        m.value = unresolved(G::Day, 0, 0, wd);
        m.dayish = true;
        return true;
    }
    // `Wednesday's ruling` is done; otherwise the verb tense decides
    int fut = dir ? 0 : L(j + 1) == "'s" ? -1 : tense(m.b, m.e);
    TP t = weekday_tp(wd, dir, fut);
    // `Friday evening`, `Friday afternoon`: the day and its part (TimeML's 2000-01-07TEV); `Friday
    // morning` and `Friday night` stay the day, as TimeBank mostly gives them (its annotators
    // often marked only `Friday` of `Friday night`)
    if (pod && (sv(pod) == "EV" || sv(pod) == "AF")) { t.g = G::PartOfDay; t.pod = pod; }
    set_date(m, t);
    return true;
}

// this/last/next/past/coming/previous/following/that/the same + unit or season;
// `the previous day`, `the next day`, `the following week` count from the anchor.
bool Finder::rule_relunit(int i, M& m) const {
    int j = i;
    bool the = false;
    if (L(j) == "the") { the = true; ++j; }
    sv d = L(j);
    int off = 0;
    bool from_anchor = false;
    if (the && d == "next") { off = 1; from_anchor = true; }
    else if (d == "this" || d == "current" || d == "present") off = 0;
    else if (d == "last" || d == "past") off = -1;
    else if (d == "next" || d == "coming") off = 1;
    else if (d == "previous" || d == "preceding" || d == "prior") { off = -1; from_anchor = true; }
    else if (d == "following" || (the && d == "next")) { off = 1; from_anchor = true; }
    else if (d == "that" || (the && d == "same")) { off = 0; from_anchor = true; }
    else return false;
    if (the && (d == "this" || d == "that")) return false;
    if (!the && (d == "previous" || d == "following" || d == "preceding" || d == "prior" || d == "present" || d == "current" ))
        return false;
    ++j;
    sv us = L(j);
    int season = season_of(us);
    bool plural = false;
    U u = unit_of(us, plural);
    bool weekend = us == "weekend";
    if (plural) return false;
    if (season < 0 && !weekend && (u == U::None || u == U::Second || u == U::Minute || u == U::Hour || u == U::Fortnight)) return false;
    if (the && d == "past" ) {
        // `the past year` — a date: the unit before the current one
    }
    m.b = i;
    m.e = j + 1;
    m.from_anchor = from_anchor;
    if (u == U::Day && !from_anchor) return false;  // `this day`, `next day` without `the`
    TP base = from_anchor && ctx_.has_anchor ? ctx_.anchor : ctx_.ref;
    if (!ctx_.has_ref) {
        set_ref(m, off < 0 ? "PAST_REF" : off > 0 ? "FUTURE_REF" : "PRESENT_REF");
        return true;
    }
    TP t;
    if (season >= 0) {
        // seasons: SP (Mar-May) SU (Jun-Aug) FA (Sep-Nov) WI (Dec-Feb, named by the year it starts)
        TP cur = coarsen(base, G::Season);
        int idx = cur.y * 4 + cur.season;
        int want = season;
        int target;
        if (off == 0) target = cur.y * 4 + want;
        else if (off < 0) { target = idx - 1; while ((target % 4 + 4) % 4 != want) --target; }
        else { target = idx + 1; while ((target % 4 + 4) % 4 != want) ++target; }
        t = TP{};
        t.g = G::Season;
        t.y = target >= 0 ? target / 4 : (target - 3) / 4;
        t.season = target - t.y * 4;
        t.m = 3 + 3 * t.season;
        if (t.m > 12) { t.m = 12; }
        set_date(m, t);
        return true;
    }
    if (weekend) {
        t = tp_from_days(tp_days(base) + 7 * off, G::Weekend);
        set_date(m, t);
        return true;
    }
    G g = unit_granularity(u);
    if (u == U::Day) {
        if (base.g < G::Day) base = ctx_.ref;
    }
    if (from_anchor && base.g > g && u == U::Year && (base.g == G::Quarter || base.g == G::Half || base.g == G::Month)) g = base.g;
    t = shift(base, u, off);
    t = coarsen(t, g);
    t.g = g;
    set_date(m, t);
    return true;
}

// ---- 3. quarters, halves, fiscal periods --------------------------------------------------------

// Quarters and halves: `the third quarter [of 1998]`, `third-quarter`, `Q3 2024`, `the first half`,
// `the year-ago quarter`, `fiscal 1989`, `the quarter`, `the latest quarter`.
bool Finder::rule_quarter(int i, M& m) const {
    int j = i;
    int yoff = 0, ystart = 0;
    if ((L(i) == "this" || L(i) == "last" || L(i) == "next") && L(i + 1) == "year" && L(i + 2) == "'s" && ctx_.has_ref) {
        ystart = ctx_.ref.y + (L(i) == "last" ? -1 : L(i) == "next" ? 1 : 0);
        j = i + 3;
        if (L(j) == "fiscal") ++j;
    }
    if (L(j) == "the") ++j;
    if (L(j) == "year-earlier" || L(j) == "year-ago") { yoff = -1; ++j; }
    if (L(j) == "fiscal") ++j;
    if (L(j - 1) == "the" && year_word(L(j)) && L(j)[0] != '\'') {
        // `the 1988 third quarter`, `the 1988 quarter`, `the 1989 period`
        int yy = year_word(L(j));
        if (ordinal_small(L(j + 1)) && (L(j + 2) == "quarter" || L(j + 2) == "half")) { ystart = yy; ++j; }
        else if (L(j + 1) == "quarter" || L(j + 1) == "period") {
            TP base = ctx_.has_anchor && ctx_.anchor.g == G::Quarter ? ctx_.anchor
                      : ctx_.has_ref ? coarsen(shift(ctx_.ref, U::Quarter, -1), G::Quarter) : TP{};
            TP t = base;
            t.g = G::Quarter;
            t.y = yy;
            t.q = (t.m - 1) / 3 + 1;
            m.b = i;
            m.e = j + 2;
            set_date(m, t);
            return true;
        }
    }
    sv s = L(j);
    int q = 0;
    bool half = false, hyphen = false;
    int explicit_year = 0;
    if (s.size() == 2 && s[0] == 'q' && s[1] >= '1' && s[1] <= '4') { q = s[1] - '0'; }
    else if ((q = ordinal_small(s)) != 0) {
        sv nx = L(j + 1);
        if (nx == "quarter" || nx == "fiscal") { if (nx == "fiscal") { if (L(j + 2) != "quarter") return false; ++j; } }
        else if (nx == "half" && q <= 2) half = true;
        else return false;
        ++j;
    } else if (s.size() > 8) {
        size_t dash = s.find('-');
        if (dash == sv::npos) return false;
        sv a = s.substr(0, dash), b = s.substr(dash + 1);
        q = ordinal_small(a);
        if (!q) return false;
        if (b == "half" && q <= 2) half = true;
        else if (b != "quarter") return false;
        hyphen = true;
    }
    if (!q) return ystart ? false : rule_quarter_ref(i, m);
    int e = j + 1;
    if (!hyphen && (L(e) == "of" || L(e) == ",") && year_word(L(e + 1))) { explicit_year = year_word(L(e + 1)); e += 2; }
    else if (!hyphen && L(e) == "of" && L(e + 1) == "fiscal" && year_word(L(e + 2))) { explicit_year = year_word(L(e + 2)); e += 3; }
    else if (year_word(L(e)) && L(e)[0] != '\'') { explicit_year = year_word(L(e)); ++e; }
    else if (L(e) == "of" && (L(e + 1) == "this" || L(e + 1) == "last" || L(e + 1) == "next") && L(e + 2) == "year") {
        explicit_year = 1;  // resolved below
        e += 3;
    }
    // `1998 third quarter`, `this year's third quarter`
    int y = explicit_year ? explicit_year : ystart;
    m.b = i;
    m.e = e;
    if (y == 1) {
        sv d = L(e - 2);
        y = ctx_.has_ref ? ctx_.ref.y + (d == "last" ? -1 : d == "next" ? 1 : 0) : 0;
    }
    if (!y) {
        sv p1 = L(i - 1), p2 = L(i - 2), p3 = L(i - 3);
        if (p1 == "'s" && p2 == "year" && (p3 == "this" || p3 == "last" || p3 == "next") && ctx_.has_ref) {
            y = ctx_.ref.y + (p3 == "last" ? -1 : p3 == "next" ? 1 : 0);
            m.b = i - 3;
        } else if (p1 == "'s" && year_word(p2)) { y = year_word(p2); m.b = i - 2; }
        else if (year_word(p1) && p1[0] != '\'' && L(i) != "the") { y = year_word(p1); m.b = i - 1; }
    }
    if (!y) {
        if (!ctx_.has_ref) {
            m.type = "DATE";
            m.value = half ? "XXXX-H" + std::to_string(q) : "XXXX-Q" + std::to_string(q);
            return true;
        }
        int rq = half ? (ctx_.ref.m - 1) / 6 + 1 : (ctx_.ref.m - 1) / 3 + 1;
        int fut = tense(m.b, m.e);
        y = ctx_.ref.y;
        if (fut <= 0 && q > rq) y -= 1;
        if (yoff && ctx_.has_anchor && (ctx_.anchor.g == G::Quarter || ctx_.anchor.g == G::Year)) y = ctx_.anchor.y;
    }
    y += yoff;
    TP t;
    t.g = half ? G::Half : G::Quarter;
    t.y = y;
    t.q = q;
    t.m = half ? (q - 1) * 6 + 1 : (q - 1) * 3 + 1;
    t.d = 1;
    set_date(m, t);
    m.from_anchor = yoff != 0;
    return true;
}

// `the quarter`, `the latest quarter`, `the year-ago quarter`, `the year-earlier period`
bool Finder::rule_quarter_ref(int i, M& m) const {
    if (L(i) != "the") return false;
    int j = i + 1;
    int yoff = 0;
    sv s = L(j);
    if (s == "latest" || s == "recent" || s == "most") { if (s == "most") { if (L(j + 1) != "recent") return false; ++j; } ++j; }
    else if (s == "year-ago" || s == "year-earlier" || s == "year-before") { yoff = -1; ++j; }
    else if (s == "same") { ++j; if (L(j) == "quarter" || L(j) == "period") { if (L(j + 1) != "a" || L(j + 2) != "year") return false; } }
    sv u = L(j);
    if (u != "quarter" && !(u == "period" && (yoff || s == "latest"))) return false;
    if (!ctx_.has_ref) { m.b = i; m.e = j + 1; m.type = "DATE"; m.value = "XXXX-QX"; return true; }
    TP base;
    bool latest = s == "latest" || s == "recent" || s == "most";
    if (!latest && ctx_.has_anchor && ctx_.anchor.g == G::Quarter) base = ctx_.anchor;
    else {
        base = coarsen(shift(ctx_.ref, U::Quarter, -1), G::Quarter);
    }
    int e = j + 1;
    if (s == "same" && L(e) == "a" && L(e + 1) == "year") { e += 3; yoff = -1; }
    TP t = shift(base, U::Year, yoff);
    t.g = G::Quarter;
    t.q = (t.m - 1) / 3 + 1;
    m.b = i;
    m.e = e;
    set_date(m, t);
    m.from_anchor = yoff != 0;
    return true;
}

// `year-earlier`, `year-ago` as adjectives: the anchor a year back.
bool Finder::rule_year_ago_adj(int i, M& m) const {
    sv s = L(i);
    if (s != "year-earlier" && s != "year-ago") return false;
    if (L(i - 1) == "the") return false;  // the quarter rule
    if (!ctx_.has_ref) { m.b = i; m.e = i + 1; set_ref(m, "PAST_REF"); return true; }
    TP base = ctx_.has_anchor ? ctx_.anchor : ctx_.ref;
    if (base.g > G::Day) base.g = G::Day;
    TP t = shift(base, U::Year, -1);
    t = coarsen(t, base.g);
    m.from_anchor = true;
    m.b = i;
    m.e = i + 1;
    set_date(m, t);
    return true;
}

// ---- 4. seasons and reference words -------------------------------------------------------------

// Seasons with a year or a cue: `summer 2024`, `in the spring`, `the winter of 1998`.
bool Finder::rule_season(int i, M& m) const {
    int j = i;
    if (L(j) == "the") ++j;
    int se = season_of(L(j));
    if (se < 0) return false;
    int e = j + 1;
    int y = 0;
    if (L(e) == "of" && year_word(L(e + 1))) { y = year_word(L(e + 1)); e += 2; }
    else if (year_word(L(e)) && L(e)[0] != '\'') { y = year_word(L(e)); ++e; }
    if (!y) {
        sv p = L(i - 1);
        if (!(p == "in" || p == "during" || p == "since" || p == "until" || p == "by" || p == "this" || p == "early" ||
              p == "late" || p == "over"))
            return false;
        if (se == 2 && L(i) == "fall") return false;  // `fall` the verb
        if (!ctx_.has_ref) { m.b = i; m.e = e; m.type = "DATE"; m.value = std::string("XXXX-") + season_code(se); return true; }
        TP cur = coarsen(ctx_.ref, G::Season);
        int fut = tense(i, e);
        y = cur.y;
        if (fut > 0 && se < cur.season) y += 1;
        if (fut <= 0 && se > cur.season) y -= 1;
    }
    TP t;
    t.g = G::Season;
    t.y = y;
    t.season = se;
    t.m = se == 3 ? 12 : 3 + 3 * se;
    m.b = i;
    m.e = e;
    set_date(m, t);
    return true;
}

// now, currently, recently, the past, the future, soon, previously, …
bool Finder::rule_refword(int i, M& m) const {
    sv s = L(i);
    m.b = i;
    m.e = i + 1;
    if (s == "now" && !(L(i + 1) == "that" && false)) { set_ref(m, "PRESENT_REF"); return true; }
    if (s == "currently" || s == "nowadays") { set_ref(m, "PRESENT_REF"); return true; }
    if (s == "these" && L(i + 1) == "days") { m.e = i + 2; set_ref(m, "PRESENT_REF"); return true; }
    if (s == "recently" || s == "lately") { set_ref(m, "PAST_REF"); return true; }
    if (s == "recent") {
        bool plural;
        U u = unit_of(L(i + 1), plural);
        if (u == U::Year || u == U::Decade) { m.e = i + 2; set_ref(m, "PAST_REF"); return true; }
        if (u != U::None && plural) { m.e = i + 2; m.type = "DURATION"; m.value = duration_value("X", u); return true; }
        if (u != U::None) return false;
        if (L(i - 1) == "the" || L(i - 1) == "a" || L(i - 1) == "most" || L(i - 1) == "more") return false;
        set_ref(m, "PAST_REF");
        return true;
    }
    if (s == "current" && !(L(i + 1) == "account" || L(i + 1) == "accounts" || L(i + 1) == "affairs" ||
                            L(i + 1) == "events" || L(i + 1) == "," || L(i + 1) == "." || unit_of(L(i + 1)) != U::None ||
                            L(i - 1) == "electric" || (L(i - 1) == "the" && L(i + 1) == "of"))) {
        set_ref(m, "PRESENT_REF");
        return true;
    }
    if (s == "future" && (L(i - 1) == "near" || L(i - 1) == "foreseeable" || L(i - 1) == "in")) { set_ref(m, "FUTURE_REF"); return true; }
    if (s == "the" && (L(i + 1) == "near" || L(i + 1) == "foreseeable") && L(i + 2) == "future") { m.e = i + 3; set_ref(m, "FUTURE_REF"); return true; }
    if (s == "the" && L(i + 1) == "weekend" && ctx_.has_ref) {
        m.e = i + 2;
        int64_t r = tp_days(ctx_.ref);
        int wd = iso_weekday(r);
        int fut = tense(i, i + 2);
        int64_t day = wd >= 6 ? r : fut > 0 ? r + (6 - wd) : r - wd - 1;
        set_date(m, tp_from_days(day, G::Weekend));
        return true;
    }
    if (s == "the" && (L(i + 1) == "past" || L(i + 1) == "future")) {
        sv nx = L(i + 2);
        if (unit_of(nx) != U::None || number_word(nx) >= 0 || (i + 2 < n_ && w_[size_t(i + 2)].digit) || nx == "few" ||
            nx == "several" || weekday_of(nx) || season_of(nx) >= 0 || nx == "weekend")
            return false;
        m.e = i + 2;
        set_ref(m, L(i + 1) == "past" ? "PAST_REF" : "FUTURE_REF");
        return true;
    }
    return false;
}

// ---- 6. years in words and holidays -------------------------------------------------------------

// `nineteen ninety-six`, `twenty twenty`, `the year two thousand`: a year said as words
// (broadcast transcripts).
bool Finder::rule_spelled_year(int i, M& m) const {
    sv s = L(i);
    int y = 0, e = 0;
    if (s == "nineteen" || s == "twenty") {
        int tail = number_word(L(i + 1));
        if (tail < 10 || tail > 99) return false;
        y = (s == "nineteen" ? 1900 : 2000) + tail;
        e = i + 2;
    } else if (s == "the" && L(i + 1) == "year" && L(i + 2) == "two" && L(i + 3) == "thousand") {
        y = 2000;
        e = i + 4;
        int k = e + (L(e) == "and" ? 1 : 0);
        int tail = number_word(L(k));
        if (tail >= 1 && tail <= 99) { y += tail; e = k + 1; }
    } else {
        return false;
    }
    sv nx = L(e);
    if (unit_of(nx) != U::None || (value_kinds(nx) & VW_COUNTED_NOUN) || nx == "people" || nx == "percent") return false;
    m.b = i;
    m.e = e;
    TP t;
    t.g = G::Year; t.y = y; t.m = 1; t.d = 1;
    set_date(m, t);
    return true;
}

namespace {

// Easter Sunday of year y (the Gregorian computus), as days since the epoch.
int64_t easter_days(int y) {
    int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
    int mm = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * mm + 114) / 31, day = (h + l - 7 * mm + 114) % 31 + 1;
    return days_from_civil(y, month, day);
}

// The n-th (1..4; -1 = last) weekday wd (1 = Monday) of month m in year y.
int64_t nth_weekday(int y, int m, int wd, int n) {
    if (n > 0) {
        int64_t first = days_from_civil(y, m, 1);
        return first + (wd - iso_weekday(first) + 7) % 7 + 7 * (n - 1);
    }
    int64_t last = days_from_civil(y, m, month_days(y, m));
    return last - (iso_weekday(last) - wd + 7) % 7;
}

}  // namespace

// `Thanksgiving`, `Christmas Day`, `New Year's Eve`, `Election Day`, `Easter`, `last Thanksgiving`:
// the holiday's date in the year nearest the reference day (the tense, or last/next, decides).
bool Finder::rule_holiday(int i, M& m) const {
    int j = i, dir = 0;
    sv s = L(i);
    if (s == "last") { dir = -1; ++j; }
    else if (s == "next") { dir = 1; ++j; }
    else if (s == "this") { ++j; }
    if (!cap(j)) return false;
    sv a = L(j), b = L(j + 1);
    int len = 0;
    int which = 0;   // 1 thanksgiving 2 christmas 3 christmas eve 4 new year's day 5 new year's eve 7 easter
                     // 8 independence day 9 labor day 10 memorial day 11 veterans day 12 halloween 13 valentine's day 14 boxing day
                     // 15 good friday 16 easter week
    if (a == "thanksgiving") { which = 1; len = b == "day" ? 2 : 1; }
    else if (a == "christmas") { which = b == "eve" ? 3 : 2; len = b == "day" || b == "eve" ? 2 : 1; }
    else if (a == "new" && (b == "year's" || b == "years") && (L(j + 2) == "day" || L(j + 2) == "eve")) { which = L(j + 2) == "eve" ? 5 : 4; len = 3; }
    else if (a == "easter") { which = b == "week" ? 16 : 7; len = b == "sunday" || b == "week" ? 2 : 1; }
    else if (a == "independence" && b == "day") { which = 8; len = 2; }
    else if ((a == "labor" || a == "labour") && b == "day") { which = 9; len = 2; }
    else if (a == "memorial" && b == "day") { which = 10; len = 2; }
    else if ((a == "veterans" || a == "veterans'" || a == "veteran's") && b == "day") { which = 11; len = 2; }
    else if (a == "halloween") { which = 12; len = 1; }
    else if ((a == "valentine's" || a == "valentines") && b == "day") { which = 13; len = 2; }
    else if (a == "boxing" && b == "day") { which = 14; len = 2; }
    else if (a == "good" && b == "friday") { which = 15; len = 2; }
    if (!which) return false;
    // `Christmas day`, `Easter week`; but a common first word needs the capital of a name on
    // both (`Election Day`, `Memorial Day`, `Good Friday`, not `the election day`)
    const bool common = (which >= 8 && which <= 11) || which == 14 || which == 15;
    if (len >= 2 && common && !cap(j + 1)) return false;
    // A one-word holiday naming a thing (`Christmas sales`, `the Easter egg`) is no date: after it
    // only a word of time, a function word, a participle (`Thanksgiving following`) or punctuation.
    sv nx = L(j + len);
    const bool participle = nx.size() > 4 && (nx.substr(nx.size() - 3) == "ing" || nx.substr(nx.size() - 2) == "ed") &&
                            nx != "shopping" && nx != "trading" && nx != "spending" && nx != "greeting" && nx != "wedding";
    if (len == 1 && !nx.empty() && w_[size_t(j + len)].alpha && !cap(j + len) && !participle) {
        static const char* const ok[] = {"day", "eve", "week", "weekend", "period", "season", "holiday", "holidays", "break",
                                         "morning", "afternoon", "evening", "night", "and", "or", "to", "in", "on", "at",
                                         "when", "with", "for", "as", "but", "by", "of", "from", "this", "last", "next",
                                         "is", "was", "will", "has", "had", "would", "could", "came", "comes", "before",
                                         "after", "until", "falls", "fell", "itself", nullptr};
        bool fine = false;
        for (const char* const* w = ok; *w && !fine; ++w) fine = nx == *w;
        if (!fine) return false;
    }
    m.b = i;
    m.e = j + len;
    auto date_in = [&](int y) -> int64_t {
        switch (which) {
        case 1: return nth_weekday(y, 11, 4, 4);
        case 2: return days_from_civil(y, 12, 25);
        case 3: return days_from_civil(y, 12, 24);
        case 4: return days_from_civil(y, 1, 1);
        case 5: return days_from_civil(y, 12, 31);
        case 7: case 16: return easter_days(y);
        case 8: return days_from_civil(y, 7, 4);
        case 9: return nth_weekday(y, 9, 1, 1);
        case 10: return nth_weekday(y, 5, 1, -1);
        case 11: return days_from_civil(y, 11, 11);
        case 12: return days_from_civil(y, 10, 31);
        case 13: return days_from_civil(y, 2, 14);
        case 14: return days_from_civil(y, 12, 26);
        case 15: return easter_days(y) - 2;
        }
        return 0;
    };
    int64_t day;
    if (!ctx_.has_ref) {   // a fixed day keeps its month and day (`XXXX-12-25`)
        m.type = "DATE";
        int y = 2001, mo, d;
        civil_from_days(date_in(y), y, mo, d);
        const bool movable = which == 1 || which == 7 || which == 16 || (which >= 9 && which <= 10) || which == 15;
        m.value = movable ? "XXXX" : unresolved(G::Day, mo, d);
        return true;
    }
    int64_t r = tp_days(ctx_.ref);
    int fut = dir ? 0 : tense(m.b, m.e);
    int64_t best_day = date_in(ctx_.ref.y);
    double best = 1e18;
    for (int y = ctx_.ref.y - 1; y <= ctx_.ref.y + 1; ++y) {
        int64_t d = date_in(y);
        int64_t diff = d - r;
        if (dir < 0 && diff >= 0) continue;
        if (dir > 0 && diff <= 0) continue;
        double cost = double(diff < 0 ? -diff : diff);
        if (!dir && diff > 0 && fut <= 0) cost *= fut < 0 ? 3.0 : 1.5;
        if (!dir && diff < 0 && fut > 0) cost *= 3.0;
        if (cost < best) { best = cost; best_day = d; }
    }
    day = best_day;
    TP t = tp_from_days(day);
    if (which == 16) t.g = G::Week;
    set_date(m, t);
    return true;
}

// `by year-end` (this year's last day), `since year-end` (last year's); `the year ended March 31`
// (a year up to that day: P1Y); `the full year` (the reference year).
bool Finder::rule_year_end(int i, M& m) const {
    sv s = L(i);
    if (s == "year-end" || (s == "year" && L(i + 1) == "-" && L(i + 2) == "end")) {
        if (!ctx_.has_ref) return false;
        m.b = i;
        m.e = s == "year-end" ? i + 1 : i + 3;
        sv p = L(i - 1);
        int y = ctx_.ref.y;
        if (p == "since" || p == "from" || (p != "by" && p != "until" && p != "before" && tense(m.b, m.e) < 0)) y -= 1;
        TP t;
        t.g = G::Day; t.y = y; t.m = 12; t.d = 31;
        set_date(m, t);
        return true;
    }
    if (s != "the") return false;
    int j = i + 1;
    if (L(j) == "fiscal" || L(j) == "full") ++j;
    if (L(j) != "year") return false;
    if (L(j + 1) == "ended" || L(j + 1) == "ending") {
        m.b = i;
        m.e = j + 1;
        m.type = "DURATION";
        m.value = "P1Y";
        return true;
    }
    if (L(i + 1) == "full" && ctx_.has_ref && !(L(j + 1) == "of" || L(j + 1) == "before" || L(j + 1) == "after")) {
        m.b = i;
        m.e = j + 1;
        TP t;
        t.g = G::Year; t.y = ctx_.ref.y; t.m = 1; t.d = 1;
        set_date(m, t);
        m.dated = false;   // not an anchor for what follows
        return true;
    }
    return false;
}

}  // namespace ae::values
