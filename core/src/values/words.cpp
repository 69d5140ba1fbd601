// The values stage's word scanner and number parser. See words.h.
#include "values/words.h"

#include "article_explorer/lexicon.h"
#include "values/lexicon.h"

#include <cstdint>

namespace ae::values {

namespace {

inline bool is_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
inline bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
inline bool is_alnum(unsigned char c) { return is_alpha(c) || is_digit(c); }
inline char lower(unsigned char c) { return (c >= 'A' && c <= 'Z') ? char(c | 0x20) : char(c); }

// Abbreviations whose final period belongs to the word for this stage's purposes
// (abbreviations.txt and calendar.txt's short forms).
bool keeps_period(std::string_view w) {
    if (abbreviation_flags(w) & ABBR_VALUES) return true;
    // `p.m`, `a.m`, `u.s` — letters with inner periods
    if (w.size() >= 3 && w.find('.') != std::string_view::npos) {
        for (char c : w)
            if (is_digit((unsigned char)c)) return false;
        return true;
    }
    return false;
}

// Length of a UTF-8 sequence from its lead byte (1 for stray bytes).
inline int u8len(unsigned char c) {
    if (c < 0x80) return 1;
    if ((c >> 5) == 6) return 2;
    if ((c >> 4) == 14) return 3;
    if ((c >> 3) == 30) return 4;
    return 1;
}

// Spaces other than ASCII ones: NBSP, the U+2000..U+200B family, narrow NBSP, ideographic space.
inline int unicode_space(std::string_view t, size_t i, size_t end) {
    unsigned char c = (unsigned char)t[i];
    if (c == 0xC2 && i + 1 < end && (unsigned char)t[i + 1] == 0xA0) return 2;
    if (c == 0xE2 && i + 2 < end && (unsigned char)t[i + 1] == 0x80) {
        unsigned char d = (unsigned char)t[i + 2];
        if ((d >= 0x80 && d <= 0x8B) || d == 0xAF) return 3;
    }
    if (c == 0xE3 && i + 2 < end && (unsigned char)t[i + 1] == 0x80 && (unsigned char)t[i + 2] == 0x80) return 3;
    return 0;
}

// Apostrophe at i: ' or ’ (E2 80 99) or ‘ (E2 80 98); returns its length or 0.
inline int apostrophe(std::string_view t, size_t i, size_t end) {
    unsigned char c = (unsigned char)t[i];
    if (c == '\'') return 1;
    if (c == 0xE2 && i + 2 < end && (unsigned char)t[i + 1] == 0x80 &&
        ((unsigned char)t[i + 2] == 0x99 || (unsigned char)t[i + 2] == 0x98))
        return 3;
    return 0;
}

}  // namespace

void scan_words(std::string_view t, uint32_t begin, uint32_t end, std::vector<Word>& out) {
    if (end > t.size()) end = uint32_t(t.size());
    size_t i = begin;
    bool space = true;
    while (i < end) {
        unsigned char c = (unsigned char)t[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') { space = true; ++i; continue; }
        if (int us = unicode_space(t, i, end)) { space = true; i += us; continue; }
        Word w;
        w.s = uint32_t(i);
        w.space = space;
        space = false;
        if (is_alnum(c)) {
            size_t j = i + 1;
            while (j < end) {
                unsigned char d = (unsigned char)t[j];
                if (is_alnum(d)) { ++j; continue; }
                if (j + 1 < end && is_alnum((unsigned char)t[j + 1])) {
                    unsigned char p = (unsigned char)t[j - 1], nx = (unsigned char)t[j + 1];
                    if (d == '-' || d == '.') { ++j; continue; }
                    if ((d == ':' || d == '/') && is_digit(p) && is_digit(nx)) { ++j; continue; }
                    if (d == ',' && is_digit(p) && j + 3 < end + 1) {
                        // exactly three digits follow, then a non-digit
                        bool three = j + 3 < end && is_digit((unsigned char)t[j + 1]) && is_digit((unsigned char)t[j + 2]) &&
                                     is_digit((unsigned char)t[j + 3]) && (j + 4 >= end || !is_digit((unsigned char)t[j + 4]));
                        if (three) { j += 4; continue; }
                    }
                    if (d == '\'' && j - i == 1 && (c | 0x20) == 'o') { ++j; continue; }  // o'clock
                }
                break;
            }
            w.low.reserve(j - i + 1);
            w.low.assign(t.data() + i, j - i);
            for (char& ch : w.low) ch = lower((unsigned char)ch);
            if (j < end && t[j] == '.' && keeps_period(w.low)) { w.low.push_back('.'); ++j; }
            w.e = uint32_t(j);
            w.cap = c >= 'A' && c <= 'Z';
            w.digit = is_digit(c);
            w.alpha = is_alpha(c);
            i = j;
        } else if (int al = apostrophe(t, i, end)) {
            // `'90s`, `'98`, `'s`, `'t`
            size_t j = i + al;
            w.low = "'";
            while (j < end && is_alnum((unsigned char)t[j])) w.low.push_back(lower((unsigned char)t[j++]));
            w.e = uint32_t(j);
            if (w.low.size() > 1) w.digit = is_digit((unsigned char)w.low[1]);
            i = j;
        } else {
            int l = u8len(c);
            if (i + l > end) l = int(end - i);
            w.low.assign(t.data() + i, size_t(l));
            w.e = uint32_t(i + l);
            i += size_t(l);
        }
        out.push_back(std::move(w));
    }
}

bool plain_decimal(std::string_view s, std::string& out) {
    out.clear();
    bool point = false, any = false;
    for (size_t k = 0; k < s.size(); ++k) {
        char c = s[k];
        if (is_digit((unsigned char)c)) { out.push_back(c); any = true; }
        else if (c == ',' && !point && any) continue;
        else if (c == '.' && !point && any && k + 1 < s.size()) { point = true; out.push_back('.'); }
        else return false;
    }
    return any;
}

std::string tidy_decimal(const std::string& dec) {
    std::string s = dec;
    size_t p = s.find('.');
    if (p != std::string::npos) {
        while (!s.empty() && s.back() == '0') s.pop_back();
        if (!s.empty() && s.back() == '.') s.pop_back();
    }
    size_t k = 0;
    while (k + 1 < s.size() && s[k] == '0' && s[k + 1] != '.') ++k;
    s.erase(0, k);
    if (s.empty()) s = "0";
    return s;
}

std::string shift_decimal(const std::string& dec, int k) {
    std::string intpart = dec, frac;
    size_t p = dec.find('.');
    if (p != std::string::npos) { intpart = dec.substr(0, p); frac = dec.substr(p + 1); }
    if (k >= 0) {
        while (int(frac.size()) < k) frac.push_back('0');
        intpart += frac.substr(0, size_t(k));
        frac = frac.substr(size_t(k));
    } else {
        int m = -k;
        while (int(intpart.size()) < m + 1) intpart.insert(intpart.begin(), '0');
        frac = intpart.substr(intpart.size() - size_t(m)) + frac;
        intpart.resize(intpart.size() - size_t(m));
    }
    return tidy_decimal(frac.empty() ? intpart : intpart + "." + frac);
}

int number_word(std::string_view s) {
    if (const ValueWord* v = value_word(s); v && v->cardinal >= 0) return v->cardinal;
    // `twenty-five`: a ten and a unit
    size_t dash = s.find('-');
    if (dash != std::string_view::npos && dash > 0) {
        const ValueWord* t = value_word(s.substr(0, dash));
        const ValueWord* u = value_word(s.substr(dash + 1));
        if (t && t->cardinal >= 20 && t->cardinal % 10 == 0 && u && u->cardinal >= 1 && u->cardinal <= 9) return t->cardinal + u->cardinal;
    }
    return -1;
}

int day_number(std::string_view s) {
    size_t k = 0;
    int v = 0;
    while (k < s.size() && k < 2 && is_digit((unsigned char)s[k])) v = v * 10 + (s[k++] - '0');
    if (k > 0) {
        std::string_view rest = s.substr(k);
        if (!(rest.empty() || rest == "st" || rest == "nd" || rest == "rd" || rest == "th")) return 0;
        if (k == 2 && s[0] == '0' && rest.empty()) return v >= 1 && v <= 9 ? v : 0;
        return v >= 1 && v <= 31 ? v : 0;
    }
    if (const ValueWord* o = value_word(s); o && (o->ordinal_use & ORD_DAY)) return o->ordinal;
    return 0;
}

int ordinal_small(std::string_view s) {
    if (s == "1st") return 1;
    if (s == "2nd") return 2;
    if (s == "3rd") return 3;
    if (s == "4th") return 4;
    const ValueWord* v = value_word(s);
    return v && v->ordinal >= 1 && v->ordinal <= 4 ? v->ordinal : 0;
}

namespace {

int scale_power(std::string_view s) { const ValueWord* v = value_word(s); return v ? v->scale : -1; }

}  // namespace

Num parse_number(const std::vector<Word>& w, int i, int n, bool allow_article, bool allow_scale) {
    Num r;
    if (i >= n) return r;
    const std::string_view s = w[size_t(i)].low;   // compared with many literals: no strlen each time
    if (w[size_t(i)].digit) {
        // digits, maybe with letters attached (`5bn`, `300km`, `5pm`)
        size_t k = 0;
        while (k < s.size() && (is_digit((unsigned char)s[k]) || s[k] == ',' || s[k] == '.')) ++k;
        std::string dec;
        if (!plain_decimal(std::string_view(s).substr(0, k), dec)) return r;
        std::string_view rest = std::string_view(s).substr(k);
        r.digits = true;
        r.len = 1;
        r.dec = tidy_decimal(dec);
        if (!rest.empty()) {
            int p = allow_scale ? scale_power(rest) : -1;
            if (p >= 3 && rest != "b") { r.dec = shift_decimal(r.dec, p); r.scaled = true; }
            else r.suffix = std::string(rest);
            return r;
        }
        if (allow_scale && i + 1 < n) {
            const std::string_view next = w[size_t(i) + 1].low;
            int p = scale_power(next);
            if (p >= 2 && next != "b" && next != "m" && next != "k") {
                r.dec = shift_decimal(r.dec, p);
                r.len = 2;
                r.scaled = true;
            }
        }
        return r;
    }
    // vague amounts
    auto low = [&](int k) -> std::string_view { return k < n ? std::string_view(w[size_t(k)].low) : std::string_view(); };
    if (s == "several" || s == "many" || s == "few" || s == "some" || s == "numerous") { r.len = 1; r.vague = true; return r; }
    if ((s == "a" || s == "an") && (low(i + 1) == "few" || low(i + 1) == "couple")) {
        r.len = low(i + 2) == "of" && low(i + 1) == "couple" ? 3 : 2;
        if (low(i + 1) == "couple") r.dec = "2"; else r.vague = true;
        return r;
    }
    if (s == "dozens" || s == "hundreds" || s == "thousands" || s == "millions") {
        r.len = low(i + 1) == "of" ? 2 : 1;
        r.vague = true;
        return r;
    }
    if ((s == "a" || s == "an") && low(i + 1) == "dozen") { r.len = 2; r.dec = "12"; return r; }
    if (s == "dozen") { r.len = 1; r.dec = "12"; return r; }
    // number words
    int64_t total = 0, cur = 0;
    int k = i;
    bool any = false;
    if ((s == "a" || s == "an") && allow_article) {
        // `a hundred`, `a million`, or just `a` = 1
        int p = scale_power(low(i + 1));
        if (p >= 2 && allow_scale && low(i + 1) != "m" && low(i + 1) != "b" && low(i + 1) != "k") {
            cur = 1;
            k = i + 1;
            any = true;
        } else {
            r.len = 1;
            r.dec = "1";
            r.article = true;
            return r;
        }
    }
    while (k < n && k < i + 8) {
        std::string_view t = w[size_t(k)].low;
        int v = number_word(t);
        if (v >= 0) {
            if (any && cur % 100 != 0 && cur % 10 != 0 && v < 100) break;
            cur += v;
            any = true;
            ++k;
            continue;
        }
        int p = (any && allow_scale) ? scale_power(t) : -1;
        if (p == 2) { cur = (cur ? cur : 1) * 100; ++k; continue; }
        if (p >= 3 && t != "m" && t != "b" && t != "k" && t != "bn" && t != "mn") {
            int64_t mul = 1;
            for (int q = 0; q < p; ++q) mul *= 10;
            if (p >= 9) {  // keep it in int64: only small multipliers
                total += cur * mul;
            } else {
                total += (cur ? cur : 1) * mul;
            }
            cur = 0;
            ++k;
            r.scaled = true;
            continue;
        }
        if (t == "and" && any && k + 1 < n && number_word(w[size_t(k) + 1].low) > 0 && number_word(w[size_t(k) + 1].low) < 100) { ++k; continue; }
        break;
    }
    if (!any) return r;
    r.len = k - i;
    r.dec = std::to_string(total + cur);
    return r;
}

}  // namespace ae::values
