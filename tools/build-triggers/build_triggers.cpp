// build-triggers: writes assets/lexicons/event-triggers.txt, the event-trigger lexicon of the
// events stage, from
//   1. the PETRARCH2 CAMEO verb dictionary (CAMEO.2.0.txt: verb blocks with a CAMEO code, verbs
//      with their own codes and irregular forms, `- * OBJECT [code]` patterns), each CAMEO code
//      mapped to the project's event taxonomy (docs/schema.md) (ACE 2005 subtypes + Diplomacy/Statement/
//      Justice.Investigate) by the table in cameo_type() below; codes outside it are dropped;
//   2. nominalisations of those verbs (investigate -> investigation, imprison -> imprisonment,
//      arrest -> arrest), kept only when UD English EWT train uses the noun (NN/NNS lemma);
//   3. the hand-written seeds (tools/build-triggers/seeds.tsv): ACE subtypes CAMEO lacks,
//      irregular nominalisations, light-verb and multi-word triggers. Seeds win over CAMEO.
// The CAMEO code labels file (CAMEO.eventcodes.gdelt.tsv: CRLF line ends, one mojibake line,
// one line with two codes run together) is read only to print the label next to each code in
// --report mode; the mapping does not depend on it.
//
// Usage: build-triggers SHARED_DATA_DIR SEEDS.tsv OUT.txt [--report]
//   e.g. build/native/build-triggers ../shared/data \
//          tools/build-triggers/seeds.tsv assets/lexicons/event-triggers.txt
#include <algorithm>
#include <cctype>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Entry { std::string lemma, pos, type, needs, forms, source; bool explicit_code = true; };

std::string lower(std::string s) { for (char& c : s) c = char(std::tolower((unsigned char)c)); return s; }
std::string trim(const std::string& s) {
    size_t a = s.find_first_not_of(" \t\r\n"), b = s.find_last_not_of(" \t\r\n");
    return a == std::string::npos ? std::string() : s.substr(a, b - a + 1);
}
bool starts(const std::string& s, const char* p) { return s.rfind(p, 0) == 0; }

// CAMEO code -> taxonomy type ("" = not an event type of ours). Longest prefix wins.
std::string cameo_type(const std::string& code) {
    static const std::vector<std::pair<std::string, std::string>> table = {
        {"016", "Statement.Deny"},          {"02", "Statement.Appeal"},
        {"040", "Contact.Meet"},            {"041", "Contact.Phone-Write"}, {"042", "Contact.Meet"},
        {"043", "Contact.Meet"},            {"044", "Contact.Meet"},        {"045", "Diplomacy.Negotiate"},
        {"046", "Diplomacy.Negotiate"},     {"051", "Statement.Praise"},    {"057", "Diplomacy.Agree"},
        {"071", "Transaction.Transfer-Money"}, {"0841", "Justice.Release-Parole"},
        {"09", "Justice.Investigate"},      {"10", "Statement.Demand"},
        {"111", "Statement.Criticize"},     {"112", "Statement.Criticize"}, {"114", "Statement.Criticize"},
        {"115", "Justice.Sue"},             {"116", "Justice.Convict"},     {"125", "Statement.Deny"},
        {"13", "Statement.Threaten"},       {"14", "Conflict.Demonstrate"},
        {"160", "Diplomacy.Sever-Relations"}, {"161", "Diplomacy.Sever-Relations"},
        {"162", "Diplomacy.Sanction"},      {"163", "Diplomacy.Sanction"},  {"166", "Diplomacy.Expel"},
        {"173", "Justice.Arrest-Jail"},     {"174", "Diplomacy.Expel"},     {"175", "Conflict.Attack"},
        {"18", "Conflict.Attack"},          {"186", "Life.Die"},            {"19", "Conflict.Attack"},
        {"20", "Conflict.Attack"},
    };
    std::string best, bestp;
    for (auto& [p, t] : table)
        if (starts(code, p.c_str()) && p.size() > bestp.size()) { best = t; bestp = p; }
    return best;
}

// "[173]" / "[:195]" / "[042:043]" / "[---]" -> the code ("" when none).
std::string bracket_code(const std::string& line, size_t* at = nullptr) {
    size_t a = line.find('['), b = a == std::string::npos ? a : line.find(']', a);
    if (a == std::string::npos || b == std::string::npos) return {};
    if (at) *at = a;
    std::string c = line.substr(a + 1, b - a - 1);
    size_t colon = c.find(':');
    if (colon != std::string::npos) c = colon == 0 ? c.substr(1) : c.substr(0, colon);
    for (char ch : c) if (!std::isdigit((unsigned char)ch)) return {};
    return c;
}

std::vector<Entry> read_seeds(const std::string& path) {
    std::ifstream in(path);
    if (!in) { std::cerr << "cannot read " << path << "\n"; std::exit(1); }
    std::vector<Entry> out;
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> f;
        std::stringstream ss(line);
        std::string x;
        while (std::getline(ss, x, '\t')) f.push_back(x);
        f.resize(5);
        out.push_back({f[0], f[1], f[2], f[3], f[4], "seed"});
    }
    return out;
}

struct Cameo {
    std::vector<Entry> verbs;      // one per (verb, code)
    std::vector<Entry> patterns;   // verb + object words
};

// Irregular forms "{HURRIES HURRYING HURRIED }" -> "hurries|hurrying|hurried".
std::string forms_of(const std::string& line) {
    size_t a = line.find('{'), b = line.find('}');
    if (a == std::string::npos || b == std::string::npos || b < a) return {};
    std::stringstream ss(line.substr(a + 1, b - a - 1));
    std::string w, out;
    while (ss >> w) {
        if (w[0] == '+') continue;   // multi-word forms are matched through the particle
        out += (out.empty() ? "" : "|") + lower(w);
    }
    return out;
}

Cameo read_cameo(const std::string& path) {
    std::ifstream in(path);
    if (!in) { std::cerr << "cannot read " << path << "\n"; std::exit(1); }
    Cameo c;
    std::string line, block_code, block_name;
    bool in_verbs = false;
    std::vector<Entry> block;   // the verbs of the current block
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (starts(line, "####### VERB PATTERNS")) { in_verbs = true; continue; }
        if (!in_verbs) continue;
        std::string t = trim(line);
        if (t.empty() || t[0] == '#') continue;
        if (starts(t, "---")) {
            block_code = bracket_code(t);
            block.clear();
            std::stringstream hs(t.substr(3));
            hs >> block_name;
            block_name = lower(block_name);
            continue;
        }
        if (t[0] == '&') continue;
        if (t[0] == '-') {
            // pattern: "- * OBJECT [code]" with a plain object (words, {multi word}); patterns
            // with a pre-verb part, synsets (&) or prepositional parts are skipped.
            size_t at = 0;
            std::string code = bracket_code(t, &at);
            std::string type = cameo_type(code);
            if (type.empty()) continue;
            std::string body = trim(t.substr(1, at - 1));
            if (!starts(body, "* ")) continue;
            body = trim(body.substr(2));
            if (body.empty() || body.find_first_of("&()$%^=<>+") != std::string::npos) continue;
            std::string words;
            for (char ch : body) if (ch != '{' && ch != '}') words += (ch == '_' ? ' ' : ch);
            words = lower(trim(words));
            if (std::count(words.begin(), words.end(), ' ') > 2) continue;
            // the pattern belongs to the verb(s) named in its comment ("# CUT", "# CARRIED_OUT , CARRY_OUT")
            std::string comment = lower(t.substr(t.find('#') == std::string::npos ? t.size() : t.find('#') + 1));
            for (const Entry& v : block) {
                if (v.type == type || !v.needs.empty()) continue;
                std::stringstream cs(comment);
                std::string cw;
                bool named = false;
                while (cs >> cw) if (cw == v.lemma) named = true;
                if (named) c.patterns.push_back({v.lemma, "V", type, words, v.forms, "cameo:" + code});
            }
            continue;
        }
        // a verb: "WORD [code] {forms} # comment" or "+MULTI_WORD ..."
        std::string head = t.substr(0, t.find('#'));
        std::string code = bracket_code(head);
        if (code.empty()) code = block_code;
        std::stringstream ss(head);
        std::string w;
        ss >> w;
        if (w.empty()) continue;
        std::string needs;
        if (w[0] == '+') {
            w = w.substr(1);
            size_t u = w.find('_');
            if (u == std::string::npos || u + 1 >= w.size()) continue;
            needs = lower(w.substr(u + 1));
            std::replace(needs.begin(), needs.end(), '_', ' ');
            if (needs == "and") continue;
            w = w.substr(0, u);
        }
        if (w.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ-") != std::string::npos) continue;
        Entry e{lower(w), "V", cameo_type(code), needs, forms_of(head), "cameo:" + code};
        e.explicit_code = !bracket_code(head).empty();
        block.push_back(e);
        // WordNet synonyms inherit their block's code and are often far off (RESIDE in an
        // "occupy" block): keep verbs with a code of their own and the block's own verb.
        if (!e.type.empty() && (e.explicit_code || e.lemma == block_name)) c.verbs.push_back(e);
    }
    return c;
}

// Nouns (lemma of NN/NNS) and their frequency in UD EWT train.
std::map<std::string, int> ud_nouns(const std::string& path) {
    std::map<std::string, int> n;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> f;
        std::stringstream ss(line);
        std::string x;
        while (std::getline(ss, x, '\t')) f.push_back(x);
        if (f.size() > 4 && (f[4] == "NN" || f[4] == "NNS")) ++n[lower(f[2])];
    }
    return n;
}

// Candidate nominalisations of a verb lemma (regular suffix morphology).
std::vector<std::string> nominal_candidates(const std::string& v) {
    std::vector<std::string> c = {v};
    auto ends = [&](const char* s) { size_t n = std::strlen(s); return v.size() > n && v.compare(v.size() - n, n, s) == 0; };
    std::string stem_e = ends("e") ? v.substr(0, v.size() - 1) : v;
    c.push_back(stem_e + "ion");
    c.push_back(stem_e + "ation");
    if (ends("ize") || ends("ise")) c.push_back(v.substr(0, v.size() - 1) + "ation");
    if (ends("ify")) c.push_back(v.substr(0, v.size() - 1) + "ication");
    if (ends("ate")) c.push_back(v.substr(0, v.size() - 1) + "ion");
    c.push_back(v + "ment");
    c.push_back(stem_e + "al");
    c.push_back(stem_e + "ure");
    if (ends("y")) c.push_back(v.substr(0, v.size() - 1) + "ial");
    return c;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 4) {
        std::cerr << "usage: build-triggers SHARED_DATA_DIR SEEDS.tsv OUT.txt [--report]\n";
        return 2;
    }
    std::string data = argv[1];
    bool report = argc > 4 && std::string(argv[4]) == "--report";
    std::vector<Entry> seeds = read_seeds(argv[2]);
    Cameo cameo = read_cameo(data + "/events/petrarch2/CAMEO.2.0.txt");
    std::map<std::string, int> nouns = ud_nouns(data + "/ud_ewt/en_ewt-ud-train.conllu");

    // key = lemma \t pos \t needs; first writer wins: seeds, then CAMEO verbs, patterns, nominals.
    std::map<std::string, Entry> out;
    std::set<std::string> seeded_words;   // lemma+pos with any seed: CAMEO adds only new needs
    auto key = [](const Entry& e) { return e.lemma + "\t" + e.pos + "\t" + e.needs; };
    for (const Entry& e : seeds) { out.emplace(key(e), e); seeded_words.insert(e.lemma + "\t" + e.pos); }
    size_t n_verbs = 0, n_patterns = 0, n_nominal = 0;
    for (const Entry& e : cameo.verbs)
        if (!seeded_words.count(e.lemma + "\t" + e.pos) && out.emplace(key(e), e).second) ++n_verbs;
    std::set<std::string> seeded_plain;   // verbs with a seed that needs nothing: the seed decides
    for (const Entry& e : seeds) if (e.pos == "V" && e.needs.empty()) seeded_plain.insert(e.lemma);
    for (const Entry& e : cameo.patterns)
        if (!seeded_plain.count(e.lemma) && out.emplace(key(e), e).second) ++n_patterns;
    std::vector<Entry> verbs;
    for (auto& [k, e] : out) if (e.pos == "V" && e.needs.empty()) verbs.push_back(e);
    for (const Entry& v : verbs) {
        for (const std::string& n : nominal_candidates(v.lemma)) {
            auto it = nouns.find(n);
            if (it == nouns.end() || it->second < 3) continue;
            // zero derivation (arrest -> arrest) only for verbs CAMEO codes explicitly, not for
            // the WordNet synonyms that inherit their block's code
            if (n == v.lemma && !v.explicit_code) continue;
            Entry e{n, "N", v.type, "", "", "nominal:" + v.lemma};
            if (seeded_words.count(e.lemma + "\tN")) continue;
            if (out.emplace(key(e), e).second) ++n_nominal;
        }
    }

    std::ofstream o(argv[3]);
    if (!o) { std::cerr << "cannot write " << argv[3] << "\n"; return 1; }
    o << "# Event triggers for the events stage. GENERATED by tools/build-triggers from the PETRARCH2\n"
         "# CAMEO verb dictionary (../shared/data/events/petrarch2/CAMEO.2.0.txt, MIT licence, Open\n"
         "# Event Data Alliance), nominalisations checked against UD English EWT, and the project's\n"
         "# seeds (tools/build-triggers/seeds.tsv). Extend by editing the seeds and re-running the\n"
         "# tool, or by adding lines here: no code change needed.\n"
         "# Columns (TAB-separated):\n"
         "#   lemma   verb or noun lemma, lower case\n"
         "#   pos     V (verb) or N (event noun)\n"
         "#   type    Category.Subtype of the event taxonomy (docs/schema.md)\n"
         "#   needs   empty, or alternatives separated by |, each one of:\n"
         "#             words      these words follow in the clause (\"ties\", \"persona non grata\",\n"
         "#                        \"way into\"); the trigger span runs through them\n"
         "#             @prep      a prepositional phrase with this preposition follows\n"
         "#             ~word      this word occurs within 8 tokens either side\n"
         "#           an entry whose needs are met beats one without needs\n"
         "#   forms   irregular inflected forms, |-separated (regular ones are generated)\n"
         "#   source  seed | cameo:CODE | nominal:VERB\n";
    for (auto& [k, e] : out)
        if (e.type != "-") o << e.lemma << '\t' << e.pos << '\t' << e.type << '\t' << e.needs << '\t' << e.forms << '\t' << e.source << '\n';
    std::cerr << "event-triggers: " << out.size() << " entries (" << seeds.size() << " seeds, " << n_verbs
              << " CAMEO verbs, " << n_patterns << " CAMEO verb+object patterns, " << n_nominal << " nominalisations)\n";

    if (report) {
        // CAMEO labels: CRLF, a mojibake line, one line with two codes run together.
        std::ifstream in(data + "/events/CAMEO.eventcodes.gdelt.tsv");
        std::string line;
        std::getline(in, line);
        while (std::getline(in, line)) {
            if (!line.empty() && line.back() == '\r') line.pop_back();
            size_t tab = line.find('\t');
            if (tab == std::string::npos) continue;
            std::string code = line.substr(0, tab), label = line.substr(tab + 1);
            // "1056<TAB>Demand de-escalation ...106:[-5.0] Demand withdrawal": split the second code off.
            size_t glued = label.find(":[");
            std::vector<std::pair<std::string, std::string>> rows;
            if (glued != std::string::npos) {
                size_t d = glued;
                while (d > 0 && std::isdigit((unsigned char)label[d - 1])) --d;
                size_t close = label.find(']', glued);
                rows.push_back({code, trim(label.substr(0, d))});
                rows.push_back({label.substr(d, glued - d), trim(label.substr(close + 1))});
            } else {
                rows.push_back({code, label});
            }
            for (auto& [c, l] : rows) {
                for (char& ch : l) if ((unsigned char)ch >= 0x80) ch = '?';   // the mojibake line
                std::cout << c << '\t' << (cameo_type(c).empty() ? "-" : cameo_type(c)) << '\t' << l << '\n';
            }
        }
    }
    return 0;
}
