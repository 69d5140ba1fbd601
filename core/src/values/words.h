// The values stage's own small word scanner and number parser (internal).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ae::values {

struct Word {
    uint32_t s = 0, e = 0;   // byte span in the analysis text
    std::string low;         // ASCII-lowercased text; curly apostrophes become '
    bool cap = false;        // starts with an ASCII capital
    bool space = true;       // whitespace (or paragraph start) before it
    bool digit = false;      // starts with a digit
    bool alpha = false;      // starts with an ASCII letter
};

// Cuts text[begin, end) into words. Linear; never reads outside the range.
void scan_words(std::string_view text, uint32_t begin, uint32_t end, std::vector<Word>& out);

// "1,000.50" -> "1000.5"; returns false when s is not a plain decimal number.
bool plain_decimal(std::string_view s, std::string& out);
// Moves the decimal point of a plain decimal string k places (k may be negative).
std::string shift_decimal(const std::string& dec, int k);
// Trims leading zeros and trailing fractional zeros.
std::string tidy_decimal(const std::string& dec);

// A cardinal number at words[i]: digits (`1,000.5`), words (`twenty-five`, `two hundred`), with
// an optional scale (`million`, `bn`, `m`, `k`, also attached: `5bn`). `a`/`an` count as one
// when allow_article. Vague amounts (`several`, `a few`, `many`) give vague=true.
struct Num {
    int len = 0;             // words consumed (0 = none)
    std::string dec;         // plain decimal value
    bool vague = false;
    bool digits = false;     // written in digits
    bool scaled = false;     // a scale word/suffix was applied
    bool article = false;    // the number was `a`/`an`
    std::string suffix;      // letters attached to the digits that were not a scale (`km`, `pm`)
};
Num parse_number(const std::vector<Word>& w, int i, int n, bool allow_article, bool allow_scale = true);

// Value of one number word (`one`..`ninety`, `twenty-five`, `a dozen` is not handled here);
// -1 when it is none.
int number_word(std::string_view s);
// 1..31 from `5`, `5th`, `fifth`; 0 when none.
int day_number(std::string_view s);
// 1..4 from `first`/`1st`/…; 0 when none.
int ordinal_small(std::string_view s);

}  // namespace ae::values
