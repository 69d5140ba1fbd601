// Paragraphs and boilerplate (photo captions, promos) of the cleaned text.
#include "article_explorer/text.h"
#include "article_explorer/lexicon.h"
#include "head.h"
#include "word_table.h"

#include <cctype>
#include <algorithm>
#include <cstring>

namespace ae {

namespace {

bool blank(std::string_view s) {
    for (char c : s) if (c != ' ' && c != '\t' && c != '\r') {
        // U+00A0 is the only non-ASCII space common in pasted text; treat it as blank.
        return false;
    }
    return true;
}

struct Line { uint32_t start, end; };

// Trim spaces/tabs (and NBSP) at both ends of [s, e).
void trim(std::string_view t, uint32_t& s, uint32_t& e) {
    for (;;) {
        if (s < e && (t[s] == ' ' || t[s] == '\t')) { ++s; continue; }
        if (s + 1 < e && (unsigned char)t[s] == 0xC2 && (unsigned char)t[s + 1] == 0xA0) { s += 2; continue; }
        break;
    }
    for (;;) {
        if (e > s && (t[e - 1] == ' ' || t[e - 1] == '\t')) { --e; continue; }
        if (e >= s + 2 && (unsigned char)t[e - 2] == 0xC2 && (unsigned char)t[e - 1] == 0xA0) { e -= 2; continue; }
        break;
    }
}

// Characters (not bytes) of a line: wrapping counts characters.
uint32_t chars(std::string_view t, const Line& l) {
    uint32_t n = 0;
    for (uint32_t i = l.start; i < l.end; ++i) n += ((unsigned char)t[i] & 0xC0) != 0x80;
    return n;
}

// A block whose lines (but the last) are all of similar, moderate length and do not end a
// sentence is hard-wrapped prose: one paragraph, not one per line. A wrapped line is one the
// next line's first word would not have fitted on (give or take a balancing wrapper's slack), so
// a headline, a caption or a short line above a longer one is no wrap; a line longer than any
// wrap width (a paragraph pasted as one line) means the block is not wrapped.
bool hard_wrapped(std::string_view t, const std::vector<Line>& lines, size_t a, size_t b) {
    if (b - a < 2) return false;
    uint32_t widest = 0;
    for (size_t k = a; k < b; ++k) {
        if (lines[k].end - lines[k].start > 120) return false;
        widest = std::max(widest, chars(t, lines[k]));
    }
    size_t wrapped = 0, sentence_ends = 0;
    for (size_t k = a; k + 1 < b; ++k) {
        uint32_t len = lines[k].end - lines[k].start;
        char last = t[lines[k].end - 1];
        bool ends_sentence = last == '.' || last == '?' || last == '!' || last == ':';
        sentence_ends += ends_sentence;
        // a short line inside a run that ends no sentence is a line of its own ("Jane Doe")
        if (!ends_sentence && chars(t, lines[k]) * 10 < widest * 6) return false;
        if (len < 40 || len > 100 || ends_sentence) continue;
        uint32_t word = 0;
        for (uint32_t i = lines[k + 1].start; i < lines[k + 1].end && t[i] != ' '; ++i) word += ((unsigned char)t[i] & 0xC0) != 0x80;
        if (chars(t, lines[k]) + 1 + word + 10 > widest) ++wrapped;
    }
    // (lines of their own that end sentences as often as they wrap are no wrapped prose)
    return wrapped * 2 >= (b - a - 1) && wrapped > sentence_ends;
}

// The needles are lower case; `low` is the paragraph with A-Z lowered once (what std::tolower
// does in the C locale), so these are plain searches instead of a tolower call per byte and needle.
bool icontains(std::string_view low, std::string_view needle) { return low.find(needle) != std::string_view::npos; }

bool istarts(std::string_view low, std::string_view prefix) { return low.substr(0, prefix.size()) == prefix; }

// boilerplate.txt's phrases by kind (views into the compiled-in list).
enum : uint8_t { LINE = 1, LIST_HEAD = 2, SHARE_WORD = 4, FILLER = 8 };
struct BoilerplateMarks {
    std::vector<std::string_view> credit, promo_start, promo_word, end_credit, any_credit;
    WordTable<uint8_t> lines;   // whole lines and words: LINE, LIST_HEAD, SHARE_WORD, FILLER
};
const BoilerplateMarks& boilerplate_marks() {
    static const BoilerplateMarks m = [] {
        BoilerplateMarks b;
        for_each_lexicon_line(builtin_lexicon("boilerplate"), [&](const std::vector<std::string_view>& c) {
            if (c.size() < 2 || c[0].empty()) return;
            if (c[1] == "credit") b.credit.push_back(c[0]);
            else if (c[1] == "promo-start") b.promo_start.push_back(c[0]);
            else if (c[1] == "promo-word") b.promo_word.push_back(c[0]);
            else if (c[1] == "end-credit") b.end_credit.push_back(c[0]);
            else if (c[1] == "any-credit") b.any_credit.push_back(c[0]);
            else if (c[1] == "line") b.lines[c[0]] |= LINE;
            else if (c[1] == "list-head") b.lines[c[0]] |= LIST_HEAD;
            else if (c[1] == "share-word") b.lines[c[0]] |= SHARE_WORD;
            else if (c[1] == "filler") b.lines[c[0]] |= FILLER;
        });
        return b;
    }();
    return m;
}

uint8_t line_kinds(std::string_view low) {
    const uint8_t* k = boilerplate_marks().lines.find(low);
    return k ? *k : 0;
}

bool is_space_byte(char c) { return c == ' ' || c == '\t'; }

// A whole line of page furniture, lower case: "advertisement", "related topics", a row of share
// buttons ("share on facebook twitter email"), a comment count ("45 comments", "comments (45)"),
// a reading time ("5 min read").
bool furniture_line(std::string_view low) {
    if (low.size() > 100) return false;
    // trailing punctuation and arrows aside
    while (!low.empty()) {
        char c = low.back();
        if (c == '.' || c == ':' || c == '!' || c == ' ' || c == '>' || c == '|') { low.remove_suffix(1); continue; }
        if (low.size() >= 2 && (low.substr(low.size() - 2) == "\xC2\xBB" || low.substr(low.size() - 2) == "\xC2\xB7")) { low.remove_suffix(2); continue; }
        if (low.size() >= 3 && (low.substr(low.size() - 3) == "\xE2\x80\xBA" || low.substr(low.size() - 3) == "\xE2\x80\xA6")) { low.remove_suffix(3); continue; }
        break;
    }
    if (low.empty()) return false;
    if (low.size() <= 60 && (line_kinds(low) & LINE)) return true;
    // Word by word: share rows and comment counts.
    int words = 0, share = 0, other = 0, numbers = 0, comments = 0;
    size_t i = 0;
    while (i < low.size()) {
        while (i < low.size() && (is_space_byte(low[i]) || low[i] == '|' || low[i] == '(' || low[i] == ')' || low[i] == ',')) ++i;
        if (low.substr(i, 2) == "\xC2\xB7") { i += 2; continue; }
        if (low.substr(i, 3) == "\xE2\x80\xA2") { i += 3; continue; }
        if (i >= low.size()) break;
        size_t j = i;
        while (j < low.size() && !is_space_byte(low[j]) && low[j] != '|' && low[j] != '(' && low[j] != ')' && low[j] != ',') ++j;
        std::string_view w = low.substr(i, j - i);
        i = j;
        if (++words > 12) return false;
        bool number = true;
        for (char c : w) number = number && ((c >= '0' && c <= '9') || c == '.' || c == 'k');
        if (number && w[0] >= '0' && w[0] <= '9') { ++numbers; continue; }
        if (w == "comments" || w == "comment") ++comments;
        uint8_t k = line_kinds(w);
        if (k & SHARE_WORD) ++share;
        else if (!(k & FILLER) && w != "view" && w != "see" && w != "all" && w != "show" && w != "read") ++other;
    }
    if (comments && numbers == 1 && other == 0 && words <= 5) return true;   // "45 comments", "view 45 comments"
    return share >= 2 && other == 0 && numbers == 0;   // one word alone ("Twitter.") may be a subhead
}

}  // namespace

// How a line of a block stands: part of the text around it, a paragraph of its own (a date line,
// a byline, a furniture line), or the start of a paragraph (a dateline, "WASHINGTON (AP) — ...").
enum LineKind : uint8_t { Flow, Alone, Starts };

LineKind line_kind(std::string_view s) {
    if (s.empty()) return Flow;
    if (s.size() <= 150) {
        char low[104];
        if (s.size() <= 100) {
            for (size_t i = 0; i < s.size(); ++i) { char c = s[i]; low[i] = c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }
            std::string_view l(low, s.size());
            if (furniture_line(l)) return Alone;
            while (!l.empty() && (l.back() == ':' || l.back() == '.' || l.back() == ' ')) l.remove_suffix(1);
            if (line_kinds(l) & LIST_HEAD) return Alone;
        }
        if (head::stands_alone(s)) return Alone;
        // "Image caption, …", "Read more: …", "Sign up …" opening a line with its capital: page
        // furniture even in a run of similar lines (a wrapped line goes on in lower case)
        if (s[0] >= 'A' && s[0] <= 'Z' && s.size() < 300) {
            char low[300];
            for (size_t i = 0; i < s.size(); ++i) { char c = s[i]; low[i] = c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }
            std::string_view l(low, s.size());
            for (std::string_view m : boilerplate_marks().promo_start)
                if (l.substr(0, m.size()) == m) return Alone;
        }
    }
    if ((s[0] >= 'A' && s[0] <= 'Z') || s[0] == '(')
        if (head::match_dateline(s)) return Starts;
    return Flow;
}

// A whole line that heads a list of links ("More on this story"), and a line of such a list.
bool list_heading_line(std::string_view s) {
    if (s.size() > 40) return false;
    char low[48];
    size_t n = 0;
    for (char c : s) low[n++] = c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
    std::string_view l(low, n);
    while (!l.empty() && (l.back() == ':' || l.back() == '.' || l.back() == ' ')) l.remove_suffix(1);
    return (line_kinds(l) & LIST_HEAD) != 0;
}
bool list_line(std::string_view s) {
    if (s.empty() || s.size() > 140) return false;
    char last = s.back();
    return last != '.' && last != ':' && last != '"' && s[0] != '"' && s.substr(0, 3) != "\xE2\x80\x9C";
}

// The first line of the text, ahead of a line that starts with a capital, is a headline of its own
// when it ends without punctuation and a wrapping would have put the next line's first word on
// it (it is shorter than the lines after it by more than that word).
bool headline_line(std::string_view t, const std::vector<Line>& block) {
    if (block.size() < 2) return false;
    const Line& h = block[0];
    uint32_t len = h.end - h.start;
    if (len == 0 || len > 200) return false;
    char last = t[h.end - 1];
    if (last == '.' || last == ',' || last == ';' || last == ':' || last == '-') return false;
    std::string_view next = t.substr(block[1].start, block[1].end - block[1].start);
    if (next.empty()) return false;
    unsigned char c0 = (unsigned char)next[0];
    bool opens = (c0 >= 'A' && c0 <= 'Z') || c0 == '"' || c0 == 0xE2 || c0 == '(' || (c0 >= '0' && c0 <= '9') || c0 >= 0xC3;
    if (!opens) return false;
    size_t word = next.find(' ');
    if (word == std::string_view::npos) word = next.size();
    uint32_t widest = 0;
    for (size_t k = 1; k < block.size(); ++k) widest = std::max(widest, block[k].end - block[k].start);
    return len + 1 + word <= widest;
}

std::vector<Paragraph> split_paragraphs(std::string_view t) {
    std::vector<Line> lines;
    uint32_t n = uint32_t(t.size());
    uint32_t s = 0;
    while (s <= n) {
        const void* nl = s < n ? std::memchr(t.data() + s, '\n', n - s) : nullptr;
        uint32_t e = nl ? uint32_t(static_cast<const char*>(nl) - t.data()) : n;
        lines.push_back({s, e});
        if (!nl) break;
        s = e + 1;
    }
    std::vector<Paragraph> out;
    size_t k = 0;
    while (k < lines.size()) {
        if (blank(t.substr(lines[k].start, lines[k].end - lines[k].start))) { ++k; continue; }
        size_t b = k;
        while (b < lines.size() && !blank(t.substr(lines[b].start, lines[b].end - lines[b].start))) ++b;
        // trimmed copies of the block's lines
        std::vector<Line> block;
        for (size_t j = k; j < b; ++j) {
            uint32_t ls = lines[j].start, le = lines[j].end;
            trim(t, ls, le);
            block.push_back({ls, le});
        }
        // A run of lines is one paragraph when hard-wrapped, else one per line.
        auto emit = [&](size_t a, size_t e) {
            if (e <= a) return;
            if (hard_wrapped(t, block, a, e)) {
                out.push_back({block[a].start, block[e - 1].end, false});
            } else {
                for (size_t j = a; j < e; ++j) if (block[j].end > block[j].start) out.push_back({block[j].start, block[j].end, false});
            }
        };
        if (block.size() < 2) {
            emit(0, block.size());
        } else {
            // Head lines and furniture stand alone even inside a block of wrapped lines; a
            // headline is not wrapped into the line under it.
            size_t from = 0;
            bool in_list = false;   // under a list heading ("More on this story"): its items stand alone
            for (size_t j = 0; j < block.size(); ++j) {
                std::string_view line = t.substr(block[j].start, block[j].end - block[j].start);
                LineKind kind = line_kind(line);
                if (kind == Flow && j == 0 && out.empty() && headline_line(t, block)) kind = Alone;
                if (kind == Flow && in_list && list_line(line)) kind = Alone;
                else in_list = kind == Alone && list_heading_line(line);
                if (kind == Flow) continue;
                emit(from, j);
                if (kind == Alone) { emit(j, j + 1); from = j + 1; }
                else from = j;
            }
            emit(from, block.size());
        }
        k = b;
    }
    for (auto& p : out) p.boilerplate = is_boilerplate(t.substr(p.start, p.end - p.start));
    return out;
}

bool is_boilerplate(std::string_view text) {
    if (text.empty()) return false;
    size_t len = text.size();
    if (len >= 400) return false;   // no rule below looks at longer paragraphs
    char buf[400];
    for (size_t i = 0; i < len; ++i) { char c = text[i]; buf[i] = c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }
    std::string_view p(buf, len);
    const BoilerplateMarks& marks = boilerplate_marks();
    // Photo captions and credits: "… Credit: AP", "(Photo: Reuters)", "Getty Images".
    if (len < 400) {
        for (std::string_view m : marks.credit) {
            if (!icontains(p, m)) continue;
            // The credit must sit at the end (a caption) or the line must be short.
            size_t tail = len > 60 ? len - 60 : 0;
            if (icontains(p.substr(tail), m) || len < 120) return true;
        }
    }
    // Whole lines of page furniture: "Advertisement", "Share", "45 comments"; rules and separators
    // ("___", "·", "***"), a contact ("Media: press@example.com"), "SOURCE Acme". (A number alone
    // may be a figure of the story, "78,000": only the head's counts are furniture, head.cpp.)
    if (len <= 100 && furniture_line(p)) return true;
    if (len <= 12) {
        bool alnum = false;
        for (char c : text) alnum = alnum || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (unsigned char)c >= 0xC3;
        if (!alnum) return true;
    }
    if (len <= 80 && p.find('@') != std::string_view::npos && p.find(". ") == std::string_view::npos) {
        size_t at = p.find('@');
        size_t dot = p.find('.', at);
        if (at > 0 && p[at - 1] != ' ' && dot != std::string_view::npos && dot + 1 < len && p[dot + 1] != ' ') return true;
    }
    if (text.substr(0, 7) == "SOURCE ") return true;
    // Credit lines: "Jane Doe contributed to this report.", its first sentence ending with it.
    if (len < 300) {
        size_t stop = p.find(". ");
        std::string_view first = p.substr(0, stop == std::string_view::npos ? len : stop + 1);
        for (std::string_view m : marks.end_credit) {
            size_t at = first.find(m);
            if (at != std::string_view::npos && first.size() - (at + m.size()) <= 40) return true;
        }
        for (std::string_view m : marks.any_credit) if (icontains(p, m)) return true;
    }
    // Promos and page furniture: short paragraphs that talk to the reader about the site.
    if (len < 300) {
        for (std::string_view m : marks.promo_start) if (istarts(p, m)) return true;
        int hits = 0;
        for (std::string_view m : marks.promo_word) hits += icontains(p, m) ? 1 : 0;
        bool addresses_reader = icontains(p, " you ") || icontains(p, " your ") || icontains(p, "you need") ||
                                istarts(p, "you") || icontains(p, " our ");
        if (hits >= 1 && addresses_reader) return true;
        if (hits >= 2) return true;
    }
    return false;
}

namespace head {
bool is_list_heading(std::string_view lower_line) { return (line_kinds(lower_line) & LIST_HEAD) != 0; }
}  // namespace head

}  // namespace ae
