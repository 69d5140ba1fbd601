// The article's own date line: the reference date relative expressions are resolved against.
#include "article_explorer/text.h"
#include "article_explorer/lexicon.h"

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

// Time of day and zone after a date: "12:01 BST", "10.15am", "T10:00:00Z" — consumed so the
// date line span covers it.
size_t skip_time(std::string_view s, size_t i) {
    size_t j = skip_spaces(s, i);
    if (j < s.size() && (s[j] == ',' || s[j] == '-' || s[j] == '|')) j = skip_spaces(s, j + 1);
    std::string w;
    size_t k = read_word(s, j, w);
    if (w == "at") j = skip_spaces(s, k);
    int h;
    size_t a = read_int(s, j, h, 2);
    if (a == j || a >= s.size() || (s[a] != ':' && s[a] != '.') || h > 24) return i;
    int mnt;
    size_t b = read_int(s, a + 1, mnt, 2);
    if (b != a + 3 || mnt > 59) return i;
    size_t end = b;
    if (end < s.size() && s[end] == ':') { int sec; size_t c = read_int(s, end + 1, sec, 2); if (c == end + 3) end = c; }
    size_t e2 = skip_spaces(s, end);
    k = read_word(s, e2, w);
    if (w == "am" || w == "pm" || w == "a" || w == "p") {
        end = k;
        if (w.size() == 1 && end < s.size() && s[end] == '.') { size_t q = read_word(s, end + 1, w); if (w == "m") end = q + (q < s.size() && s[q] == '.'); }
        e2 = skip_spaces(s, end);
        k = read_word(s, e2, w);
    }
    // A short upper-case zone name: BST, GMT, EDT, UTC, ET.
    if (k > e2 && k - e2 <= 4) {
        bool upper = true;
        for (size_t q = e2; q < k; ++q) upper = upper && std::isupper((unsigned char)s[q]);
        if (upper) end = k;
    }
    return end;
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
        size_t c = read_int(s, b, y, 4);
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
        size_t c = read_int(s, b, y, 4);
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

DateLine find_date_line(std::string_view t, const std::vector<Paragraph>& paragraphs) {
    DateLine r;
    // Look at the first few paragraphs only: the date line is part of the article's head.
    size_t looked = 0;
    for (const auto& p : paragraphs) {
        if (looked++ >= 4) break;
        std::string_view line = t.substr(p.start, p.end - p.start);
        // Limit to the paragraph's first line.
        size_t nl = line.find('\n');
        if (nl != std::string_view::npos) line = line.substr(0, nl);
        size_t i = skip_spaces(line, 0);
        // Optional keyword: date, dated, published, updated, posted, first published, last updated.
        std::string w;
        size_t k = read_word(line, i, w);
        bool keyword = false;
        if (w == "first" || w == "last") { size_t k2 = read_word(line, skip_spaces(line, k), w); k = k2; }
        if (w == "date" || w == "dated" || w == "published" || w == "updated" || w == "posted" || w == "modified") {
            keyword = true;
            i = skip_spaces(line, k);
            if (i < line.size() && (line[i] == ':' || line[i] == '-' || line[i] == '|')) i = skip_spaces(line, i + 1);
            size_t k2 = read_word(line, i, w);
            if (w == "on") i = skip_spaces(line, k2);
        }
        std::string iso_date;
        size_t used = parse_written_date(line, i, iso_date);
        if (used == 0) continue;
        size_t end = skip_time(line, i + used);
        // Without a keyword the date must be the whole line (a bare date line), give or take a
        // time, a zone, a byline separator.
        size_t rest = skip_spaces(line, end);
        if (!keyword && rest < line.size()) {
            char c = line[rest];
            bool separator = c == '|' || c == '-' || c == ',';
            if (!separator && line.size() - rest > 0) continue;
        }
        size_t start = skip_spaces(line, 0);
        r.found = true;
        r.iso = iso_date;
        r.span = {uint32_t(p.start + start), uint32_t(p.start + end)};
        return r;
    }
    return r;
}

}  // namespace ae
