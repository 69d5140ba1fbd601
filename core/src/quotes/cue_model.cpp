// The learned cue detector's features and decision (see cue_model.h).
#include "quotes/cue_model.h"

#include "article_explorer/parser.h"
#include "article_explorer/quotes.h"
#include "article_explorer/tagger.h"
#include "model/hash.h"
#include "model/registry.h"
#include "tagging/models.h"
#include "model/word_info.h"
#include "text/word_table.h"

#include <algorithm>
#include <unordered_map>

namespace ae::quotes {

using model::feat;
using model::hash_str;

uint32_t cue_lex_bits(std::string_view lower) {
    const CueLexicon& lex = cue_lexicon();
    uint32_t b = 0;
    auto it = lex.words.find(std::string(lower));
    if (it != lex.words.end()) {
        const CueLexicon::Entry& e = it->second;
        b |= e.cls == CueClass::Speech ? 1 : e.cls == CueClass::Label ? 2 : e.cls == CueClass::Cognition ? 4 : e.cls == CueClass::Source ? 8 : 0;
        if (e.bare) b |= 16;
        if (e.learned) b |= 32;
    }
    for (const auto& ph : lex.phrases) if (!ph.first.empty() && ph.first[0] == lower) { b |= 64; break; }
    return b;
}

uint32_t cue_kid_bit(std::string_view d) {
    if (d == "nsubj") return 1;
    if (d == "nsubj:pass") return 2;
    if (d == "ccomp") return 4;
    if (d == "xcomp") return 8;
    if (d == "obj") return 16;
    if (d == "parataxis") return 32;
    if (d == "obl" || d == "obl:agent") return 128;
    return 0;
}

namespace {

bool double_mark(std::string_view s) {
    return s == "\"" || s == "\xE2\x80\x9C" || s == "\xE2\x80\x9D" || s == "``" || s == "''";
}

uint64_t suffix(std::string_view w, size_t n) { return w.size() > n ? hash_str(w.substr(w.size() - n), n) : 0; }

// Per POS id the tag name's hash, per deprel id the relation's kid bit.
struct Tables { std::vector<uint64_t> pos; std::vector<uint32_t> kid; std::vector<uint64_t> rel; };
const Tables& tables() {
    static const Tables t = [] {
        Tables x;
        for (const std::string& name : pos_tag_names()) x.pos.push_back(hash_str(name, 7));
        for (const std::string& name : deprel_names()) { x.kid.push_back(cue_kid_bit(name)); x.rel.push_back(hash_str(name, 11)); }
        return x;
    }();
    return t;
}

}  // namespace

namespace {
// cue_lex_bits of every lexicon word and phrase-cue first word, built once (keys live in the
// static lexicon or in this table's own strings): a word outside it has bits 0.
const WordTable<uint32_t>& lex_bits_table() {
    static const std::vector<std::string> keys = [] {
        std::vector<std::string> k;
        for (const auto& [w, e] : cue_lexicon().words) k.push_back(w);
        for (const auto& ph : cue_lexicon().phrases) if (!ph.first.empty()) k.push_back(ph.first[0]);
        return k;
    }();
    static const WordTable<uint32_t> t = [] {
        WordTable<uint32_t> w;
        for (const std::string& k : keys) w[k] = cue_lex_bits(k);
        return w;
    }();
    return t;
}
}  // namespace

void CueTokens::fill(const Analysis& a) {
    const Tables& tb = tables();
    const size_t n = a.tokens.size();
    low_text = a.text;
    for (char& c : low_text) if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    low.resize(n); word.resize(n); pos.assign(n, 0); lex.assign(n, 0); kids.assign(n, 0); inside_quote.assign(n, 0); sent.assign(n, -1);
    const WordTable<uint32_t>& lex_table = lex_bits_table();
    for (size_t i = 0; i < n; ++i) {
        const Token& t = a.tokens[i];
        low[i] = std::string_view(low_text).substr(t.start, t.end - t.start);
        word[i] = hash_str(low[i]);
        if (i < a.pos.size() && a.pos[i] < tb.pos.size()) pos[i] = tb.pos[a.pos[i]];
        if (t.kind == TokenKind::Word) {
            const uint32_t* b = lex_table.find(low[i]);
            lex[i] = b ? *b : 0;
        }
    }
    for (uint32_t s = 0; s < a.sentences.size(); ++s)
        for (uint32_t k = 0; k < a.sentences[s].token_count; ++k) sent[a.sentences[s].first_token + k] = int32_t(s);
    // Phrase cues ("according to"): every word of a match gets bit 128.
    for (const auto& ph : cue_lexicon().phrases) {
        const size_t m = ph.first.size();
        if (m == 0) continue;
        for (size_t i = 0; i + m <= n; ++i) {
            if (low[i] != ph.first[0]) continue;
            bool ok = true;
            for (size_t k = 1; k < m && ok; ++k) ok = low[i + k] == ph.first[k] && sent[i + k] == sent[i];
            if (ok) for (size_t k = 0; k < m; ++k) lex[i + k] |= 128;
        }
    }
    // Children's relations, a `that` mark below a ccomp, quote marks among the children.
    for (size_t i = 0; i < n; ++i) {
        const Token& t = a.tokens[i];
        if (t.head < 0 || size_t(t.head) >= n) continue;
        const uint32_t kb = t.deprel < tb.kid.size() ? tb.kid[t.deprel] : 0;
        kids[size_t(t.head)] |= kb;
        if (t.kind == TokenKind::Quote) kids[size_t(t.head)] |= 256;
        if (low[i] == "that" && deprel_name(t.deprel) == "mark") {
            const int32_t h = t.head;
            if (a.tokens[size_t(h)].head >= 0) kids[size_t(a.tokens[size_t(h)].head)] |= 64;
        }
    }
    // Inside a marked quote: double marks toggle within a paragraph (curly ones open and close).
    uint32_t para = UINT32_MAX;
    bool inside = false;
    for (size_t i = 0; i < n; ++i) {
        const Token& t = a.tokens[i];
        if (t.paragraph != para) { para = t.paragraph; inside = false; }
        std::string_view w = a.token_text(t);
        if (t.kind == TokenKind::Quote && double_mark(w)) {
            if (w == "\xE2\x80\x9C" || w == "``") inside = true;
            else if (w == "\xE2\x80\x9D" || w == "''") inside = false;
            else inside = !inside;
            continue;
        }
        inside_quote[i] = inside;
    }
}

bool cue_candidate(const Analysis& a, const CueTokens& t, uint32_t i) {
    if (t.sent[i] < 0) return false;
    const Token& k = a.tokens[i];
    return k.kind == TokenKind::Word || (k.kind == TokenKind::Punct && t.low[i] == ":");
}

size_t cue_features(const Analysis& a, const CueTokens& t, uint32_t i, uint64_t* out) {
    const Tables& tb = tables();
    const Sentence& S = a.sentences[size_t(t.sent[i])];
    const long first = long(S.first_token), end = long(S.first_token + S.token_count), x = long(i);
    auto W = [&](long k) { return k < first ? model::kPadBefore : k >= end ? model::kPadAfter : t.word[size_t(k)]; };
    auto P = [&](long k) { return k < first ? model::kPadBefore : k >= end ? model::kPadAfter : t.pos[size_t(k)]; };
    auto L = [&](long k) { return k < first || k >= end ? 0xFFFFu : t.lex[size_t(k)]; };
    auto K = [&](long k) { return k < first || k >= end ? 0xFFu : uint32_t(a.tokens[size_t(k)].kind); };
    const Token& T = a.tokens[i];
    const uint64_t w0 = t.word[i], p0 = t.pos[i];
    const uint32_t lex = t.lex[i], kids = t.kids[i];
    const uint64_t rel = T.deprel < tb.rel.size() ? tb.rel[T.deprel] : 0;
    const long h = T.head;
    const uint64_t hpos = h >= 0 ? t.pos[size_t(h)] : 1, hword = h >= 0 ? t.word[size_t(h)] : 1;
    const uint64_t hrel = h >= 0 && a.tokens[size_t(h)].deprel < tb.rel.size() ? tb.rel[a.tokens[size_t(h)].deprel] : 1;
    const uint32_t hlex = h >= 0 ? t.lex[size_t(h)] : 0xFFFF;
    // Quote marks of the sentence before and after the token.
    uint32_t marks = 0;
    for (long k = first; k < end; ++k)
        if (a.tokens[size_t(k)].kind == TokenKind::Quote) marks |= k < x ? 1 : k > x ? 2 : 0;
    const uint32_t at = uint32_t(std::min<long>(x - first, 3)), to_end = uint32_t(std::min<long>(end - 1 - x, 3));
    std::string_view w = t.low[i];
    size_t k = 0;
    out[k++] = feat(1);
    out[k++] = feat(2, w0);
    out[k++] = feat(3, p0);
    out[k++] = feat(4, w0, p0);
    out[k++] = feat(5, suffix(w, 3));
    out[k++] = feat(6, W(x - 1));
    out[k++] = feat(7, W(x + 1));
    out[k++] = feat(8, W(x - 1), w0);
    out[k++] = feat(9, w0, W(x + 1));
    out[k++] = feat(10, W(x + 2));
    out[k++] = feat(11, P(x - 1));
    out[k++] = feat(12, P(x + 1));
    out[k++] = feat(13, P(x - 1), p0, P(x + 1));
    out[k++] = feat(14, lex);
    out[k++] = feat(15, lex, p0);
    out[k++] = feat(16, rel);
    out[k++] = feat(17, rel, p0);
    out[k++] = feat(18, hpos, rel);
    out[k++] = feat(19, hword);
    out[k++] = feat(20, kids);
    out[k++] = feat(21, kids, p0);
    out[k++] = feat(22, kids & 0x1FF, lex);
    out[k++] = feat(23, w0, kids & 7);
    out[k++] = feat(24, t.inside_quote[i], p0);
    out[k++] = feat(25, marks, lex);
    out[k++] = feat(26, at, to_end);
    out[k++] = feat(27, at, to_end, p0);
    out[k++] = feat(28, hlex, rel);
    out[k++] = feat(29, L(x - 1), p0);
    out[k++] = feat(30, L(x + 1), lex);
    out[k++] = feat(31, K(x - 1), K(x + 1), p0);
    out[k++] = feat(32, w0, rel);
    out[k++] = feat(33, hrel, rel, p0);
    out[k++] = feat(34, t.inside_quote[i], marks, lex);
    out[k++] = feat(35, T.paragraph == 0, w0);   // a title's colon or verb
    return k;
}

const tagging::LinearModel* cue_model() {
    static const model::Loaded<tagging::LinearModel> lm = tagging::load_linear_model("cues", "cues", kCueFeatureSet, 2);
    return lm.ok ? &lm.model : nullptr;
}

}  // namespace ae::quotes
