// eval-entities: is our entity for an attribution's Source the right person? (PolNeAR)
//
// For every attribution (brat Source spans in code-point offsets, attributions/*.ann) whose
// Source is a person's name (`Trump`, `Mr. Obama`, `Hillary Clinton`) or a pronoun (he/she):
//   * names: the gold person is the source's full name found in the document — the most
//     frequent run of two or more capitalised words ending in the source's last word and
//     containing all its words (titles such as `Mr.`/`Sen.`/`President` dropped); a source with
//     an honorific but no fuller name in the text counts with its bare surname; a parenthesis
//     (`Sen. Lindsey Graham (R-S.C.)`) is neither part of a source's name nor of a run. Our entity is
//     the one with a mention inside the source span; it is right when its canonical name has
//     the gold name's first and last words (case-insensitive).
//   * pronouns: PolNeAR has no coreference, so the gold person is a silver one: the person of
//     the nearest earlier name Source in the same document (how news attributions chain) whose
//     gender (name_gender below) does not contradict the pronoun's. Our
//     entity is the one with the pronoun as a mention; unresolved counts as not right.
//   Sources that end in an organisation word (`Post`, `Times`, `Committee`) are not people.
// Prints counts and accuracies: names, pronouns, both. usage: eval-entities DIR [--errors N]
#include "article_explorer/analysis.h"
#include "../common/polnear.h"
#include "article_explorer/entities.h"
#include "article_explorer/lexicon.h"
#include "entities/lexicons.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <dirent.h>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <unordered_set>
#include <vector>

namespace {

// ASCII lowercase, with the curly apostrophe folded to ' (`O’Neill` is `O'Neill`)
std::string lower(std::string s) {
    for (size_t p; (p = s.find("\xE2\x80\x99")) != std::string::npos;) s.replace(p, 3, "'");
    for (char& c : s) if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    return s;
}

bool is_cap(const std::string& w) {
    if (w.empty()) return false;
    unsigned char c = (unsigned char)w[0];
    return (c >= 'A' && c <= 'Z') || (c == 0xC3 && w.size() > 1 && (unsigned char)w[1] <= 0x9E);
}

// words of a span: split on spaces and punctuation except . ' - inside words; "’s"/"'s" dropped
std::vector<std::string> words(const std::string& s) {
    std::vector<std::string> r;
    std::string cur;
    auto flush = [&]() {
        while (!cur.empty() && (cur.back() == '.' || cur.back() == '\'' || cur.back() == '-')) {
            if (cur.back() == '.' && cur.size() <= 4 && is_cap(cur)) break;   // Mr. Sen. J.
            cur.pop_back();
        }
        if (cur.size() > 2 && (cur.compare(cur.size() - 2, 2, "'s") == 0)) cur.resize(cur.size() - 2);
        if (cur.size() > 4 && cur.compare(cur.size() - 4, 4, "\xE2\x80\x99s") == 0) cur.resize(cur.size() - 4);
        if (!cur.empty()) r.push_back(cur);
        cur.clear();
    };
    for (size_t i = 0; i < s.size(); ++i) {
        unsigned char c = (unsigned char)s[i];
        bool keep = (c & 0x80) || std::isalnum(c) || c == '.' || c == '\'' || c == '-';
        if (c == 0xE2 && i + 2 < s.size() && (unsigned char)s[i + 1] == 0x80 &&
            ((unsigned char)s[i + 2] == 0x9C || (unsigned char)s[i + 2] == 0x9D || (unsigned char)s[i + 2] == 0x94 || (unsigned char)s[i + 2] == 0x93)) {
            flush();   // curly double quotes, dashes
            i += 2;
            continue;
        }
        if (keep) cur += char(c);
        else flush();
    }
    flush();
    return r;
}

struct Titles {
    std::unordered_set<std::string> w;
    Titles() {
        std::string_view t = ae::builtin_lexicon("person-roles");
        std::istringstream in{std::string(t)};
        std::string line;
        while (std::getline(in, line)) {
            if (line.empty() || line[0] == '#') continue;
            w.insert(line.substr(0, line.find('\t')));
        }
        for (const char* x : {"the", "rev.", "rev", "former", "democratic", "republican", "gop", "u.s.", "us", "vice", "but", "and",
                              "when", "if", "as", "after", "before", "while", "then", "so", "in", "on", "at", "for", "with",
                              "by", "from", "of", "to", "that", "this", "a", "an", "said", "says", "secretary", "state", "house",
                              "senate", "white", "dem", "mrs", "ms", "mr", "dr", "sen", "gov", "rep", "gen", "lt", "presidential",
                              "nominee", "candidate", "hillary’s", "meanwhile", "still", "yet", "now", "also", "even", "though",
                              "although", "because", "since", "until", "here", "there", "it", "he", "she", "they", "we", "i",
                              // quantifiers, determiners, prepositions and verbs that open a sentence
                              // before a name (`Many Democrats`, `Beyond Trump`, `Say Mexico`)
                              "many", "some", "most", "few", "several", "all", "both", "other", "others", "another", "one",
                              "only", "just", "every", "each", "no", "not", "or", "nor", "what", "who", "why", "how", "where",
                              "which", "these", "those", "his", "her", "its", "their", "our", "my", "your", "beyond", "unlike",
                              "like", "say", "despite", "during", "among", "against", "without", "about", "over", "under",
                              "through", "across", "behind", "unless", "whether", "interim", "del", "del."})
            w.insert(x);
    }
    bool has(const std::string& x) const {
        const std::string l = lower(x);
        return w.count(l) > 0 || (l.size() > 1 && l.back() == '.' && w.count(l.substr(0, l.size() - 1)) > 0);   // `Sen.`
    }
};

const std::unordered_set<std::string>& org_words() {
    static const std::unordered_set<std::string> w = {
        "post", "times", "news", "journal", "party", "committee", "campaign", "department", "house", "office",
        "university", "institute", "center", "foundation", "association", "council", "agency", "service", "bureau",
        "network", "press", "magazine", "tribune", "observer", "herald", "review", "poll", "court", "commission",
        "administration", "group", "inc.", "corp.", "company", "fund", "project", "report", "today", "street", "state"};
    return w;
}

// The gender a name Source's own words give, 'm' | 'f' | '-': a form of address (person-roles.txt:
// `Mr. Obama`, `Mrs. Clinton`), else its first word as a first name in first-names.txt (`Hillary
// Clinton`). The silver person of a he/she Source is the nearest earlier name Source whose gender
// does not contradict the pronoun's: `she` is not Donald Trump.
char name_gender(const std::string& text) {
    std::string w;
    std::istringstream ss(text);
    if (!(ss >> w)) return '-';
    w = lower(w);
    const ae::TitleWord* t = ae::title_word(w);
    if (t && (t->flags & ae::TITLE_ADDRESS) && t->gender != '-') return t->gender;
    const ae::entities::LexWord* x = ae::entities::lexicon_words().find(w);
    return x ? x->first_gender : '-';
}

struct Source { uint32_t s = 0, e = 0; std::string text; };

std::vector<Source> parse_sources(const std::string& path) {
    std::vector<Source> r;
    std::ifstream f(path);
    std::string line;
    while (std::getline(f, line)) {
        std::vector<std::string> col;
        std::stringstream ss(line);
        std::string c;
        while (std::getline(ss, c, '\t')) col.push_back(c);
        if (col.size() < 3 || col[0].empty() || col[0][0] != 'T') continue;
        std::string kind = col[1].substr(0, col[1].find(' '));
        if (kind != "Source") continue;
        unsigned s = 0, e = 0;
        std::string spec = col[1].substr(col[1].find(' ') + 1);
        if (spec.find(';') != std::string::npos) continue;   // discontinuous: skip
        if (std::sscanf(spec.c_str(), "%u %u", &s, &e) != 2) continue;
        r.push_back({s, e, col[2]});
    }
    std::sort(r.begin(), r.end(), [](const Source& x, const Source& y) { return x.s < y.s; });
    return r;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h") {
        std::fprintf(argc < 2 ? stderr : stdout, "usage: eval-entities POLNEAR_SPLIT_DIR [--errors N]\n");
        return argc < 2 ? 2 : 0;
    }
    std::string dir = argv[1];
    int show = 0;
    for (int i = 2; i + 1 < argc; ++i) if (std::string(argv[i]) == "--errors") show = std::atoi(argv[i + 1]);
    std::vector<polnear::Document> documents;
    if (!polnear::list_documents(dir, documents)) { std::printf("skip: %s/attributions absent\n", dir.c_str()); return 0; }
    Titles titles;

    size_t n_name = 0, ok_name = 0, none_name = 0, n_pro = 0, ok_pro = 0, none_pro = 0, docs = 0;
    int shown = 0;
    for (const auto& doc : documents) {
        const std::string& base = doc.name;
        std::string text = polnear::read_file(doc.text_path);
        if (text.empty()) continue;
        ++docs;
        std::vector<Source> sources = parse_sources(doc.ann_path);
        ae::Analysis a = ae::analyze(text, {});
        // code point -> input byte, and input byte -> code point
        const std::vector<uint32_t> cp_of = polnear::code_points(text);
        const uint32_t cp = cp_of.back();
        std::vector<uint32_t> byte_of(cp + 1, uint32_t(text.size()));
        for (size_t i = text.size() + 1; i-- > 0;) byte_of[cp_of[i]] = uint32_t(i);
        auto conv = [&](uint32_t clean) { return cp_of[std::min<size_t>(a.offsets.to_input(clean), text.size())]; };
        struct Our { uint32_t s, e; size_t entity; std::string kind; };
        std::vector<Our> ours;
        for (size_t k = 0; k < a.entities.size(); ++k)
            for (auto& m : a.entities[k].mentions) ours.push_back({conv(m.start), conv(m.end), k, m.kind});

        // candidate full names: windows of 2-4 capitalised words inside one run of capitalised
        // words (a run ends at punctuation or a sentence end), without title words, counted
        std::map<std::string, int> runs;
        {
            std::vector<std::string> run;
            auto flush = [&]() {
                for (size_t e = 2; e <= run.size(); ++e)
                    for (size_t n = 2; n <= 4 && n <= e; ++n) {
                        bool clean = true;
                        std::string k;
                        for (size_t i = e - n; i < e; ++i) {
                            clean &= !titles.has(run[i]) && !org_words().count(lower(run[i]));
                            k += (k.empty() ? "" : " ") + run[i];
                        }
                        if (clean) runs[k]++;
                    }
                run.clear();
            };
            size_t i = 0;
            while (i < text.size()) {
                size_t j = i;
                while (j < text.size() && text[j] != ' ' && text[j] != '\n' && text[j] != '\t') ++j;
                std::string tok = text.substr(i, j - i);
                i = j + 1;
                if (tok.empty()) continue;
                if (tok[0] == '(') { flush(); continue; }   // a parenthesis (`(D-Wis.)`) is not part of a name
                std::vector<std::string> w = words(tok);
                bool breaks_after = !tok.empty() && std::string(",.;:!?)\"").find(tok.back()) != std::string::npos;
                if (tok.size() >= 3 && (unsigned char)tok[tok.size() - 3] == 0xE2) breaks_after = true;   // closing curly quote, dash
                if ((tok.size() >= 2 && tok.compare(tok.size() - 2, 2, "'s") == 0) ||
                    (tok.size() >= 4 && tok.compare(tok.size() - 4, 4, "\xE2\x80\x99s") == 0)) breaks_after = true;   // `CNN’s Jake Tapper`
                // Mr. J. (but `FBI.` ends its sentence)
                bool abbrev = tok.back() == '.' && tok.size() <= 4 && is_cap(tok) && (tok.size() == 2 || titles.has(tok) || titles.has(tok.substr(0, tok.size() - 1)));
                if (w.size() == 1 && is_cap(w[0]) && w[0].size() > 1) run.push_back(w[0]);
                else flush();
                if (breaks_after && !abbrev) flush();
            }
            flush();
        }
        auto full_name = [&](const std::vector<std::string>& sw) -> std::string {
            std::string best;
            int bc = 0;
            for (auto& [k, c] : runs) {
                std::vector<std::string> kw = words(k);
                if (lower(kw.back()) != lower(sw.back())) continue;
                if (sw.size() >= 2 && lower(kw[kw.size() - 2]) != lower(sw[sw.size() - 2])) continue;
                if (c > bc || (c == bc && kw.size() > words(best).size())) { best = k; bc = c; }
            }
            return best;
        };
        auto canon_ok = [&](const std::string& canonical, const std::string& gold) {
            std::vector<std::string> cw = words(canonical), gw = words(gold);
            while (!cw.empty() && titles.has(cw.front()) && cw.size() > 1) cw.erase(cw.begin());
            for (auto* v : {&cw, &gw})   // `Joseph R. Biden Jr.` is Biden
                if (v->size() > 2 && (lower(v->back()) == "jr." || lower(v->back()) == "jr" || lower(v->back()) == "sr.")) v->pop_back();
            if (cw.empty() || gw.empty()) return false;
            if (gw.size() == 1) return lower(cw.back()) == lower(gw.back());
            return lower(cw.front()) == lower(gw.front()) && lower(cw.back()) == lower(gw.back());
        };

        std::vector<std::pair<std::string, char>> persons;   // gold person and gender of each earlier name source
        for (const Source& s : sources) {
            std::string st = lower(s.text);
            bool pronoun = st == "he" || st == "she";
            std::vector<std::string> sw = words(s.text.substr(0, s.text.find('(')));   // `Sen. X (R-S.C.)`: X
            bool honorific = false;
            while (!sw.empty() && titles.has(sw.front())) { honorific |= sw.front().find('.') != std::string::npos || lower(sw.front()) == "mr" || lower(sw.front()) == "ms"; sw.erase(sw.begin()); }
            bool name = !pronoun && !sw.empty() && sw.size() <= 4 && s.text.find(',') == std::string::npos &&
                        std::all_of(sw.begin(), sw.end(), [](const std::string& x) { return is_cap(x); });
            std::string gold;
            if (name) {
                gold = full_name(sw);
                if (gold.empty() && (honorific || sw.size() >= 2)) gold = sw.size() >= 2 ? s.text : sw.back();
                if (gold.empty()) continue;   // not evidently a person (`Republicans`, `PolitiFact`)
                static const std::unordered_set<std::string>& org_heads = org_words();
                if (org_heads.count(lower(words(gold).back()))) continue;   // an organisation
                const char g = name_gender(s.text);   // `Mr. Obama`, else the full name's first name
                persons.push_back({gold, g != '-' ? g : name_gender(gold)});
            } else if (pronoun) {
                // the nearest earlier name source whose gender does not contradict the pronoun's
                const char pg = ae::pronoun_gender(lower(s.text));
                for (size_t k = persons.size(); k-- > 0 && gold.empty();)
                    if (persons[k].second == '-' || persons[k].second == pg) gold = persons[k].first;
                if (gold.empty()) continue;
            } else {
                continue;
            }
            // our entity for the source
            const ae::Entity* ent = nullptr;
            for (auto& o : ours) {
                if (o.s < s.s || o.e > s.e || o.s >= o.e) continue;
                const ae::Entity& e = a.entities[o.entity];
                if (!ent || (e.type == "PERSON" && ent->type != "PERSON")) ent = &e;
            }
            bool ok = ent && canon_ok(ent->canonical, gold);
            (pronoun ? n_pro : n_name)++;
            if (ok) (pronoun ? ok_pro : ok_name)++;
            if (!ent) (pronoun ? none_pro : none_name)++;
            if (!ok && shown < show) {
                ++shown;
                std::printf("  %-28s %-14s gold %-24s ours %s\n", base.substr(0, 28).c_str(), s.text.substr(0, 14).c_str(),
                            gold.c_str(), ent ? (ent->canonical + " (" + ent->type + ")").c_str() : "-");
            }
        }
    }
    auto pct = [](size_t a, size_t b) { return b ? 100.0 * double(a) / double(b) : 0.0; };
    std::printf("documents %zu\n", docs);
    std::printf("name sources    %4zu  right %4zu (%.1f %%)  no entity %zu\n", n_name, ok_name, pct(ok_name, n_name), none_name);
    std::printf("pronoun sources %4zu  right %4zu (%.1f %%)  unresolved %zu  (silver gold: the nearest earlier name source of a compatible gender)\n", n_pro,
                ok_pro, pct(ok_pro, n_pro), none_pro);
    std::printf("speaker->entity accuracy (names + pronouns): %.1f %%\n", pct(ok_name + ok_pro, n_name + n_pro));
    return 0;
}
