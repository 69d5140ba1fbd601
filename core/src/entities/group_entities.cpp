// Stage 6 — entities: mentions grouped into the story's cast (see entities.h for the rules).
//
// The pass, all linear in tokens + mentions (every look-around is bounded):
//   1. the NER's mentions, mapped to token ranges and repaired: trailing lower-case words cut
//      (`Trump had`), two names joined by `and` cut apart when the story names one of them alone,
//      possessives (`Glas'`, `Ecuador's`),
//      a PERSON span extended over a following capitalised name word (`López` + `Obrador`), a
//      PERSON whose last word only ends organisations' names retyped (`General` + `Motors`), a
//      title and a name inside an ORGANIZATION/MISC span split off as a person (`Chrysler Chief
//      Executive Robert Nardelli`), an ORGANIZATION/MISC span extended over capitalised modifiers
//      before it (`Foreign Ministry`, `Ecuadorian` + `Embassy`) and over `of|on|for [the]
//      Capitalised…` after it (not over a day or a month);
//   2. demonyms split off as nominal mentions of their country;
//   3. names grouped by their normalised text, then shorter names joined to the single longer
//      name they are part of (surname, first name, middle names) — or, when several share it, to
//      the one who dominates the story — a company's name to the same name with its legal form
//      (`Chrysler` → `Chrysler LLC`), acronyms to the single name with those initials;
//   4. type by vote (NER types + place-lexicon evidence) unless the text says what the name is
//      (`automaker Chrysler`, `analyst Maryann Keller`, `Fiat, the Italian carmaker,`; word lists
//      in assets/lexicons/entity-kinds.txt), canonical = longest name, roles from
//      titles before a name and from appositions, gender from honorifics and role words;
//   5. pronouns and `the <role>` descriptions resolved where exactly one person fits;
//   6. salience, ids in order of first mention.
#include "article_explorer/entities.h"
#include "article_explorer/lexicon.h"
#include "article_explorer/tagger.h"
#include "entities/lexicons.h"
#include "entities/pronoun_model.h"
#include "article_explorer/quotes.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ae {

namespace {

using entities::lower;

constexpr int kNone = -1;

struct M {
    uint32_t start = 0, end = 0;   // bytes
    uint32_t t0 = 0, t1 = 0;       // tokens [t0, t1)
    std::string type;              // NER type
    std::string kind = "name";
    std::string key;               // normalised text (names) or country (nominal)
    int group = kNone;
    bool dead = false;
    bool title_cut = false;        // the NER's person retyped: it had cut "General" off as a title
};

struct Group {
    std::vector<int> mentions;     // indices into Grouper::ms
    int parent = -1;
    std::string type, canonical, role, key;
    int ntok = 0;
    char gender = '-';
    double votes[4] = {0, 0, 0, 0};   // PERSON, ORGANIZATION, LOCATION, MISC
};

int type_index(const std::string& t) {
    if (t == "PERSON") return 0;
    if (t == "ORGANIZATION") return 1;
    if (t == "LOCATION") return 2;
    return 3;
}
const char* type_name(int i) {
    static const char* n[] = {"PERSON", "ORGANIZATION", "LOCATION", "MISC"};
    return n[i];
}

bool is_any(std::string_view w, std::initializer_list<std::string_view> l) {
    for (auto x : l)
        if (w == x) return true;
    return false;
}

// Normalised form of a name: curly apostrophes straightened, possessive and a leading "the"
// dropped, runs of white space as one space.
std::string normalise(std::string_view s) {
    std::string r;
    r.reserve(s.size());
    bool space = false;
    for (size_t i = 0; i < s.size(); ++i) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0xE2 && i + 2 < s.size() && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x99) {
            r += '\'';
            i += 2;
            continue;
        }
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') { space = true; continue; }
        if (space && !r.empty()) r += ' ';
        space = false;
        r += char(c);
    }
    if (r.size() > 2 && r.compare(r.size() - 2, 2, "'s") == 0) r.resize(r.size() - 2);
    else if (r.size() > 1 && r.back() == '\'') r.pop_back();
    if (r.size() > 4 && (r.compare(0, 4, "the ") == 0 || r.compare(0, 4, "The ") == 0)) r.erase(0, 4);
    return r;
}

std::vector<std::string_view> split_words(std::string_view s) {
    std::vector<std::string_view> w;
    size_t p = 0;
    while (p < s.size()) {
        size_t q = s.find(' ', p);
        if (q == std::string_view::npos) q = s.size();
        if (q > p) w.push_back(s.substr(p, q - p));
        p = q + 1;
    }
    return w;
}

// split_words(s).size() without building the vector.
int count_words(std::string_view s) {
    int n = 0;
    size_t p = 0;
    while (p < s.size()) {
        size_t q = s.find(' ', p);
        if (q == std::string_view::npos) q = s.size();
        if (q > p) ++n;
        p = q + 1;
    }
    return n;
}

// Role text as a sequence of lower-case words, hyphens as spaces: "former ecuadorian vice president".
std::string role_words(std::string_view s) {
    std::string r = " ";
    for (char c : s) r += (c == '-' || c == '\n') ? ' ' : (c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c);
    r += ' ';
    return r;
}

class Grouper {
public:
    explicit Grouper(Analysis& a) : a_(a), W_(entities::lexicon_words()), T_(entities::token_words()) {}

    void run() {
        n_ = uint32_t(a_.tokens.size());
        index_tokens();
        collect();
        repair_spans();
        split_demonyms();
        group_names();
        decide_types();
        link_demonyms();
        roles_and_gender();
        resolve_pronouns();
        resolve_descriptions();
        emit();
    }

private:
    Analysis& a_;
    const WordTable<entities::LexWord>& W_;   // all lexicon words (names, places)
    const WordTable<entities::LexWord>& T_;   // role words and demonyms (tokens)
    uint32_t n_ = 0;
    std::vector<int32_t> sent_;       // token -> sentence index (-1 outside sentences)
    std::vector<uint8_t> in_quote_;   // token inside quotation marks
    std::unordered_map<std::string, std::pair<int, int>> name_counts_;   // name -> times typed PERSON, other
    std::vector<int> cover_;          // token -> mention index or -1
    std::vector<M> ms_;
    std::vector<Group> gs_;

    // ---- tokens ---------------------------------------------------------------------------
    std::string low_text_;                // the text with A-Z lowered (storage of low_)
    std::vector<std::string_view> low_;   // token -> lower-case text
    std::vector<int8_t> role_, demo_;  // token -> role word / demonym (cached, -1 = not yet known)

    std::string_view tx(uint32_t i) const { return a_.token_text(a_.tokens[i]); }
    std::string_view lw(uint32_t i) const { return low_[i]; }
    uint16_t lex_flags(std::string_view w) const { const entities::LexWord* x = W_.find(w); return x ? x->flags : 0; }
    // "Loretta E. Lynch": two or more words, the first a learned first name and no other lexicon
    // word, the last no organisation word: a person's name, whatever the tagger typed it
    // (two to four words, "Firstname" cased, no "and"/"of"/"in", the last no acronym: not "TIM and 3",
    // "Harry Potter DVD", "Clare College")
    bool first_named(std::string_view key) const {
        const size_t sp = key.find(' '), last = key.rfind(' ');
        if (sp == std::string_view::npos || sp < 2) return false;
        size_t words = 1;
        for (size_t i = 0; i < key.size(); ++i) {
            if (key[i] != ' ') continue;
            if (++words > 4) return false;
            const std::string_view w = key.substr(i + 1, key.find(' ', i + 1) - (i + 1));
            if (w == "and" || w == "&" || w == "of" || w == "in" || w == "for" || w == "the") return false;
        }
        if (!(key[0] >= 'A' && key[0] <= 'Z') || !(key[1] >= 'a' && key[1] <= 'z')) return false;
        const std::string_view tail = key.substr(last + 1);
        if (tail.size() > 1 && tail[1] >= 'A' && tail[1] <= 'Z') return false;
        const entities::LexWord* x = W_.find(lower(key.substr(0, sp)));
        if (!x || x->first_gender == '-' || x->flags != 0) return false;
        return !(lex_flags(lower(tail)) & (entities::LEX_ORG_HEAD | entities::LEX_PLACE | entities::LEX_COUNTRY));
    }
    // a place or country the lexicon knows, by its lowercase name
    bool known_place(std::string_view lower_name) const { return lex_flags(lower_name) & (entities::LEX_PLACE | entities::LEX_COUNTRY); }
    uint16_t token_flags(std::string_view w) const { const entities::LexWord* x = T_.find(w); return x ? x->flags : 0; }
    bool word(uint32_t i) const { return a_.tokens[i].kind == TokenKind::Word; }
    bool cap(uint32_t i) const {
        std::string_view t = tx(i);
        if (t.empty()) return false;
        unsigned char c = (unsigned char)t[0];
        if (c >= 'A' && c <= 'Z') return true;
        return c == 0xC3 && t.size() > 1 && (unsigned char)t[1] >= 0x80 && (unsigned char)t[1] <= 0x9E;
    }
    std::string_view pos(uint32_t i) const { return i < a_.pos.size() ? pos_tag_name(a_.pos[i]) : std::string_view(); }
    bool pos_is(uint32_t i, std::string_view prefix) const {
        std::string_view p = pos(i);
        return p.size() >= prefix.size() && p.substr(0, prefix.size()) == prefix;
    }
    bool apostrophe(uint32_t i) const { return tx(i) == "'" || tx(i) == "\xE2\x80\x99"; }
    bool possessive_s(uint32_t i) const { return tx(i) == "'s" || tx(i) == "\xE2\x80\x99s" || tx(i) == "'S"; }
    bool sentence_initial(uint32_t i) const {
        if (sent_[i] < 0) return true;
        uint32_t f = a_.sentences[size_t(sent_[i])].first_token;
        while (f < i && a_.tokens[f].kind == TokenKind::Quote) ++f;
        return f == i;
    }
    bool role_word(uint32_t i) const { return role_[i]; }
    bool role_word_uncached(uint32_t i) const {
        if (!word(i)) return false;
        std::string_view w = lw(i);
        if (token_flags(w) & entities::LEX_ROLE) return true;
        size_t h = w.rfind('-');   // vice-president, co-founder, ex-president
        return h != std::string::npos && h + 1 < w.size() && (token_flags(w.substr(h + 1)) & entities::LEX_ROLE);
    }
    char role_gender(uint32_t i) const {
        std::string_view w = lw(i);
        const entities::LexWord* x = T_.find(w);
        if (!x || !(x->flags & entities::LEX_ROLE)) {
            x = nullptr;
            size_t h = w.rfind('-');
            if (h != std::string::npos) x = T_.find(w.substr(h + 1));
            if (x && !(x->flags & entities::LEX_ROLE)) x = nullptr;
        }
        return x ? x->gender : '-';
    }
    bool demonym(uint32_t i) const { return demo_[i]; }
    // entity-kinds.txt flags of a word token (LEX_ORG_* / LEX_PLACE_*), 0 for anything else
    uint16_t kind_flags(uint32_t i) const {
        return word(i) ? token_flags(lw(i)) & (entities::LEX_ORG_SUFFIX | entities::LEX_ORG_HEAD | entities::LEX_ORG_NOUN |
                                               entities::LEX_PLACE_NOUN | entities::LEX_PLACE_HEAD | entities::LEX_MISC_HEAD) : 0;
    }
    // A role word that names a person's title: not an honorific, not a word that fits
    // organisations and places as well ("partner Biogen", "DHL-owner Deutsche Post", "host
    // Brazil"), not a party ("Republican National Convention").
    bool person_title(uint32_t i) const {
        if (!role_word(i)) return false;
        std::string_view w = lw(i);
        if (size_t h = w.rfind('-'); h != std::string_view::npos) w.remove_prefix(h + 1);
        return !(title_flags(w) & TITLE_NOT_TITLE);
    }
    bool org_headed(uint32_t t0, uint32_t t1) const { return t1 > t0 && cap(t1 - 1) && (kind_flags(t1 - 1) & entities::LEX_ORG_HEAD); }
    // "Vienna Convention on Diplomatic Relations", "Paris Agreement": the capitalised word before
    // the first "on"/"of"/"for" (else the last word) ends treaties', laws' and events' names.
    bool misc_headed(uint32_t t0, uint32_t t1) const {
        if (t1 < t0 + 2) return false;
        uint32_t h = t1 - 1;
        for (uint32_t t = t0 + 1; t < t1; ++t) if (is_any(lw(t), {"on", "of", "for", "against"})) { h = t - 1; break; }
        return h > t0 && cap(h) && (kind_flags(h) & entities::LEX_MISC_HEAD);
    }
    // "Downing Street", "Heathrow Airport": a last word that ends places' names, never a person's
    bool place_headed(uint32_t t0, uint32_t t1) const {
        if (t1 <= t0 + 1 || !cap(t1 - 1) || !(kind_flags(t1 - 1) & entities::LEX_PLACE_HEAD)) return false;
        for (uint32_t t = t0; t < t1; ++t) if (is_any(lw(t), {"of", "for"})) return false;   // "Project for Farmers of the … Valley"
        return true;
    }
    // "Commons Speaker", "Foreign Secretary", "Prime Minister": a title alone, which the tagger
    // took for a person's name: one to three capitalised words, the last a person's title that
    // is not also a surname, the ones before it titles, modifiers, organisations' heads,
    // demonyms, places or a ministry's field, and none of them a first name.
    bool title_only(uint32_t t0, uint32_t t1) const {
        if (t1 - t0 < 1 || t1 - t0 > 3 || !person_title(t1 - 1) || !cap(t1 - 1)) return false;
        if (title_flags(lw(t1 - 1)) & TITLE_SURNAME) return false;
        for (uint32_t t = t0; t + 1 < t1; ++t) {
            if (!word(t) || !cap(t)) return false;
            const entities::LexWord* x = W_.find(lw(t));
            if (x && x->first_gender != '-') return false;
            const uint16_t f = x ? x->flags : 0;
            if (role_word(t) || modifier(t) || demonym(t) || (f & (entities::LEX_ORG_HEAD | entities::LEX_PLACE | entities::LEX_COUNTRY)))
                continue;
            if (!(title_flags(lw(t)) & TITLE_FIELD)) return false;
        }
        return true;
    }
    // "… Culture" + "on Saturday": a day or a month does not continue a name (calendar.txt's
    // full names, but not one that is a surname too: "Theresa May")
    bool calendar_word(uint32_t i) const {
        const CalendarWord* c = ae::calendar_word(lw(i));
        return c && !(c->flags & (CAL_ABBR | CAL_NAME));
    }
    bool modifier(uint32_t i) const { return title_flags(lw(i)) & TITLE_MODIFIER; }
    bool determiner(uint32_t i) const {
        return is_any(lw(i), {"the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "these", "those"});
    }

    void index_tokens() {
        low_text_ = a_.text;   // lowered once: no string per token
        for (char& c : low_text_) if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
        low_.resize(n_);
        role_.assign(n_, 0);
        demo_.assign(n_, 0);
        for (uint32_t t = 0; t < n_; ++t) {
            low_[t] = std::string_view(low_text_).substr(a_.tokens[t].start, a_.tokens[t].end - a_.tokens[t].start);
            if (a_.tokens[t].kind != TokenKind::Word) continue;
            role_[t] = role_word_uncached(t);
            demo_[t] = cap(t) && (token_flags(low_[t]) & entities::LEX_DEMONYM);
        }
        sent_.assign(n_, -1);
        for (size_t s = 0; s < a_.sentences.size(); ++s) {
            const Sentence& S = a_.sentences[s];
            for (uint32_t t = S.first_token; t < S.first_token + S.token_count && t < n_; ++t) sent_[t] = int32_t(s);
        }
        in_quote_.assign(n_, 0);
        bool open = false;
        uint32_t para = UINT32_MAX;
        for (uint32_t t = 0; t < n_; ++t) {
            const Token& T = a_.tokens[t];
            if (T.paragraph != para) { para = T.paragraph; open = false; }
            if (T.kind == TokenKind::Quote) {
                std::string_view q = tx(t);
                if (q == "\xE2\x80\x9C") open = true;
                else if (q == "\xE2\x80\x9D") open = false;
                else if (q == "\"") open = !open;
                continue;
            }
            in_quote_[t] = open;
        }
    }

    // ---- 1. mentions --------------------------------------------------------------------------
    void collect() {
        for (const Entity& e : a_.entities)
            for (const Mention& m : e.mentions) {
                if (m.end <= m.start) continue;
                M x;
                x.start = m.start;
                x.end = m.end;
                x.type = e.type;
                x.t0 = a_.token_at_or_after(m.start);
                x.t1 = a_.token_at_or_after(m.end);
                if (x.t1 <= x.t0) continue;
                ms_.push_back(std::move(x));
            }
        std::stable_sort(ms_.begin(), ms_.end(), [](const M& x, const M& y) { return x.start < y.start || (x.start == y.start && x.end > y.end); });
        cover_.assign(n_, kNone);
        for (size_t i = 0; i < ms_.size(); ++i) {
            bool overlap = false;
            for (uint32_t t = ms_[i].t0; t < ms_[i].t1; ++t) overlap |= cover_[t] != kNone;
            if (overlap) { ms_[i].dead = true; continue; }
            for (uint32_t t = ms_[i].t0; t < ms_[i].t1; ++t) cover_[t] = int(i);
        }
    }

    // A mention over tokens [t0, t1) that covers them; its index.
    int new_mention(uint32_t t0, uint32_t t1, std::string type) {
        M x;
        x.t0 = t0;
        x.t1 = t1;
        x.start = a_.tokens[t0].start;
        x.end = a_.tokens[t1 - 1].end;
        x.type = std::move(type);
        const int mi = int(ms_.size());
        for (uint32_t t = t0; t < t1; ++t) cover_[t] = mi;
        ms_.push_back(std::move(x));
        return mi;
    }
    void drop_mention(int mi) {
        M& m = ms_[size_t(mi)];
        for (uint32_t t = m.t0; t < m.t1; ++t) if (cover_[t] == mi) cover_[t] = kNone;
        m.dead = true;
    }

    void set_span(int mi, uint32_t t0, uint32_t t1) {
        M& m = ms_[size_t(mi)];
        for (uint32_t t = m.t0; t < m.t1; ++t) if (cover_[t] == mi) cover_[t] = kNone;
        for (uint32_t t = t0; t < t1; ++t) {
            int o = cover_[t];
            if (o != kNone && o != mi) {   // absorbed
                M& om = ms_[size_t(o)];
                for (uint32_t u = om.t0; u < om.t1; ++u) cover_[u] = kNone;
                om.dead = true;
            }
            cover_[t] = mi;
        }
        m.t0 = t0;
        m.t1 = t1;
        m.start = a_.tokens[t0].start;
        m.end = a_.tokens[t1 - 1].end;
    }

    bool name_word(uint32_t t) const {   // a capitalised word that can continue a person's name
        if (!word(t) || !cap(t) || role_word(t) || demonym(t)) return false;
        std::string_view p = pos(t);
        return p.empty() || p == "NNP" || p == "NNPS";
    }

    // "Chrysler Chief Executive Robert Nardelli", "CEO Steve Jobs": an organisation's span that
    // ends in a title and a person's name (two or three name words) keeps the words before the
    // title; the name becomes a person's mention (its title is read as the role later).
    void split_titled_person(int mi) {
        const M& m = ms_[size_t(mi)];
        const bool person = m.type == "PERSON";
        if (m.type != "ORGANIZATION" && m.type != "MISC" && !person) return;
        uint32_t t0 = m.t0, t1 = m.t1, k = t0;
        while (k < t1 && !(person_title(k) && cap(k))) ++k;
        if (k > t0 && is_any(lw(k - 1), {"of", "for", "and", "the", "&"})) return;   // "Association of Chief Police Officers"
        uint32_t r = k;
        while (r < t1 && (role_word(r) || modifier(r))) ++r;
        // after a rank that only persons hold, one name word is enough ("Baroness Boothroyd")
        const bool rank = k == t0 && r == k + 1 && (title_flags(lw(k)) & TITLE_RANK);
        if (k == t1 || t1 - r < (rank ? 1u : 2u) || t1 - r > 3 || org_headed(r, t1)) return;
        for (uint32_t t = r; t < t1; ++t) if (!name_word(t)) return;
        // a person's span that took in its title ("Manhattan Supreme Court Justice Frank Nervo"):
        // the name alone; the words before it are read as the role
        if (person) { if (r > t0) set_span(mi, r, t1); return; }
        if (k == t0) {   // nothing before the title: the whole mention is the person
            ms_[size_t(mi)].type = "PERSON";
            set_span(mi, r, t1);
            return;
        }
        set_span(mi, t0, k);
        // "New York Attorney General Eliot Spitzer": what is left may be a place
        if (known_place(lower(normalise(a_.slice(a_.tokens[t0].start, a_.tokens[k - 1].end)))))
            ms_[size_t(mi)].type = "LOCATION";
        new_mention(r, t1, "PERSON");   // repaired later in the same pass
    }

    // A span the tagger ran past a name's end ("Google, and a", "Zurich Premiership side and
    // is") loses its trailing lower-case words; one that joined two names ("Obama and Hillary
    // Clinton", "BBC and Reuters") is cut at "and" when the story names either side alone
    // elsewhere (not "Securities and Exchange Commission", not "Bosnia and Herzegovina").
    void trim_and_split(int mi, const std::unordered_map<std::string, std::string>& named) {
        uint32_t t0 = ms_[size_t(mi)].t0, t1 = ms_[size_t(mi)].t1;
        auto lower_word = [&](uint32_t t) { return word(t) && !tx(t).empty() && tx(t)[0] >= 'a' && tx(t)[0] <= 'z'; };
        // no name runs over a colon or a quote mark: "Said Ellis: “I don't …" is Ellis
        for (uint32_t k = t0 + 1; k < t1; ++k)
            if (tx(k) == ":" || a_.tokens[k].kind == TokenKind::Quote) {
                uint32_t e = k;
                while (e > t0 && !word(e - 1)) --e;
                if (e == t0) { drop_mention(mi); return; }
                t1 = e;
                set_span(mi, t0, t1);
                break;
            }
        // a name's lower-case words only join its capitalised ones ("Bank of England", "Isle of
        // Man"); "Lib Dem officials say Mr Oaten" is a name and then a clause
        if (ms_[size_t(mi)].type != "MISC")
            for (uint32_t k = t0 + 1; k + 1 < t1; ++k)
                if (lower_word(k) && !(token_flags(lw(k)) & entities::LEX_NAME_INSIDE)) {
                    // "Holby City actor Jeremy Edwards": a person's name after a title word
                    bool name_after = ms_[size_t(mi)].type == "PERSON" && person_title(k) && t1 - k >= 2;
                    for (uint32_t u = k + 1; u < t1 && name_after; ++u) name_after = name_word(u);
                    if (name_after) { t0 = k + 1; set_span(mi, t0, t1); break; }
                    t1 = !a_.tokens[k].space_before && k - 1 > t0 ? k - 1 : k;   // "Coal Is" + "n't"
                    while (t1 - t0 >= 2 && !word(t1 - 1)) --t1;                      // "Bedwellty (" + "later"
                    break;
                }
        while (t1 - t0 >= 2 && (lower_word(t1 - 1) || tx(t1 - 1) == ",")) --t1;
        if (t1 != ms_[size_t(mi)].t1) {
            // what is left of "Don't forget", "They're way beyond" is no name
            if (t1 - t0 == 1 && t1 < n_ && !a_.tokens[t1].space_before && word(t1)) {
                drop_mention(mi);
                return;
            }
            set_span(mi, t0, t1);
        }
        auto key = [&](uint32_t a, uint32_t b) { return normalise(a_.slice(a_.tokens[a].start, a_.tokens[b - 1].end)); };
        // a capitalised preposition or conjunction opening a sentence is no part of a name:
        // "Like Labour, the Lib Dems …", "Despite Google's …"
        if (t1 - t0 >= 2 && cap(t0) && (token_flags(lw(t0)) & entities::LEX_NAME_OPENER)) {
            set_span(mi, ++t0, t1);
            // what is left takes the type the story gives it alone: "Labour" is no person
            if (auto f = named.find(key(t0, t1)); f != named.end()) ms_[size_t(mi)].type = f->second;
        }
        // "Blair Labour's longest-serving PM" (a title's words run together): a person named
        // alone elsewhere, then a single word named alone elsewhere as something else
        if (t1 - t0 >= 2 && cap(t1 - 1)) {
            auto left = named.find(key(t0, t1 - 1)), right = named.find(key(t1 - 1, t1));
            // the word alone typed something else at least twice and never a person; a first name
            // ("Andy" + "Roddick") only when the story names it alone twice or more
            const entities::LexWord* first = W_.find(lw(t0));
            const auto rc = right != named.end() ? name_counts_[right->first] : std::pair<int, int>{0, 0};
            const auto lc = left != named.end() ? name_counts_[left->first] : std::pair<int, int>{0, 0};
            if (left != named.end() && left->second == "PERSON" && right != named.end() && right->second != "PERSON" &&
                rc.first == 0 && rc.second >= 2 && (!(first && first->first_gender != '-') || lc.first >= 2) &&
                !known_place(lower(key(t0, t1)))) {
                set_span(mi, t0, t1 - 1);
                ms_[size_t(mi)].type = "PERSON";
                new_mention(t1 - 1, t1, right->second);   // repaired later in the same pass
                return;
            }
        }
        uint32_t k = t0 + 1;
        while (k + 1 < t1 && lw(k) != "and") ++k;
        if (k + 1 >= t1 || !cap(t0) || !cap(k + 1)) return;
        if (known_place(lower(key(t0, t1)))) return;
        uint32_t r = k + 1;
        while (r + 1 < t1 && role_word(r) && cap(r)) ++r;   // "Obama and Mr. Xi"
        auto left = named.find(key(t0, k)), right = named.find(key(r, t1));
        if (left == named.end() && right == named.end()) return;
        const std::string type = ms_[size_t(mi)].type;
        set_span(mi, t0, k);
        if (left != named.end()) ms_[size_t(mi)].type = left->second;
        new_mention(r, t1, right != named.end() ? right->second : type);   // repaired later in the same pass
    }

    void repair_spans() {
        // every name the tagger found, as text, with the type it gave it first
        std::unordered_map<std::string, std::string> named;
        for (const M& m : ms_)
            if (!m.dead) {
                named.emplace(normalise(a_.slice(m.start, m.end)), m.type);
                auto& c = name_counts_[normalise(a_.slice(m.start, m.end))];
                ++(m.type == "PERSON" ? c.first : c.second);
            }
        for (size_t i = 0; i < ms_.size(); ++i) {
            if (ms_[i].dead) continue;
            int mi = int(i);
            trim_and_split(mi, named);
            // possessive inside the span: "Ecuador's" -> "Ecuador"
            {
                M& m = ms_[i];
                if (m.t1 - m.t0 >= 2 && possessive_s(m.t1 - 1)) set_span(mi, m.t0, m.t1 - 1);
            }
            // a "person" whose last word only ends organisations' names: "General" + "Motors"
            if (ms_[i].type == "PERSON" && org_headed(ms_[i].t0, ms_[i].t1)) {
                ms_[i].type = "ORGANIZATION";
                ms_[i].title_cut = true;
            }
            if (ms_[i].type == "PERSON" && place_headed(ms_[i].t0, ms_[i].t1)) ms_[i].type = "LOCATION";
            if (ms_[i].type == "PERSON" && title_only(ms_[i].t0, ms_[i].t1)) {
                drop_mention(mi);
                continue;
            }
            // "Joe Manchin, D-W.Va., and …": a party-and-state tag is no entity
            {
                const std::string_view w = a_.slice(ms_[i].start, ms_[i].end);
                bool tag = w.size() >= 3 && w.size() <= 10 && (w[0] == 'D' || w[0] == 'R' || w[0] == 'I') && w[1] == '-' &&
                           std::isupper((unsigned char)w[2]);
                for (size_t k = 3; tag && k < w.size(); ++k) tag = std::isalpha((unsigned char)w[k]) || w[k] == '.';
                if (tag) { drop_mention(mi); continue; }
            }
            // "Even Friday, he claimed …": no person's name ends in a weekday
            if (ms_[i].type == "PERSON" && is_any(lw(ms_[i].t1 - 1), {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})) {
                drop_mention(mi);
                continue;
            }
            split_titled_person(mi);
            const std::string type = ms_[i].type;
            uint32_t t0 = ms_[i].t0, t1 = ms_[i].t1;
            if (type == "PERSON") {
                // "de Vries", "van der Berg": lower-case name particles glued before a surname
                for (int k = 0; k < 2 && t0 > 0 && a_.tokens[t0].space_before && cover_[t0 - 1] == kNone && sent_[t0 - 1] == sent_[t0] &&
                                (token_flags(lw(t0 - 1)) & entities::LEX_NAME_PARTICLE) &&
                                !cap(t0 - 1);
                     ++k)
                    --t0;
                // "Andrés Manuel López" + "Obrador": at most two more capitalised name words
                for (int k = 0; k < 2 && t1 < n_ && a_.tokens[t1].space_before && !a_.tokens[t1].newline_before &&
                                cover_[t1] == kNone && sent_[t1] == sent_[t0] && name_word(t1);
                     ++k)
                    ++t1;
            }
            if (type == "ORGANIZATION" || type == "MISC") {
                // capitalised modifiers before: "Foreign" Ministry, "Ecuadorian" Embassy
                for (int k = 0; k < 3 && t0 > 0; ++k) {
                    uint32_t p = t0 - 1;
                    if (!a_.tokens[t0].space_before || sent_[p] != sent_[t0] || !word(p) || !cap(p) || determiner(p)) break;
                    int o = cover_[p];
                    bool demo = demonym(p);
                    if (o != kNone && !(ms_[size_t(o)].type == "MISC" && ms_[size_t(o)].t1 - ms_[size_t(o)].t0 == 1)) break;
                    // a sentence's first word only if the tagger took it for a title: "General" Motors
                    // (a person retyped, or an organisation the title cut left: "General" + "Motors received")
                    if (o == kNone && !demo && sentence_initial(p) &&
                        !(ms_[i].title_cut && role_word(p)) && !(type == "ORGANIZATION" && (title_flags(lw(p)) & TITLE_NER)))
                        break;
                    if (o == kNone && !demo && !(pos(p).empty() || pos_is(p, "NNP") || pos_is(p, "JJ"))) break;
                    if (type == "MISC" && !demo) break;   // MISC: only "Ecuadorian" + MISC
                    t0 = p;
                }
                // "Vienna Convention" + "on Diplomatic Relations", "Ministry" + "of the Interior"
                uint32_t j = t1;
                if (j + 1 < n_ && sent_[j] == sent_[t0] && is_any(lw(j), {"of", "on", "for"})) {
                    uint32_t k = j + 1;
                    if (k < n_ && lw(k) == "the") ++k;
                    uint32_t e = k;
                    while (e < n_ && e < k + 5 && sent_[e] == sent_[t0] && word(e) && cap(e) && !sentence_initial(e) && !calendar_word(e) &&
                           (cover_[e] == kNone || ms_[size_t(cover_[e])].type == "MISC" || ms_[size_t(cover_[e])].type == "ORGANIZATION"))
                        ++e;
                    // do not stop inside another mention
                    if (e > k && (cover_[e - 1] == kNone || ms_[size_t(cover_[e - 1])].t1 <= e)) t1 = e;
                }
            }
            if (t0 != ms_[i].t0 || t1 != ms_[i].t1) set_span(mi, t0, t1);
            // "Glas'" : a bare apostrophe glued to a name ending in s
            M& m = ms_[i];
            if (m.t1 < n_ && apostrophe(m.t1) && !a_.tokens[m.t1].space_before) {
                std::string_view last = tx(m.t1 - 1);
                if (!last.empty() && (last.back() == 's' || last.back() == 'S') && cover_[m.t1] == kNone) {
                    cover_[m.t1] = mi;
                    ++m.t1;
                    m.end = a_.tokens[m.t1 - 1].end;
                }
            }
        }
        // demonyms the NER did not mark (e.g. lower confidence): capitalised table words
        for (uint32_t t = 0; t < n_; ++t) {
            if (cover_[t] != kNone || sent_[t] < 0 || !word(t) || !demonym(t)) continue;
            new_mention(t, t + 1, "MISC");
        }
        for (uint32_t t = 1; t < n_; ++t) name_after_kind_noun(t);
    }

    // "the social platform X", "the carmaker Stellantis": a capitalised word the tagger left out
    // right after a lower-case organisation noun that a determiner or an adjective opens is the
    // name the noun introduces (single capitals and new brands are what a 1996-trained tagger
    // misses). Up to three capitalised words; not a pronoun, a title, a day or a month.
    void name_after_kind_noun(uint32_t t) {
        const uint32_t j = t - 1;
        if (cover_[t] != kNone || sent_[t] < 0 || sent_[j] != sent_[t] || !word(t) || !cap(t) || !word(j) || cap(j)) return;
        if (!(kind_flags(j) & entities::LEX_ORG_NOUN) || possessive_s(t)) return;
        bool opened = false;   // "the (social) platform", "its rival network"
        for (uint32_t q = j; q-- > 0 && q + 3 >= j && sent_[q] == sent_[t];) {
            if (word(q) && determiner(q)) { opened = true; break; }   // "The carmaker", "its rival network"
            if (!word(q) || cap(q)) break;
        }
        if (!opened) return;
        uint32_t e = t;
        while (e < n_ && e < t + 3 && sent_[e] == sent_[t] && word(e) && cap(e) && cover_[e] == kNone && !role_word(e) &&
               !calendar_word(e) && tx(e) != "I")
            ++e;
        if (e == t) return;
        new_mention(t, e, "ORGANIZATION");
    }

    // ---- 2. demonyms ----------------------------------------------------------------------------
    void split_demonyms() {
        for (M& m : ms_) {
            if (m.dead) continue;
            m.key = normalise(a_.slice(m.start, m.end));
            if (m.t1 - m.t0 != 1 || m.type == "PERSON" || m.type == "ORGANIZATION") continue;
            const entities::LexWord* x = W_.find(lower(m.key));
            if (!x || !(x->flags & entities::LEX_DEMONYM) || (x->flags & entities::LEX_COUNTRY)) continue;
            m.kind = "nominal";
            m.key = *x->country;
        }
    }

    // ---- 3. groups --------------------------------------------------------------------------------
    int root(int g) {
        while (gs_[size_t(g)].parent >= 0) g = gs_[size_t(g)].parent;
        return g;
    }
    void join(int child, int parent) {
        child = root(child);
        parent = root(parent);
        if (child != parent) gs_[size_t(child)].parent = parent;
    }

    static std::string acronym_of(std::string_view s) {
        std::string r;
        for (auto w : split_words(s)) {
            unsigned char c = (unsigned char)w[0];
            if (c >= 'A' && c <= 'Z') r += char(c);
            else if (!is_any(w, {"of", "the", "and", "for", "on", "in", "de", "&", "to"})) return {};
        }
        return r.size() >= 2 ? r : std::string();
    }

    // The gender a form of address right before a mention gives ("Mr. Obama"), '-' without one.
    char address_gender(const M& m) const {
        if (m.t0 == 0) return '-';
        const TitleWord* h = title_word(lw(m.t0 - 1));
        return h && (h->flags & TITLE_ADDRESS) ? h->gender : '-';
    }
    // A first name's gender (first-names.txt), unless the word is also a role, a nationality, a
    // place or an organisation word ("MP Jane Smith", "German Chancellor").
    char first_name_gender(std::string_view word) const {
        const entities::LexWord* x = W_.find(lower(word));
        return x && x->first_gender != '-' && x->flags == 0 ? x->first_gender : '-';
    }

    void group_names() {
        std::unordered_map<std::string, int> by_key;
        for (size_t i = 0; i < ms_.size(); ++i) {
            M& m = ms_[i];
            if (m.dead || m.kind != "name" || m.key.empty()) continue;
            auto [it, fresh] = by_key.emplace(m.key, int(gs_.size()));
            if (fresh) {
                Group g;
                g.key = m.key;
                g.ntok = count_words(m.key);
                gs_.push_back(std::move(g));
            }
            m.group = it->second;
            Group& g = gs_[size_t(it->second)];
            g.mentions.push_back(int(i));
            g.votes[type_index(m.type)] += 1;
        }
        auto personish = [&](const Group& g) {
            return (g.votes[0] > 0 && g.votes[0] >= g.votes[1] && g.votes[0] >= g.votes[2]) || first_named(g.key);
        };
        // Shorter person names join the one longer name they are part of.
        std::vector<std::vector<std::string_view>> words_of(gs_.size());   // split once, not per candidate
        for (size_t g = 0; g < gs_.size(); ++g) words_of[g] = split_words(gs_[g].key);
        std::unordered_map<std::string_view, std::vector<int>> by_last, by_first;   // views into the group keys
        for (size_t g = 0; g < gs_.size(); ++g) {
            if (gs_[g].ntok < 2 || !personish(gs_[g])) continue;
            const std::vector<std::string_view>& w = words_of[g];
            by_last[w.back()].push_back(int(g));
            // "Joseph R. Biden Jr." is Biden's too
            if (w.size() >= 3 && is_any(lower(w.back()), {"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"})) by_last[w[w.size() - 2]].push_back(int(g));
            by_first[w.front()].push_back(int(g));
        }
        // The gender a group's own words say: a form of address before one of its mentions
        // ("Mr. Obama"), else its first name's ("Michelle Obama"); '-' when neither does.
        auto said_gender = [&](int g) {
            for (int mi : gs_[size_t(g)].mentions)
                if (const char a = address_gender(ms_[size_t(mi)]); a != '-') return a;
            // a role word right before a mention, or before a comma: "the first lady, Michelle Obama"
            for (int mi : gs_[size_t(g)].mentions) {
                const uint32_t t0 = ms_[size_t(mi)].t0;
                char gr = '-';
                if (!role_before(t0, gr).empty() && gr != '-') return gr;
                if (t0 >= 2 && tx(t0 - 1) == "," && sent_[t0 - 2] == sent_[t0] && role_word(t0 - 2))
                    if (const char rg = role_gender(t0 - 2); rg != '-') return rg;
            }
            return gs_[size_t(g)].ntok < 2 ? '-' : first_name_gender(words_of[size_t(g)].front());
        };
        // each group's gender and first sentence, once: joining below only sets parents
        std::vector<char> gender_of(gs_.size());
        std::vector<int32_t> first_sentence_of(gs_.size(), INT32_MAX);
        for (size_t g = 0; g < gs_.size(); ++g) {
            gender_of[g] = said_gender(int(g));
            for (int mi : gs_[g].mentions) first_sentence_of[g] = std::min(first_sentence_of[g], sent_[ms_[size_t(mi)].t0]);
        }
        std::vector<int> order(gs_.size());
        for (size_t g = 0; g < gs_.size(); ++g) order[g] = int(g);
        std::stable_sort(order.begin(), order.end(), [&](int x, int y) { return gs_[size_t(x)].ntok > gs_[size_t(y)].ntok; });
        for (int g : order) {
            Group& G = gs_[size_t(g)];
            std::string lk = lower(G.key);
            bool person_vote = G.votes[0] > 0 || first_named(G.key);
            bool placeish = lex_flags(lk) & (entities::LEX_PLACE | entities::LEX_COUNTRY | entities::LEX_DEMONYM);
            if (!person_vote && (placeish || G.votes[1] + G.votes[2] + G.votes[3] > 0) && G.ntok > 1) continue;
            if (!person_vote && placeish) continue;
            const std::vector<std::string_view>& w = words_of[size_t(g)];
            std::vector<int> roots, cands;
            const char gender = gender_of[size_t(g)];
            auto consider = [&](int h) {
                if (h == g || gs_[size_t(h)].ntok <= G.ntok) return;
                const char hg = gender_of[size_t(h)];
                if (gender != '-' && hg != '-' && hg != gender) return;   // "Mr. Obama" is not Michelle
                // "Trump" named in two sentences before "Ivanka Trump" first appears is someone the
                // story already knew: a full name whose gender nothing says is a relative
                if (hg == '-') {
                    const int32_t first_long = first_sentence_of[size_t(h)];
                    int32_t before = -1, sentences = 0;
                    for (int mi : G.mentions) {
                        const int32_t sm = sent_[ms_[size_t(mi)].t0];
                        if (sm >= 0 && sm + 1 < first_long && sm != before) { ++sentences; before = sm; }
                    }
                    if (sentences >= 2) return;
                }
                const std::vector<std::string_view>& hw = words_of[size_t(h)];
                size_t k = 0;   // G's words in order inside h's
                for (auto x : hw) if (k < w.size() && x == w[k]) ++k;
                if (k != w.size()) return;
                cands.push_back(h);
                int r = root(h);
                if (std::find(roots.begin(), roots.end(), r) == roots.end()) roots.push_back(r);
            };
            auto it = by_last.find(w.back());
            if (it != by_last.end()) for (int h : it->second) consider(h);
            if (roots.empty() && w.size() == 1) {   // a first name alone: "Hillary"
                auto f = by_first.find(w.front());
                if (f != by_first.end() && !by_last.count(w.front()))
                    for (int h : f->second) consider(h);
            }
            if (roots.size() == 1) join(g, roots[0]);
            else if (roots.size() > 1) {
                // Several people share the name: a bare surname goes to the one who dominates the
                // story (at least three mentions and twice anyone else's), else to nobody.
                std::vector<size_t> count(roots.size(), 0);
                for (int h : cands)
                    count[size_t(std::find(roots.begin(), roots.end(), root(h)) - roots.begin())] += gs_[size_t(h)].mentions.size();
                size_t top = size_t(std::max_element(count.begin(), count.end()) - count.begin());
                size_t second = 0;
                for (size_t r = 0; r < roots.size(); ++r) if (r != top) second = std::max(second, count[r]);
                // Or, failing that, to the one named first, a sentence before the others, when
                // nobody is named more often: news introduces its main person before the relatives
                // ("Ted Cruz spoke. His wife Heidi Cruz ... Cruz"), not "John Smith met Mary Smith".
                auto first_sentence = [&](int r) {
                    int32_t s = INT32_MAX;
                    for (int h : cands) if (root(h) == r) for (int mi : gs_[size_t(h)].mentions) s = std::min(s, sent_[ms_[size_t(mi)].t0]);
                    return s;
                };
                size_t earliest = 0;
                bool alone_first = true;
                for (size_t r = 1; r < roots.size(); ++r) {
                    const int32_t a = first_sentence(roots[r]), e = first_sentence(roots[earliest]);
                    if (a == e) alone_first = false;
                    else if (a < e) { earliest = r; alone_first = true; }
                }
                if (count[top] >= 3 && count[top] >= 2 * second) join(g, roots[top]);
                else if (alone_first && count[earliest] == count[top]) join(g, roots[earliest]);
            }
        }
        // A company's name without its legal form joins the name with it: "Chrysler" -> "Chrysler
        // LLC", "Fiat" -> "Fiat Group SpA".
        for (size_t g = 0; g < gs_.size(); ++g) {
            if (gs_[g].ntok < 2 || personish(gs_[g])) continue;
            const std::vector<std::string_view>& w = words_of[g];
            size_t keep = w.size();
            while (keep > 1) {
                std::string_view x = w[keep - 1];
                if (!x.empty() && x.back() == ',') x.remove_suffix(1);
                if (!(token_flags(lower(x)) & entities::LEX_ORG_SUFFIX)) break;
                --keep;
            }
            if (keep == w.size()) continue;
            std::string bare(w[0]);
            for (size_t k = 1; k < keep; ++k) { bare += ' '; bare += w[k]; }
            if (!bare.empty() && bare.back() == ',') bare.pop_back();
            auto it = by_key.find(bare);
            if (it != by_key.end() && it->second != int(g) && root(it->second) == it->second) join(it->second, int(g));
        }
        // Acronyms: "ICJ" joins the one name with those initials.
        std::unordered_map<std::string, std::vector<int>> by_initials;
        for (size_t g = 0; g < gs_.size(); ++g) {
            if (gs_[g].ntok < 2 || gs_[g].votes[0] > 0) continue;
            std::string ac = acronym_of(gs_[g].key);
            if (!ac.empty()) by_initials[ac].push_back(int(g));
        }
        for (size_t g = 0; g < gs_.size(); ++g) {
            if (gs_[g].ntok != 1) continue;
            std::string k;
            bool ok = true;
            for (char c : gs_[g].key) {
                if (c == '.') continue;
                if (c < 'A' || c > 'Z') { ok = false; break; }
                k += c;
            }
            if (!ok || k.size() < 2 || k.size() > 6) continue;
            auto it = by_initials.find(k);
            if (it == by_initials.end()) continue;
            std::vector<int> roots;
            for (int h : it->second) {
                int r = root(h);
                if (std::find(roots.begin(), roots.end(), r) == roots.end()) roots.push_back(r);
            }
            if (roots.size() == 1) join(int(g), roots[0]);
        }
        // Gather the mentions of joined groups under their roots.
        for (size_t g = 0; g < gs_.size(); ++g) {
            int r = root(int(g));
            if (r == int(g)) continue;
            Group& R = gs_[size_t(r)];
            for (int mi : gs_[g].mentions) { R.mentions.push_back(mi); ms_[size_t(mi)].group = r; }
            for (int k = 0; k < 4; ++k) R.votes[k] += gs_[g].votes[k];
            gs_[g].mentions.clear();
        }
    }

    // ---- 4. type, canonical ---------------------------------------------------------------------
    void decide_types() {
        for (size_t g = 0; g < gs_.size(); ++g) {
            Group& G = gs_[g];
            if (G.parent >= 0 || G.mentions.empty()) continue;
            // canonical: the longest name (words, then bytes)
            int best = -1, bt = 0;
            for (int mi : G.mentions) {
                const std::string& k = ms_[size_t(mi)].key;
                int nt = count_words(k);
                if (best < 0 || nt > bt || (nt == bt && k.size() > ms_[size_t(best)].key.size())) { best = mi; bt = nt; }
            }
            // ... unless it is an epithet before a name the text uses at least as often: "Crooked
            // Hillary Clinton" once, "Hillary Clinton" twice; an epithet is a word 2012-2020 news
            // writes in lower case at least one time in ten mid-sentence ("Marieke de Vries",
            // "Hillary Rodham Clinton" keep theirs: rare, or capitalised nearly always).
            if (bt >= 3) {
                const std::string& k = ms_[size_t(best)].key;
                const size_t sp = k.find(' ');
                const std::string_view first = std::string_view(k).substr(0, sp), tail = std::string_view(k).substr(sp + 1);
                const int news_case = news_case_bucket(first);
                if (news_case >= 1 && news_case <= 4) {
                    int n_full = 0, n_tail = 0, tail_mi = -1;
                    for (int mi : G.mentions) {
                        const std::string& mk = ms_[size_t(mi)].key;
                        if (mk == k) ++n_full;
                        else if (mk == tail) { ++n_tail; tail_mi = mi; }
                    }
                    if (tail_mi >= 0 && n_tail >= n_full) { best = tail_mi; bt = count_words(tail); }
                }
            }
            G.canonical = ms_[size_t(best)].key;
            G.ntok = bt;
            for (int mi : G.mentions) {
                M& m = ms_[size_t(mi)];
                m.kind = count_words(m.key) < bt || (bt == 1 && m.key.size() < G.canonical.size()) ? "alias" : "name";
            }
            double v[4] = {G.votes[0], G.votes[1], G.votes[2], G.votes[3]};
            std::string lc = lower(G.canonical);
            const bool lexicon_place = known_place(lc);
            if (lexicon_place) v[2] += double(G.mentions.size()) + 1;
            else if (first_named(G.canonical)) v[0] += double(G.mentions.size()) + 1;
            int t = 0;
            for (int k = 1; k < 4; ++k) if (v[k] > v[t]) t = k;
            // What the text says the name is ("automaker Chrysler", "Chrysler LLC", "analyst
            // Maryann Keller") outweighs the tagger's guesses, mention by mention, when it points
            // one way; a place the lexicon knows stays a place unless the text calls it one.
            // A MISC name ("Democratic", "African-American") is an adjective more often than not:
            // only its own last word ("European Defense Agency") says otherwise.
            int ev[4] = {0, 0, 0, 0};
            for (int mi : G.mentions) {
                const M& m = ms_[size_t(mi)];
                if (t == 3 && !org_headed(m.t0, m.t1)) continue;
                int e = kind_evidence(m);
                if (e >= 0) ++ev[e];
            }
            int said = 0;
            for (int k = 1; k < 4; ++k) if (ev[k] > ev[said]) said = k;
            if (ev[said] > 0 && 2 * ev[said] > ev[0] + ev[1] + ev[2] + ev[3] && (!lexicon_place || said == 2)) t = said;
            G.type = type_name(t);
        }
    }

    // The kind of thing the words around a name mention say it is (type index, -1 = none): its
    // own last word ("Chrysler LLC"), the noun or title right before it ("automaker Chrysler",
    // "analyst Maryann Keller", "the town of Obama"), or an apposition after it ("Fiat, the
    // Italian carmaker,").
    int kind_evidence(const M& m) const {
        const uint32_t t0 = m.t0, t1 = m.t1;
        if ((m.kind != "name" && m.kind != "alias") || !cap(t0)) return -1;   // not "of the Sky"
        if (misc_headed(t0, t1)) return 3;
        if (org_headed(t0, t1)) return 1;
        if (place_headed(t0, t1)) return 2;
        const int32_t s = sent_[t0];
        auto noun_kind = [&](uint32_t j, bool titles) -> int {   // what a noun says
            uint16_t f = kind_flags(j);
            if (!cap(j) && (f & entities::LEX_ORG_NOUN)) return 1;
            if (!cap(j) && (f & entities::LEX_PLACE_NOUN)) return 2;
            // a lower-case role word only before a full name: "analyst Maryann Keller", not
            // "analyst Gartner" or "the official Kent house"
            if (person_title(j) && (cap(j) ? titles : t1 - t0 >= 2)) return 0;
            return -1;
        };
        if (t0 > 0 && sent_[t0 - 1] == s) {
            const uint32_t j = t0 - 1;
            if (word(j)) {
                if (lw(j) == "of" && j > 0 && sent_[j - 1] == s && !cap(j - 1) && (kind_flags(j - 1) & entities::LEX_PLACE_NOUN)) return 2;
                int k = noun_kind(j, true);
                if (k >= 0 && k != 2) return k;   // a place noun counts only in "the town of X"
            }
        }
        if (t1 + 2 < n_ && sent_[t1] == s && tx(t1) == "," && is_any(lw(t1 + 1), {"the", "a", "an"})) {
            // "Fiat, the Italian carmaker, said": the kind noun that ends the apposition (not the
            // subject of a clause: "in Chelsea, the mayor said")
            for (uint32_t q = t1 + 2; q < n_ && q < t1 + 8 && sent_[q] == s; ++q) {
                if (possessive_s(q)) continue;   // "the company's chief executive"
                if (!word(q)) break;
                int k = noun_kind(q, false);
                if (k < 0) continue;
                const uint32_t nx = q + 1;
                if (nx >= n_ || sent_[nx] != s || is_any(tx(nx), {",", ".", ";", ")", "\xE2\x80\x94", "--"}) ||
                    is_any(lw(nx), {"of", "that", "which", "who", "whose", "in", "at", "based"}))
                    return k;
                if (!(noun_kind(nx, false) >= 0 || role_word(nx))) break;   // "chief executive": go on
            }
        }
        return -1;
    }

    void link_demonyms() {
        std::unordered_map<std::string, int> country_group;
        for (size_t g = 0; g < gs_.size(); ++g) {
            const Group& G = gs_[g];
            if (G.parent >= 0 || G.mentions.empty() || G.type != "LOCATION") continue;
            country_group.emplace(lower(G.canonical), int(g));
        }
        for (size_t i = 0; i < ms_.size(); ++i) {
            M& m = ms_[i];
            if (m.dead || m.kind != "nominal") continue;
            auto it = country_group.find(lower(m.key));
            if (it == country_group.end()) { m.dead = true; continue; }   // no country named in the story
            m.group = it->second;
            gs_[size_t(it->second)].mentions.push_back(int(i));
        }
    }

    // ---- roles ----------------------------------------------------------------------------------
    bool stop_in_role(uint32_t i) const {
        if (!word(i)) return true;
        std::string_view p = pos(i);
        if (!p.empty() && (p[0] == 'V' || p == "MD" || p == "IN" || p == "CC" || p == "DT" || p == "PRP" || p == "PRP$" ||
                           p == "WP" || p == "WDT" || p == "CD" || p == "TO" || p == "RB"))
            return !(role_word(i) || demonym(i) || modifier(i) || cap(i));
        return determiner(i);
    }

    // Title words right before a name: "a former Ecuadorian Vice-President [Jorge Glas]".
    std::string role_before(uint32_t t0, char& gender) const {
        if (t0 == 0) return {};
        uint32_t j = t0 - 1;
        if (sent_[j] != sent_[t0] || sent_[j] < 0) return {};
        if (!role_word(j) || tx(j).back() == '.') return {};   // "Mr." is an honorific, not a role
        gender = role_gender(j);
        uint32_t first = j;
        uint32_t lo = a_.sentences[size_t(sent_[t0])].first_token;
        for (int steps = 0; steps < 7 && first > lo; ++steps) {
            uint32_t k = first - 1;
            if (possessive_s(k) && k > lo && cap(k - 1) && word(k - 1)) { first = k - 1; continue; }
            if (!word(k) || determiner(k)) break;
            if (role_word(k) || demonym(k) || modifier(k) || (cap(k) && !is_any(lw(k), {"i"}))) { first = k; continue; }
            std::string_view p = pos(k);
            if (!p.empty() && (p == "NN" || p == "JJ") && !stop_in_role(k)) { first = k; continue; }
            break;
        }
        // a leading capitalised sentence-initial verb or the like would have stopped above;
        return std::string(a_.slice(a_.tokens[first].start, a_.tokens[j].end));
    }

    // Apposition right after a name: "Roberto Canseco, head of the … in Quito, told …".
    std::string apposition_after(uint32_t t1, char& gender) const {
        if (t1 + 1 >= n_ || tx(t1) != "," || sent_[t1] < 0) return {};
        int32_t s = sent_[t1];
        uint32_t b = t1 + 1, e = b;
        while (e < n_ && sent_[e] == s && e < b + 16) {
            std::string_view w = tx(e);
            if (w == "," || w == ";" || w == ")" || w == "(" || a_.tokens[e].kind == TokenKind::Quote) break;
            if (a_.tokens[e].kind == TokenKind::Punct && (w == "." || w == "!" || w == "?")) break;
            std::string_view p = pos(e);
            if (!p.empty() && (p == "VBD" || p == "VBZ" || p == "VBP" || p == "VB" || p == "MD" || p == "WP" || p == "WDT")) return {};
            if (cover_[e] != kNone && ms_[size_t(cover_[e])].type == "PERSON") return {};
            ++e;
        }
        if (e == b || e >= n_ || sent_[e] != s) return {};
        if (e == b + 16) return {};
        // a role word among the first words (after determiners, possessives, modifiers)
        uint32_t k = b;
        if (determiner(k)) ++k;
        uint32_t start = k;
        bool found = false;
        for (uint32_t steps = 0; k < e && steps < 5; ++k, ++steps) {
            if (role_word(k)) { found = true; gender = role_gender(k); break; }
            if (possessive_s(k) || demonym(k) || modifier(k) || cap(k) || pos_is(k, "JJ") || pos_is(k, "NN")) continue;
            break;
        }
        if (!found) return {};
        return std::string(a_.slice(a_.tokens[start].start, a_.tokens[e - 1].end));
    }

    void roles_and_gender() {
        for (size_t g = 0; g < gs_.size(); ++g) {
            Group& G = gs_[g];
            if (G.parent >= 0 || G.mentions.empty() || G.type != "PERSON") continue;
            std::stable_sort(G.mentions.begin(), G.mentions.end(), [&](int x, int y) { return ms_[size_t(x)].start < ms_[size_t(y)].start; });
            for (int mi : G.mentions) {
                const M& m = ms_[size_t(mi)];
                if (m.kind == "nominal") continue;
                if (const char a = address_gender(m); a != '-') G.gender = a;   // forms of address
                char gr = '-';
                if (G.role.empty()) {
                    std::string r = role_before(m.t0, gr);
                    if (r.empty()) r = apposition_after(m.t1, gr);
                    if (!r.empty()) { G.role = r; if (G.gender == '-') G.gender = gr; }
                }
            }
            // else the first name's ("Hillary Clinton")
            const size_t sp = G.canonical.find(' ');
            if (G.gender == '-' && sp != std::string::npos) G.gender = first_name_gender(std::string_view(G.canonical).substr(0, sp));
        }
    }

    // ---- 5. pronouns and descriptions --------------------------------------------------------------

    void add_mention(int g, uint32_t t0, uint32_t t1, const char* kind) {
        const int mi = new_mention(t0, t1, gs_[size_t(g)].type);
        ms_[size_t(mi)].kind = kind;
        ms_[size_t(mi)].group = g;
        gs_[size_t(g)].mentions.push_back(mi);
    }

    // Is a speech cue among the two words after token t1 (exclusive end of a mention), in its sentence?
    bool speech_after(uint32_t t1) const {
        for (uint32_t k = t1; k < n_ && k < t1 + 3 && sent_[k] == sent_[t1 - 1]; ++k) {
            if (!word(k)) continue;
            auto it = cue_lexicon().words.find(std::string(lw(k)));
            if (it != cue_lexicon().words.end() && it->second.cls != CueClass::Source) return true;
        }
        return false;
    }
    bool verb_at(uint32_t k) const {
        if (k >= n_ || k >= a_.pos.size()) return false;
        static const std::vector<uint8_t> verb = [] {
            std::vector<uint8_t> v;
            for (const std::string& t : pos_tag_names()) v.push_back(t.size() >= 2 && t[0] == 'V' && t[1] == 'B' ? 1 : t == "MD");
            return v;
        }();
        return a_.pos[k] < verb.size() && verb[a_.pos[k]];
    }

    void resolve_pronouns() {
        // person groups mentioned in each sentence, in token order (pronouns added as resolved)
        struct Seen { int g; uint32_t t0, t1; };
        std::vector<std::vector<Seen>> seen(a_.sentences.size());
        std::vector<int> person_at(n_, kNone);
        std::vector<uint32_t> person_end(n_, 0);
        for (const M& m : ms_)
            if (!m.dead && m.group >= 0 && m.kind != "nominal" && gs_[size_t(root(m.group))].type == "PERSON") {
                person_at[m.t0] = root(m.group);
                person_end[m.t0] = m.t1;
            }
        const tagging::LinearModel* model = entities::pronoun_model();
        void* hook_context = nullptr;
        const entities::PronounHook hook = entities::pronoun_hook(&hook_context);
        std::vector<uint32_t> count(gs_.size(), 0);
        std::vector<std::vector<std::pair<uint32_t, uint32_t>>> spans;   // per group, training only
        if (hook) spans.resize(gs_.size());
        int last_speaker = kNone;
        for (uint32_t t = 0; t < n_; ++t) {
            int32_t s = sent_[t];
            if (s < 0) continue;
            // a person named inside quote marks is what was said, not who is around to be "he"
            if (person_at[t] != kNone) {
                if (!in_quote_[t]) {
                    const int g = person_at[t];
                    seen[size_t(s)].push_back({g, t, person_end[t]});
                    ++count[size_t(g)];
                    if (hook) spans[size_t(g)].push_back({a_.tokens[t].start, a_.tokens[person_end[t] - 1].end});
                    if (speech_after(person_end[t])) last_speaker = g;
                }
                continue;
            }
            if (!word(t) || cover_[t] != kNone || in_quote_[t]) continue;
            char pg = pronoun_gender(lw(t));
            if (!pg) continue;
            int pick = kNone;
            if (model || hook) pick = rank_pronoun(t, s, pg, seen, count, last_speaker, model, hook, hook_context, spans);
            if (!model) {
                // the candidates: this sentence so far, else the nearest earlier sentence (at most two
                // back, not further than the previous paragraph) that names a person
                const std::vector<Seen>* cands = &seen[size_t(s)];
                for (int32_t back = 1; cands->empty() && back <= 4 && s - back >= 0; ++back) {
                    const Sentence& S = a_.sentences[size_t(s - back)];
                    if (S.paragraph + 2 < a_.sentences[size_t(s)].paragraph) break;
                    cands = &seen[size_t(s - back)];
                }
                pick = kNone;
                bool clear = true;
                for (const Seen& x : *cands) {
                    char gg = gs_[size_t(x.g)].gender;
                    if (gg != '-' && gg != pg) continue;
                    if (pick == kNone) pick = x.g;
                    else if (pick != x.g) clear = false;
                }
                if (!clear) pick = kNone;
            }
            if (pick == kNone) continue;
            Group& G = gs_[size_t(pick)];
            if (G.gender == '-') G.gender = pg;
            add_mention(pick, t, t + 1, "pronoun");
            seen[size_t(s)].push_back({pick, t, t + 1});
            ++count[size_t(pick)];
            if (hook) spans[size_t(pick)].push_back({a_.tokens[t].start, a_.tokens[t].end});
            if (speech_after(t + 1)) last_speaker = pick;
        }
    }

    // The learned ranker over the persons of this sentence so far and the three before it (not
    // further back than the previous paragraph but one): the best-scoring one when its score is
    // positive, else none. Reports every choice to the training hook when one is set.
    template <class SeenT>
    int rank_pronoun(uint32_t t, int32_t s, char pg, const std::vector<std::vector<SeenT>>& seen, const std::vector<uint32_t>& count,
                     int last_speaker, const tagging::LinearModel* model, entities::PronounHook hook, void* hook_context,
                     const std::vector<std::vector<std::pair<uint32_t, uint32_t>>>& spans) {
        struct Cand { int g; uint32_t back, t0, t1; };
        std::vector<Cand> cands;
        for (int32_t back = 0; back <= 3 && s - back >= 0 && cands.size() < 8; ++back) {
            const Sentence& S = a_.sentences[size_t(s - back)];
            if (S.paragraph + 2 < a_.sentences[size_t(s)].paragraph) break;
            const auto& v = seen[size_t(s - back)];
            for (size_t k = v.size(); k-- > 0 && cands.size() < 8;) {
                const int g = v[k].g;
                const char gg = gs_[size_t(g)].gender;
                if (gg != '-' && gg != pg) continue;
                bool dup = false;
                for (const Cand& c : cands) dup = dup || c.g == g;
                if (!dup) cands.push_back({g, uint32_t(back), v[k].t0, v[k].t1});
            }
        }
        if (cands.empty()) return kNone;
        uint32_t most = 0;
        for (const Cand& c : cands) most = std::max(most, count[size_t(c.g)]);
        const uint32_t pf = a_.sentences[size_t(s)].first_token;
        entities::PronounChoice choice;
        if (hook) { choice.start = a_.tokens[t].start; choice.end = a_.tokens[t].end; }
        const bool pronoun_speaks = speech_after(t + 1);
        int best = kNone;
        float best_score = 0;
        uint64_t f[entities::kMaxPronounFeatures];
        for (size_t r = 0; r < cands.size(); ++r) {
            const Cand& c = cands[r];
            entities::PronounCandidate pc;
            pc.sentences_back = c.back;
            pc.recency = uint32_t(r);
            pc.candidates = uint32_t(cands.size());
            pc.mentions = count[size_t(c.g)];
            pc.gender = gs_[size_t(c.g)].gender;
            pc.pronoun_gender = pg;
            pc.spoke = speech_after(c.t1);
            pc.pronoun_speaks = pronoun_speaks;
            const uint32_t cf = a_.sentences[size_t(sent_[c.t0])].first_token;
            pc.sentence_initial = c.t0 <= cf + 1;
            pc.before_verb = verb_at(c.t1);
            pc.same_paragraph = a_.tokens[c.t0].paragraph == a_.tokens[t].paragraph;
            pc.pronoun_initial = t == pf;
            pc.last_speaker = c.g == last_speaker;
            pc.most_mentioned = count[size_t(c.g)] == most;
            const size_t n = entities::pronoun_features(pc, f);
            if (hook) { choice.features.emplace_back(f, f + n); choice.spans.push_back(spans[size_t(c.g)]); }
            if (model) {
                float sc[2] = {0, 0};
                model->score(f, n, sc);
                const float m = sc[1] - sc[0];
                if (m > best_score) { best_score = m; best = c.g; }
            }
        }
        if (hook) hook(hook_context, choice);
        return best;
    }

    // "the former vice-president": the one person whose role has that title
    void resolve_descriptions() {
        std::vector<std::pair<std::string, int>> roles;   // role words, group
        std::vector<uint32_t> first_at(gs_.size(), UINT32_MAX);
        for (size_t g = 0; g < gs_.size(); ++g) {
            const Group& G = gs_[g];
            if (G.parent >= 0 || G.mentions.empty() || G.type != "PERSON" || G.role.empty()) continue;
            roles.emplace_back(role_words(G.role), int(g));
            for (int mi : G.mentions) first_at[g] = std::min(first_at[g], ms_[size_t(mi)].t0);
        }
        if (roles.empty()) return;
        for (uint32_t t = 0; t + 1 < n_; ++t) {
            if (lw(t) != "the" || cover_[t] != kNone || in_quote_[t] || sent_[t] < 0) continue;
            uint32_t k = t + 1;
            while (k < n_ && k < t + 3 && (modifier(k) || demonym(k)) && !role_word(k)) ++k;
            if (k >= n_ || !role_word(k) || cover_[k] != kNone) continue;
            uint32_t e = k + 1;
            if (e < n_ && role_word(e) && !(tx(e).back() == '.')) ++e;   // "vice president"
            if (e < n_ && ((word(e) && cap(e)) || lw(e) == "of" || possessive_s(e))) continue;   // a name or "of" follows
            std::string want = role_words(a_.slice(a_.tokens[k].start, a_.tokens[e - 1].end));
            int pick = kNone;
            bool clear = true;
            for (auto& [rw, g] : roles) {
                if (first_at[size_t(g)] >= t) continue;
                size_t at = rw.find(want);
                if (at == std::string::npos || at + want.size() != rw.size()) continue;   // the role's head
                if (pick == kNone) pick = g;
                else clear = false;
            }
            if (pick == kNone || !clear) continue;
            add_mention(pick, t, e, "nominal");
            t = e - 1;
        }
    }

    // ---- 6. output ------------------------------------------------------------------------------------
    bool speech_near(const M& m) const {
        for (uint32_t t = m.t1; t < n_ && t < m.t1 + 3; ++t)
            if (speech_flags(lw(t)) & SPEECH_SPEAKER_BEFORE) return true;
        for (uint32_t t = m.t0 >= 2 ? m.t0 - 2 : 0; t < m.t0; ++t)
            if (speech_flags(lw(t)) & SPEECH_SPEAKER_AFTER) return true;
        return false;
    }

    void emit() {
        struct Out { Entity e; uint32_t first; double raw; uint32_t first_tok; bool lead, speaks; };
        std::vector<Out> outs;
        uint32_t lead_end = a_.sentences.empty() ? 0 : a_.sentences[0].first_token + a_.sentences[0].token_count;
        if (!a_.sentences.empty()) {   // the first story paragraph is the lead
            uint32_t p = a_.sentences[0].paragraph;
            for (const Sentence& S : a_.sentences) if (S.paragraph == p) lead_end = S.first_token + S.token_count;
        }
        for (size_t g = 0; g < gs_.size(); ++g) {
            Group& G = gs_[g];
            if (G.parent >= 0 || G.mentions.empty()) continue;
            Out o;
            o.e.type = G.type;
            o.e.canonical = G.canonical;
            o.e.role = G.role;
            o.raw = 0;
            o.first = UINT32_MAX;
            o.first_tok = UINT32_MAX;
            o.lead = o.speaks = false;
            bool has_name = false;
            for (int mi : G.mentions) {
                const M& m = ms_[size_t(mi)];
                if (m.dead) continue;
                o.e.mentions.push_back({m.start, m.end, m.kind});
                has_name |= m.kind == "name" || m.kind == "alias";
                o.raw += m.kind == "nominal" ? 0.5 : m.kind == "pronoun" ? 0.7 : 1.0;
                o.first = std::min(o.first, m.start);
                o.first_tok = std::min(o.first_tok, m.t0);
                o.lead |= m.t0 < lead_end;
                if (m.kind != "nominal") o.speaks |= speech_near(m);
            }
            if (!has_name || o.e.mentions.empty()) continue;
            if (o.e.canonical.empty()) o.e.canonical = std::string(a_.slice(o.e.mentions[0].start, o.e.mentions[0].end));
            std::stable_sort(o.e.mentions.begin(), o.e.mentions.end(),
                      [](const Mention& x, const Mention& y) { return x.start < y.start || (x.start == y.start && x.end < y.end); });
            outs.push_back(std::move(o));
        }
        std::stable_sort(outs.begin(), outs.end(), [](const Out& x, const Out& y) { return x.first < y.first; });
        double max_raw = 0;
        for (const Out& o : outs) max_raw = std::max(max_raw, o.raw);
        a_.entities.clear();
        a_.entities.reserve(outs.size());
        double nt = n_ ? double(n_) : 1.0;
        for (size_t i = 0; i < outs.size(); ++i) {
            Out& o = outs[i];
            double s = 0.5 * (max_raw > 0 ? o.raw / max_raw : 0) + 0.2 * (1.0 - double(o.first_tok) / nt) + (o.lead ? 0.15 : 0) +
                       (o.speaks ? 0.15 : 0);
            s = std::min(1.0, std::max(0.0, s));
            o.e.salience = double(int64_t(s * 1000 + 0.5)) / 1000.0;
            o.e.id = "e" + std::to_string(i + 1);
            a_.entities.push_back(std::move(o.e));
        }
    }
};

}  // namespace

void group_entities(Analysis& a) {
    if (a.tokens.empty()) return;   // no tagger mentions still leaves demonyms and "the platform X"
    if (a.entities.empty() && a.sentences.empty()) return;
    Grouper g(a);
    g.run();
}

}  // namespace ae

