// TIME rules of the values stage (see values/finder.h): clock times (`5:30 p.m.`, `noon`,
// `17:30 GMT`), joined with a day before or after them (`Friday at 5 p.m.`, `10 a.m. on Monday`).
#include "values/finder.h"

#include <string>

namespace ae::values {

// Clock times: `5:30 p.m.`, `5 p.m.`, `5pm`, `noon`, `midnight`, `10 o'clock`, `17:30 GMT`.
bool Finder::clock_at(int i, int& e, int& hh, int& mi) const {
    sv s = L(i);
    if (s == "noon" || s == "midday") { hh = 12; mi = 0; e = i + 1; return true; }
    if (s == "midnight") { hh = 24; mi = 0; e = i + 1; return true; }
    if (i >= n_ || !w_[size_t(i)].digit) return false;
    int h = 0, mm = 0;
    size_t k = 0;
    while (k < s.size() && s[k] >= '0' && s[k] <= '9' && k < 2) h = h * 10 + (s[k++] - '0');
    bool colon = false;
    if (k < s.size() && (s[k] == ':' || (s[k] == '.' && k + 2 < s.size() + 0 && false))) {
        colon = true;
        ++k;
        if (k + 2 > s.size() || s[k] < '0' || s[k] > '5' || s[k + 1] < '0' || s[k + 1] > '9') return false;
        mm = (s[k] - '0') * 10 + (s[k + 1] - '0');
        k += 2;
    }
    sv rest = s.substr(k);
    int j = i + 1;
    int ampm = 0;  // 1 am, 2 pm
    auto ap = [](sv t) { return t == "a.m." || t == "a.m" || t == "am" ? 1 : t == "p.m." || t == "p.m" || t == "pm" ? 2 : 0; };
    if (!rest.empty()) { ampm = ap(rest); if (!ampm) return false; }
    else if ((ampm = ap(L(j))) != 0) {
        if (L(j) == "am" && !colon) return false;  // `5 am` is rare; `I am`
        ++j;
    }
    if (h > 24 || (ampm && (h < 1 || h > 12))) return false;
    if (!ampm) {
        if (L(j) == "o'clock") ++j;
        else if (!colon) return false;
        else {
            sv p = L(i - 1);
            bool tz = value_kinds(L(j)) & VW_CLOCK_ZONE;
            if (!(p == "at" || p == "by" || p == "around" || p == "until" || p == "before" || p == "after" || p == "from" || tz))
                return false;
            if (h > 23) return false;
        }
    }
    if (ampm == 2 && h < 12) h += 12;
    if (ampm == 1 && h == 12) h = 0;
    // `in the morning`
    if (!ampm && L(j) == "in" && L(j + 1) == "the" && part_of_day(L(j + 2))) {
        if (sv(part_of_day(L(j + 2))) != "MO" && h < 12) h += 12;
        j += 3;
    }
    // time zone
    if (value_kinds(L(j)) & VW_TIME_ZONE) ++j;
    hh = h;
    mi = mm;
    e = j;
    return true;
}

bool Finder::rule_clock(int i, M& m) const {
    int e, hh, mi;
    sv p = L(i - 1);
    int start = i;
    if ((p == "about" || p == "around" || p == "approximately") && false) start = i - 1;
    if (!clock_at(i, e, hh, mi)) return false;
    m.b = start;
    m.e = e;
    m.type = "TIME";
    m.clock = true;
    m.hh = hh;
    m.mi = mi;
    // a day right after: `5 p.m. Friday`, `10 a.m. on Monday`, `5 p.m. EST, Nov. 9`
    int j = e;
    if (L(j) == "," || L(j) == "on") ++j;
    M d;
    if (day_at(j, d)) {
        m.e = d.e;
        m.value = d.value;
        m.tp = d.tp;
        m.dated = d.dated;
    }
    return true;
}

// A day-level DATE at i (for joining with a clock time).
bool Finder::day_at(int i, M& d) const {
    if (i >= n_) return false;
    M x;
    if ((rule_weekday(i, x) || rule_relday(i, x) || rule_date(i, x)) && x.type == "DATE" && (x.dayish || x.tp.g == G::Day)) {
        d = x;
        return true;
    }
    return false;
}

void Finder::attach_clock(M& m) const {
    if (m.type != "DATE" || !(m.dayish || (m.dated && m.tp.g == G::Day))) return;
    int j = m.e;
    if (L(j) == "at" || L(j) == ",") ++j;
    int e, hh, mi;
    if (j < n_ && clock_at(j, e, hh, mi)) {
        m.e = e;
        m.clock = true;
        m.hh = hh;
        m.mi = mi;
        m.type = "TIME";
    }
}

}  // namespace ae::values
