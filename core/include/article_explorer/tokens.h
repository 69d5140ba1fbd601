// Stage 2 — tokens & sentences: a tokenizer for news text and a sentence splitter.
// Tokens follow Penn Treebank conventions (the taggers are trained on PTB-tokenised data):
// clitics split (`do` `n't`, `Ecuador` `'s`, `Glas` `'`), abbreviations keep their period
// (`U.S.`, `Jan.`, `Mr.`), hyphenated words stay whole, URLs/emails/handles are one token.
#pragma once
#include "article_explorer/analysis.h"

namespace ae {

// Tokenises text[start,end) and appends to out; paragraph is stored in each token.
void tokenize(std::string_view text, uint32_t start, uint32_t end, uint32_t paragraph,
              std::vector<Token>& out);

// True for a token that ends with a period that is not a sentence end by itself (`Mr.`, `U.S.`).
bool is_abbreviation(std::string_view token);

// Splits the tokens of one paragraph [first, last) into sentences. Never breaks inside a
// double-quoted passage (quote depth resets at the paragraph end) or after an abbreviation
// unless the next word is a typical sentence opener.
void split_sentences(std::string_view text, const std::vector<Token>& tokens, uint32_t first,
                     uint32_t last, uint32_t paragraph, std::vector<Sentence>& out);

// Opening / closing role of a quote-mark token given its neighbours.
enum class QuoteRole : uint8_t { None, Open, Close, Ambiguous };
QuoteRole quote_role(std::string_view text, const std::vector<Token>& tokens, uint32_t i);

}  // namespace ae
