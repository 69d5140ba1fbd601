// A tokenizer for news text, Penn Treebank style (the taggers learn from PTB-tokenised data).
// One pass over the bytes, no allocation but the output vector, linear in the input.
#include "article_explorer/tokens.h"
#include "article_explorer/text.h"
#include "article_explorer/lexicon.h"

#include <algorithm>
#include <cctype>
#include <cstring>

namespace ae {

namespace {

constexpr uint32_t kMaxTokenBytes = 1024;   // longer runs are cut, so later stages stay bounded

enum class CharClass : uint8_t { Space, Newline, Letter, Digit, Quote, Dash, Punct, Symbol, Emoji, Joiner, Replacement };

CharClass classify(uint32_t cp) {
    if (cp < 0x80) {
        if (cp == '\n') return CharClass::Newline;
        if (cp == ' ' || cp == '\t' || cp == '\r' || cp < 0x20) return CharClass::Space;
        if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) return CharClass::Letter;
        if (cp >= '0' && cp <= '9') return CharClass::Digit;
        if (cp == '"' || cp == '\'' || cp == '`') return CharClass::Quote;
        if (cp == '-') return CharClass::Dash;
        if (cp == '$' || cp == '%' || cp == '&' || cp == '*' || cp == '+' || cp == '=' || cp == '<' ||
            cp == '>' || cp == '^' || cp == '|' || cp == '~' || cp == '#' || cp == '@' || cp == '\\' || cp == '/')
            return CharClass::Symbol;
        return CharClass::Punct;
    }
    if (cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF)
        return CharClass::Space;
    if (cp == 0xFFFD) return CharClass::Replacement;
    if (cp == 0x200D || cp == 0xFE0F || cp == 0xFE0E || (cp >= 0x1F3FB && cp <= 0x1F3FF)) return CharClass::Joiner;
    if (cp == 0x2018 || cp == 0x2019 || cp == 0x201A || cp == 0x201B || cp == 0x201C || cp == 0x201D ||
        cp == 0x201E || cp == 0x201F || cp == 0xAB || cp == 0xBB || cp == 0x2039 || cp == 0x203A)
        return CharClass::Quote;
    if (cp >= 0x2010 && cp <= 0x2015) return CharClass::Dash;
    if ((cp >= 0x2016 && cp <= 0x206F) || (cp >= 0x3001 && cp <= 0x303F) || (cp >= 0xFF01 && cp <= 0xFF0F) ||
        cp == 0x060C || cp == 0x061B || cp == 0x061F || cp == 0x06D4 || cp == 0xA1 || cp == 0xBF || cp == 0xB7)
        return CharClass::Punct;
    if ((cp >= 0xA2 && cp <= 0xBE && cp != 0xAA && cp != 0xB5 && cp != 0xBA) || cp == 0xD7 || cp == 0xF7 ||
        (cp >= 0x20A0 && cp <= 0x20CF) || (cp >= 0x2100 && cp <= 0x23FF) || (cp >= 0x25A0 && cp <= 0x25FF))
        return CharClass::Symbol;
    if ((cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) || (cp >= 0x2B00 && cp <= 0x2BFF))
        return CharClass::Emoji;
    return CharClass::Letter;   // letters of any script, combining marks, ideographs
}

struct Cursor {
    std::string_view t;
    size_t end;
    // Code point and class at byte i (invalid bytes cannot occur: the text is cleaned).
    CharClass at(size_t i, uint32_t& cp, int& len) const {
        if (i >= end) { cp = 0; len = 0; return CharClass::Space; }
        len = utf8_decode(t, i, cp);
        if (len == 0) { cp = 0xFFFD; len = 1; return CharClass::Replacement; }
        return classify(cp);
    }
    CharClass cls(size_t i) const { uint32_t cp; int len; return at(i, cp, len); }
    bool is_apostrophe(size_t i, int& len) const {
        if (i < end && t[i] == '\'') { len = 1; return true; }
        if (i + 2 < end + 0 && (unsigned char)t[i] == 0xE2 && (unsigned char)t[i + 1] == 0x80 && (unsigned char)t[i + 2] == 0x99) { len = 3; return true; }
        return false;
    }
};

bool word_char(CharClass c) { return c == CharClass::Letter || c == CharClass::Digit; }

// Lower-case ASCII compare of t[a,b) with a lower-case literal (length first; A-Z lowered by
// hand, which is what std::tolower does in the C locale).
bool ieq(std::string_view t, size_t a, size_t b, std::string_view lit) {
    if (b - a != lit.size()) return false;
    for (size_t k = 0; k < lit.size(); ++k) {
        char c = t[a + k];
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
        if (c != lit[k]) return false;
    }
    return true;
}

// Clitic after an apostrophe at t[a,b): s, re, ve, ll, d, m (PTB splits them off).
bool clitic(std::string_view t, size_t a, size_t b) {
    return ieq(t, a, b, "s") || ieq(t, a, b, "re") || ieq(t, a, b, "ve") || ieq(t, a, b, "ll") ||
           ieq(t, a, b, "d") || ieq(t, a, b, "m");
}

bool next_is_digit(std::string_view t, size_t i, size_t end) {
    while (i < end && t[i] == ' ') ++i;
    return i < end && t[i] >= '0' && t[i] <= '9';
}

// abbreviations.txt's flags of t[a,b) (lower-cased), 0 for a longer word than any there.
uint8_t abbreviation_at(std::string_view t, size_t a, size_t b) {
    char low[16];
    if (b - a > sizeof low) return 0;
    for (size_t k = a; k < b; ++k) { char c = t[k]; low[k - a] = c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }
    return abbreviation_flags(std::string_view(low, b - a));
}

// Abbreviations that keep their period. Words that are also ordinary words at a sentence end
// ("He sat.", "was ill.", "said no.") keep it only before a number.
bool known_abbreviation(std::string_view t, size_t a, size_t b) {
    return b - a <= 6 && (abbreviation_at(t, a, b) & ABBR_TOKENS);
}

bool number_abbreviation(std::string_view t, size_t a, size_t b) { return abbreviation_at(t, a, b) & ABBR_NUMBER; }

// A title that is an ordinary word too ("Rep. John Mica" but "a sales rep."): it keeps its
// period when written with a capital and followed by a capitalised word.
bool title_abbreviation(std::string_view t, size_t a, size_t b, size_t end) {
    if (!std::isupper((unsigned char)t[a]) || !(abbreviation_at(t, a, b) & ABBR_TITLE)) return false;
    size_t i = b + 1;
    if (i >= end || t[i] != ' ') return false;
    while (i < end && t[i] == ' ') ++i;
    return i < end && std::isupper((unsigned char)t[i]);
}

}  // namespace

bool is_abbreviation(std::string_view tok) {
    if (tok.size() < 2 || tok.back() != '.') return false;
    std::string_view body = tok.substr(0, tok.size() - 1);
    if (body.find('.') != std::string_view::npos) return true;      // U.S., a.m.
    if (body.size() == 1 && std::isalpha((unsigned char)body[0])) return true;  // initials
    return known_abbreviation(body, 0, body.size()) || number_abbreviation(body, 0, body.size()) ||
           (std::isupper((unsigned char)body[0]) && (abbreviation_at(body, 0, body.size()) & ABBR_TITLE));
}

void tokenize(std::string_view text, uint32_t start, uint32_t end, uint32_t paragraph, std::vector<Token>& out) {
    Cursor c{text, end};
    size_t i = start;
    bool space = false, newline = false;
    auto emit = [&](size_t a, size_t b, TokenKind kind) {
        Token tk;
        tk.start = uint32_t(a); tk.end = uint32_t(b); tk.kind = kind;
        tk.space_before = space || newline; tk.newline_before = newline; tk.paragraph = paragraph;
        out.push_back(tk);
        space = newline = false;
    };
    while (i < end) {
        uint32_t cp; int len;
        CharClass k = c.at(i, cp, len);
        if (k == CharClass::Space) { space = true; i += len; continue; }
        if (k == CharClass::Newline) { newline = true; i += len; continue; }

        // URLs, e-mail addresses, handles and hashtags: one token up to whitespace.
        if (k == CharClass::Letter || k == CharClass::Symbol) {
            std::string_view rest = text.substr(i, std::min<size_t>(end - i, 12));
            bool url = rest.substr(0, 7) == "http://" || rest.substr(0, 8) == "https://" || rest.substr(0, 4) == "www.";
            bool handle = (cp == '@' || cp == '#') && i + 1 < end && word_char(c.cls(i + 1)) && !(cp == '#' && c.cls(i + 1) == CharClass::Digit);
            if (url || handle) {
                size_t j = i;
                while (j < end && j - i < kMaxTokenBytes) {
                    CharClass cj = c.cls(j);
                    if (cj == CharClass::Space || cj == CharClass::Newline) break;
                    if (handle && !(word_char(cj) || text[j] == '_' || j == i)) break;
                    if (!handle && cj == CharClass::Quote && (unsigned char)text[j] >= 0x80) break;
                    if (!handle && text[j] == '"') break;
                    ++j;
                }
                // Trailing punctuation belongs to the sentence, not the URL.
                while (j > i + 1 && std::strchr(".,;:!?)]}'\"", text[j - 1]) && !(text[j - 1] == '/' )) --j;
                while (j > i + 1 && ((unsigned char)text[j - 1] & 0xC0) == 0x80) --j;  // never split a code point
                if (j > i + 1) { emit(i, j, url ? TokenKind::Url : TokenKind::Handle); i = j; continue; }
            }
        }

        if (word_char(k)) {
            size_t j = i;
            bool has_alpha = false, has_digit = false;
            while (j < end && j - i < kMaxTokenBytes) {
                uint32_t cq; int lq;
                CharClass cj = c.at(j, cq, lq);
                if (cj == CharClass::Letter) { has_alpha = true; j += lq; continue; }
                if (cj == CharClass::Digit) { has_digit = true; j += lq; continue; }
                if (cj == CharClass::Joiner) { j += lq; continue; }
                char ch = text[j];
                CharClass next = c.cls(j + 1);
                // Internal joiners: break-in, 1,000.50, 5:30, AT&T, 24/7, e-mail@x.org.
                if ((ch == '-' || ch == '_') && word_char(next) && j > i) { j += 1; continue; }
                if ((ch == '.' || ch == ',' || ch == ':') && next == CharClass::Digit && c.cls(j - 1) == CharClass::Digit && j > i) { j += 1; continue; }
                if ((ch == '&' || ch == '/') && word_char(next) && j > i && j - i <= 4 && std::isupper((unsigned char)text[i])) { j += 1; continue; }
                if (ch == '@' && word_char(next)) {   // e-mail address
                    size_t q = j + 1;
                    while (q < end && (word_char(c.cls(q)) || text[q] == '.' || text[q] == '-' || text[q] == '_')) ++q;
                    while (q > j + 1 && text[q - 1] == '.') --q;
                    if (std::memchr(text.data() + j + 1, '.', q - j - 1)) { emit(i, q, TokenKind::Email); j = q; break; }
                    break;
                }
                int al;
                if (c.is_apostrophe(j, al) && has_alpha) {
                    // Clitic, O'Brien, or a possessive / closing quote after the word?
                    size_t q = j + al;
                    while (q < end && c.cls(q) == CharClass::Letter && q - j < 8) ++q;
                    bool letters_follow = q > j + size_t(al);
                    bool word_ends = q >= end || !word_char(c.cls(q));
                    if (letters_follow && word_ends && clitic(text, j + al, q)) break;
                    if (letters_follow && word_ends && ieq(text, j + al, q, "t") && j > i && (text[j - 1] == 'n' || text[j - 1] == 'N')) {
                        // don't -> do n't ; can't -> ca n't ; won't -> wo n't
                        if (j - 1 > i) emit(i, j - 1, TokenKind::Word);
                        emit(j - 1, q, TokenKind::Word);
                        j = q;
                        i = q;
                        goto next_token;
                    }
                    if (letters_follow) { j = q; continue; }   // O'Brien, rock'n'roll
                    break;
                }
                break;
            }
            if (j > i && out.size() && out.back().kind == TokenKind::Email && out.back().end == j) { i = j; continue; }
            {
                // Dotted abbreviations: U.S., a.m., e.g., Ph.D.
                size_t q = j;
                if (has_alpha && !has_digit && q < end && text[q] == '.') {
                    size_t r = q;
                    while (r + 2 < end && text[r] == '.' && std::isalpha((unsigned char)text[r + 1]) &&
                           (text[r + 2] == '.' || (r + 3 < end && std::isalpha((unsigned char)text[r + 2]) && text[r + 3] == '.')) &&
                           (j - i) <= 3) {
                        r += (text[r + 2] == '.') ? 2 : 3;
                    }
                    if (r > q) {
                        emit(i, r + 1, TokenKind::Word);
                        i = r + 1;
                        continue;
                    }
                    // A known abbreviation or a single-letter initial keeps its period.
                    bool initial = (j - i == 1) && std::isupper((unsigned char)text[i]);
                    bool before_number = next_is_digit(text, j + 1, end) && number_abbreviation(text, i, j);
                    if (initial || before_number || known_abbreviation(text, i, j) || title_abbreviation(text, i, j, end)) {
                        emit(i, j + 1, TokenKind::Word);
                        i = j + 1;
                        continue;
                    }
                }
                emit(i, j, has_alpha ? TokenKind::Word : TokenKind::Number);
                i = j;
            }
            // Clitic right after: 's 're 've 'll 'd 'm
            int al;
            if (i < end && c.is_apostrophe(i, al)) {
                size_t q = i + al;
                while (q < end && c.cls(q) == CharClass::Letter && q - i < 8) ++q;
                if (q > i + size_t(al) && (q >= end || !word_char(c.cls(q))) && clitic(text, i + al, q)) {
                    emit(i, q, TokenKind::Word);
                    i = q;
                }
            }
            continue;
        }
    next_token:
        if (i >= end) break;
        k = c.at(i, cp, len);
        if (k == CharClass::Space || k == CharClass::Newline || word_char(k)) continue;

        if (k == CharClass::Quote) {
            // `` and '' are one quote token each (LaTeX/PTB style).
            if ((cp == '`' || cp == '\'') && i + 1 < end && text[i + 1] == char(cp)) { emit(i, i + 2, TokenKind::Quote); i += 2; continue; }
            emit(i, i + len, TokenKind::Quote); i += len; continue;
        }
        if (k == CharClass::Dash) {
            size_t j = i + len;
            if (cp == '-') while (j < end && text[j] == '-' && j - i < 8) ++j;
            emit(i, j, TokenKind::Punct); i = j; continue;
        }
        if (k == CharClass::Punct) {
            size_t j = i + len;
            if (cp == '.' ) while (j < end && text[j] == '.' && j - i < 16) ++j;   // ... as one token
            if ((cp == '!' || cp == '?')) while (j < end && (text[j] == '!' || text[j] == '?') && j - i < 16) ++j;
            emit(i, j, TokenKind::Punct); i = j; continue;
        }
        if (k == CharClass::Emoji) {
            // An emoji with its joiners, variation selectors and skin tones is one token.
            size_t j = i + len;
            while (j < end && j - i < 64) {
                uint32_t cq; int lq;
                CharClass cj = c.at(j, cq, lq);
                if (cj == CharClass::Joiner) { j += lq; if (cq == 0x200D && j < end) { CharClass cn = c.at(j, cq, lq); if (cn == CharClass::Emoji) j += lq; } continue; }
                break;
            }
            emit(i, j, TokenKind::Symbol); i = j; continue;
        }
        if (k == CharClass::Letter && cp >= 0x1F1E6 && cp <= 0x1F1FF) { emit(i, i + len, TokenKind::Symbol); i += len; continue; }
        if (k == CharClass::Replacement) {
            size_t j = i + len;
            while (j + 2 < end + 0 && j - i < kMaxTokenBytes && (unsigned char)text[j] == 0xEF && (unsigned char)text[j + 1] == 0xBF && (unsigned char)text[j + 2] == 0xBD) j += 3;
            emit(i, j, TokenKind::Other); i = j; continue;
        }
        if (k == CharClass::Joiner) { emit(i, i + len, TokenKind::Other); i += len; continue; }
        emit(i, i + len, TokenKind::Symbol);
        i += len;
    }
}

}  // namespace ae
