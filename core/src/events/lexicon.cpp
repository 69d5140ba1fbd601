// The events stage's lexicons: the event triggers (assets/lexicons/event-triggers.txt, with the
// regular inflections of its verbs and nouns generated) and the word classes (event-words.txt).
#include "article_explorer/events.h"
#include "article_explorer/lexicon.h"
#include "events/words.h"
#include "text/word_table.h"

namespace ae {

namespace {

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> out;
    size_t a = 0;
    while (true) {
        size_t b = s.find(sep, a);
        out.push_back(s.substr(a, b == std::string_view::npos ? std::string_view::npos : b - a));
        if (b == std::string_view::npos) break;
        a = b + 1;
    }
    return out;
}

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Regular verb forms; over-generation (both doubled and plain consonants) is harmless.
std::vector<std::string> verb_inflections(const std::string& v) {
    std::vector<std::string> f = {v};
    if (v.empty()) return f;
    char last = v.back();
    bool e_end = last == 'e';
    std::string stem = e_end ? v.substr(0, v.size() - 1) : v;
    if (last == 'y' && v.size() > 1 && !is_vowel(v[v.size() - 2])) {
        std::string b = v.substr(0, v.size() - 1);
        f.push_back(b + "ies"); f.push_back(b + "ied"); f.push_back(v + "ing");
    } else if (last == 's' || last == 'x' || last == 'z' || (v.size() > 1 && (v.compare(v.size() - 2, 2, "sh") == 0 || v.compare(v.size() - 2, 2, "ch") == 0))) {
        f.push_back(v + "es"); f.push_back(v + "ed"); f.push_back(v + "ing");
    } else {
        f.push_back(v + "s");
        f.push_back(e_end ? v + "d" : v + "ed");
        f.push_back(stem + "ing");
    }
    // consonant doubling: stop -> stopped, level -> levelled
    if (v.size() >= 3 && !is_vowel(last) && last != 'w' && last != 'x' && last != 'y' && is_vowel(v[v.size() - 2]) && !is_vowel(v[v.size() - 3])) {
        f.push_back(v + last + "ed");
        f.push_back(v + last + "ing");
    }
    return f;
}

std::vector<std::string> noun_inflections(const std::string& n) {
    std::vector<std::string> f = {n};
    if (n.empty()) return f;
    char last = n.back();
    if (last == 's') return f;   // already plural (sanctions, talks) or -ss
    if (last == 'y' && n.size() > 1 && !is_vowel(n[n.size() - 2])) f.push_back(n.substr(0, n.size() - 1) + "ies");
    else if (last == 'x' || last == 'z' || (n.size() > 1 && (n.compare(n.size() - 2, 2, "sh") == 0 || n.compare(n.size() - 2, 2, "ch") == 0))) f.push_back(n + "es");
    else f.push_back(n + "s");
    return f;
}

}  // namespace

TriggerLexicon TriggerLexicon::parse(std::string_view text) {
    TriggerLexicon L;
    for_each_lexicon_line(text, [&](const std::vector<std::string_view>& f) {
        if (f.size() < 3 || f[0].empty() || f[2].empty() || f[2] == "-") return;
        Entry e;
        e.lemma = std::string(f[0]);
        e.noun = f[1] == "N";
        e.type = std::string(f[2]);
        if (f.size() > 3 && !f[3].empty()) {
            for (std::string_view alt : split(f[3], '|')) {
                if (alt.empty()) continue;
                Need n;
                if (alt[0] == '@') { n.kind = Need::Prep; n.words.emplace_back(alt.substr(1)); }
                else if (alt[0] == '~') { n.kind = Need::Near; n.words.emplace_back(alt.substr(1)); }
                else for (std::string_view w : split(alt, ' ')) if (!w.empty()) n.words.emplace_back(w);
                if (!n.words.empty()) e.needs.push_back(std::move(n));
            }
        }
        uint32_t id = uint32_t(L.entries.size());
        std::vector<std::string> forms = e.noun ? noun_inflections(e.lemma) : verb_inflections(e.lemma);
        if (f.size() > 4 && !f[4].empty())
            for (std::string_view w : split(f[4], '|')) if (!w.empty()) forms.emplace_back(w);
        auto& map = e.noun ? L.noun_forms : L.verb_forms;
        L.entries.push_back(std::move(e));
        for (const std::string& w : forms) {
            auto& v = map[w];
            if (v.empty() || v.back() != id) v.push_back(id);
        }
    });
    return L;
}

const TriggerLexicon& trigger_lexicon() {
    static const TriggerLexicon L = TriggerLexicon::parse(builtin_lexicon("event-triggers"));
    return L;
}

namespace events {

const EventWords& event_words() {
    static const EventWords L = [] {
        EventWords x;
        struct { std::string_view name; uint32_t bit; } const classes[] = {
            {"be", W_BE}, {"have", W_HAVE}, {"do", W_DO}, {"get", W_GET}, {"neg", W_NEG}, {"subordinator", W_SUBORDINATOR},
            {"light-verb", W_LIGHT_VERB}, {"experiencer", W_EXPERIENCER_LIGHT}, {"carrier", W_CARRIER_PARTICIPLE},
            {"object-control", W_OBJECT_CONTROL}, {"future-matrix", W_FUTURE_MATRIX}, {"negative-matrix", W_NEGATIVE_MATRIX},
            {"non-event", W_NON_EVENT}, {"vehicle", W_VEHICLE}, {"quantity-noun", W_QUANTITY_NOUN}, {"non-action", W_NON_ACTION}};
        for_each_lexicon_line(builtin_lexicon("event-words"), [&](const std::vector<std::string_view>& c) {
            if (c.size() < 2) return;
            for_each_flag(c[1], [&](std::string_view f) {
                if (f == "unaccusative") { x.unaccusative.push_back(c[0]); return; }
                for (const auto& k : classes) if (f == k.name) x.bits[c[0]] |= k.bit;
            });
        });
        for_each_pronoun([&](std::string_view w) { x.bits[w] |= W_PERSONAL_PRONOUN; });
        for (std::string_view p : {";", ":", "(", ")"}) x.bits[p] |= W_BOUNDARY_PUNCT;
        return x;
    }();
    return L;
}

uint32_t word_bits(std::string_view w) {
    const auto& bits = event_words().bits;
    auto it = bits.find(w);
    return it == bits.end() ? 0u : it->second;
}

bool is_unaccusative(std::string_view w) {
    for (std::string_view st : event_words().unaccusative) {
        size_t n = st.size();
        if (n && (w.empty() || w[0] != st[0])) continue;   // most stems differ in their first letter
        if (w.size() >= n && w.compare(0, n, st) == 0 && w.size() <= n + 3) return true;
    }
    return false;
}

const WordLex& word_lex(std::string_view w) {
    static const WordTable<WordLex> table = [] {
        WordTable<WordLex> m;
        const TriggerLexicon& L = trigger_lexicon();
        for (const auto& [k, ids] : L.verb_forms) m[k].verb_ids = &ids;
        for (const auto& [k, ids] : L.noun_forms) m[k].noun_ids = &ids;
        for (const auto& [k, e] : cue_lexicon().words) m[k].cue = &e;
        m.for_each([](std::string_view k, WordLex& x) { x.bits = word_bits(k); });
        // words of the lists that are in no lexicon
        for (const auto& [k, bits] : event_words().bits) m[k].bits = bits;
        return m;
    }();
    static const WordLex none;
    const WordLex* x = table.find(w);
    return x ? *x : none;
}

}  // namespace events

}  // namespace ae
