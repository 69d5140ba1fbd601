// news-stats gazetteers: cleans name lists (Wikipedia titles and redirects) and keeps the
// entries modern news writes as names.
//
// Cleaning: namespace lines (`Category:`, `List of`, `Template:`...) and `X of Y` topic titles
// go, HTML entities are decoded, a trailing disambiguator goes (`Brooklyn Dodgers (NFL)` ->
// `Brooklyn Dodgers`), and a place's `Town, State` keeps its town. Each entry is cut into
// tokens by the core's tokenizer, so its key is what the tagger computes from a text.
// The frequency cut: an entry stays when the corpus has it, not sentence-initially, at least
// --min-count times written as a name (its words capitalised, function words aside), and as a
// name at least --min-share of the times it occurs at all: `Target`, `Home` or `Apple`-like
// common words are cut where lowercase use dominates.
#include "corpus.h"
#include "gazetteers.h"

#include "article_explorer/analysis.h"
#include "article_explorer/text.h"
#include "article_explorer/tokens.h"
#include "model/word_info.h"
#include "tagging/ner.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <unordered_map>
#include <unordered_set>

namespace newsstats {
namespace {

using ae::model::WordInfo;

struct Entry {
    std::string category, phrase;    // phrase: tokens joined by one space
    uint64_t key = 0;                // phrase hash over token lowercase hashes (tagging/ner.h)
    size_t tokens = 0;
};

bool starts_with(std::string_view s, std::string_view p) { return s.size() >= p.size() && s.compare(0, p.size(), p) == 0; }

std::string decode_entities(std::string s) {
    static const std::pair<const char*, const char*> kEnt[] = {{"&amp;", "&"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&apos;", "'"}, {"&lt;", "<"}, {"&gt;", ">"}};
    for (auto& [from, to] : kEnt)
        for (size_t p; (p = s.find(from)) != std::string::npos;) s.replace(p, std::char_traits<char>::length(from), to);
    return s;
}

// Function words that a written name keeps lowercase ("Bank of America", "Court of Justice").
bool function_word(std::string_view w) {
    static const std::unordered_set<std::string_view> kWords = {
        "of", "the", "and", "for", "on", "in", "at", "de", "la", "le", "les", "du", "des", "del", "der", "den",
        "di", "da", "do", "dos", "das", "von", "van", "y", "e", "et", "&", "a", "an", "to", "upon", "am", "im",
        "'s", "-", "--", ".", ",", "'"};
    return kWords.count(w) != 0;
}

// The cleaned form of one list line, or "" when the line is dropped.
std::string clean_entry(std::string s, bool place) {
    while (!s.empty() && (s.back() == '\r' || s.back() == ' ')) s.pop_back();
    if (starts_with(s, "\xEF\xBB\xBF")) s.erase(0, 3);   // BOM
    s = decode_entities(s);
    // Namespaces (Category:, Template:, User:, UN/LOCODE: ...), lists, sub-pages.
    const size_t colon = s.find(':');
    if (colon != std::string::npos && colon < 20) return "";
    if (starts_with(s, "List of") || starts_with(s, "Lists of") || s.find('/') != std::string::npos) return "";
    // A trailing disambiguator.
    if (!s.empty() && s.back() == ')') {
        size_t open = s.rfind(" (");
        if (open == std::string::npos) return "";
        s.erase(open);
    }
    if (s.find_first_of("()[]{}|=") != std::string::npos) return "";
    // A place's "Town, State[, Country]": the town.
    if (place) { size_t comma = s.find(','); if (comma != std::string::npos) s.erase(comma); }
    // Topic titles: "Economy of Algeria", "History of the Jews in Poland".
    size_t of = s.find(" of ");
    if (of != std::string::npos) {
        static const char* const kTopics[] = {"Economy", "History", "Geography", "Demographics", "Politics", "Culture",
                                              "Transport", "Transportation", "Music", "Communications", "Military",
                                              "Foreign relations", "Flag", "Coat of arms", "Religion", "Education",
                                              "Tourism", "Sport", "Sports", "Climate", "Government", "Subdivisions",
                                              "Administrative divisions", "Languages", "Outline", "Timeline", "Index"};
        for (const char* t : kTopics) if (s.compare(0, of, t) == 0) return "";
    }
    return s;
}

}  // namespace

int filter_gazetteers(const GazetteerOptions& opt) {
    // Read and clean every list; one entry per (category, token sequence).
    std::vector<Entry> entries;
    std::map<std::pair<std::string, std::string>, size_t> seen;
    ae::Analysis a;
    size_t lines = 0, dropped = 0;
    for (const auto& [category, path] : opt.lists) {
        std::ifstream in(path);
        if (!in) { std::fprintf(stderr, "news-stats: cannot read %s\n", path.c_str()); return 1; }
        const bool place = category.find("LOC") != std::string::npos;
        for (std::string line; std::getline(in, line);) {
            ++lines;
            std::string s = clean_entry(line, place);
            if (s.empty() || ae::clean_text(s).invalid_bytes) { ++dropped; continue; }
            a.tokens.clear();
            ae::tokenize(s, 0, uint32_t(s.size()), 0, a.tokens);
            if (a.tokens.empty() || a.tokens.size() > ae::tagging::kGazMaxTokens) { ++dropped; continue; }
            // A possessive title ("Michael's", a shop) would match every "Michael 's" in a text.
            const ae::Token& tail = a.tokens.back();
            if (a.tokens.size() > 1 && (s.compare(tail.start, tail.end - tail.start, "'s") == 0 ||
                                        s.compare(tail.start, tail.end - tail.start, "\xE2\x80\x99s") == 0)) { ++dropped; continue; }
            Entry e;
            e.category = category;
            e.key = ae::tagging::kPhraseSeed;
            bool letter = false;
            for (auto& t : a.tokens) {
                std::string_view tok(s.data() + t.start, t.end - t.start);
                if (!e.phrase.empty()) e.phrase += ' ';
                e.phrase.append(tok);
                WordInfo wi;
                ae::model::compute_word_info(tok, wi);
                letter |= (wi.flags & ae::model::kHasLetter) != 0;
                e.key = ae::tagging::phrase_step(e.key, wi.lower);
            }
            if (!letter) { ++dropped; continue; }
            e.tokens = a.tokens.size();
            // Keyed by the lowercase key: "apple inc." and "Apple Inc." are one entry.
            std::string low = e.phrase;
            for (char& c : low) if (c >= 'A' && c <= 'Z') c = char(c + 32);
            auto k = std::make_pair(category, low);
            if (seen.count(k)) continue;
            seen.emplace(k, entries.size());
            entries.push_back(std::move(e));
        }
    }
    std::fprintf(stderr, "news-stats: %zu list lines, %zu dropped by cleaning, %zu entries\n", lines, dropped, entries.size());

    // Phrase keys -> entries, and the keys of proper prefixes (to stop a search early).
    std::unordered_map<uint64_t, std::vector<uint32_t>> by_key;
    std::unordered_set<uint64_t> prefixes;
    for (uint32_t i = 0; i < entries.size(); ++i) by_key[entries[i].key].push_back(i);
    for (auto& e : entries) {
        a.tokens.clear();
        ae::tokenize(e.phrase, 0, uint32_t(e.phrase.size()), 0, a.tokens);
        uint64_t h = ae::tagging::kPhraseSeed;
        for (size_t k = 0; k + 1 < a.tokens.size(); ++k) {
            h = ae::tagging::phrase_step(h, ae::model::lower_hash(std::string_view(e.phrase.data() + a.tokens[k].start, a.tokens[k].end - a.tokens[k].start)));
            prefixes.insert(h);
        }
    }
    // Count in the corpus: written as a name, and at all (not sentence-initially).
    std::vector<uint64_t> as_name(entries.size(), 0), total(entries.size(), 0);
    std::vector<WordInfo> info;
    std::vector<uint8_t> namelike;
    char buf[64];
    long articles = for_each_sentence(list_files(opt.corpus), [&](const SentenceView& s) {
        const size_t n = s.tokens.size();
        info.resize(n);
        namelike.resize(n);
        bool any_lower = false;
        for (size_t i = 0; i < n; ++i) {
            ae::model::compute_word_info(s.tokens[i], info[i]);
            any_lower |= (info[i].flags & ae::model::kHasLower) != 0;
            size_t nb = ae::model::normalise_lower(s.tokens[i], buf, sizeof buf);
            namelike[i] = (info[i].flags & (ae::model::kInitCap | ae::model::kAllCaps | ae::model::kHasDigit)) || !(info[i].flags & ae::model::kHasLetter) ||
                          function_word(std::string_view(buf, nb));
        }
        if (!any_lower) return;   // an all-caps line says nothing about case
        for (size_t st = 1; st < n; ++st) {
            uint64_t h = ae::tagging::kPhraseSeed;
            bool name = true;
            for (size_t L = 1; L <= ae::tagging::kGazMaxTokens && st + L <= n; ++L) {
                h = ae::tagging::phrase_step(h, info[st + L - 1].lower);
                name = name && namelike[st + L - 1];
                auto it = by_key.find(h);
                if (it != by_key.end()) {
                    // Written as a name: its first word capitalised, the rest names or function words.
                    const bool cap = name && (info[st].flags & (ae::model::kInitCap | ae::model::kAllCaps | ae::model::kHasDigit));
                    for (uint32_t i : it->second) { ++total[i]; if (cap) ++as_name[i]; }
                }
                if (!prefixes.count(h)) break;
            }
        }
    });
    if (articles < 0) return 1;

    std::vector<size_t> keep;
    std::map<std::string, size_t> kept_by_cat;
    for (size_t i = 0; i < entries.size(); ++i) {
        if (as_name[i] < opt.min_count || double(as_name[i]) < opt.min_share * double(total[i])) continue;
        keep.push_back(i);
        ++kept_by_cat[entries[i].category];
    }
    std::sort(keep.begin(), keep.end(), [&](size_t x, size_t y) {
        return entries[x].category != entries[y].category ? entries[x].category < entries[y].category : entries[x].phrase < entries[y].phrase;
    });
    std::ofstream out(opt.out);
    out << "# category\tphrase (tokens)\ttimes written as a name in the corpus\ttimes at all\n";
    for (size_t i : keep) out << entries[i].category << '\t' << entries[i].phrase << '\t' << as_name[i] << '\t' << total[i] << '\n';
    if (!out) { std::fprintf(stderr, "news-stats: cannot write %s\n", opt.out.c_str()); return 1; }
    for (auto& [c, n] : kept_by_cat) std::fprintf(stderr, "news-stats: %s: %zu entries kept\n", c.c_str(), n);
    std::fprintf(stderr, "news-stats: wrote %zu entries to %s\n", keep.size(), opt.out.c_str());
    return 0;
}

}  // namespace newsstats
