// QuoteAttributor: finds who said what. Rules over tokens and sentences:
//  1. quote marks paired per paragraph (a paragraph that opens a quote without closing it and a
//     next paragraph that reopens it make one multi-paragraph quote);
//  2. indirect quotes from cue words of the lexicon (`X said that …`, `…, X said.`,
//     `according to X`), turned `mixed` when they contain a marked quote;
//  3. each marked quote attributed from its own sentence (`“…,” X said`, `X said: “…”`,
//     `X called it an “…”`), else continuing the previous speaker; short unattributed ones are
//     scare quotes. Linear in the number of tokens: every search window is bounded.
#include "article_explorer/quotes.h"
#include "article_explorer/lexicon.h"
#include "article_explorer/tagger.h"
#include "article_explorer/tokens.h"
#include "article_explorer/parser.h"
#include "quotes/attribution_model.h"
#include "quotes/content_model.h"
#include "quotes/cue_model.h"
#include "quotes/source_model.h"
#include "model/hash.h"
#include "text/word_table.h"

#include <algorithm>
#include <cctype>
#include <cstring>

namespace ae {

CueLexicon CueLexicon::parse(std::string_view text) {
    CueLexicon lex;
    for_each_lexicon_line(text, [&](const std::vector<std::string_view>& cols) {
        if (cols.size() < 2) return;
        Entry e;
        if (cols[1] == "speech") e.cls = CueClass::Speech;
        else if (cols[1] == "label") e.cls = CueClass::Label;
        else if (cols[1] == "cognition") e.cls = CueClass::Cognition;
        else if (cols[1] == "source") e.cls = CueClass::Source;
        else if (cols[1] == "learned") { e.cls = CueClass::Speech; e.learned = true; }
        else return;
        if (cols.size() > 2) for_each_flag(cols[2], [&](std::string_view f) { if (f == "bare") e.bare = true; });
        std::string form;
        for (char ch : cols[0]) form += char(std::tolower((unsigned char)ch));
        if (form.find(' ') == std::string::npos) { lex.words.emplace(form, e); return; }
        std::vector<std::string> parts;
        size_t s = 0;
        while (s < form.size()) {
            size_t sp = form.find(' ', s);
            if (sp == std::string::npos) sp = form.size();
            if (sp > s) parts.push_back(form.substr(s, sp - s));
            s = sp + 1;
        }
        lex.phrases.push_back({parts, e});
    });
    return lex;
}

const CueLexicon& cue_lexicon() {
    // The hand-written list first: a learned line never overrides it.
    static const CueLexicon lex = [] {
        CueLexicon l = CueLexicon::parse(builtin_lexicon("speech-cues"));
        CueLexicon learned = CueLexicon::parse(builtin_lexicon("learned-cues"));
        for (auto& [w, e] : learned.words) l.words.emplace(w, e);
        return l;
    }();
    return lex;
}

namespace {

// cue_lexicon().words as a flat table: one look-up without a std::string temporary.
const WordTable<const CueLexicon::Entry*>& cue_words() {
    static const WordTable<const CueLexicon::Entry*> t = [] {
        WordTable<const CueLexicon::Entry*> w;
        for (const auto& [k, e] : cue_lexicon().words) w[k] = &e;   // keys point into the static lexicon
        return w;
    }();
    return t;
}
const CueLexicon::Entry* cue_word(std::string_view w) {
    const CueLexicon::Entry* const* e = cue_words().find(w);
    return e ? *e : nullptr;
}

bool is_double_mark(std::string_view s) {
    return s == "\"" || s == "\xE2\x80\x9C" || s == "\xE2\x80\x9D" || s == "\xE2\x80\x9E" || s == "\xC2\xAB" ||
           s == "\xC2\xBB" || s == "``" || s == "''";
}

struct Cue { uint32_t first = 0, last = 0; CueClass cls = CueClass::None; bool bare = false; };
struct NP { uint32_t first = 0, last = 0; bool ok = false; uint32_t role_first = 0, role_last = 0; bool has_role = false; };
struct Raw { uint32_t open = 0, close = 0; bool closed = true; bool consumed = false; };   // token indices of the marks

struct Attributor {
    Analysis& a;
    const CueLexicon& lex = cue_lexicon();
    std::vector<int32_t> sent_of;   // token -> sentence index, -1 outside story sentences
    std::vector<uint8_t> in_quote;  // token inside marked quote content
    std::vector<uint8_t> in_name;   // token inside a name of two or more tokens ("United States")
    std::string low_text;           // a.text with A-Z lowered once (what tolower does in the C locale)
    std::vector<uint32_t> sub_lo, sub_hi;   // each token's dependency subtree as a token range [lo, hi]
    std::vector<uint8_t> rel;           // each token's universal relation, as a Rel
    enum Rel : uint8_t { R_OTHER, R_NSUBJ, R_NSUBJPASS, R_CCOMP, R_XCOMP, R_OBJ, R_PARATAXIS, R_ACL, R_RELCL, R_POSS, R_CONJ, R_ADVCL, R_NMOD, R_OBL };

    explicit Attributor(Analysis& an) : a(an), low_text(an.text) {
        for (char& c : low_text) if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    }

    std::string_view tok(uint32_t i) const { return a.token_text(a.tokens[i]); }
    // The lower-case token, at most 32 bytes (longer ones are cut: no cue is that long).
    std::string_view low(uint32_t i) const {
        const Token& t = a.tokens[i];
        return std::string_view(low_text).substr(t.start, std::min<uint32_t>(t.end - t.start, 32));
    }
    bool is(uint32_t i, std::string_view w) const { return low(i) == w; }
    bool any_of(uint32_t i, std::initializer_list<std::string_view> ws) const {
        std::string_view l = low(i);
        for (std::string_view w : ws) if (l == w) return true;
        return false;
    }
    // An -ing form by its spelling ("saying", "citing"; not "king"): a participle whatever its tag.
    static bool ing_form(std::string_view w) { return w.size() > 4 && w.substr(w.size() - 3) == "ing"; }
    bool capitalised(uint32_t i) const {
        std::string_view t = tok(i);
        return !t.empty() && (std::isupper((unsigned char)t[0]) || (unsigned char)t[0] >= 0xC3);
    }
    bool punct(uint32_t i) const { auto k = a.tokens[i].kind; return k == TokenKind::Punct || k == TokenKind::Quote; }
    bool adverb(uint32_t i) {
        std::string_view l = low(i);
        if (l.size() > 4 && l.substr(l.size() - 2) == "ly" && !capitalised(i)) return true;
        return any_of(i, {"also", "then", "later", "again", "still", "once", "further", "earlier", "recently",
                          "previously", "separately", "had", "has", "have", "will", "would", "did", "does", "do",
                          "has", "had", "was", "is", "reportedly", "allegedly", "just", "even", "already", "not",
                          "never", "may", "might", "could", "can", "should", "must"});
    }
    bool determiner(uint32_t i) {
        return any_of(i, {"the", "a", "an", "no", "every", "each", "any"});
    }
    bool passive_aux(uint32_t i) { return any_of(i, {"is", "are", "was", "were", "be", "been", "being", "'s", "’s"}); }
    bool pronoun(uint32_t i) { return any_of(i, {"he", "she", "they", "we", "i", "you", "it"}); }
    bool clause_start(uint32_t i) {
        if (a.tokens[i].kind == TokenKind::Number) return true;
        if (pronoun(i) || any_of(i, {"the", "a", "an", "his", "her", "their", "its", "this", "these", "those",
                                      "there", "our", "my", "your", "some", "many", "most", "no", "all", "every"}))
            return true;
        return capitalised(i) && a.tokens[i].kind == TokenKind::Word;
    }
    bool np_boundary(uint32_t i) {
        if (punct(i)) {
            std::string_view t = tok(i);
            return t != "'s" && t != "'" && t != "\xE2\x80\x99";
        }
        return any_of(i, {"that", "which", "when", "while", "after", "before", "because", "as", "if", "but",
                          "although", "though", "since", "until", "where", "so", "whether", "than", "including"});
    }

    bool lex_learned(const Cue& c) {
        if (c.last != c.first + 1) return false;
        const CueLexicon::Entry* e = cue_word(low(c.first));
        return e && e->learned;
    }

    // A cue at token i (single word or phrase); passive uses ("are considered") are not cues.
    bool cue_at(uint32_t i, uint32_t limit, Cue& c) {
        if (a.tokens[i].kind != TokenKind::Word) return false;
        // A capitalised word inside a longer name is part of it: "United States", "Grand Slams",
        // "Consumer Reports" ("Obama Says" in a title is no name, so it stays a cue).
        if (in_name[i] && capitalised(i)) return false;
        std::string_view l = low(i);
        for (const auto& ph : lex.phrases) {
            if (ph.first.empty() || l != ph.first[0] || i + ph.first.size() > limit) continue;
            bool m = true;
            for (size_t k = 1; k < ph.first.size() && m; ++k) m = low(i + uint32_t(k)) == ph.first[k];
            if (m) { c = {i, uint32_t(i + ph.first.size()), ph.second.cls, ph.second.bare}; return true; }
        }
        const CueLexicon::Entry* e = cue_word(l);
        if (!e) return false;
        const uint32_t s0 = a.sentences[sent_of[i]].first_token;
        // A participle right before another cue modifies its subject: "those questioned said",
        // "the people surveyed told".
        if (l.size() > 3 && l.substr(l.size() - 2) == "ed" && i + 1 < limit && cue_word(low(i + 1))) return false;
        // After a possessive, a cue followed by a verb is a noun: "their calls are not marketing"
        // ("his claim that …" stays a cue).
        if (i > s0 && i + 1 < limit &&
            any_of(i - 1, {"his", "her", "their", "its", "our", "my", "your"}) &&
            any_of(i + 1, {"is", "are", "was", "were", "have", "has", "had", "will", "would", "could", "can", "may",
                           "might", "should", "must", "do", "did", "does"}))
            return false;
        // After an article or quantifier the word is an adjective or a noun: "no listed company",
        // "the stated aim" (after a possessive it is a cue: "his claim that ...").
        if (i > s0 && determiner(i - 1)) return false;
        // Skip back over adverbs to see an auxiliary: "are considered", "was told" are passives.
        uint32_t j = i;
        int guard = 0;
        while (j > s0 && guard++ < 3) {
            --j;
            if (passive_aux(j)) return false;
            if (!adverb(j)) break;
        }
        // "called for", "called on": not a label.
        if (e->cls == CueClass::Label && i + 1 < limit && any_of(i + 1, {"for", "on", "off", "in", "up"})) return false;
        c = {i, i + 1, e->cls, e->bare};
        return true;
    }

    // Subject noun phrase ending just before token `end` (exclusive), within [s0, end).
    NP subject_left(uint32_t s0, uint32_t end) {
        NP np;
        if (end <= s0) return np;
        uint32_t j = end;
        int guard = 0;
        while (j > s0 && adverb(j - 1) && guard++ < 3) --j;
        if (j <= s0) return np;
        // Apposition: "Roberto Canseco, head of …, told" -> the name before the first comma.
        if (tok(j - 1) == ",") {
            uint32_t k = j - 1;
            uint32_t lim = k > s0 + 40 ? k - 40 : s0;
            uint32_t c = k;
            while (c > lim && tok(c - 1) != "," && !is_double_mark(tok(c - 1))) --c;
            if (c > lim && tok(c - 1) == ",") {
                NP inner = subject_left_paren(s0, c - 1);
                if (inner.ok && capitalised(inner.last - 1) ) {
                    inner.has_role = true; inner.role_first = c; inner.role_last = k;
                    return inner;
                }
                // "The family's attorney, Justin Bamberg, said": the name is the apposition
                if (inner.ok && k > c && k - c <= 5 && capitalised(c) && capitalised(k - 1)) {
                    bool name = true;
                    for (uint32_t t = c; t < k && name; ++t) name = a.tokens[t].kind == TokenKind::Word && !in_quote[t];
                    if (name) {
                        NP ap;
                        ap.first = c; ap.last = k; ap.ok = true;
                        ap.has_role = true; ap.role_first = inner.first; ap.role_last = inner.last;
                        return ap;
                    }
                }
            }
            return np;
        }
        return subject_left_paren(s0, j);
    }
    // "House Speaker Paul D. Ryan (R-Wis.) said": the name before a party tag, with it.
    NP subject_left_paren(uint32_t s0, uint32_t j) {
        if (j > s0 + 2 && tok(j - 1) == ")") {
            uint32_t k = j - 1;
            while (k > s0 && j - k < 8 && tok(k - 1) != "(" && tok(k - 1) != ")") --k;
            // only a party tag: "(R-Wis.)", "(D)", "(I-Vt.)"
            const std::string_view p = k < j - 1 ? tok(k) : std::string_view();
            const bool party = !p.empty() && (p[0] == 'R' || p[0] == 'D' || p[0] == 'I') && (p.size() == 1 || p[1] == '-');
            if (party && k > s0 + 1 && tok(k - 1) == "(") {
                NP np = subject_left_plain(s0, k - 1);
                if (np.ok && capitalised(np.last - 1)) { np.last = j; return np; }
            }
        }
        return subject_left_plain(s0, j);
    }
    NP subject_left_plain(uint32_t s0, uint32_t j, bool outer = true) {
        NP np;
        // "They’re saying", "We’ve said": an auxiliary's clitic right before the cue is no part of its subject
        while (j > s0 + 1 && !a.tokens[j - 1].space_before &&
               any_of(j - 1, {"'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m", "'s", "’s"}))
            --j;
        uint32_t b = j;
        while (b > s0 && j - b < 12 && !np_boundary(b - 1)) {
            // "and" joins names ("Smith and Jones said"), otherwise it ends the phrase.
            if (is(b - 1, "and") && !(b >= 2 && b - 2 >= s0 && capitalised(b - 2) && capitalised(b))) break;
            // a cue word before a pronoun subject is a verb of its own, whose subject the pronoun
            // stands for: "Arnold says she feels" -> Arnold
            if (b < j && pronoun(b) && cue_word(low(b - 1))) {
                if (outer) {
                    NP o = subject_left_plain(s0, b - 1, false);
                    if (o.ok) return o;
                }
                break;
            }
            --b;
        }
        if (b == j) return np;
        // Strip a leading conjunction or preposition left over from a clause.
        while (b < j && any_of(b, {"and", "but", "or", "then", "so"})) ++b;
        if (b == j) return np;
        // A phrase ending in a function word is not a subject.
        if ((determiner(j - 1) || any_of(j - 1, {"of", "to", "in", "on", "for", "with", "by", "at", "from", "and",
                                                 "is", "are", "was", "were", "not", "who", "it"})) && !pronoun(j - 1))
            return np;
        np.first = b; np.last = j; np.ok = true;
        return np;
    }
    // Does the phrase hold a quote mark or words inside marks?
    bool quoted_np(const NP& np) {
        for (uint32_t k = np.first; k < np.last; ++k) if (in_quote[k] || is_double_mark(tok(k))) return true;
        return false;
    }
    // Speaker after an inverted cue: "said Maria Chen, 54, who …" / "said the spokesman."
    NP subject_right(uint32_t from, uint32_t s_end) {
        NP np;
        uint32_t e = from;
        while (e < s_end && e - from < 8 && !punct(e) && !any_of(e, {"who", "on", "in", "at", "during", "after", "that"})) ++e;
        if (e == from) return np;
        np.first = from; np.last = e; np.ok = true;
        return np;
    }

    // The token after a time adjunct starting at token j ("on Monday", "yesterday", "last week"):
    // a DATE or TIME value, after an optional preposition; j itself when there is none.
    uint32_t after_time_adjunct(uint32_t j, uint32_t s1) const {
        uint32_t k = j;
        if (k + 1 < s1 && any_of(k, {"on", "in", "at", "during", "earlier", "late", "early"})) ++k;
        const uint32_t at = a.tokens[k].start;
        auto v = std::lower_bound(a.values.begin(), a.values.end(), at, [](const Value& x, uint32_t b) { return x.start < b; });
        if (v == a.values.end() || v->start != at || (v->type != "DATE" && v->type != "TIME")) return j;
        while (k < s1 && a.tokens[k].start < v->end) ++k;
        // "said January's figures were …": the date begins the content
        if (k < s1 && any_of(k, {"'s", "’s", "'", "’"})) return j;
        return k;
    }

    // Where the content of a bare cue ("said he would go") starts when the cue ends before token
    // j: at j, or after a time adjunct ("said on Monday he would go"); s1 when no clause starts.
    uint32_t bare_content_start(uint32_t j, uint32_t s1) {
        auto starts = [&](uint32_t k) { return k < s1 && clause_start(k) && !in_quote[k] && !is_double_mark(tok(k)) && s1 - k >= 4; };
        if (starts(j)) return j;
        const uint32_t k = after_time_adjunct(j, s1);
        return k != j && starts(k) ? k : s1;
    }

    // Adds an indirect quote (mixed when it holds marked quotes, which it then consumes);
    // false when the content is one marked quote, which step 3 makes a direct quote.
    // The learned content labeller's span for cue c, when the model finds one that overlaps
    // the rule's [cf, cl): the rules say where an attribution is, the model where its content ends.
    const tagging::LinearModel* content_lm = nullptr;
    quotes::ContentTokens content_tokens;
    bool content_tokens_filled = false;
    quotes::ContentScores margins;
    std::pair<uint32_t, uint32_t> margins_cue{UINT32_MAX, UINT32_MAX};   // the cue margins were computed for
    bool margins_left = false, margins_right = false;                     // ... and on which sides
    bool learned_content(const Cue& c, uint32_t& cf, uint32_t& cl) {
        if (!content_lm || !parsed || sent_of[c.first] < 0) return false;
        if (!cue_tokens_filled) { cue_tokens.fill(a); cue_tokens_filled = true; }
        if (!content_tokens_filled) { content_tokens.fill(a, sub_lo, sub_hi); content_tokens_filled = true; }
        const Sentence& S = a.sentences[size_t(sent_of[c.first])];
        const uint32_t s0 = S.first_token, s1 = s0 + S.token_count;
        if (cf < s0 || cl > s1) return false;
        // Only the sides of the cue the rule's span reaches can give an overlapping span.
        const bool left = cf < c.first, right = cl > c.last;
        if (margins_cue != std::make_pair(c.first, c.last) || (left && !margins_left) || (right && !margins_right)) {
            quotes::content_margins(*content_lm, a, cue_tokens, content_tokens, c.first, c.last, s0, s1, margins, left, right);
            margins_cue = {c.first, c.last};
            margins_left = left; margins_right = right;
        }
        uint32_t b = 0, e = 0;
        if (!quotes::decode_content(margins, s0, s1, c.first, c.last, &b, &e)) return false;
        if (b >= cl || cf >= e) return false;
        // "said in a statement: “…”": what follows the colon is the content
        for (uint32_t k = b; k + 1 < e; ++k)
            if (tok(k) == ":" && is_double_mark(tok(k + 1))) { b = k + 1; break; }
        // "said yesterday the plan would fail": a time adjunct right after the cue is not content
        if (b == c.last && b < e && !clause_start(b)) b = std::min(after_time_adjunct(b, e), e);
        trim_content(b, e);
        if (e <= b + 1) return false;
        cf = b; cl = e;
        return true;
    }

    bool content_learned = false;   // the last add_indirect's content is the labeller's span
    bool add_indirect(uint32_t cf, uint32_t cl, const Cue& c, const NP& sp, std::vector<Raw>& raws) {
        // the labeller's span, unless it runs over the source ("… sell more handsets, research suggests")
        uint32_t lf = cf, ll = cl;
        content_learned = learned_content(c, lf, ll) && !(sp.ok && sp.first < ll && lf < sp.last);
        if (content_learned) { cf = lf; cl = ll; }
        bool all_quoted = true, has_quoted = false;
        for (uint32_t k = cf; k < cl; ++k) {
            if (in_quote[k] || is_double_mark(tok(k))) has_quoted = true; else all_quoted = false;
        }
        if (all_quoted) return false;
        if (has_quoted && is_double_mark(tok(cf)) && cl > 0 && is_double_mark(tok(cl - 1))) return false;
        // "yelled “strength” as the vehicles began to move": a few marked words right after the
        // cue are what was said (a partial quote, below); the words after them are the reporter's
        if (has_quoted && is_double_mark(tok(cf))) {
            uint32_t close = cf + 1;
            while (close < cl && !is_double_mark(tok(close))) ++close;
            if (close + 1 < cl && close - cf <= 5 && cf == c.last) {
                if (!add_quote("partial", cf + 1, close, &c, &sp, true)) return false;
                auto it = std::lower_bound(raws.begin(), raws.end(), cf, [](const Raw& r, uint32_t v) { return r.open < v; });
                if (it != raws.end() && it->open == cf) it->consumed = true;
                return true;
            }
        }
        if (!add_quote(has_quoted ? "mixed" : "indirect", cf, cl, &c, &sp, true)) return false;
        if (has_quoted) {
            // raws are in text order: only those starting inside [cf, cl) can be consumed
            auto it = std::lower_bound(raws.begin(), raws.end(), cf, [](const Raw& r, uint32_t v) { return r.open < v; });
            for (; it != raws.end() && it->open < cl; ++it) if (it->close < cl) it->consumed = true;
        }
        return true;
    }

    // The colon of a title "NAME: words" (a sentence alone in its paragraph whose first one to
    // four tokens are exactly one person or organisation name), else 0.
    std::vector<std::pair<uint32_t, uint32_t>> name_spans;   // PERSON/ORGANIZATION name mentions, sorted
    bool name_spans_built = false;
    uint32_t title_colon(uint32_t s) {
        const Sentence& S = a.sentences[s];
        if ((s > 0 && a.sentences[s - 1].paragraph == S.paragraph) ||
            (s + 1 < a.sentences.size() && a.sentences[s + 1].paragraph == S.paragraph))
            return 0;
        const uint32_t s0 = S.first_token, s1 = s0 + S.token_count;
        uint32_t colon = 0;
        for (uint32_t k = s0 + 1; k < s1 && k <= s0 + 4; ++k) if (tok(k) == ":") { colon = k; break; }
        if (!colon || s1 - colon < 4) return 0;
        if (!name_spans_built) {
            for (const Entity& e : a.entities) {
                if (e.type != "PERSON" && e.type != "ORGANIZATION") continue;
                for (const Mention& m : e.mentions) if (m.kind == "name" || m.kind == "alias") name_spans.push_back({m.start, m.end});
            }
            std::sort(name_spans.begin(), name_spans.end());
            name_spans_built = true;
        }
        const std::pair<uint32_t, uint32_t> span{a.tokens[s0].start, a.tokens[colon - 1].end};
        if (!std::binary_search(name_spans.begin(), name_spans.end(), span)) return 0;
        // words said have a finite verb or quote marks; "Johnny Depp: The acting outlaw" is a profile
        for (uint32_t k = colon + 1; k < s1; ++k) if (finite_verb(k) || a.tokens[k].kind == TokenKind::Quote) return colon;
        return 0;
    }
    // Are the marked words [cf, cl) (opening mark at `open`) a title: at most eight words, the first,
    // the last and every one longer than three letters capitalised, after a preposition, a
    // possessive or a determiner ("on “Face the Nation,”", "his “Keepin' It Real” program"; not
    // "her", which may be the object of "called her “Crooked Hillary”")?
    bool title_in_marks(uint32_t open, uint32_t cf, uint32_t cl, uint32_t s0) const {
        if (open <= s0 || !any_of(open - 1, {"on", "in", "of", "at", "from", "for", "with", "'s", "’s", "his", "their", "its",
                                             "the", "a", "an", "our", "my", "your"}))
            return false;
        uint32_t words = 0, first = 0, last = 0;
        for (uint32_t k = cf; k < cl; ++k) {
            if (a.tokens[k].kind == TokenKind::Punct || a.tokens[k].kind == TokenKind::Quote) continue;
            if (a.tokens[k].kind != TokenKind::Word) return false;
            if (words++ == 0) first = k;
            last = k;
            if (low(k).size() > 3 && !capitalised(k)) return false;
        }
        return words >= 1 && words <= 8 && capitalised(first) && capitalised(last);
    }
    // What a POS tag is, as bits, per tag id: built once for every analysis.
    enum : uint8_t { TAG_FINITE = 1, TAG_VERB_OR_NOUN = 2, TAG_PREPOSITION = 4, TAG_CONTENT = 8, TAG_PAST_PARTICIPLE = 16,
                     TAG_BASE_VERB = 32 };
    static const std::vector<uint8_t>& tag_bits() {
        static const std::vector<uint8_t> t = [] {
            std::vector<uint8_t> b;
            for (const std::string& n : pos_tag_names())
                b.push_back(uint8_t((n == "VBD" || n == "VBZ" || n == "VBP" || n == "MD" ? TAG_FINITE : 0) |
                                    (n.rfind("VB", 0) == 0 || n == "NN" || n == "NNS" ? TAG_VERB_OR_NOUN : 0) |
                                    (n == "IN" ? TAG_PREPOSITION : 0) |
                                    (n.rfind("VB", 0) == 0 || n.rfind("NN", 0) == 0 || n.rfind("PRP", 0) == 0 || n.rfind("JJ", 0) == 0 ||
                                     n == "CD" || n == "FW" ? TAG_CONTENT : 0) |
                                    (n == "VBN" ? TAG_PAST_PARTICIPLE : 0) | (n == "VB" ? TAG_BASE_VERB : 0)));
            return b;
        }();
        return t;
    }
    bool tag_is(uint32_t i, uint8_t bit) const {
        return a.pos.size() == a.tokens.size() && a.pos[i] < tag_bits().size() && (tag_bits()[a.pos[i]] & bit);
    }
    bool finite_verb(uint32_t i) const { return tag_is(i, TAG_FINITE); }           // a finite verb or a modal
    bool verb_or_noun(uint32_t i) const { return tag_is(i, TAG_VERB_OR_NOUN); }    // a verb or a common noun
    bool preposition(uint32_t i) const { return tag_is(i, TAG_PREPOSITION); }      // IN: a preposition or subordinator
    // A form of be, have or do: the auxiliary of a cue ("is expected") is not the cue.
    bool auxiliary(uint32_t i) const {
        static const WordTable<uint8_t> aux = [] {
            WordTable<uint8_t> t;
            for (const char* w : {"be", "is", "are", "was", "were", "been", "being", "am", "'s", "’s", "'re", "’re", "has", "have",
                                  "had", "having", "do", "does", "did"})
                t[w] = 1;
            return t;
        }();
        return aux.find(low(i)) != nullptr;
    }

    uint32_t sentence_end_tok(uint32_t i) const { const Sentence& s = a.sentences[sent_of[i]]; return s.first_token + s.token_count; }
    uint32_t sentence_start_tok(uint32_t i) const { return a.sentences[sent_of[i]].first_token; }

    // ---- the learned source ranker (quotes/source_model.h) ----
    const tagging::LinearModel* source_lm = nullptr;
    struct MentionTok { uint32_t first, last; uint8_t kind, type; };   // kind: 1 name, 2 pronoun, 3 nominal
    std::vector<MentionTok> mention_toks;   // every entity mention as tokens, by first token
    bool mention_toks_built = false;
    struct SourceCand { uint32_t first, last; quotes::SourceCandidate c; };
    std::vector<SourceCand> cands;
    enum : uint8_t { P_OTHER, P_NOUN, P_PROPER };
    struct SourceTables { std::vector<uint64_t> rel_hash, pos_hash; std::vector<uint8_t> pos_class; };   // per deprel / POS id
    static const SourceTables& source_tables() {
        static const SourceTables t = [] {
            SourceTables x;
            for (const std::string& n : deprel_names()) x.rel_hash.push_back(model::hash_str(n, 11));
            for (const std::string& n : pos_tag_names()) {
                x.pos_hash.push_back(model::hash_str(n, 7));
                x.pos_class.push_back(n == "NN" || n == "NNS" ? P_NOUN : n == "NNP" || n == "NNPS" ? P_PROPER : P_OTHER);
            }
            return x;
        }();
        return t;
    }
    const std::vector<uint64_t>& rel_hash = source_tables().rel_hash;
    const std::vector<uint64_t>& pos_hash = source_tables().pos_hash;
    const std::vector<uint8_t>& pos_class = source_tables().pos_class;
    std::vector<uint32_t> mark_pre, comma_pre;  // double quote marks / commas before each token
    uint8_t pos_class_of(uint32_t k) const { return k < a.pos.size() && a.pos[k] < pos_class.size() ? pos_class[a.pos[k]] : uint8_t(P_OTHER); }

    void build_mention_toks() {
        mention_toks_built = true;
        for (const Entity& e : a.entities) {
            const uint8_t type = e.type == "PERSON" ? 1 : e.type == "ORGANIZATION" ? 2 : e.type == "LOCATION" ? 3 : 4;
            for (const Mention& m : e.mentions) {
                const uint32_t t0 = a.token_at_or_after(m.start), t1 = a.token_at_or_after(m.end);
                if (t1 <= t0) continue;
                // pronoun, nominal, name|alias (told apart by their first letter and length)
                const uint8_t kind = m.kind[0] == 'p' ? 2 : m.kind[0] == 'n' && m.kind.size() == 7 ? 3 : 1;
                mention_toks.push_back({t0, t1, kind, type});
            }
        }
        std::sort(mention_toks.begin(), mention_toks.end(), [](const MentionTok& x, const MentionTok& y) {
            return x.first != y.first ? x.first < y.first : x.last < y.last; });
        const uint32_t n = uint32_t(a.tokens.size());
        mark_pre.assign(n + 1, 0);
        comma_pre.assign(n + 1, 0);
        for (uint32_t k = 0; k < n; ++k) {
            const TokenKind kind = a.tokens[k].kind;
            const bool p = kind == TokenKind::Punct || kind == TokenKind::Quote;
            mark_pre[k + 1] = mark_pre[k] + (p && is_double_mark(tok(k)));
            comma_pre[k + 1] = comma_pre[k] + (p && tok(k) == ",");
        }
    }
    // "Clinton said she thinks America is …": a cue right after the subject pronoun that opens the
    // content of the quote just added is part of that content, not a quote of its own (PolNeAR
    // train marks none of the ~110 contents opening "she thinks", "he expects", "they want" …)
    bool content_opening_cue(uint32_t i) {
        if (a.quotes.empty()) return false;
        const Quote& o = a.quotes.back();
        if (a.tokens[i].start < o.start || a.tokens[i].end > o.end) return false;
        uint32_t k = a.token_at_or_after(o.start);
        if (k >= i || !subject_pronoun(k)) return false;
        for (++k; k < i; ++k) if (!adverb(k)) return false;   // "she still thinks", "he would expect"
        return true;
    }
    // he, she, I, we, they, it
    bool subject_pronoun(uint32_t k) const {
        const std::string_view l = low(k);
        switch (l.size()) {
            case 1: return l[0] == 'i';
            case 2: return l == "he" || l == "we" || l == "it";
            case 3: return l == "she";
            case 4: return l == "they";
            default: return false;
        }
    }
    // The token of [f, l) whose head lies outside it (the phrase's head), else l - 1.
    uint32_t span_head(uint32_t f, uint32_t l) const {
        for (uint32_t k = f; k < l; ++k) {
            const int32_t h = a.tokens[k].head;
            if (h < 0 || uint32_t(h) < f || uint32_t(h) >= l) return k;
        }
        return l - 1;
    }
    // The winner among the candidates around cue c for content [cf, cl): the rules' choice `rule`
    // unless the ranker prefers another.
    NP rank_source(const Cue& c, uint32_t cf, uint32_t cl, const NP& rule) {
        if (a.tokens[c.first].kind != TokenKind::Word || sent_of[c.first] < 0) return rule;
        const uint32_t s = uint32_t(sent_of[c.first]);
        return rank_candidates(c.first, c.last, true, s, s, cf, cl, rule, -1);
    }
    // The same for a marked quote with no cue (tokens [open, close] with its marks): the candidates
    // around the quote, from the sentence before it to the one after; `rule` is the previous
    // speaker's mention when the quote continues it. quote_index: the quote in a.quotes.
    NP rank_cueless(uint32_t open, uint32_t close, uint32_t cf, uint32_t cl, const NP& rule, size_t quote_index) {
        const uint32_t last = std::min<uint32_t>(close, uint32_t(a.tokens.size() - 1));
        if (sent_of[open] < 0 && sent_of[cf] < 0) return rule;
        const uint32_t so = uint32_t(sent_of[open] >= 0 ? sent_of[open] : sent_of[cf]);
        const uint32_t sc = sent_of[last] >= 0 ? std::max(uint32_t(sent_of[last]), so) : so;
        return rank_candidates(open, last + 1, false, so, sc, cf, cl, rule, int64_t(quote_index));
    }
    // Candidates around the anchor [af, al) (a cue, or a cue-less quote with its marks) in sentences
    // [s_first - 1, s_last] (cued) or [s_first - 1, s_last + 1] (cue-less), outside the content [cf, cl).
    NP rank_candidates(uint32_t af, uint32_t al, bool cued, uint32_t s_first, uint32_t s_last, uint32_t cf, uint32_t cl,
                       const NP& rule, int64_t quote_index) {
        void* hook_ctx = nullptr;
        const quotes::SourceHook hook = quotes::source_hook(&hook_ctx);
        if ((!source_lm && !hook) || !parsed) return rule;
        if (!mention_toks_built) build_mention_toks();
        const uint32_t s_end = cued ? s_last : std::min<uint32_t>(s_last + 1, uint32_t(a.sentences.size() - 1));
        const uint32_t s0 = a.sentences[s_first].first_token, s1 = a.sentences[s_end].first_token + a.sentences[s_end].token_count;
        const uint32_t w0 = s_first > 0 ? a.sentences[s_first - 1].first_token : s0;
        if (s1 - w0 > 400) return rule;   // a very long quote: the rules' choice
        cands.clear();
        auto add = [&](uint32_t f, uint32_t l, bool is_rule, bool is_subject, bool is_prev) {
            if (l <= f) return;
            if (!is_rule) {
                if (l - f > 40 || (f < cl && cf < l) || (f < al && af < l)) return;
                for (uint32_t k = f; k < l; ++k) if (in_quote[k] || is_double_mark(tok(k))) return;
            }
            for (SourceCand& x : cands)
                if (x.first == f && x.last == l) {
                    x.c.rule |= is_rule; x.c.parse_subject |= is_subject; x.c.previous_speaker |= is_prev;
                    return;
                }
            SourceCand x{f, l, {}};
            x.c.rule = is_rule; x.c.parse_subject = is_subject; x.c.previous_speaker = is_prev;
            cands.push_back(x);
        };
        if (rule.ok) add(rule.first, rule.last, true, false, false);
        if (cued)
            if (const NP ps = parse_subject(af, s0, s1); ps.ok) add(ps.first, ps.last, false, true, false);
        auto m = std::lower_bound(mention_toks.begin(), mention_toks.end(), w0, [](const MentionTok& x, uint32_t v) { return x.first < v; });
        for (; m != mention_toks.end() && m->first < s1; ++m) add(m->first, std::min(m->last, s1), false, false, false);
        for (uint32_t k = w0; k < s1; ++k) {
            if (in_quote[k] || a.tokens[k].kind != TokenKind::Word) continue;
            const bool subj = rel[k] == R_NSUBJ || rel[k] == R_NSUBJPASS;
            const uint8_t pc = pos_class_of(k);
            if (subject_pronoun(k) ||
                (subj && any_of(k, {"who", "which", "that"}))) {
                add(k, k + 1, false, false, false);
            } else if (pc == P_NOUN && (subj || (title_flags(low(k)) & TITLE_ROLE))) {
                // the noun phrase it heads, when that stays short and off the anchor
                const uint32_t lo = sub_lo[k], hi = sub_hi[k] + 1;
                if (hi - lo <= 12 && !(lo < al && af < hi)) add(lo, hi, false, false, false);
                else add(k, k + 1, false, false, false);
            }
        }
        // the previous quote's speaker mention, a few quotes back
        const uint32_t anchor_byte = a.tokens[af].start;
        for (size_t q = quote_index >= 0 ? size_t(quote_index) : a.quotes.size(), steps = 0; q > 0 && steps < 4; ++steps) {
            const Quote& pq = a.quotes[--q];
            if (!pq.has_speaker_span || pq.speaker_span.end > anchor_byte) continue;
            // a learned cue's quote with no subject in the parse is no speaker to continue
            if (std::find(weak_quotes.begin(), weak_quotes.end(), q) != weak_quotes.end()) continue;
            const uint32_t f = a.token_at_or_after(pq.speaker_span.start), l = a.token_at_or_after(pq.speaker_span.end);
            if (l > f && sent_of[f] >= 0 && uint32_t(sent_of[f]) + 3 >= s_first) add(f, l, false, false, true);
            break;
        }
        if (cands.empty()) return rule;
        // the nearest candidates when there are too many (the rules' choice always stays)
        auto dist = [&](const SourceCand& x) { return x.last <= af ? af - x.last : x.first >= al ? x.first - al : 0u; };
        if (cands.size() > quotes::kMaxSourceCandidates) {
            std::stable_sort(cands.begin(), cands.end(), [&](const SourceCand& x, const SourceCand& y) {
                return x.c.rule != y.c.rule ? x.c.rule : dist(x) < dist(y); });
            cands.resize(quotes::kMaxSourceCandidates);
        }
        const uint64_t cue_word = cued ? model::hash_str(low(af)) : 0;
        const int32_t vh = cued ? a.tokens[af].head : -1;
        for (SourceCand& x : cands) {
            quotes::SourceCandidate& f = x.c;
            f.cued = cued;
            f.left = x.last <= af;
            f.distance = dist(x);
            f.sentences_back = sent_of[x.first] >= 0 && uint32_t(sent_of[x.first]) < s_first ? s_first - uint32_t(sent_of[x.first]) : 0;
            f.cue_word = cue_word;
            const uint32_t h = span_head(x.first, x.last);
            f.head_word = model::hash_str(low(h));
            f.head_pos = h < a.pos.size() && a.pos[h] < pos_hash.size() ? pos_hash[a.pos[h]] : 0;
            f.rel = a.tokens[h].deprel < rel_hash.size() ? rel_hash[a.tokens[h].deprel] : 0;
            f.sentence_initial = sent_of[x.first] >= 0 && x.first == a.sentences[size_t(sent_of[x.first])].first_token;
            const int32_t hh = a.tokens[h].head;
            if (!cued || sent_of[h] != int32_t(s_first)) f.path = 0;
            else if (hh == int32_t(af)) f.path = 1;
            else if (vh >= 0 && hh == vh) f.path = 2;
            else if (vh == int32_t(h)) f.path = 3;
            else {
                int32_t u = vh;
                for (int g = 0; u >= 0 && g < 3 && f.path == 0; ++g, u = a.tokens[uint32_t(u)].head) if (hh == u) f.path = 4;
            }
            // what the candidate is: a name, pronoun or nominal mention inside it, else its head word
            f.kind = quotes::SRC_PHRASE;
            auto mm = std::lower_bound(mention_toks.begin(), mention_toks.end(), x.first, [](const MentionTok& y, uint32_t v) { return y.first < v; });
            uint8_t best = 0;
            for (; mm != mention_toks.end() && mm->first < x.last; ++mm) {
                if (mm->last > x.last) continue;
                const uint8_t rankk = mm->kind == 1 ? 3 : mm->kind == 3 ? 2 : 1;
                if (rankk > best) { best = rankk; f.entity_type = mm->type; }
            }
            const uint8_t pc = pos_class_of(h);
            if (best == 3) f.kind = quotes::SRC_NAME;
            else if (any_of(h, {"he", "she", "i", "we"})) f.kind = quotes::SRC_PERSONAL;
            else if (any_of(h, {"they", "it"})) f.kind = quotes::SRC_THEY;
            else if (any_of(h, {"who", "which", "that"})) f.kind = quotes::SRC_RELATIVE;
            else if (best == 2 || (title_flags(low(h)) & TITLE_ROLE)) f.kind = quotes::SRC_ROLE;
            else if (pc == P_NOUN || pc == P_PROPER) f.kind = quotes::SRC_NOUN;
            const uint32_t b0 = f.left ? x.last : al, b1 = f.left ? af : x.first;
            if (b1 > b0 && b0 >= w0 && b1 <= s1) {
                f.marks_between = mark_pre[b1] != mark_pre[b0];
                f.comma_between = comma_pre[b1] != comma_pre[b0];
            }
            f.content_between = cl > cf && (f.left ? (cf >= x.last && cl <= af) : (cf >= al && cl <= x.first));
        }
        uint64_t fs[quotes::kMaxSourceFeatures];
        if (hook) {
            quotes::SourceChoice ch;
            ch.start = a.tokens[cf].start; ch.end = a.tokens[cl - 1].end;
            ch.cued = cued;
            for (size_t k = 0; k < cands.size(); ++k) {
                const size_t n = quotes::source_features(cands[k].c, fs);
                ch.features.emplace_back(fs, fs + n);
                ch.spans.push_back({a.tokens[cands[k].first].start, a.tokens[cands[k].last - 1].end});
                if (cands[k].c.rule) ch.rule = int(k);
            }
            hook(hook_ctx, ch);
            return rule;
        }
        float margins[quotes::kMaxSourceCandidates];
        for (size_t k = 0; k < cands.size(); ++k) {
            const size_t n = quotes::source_features(cands[k].c, fs);
            float sc[2] = {0, 0};
            source_lm->score(fs, n, sc);
            margins[k] = sc[1] - sc[0];
        }
        const int best = quotes::decide_source(margins, cands.size());
        if (best < 0 || cands[size_t(best)].c.rule) return rule;
        NP np;
        np.first = cands[size_t(best)].first; np.last = cands[size_t(best)].last;
        // a subtree's edge punctuation is no part of the mention: ", an analyst at X"
        while (np.first + 1 < np.last && punct(np.first)) ++np.first;
        while (np.last > np.first + 1 && punct(np.last - 1)) --np.last;
        np.ok = true;
        return np;
    }

    // Adds a quote; with `filter`, an attribution the learned filter drops is not added (false).
    bool add_quote(const char* kind, uint32_t cf, uint32_t cl, const Cue* cue, const NP* sp, bool filter = false) {
        if (cl <= cf) return false;
        NP ranked;
        if (cue) { ranked = rank_source(*cue, cf, cl, sp ? *sp : NP{}); sp = &ranked; }
        // "an attack that was later claimed by the Taliban": no content of "was later"
        if (std::string_view(kind) == "indirect" && a.pos.size() == a.tokens.size()) {
            bool words = false;
            for (uint32_t k = cf; k < cl && !words; ++k) words = tag_is(k, TAG_CONTENT) && !auxiliary(k);
            if (!words) return false;
            // "… at gun shows and on the Internet, got …": no content opens with and/or (18 of
            // PolNeAR train's 22,525 do)
            if (is(cf, "and") || is(cf, "or")) return false;
            // "… condemned by growing number of Republicans": a by-phrase is who acted, not what
            // was said (10 of PolNeAR train's 22,525 contents open with `by`)
            if (is(cf, "by") || (cue && cf > cue->last && cf - 1 - cue->last <= 1 && is(cf - 1, "by"))) return false;
            // "allegations condemned by …": a participle hanging from a noun cue describes it
            if (cue && parsed) {
                const uint32_t h = span_head(cf, cl);
                if (rel[h] == R_ACL && a.tokens[h].head >= int32_t(cue->first) && a.tokens[h].head < int32_t(cue->last) &&
                    tag_is(h, TAG_PAST_PARTICIPLE))
                    return false;
            }
        }
        if (filter && cue && !keep_attribution(*cue, cf, cl, sp)) return false;
        // "called for X", "talked about X", "referring to X", "pointed out X": the preposition or
        // particle belongs to the cue, not the content (PolNeAR train: 53 contents open with `for`,
        // 480 cues end with it; 833 cues end with `to`, followed by `the`, `a`, `his` …, while the
        // 897 contents opening with `to` are infinitives, `declined to comment`; 109 end with `out`)
        auto cue_particle = [&](uint32_t k) {
            if (any_of(k, {"for", "about", "of", "on", "against", "with", "over", "at", "out"})) return true;
            return is(k, "to") && k + 1 < a.tokens.size() && !tag_is(k + 1, TAG_BASE_VERB);
        };
        Cue moved;
        // (not after a bare speech verb: "said on ABC's “This Week” that …" is an adjunct)
        if (cue && std::string_view(kind) != "direct" && !cue->bare && cf >= cue->last && cf - cue->last <= 2 && cl - cf >= 2 &&
            cue_particle(cf) && a.tokens[cf + 1].kind == TokenKind::Word) {
            if (cf == cue->last) { moved = *cue; moved.last = cf + 1; cue = &moved; }
            ++cf;
        } else if (cue && std::string_view(kind) != "direct" && !cue->bare && cf == cue->last + 1 && cue_particle(cue->last)) {
            moved = *cue; moved.last = cf; cue = &moved;
        }
        Quote q;
        q.kind = kind;
        q.start = a.tokens[cf].start; q.end = a.tokens[cl - 1].end;
        if (cue) { q.has_cue = true; q.cue = {a.tokens[cue->first].start, a.tokens[cue->last - 1].end}; }
        NP trimmed;
        if (sp && sp->ok) {
            // "…, the association (NAAMSA) said": no speaker opens or closes on a comma or dash
            auto edge = [&](uint32_t k) { return any_of(k, {",", "-", "\xE2\x80\x94", "\xE2\x80\x93", ";", ":"}); };
            trimmed = *sp;
            while (trimmed.first + 1 < trimmed.last && edge(trimmed.first)) ++trimmed.first;
            while (trimmed.last > trimmed.first + 1 && edge(trimmed.last - 1)) --trimmed.last;
            sp = &trimmed;
        }
        if (sp && sp->ok) {
            q.has_speaker_span = true;
            q.speaker_span = {a.tokens[sp->first].start, a.tokens[sp->last - 1].end};
            q.speaker_text = std::string(a.slice(q.speaker_span.start, q.speaker_span.end));
        }
        a.quotes.push_back(std::move(q));
        return true;
    }

    // ---- the learned attribution filter (quotes/attribution_model.h) ----
    const tagging::LinearModel* attribution_lm = nullptr;
    bool attribution_on = false;   // a model or the trainer's hook: learned cues need no subject
    bool keep_attribution(const Cue& c, uint32_t cf, uint32_t cl, const NP* sp) {
        void* hook_ctx = nullptr;
        const quotes::AttributionHook hook = quotes::attribution_hook(&hook_ctx);
        if ((!attribution_lm && !hook) || !parsed || a.tokens[c.first].kind != TokenKind::Word) return true;
        if (!cue_tokens_filled) { cue_tokens.fill(a); cue_tokens_filled = true; }
        quotes::AttributionCandidate x;
        const uint32_t v = c.first;
        x.cue_word = cue_tokens.word[v];
        x.cue_pos = cue_tokens.pos[v];
        x.cue_rel = rel[v];
        x.cue_lex = cue_tokens.lex[v] & 0x7F;
        x.cue_subject = kid_rels[v] & ((1u << R_NSUBJ) | (1u << R_POSS));
        x.cue_passive = kid_rels[v] & (1u << R_NSUBJPASS);
        x.content_right = cf >= c.last;
        x.gap = x.content_right ? cf - c.last : (c.first >= cl ? c.first - cl : 0);
        x.length = cl - cf;
        x.first_word = cue_tokens.word[cf];
        x.first_pos = cue_tokens.pos[cf];
        x.last_pos = cue_tokens.pos[cl - 1];
        x.before_word = cf > 0 ? cue_tokens.word[cf - 1] : 0;
        const uint32_t h = span_head(cf, cl);
        x.head_rel = rel[h];
        x.head_on_cue = a.tokens[h].head >= int32_t(c.first) && a.tokens[h].head < int32_t(c.last);
        for (uint32_t k = cf; k < cl; ++k) {
            x.finite = x.finite || finite_verb(k);
            x.marks = x.marks || is_double_mark(tok(k));
        }
        // A learned cue with no subject and a content that is only a prepositional phrase
        // ("more allegations against him") is no attribution a reader would see.
        if (!hook && x.cue_lex == 0 && !parse_source_at(v) && !x.finite && preposition(cf)) return false;
        if (sp && sp->ok) {
            const uint32_t sh = span_head(sp->first, sp->last);
            const uint8_t pc = pos_class_of(sh);
            x.speaker = subject_pronoun(sh) ? 1 : pc == P_PROPER ? 2 : 3;
        }
        x.content_learned = content_learned;
        if (cue_lm && quotes::cue_candidate(a, cue_tokens, v)) {
            uint64_t cfe[quotes::kMaxCueFeatures];
            float cs[2] = {0, 0};
            cue_lm->score(cfe, quotes::cue_features(a, cue_tokens, v, cfe), cs);
            const float m = cs[1] - cs[0];
            x.cue_margin = m < -8 ? 1 : m < -2 ? 2 : m < 0 ? 3 : m < 2 ? 4 : m < 8 ? 5 : m < 16 ? 6 : 7;
        }
        uint64_t f[quotes::kMaxAttributionFeatures];
        const size_t n = quotes::attribution_features(x, f);
        if (hook) { hook(hook_ctx, f, n, a.tokens[cf].start, a.tokens[cl - 1].end); return true; }
        float sc[2] = {0, 0};
        attribution_lm->score(f, n, sc);
        return quotes::attribution_kept(sc);
    }

    // Trim a content token range: leading "that", trailing sentence punctuation.
    void trim_content(uint32_t& cf, uint32_t& cl) {
        while (cf < cl && (is(cf, "that") || tok(cf) == "," || tok(cf) == ":")) ++cf;
        while (cl > cf && a.tokens[cl - 1].kind == TokenKind::Punct && tok(cl - 1) != "…") {
            std::string_view t = tok(cl - 1);
            if (t == "." || t == "," || t == ";" || t == ":" || t == "-" || t == "\xE2\x80\x94") --cl; else break;
        }
    }

    std::vector<Raw> pair_marks() {
        std::vector<Raw> raws;
        int64_t open = -1;
        // Walk tokens once, paragraph by paragraph.
        uint32_t n = uint32_t(a.tokens.size());
        for (uint32_t i = 0; i < n; ++i) {
            const Token& t = a.tokens[i];
            if (a.paragraphs[t.paragraph].boilerplate) continue;
            bool para_end = i + 1 >= n || a.tokens[i + 1].paragraph != t.paragraph;
            if (t.kind == TokenKind::Quote && is_double_mark(tok(i))) {
                QuoteRole r = quote_role(a.text, a.tokens, i);
                if (open < 0) {
                    if (r == QuoteRole::Open || r == QuoteRole::Ambiguous) open = i;
                } else if (r == QuoteRole::Close || r == QuoteRole::Ambiguous) {
                    if (uint32_t(open) + 1 < i) raws.push_back({uint32_t(open), i, true, false});
                    open = -1;
                } else if (r == QuoteRole::Open && i > 0 && a.tokens[i - 1].paragraph != t.paragraph) {
                    // A paragraph that reopens a quote continues the open one: skip the mark.
                }
            }
            if (para_end && open >= 0) {
                // Open at the paragraph's end: continued if the next paragraph opens with a mark.
                bool continued = false;
                if (i + 1 < n && a.tokens[i + 1].kind == TokenKind::Quote && is_double_mark(tok(i + 1)) &&
                    !a.paragraphs[a.tokens[i + 1].paragraph].boilerplate &&
                    quote_role(a.text, a.tokens, i + 1) != QuoteRole::Close &&
                    a.tokens[i + 1].paragraph - a.tokens[uint32_t(open)].paragraph < 12) {
                    continued = true;
                    ++i;   // the reopening mark
                }
                if (!continued) {
                    if (uint32_t(open) + 1 <= i) raws.push_back({uint32_t(open), i + 1, false, false});
                    open = -1;
                }
            }
        }
        return raws;
    }

    // A title in title case ("Chris Christie Calls Hillary Clinton 'A Disgrace'"): the tagger's
    // names run over its verbs there, so they say nothing of where a name ends.
    bool title_case(uint32_t s) const {
        const Sentence& S = a.sentences[s];
        uint32_t words = 0, caps = 0;
        for (uint32_t k = S.first_token; k < S.first_token + S.token_count; ++k) {
            if (a.tokens[k].kind != TokenKind::Word) continue;
            ++words;
            caps += capitalised(k);
        }
        return words >= 4 && caps * 10 >= words * 7;
    }
    void mark_names() {
        in_name.assign(a.tokens.size(), 0);
        std::vector<int8_t> title(a.sentences.size(), -1);   // once per sentence: a long one may hold many names
        for (const Entity& e : a.entities)
            for (const Mention& m : e.mentions) {
                if (m.kind != "name" && m.kind != "alias") continue;
                const uint32_t t0 = a.token_at_or_after(m.start), t1 = a.token_at_or_after(m.end);
                if (t1 < t0 + 2 || sent_of[t0] < 0) continue;
                int8_t& tc = title[size_t(sent_of[t0])];
                if (tc < 0) tc = int8_t(title_case(uint32_t(sent_of[t0])));
                if (tc) continue;
                for (uint32_t k = t0; k < t1; ++k) in_name[k] = 1;
            }
    }

    // Subtree ranges and relations from the dependency parse (heads never cross sentences).
    bool parsed = false;
    void prepare_parse() {
        const uint32_t n = uint32_t(a.tokens.size());
        sub_lo.resize(n); sub_hi.resize(n); rel.assign(n, R_OTHER); kid_rels.assign(n, 0);
        for (uint32_t k = 0; k < n; ++k) { sub_lo[k] = k; sub_hi[k] = k; }
        std::vector<Rel> by_id;
        for (const std::string& name : deprel_names()) {
            Rel r = R_OTHER;
            if (name == "nsubj") r = R_NSUBJ;
            else if (name == "nsubj:pass") r = R_NSUBJPASS;
            else if (name == "ccomp") r = R_CCOMP;
            else if (name == "xcomp") r = R_XCOMP;
            else if (name == "obj") r = R_OBJ;
            else if (name == "parataxis") r = R_PARATAXIS;
            else if (name == "acl") r = R_ACL;
            else if (name == "acl:relcl") r = R_RELCL;
            else if (name == "nmod:poss") r = R_POSS;
            else if (name == "conj") r = R_CONJ;
            else if (name == "advcl") r = R_ADVCL;
            else if (name == "nmod") r = R_NMOD;
            else if (name == "obl" || name == "obl:agent") r = R_OBL;
            by_id.push_back(r);
        }
        for (uint32_t k = 0; k < n; ++k) {
            const Token& t = a.tokens[k];
            if (t.deprel) parsed = true;
            if (t.deprel < by_id.size()) rel[k] = by_id[t.deprel];
            if (t.head >= 0 && uint32_t(t.head) < n) kid_rels[uint32_t(t.head)] |= 1u << (t.deprel < by_id.size() ? by_id[t.deprel] : R_OTHER);
            int32_t h = t.head;
            for (int guard = 0; h >= 0 && uint32_t(h) < n && guard < 64; ++guard) {
                sub_lo[uint32_t(h)] = std::min(sub_lo[uint32_t(h)], k);
                sub_hi[uint32_t(h)] = std::max(sub_hi[uint32_t(h)], k);
                h = a.tokens[uint32_t(h)].head;
            }
        }
    }
    // The first child of token v in [s0, s1) with relation r (closest to v), or -1.
    int64_t child(uint32_t v, Rel r, uint32_t s0, uint32_t s1) const {
        int64_t best = -1;
        for (uint32_t k = s0; k < s1; ++k)
            if (a.tokens[k].head == int32_t(v) && rel[k] == r &&
                (best < 0 || (k > v ? k - v : v - k) < (uint32_t(best) > v ? uint32_t(best) - v : v - uint32_t(best))))
                best = k;
        return best;
    }
    // Is token i a cue for the learned detector? Asked only of words outside the lexicon whose
    // parse could give an attribution (a subject or owner, and a complement, object or a
    // parataxis head), so the model scores a few tokens per sentence.
    const tagging::LinearModel* cue_lm = nullptr;
    bool cue_tokens_filled = false;
    quotes::CueTokens cue_tokens;
    std::vector<uint32_t> kid_rels;   // per token: bit (1 << Rel) of each child's relation
    // Has token i a subject or owner in the parse, or a verb it hangs from that may have one?
    bool parse_source_at(uint32_t i) const {
        return kid_rels[i] & ((1u << R_NSUBJ) | (1u << R_POSS)) || rel[i] == R_XCOMP || rel[i] == R_CONJ || rel[i] == R_ADVCL;
    }
    // Quotes of learned cues with no subject in the parse (a.quotes indices, ascending).
    std::vector<size_t> weak_quotes;
    // Such a quote whose content lies inside another quote's is part of that one ("X is expected
    // to begin, according to …"), and one whose content holds another quote is a weaker reading
    // of that one ("made statements that Ecuador considered “very unfortunate”"): dropped.
    void drop_nested_weak_quotes() {
        if (weak_quotes.empty()) return;
        std::vector<uint8_t> drop(a.quotes.size(), 0);
        for (size_t w : weak_quotes)
            for (size_t k = 0; k < a.quotes.size() && !drop[w]; ++k)
                if (k != w && !drop[k] && ((a.quotes[k].start <= a.quotes[w].start && a.quotes[w].end <= a.quotes[k].end) ||
                                           (a.quotes[w].start <= a.quotes[k].start && a.quotes[k].end <= a.quotes[w].end)))
                    drop[w] = 1;
        size_t out = 0;
        for (size_t k = 0; k < a.quotes.size(); ++k) {
            if (drop[k]) continue;
            if (out != k) a.quotes[out] = std::move(a.quotes[k]);
            ++out;
        }
        a.quotes.resize(out);
        weak_quotes.clear();
    }
    bool learned_cue_at(uint32_t i) {
        if (!cue_lm || !parsed || in_quote[i] || a.tokens[i].kind != TokenKind::Word) return false;
        const uint32_t kr = kid_rels[i];
        const bool has_source = parse_source_at(i);
        const bool has_content = kr & ((1u << R_CCOMP) | (1u << R_XCOMP) | (1u << R_OBJ) | (1u << R_ACL)) || rel[i] == R_PARATAXIS;
        if (!has_content && !content_lm) return false;
        // With the attribution filter a cue needs no subject in the parse; then only verbs and
        // common nouns are asked (the detector marks little else, and each question costs), never
        // an auxiliary ("is expected") nor a passive, whose subject would become the content.
        if (!has_source && (!attribution_on || !verb_or_noun(i) || auxiliary(i) || (kr & (1u << R_NSUBJPASS)))) return false;
        if (!cue_tokens_filled) { cue_tokens.fill(a); cue_tokens_filled = true; }
        // ... and, outside the cue lexicons, only a word with a dependent that could hold its
        // content (the detector's question costs; the others gave nothing on dev)
        if (!has_source && !(cue_tokens.lex[i] & 0x7F) && !has_content &&
            !(kr & ((1u << R_NMOD) | (1u << R_OBL) | (1u << R_ADVCL) | (1u << R_ACL) | (1u << R_RELCL))))
            return false;
        if (!quotes::cue_candidate(a, cue_tokens, i)) return false;
        uint64_t f[quotes::kMaxCueFeatures];
        const size_t k = quotes::cue_features(a, cue_tokens, i, f);
        float sc[2] = {0, 0};
        cue_lm->score(f, k, sc);
        return quotes::cue_decision(sc);
    }

    // An attribution read off the parse for the cue c (a verb or noun): the source is the
    // cue's subject (or its owner, "his claim"), the content its clausal complement or object
    // subtree, or for a parenthetical cue ("CONTENT, X said") the clause it hangs from.
    bool parse_attribution(const Cue& c, uint32_t s0, uint32_t s1, std::vector<Raw>& raws, bool need_source) {
        if (!parsed) return false;
        uint32_t v = c.first;
        NP sp = parse_subject(v, s0, s1);
        if (!sp.ok && need_source) return false;
        return parse_content(c, sp, s0, s1, raws);
    }
    // The cue's subject in the parse (or owner, or the subject of the verb it hangs from).
    NP parse_subject(uint32_t v, uint32_t s0, uint32_t s1) {
        NP sp;
        if (!parsed) return sp;
        int64_t subj = child(v, R_NSUBJ, s0, s1);
        if (subj < 0) subj = child(v, R_POSS, s0, s1);
        // "went on to say", "…, adding that": the subject of the verb the cue depends on
        uint32_t u = v;   // the verb whose subject subj is
        for (uint32_t steps = 0; subj < 0 && steps < 2; ++steps) {
            if (rel[u] != R_XCOMP && rel[u] != R_CONJ && rel[u] != R_ADVCL) break;
            const int32_t h = a.tokens[u].head;
            if (h < 0 || uint32_t(h) < s0 || uint32_t(h) >= s1) break;
            u = uint32_t(h);
            subj = child(u, R_NSUBJ, s0, s1);
        }
        if (subj >= 0 && sub_lo[size_t(subj)] == sub_hi[size_t(subj)] && any_of(uint32_t(subj), {"who", "that", "which"}) &&
            rel[u] == R_RELCL) {
            // "Hillary Clinton, who said …": the source runs from the noun phrase the relative
            // clause hangs from to the pronoun, so it names the person (and holds the pronoun)
            const int32_t h = a.tokens[u].head;
            if (h >= 0 && uint32_t(h) >= s0 && sub_lo[uint32_t(h)] < uint32_t(subj) && uint32_t(subj) - sub_lo[uint32_t(h)] <= 40) {
                sp.first = sub_lo[uint32_t(h)]; sp.last = uint32_t(subj) + 1; sp.ok = true;
                return sp;
            }
        }
        if (subj >= 0) {
            sp.first = sub_lo[size_t(subj)]; sp.last = sub_hi[size_t(subj)] + 1; sp.ok = true;
            // a source never runs over the cue or the content
            if (sp.first <= v && v < sp.last) sp.ok = false;
        }
        return sp;
    }
    bool parse_content(const Cue& c, const NP& sp, uint32_t s0, uint32_t s1, std::vector<Raw>& raws) {
        const uint32_t v = c.first;
        uint32_t cf = 0, cl = 0;
        int64_t comp = -1;
        for (Rel r : {R_CCOMP, R_XCOMP, R_OBJ, R_ACL}) if ((comp = child(v, r, s0, s1)) >= 0) break;
        // "… told a news conference.": tell's object is who was told, not what
        if (comp >= 0 && rel[size_t(comp)] == R_OBJ && any_of(v, {"told", "tell", "tells", "telling"})) return false;
        if (comp >= 0) {
            cf = sub_lo[size_t(comp)]; cl = sub_hi[size_t(comp)] + 1;
        } else if (rel[v] == R_PARATAXIS) {
            const int32_t h = a.tokens[v].head;
            if (h < 0 || uint32_t(h) < s0 || uint32_t(h) >= s1) return false;
            const uint32_t lo = sp.ok ? std::min(sp.first, sub_lo[v]) : sub_lo[v];
            const uint32_t hi = sp.ok ? std::max(sp.last - 1, sub_hi[v]) : sub_hi[v];
            if (uint32_t(h) < lo) { cf = sub_lo[uint32_t(h)]; cl = lo; }
            else { cf = hi + 1; cl = sub_hi[uint32_t(h)] + 1; }
        } else if (content_lm) {
            // no complement in the parse ("his statement", "in a report"): the content labeller's span
            cf = s0; cl = s1;
            if (!learned_content(c, cf, cl)) return false;
        } else return false;
        if (cf < s0) cf = s0;
        if (cl > s1) cl = s1;
        // "he said, insisting …": a participle after a comma is an attribution of its own
        if (cf > v)
            for (uint32_t k = v + 1; k <= cf && k < cl; ++k) if (tok(k) == "," && k + 1 < cl) {
                const std::string_view w = low(k + 1);
                if (ing_form(w)) return false;
            }
        // the content never holds the cue or the source
        if (cf <= v && v < cl) return false;
        if (sp.ok && sp.first < cl && cf < sp.last) return false;
        trim_content(cf, cl);
        if (cl <= cf + 1) return false;
        return add_indirect(cf, cl, c, sp, raws);
    }

    void run() {
        uint32_t n = uint32_t(a.tokens.size());
        sent_of.assign(n, -1);
        for (uint32_t s = 0; s < a.sentences.size(); ++s)
            for (uint32_t k = 0; k < a.sentences[s].token_count; ++k) sent_of[a.sentences[s].first_token + k] = int32_t(s);
        in_quote.assign(n, 0);
        std::vector<Raw> raws = pair_marks();
        for (const Raw& r : raws)
            for (uint32_t k = r.open + 1; k < r.close && k < n; ++k) in_quote[k] = 1;
        mark_names();
        prepare_parse();
        cue_lm = quotes::cue_model();
        content_lm = quotes::content_model();
        source_lm = quotes::source_model();
        attribution_lm = quotes::attribution_model();
        {
            void* ctx = nullptr;
            attribution_on = attribution_lm || quotes::attribution_hook(&ctx);
        }

        // 2. Indirect quotes, sentence by sentence.
        for (uint32_t s = 0; s < a.sentences.size(); ++s) {
            const Sentence& S = a.sentences[s];
            uint32_t s0 = S.first_token, s1 = S.first_token + S.token_count;
            if (const uint32_t colon = title_colon(s)) {
                // "Pence: Gennifer Flowers won't be at debate": a title giving a name and its words
                NP sp;
                sp.first = s0; sp.last = colon; sp.ok = true;
                const Cue c{colon, colon + 1, CueClass::Speech, false};
                uint32_t cf = colon + 1, cl = s1;
                trim_content(cf, cl);
                if (cl > cf + 2 && add_indirect(cf, cl, c, sp, raws)) continue;
            }
            for (uint32_t i = s0; i < s1; ++i) {
                if (in_quote[i] || content_opening_cue(i)) continue;
                Cue c;
                if (!cue_at(i, s1, c)) {
                    // A cue the learned detector finds outside the lexicon: its attribution from the parse.
                    if (learned_cue_at(i)) {
                        Cue lc{i, i + 1, CueClass::Speech, false};
                        const size_t before = a.quotes.size();
                        if (parse_attribution(lc, s0, s1, raws, !attribution_on)) i = lc.last - 1;
                        if (a.quotes.size() > before && !parse_source_at(lc.first)) weak_quotes.push_back(a.quotes.size() - 1);
                    }
                    continue;
                }
                // Label cues ("called it …", "criticized …") and learned cues take their object as
                // the content when no quote marks follow (those are partial quotes, below).
                bool object_content = c.cls == CueClass::Label || lex_learned(c);
                if (c.cls == CueClass::Label) {
                    bool marks = false;
                    for (uint32_t k = c.last; k < s1 && !marks; ++k) marks = is_double_mark(tok(k));
                    if (marks) continue;
                }
                uint32_t cf = 0, cl = 0;
                NP sp;
                if (c.cls == CueClass::Source) {
                    // "according to X, CONTENT." or "CONTENT, according to X."
                    sp = subject_right(c.last, s1);
                    if (!sp.ok) continue;
                    if (c.first > s0 + 2) { cf = s0; cl = c.first; }
                    else { cf = sp.last; cl = s1; }
                } else {
                    sp = subject_left(s0, c.first);
                    // words inside quote marks are never the source: "“…, and this is good,” said X"
                    if (sp.ok && quoted_np(sp)) sp.ok = false;
                    uint32_t j = c.last;
                    // Forward: cue [object] [PP] that CONTENT
                    uint32_t that = 0;
                    // "said they wanted a player that could …": a subject right after a bare cue
                    // starts the content, and a later "that" is a relative pronoun.
                    const bool subject_follows = c.bare && j < s1 && any_of(j, {"he", "she", "they", "we", "i"});
                    for (uint32_t k = j; k < s1 && k < j + 10 && !subject_follows; ++k) {
                        if (in_quote[k] || tok(k) == ":" || is_double_mark(tok(k))) break;
                        // a complementizer, not the pronoun of "could change that." nor a determiner
                        if (is(k, "that")) {
                            // (a determiner may be the parser's misreading: "told the council that crime had fallen")
                            if (parsed) {
                                const std::string_view d = deprel_name(a.tokens[k].deprel);
                                if (d == "obj" || d == "nsubj" || d == "obl" || d == "iobj" || d == "nsubj:pass") break;
                            }
                            if (k + 1 >= s1 || a.tokens[k + 1].kind == TokenKind::Punct) break;
                            that = k; break;
                        }
                    }
                    bool inverted = false;
                    if (!sp.ok && i > s0 && (tok(i - 1) == "," || (is_double_mark(tok(i - 1)) && i > s0 + 1 && tok(i - 2) == ","))) {
                        // "CONTENT, said X." inverted
                        NP r = subject_right(c.last, s1);
                        // "The company, which makes phones, said profits fell": a clause after the
                        // cue is its content, not an inverted speaker
                        for (uint32_t k = r.first; r.ok && k < r.last; ++k) r.ok = !finite_verb(k);
                        // (a subject inside quote marks is the words said: "“…,” said Fatos Nano")
                        if (r.ok && parsed) {
                            const int64_t ns = child(c.first, R_NSUBJ, s0, s1);
                            r.ok = ns < 0 || uint32_t(ns) > c.first || in_quote[size_t(ns)];
                            // ... or one the parser misread: a plain subject is never cut from its verb
                            // by a lone comma ("… into the same space, said Mr Trainor"); an apposition or
                            // a relative clause has a comma of its own ("The company, which …, said")
                            if (!r.ok && i > s0 + 1 && tok(i - 1) == ",") {
                                r.ok = true;
                                for (uint32_t k = sub_lo[size_t(ns)]; k + 1 < i && r.ok; ++k) r.ok = tok(k) != ",";
                            }
                        }
                        // "…, citing continuing violence": a participle is never inverted
                        if (r.ok && ing_form(low(c.first))) r.ok = false;
                        if (r.ok) { sp = r; inverted = true; }
                    }
                    // No subject before the cue ("…, adding that", long appositions): the parse's.
                    if (!sp.ok) {
                        NP ps = parse_subject(c.first, s0, s1);
                        if (ps.ok && ps.last <= c.first && !quoted_np(ps)) sp = ps;
                    }
                    if (!sp.ok) {
                        if (c.cls != CueClass::Label && parse_attribution(c, s0, s1, raws, true)) i = c.last - 1;
                        continue;
                    }
                    // "said about 40 ships were waiting and that …": a coordinated second clause,
                    // so the content starts right after the cue.
                    if (that && that > j && (is(that - 1, "and") || is(that - 1, "but") || tok(that - 1) == ",") && c.bare) that = 0;
                    if (that && !inverted) { cf = that + 1; cl = s1; }
                    else if (const uint32_t k = !inverted && c.bare && j < s1 ? bare_content_start(j, s1) : s1; k < s1) {
                        cf = k; cl = s1;
                    } else if (object_content && !inverted && s1 - j >= 2 && !is_double_mark(tok(j)) && !in_quote[j]) {
                        cf = j; cl = s1;
                    } else {
                        // Backward: "CONTENT, X said [adjunct]."  — the cue is near the sentence end.
                        uint32_t np_start = inverted ? i - 1 : sp.first;
                        uint32_t tail = s1 - c.last;
                        bool parenthetical = np_start > s0 + 2 && tok(np_start - 1) == "," && c.last < s1 && tok(c.last) == "," && tail > 3;
                        if (parenthetical) {
                            // "But to prevent problems, he said, officials should be vigilant."
                            cf = s0; cl = s1;
                        } else if (np_start > s0 + 2 && tok(np_start - 1) == "," && tail <= 6) {
                            cf = s0; cl = np_start - 1;
                        } else if (inverted && i > s0 + 2 && (tail <= 8 || (sp.last < s1 && tok(sp.last) == ","))) {
                            // (a long tail after the speaker's comma is the reporter's: "…, said the
                            // MDA, with forecasts suggesting …")
                            cf = s0; cl = i - 1;
                        } else if (inverted && is_double_mark(tok(i - 1))) {
                            // "“…,” said the Rev. X, of a long place name": the marked quote's, below
                            continue;
                        } else {
                            if (parse_attribution(c, s0, s1, raws, true)) i = c.last - 1;
                            continue;
                        }
                    }
                }
                trim_content(cf, cl);
                if (cl <= cf + 1) continue;
                if (!add_indirect(cf, cl, c, sp, raws)) continue;
                // Cues inside the content with a subject of their own ("X said Y claimed …") are
                // attributions of their own; participles ("…, adding that …") have none and stay part.
                i = c.last - 1;
            }
        }

        drop_nested_weak_quotes();

        // 3. Marked quotes.
        int64_t prev_speaker_quote = -1;   // index into a.quotes of the last marked quote with a speaker
        uint32_t prev_close = 0;
        for (const Raw& r : raws) {
            if (r.consumed) continue;
            uint32_t cf = r.open + 1, cl = r.close;
            if (cl <= cf) continue;
            int32_t so = sent_of[r.open];
            int32_t sc = sent_of[std::min<uint32_t>(r.closed ? r.close : r.close - 1, uint32_t(a.tokens.size() - 1))];
            if (so < 0) so = sent_of[cf];
            if (so < 0) continue;
            if (sc < 0) sc = so;
            uint32_t s0 = a.sentences[so].first_token;
            uint32_t s1 = a.sentences[sc].first_token + a.sentences[sc].token_count;
            size_t words = 0;
            for (uint32_t k = cf; k < cl; ++k) words += a.tokens[k].kind == TokenKind::Word || a.tokens[k].kind == TokenKind::Number;
            bool starts_sentence = r.open == s0 || (r.open > s0 && (tok(r.open - 1) == ":" || tok(r.open - 1) == ","));

            Cue cue; NP sp; bool found = false;
            // (0) a signature line: "“…” ― Pamela Padilla" (a dash, then only a name to the line's end)
            if (r.closed && r.close + 2 < a.tokens.size() && (tok(r.close + 1) == "\xE2\x80\x95" || tok(r.close + 1) == "\xE2\x80\x94")) {
                const uint32_t f = r.close + 2, n = uint32_t(a.tokens.size());
                uint32_t e = f;
                while (e < n && e - f < 6 && a.tokens[e].kind == TokenKind::Word && capitalised(e)) {
                    ++e;
                    if (e < n && a.slice(a.tokens[e - 1].end, a.tokens[e].start).find('\n') != std::string_view::npos) break;
                }
                const bool line_end = e == n || a.slice(a.tokens[e - 1].end, a.tokens[e].start).find('\n') != std::string_view::npos;
                if (e > f && line_end) {
                    sp.first = f; sp.last = e; sp.ok = true;
                    cue = Cue{r.close + 1, r.close + 2, CueClass::Speech, false};
                    found = true;
                }
            }
            // (a) after the closing mark: "“…,” X said" / "“…,” said X"
            if (r.closed && !found) {
                uint32_t k = r.close + 1;
                // "“…?” Clinton said.": the sentence splitter ends the sentence at the question
                // mark, and the cue stands in the next one.
                uint32_t e1 = s1;
                if (k == s1 && r.close > cf && (tok(r.close - 1) == "?" || tok(r.close - 1) == "!") && k < a.tokens.size() &&
                    sent_of[k] >= 0 && a.tokens[k].paragraph == a.tokens[r.close].paragraph)
                    e1 = a.sentences[size_t(sent_of[k])].first_token + a.sentences[size_t(sent_of[k])].token_count;
                if (k < s1 && tok(k) == ",") ++k;
                for (uint32_t m = k; m < e1 && m < k + 25 && !found; ++m) {
                    if (in_quote[m] || is_double_mark(tok(m))) break;
                    Cue c;
                    if (!cue_at(m, e1, c) || c.cls == CueClass::Source) continue;
                    // "X said:" introduces the words after it, not the quote before it
                    if (c.last < e1 && tok(c.last) == ":") break;
                    if (m == k) { sp = subject_right(c.last, e1); }
                    else sp = subject_left(k, m);
                    if (sp.ok) { cue = c; found = true; }
                    break;
                }
            }
            // (b) before the opening mark in its sentence: "X said: “…”", "X called it an “…”"
            if (!found) {
                Cue participle;   // "…, he said, insisting he enjoyed a “…”": the cue, whose
                bool after_participle = false;   // speaker is the subject of the verb before it
                for (uint32_t m = r.open; m > s0 && r.open - m < 40;) {
                    --m;
                    if (in_quote[m]) continue;
                    Cue c;
                    if (!cue_at(m, r.open, c) || c.cls == CueClass::Source) continue;
                    NP s2 = subject_left(s0, m);
                    if (!s2.ok && m > s0 && tok(m - 1) == ",") {
                        const std::string_view w = low(m);
                        if (!after_participle && ing_form(w)) {
                            participle = c;
                            after_participle = true;
                            continue;
                        }
                        // "…, said X, “…”"
                        s2 = subject_right(c.last, r.open);
                    } else if (!s2.ok && m == s0) {
                        // "Said Ellis: “…”"
                        s2 = subject_right(c.last, r.open);
                    }
                    if (s2.ok) { sp = s2; cue = after_participle ? participle : c; found = true; }
                    break;
                }
                // "Trump attacked Clinton …, saying, “…”": no cue before the participle; its
                // speaker is the subject of the verb it hangs from
                if (!found && after_participle) {
                    if (NP s2 = parse_subject(participle.first, s0, s1); s2.ok) { sp = s2; cue = participle; found = true; }
                }
            }
            const char* kind;
            // "on CBS's “Face the Nation,”", "his “Keepin' It Real” radio program": a title is no one's words
            if (title_in_marks(r.open, cf, cl, s0)) { found = false; kind = "scare"; }
            else if (found) kind = starts_sentence && words >= 3 ? "direct" : (words >= 3 && r.open == s0 ? "direct" : "partial");
            else if (words <= 4 && !starts_sentence) kind = "scare";
            else kind = "direct";
            if (found && std::string_view(kind) == "partial" && cue.cls == CueClass::Speech && starts_sentence) kind = "direct";
            add_quote(kind, cf, cl, found ? &cue : nullptr, found ? &sp : nullptr);
            Quote& q = a.quotes.back();
            if (std::string_view(kind) == "scare") { q.has_speaker_span = false; q.speaker_text.clear(); }
            if (!found && std::string_view(kind) == "direct" && prev_speaker_quote >= 0) {
                // A quote with no cue of its own continues the previous quote's speaker when it
                // follows it closely (same or next paragraph).
                const Quote& pq = a.quotes[size_t(prev_speaker_quote)];
                uint32_t gap_par = a.tokens[r.open].paragraph - a.tokens[prev_close].paragraph;
                if (gap_par <= 1) {
                    q.speaker_text = pq.speaker_text;
                    q.speaker = pq.speaker;
                    q.has_speaker_span = false;
                    // "“A,” he said. “B …”": one attribution whose cue and speaker stand between
                    // its two parts (same paragraph, the cue after the first part): both carry them.
                    if (gap_par == 0 && pq.has_cue && pq.has_speaker_span && pq.cue.start >= pq.end &&
                        pq.cue.end <= a.tokens[r.open].start && pq.speaker_span.end <= a.tokens[r.open].start &&
                        pq.speaker_span.start >= pq.end) {
                        q.has_cue = true; q.cue = pq.cue;
                        q.has_speaker_span = true; q.speaker_span = pq.speaker_span;
                        q.speaker_text = std::string(a.slice(q.speaker_span.start, q.speaker_span.end));
                        q.speaker.clear();
                    }
                    continuation_of.push_back({a.quotes.size() - 1, size_t(prev_speaker_quote)});
                }
            }
            if (!found && std::string_view(kind) == "direct" && !q.has_cue) {
                // No cue: the ranker may prefer a mention around the quote to the previous speaker.
                const bool continues = !continuation_of.empty() && continuation_of.back().first == a.quotes.size() - 1;
                NP prev;
                if (continues) {
                    const Quote& pq = a.quotes[continuation_of.back().second];
                    if (pq.has_speaker_span) {
                        prev.first = a.token_at_or_after(pq.speaker_span.start); prev.last = a.token_at_or_after(pq.speaker_span.end);
                        prev.ok = prev.last > prev.first;
                    }
                }
                // (one or two words alone, `“Urban”`, are terms more often than words said: no new
                // speaker; the trainer still sees them)
                void* hook_ctx = nullptr;
                const bool training = quotes::source_hook(&hook_ctx) != nullptr;
                const NP w = continues || words >= 3 || training ? rank_cueless(r.open, r.close, cf, cl, prev, a.quotes.size() - 1) : prev;
                if (w.ok && !(prev.ok && w.first == prev.first && w.last == prev.last)) {
                    Quote& cq = a.quotes.back();
                    cq.has_speaker_span = true;
                    cq.speaker_span = {a.tokens[w.first].start, a.tokens[w.last - 1].end};
                    cq.speaker_text = std::string(a.slice(cq.speaker_span.start, cq.speaker_span.end));
                    cq.speaker.clear();
                    if (continues) continuation_of.pop_back();
                }
            }
            if (!q.speaker_text.empty()) { prev_speaker_quote = int64_t(a.quotes.size() - 1); prev_close = std::min<uint32_t>(r.close, uint32_t(a.tokens.size() - 1)); }
        }
        for (const auto& [qi, pi] : continuation_of) continued_from.emplace(a.quotes[qi].start, a.quotes[pi].start);
        std::stable_sort(a.quotes.begin(), a.quotes.end(), [](const Quote& x, const Quote& y) { return x.start < y.start; });
        link_speakers();
        for (size_t k = 0; k < a.quotes.size(); ++k) a.quotes[k].id = "q" + std::to_string(k + 1);
    }

    std::vector<std::pair<size_t, size_t>> continuation_of;
    std::unordered_map<uint32_t, uint32_t> continued_from;   // a continuation's start -> its source quote's start

    // Speakers to entities: the entity with a mention inside the speaker words; he/she to the
    // previous person speaker, else the nearest preceding person mention.
    void link_speakers() {
        if (a.quotes.empty()) return;
        struct M { uint32_t start, end; size_t entity; };
        std::vector<M> mentions;
        for (size_t e = 0; e < a.entities.size(); ++e)
            for (const auto& m : a.entities[e].mentions) mentions.push_back({m.start, m.end, e});
        std::stable_sort(mentions.begin(), mentions.end(), [](const M& x, const M& y) { return x.start < y.start; });
        std::unordered_map<std::string, size_t> by_id;
        for (size_t e = 0; e < a.entities.size(); ++e) by_id.emplace(a.entities[e].id, e);
        auto mention_in = [&](uint32_t s, uint32_t e) -> int64_t {
            // last mention inside [s, e): the head of "Mexican President Andrés Manuel López Obrador"
            auto it = std::lower_bound(mentions.begin(), mentions.end(), s, [](const M& m, uint32_t v) { return m.start < v; });
            int64_t best = -1;
            for (; it != mentions.end() && it->start < e; ++it)
                if (it->end <= e) {
                    const std::string& ty = a.entities[it->entity].type;
                    if (best < 0 || ty == "PERSON" || ty == "ORGANIZATION") best = int64_t(it->entity);
                }
            return best;
        };
        std::string last_person;   // entity id of the last person speaker
        std::string last_person_text;
        for (auto& q : a.quotes) {
            if (!q.has_speaker_span) {
                if (!q.speaker_text.empty() && q.speaker.empty()) {
                    // continuation: inherit from the quote it continues (already linked, earlier),
                    // whose speaker text may since have become its entity's name ("she" -> "Elizabeth Warren")
                    if (auto f = continued_from.find(q.start); f != continued_from.end()) {
                        auto src = std::lower_bound(a.quotes.begin(), a.quotes.end(), f->second,
                                                    [](const Quote& x, uint32_t v) { return x.start < v; });
                        if (src != a.quotes.end() && src->start == f->second && &*src != &q && !src->speaker_text.empty()) {
                            q.speaker = src->speaker;
                            q.speaker_text = src->speaker_text;
                            continue;
                        }
                    }
                    int steps = 0;   // bounded look-back keeps this linear
                    for (auto it = &q; it != &a.quotes.front() && steps++ < 32;) {
                        --it;
                        if (it->speaker_text == q.speaker_text && !it->speaker.empty()) { q.speaker = it->speaker; q.speaker_text = it->speaker_text; break; }
                    }
                }
                continue;
            }
            std::string_view sw = a.slice(q.speaker_span.start, q.speaker_span.end);
            std::string lw;
            for (char ch : sw) lw += char(std::tolower((unsigned char)ch));
            if (lw == "he" || lw == "she") {
                std::string id = last_person;
                if (id.empty()) {
                    // nearest preceding person mention
                    // nearest person mention before the speaker, looking back a bounded distance
                    auto it = std::lower_bound(mentions.begin(), mentions.end(), q.speaker_span.start,
                                               [](const M& m, uint32_t v) { return m.start < v; });
                    for (int steps = 0; it != mentions.begin() && steps < 64; ++steps) {
                        --it;
                        if (it->end <= q.speaker_span.start && a.entities[it->entity].type == "PERSON") { id = a.entities[it->entity].id; break; }
                    }
                }
                if (!id.empty()) {
                    q.speaker = id;
                    auto f = by_id.find(id);
                    if (f != by_id.end()) q.speaker_text = a.entities[f->second].canonical;
                    if (f != by_id.end() && mention_in(q.speaker_span.start, q.speaker_span.end) < 0) {
                        // a pronoun speaker the entity stage left unresolved: a mention of the speaker's entity
                        auto& ms = a.entities[f->second].mentions;
                        Mention m; m.start = q.speaker_span.start; m.end = q.speaker_span.end; m.kind = "pronoun";
                        auto at = std::upper_bound(ms.begin(), ms.end(), m.start, [](uint32_t v, const Mention& x) { return v < x.start; });
                        // quotes sharing one speaker mention ("“A,” she said. “B”") add it once
                        if (at == ms.begin() || (at - 1)->start != m.start) ms.insert(at, m);
                    }
                }
                continue;
            }
            // "Roy Asher, chief investment officer of Hibernian,": an apposition's head before its
            // comma is the speaker, not a name inside the apposition
            if (const size_t comma = sw.find(','); comma != std::string_view::npos && comma > 0 &&
                mention_in(q.speaker_span.start, q.speaker_span.start + uint32_t(comma)) >= 0)
                sw = sw.substr(0, comma);
            int64_t e = mention_in(q.speaker_span.start, q.speaker_span.start + uint32_t(sw.size()));
            // the speaker becomes mention m: its entity, its span and words
            auto take = [&](const M& m) { e = int64_t(m.entity); q.speaker_span = {m.start, m.end}; sw = a.slice(m.start, m.end); };
            // "Elizabeth Beavers, foreign policy manager at the liberal group Indivisible, said": a
            // speaker that is the apposition after a person's name is that person
            if (e < 0 || a.entities[size_t(e)].type != "PERSON") {
                const uint32_t t = a.token_at_or_after(q.speaker_span.start);
                // (a bare role: lower case, no article, pronoun or relative word, two words or more)
                const bool role = t + 1 < a.tokens.size() && a.tokens[t + 1].start < q.speaker_span.end && !sw.empty() &&
                                  std::islower((unsigned char)sw[0]) &&
                                  !any_of(t, {"the", "a", "an", "who", "which", "that", "he", "she", "they", "it", "his", "her", "their", "its"});
                if (role && t >= 2 && t < a.tokens.size() && tok(t - 1) == ",") {
                    const uint32_t name_end = a.tokens[t - 2].end;
                    auto it = std::upper_bound(mentions.begin(), mentions.end(), name_end, [](uint32_t v, const M& m) { return v < m.start; });
                    for (int steps = 0; it != mentions.begin() && steps < 4; ++steps) {
                        --it;
                        const std::string_view nm = a.slice(it->start, it->end);
                        if (it->end == name_end && a.entities[it->entity].type == "PERSON" && nm.find(',') == std::string_view::npos &&
                            nm.find(' ') != std::string_view::npos && std::isupper((unsigned char)nm[0])) {   // a name, not "her"
                            take(*it);
                            break;
                        }
                    }
                }
            }
            if (e < 0) {
                // "George Will said": the speaker words stop inside a person's or an organisation's
                // name the entity stage found (the tagger read "Will" as a modal); the name is the speaker
                const uint32_t s0 = q.speaker_span.start, s1 = q.speaker_span.start + uint32_t(sw.size());
                auto it = std::upper_bound(mentions.begin(), mentions.end(), s0, [](uint32_t v, const M& m) { return v < m.start; });
                for (int steps = 0; it != mentions.begin() && steps < 8 && e < 0; ++steps) {
                    --it;
                    const std::string& ty = a.entities[it->entity].type;
                    // (only a name's own words: letters, spaces, hyphens, periods, apostrophes)
                    bool name = it->start <= s0 && it->end >= s1 && it->end > s0 && (ty == "PERSON" || ty == "ORGANIZATION");
                    for (char ch : name ? a.slice(it->start, it->end) : std::string_view())
                        name = name && (std::isalpha((unsigned char)ch) || (ch & 0x80) || ch == ' ' || ch == '-' || ch == '.' || ch == '\'');
                    if (name) take(*it);
                }
            }
            if (e >= 0) {
                q.speaker = a.entities[size_t(e)].id;
                q.speaker_text = a.entities[size_t(e)].canonical;
                // Keep the whole phrase when the entity is only part of a group speaker.
                if (a.entities[size_t(e)].type != "PERSON" && a.entities[size_t(e)].type != "ORGANIZATION") q.speaker_text = std::string(sw);
                if (a.entities[size_t(e)].type == "ORGANIZATION" || a.entities[size_t(e)].type == "LOCATION") {
                    // "Ecuador's presidency": the speaker is the phrase, the entity its owner
                    if (sw.size() > a.entities[size_t(e)].canonical.size() + 4) q.speaker_text = std::string(sw);
                }
                // "Trump's spokesman said": the spokesman spoke; the phrase stays the speaker, its
                // owner the entity (as "Ecuador's presidency")
                bool owner = false;
                if (a.entities[size_t(e)].type == "PERSON") {
                    owner = sw.find("'s ") != std::string_view::npos || sw.find("\xE2\x80\x99s ") != std::string_view::npos;
                    if (owner) q.speaker_text = std::string(sw);
                }
                if (a.entities[size_t(e)].type == "PERSON" && !owner) { last_person = q.speaker; last_person_text = q.speaker_text; }
            }
        }
    }
};

}  // namespace

void find_quotes(Analysis& a) {
    if (a.tokens.empty() || a.sentences.empty()) return;
    Attributor at(a);
    at.run();
}

}  // namespace ae
