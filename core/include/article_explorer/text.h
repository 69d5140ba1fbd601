// Stage 1 — text: UTF-8 repair, offset map, paragraphs, the article's date line, boilerplate.
#pragma once
#include "article_explorer/analysis.h"

namespace ae {

// Decodes one code point at s[i]; returns its length (1..4) and sets cp, or returns 0 when the
// bytes there are not valid UTF-8 (overlong, surrogate, truncated, > U+10FFFF).
int utf8_decode(std::string_view s, size_t i, uint32_t& cp);
void utf8_append(std::string& out, uint32_t cp);

struct CleanText {
    std::string text;
    OffsetMap map;
    size_t invalid_bytes = 0;   // replaced by U+FFFD, one per byte
    size_t control_bytes = 0;   // NUL and other C0 controls replaced by a space
};
// Every invalid byte becomes U+FFFD; NUL and C0 controls other than \t \n \r become a space;
// a lone \r becomes \n so that lines are lines. Never fails.
CleanText clean_text(std::string_view input);

// Paragraphs: blocks separated by blank lines; within a block, each line is its own paragraph
// unless the block is hard-wrapped prose (then the block is one paragraph).
std::vector<Paragraph> split_paragraphs(std::string_view text);

struct DateLine {
    bool found = false;
    Span span;
    std::string iso;
    std::string label;        // "published" | "updated" when the line says which date it is
    uint32_t paragraph = 0;   // the paragraph it is in
};
// The article's own date line within its head: `date 2024-04-06`, `Published: April 6, 2024`,
// `April 6, 2024`, `2024-04-06T10:00Z`, `Saturday 6 April 2024 12.01 BST`, `8 April 2025 • 11:02
// BST`, `Published 7:02 PM EST, Tue April 8, 2025`, `08/04/2025`, `By Jane Doe | April 8, 2025`…
// Of several (published, updated), the published one. (find_page_parts on a copy.)
DateLine find_date_line(std::string_view text, const std::vector<Paragraph>& paragraphs);

// The article's head and the furniture around it, as a pasted web page brings them.
struct PageParts {
    DateLine date;
    Span title;      // the headline
    Span byline;     // the first byline ("By Jane Doe, Associated Press")
    Span dateline;   // "WASHINGTON (AP) —" opening the first story paragraph
};
// Finds the title, standfirst, bylines and date lines among the first paragraphs and the dateline
// of the first story paragraph, and sets the paragraphs' roles; marks as boilerplate the furniture
// only its place gives away: section labels above the title, relative date lines ("Updated 2 hours
// ago"), the lines of link lists under a heading ("Related Topics"), an author's bio at the end.
PageParts find_page_parts(std::string_view text, std::vector<Paragraph>& paragraphs);

// Photo captions (`… Credit: AP`, `Image caption, …`), newsletter/podcast/app promos, share/follow
// prompts, page furniture lines (`Advertisement`, `Share`, `12 comments`), credit lines.
bool is_boilerplate(std::string_view paragraph);

// Parses a date written out at s[i] (ISO, `April 6, 2024`, `6 April 2024`, `Apr. 6 2024`,
// optional weekday first). Returns bytes consumed (0 = none) and the ISO date.
size_t parse_written_date(std::string_view s, size_t i, std::string& iso);

// A valid calendar date written exactly YYYY-MM-DD (the form of reference dates).
bool is_iso_date(std::string_view s);

// Month number (1..12) for an English month name or abbreviation (case-insensitive), else 0.
int month_from_name(std::string_view w);

// UTF-16 length of a valid UTF-8 string prefix, for `--offsets utf16`.
struct Utf16Index {
    explicit Utf16Index(std::string_view text);
    uint32_t at(uint32_t byte_offset) const;   // UTF-16 code units before byte_offset
  private:
    std::vector<uint32_t> block_;   // code units before each 64-byte block
    std::string_view text_;
};

}  // namespace ae
