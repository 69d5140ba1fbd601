// Sentence splitting for news: breaks after . ! ? … unless inside a double-quoted passage or
// after an abbreviation; closing quotes and brackets stay with the sentence they close.
#include "article_explorer/tokens.h"
#include "article_explorer/lexicon.h"
#include "text/word_table.h"

#include <cctype>
#include <cstring>

namespace ae {

namespace {

constexpr uint32_t kMaxSentenceTokens = 400;   // a forced break keeps later stages bounded
constexpr uint32_t kUnclosedQuoteTokens = 150; // a quote open this long is taken as unclosed

bool is_double_quote(std::string_view s) {
    return s == "\"" || s == "\xE2\x80\x9C" || s == "\xE2\x80\x9D" || s == "\xE2\x80\x9E" || s == "\xC2\xAB" ||
           s == "\xC2\xBB" || s == "``" || s == "''";
}

bool is_terminator(std::string_view s) {
    if (s.empty()) return false;
    if (s[0] == '.' || s[0] == '!' || s[0] == '?') return true;
    return s == "\xE2\x80\xA6";  // …
}

bool is_closing_bracket(std::string_view s) { return s == ")" || s == "]" || s == "}"; }

// Words that typically open a sentence (sentence-openers.txt, as written): after `U.S.` or
// `Inc.` they signal a break.
bool sentence_opener(std::string_view w) {
    static const WordTable<char> openers = [] {
        WordTable<char> t;
        for_each_lexicon_line(builtin_lexicon("sentence-openers"), [&](const std::vector<std::string_view>& c) { t[c[0]] = 1; });
        return t;
    }();
    return openers.find(w) != nullptr;
}

bool starts_lower(std::string_view w) { return !w.empty() && std::islower((unsigned char)w[0]); }

bool continues_sentence(std::string_view w) {
    // After a terminator, these never start a new sentence: , ; : ) and lower-case words.
    if (w.empty()) return false;
    if (starts_lower(w)) return true;
    return w == "," || w == ";" || w == ":" || w == ")" || w == "]";
}

}  // namespace

QuoteRole quote_role(std::string_view text, const std::vector<Token>& tokens, uint32_t i) {
    const Token& t = tokens[i];
    std::string_view s = text.substr(t.start, t.end - t.start);
    if (s == "\xE2\x80\x9C" || s == "\xE2\x80\x9E" || s == "\xC2\xAB" || s == "``" || s == "\xE2\x80\x98") return QuoteRole::Open;
    if (s == "\xE2\x80\x9D" || s == "\xC2\xBB") return QuoteRole::Close;
    // '' opens as often as it closes in some archives (''It is …,'' he said): decide by spacing.
    if (s != "\"" && s != "'" && s != "\xE2\x80\x99" && s != "''") return QuoteRole::None;
    bool first = i == 0 || tokens[i - 1].paragraph != t.paragraph;
    bool last = i + 1 >= tokens.size() || tokens[i + 1].paragraph != t.paragraph;
    bool space_left = first || t.space_before;
    bool space_right = last || tokens[i + 1].space_before;
    if (!space_left && first == false) {
        // A mark glued to an opening bracket or dash is still an opener.
        std::string_view prev = text.substr(tokens[i - 1].start, tokens[i - 1].end - tokens[i - 1].start);
        if (prev == "(" || prev == "[" || prev == "-" || prev == "\xE2\x80\x94") space_left = true;
    }
    if (!space_right && !last) {
        std::string_view next = text.substr(tokens[i + 1].start, tokens[i + 1].end - tokens[i + 1].start);
        if (next.size() == 1 && std::strchr(".,;:!?)]", next[0])) space_right = true;
    }
    if (space_left && !space_right) return QuoteRole::Open;
    if (!space_left && space_right) return QuoteRole::Close;
    return QuoteRole::Ambiguous;
}

void split_sentences(std::string_view text, const std::vector<Token>& tokens, uint32_t first, uint32_t last,
                     uint32_t paragraph, std::vector<Sentence>& out) {
    auto tok = [&](uint32_t k) { return text.substr(tokens[k].start, tokens[k].end - tokens[k].start); };
    uint32_t start = first;
    int depth = 0;
    uint32_t opened_at = 0;
    auto close = [&](uint32_t end_tok) {   // sentence is [start, end_tok)
        if (end_tok <= start) return;
        Sentence s;
        s.start = tokens[start].start; s.end = tokens[end_tok - 1].end;
        s.first_token = start; s.token_count = end_tok - start; s.paragraph = paragraph;
        out.push_back(s);
        start = end_tok;
    };
    auto track_quote = [&](uint32_t k) {
        std::string_view s = tok(k);
        if (tokens[k].kind != TokenKind::Quote || !is_double_quote(s)) return;
        QuoteRole r = quote_role(text, tokens, k);
        // Double marks do not nest in news (inner quotes take single marks): an opener inside an
        // open quote means the earlier one was left unclosed (`… wasted. "What …`), not depth 2.
        if (r == QuoteRole::Open || (r == QuoteRole::Ambiguous && depth == 0)) { if (depth == 0) opened_at = k; depth = 1; }
        else if (depth > 0) --depth;
    };
    for (uint32_t i = first; i < last; ++i) {
        track_quote(i);
        std::string_view s = tok(i);
        bool term = tokens[i].kind == TokenKind::Punct && is_terminator(s);
        bool abbrev = !term && tokens[i].kind == TokenKind::Word && s.size() > 2 && s.back() == '.' && is_abbreviation(s);
        if (depth > 0 && i - opened_at > kUnclosedQuoteTokens && term) depth = 0;
        if (i + 1 - start >= kMaxSentenceTokens) { close(i + 1); depth = 0; continue; }
        if (!term && !abbrev) continue;
        // Take closing quotes and brackets that follow into this sentence.
        uint32_t j = i + 1;
        int d = depth;
        while (j < last) {
            std::string_view n = tok(j);
            if (tokens[j].kind == TokenKind::Quote) {
                QuoteRole r = quote_role(text, tokens, j);
                if (r == QuoteRole::Close || (r == QuoteRole::Ambiguous && d > 0) ||
                    (n == "'" || n == "\xE2\x80\x99")) {
                    if (is_double_quote(n) && d > 0) --d;
                    ++j;
                    continue;
                }
                break;
            }
            if (is_closing_bracket(n)) { ++j; continue; }
            break;
        }
        if (d > 0) continue;                       // still inside a quote: no break
        if (j >= last) { i = j - 1; depth = d; continue; }  // paragraph end closes it anyway
        std::string_view next = tok(j);
        if (continues_sentence(next)) continue;
        if (abbrev) {
            // `U.S.` / `Inc.` end a sentence only before a typical opener; initials never do.
            std::string_view body = s.substr(0, s.size() - 1);
            bool single = body.size() == 1;
            if (single || !sentence_opener(next)) continue;
        }
        depth = d;
        close(j);
        i = j - 1;
    }
    close(last);
}

}  // namespace ae
