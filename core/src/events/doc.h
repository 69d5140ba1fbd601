// The events stage's view of one document (internal): word-class flags and verb tags from the
// POS tags, the lexicons' look-up per token, entity / value / quote coverage and noun chunks.
#pragma once
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "article_explorer/analysis.h"
#include "events/words.h"

namespace ae::events {

// Word-class flags and verb tags of the POS tags.
enum : uint16_t {
    F_NOUN = 1, F_PROPN = 2, F_PRON = 4, F_PRPS = 8, F_DET = 16, F_ADJ = 32, F_NUM = 64, F_POS = 128,
    F_VERB = 256, F_IN = 512, F_TO = 1024, F_RB = 2048, F_RP = 4096, F_CC = 8192, F_WH = 16384, F_MD = 32768,
};

enum VTag : uint8_t { V_NONE, V_VB, V_VBD, V_VBG, V_VBN, V_VBP, V_VBZ };

// One of a short list of words (the rules' grammar words).
inline bool in(std::string_view w, std::initializer_list<std::string_view> list) {
    for (std::string_view x : list) if (w == x) return true;
    return false;
}

struct Chunk { int first = 0, last = 0, head = -1; };   // head -1: no noun (not an argument)

struct Doc {
    const Analysis& a;
    size_t n = 0;
    std::string low_text;          // a.text with ASCII A-Z lowered (the storage of `low`)
    std::vector<std::string_view> low;
    std::vector<uint16_t> f;
    std::vector<uint32_t> wb;      // word_bits of the lower-case token
    std::vector<const WordLex*> lex;   // word_lex of the lower-case token
    std::vector<VTag> vt;
    std::vector<int> sent;         // sentence of each token (-1 outside)
    std::vector<int> ent;          // entity index covering the token (-1)
    std::vector<int> ment_first, ment_last;   // token range of that mention
    std::vector<int> value;        // DATE/TIME value index covering the token (-1)
    std::vector<int> chunk;        // chunk index of the token (-1)
    std::vector<Chunk> chunks;
    std::vector<int> quote_of;     // quote index containing the token (-1)
    std::vector<uint8_t> headline; // per sentence: alone in its paragraph, no final . ! ? (a title)
    bool parsed = false;
    explicit Doc(const Analysis& an) : a(an) {}

    bool noun(int i) const { return f[i] & (F_NOUN | F_PROPN); }
    bool verb(int i) const { return f[i] & F_VERB; }
    bool finite(int i) const { return vt[i] == V_VBD || vt[i] == V_VBZ || vt[i] == V_VBP || (f[i] & F_MD); }
    bool punct(int i) const { return a.tokens[i].kind == TokenKind::Punct || a.tokens[i].kind == TokenKind::Quote; }
    bool quote_tok(int i) const { return a.tokens[i].kind == TokenKind::Quote; }
};

// Token index whose [start,end) contains byte b (or the first token starting at/after b).
int token_at(const Analysis& a, uint32_t b);

// Fills the view from the analysis (tokens, tags, entities, values, quotes), once per document.
void build_doc(Doc& d);

}  // namespace ae::events
