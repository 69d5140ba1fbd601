// Calendar arithmetic and TIMEX3 formatting for the values stage (internal).
#pragma once
#include <cstdint>
#include <cstdio>
#include <string>

namespace ae::values {

// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
inline int64_t days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const int64_t yoe = y - era * 400;
    const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}
inline void civil_from_days(int64_t z, int& y, int& m, int& d) {
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const int64_t doe = z - era * 146097;
    const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int64_t mp = (5 * doy + 2) / 153;
    d = int(doy - (153 * mp + 2) / 5 + 1);
    m = int(mp < 10 ? mp + 3 : mp - 9);
    y = int(yoe + era * 400 + (m <= 2));
}
inline int iso_weekday(int64_t days) {  // 1 = Monday .. 7 = Sunday
    int64_t w = (days + 3) % 7;         // 1970-01-01 was a Thursday
    if (w < 0) w += 7;
    return int(w) + 1;
}
inline bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
inline int month_days(int y, int m) {
    static const int k[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : k[(m - 1) % 12];
}
// ISO 8601 week: sets iso year and week number.
inline void iso_week(int y, int m, int d, int& wy, int& wk) {
    int64_t days = days_from_civil(y, m, d);
    int64_t thursday = days - iso_weekday(days) + 4;
    int ty, tm, td;
    civil_from_days(thursday, ty, tm, td);
    wy = ty;
    wk = int((thursday - days_from_civil(ty, 1, 1)) / 7) + 1;
}

// Units of time.
enum class U : uint8_t { None, Second, Minute, Hour, Day, Week, Fortnight, Month, Quarter, Year, Decade, Century, Millennium };

// Granularity, coarse to fine.
enum class G : uint8_t { Millennium, Century, Decade, Year, Half, Quarter, Season, Month, Week, Weekend, Day, PartOfDay, Minute };

// A point on the calendar at some granularity. y/m/d are always a valid day inside the unit
// (the first day of a quarter, for example) so that arithmetic works at any granularity.
struct TP {
    G g = G::Day;
    int y = 1970, m = 1, d = 1;
    int q = 1;       // quarter 1..4 / half 1..2 when g is Quarter / Half
    int season = 0;  // 0 SP, 1 SU, 2 FA, 3 WI when g is Season
    int hh = 0, mi = 0;
    const char* pod = "";  // MO AF EV NI when g is PartOfDay
};

// A season's TIMEX code: 0 SP, 1 SU, 2 FA, 3 WI.
inline const char* season_code(int s) {
    static const char* const k[4] = {"SP", "SU", "FA", "WI"};
    return k[s & 3];
}

inline int64_t tp_days(const TP& t) { return days_from_civil(t.y, t.m, t.d); }
inline TP tp_from_days(int64_t days, G g = G::Day) {
    TP t;
    t.g = g;
    civil_from_days(days, t.y, t.m, t.d);
    t.q = (t.m - 1) / 3 + 1;
    return t;
}
inline void add_months(TP& t, int n) {
    int total = t.y * 12 + (t.m - 1) + n;
    t.y = total >= 0 ? total / 12 : (total - 11) / 12;
    t.m = total - t.y * 12 + 1;
    if (t.d > month_days(t.y, t.m)) t.d = month_days(t.y, t.m);
}

inline std::string format_tp(const TP& t) {
    char buf[64];
    switch (t.g) {
        case G::Millennium: std::snprintf(buf, sizeof buf, "%d", t.y / 1000); break;
        case G::Century: std::snprintf(buf, sizeof buf, "%02d", t.y / 100); break;
        case G::Decade: std::snprintf(buf, sizeof buf, "%03d", t.y / 10); break;
        case G::Year: std::snprintf(buf, sizeof buf, "%04d", t.y); break;
        case G::Half: std::snprintf(buf, sizeof buf, "%04d-H%d", t.y, t.q); break;
        case G::Quarter: std::snprintf(buf, sizeof buf, "%04d-Q%d", t.y, t.q); break;
        case G::Season: std::snprintf(buf, sizeof buf, "%04d-%s", t.y, season_code(t.season)); break;
        case G::Month: std::snprintf(buf, sizeof buf, "%04d-%02d", t.y, t.m); break;
        case G::Week:
        case G::Weekend: {
            int wy, wk;
            iso_week(t.y, t.m, t.d, wy, wk);
            std::snprintf(buf, sizeof buf, "%04d-W%02d%s", wy, wk, t.g == G::Weekend ? "-WE" : "");
            break;
        }
        case G::Day: std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", t.y, t.m, t.d); break;
        case G::PartOfDay: std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%s", t.y, t.m, t.d, t.pod); break;
        case G::Minute: std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d", t.y, t.m, t.d, t.hh, t.mi); break;
    }
    return buf;
}

inline G unit_granularity(U u) {
    switch (u) {
        case U::Day: return G::Day;
        case U::Week: case U::Fortnight: return G::Week;
        case U::Month: return G::Month;
        case U::Quarter: return G::Quarter;
        case U::Year: return G::Year;
        case U::Decade: return G::Decade;
        case U::Century: return G::Century;
        case U::Millennium: return G::Millennium;
        default: return G::Minute;
    }
}

// Shifts t by n units (calendar arithmetic on its y/m/d).
inline TP shift(TP t, U u, int n) {
    switch (u) {
        case U::Second: case U::Minute: case U::Hour: break;
        case U::Day: { G g = t.g; const char* pod = t.pod; t = tp_from_days(tp_days(t) + n, g); t.pod = pod; break; }
        case U::Week: { G g = t.g; t = tp_from_days(tp_days(t) + 7 * n, g); break; }
        case U::Fortnight: { G g = t.g; t = tp_from_days(tp_days(t) + 14 * n, g); break; }
        case U::Month: add_months(t, n); break;
        case U::Quarter: add_months(t, 3 * n); break;
        case U::Year: t.y += n; if (t.d > month_days(t.y, t.m)) t.d = month_days(t.y, t.m); break;
        case U::Decade: t.y += 10 * n; break;
        case U::Century: t.y += 100 * n; break;
        case U::Millennium: t.y += 1000 * n; break;
        case U::None: break;
    }
    if (t.g == G::Quarter) t.q = (t.m - 1) / 3 + 1;
    if (t.g == G::Half) t.q = (t.m - 1) / 6 + 1;
    return t;
}

// Moves t to granularity g (coarser): aligns y/m/d to the start of the unit.
inline TP coarsen(TP t, G g) {
    t.g = g;
    switch (g) {
        case G::Quarter: t.q = (t.m - 1) / 3 + 1; t.m = (t.q - 1) * 3 + 1; t.d = 1; break;
        case G::Half: t.q = (t.m - 1) / 6 + 1; t.m = (t.q - 1) * 6 + 1; t.d = 1; break;
        case G::Month: t.d = 1; break;
        case G::Year: case G::Decade: case G::Century: case G::Millennium: t.m = 1; t.d = 1; break;
        case G::Season: t.season = t.m >= 3 && t.m <= 5 ? 0 : t.m >= 6 && t.m <= 8 ? 1 : t.m >= 9 && t.m <= 11 ? 2 : 3;
            if (t.m <= 2) t.y -= 1;
            break;
        default: break;
    }
    return t;
}

}  // namespace ae::values
