// Paragraphs and boilerplate (photo captions, promos) of the cleaned text.
#include "article_explorer/text.h"
#include "article_explorer/lexicon.h"

#include <cctype>
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

// A block whose lines (but the last) are all of similar, moderate length and do not end a
// sentence is hard-wrapped prose: one paragraph, not one per line.
bool hard_wrapped(std::string_view t, const std::vector<Line>& lines, size_t a, size_t b) {
    if (b - a < 2) return false;
    size_t wrapped = 0;
    for (size_t k = a; k + 1 < b; ++k) {
        uint32_t len = lines[k].end - lines[k].start;
        char last = t[lines[k].end - 1];
        bool ends_sentence = last == '.' || last == '?' || last == '!' || last == ':';
        if (len >= 40 && len <= 100 && !ends_sentence) ++wrapped;
    }
    return wrapped * 2 >= (b - a - 1);
}

// The needles are lower case; `low` is the paragraph with A-Z lowered once (what std::tolower
// does in the C locale), so these are plain searches instead of a tolower call per byte and needle.
bool icontains(std::string_view low, std::string_view needle) { return low.find(needle) != std::string_view::npos; }

bool istarts(std::string_view low, std::string_view prefix) { return low.substr(0, prefix.size()) == prefix; }

// boilerplate.txt's phrases by kind (views into the compiled-in list).
struct BoilerplateMarks { std::vector<std::string_view> credit, promo_start, promo_word; };
const BoilerplateMarks& boilerplate_marks() {
    static const BoilerplateMarks m = [] {
        BoilerplateMarks b;
        for_each_lexicon_line(builtin_lexicon("boilerplate"), [&](const std::vector<std::string_view>& c) {
            if (c.size() < 2 || c[0].empty()) return;
            if (c[1] == "credit") b.credit.push_back(c[0]);
            else if (c[1] == "promo-start") b.promo_start.push_back(c[0]);
            else if (c[1] == "promo-word") b.promo_word.push_back(c[0]);
        });
        return b;
    }();
    return m;
}

}  // namespace

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
        if (hard_wrapped(t, block, 0, block.size())) {
            out.push_back({block.front().start, block.back().end, false});
        } else {
            for (auto& l : block) if (l.end > l.start) out.push_back({l.start, l.end, false});
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

}  // namespace ae
