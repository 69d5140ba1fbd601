// The article's head as a pasted page brings it: headline, standfirst, byline, date lines, the
// dateline opening the story, and the page furniture only context tells apart (section labels
// above the headline, lists of links under a "Related" heading, the author's bio at the end).
// Everything here looks at a bounded window of paragraphs (the head, the tail) or a bounded
// prefix of one paragraph, so the stage stays linear in the text.
#include "head.h"

#include "article_explorer/lexicon.h"
#include "article_explorer/text.h"
#include "word_table.h"

#include <algorithm>
#include <cctype>

namespace ae {

namespace head {

namespace {

const WordTable<uint16_t>& page_head_table() {
    static const WordTable<uint16_t> t = [] {
        WordTable<uint16_t> m;
        for_each_lexicon_line(builtin_lexicon("page-head"), [&](const std::vector<std::string_view>& c) {
            if (c.size() < 2 || c[0].empty()) return;
            uint16_t k = c[1] == "published" ? PH_PUBLISHED : c[1] == "updated" ? PH_UPDATED : c[1] == "byline-lead" ? PH_BYLINE_LEAD
                       : c[1] == "byline-word" ? PH_BYLINE_WORD : c[1] == "role" ? PH_ROLE : c[1] == "outlet" ? PH_OUTLET
                       : c[1] == "kicker" ? PH_KICKER : c[1] == "not-place" ? PH_NOT_PLACE : c[1] == "us-zone" ? PH_US_ZONE : c[1] == "dated" ? PH_DATED : 0;
            m[c[0]] |= k;
        });
        return m;
    }();
    return t;
}

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_letter(char c) { return is_upper(c) || is_lower(c) || (unsigned char)c >= 0x80; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A capital at s[i]: A-Z, or a Latin-1 capital in UTF-8 (À..Þ but ×).
bool capital_at(std::string_view s, size_t i) {
    if (i >= s.size()) return false;
    if (is_upper(s[i])) return true;
    return i + 1 < s.size() && (unsigned char)s[i] == 0xC3 && (unsigned char)s[i + 1] >= 0x80 && (unsigned char)s[i + 1] <= 0x9E &&
           (unsigned char)s[i + 1] != 0x97;
}

std::string lower(std::string_view s) {
    std::string o(s);
    for (char& c : o) if (is_upper(c)) c = char(c - 'A' + 'a');
    return o;
}

// A dash between a dateline and its story: — – ― -- -
size_t dash_at(std::string_view s, size_t i) {
    if (s.substr(i, 3) == "\xE2\x80\x94" || s.substr(i, 3) == "\xE2\x80\x93" || s.substr(i, 3) == "\xE2\x80\x95") return 3;
    if (s.substr(i, 2) == "--") return 2;
    if (i < s.size() && s[i] == '-') return 1;
    return 0;
}

size_t skip_sp(std::string_view s, size_t i) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    if (i + 1 < s.size() && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA0) return skip_sp(s, i + 2);
    return i;
}

// The next space-separated token of s from i: [b, e).
bool next_token(std::string_view s, size_t& i, size_t& b, size_t& e) {
    b = skip_sp(s, i);
    if (b >= s.size()) return false;
    e = b;
    while (e < s.size() && s[e] != ' ' && s[e] != '\t') {
        if (e + 1 < s.size() && (unsigned char)s[e] == 0xC2 && (unsigned char)s[e + 1] == 0xA0) break;
        ++e;
    }
    i = e;
    return true;
}

// A name word: a capital, then letters, hyphens, apostrophes, periods ("O'Neil", "Jr.", "J.").
bool name_word(std::string_view w) {
    if (w.empty() || !capital_at(w, 0)) return false;
    for (size_t k = 0; k < w.size(); ++k) {
        char c = w[k];
        if (is_letter(c) || c == '-' || c == '\'' || c == '.') continue;
        return false;
    }
    return true;
}

bool strong_separator(std::string_view w) {
    return w == "|" || w == "/" || w == "-" || w == "\xE2\x80\xA2" || w == "\xC2\xB7" || w == "\xE2\x80\x94" || w == "\xE2\x80\x93";
}

}  // namespace

uint16_t page_head_kinds(std::string_view lower_phrase) {
    const uint16_t* k = page_head_table().find(lower_phrase);
    return k ? *k : 0;
}

size_t match_byline(std::string_view s, bool any_case) {
    if (s.size() > 300) s = s.substr(0, 300);   // a byline is short; a longer start is a sentence
    if (!any_case && !capital_at(s, 0)) return 0;   // "By", "BY", "Written by": not a wrapped "by the ..."
    // The lead: one or two words, maybe with a colon ("By", "Written by", "Author:").
    size_t i = 0, b, e;
    if (!next_token(s, i, b, e)) return 0;
    std::string lead = lower(s.substr(b, e - b));
    size_t after = e;
    if (s.size() > 3 && (s[0] == 'B' || s[0] == 'b') && s[1] == 'y' && is_upper(s[2])) {   // "ByJane Doe", pasted without the space
        lead = "by";
        after = 2;
    }
    if (!(page_head_kinds(lead) & PH_BYLINE_LEAD)) {
        size_t b2, e2;
        if (!next_token(s, i, b2, e2)) return 0;
        lead += ' ';
        lead += lower(s.substr(b2, e2 - b2));
        if (!(page_head_kinds(lead) & PH_BYLINE_LEAD)) return 0;
        after = e2;
    }
    i = after;
    int names = 0, words = 0;
    size_t last = 0;
    while (next_token(s, i, b, e)) {
        std::string_view tok = s.substr(b, e - b);
        if (strong_separator(tok)) break;
        while (!tok.empty() && (tok.back() == ',' || tok.back() == ';')) tok.remove_suffix(1);
        if (tok.empty()) continue;
        std::string low = lower(tok);
        const CalendarWord* cal = calendar_word(low);
        uint16_t kinds = page_head_kinds(low);
        if (is_digit(tok[0])) break;                               // a date or time follows
        if (kinds & (PH_PUBLISHED | PH_UPDATED)) break;            // "By Jane Doe Updated 5:02 PM"
        if (cal && (cal->weekday || cal->month)) {
            if (names == 0 && !(cal->flags & CAL_NAME)) return 0;  // "By Tuesday, the number had risen"
            size_t k = skip_sp(s, e);
            if (cal->weekday || (k < s.size() && is_digit(s[k]))) break;   // "By Jane Doe April 8, 2025"
        }
        if (name_word(tok) || tok == "&") {
            if (tok != "&") ++names;
            last = b + tok.size();
        } else if (kinds & (PH_BYLINE_WORD | PH_ROLE)) {
            if (kinds & PH_ROLE) last = b + tok.size();
        } else {
            return 0;   // a word no byline has: a sentence ("By then, ...")
        }
        if (++words > 14) return 0;
    }
    return names > 0 ? last : 0;
}

size_t match_dateline(std::string_view p) {
    if (p.size() > 200) p = p.substr(0, 200);
    size_t i = 0;
    bool caps_place = false, title_place = false, agency = false, not_place = false;
    std::string place_low;
    if (p.empty()) return 0;
    if (p[0] != '(') {
        // The place: words up to a comma, a parenthesis or a dash.
        int caps = 0, title = 0, words = 0;
        size_t j = 0;
        while (j < p.size() && words < 4) {
            size_t k = j;
            while (k < p.size() && p[k] != ' ' && p[k] != ',' && p[k] != '(' && p[k] != ':' && p[k] != '/') ++k;
            std::string_view w = p.substr(j, k - j);
            while (w.size() > 2 && w.substr(w.size() - 2) == "--") { w.remove_suffix(2); k -= 2; }   // "LONDON--(BUSINESS WIRE)--"
            if (w.empty() || dash_at(w, 0)) break;
            bool all_caps = true, letters = false;
            for (char c : w) {
                if (is_lower(c)) all_caps = false;
                if (is_letter(c)) letters = true;
                else if (c != '.' && c != '-' && c != '\'') { all_caps = false; letters = false; break; }
            }
            if (!letters) break;
            size_t nletters = 0;
            for (char c : w) nletters += is_letter(c);
            if (all_caps && (nletters >= 2 || w.find('.') != std::string_view::npos)) ++caps;
            else if (name_word(w)) ++title;
            else return 0;
            if (!place_low.empty()) place_low += ' ';
            place_low += lower(w);
            ++words;
            j = k;
            if (j < p.size() && p[j] == ' ' && !(j + 1 < p.size() && dash_at(p, j + 1))) ++j;
            else break;
        }
        if (words == 0 || words > 3) return 0;
        if (caps == words) caps_place = true;
        else if (title == words) title_place = true;
        else return 0;
        not_place = (page_head_kinds(place_low) & (PH_NOT_PLACE | PH_OUTLET)) != 0;
        i = j;
        // ", Ukraine", ", D.C.", ", Nov 18", ", April 8, 2025": up to two comma groups.
        for (int g = 0; g < 2 && i < p.size() && p[i] == ','; ++g) {
            size_t k = skip_sp(p, i + 1);
            std::string iso;
            size_t n = parse_written_date(p, k, iso);
            if (n) { i = k + n; continue; }
            // month and day without a year
            size_t m = k;
            while (m < p.size() && is_letter(p[m])) ++m;
            if (m > k && month_from_name(p.substr(k, m - k))) {
                size_t q = m + (m < p.size() && p[m] == '.');
                q = skip_sp(p, q);
                size_t d = q;
                while (d < p.size() && is_digit(p[d]) && d - q < 2) ++d;
                if (d > q) { i = d; continue; }
            }
            // a region: one to three capitalised words or abbreviations
            size_t r = k;
            int rw = 0;
            while (rw < 2) {
                size_t s2 = r;
                while (s2 < p.size() && p[s2] != ' ' && p[s2] != ',' && p[s2] != '(') ++s2;
                std::string_view w = p.substr(r, s2 - r);
                if (w.empty() || !name_word(w)) break;
                ++rw;
                r = s2;
                if (r < p.size() && p[r] == ' ' && r + 1 < p.size() && capital_at(p, r + 1) && !dash_at(p, r + 1)) ++r;
                else break;
            }
            if (rw == 0) return 0;
            i = r;
        }
        i = skip_sp(p, i);
    }
    // The agency: "(AP)", "(Reuters)", "(CNN Business)", "/PRNewswire/", "--(BUSINESS WIRE)--".
    bool glued = false;
    if (i + 2 < p.size() && p.substr(i, 3) == "--(") { i += 2; glued = true; }
    if (i < p.size() && (p[i] == '(' || p[i] == '/')) {
        char close = p[i] == '(' ? ')' : '/';
        size_t k = p.find(close, i + 1);
        if (k == std::string_view::npos || k - i > 40 || k == i + 1) return 0;
        std::string_view in = p.substr(i + 1, k - i - 1);
        if (!capital_at(in, 0) && lower(in) != "dpa") return 0;
        for (char c : in) if (c == '.' && in.size() > 12) return 0;
        agency = true;
        i = skip_sp(p, k + 1);
    }
    size_t d = i < p.size() ? dash_at(p, i) : 0;
    bool colon = !d && i < p.size() && p[i] == ':' && caps_place && !agency;
    if (!d && !colon) return 0;
    size_t end = i + (d ? d : 1);
    if (end >= p.size() || (p[end] != ' ' && !(glued && agency && d == 2))) return 0;
    size_t story = skip_sp(p, end);
    if (story >= p.size()) return 0;
    if (caps_place && not_place && !agency) return 0;
    if (!(agency || caps_place)) return 0;
    if (title_place && !agency) return 0;
    return story;
}

}  // namespace head

namespace {

using namespace head;

// What a paragraph in the head's window is, by itself.
enum class Cls : uint8_t { Content, Clutter, Furniture, Kicker, Count, Byline, BylineDate, DateLine, Name, Role };

struct HeadLine {
    Cls cls = Cls::Content;
    size_t byline_start = 0, byline_end = 0;   // in the line: the byline (Byline, BylineDate, Name, Role)
    size_t date_from = 0;    // in the line: where the date items start
    LineScan scan;           // the date items (DateLine, BylineDate)
    int pick = -1;           // the date of the line, index into scan.dates
};

bool is_head_line(Cls c) { return c == Cls::Byline || c == Cls::BylineDate || c == Cls::DateLine; }
bool is_skipped(Cls c) { return c == Cls::Clutter || c == Cls::Furniture || c == Cls::Kicker || c == Cls::Count; }

int count_words(std::string_view s, int cap) {
    int n = 0;
    size_t i = 0, b, e;
    while (n <= cap && next_token(s, i, b, e)) ++n;
    return n;
}

// A short line of two to four name words ("Jane Doe", "Jane Doe and John Roe").
bool name_line(std::string_view s) {
    if (s.size() > 60 || s.empty() || s.back() == '.') return false;
    size_t i = 0, b, e;
    int names = 0, words = 0;
    while (next_token(s, i, b, e)) {
        std::string_view w = s.substr(b, e - b);
        while (!w.empty() && w.back() == ',') w.remove_suffix(1);
        std::string low = lower(w);
        bool all_caps = w.size() >= 2 && is_upper(w[0]) && is_upper(w[1]);
        if (name_word(w) && !all_caps && !(page_head_kinds(low) & (PH_KICKER | PH_OUTLET)) && !calendar_word(low)) ++names;
        else if (!(w == "and" || w == "&" || (page_head_kinds(low) & PH_BYLINE_WORD && !is_upper(w[0])))) return false;
        if (++words > 6) return false;
    }
    return names >= 2 && names <= 5;
}

// A journalist's role or outlet on its own line: "Political correspondent", "BBC News, Washington",
// "Associated Press".
bool role_line(std::string_view s) {
    if (s.size() > 70 || s.empty()) return false;
    char last = s.back();
    if (last == '.' || last == '?' || last == '!' || last == '"') return false;
    std::string low = lower(s);
    if (page_head_kinds(low) & PH_OUTLET) return true;
    size_t comma = low.find(',');
    if (comma != std::string::npos && (page_head_kinds(std::string_view(low).substr(0, comma)) & PH_OUTLET)) return true;
    size_t i = 0, b, e;
    int words = 0;
    bool role = false;
    while (next_token(low, i, b, e)) {
        std::string w = low.substr(b, e - b);
        std::string_view orig = s.substr(b, e - b);
        while (!w.empty() && (w.back() == ',' || w.back() == ';')) { w.pop_back(); orig.remove_suffix(1); }
        if (w.empty()) continue;
        uint16_t k = page_head_kinds(w);
        if (k & PH_ROLE) role = true;
        else if (!(k & (PH_BYLINE_WORD | PH_OUTLET)) && !name_word(orig) && w[0] != '@') return false;
        if (++words > 7) return false;
    }
    return role;
}

// Title case: most words of four letters or more (but the first) start with a capital.
bool title_case(std::string_view s) {
    size_t i = 0, b, e;
    int long_words = 0, caps = 0;
    next_token(s, i, b, e);
    while (next_token(s, i, b, e)) {
        size_t letters = 0;
        for (size_t k = b; k < e; ++k) letters += is_letter(s[k]);
        if (letters < 4) continue;
        ++long_words;
        size_t k = b;
        while (k < e && !is_letter(s[k])) ++k;
        caps += capital_at(s, k);
    }
    return long_words >= 2 && caps * 10 >= long_words * 8;
}

// Whether a paragraph reads as a headline: one line, two to thirty words, no sentence after a
// sentence, and no final period unless what follows is the head or it is written in title case.
bool title_like(std::string_view s, bool head_follows) {
    if (s.size() < 8 || s.size() > 250 || s.find('\n') != std::string_view::npos) return false;
    if (is_lower(s[0])) {   // "iTunes now selling ...", "eBay ...": a capital inside the first word
        size_t k = 0;
        while (k < s.size() && s[k] != ' ' && !is_upper(s[k])) ++k;
        if (k >= s.size() || s[k] == ' ') return false;
    }
    int words = count_words(s, 31);
    if (words < 2 || words > 30) return false;
    char last = s.back();
    if (last == ',' || last == ';' || last == ':' || last == '-') return false;
    // two sentences ("... today. The ...") are prose; "Apple Inc. CEO" is not two
    for (size_t k = 0; k + 2 < s.size(); ++k) {
        if (!((s[k] == '.' || s[k] == '!' || s[k] == '?') && s[k + 1] == ' ' && capital_at(s, k + 2) && k > 3)) continue;
        size_t w = k;
        while (w > 0 && is_letter(s[w - 1])) --w;
        if (k - w < 2 || !is_lower(s[k - 1])) continue;
        if (s[k] == '.' && abbreviation_flags(lower(s.substr(w, k - w)))) continue;
        return false;
    }
    if (last == '.') return words <= 20 && (head_follows || title_case(s));
    return true;
}

HeadLine classify_line(std::string_view s) {
    HeadLine h;
    if (s.find('\n') != std::string_view::npos || s.size() > 300) return h;   // prose
    // "By Jane Doe", "By Jane Doe | April 8, 2025" ("by Jane Doe - 04/08/25 5:02 PM ET" with a date)
    size_t by = match_byline(s);
    if (!by && s.substr(0, 3) == "by ") {   // lower case: the whole line, or with its date
        size_t b2 = match_byline(s, true);
        LineScan sc2 = scan_date_items(s, b2);
        if (b2 && sc2.whole && (!sc2.dates.empty() || (sc2.items == 0 && s.size() <= 60))) by = b2;
    }
    if (size_t b = by) {
        size_t rest = b;
        LineScan sc = scan_date_items(s, rest);
        if (sc.whole) {
            h.byline_end = b;
            if (!sc.dates.empty()) { h.cls = Cls::BylineDate; h.scan = std::move(sc); h.pick = pick_date(h.scan); h.date_from = h.scan.first; }
            else h.cls = Cls::Byline;
            return h;
        }
        // "By Jane Doe, Reuters | 5 min read" and other tails: still a byline when it is short
        if (s.size() <= 120 && sc.first == std::string_view::npos) { h.cls = Cls::Byline; h.byline_end = b; return h; }
    }
    LineScan sc = scan_date_items(s, 0);
    if (sc.whole && sc.items > 0) {
        if (!sc.dates.empty()) { h.cls = Cls::DateLine; h.scan = std::move(sc); h.pick = pick_date(h.scan); h.date_from = h.scan.first; return h; }
        // "Updated 2 hours ago", "5 min read", "Published": no date to read; a time alone ("7 p.m.")
        // heads an entry of a live page and stays.
        if (sc.relative || sc.labelled) { h.cls = Cls::Furniture; return h; }
    }
    // "Posted on April 8, 2025 by Jane Doe": the date, then the byline.
    if (!sc.dates.empty()) {
        size_t stop = skip_date_separators(s, sc.end);
        if (size_t b = match_byline(s.substr(stop), true)) {
            LineScan rest = scan_date_items(s, stop + b);
            if (rest.whole) {
                h.cls = Cls::BylineDate;
                h.byline_start = stop;
                h.byline_end = stop + b;
                h.scan = std::move(sc);
                h.pick = pick_date(h.scan);
                h.date_from = h.scan.first;
                return h;
            }
        }
    }
    // "Jane Doe · Apr 8, 2025 · 5 min read", "Jane Doe | Reuters | April 8, 2025"
    for (size_t k = 0; k < s.size() && k < 80; ++k) {
        size_t sep = 0;
        if (s[k] == '|' || s[k] == '/') sep = 1;
        else if (s.substr(k, 2) == "\xC2\xB7") sep = 2;
        else if (s.substr(k, 3) == "\xE2\x80\xA2") sep = 3;
        if (!sep) continue;
        size_t e = k;
        while (e > 0 && (s[e - 1] == ' ')) --e;
        std::string_view left = s.substr(0, e);
        if (!name_line(left) && !role_line(left)) break;
        LineScan rest = scan_date_items(s, k + sep);
        if (!rest.whole) {
            std::string_view tail = s.substr(k + sep);
            while (!tail.empty() && tail.front() == ' ') tail.remove_prefix(1);
            if (page_head_kinds(lower(tail)) & PH_OUTLET || lower(tail) == "follow") {   // "Jane Doe · Follow"
                h.cls = Cls::Byline;
                h.byline_end = e;
                return h;
            }
            // an outlet between: "Jane Doe | Reuters | April 8, 2025", "Jane Doe / TNN / Apr 8, 2025"
            size_t k2 = s.find(s.substr(k, sep), k + sep);
            if (k2 == std::string_view::npos) break;
            std::string_view mid = s.substr(k + sep, k2 - k - sep);
            while (!mid.empty() && mid.front() == ' ') mid.remove_prefix(1);
            while (!mid.empty() && mid.back() == ' ') mid.remove_suffix(1);
            // an outlet or a short capitalised name ("TNN", "CBC Sports")
            bool outlet = (page_head_kinds(lower(mid)) & PH_OUTLET) != 0;
            if (!outlet && !mid.empty() && mid.size() <= 30 && count_words(mid, 5) <= 4) {
                size_t q = 0, tb, te;
                outlet = true;
                while (next_token(mid, q, tb, te)) outlet = outlet && (name_word(mid.substr(tb, te - tb)) || (page_head_kinds(lower(mid.substr(tb, te - tb))) & PH_BYLINE_WORD));
            }
            if (!outlet) break;
            rest = scan_date_items(s, k2 + sep);
            if (!rest.whole) break;
        }
        h.byline_end = e;
        h.cls = rest.dates.empty() ? Cls::Byline : Cls::BylineDate;
        if (!rest.dates.empty()) { h.scan = std::move(rest); h.pick = pick_date(h.scan); h.date_from = h.scan.first; }
        return h;
    }
    if (s.size() <= 6 && std::all_of(s.begin(), s.end(), [](char c) { return is_digit(c) || c == ',' || c == '.'; })) {
        h.cls = Cls::Count;   // likes and comments under a byline, or a list's number
        return h;
    }
    if (s.size() <= 40) {
        std::string low = lower(s);
        while (!low.empty() && (low.back() == ':' || low.back() == ' ')) low.pop_back();
        if (page_head_kinds(low) & PH_KICKER) { h.cls = Cls::Kicker; return h; }
    }
    if (role_line(s)) { h.cls = Cls::Role; h.byline_end = s.size(); return h; }
    if (name_line(s)) { h.cls = Cls::Name; h.byline_end = s.size(); return h; }
    return h;
}

// An author's bio closing a page: "Jane Doe is a senior reporter covering ...", "Jane Doe covers
// climate for ...". With the byline's name known, the paragraph must open with it.
bool is_author_bio(std::string_view s, const std::string& byline_name) {
    static const char* const verbs[] = {" is a ", " is an ", " is the ", " covers ", " writes about ", " reports on ", " is based in ", nullptr};
    size_t i = 0, b, e;
    int names = 0;
    size_t name_end = 0;
    while (names < 3 && next_token(s, i, b, e)) {
        std::string_view w = s.substr(b, e - b);
        if (!name_word(w) || w.back() == '.') break;
        std::string low = lower(w);
        if (title_flags(low) & TITLE_ADDRESS) return false;   // "Mr Smith is a ..." is the story
        ++names;
        name_end = e;
    }
    if (names < 2) return false;
    if (!byline_name.empty() && s.substr(0, byline_name.size()) != byline_name) return false;
    std::string_view rest = s.substr(name_end, 120);
    const char* verb = nullptr;
    for (const char* const* v = verbs; *v; ++v)
        if (rest.substr(0, std::char_traits<char>::length(*v)) == *v) { verb = *v; break; }
    if (!verb) return false;
    if (!byline_name.empty()) return true;
    // Without a byline: a journalist's role word soon after ("... is a senior reporter at ...").
    std::string low = lower(rest);
    size_t k = 0, tb, te;
    int words = 0;
    while (words < 10 && next_token(low, k, tb, te)) {
        std::string w = low.substr(tb, te - tb);
        while (!w.empty() && !is_letter(w.back())) w.pop_back();
        if (page_head_kinds(w) & PH_ROLE) return true;
        ++words;
    }
    return false;
}

HeadLine classify(std::string_view s, const Paragraph& p) {
    if (p.boilerplate) { HeadLine h; h.cls = Cls::Clutter; return h; }
    return classify_line(s);
}

std::string_view para_text(std::string_view t, const Paragraph& p) { return t.substr(p.start, p.end - p.start); }

// The list-head lines of boilerplate.txt (whole lines heading lists of links).
bool list_head(std::string_view s) {
    if (s.size() > 40) return false;
    std::string low = lower(s);
    while (!low.empty() && (low.back() == ':' || low.back() == ' ' || low.back() == '.')) low.pop_back();
    return is_list_heading(low);
}

// A line of a list of links: short, one line, not a sentence that ends with a period.
bool list_item(std::string_view s) {
    if (s.empty() || s.size() > 140 || s.find('\n') != std::string_view::npos) return false;
    char last = s.back();
    if (last == '.' || last == ':' || last == '"') return false;
    if (s.substr(0, 3) == "\xE2\x80\x9C" || s[0] == '"') return false;   // a one-line quote
    return true;
}

}  // namespace

namespace head {
bool stands_alone(std::string_view line) {
    if (line.size() > 150) return false;
    Cls c = classify_line(line).cls;
    return c == Cls::Byline || c == Cls::BylineDate || c == Cls::DateLine || c == Cls::Furniture;
}
}  // namespace head

PageParts find_page_parts(std::string_view t, std::vector<Paragraph>& ps) {
    PageParts r;
    const size_t n = ps.size();
    const size_t window = std::min<size_t>(n, 15);
    std::vector<HeadLine> hl(window);
    for (size_t k = 0; k < window; ++k) hl[k] = classify(para_text(t, ps[k]), ps[k]);

    auto next_kept = [&](size_t k) {   // the next paragraph in the window that is not furniture
        ++k;
        while (k < window && is_skipped(hl[k].cls)) ++k;
        return k;
    };

    // The title: the first paragraph with words of its own, when it reads as a headline.
    long title = -1;
    size_t first = 0;
    while (first < window && hl[first].cls != Cls::Content && hl[first].cls != Cls::Name && hl[first].cls != Cls::Role) ++first;
    if (first < window && n > first + 1) {
        bool head_follows = false;
        size_t k = first;
        for (int look = 0; look < 3; ++look) {
            k = next_kept(k);
            if (k >= window) break;
            if (is_head_line(hl[k].cls) || hl[k].cls == Cls::Name || hl[k].cls == Cls::Role) { head_follows = true; break; }
            if (look == 0 && match_dateline(para_text(t, ps[k]))) { head_follows = true; break; }
        }
        if (title_like(para_text(t, ps[first]), head_follows)) title = long(first);
    }

    // The head runs from the title to its last byline or date line, with at most two paragraphs
    // of prose (the standfirst) between.
    long head_end = title;
    {
        int prose = 0;
        long prev_kept = title;
        for (size_t k = title < 0 ? 0 : size_t(title) + 1; k < window; ++k) {
            Cls c = hl[k].cls;
            if (is_skipped(c)) continue;
            if (c == Cls::Name || c == Cls::Role) {
                // a name or a role is the byline next to another head line, or right under the title
                // (a name beside a role, or either beside a byline or a date line; a venue or a
                // subhead under the title is neither)
                Cls other = c == Cls::Name ? Cls::Role : Cls::Name;
                size_t nx = next_kept(k);
                bool next_head = nx < window && (is_head_line(hl[nx].cls) || hl[nx].cls == other);
                bool prev_head = prev_kept >= 0 && long(prev_kept) != title &&
                                 (is_head_line(hl[size_t(prev_kept)].cls) || hl[size_t(prev_kept)].cls == other);
                if (next_head || prev_head) c = hl[k].cls = Cls::Byline;
                else hl[k].cls = c = Cls::Content;
            }
            if (is_head_line(c)) {
                if (prose > 2) break;
                head_end = long(k);
            } else if (++prose > 2) break;
            prev_kept = long(k);
        }
    }

    // The story starts at the first paragraph of prose after the head.
    size_t story_start = size_t(std::max(head_end, title) + 1);
    while (story_start < window && is_skipped(hl[story_start].cls)) ++story_start;

    // Roles, furniture and the date.
    int best = -1;            // paragraph of the chosen date line
    int best_rank = 9;
    auto rank_of = [](DateLabel l) { return l == DateLabel::Published ? 0 : l == DateLabel::None ? 1 : 2; };
    bool seen_head_line = false;
    for (size_t k = 0; k < window; ++k) {
        HeadLine& h = hl[k];
        bool in_head = long(k) <= head_end;
        bool before_story = k < story_start;
        if (h.cls == Cls::Furniture && (before_story || k < 4)) ps[k].boilerplate = true;
        if (h.cls == Cls::Kicker && before_story) ps[k].boilerplate = true;
        if (h.cls == Cls::Count && before_story && seen_head_line) ps[k].boilerplate = true;
        if (is_head_line(h.cls)) seen_head_line = true;
        if (!in_head && !(k < 4 && h.cls == Cls::DateLine)) continue;
        if (long(k) == title) ps[k].role = ParagraphRole::Title;
        else if (h.cls == Cls::Byline || h.cls == Cls::BylineDate) ps[k].role = ParagraphRole::Byline;
        else if (h.cls == Cls::DateLine) ps[k].role = ParagraphRole::DateLine;
        else if (h.cls == Cls::Content && title >= 0 && long(k) > title) ps[k].role = ParagraphRole::Standfirst;
        if ((h.cls == Cls::DateLine || h.cls == Cls::BylineDate) && h.pick >= 0) {
            int rank = rank_of(h.scan.dates[size_t(h.pick)].label);
            if (rank < best_rank) { best_rank = rank; best = int(k); }
        }
        if ((h.cls == Cls::Byline || h.cls == Cls::BylineDate) && r.byline.end == r.byline.start) {
            size_t end = h.byline_end;
            std::string_view s = para_text(t, ps[k]);
            while (end > 0 && (s[end - 1] == ' ' || s[end - 1] == ',')) --end;
            r.byline = {uint32_t(ps[k].start + h.byline_start), uint32_t(ps[k].start + end)};
        }
    }
    if (title >= 0) r.title = {ps[size_t(title)].start, ps[size_t(title)].end};
    if (best >= 0) {
        const HeadLine& h = hl[size_t(best)];
        const LineDate& d = h.scan.dates[size_t(h.pick)];
        r.date.found = true;
        r.date.iso = date_iso(h.scan, d);
        // "04/08/2025" read day first, unless another date of the head says month first
        if (!d.iso_month_first.empty() && !h.scan.us_zone)
            for (size_t k = 0; k < window; ++k)
                for (const LineDate& o : hl[k].scan.dates)
                    if (&o != &d && o.iso_month_first.empty() && o.iso == d.iso_month_first) r.date.iso = d.iso_month_first;
        r.date.label = d.label == DateLabel::Published ? "published" : d.label == DateLabel::Updated ? "updated" : "";
        r.date.span = {uint32_t(ps[size_t(best)].start + h.date_from), uint32_t(ps[size_t(best)].start + h.scan.end)};
        r.date.paragraph = uint32_t(best);
    } else {
        // A date opening one of the first paragraphs, its story after it: " date 2024-04-06 Mexico
        // is severing…" (a label and a date), "April 6, 2024 - The council…" (a date and a separator).
        for (size_t k = 0; k < std::min<size_t>(n, 4); ++k) {
            if (ps[k].boilerplate) continue;
            std::string_view s = para_text(t, ps[k]);
            size_t nl = s.find('\n');
            if (nl != std::string_view::npos) s = s.substr(0, nl);
            LineScan sc = scan_date_items(s, 0);
            if (sc.dates.empty()) continue;
            bool ok = false;
            if (sc.label_first && sc.date_second) {
                const std::string& l = sc.first_label;
                ok = l == "date" || l == "dated" || l == "published" || l == "updated" || l == "posted" || l == "modified" ||
                     l == "first published" || l == "last updated" || l == "last modified" || l == "published on" ||
                     l == "updated on" || l == "posted on";
            } else if (sc.dates.front().start == sc.first) {
                size_t rest = skip_sp(s, sc.lead_end);
                ok = rest >= s.size() || s[rest] == '|' || s[rest] == '-' || s[rest] == ',';
            }
            if (!ok) continue;
            const LineDate& d = sc.dates.front();
            r.date.found = true;
            r.date.iso = date_iso(sc, d);
            r.date.label = d.label == DateLabel::Published ? "published" : d.label == DateLabel::Updated ? "updated" : "";
            r.date.span = {uint32_t(ps[k].start + sc.first), uint32_t(ps[k].start + sc.lead_end)};
            r.date.paragraph = uint32_t(k);
            break;
        }
    }

    // The dateline: at the start of the first story paragraph (or the one after, when the first
    // was a standfirst nobody marked).
    {
        size_t k = size_t(std::max(head_end, title) + 1);
        for (int tries = 0; tries < 2 && k < n; ++k) {
            if (ps[k].boilerplate || ps[k].role != ParagraphRole::Story) continue;
            ++tries;
            std::string_view s = para_text(t, ps[k]);
            if (r.date.found && r.date.paragraph == k) continue;
            if (size_t d = match_dateline(s)) {
                size_t end = d;
                for (;;) {
                    if (end > 0 && s[end - 1] == ' ') { --end; continue; }
                    if (end > 1 && (unsigned char)s[end - 2] == 0xC2 && (unsigned char)s[end - 1] == 0xA0) { end -= 2; continue; }
                    break;
                }
                r.dateline = {ps[k].start, uint32_t(ps[k].start + end)};
                break;
            }
        }
    }

    // Lists of links under a heading ("Related Topics", "More on this story") and author bios
    // at the end: furniture that only their place tells apart.
    for (size_t k = 0; k < n; ++k) {
        if (!list_head(para_text(t, ps[k]))) continue;
        if (k + 1 < n && !ps[k + 1].boilerplate && !list_item(para_text(t, ps[k + 1]))) continue;   // a subhead over prose
        ps[k].boilerplate = true;
        size_t j = k + 1;
        for (int items = 0; j < n && items < 12; ++j, ++items) {
            if (!list_item(para_text(t, ps[j]))) break;
            ps[j].boilerplate = true;
        }
        k = j - 1;
    }
    std::string byline_name;
    if (r.byline.end > r.byline.start) {
        std::string_view b = t.substr(r.byline.start, r.byline.end - r.byline.start);
        size_t i = 0, tb, te;
        while (next_token(b, i, tb, te)) {
            std::string_view w = b.substr(tb, te - tb);
            std::string low = lower(w);
            if (page_head_kinds(low) & PH_BYLINE_LEAD) continue;
            if (!name_word(w)) break;
            if (!byline_name.empty()) byline_name += ' ';
            byline_name += std::string(w);
            if (byline_name.find(' ') != std::string::npos) break;   // first and last name
        }
        while (!byline_name.empty() && byline_name.back() == ',') byline_name.pop_back();
    }
    int tail = 0;
    for (size_t k = n; k-- > 0 && tail < 3;) {
        if (ps[k].boilerplate) continue;
        ++tail;
        if (long(k) <= std::max(head_end, title) + 1) break;
        std::string_view s = para_text(t, ps[k]);
        if (s.size() > 400) continue;
        if (is_author_bio(s, byline_name)) ps[k].boilerplate = true;
    }
    return r;
}

}  // namespace ae
