// The article's own date line: the reference date relative expressions are resolved against.
#include "article_explorer/text.h"
#include "article_explorer/lexicon.h"
#include "head.h"

#include <cctype>
#include <cstdio>
#include <cstring>

namespace ae {

namespace {

bool is_alpha(char c) { return std::isalpha((unsigned char)c) != 0; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

size_t skip_spaces(std::string_view s, size_t i) {
    while (i < s.size()) {
        if (s[i] == ' ' || s[i] == '\t') { ++i; continue; }
        if (i + 1 < s.size() && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA0) { i += 2; continue; }
        break;
    }
    return i;
}

size_t read_word(std::string_view s, size_t i, std::string& w) {
    w.clear();
    size_t j = i;
    while (j < s.size() && is_alpha(s[j])) w += char(std::tolower((unsigned char)s[j++]));
    return j;
}

size_t read_int(std::string_view s, size_t i, int& v, int max_digits) {
    size_t j = i; v = 0;
    while (j < s.size() && is_digit(s[j]) && int(j - i) < max_digits) v = v * 10 + (s[j++] - '0');
    if (j < s.size() && is_digit(s[j])) return i;   // too many digits
    return j;
}

bool valid_date(int y, int m, int d) {
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return y >= 1000 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 && d <= days[m - 1] &&
           !(m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
}

std::string iso(int y, int m, int d) {
    char b[16];
    std::snprintf(b, sizeof b, "%04d-%02d-%02d", y, m, d);
    return b;
}

// A weekday's name or short form (calendar.txt), lower case.
bool is_weekday(std::string_view w) {
    const CalendarWord* c = calendar_word(w);
    return c && c->weekday;
}

// A year of four digits at s[i]: its end, or i when there is none. Pages glue the year to what
// follows ("April 8, 20253:02 PM", "8 Apr 20258 Apr 2025"): a fifth digit is allowed when a
// time or a day and month starts there.
size_t read_year(std::string_view s, size_t i, int& y) {
    size_t c = read_int(s, i, y, 4);
    if (c == i + 4) return c;
    if (c != i) return i;
    // read_int refused: more than four digits. Take four if a time or "8 Apr" follows them.
    y = 0;
    for (size_t k = i; k < i + 4; ++k) {
        if (k >= s.size() || !is_digit(s[k])) return i;
        y = y * 10 + (s[k] - '0');
    }
    size_t j = i + 4, k = j;
    while (k < s.size() && is_digit(s[k]) && k - j < 2) ++k;
    if (k > j && k + 2 < s.size() && (s[k] == ':' || s[k] == '.') && is_digit(s[k + 1]) && is_digit(s[k + 2]))
        return j;
    std::string w;
    size_t e = read_word(s, skip_spaces(s, k), w);
    if (k > j && e > k && month_from_name(w)) return j;
    return i;
}

}  // namespace

int month_from_name(std::string_view w) {
    char low[16];
    if (w.size() < 3 || w.size() >= sizeof low) return 0;
    for (size_t k = 0; k < w.size(); ++k) low[k] = char(std::tolower((unsigned char)w[k]));
    const CalendarWord* c = calendar_word(std::string_view(low, w.size()));
    return c ? c->month : 0;
}

size_t parse_written_date(std::string_view s, size_t i, std::string& out) {
    size_t start = i;
    std::string w;
    // Optional weekday: "Saturday, April 6, 2024", "Sat 6 Apr 2024".
    size_t k = read_word(s, i, w);
    if (k > i && is_weekday(w)) {
        if (k < s.size() && s[k] == '.') ++k;
        if (k < s.size() && s[k] == ',') ++k;
        i = skip_spaces(s, k);
        k = read_word(s, i, w);
    }
    int y = 0, m = 0, d = 0;
    if (k > i && (m = month_from_name(w)) != 0) {
        // Month D, YYYY  /  Month D YYYY
        size_t j = k;
        if (j < s.size() && s[j] == '.') ++j;
        j = skip_spaces(s, j);
        size_t a = read_int(s, j, d, 2);
        if (a == j) return 0;
        if (a + 1 < s.size() && (s.substr(a, 2) == "st" || s.substr(a, 2) == "nd" || s.substr(a, 2) == "rd" || s.substr(a, 2) == "th")) a += 2;
        if (a < s.size() && s[a] == ',') ++a;
        size_t b = skip_spaces(s, a);
        size_t c = read_year(s, b, y);
        if (c != b + 4 || !valid_date(y, m, d)) return 0;
        out = iso(y, m, d);
        return c - start;
    }
    int first;
    size_t a = read_int(s, i, first, 4);
    if (a == i) return 0;
    if (a - i == 4 && a < s.size() && (s[a] == '-' || s[a] == '/')) {
        // YYYY-MM-DD (also the date part of an ISO timestamp)
        char sep = s[a];
        size_t b = read_int(s, a + 1, m, 2);
        if (b != a + 3 || b >= s.size() || s[b] != sep) return 0;
        size_t c = read_int(s, b + 1, d, 2);
        if (c != b + 3 || !valid_date(first, m, d)) return 0;
        out = iso(first, m, d);
        size_t e = c;
        if (e < s.size() && s[e] == 'T') {   // ISO timestamp: swallow the time and zone
            ++e;
            while (e < s.size() && (is_digit(s[e]) || s[e] == ':' || s[e] == '.' || s[e] == '+' || s[e] == '-' || s[e] == 'Z')) ++e;
        }
        return e - start;
    }
    if (a - i <= 2) {
        // D Month YYYY  ("6 April 2024", "6th April, 2024")
        d = first;
        size_t j = a;
        if (j + 1 < s.size() && (s.substr(j, 2) == "st" || s.substr(j, 2) == "nd" || s.substr(j, 2) == "rd" || s.substr(j, 2) == "th")) j += 2;
        j = skip_spaces(s, j);
        size_t e = read_word(s, j, w);
        if (e == j || (m = month_from_name(w)) == 0) return 0;
        if (e < s.size() && s[e] == '.') ++e;
        if (e < s.size() && s[e] == ',') ++e;
        size_t b = skip_spaces(s, e);
        size_t c = read_year(s, b, y);
        if (c != b + 4 || !valid_date(y, m, d)) return 0;
        out = iso(y, m, d);
        return c - start;
    }
    return 0;
}

bool is_iso_date(std::string_view s) {
    std::string iso;
    return s.size() == 10 && s[4] == '-' && s[7] == '-' && parse_written_date(s, 0, iso) == 10;
}

namespace head {

namespace {

// A word of ASCII letters at s[i], lower-cased into w (at most 23 letters are kept: no label,
// month or unit is longer); returns its end.
size_t read_short_word(std::string_view s, size_t i, std::string& w) {
    w.clear();
    size_t j = i;
    while (j < s.size() && is_alpha(s[j])) {
        if (w.size() < 23) w += char(std::tolower((unsigned char)s[j]));
        ++j;
    }
    return j;
}

bool starts_with_bytes(std::string_view s, size_t i, std::string_view p) { return s.substr(i, p.size()) == p; }

// Separators between the items of a date line: spaces, | • · / , ; : ( ) and dashes.
size_t skip_separators(std::string_view s, size_t i) {
    for (;;) {
        size_t j = skip_spaces(s, i);
        if (j >= s.size()) return j;
        char c = s[j];
        if (c == '|' || c == '/' || c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '-' || c == '[' || c == ']') { i = j + 1; continue; }
        if (starts_with_bytes(s, j, "\xE2\x80\xA2") || starts_with_bytes(s, j, "\xE2\x80\x94") || starts_with_bytes(s, j, "\xE2\x80\x93")) { i = j + 3; continue; }   // • — –
        if (starts_with_bytes(s, j, "\xC2\xB7")) { i = j + 2; continue; }   // ·
        return j;
    }
}

// A time of day at s[i]: "5:02 PM", "5.02pm", "17:02", "11.02", "5 p.m.", "5pm"; returns its end or i.
size_t read_time(std::string_view s, size_t i) {
    int h;
    size_t a = read_int(s, i, h, 2);
    if (a == i || h > 24) return i;
    size_t end = i;
    if (a + 2 < s.size() && (s[a] == ':' || s[a] == '.') && is_digit(s[a + 1]) && is_digit(s[a + 2]) &&
        !(a + 3 < s.size() && is_digit(s[a + 3]))) {
        int mnt = (s[a + 1] - '0') * 10 + (s[a + 2] - '0');
        if (mnt > 59) return i;
        end = a + 3;
        if (end + 2 < s.size() && s[end] == ':' && is_digit(s[end + 1]) && is_digit(s[end + 2])) end += 3;
    }
    // am / pm / a.m. / p.m., glued or after a space
    size_t e2 = skip_spaces(s, end == i ? a : end);
    std::string w;
    size_t k = read_short_word(s, e2, w);
    if (w == "am" || w == "pm") return k;
    if ((w == "a" || w == "p") && k < s.size() && s[k] == '.') {
        std::string m;
        size_t q = read_short_word(s, k + 1, m);
        if (m == "m") return q + (q < s.size() && s[q] == '.');
    }
    return end;   // i when there was neither minutes nor am/pm
}

// A time zone right after a time or a date: "BST", "EDT", "GMT+1", "UTC+01:00", "ET", "Eastern
// Daylight Time".
size_t read_zone(std::string_view s, size_t i, bool& us) {
    std::string w;
    size_t end = i, j = i;
    for (int n = 0; n < 3; ++n) {
        size_t k = read_short_word(s, j, w);
        bool us_word = w == "eastern" || w == "pacific" || w == "central" || w == "mountain";
        if (!(us_word || w == "british" || w == "greenwich" || w == "daylight" || w == "standard" || w == "summer" || w == "mean" ||
              w == "time" || w == "local"))
            break;
        us = us || us_word;
        end = k;
        j = skip_spaces(s, k);
    }
    if (end > i) return end;
    size_t k = i;
    while (k < s.size() && k - i < 5 && std::isupper((unsigned char)s[k])) ++k;
    if (k - i < 2 || (k < s.size() && is_alpha(s[k]))) return i;
    std::string low;
    for (size_t q = i; q < k; ++q) low += char(std::tolower((unsigned char)s[q]));
    if (page_head_kinds(low) & PH_US_ZONE) us = true;
    if (k < s.size() && (s[k] == '+' || s[k] == '-') && k + 1 < s.size() && is_digit(s[k + 1])) {
        ++k;
        while (k < s.size() && (is_digit(s[k]) || s[k] == ':') && k - i < 12) ++k;
    }
    return k;
}

// A numeric date: 08/04/2025, 8.4.2025, 08-04-25. Both readings are kept; the line decides.
size_t read_numeric_date(std::string_view s, size_t i, LineDate& d) {
    int a, b, y;
    size_t p = read_int(s, i, a, 2);
    if (p == i || p >= s.size()) return 0;
    char sep = s[p];
    if (sep != '/' && sep != '.' && sep != '-') return 0;
    size_t q = read_int(s, p + 1, b, 2);
    if (q == p + 1 || q >= s.size() || s[q] != sep) return 0;
    size_t r = read_int(s, q + 1, y, 4);
    if (r == q + 3 && sep != '-') y += 2000;
    else if (r != q + 5) return 0;
    if (r < s.size() && (is_alpha(s[r]) || s[r] == sep)) return 0;
    bool dm = valid_date(y, b, a), md = valid_date(y, a, b);
    if (!dm && !md) return 0;
    d.iso = dm ? iso(y, b, a) : iso(y, a, b);
    d.iso_month_first = dm && md && a != b ? iso(y, a, b) : "";
    return r - i;
}

// "2 hours ago", "an hour ago", "just now", "5 min read", "5-minute read": no date, but date-line words.
size_t read_relative(std::string_view s, size_t i) {
    std::string w;
    size_t j = i;
    int n;
    size_t a = read_int(s, j, n, 3);
    if (a > j) j = a;
    else {
        size_t k = read_short_word(s, j, w);
        if (w == "just") { size_t e = read_short_word(s, skip_spaces(s, k), w); return w == "now" ? e : i; }
        if (w != "a" && w != "an") return i;
        j = k;
    }
    if (j < s.size() && s[j] == '-') ++j;
    size_t k = read_short_word(s, skip_spaces(s, j), w);
    static const char* const units[] = {"s", "sec", "secs", "second", "seconds", "m", "min", "mins", "minute", "minutes", "h", "hr",
                                        "hrs", "hour", "hours", "d", "day", "days", "week", "weeks", "month", "months", "year", "years", nullptr};
    bool unit = false;
    for (const char* const* u = units; *u; ++u) unit = unit || w == *u;
    if (!unit) return i;
    std::string next;
    size_t e = read_short_word(s, skip_spaces(s, k), next);
    if (next == "ago" || next == "read") return e;
    if (next == "reading") {   // "2 min Reading time"
        size_t e2 = read_short_word(s, skip_spaces(s, e), next);
        if (next == "time") return e2;
    }
    if (skip_spaces(s, k) >= s.size() && a > i) return k;   // "4 min" alone: a listening time
    return i;
}

// "April 8" without a year (after a line's full date, which it repeats or updates).
size_t read_month_day(std::string_view s, size_t i) {
    std::string w;
    size_t k = read_short_word(s, i, w);
    if (k == i || !month_from_name(w)) return i;
    if (k < s.size() && s[k] == '.') ++k;
    size_t j = skip_spaces(s, k);
    int d;
    size_t e = read_int(s, j, d, 2);
    if (e == j || d < 1 || d > 31) return i;
    return e;
}

// "in Business Weekly" after "Published": the publication, capitalised words up to a separator.
size_t read_publication(std::string_view s, size_t i) {
    std::string w;
    size_t k = read_short_word(s, i, w);
    if (w != "in" || k >= s.size() || s[k] != ' ') return i;
    size_t j = k, end = i;
    for (int n = 0; n < 6; ++n) {
        j = skip_spaces(s, j);
        if (j >= s.size() || !std::isupper((unsigned char)s[j])) break;
        while (j < s.size() && s[j] != ' ' && s[j] != '\t' && (unsigned char)s[j] != 0xC2 && (unsigned char)s[j] != 0xE2) ++j;
        end = j;
    }
    return end;
}

// A label of page-head.txt at s[i] (up to three words): "Published", "Last updated", "Posted on".
size_t read_label(std::string_view s, size_t i, DateLabel& label, std::string& text) {
    std::string w, phrase;
    size_t best = i;
    size_t j = i;
    for (int n = 0; n < 3; ++n) {
        if (n > 0) j = skip_spaces(s, j);
        size_t k = read_short_word(s, j, w);
        if (k == j) break;
        if (n > 0) phrase += ' ';
        phrase += w;
        j = k;
        uint16_t kinds = page_head_kinds(phrase);
        if (kinds & (PH_PUBLISHED | PH_UPDATED | PH_DATED)) {
            best = j;
            label = kinds & PH_PUBLISHED ? DateLabel::Published : kinds & PH_UPDATED ? DateLabel::Updated : DateLabel::None;
            text = phrase;
        }
    }
    if (best > i && best < s.size() && s[best] == ':') ++best;
    return best;
}

}  // namespace

LineScan scan_date_items(std::string_view s, size_t from) {
    LineScan r;
    DateLabel label = DateLabel::None;
    bool after_time_or_date = false, lead_open = false;
    size_t i = from;
    std::string w;
    for (int guard = 0; guard < 40; ++guard) {
        size_t j = skip_separators(s, i);
        if (j >= s.size()) { r.whole = true; break; }
        // "at", "on", "and" join items ("April 6, 2024 at 5:30 p.m.").
        size_t k = read_short_word(s, j, w);
        if ((w == "at" || w == "on" || w == "and") && k < s.size() && !is_alpha(s[k])) { i = k; continue; }
        size_t e = 0;
        enum { None, Label, Date, Time, Zone, Other } kind = None;
        DateLabel got_label = DateLabel::None;
        std::string label_text;
        LineDate d;
        std::string iso_date;
        if ((e = read_label(s, j, got_label, label_text)) > j) kind = Label;
        else if (size_t n = parse_written_date(s, j, iso_date)) { e = j + n; kind = Date; d.iso = iso_date; }
        else if (size_t n2 = read_numeric_date(s, j, d)) { e = j + n2; kind = Date; }
        else if ((e = read_relative(s, j)) > j) { kind = Other; r.relative = true; }
        else if ((e = read_time(s, j)) > j) kind = Time;
        else if (after_time_or_date && (e = read_zone(s, j, r.us_zone)) > j) kind = Zone;
        else if (label == DateLabel::Published && (e = read_publication(s, j)) > j) kind = Other;
        else if (!r.dates.empty() && (e = read_month_day(s, j)) > j) kind = Other;   // "| Last Updated: April 8"
        else if (k > j && calendar_word(w) && calendar_word(w)->weekday) { e = k + (k < s.size() && s[k] == '.'); kind = Other; }
        if (kind == None) break;
        if (r.items == 0) {
            r.first = j;
            r.label_first = kind == Label;
            if (kind == Label) r.first_label = label_text;
        }
        if (r.items == 1 && r.label_first && kind == Date) r.date_second = true;
        ++r.items;
        if (kind == Label) { label = got_label; r.labelled = true; }
        if (kind == Date) {
            d.label = label;
            label = DateLabel::None;
            d.start = uint32_t(j);
            d.end = uint32_t(e);
            if (r.dates.empty()) lead_open = true;
            r.dates.push_back(std::move(d));
        } else if (kind != Time && kind != Zone) lead_open = false;
        if (lead_open) r.lead_end = e;
        after_time_or_date = kind == Date || kind == Time;
        r.end = e;
        i = e;
    }
    return r;
}

int pick_date(const LineScan& scan) {
    int plain = -1, updated = -1;
    for (size_t k = 0; k < scan.dates.size(); ++k) {
        const LineDate& d = scan.dates[k];
        if (d.label == DateLabel::Published) return int(k);
        if (d.label == DateLabel::None && plain < 0) plain = int(k);
        if (d.label == DateLabel::Updated && updated < 0) updated = int(k);
    }
    return plain >= 0 ? plain : updated;
}

size_t skip_date_separators(std::string_view s, size_t i) { return skip_separators(s, i); }

const std::string& date_iso(const LineScan& scan, const LineDate& d) {
    return scan.us_zone && !d.iso_month_first.empty() ? d.iso_month_first : d.iso;
}

}  // namespace head

DateLine find_date_line(std::string_view t, const std::vector<Paragraph>& paragraphs) {
    std::vector<Paragraph> copy = paragraphs;
    return find_page_parts(t, copy).date;
}

}  // namespace ae
