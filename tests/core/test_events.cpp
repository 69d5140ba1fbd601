// Stage 9 — events: the trigger lexicon, argument rules (passive, coordination, light verb,
// control, role descriptions), polarity/modality, quotes, time anchoring, timeline.
#include "article_explorer/analysis.h"
#include "article_explorer/events.h"
#include "article_explorer/tagger.h"
#include "article_explorer/lexicon.h"
#include "../../core/src/events/words.h"
#include "events/trigger_model.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace ae;

namespace {

bool have_models() { return !pos_tag_names().empty(); }

struct Ev {
    const Event* e = nullptr;
    const Analysis* a = nullptr;
    std::string arg(const std::string& role, size_t nth = 0) const {
        size_t k = 0;
        for (const auto& x : e->arguments)
            if (x.role == role && k++ == nth) return std::string(a->slice(x.start, x.end));
        return "";
    }
    size_t count(const std::string& role) const {
        size_t k = 0;
        for (const auto& x : e->arguments) k += x.role == role;
        return k;
    }
    std::string trigger() const { return std::string(a->slice(e->trigger.start, e->trigger.end)); }
};

// The first event whose trigger text contains `word`.
Ev find(const Analysis& a, const std::string& word) {
    for (const auto& e : a.events)
        if (std::string(a.slice(e.trigger.start, e.trigger.end)).find(word) != std::string::npos) return {&e, &a};
    return {nullptr, &a};
}

}  // namespace

TEST_CASE("events: trigger lexicon parses needs, forms and inflections") {
    TriggerLexicon L = TriggerLexicon::parse(
        "# c\nsever\tV\tDiplomacy.Sever-Relations\tties|relations\t\tseed\n"
        "take\tV\tMovement.Transport\t@to|@from\ttook|taken\tseed\n"
        "win\tV\tPersonnel.Elect\t~election\twon\tseed\n"
        "detention\tN\tJustice.Arrest-Jail\t\t\tseed\nbogus\tN\t-\t\t\t\n");
    REQUIRE(L.entries.size() == 4);
    CHECK(L.entries[0].needs.size() == 2);
    CHECK(L.entries[0].needs[0].kind == TriggerLexicon::Need::Words);
    CHECK(L.entries[1].needs[0].kind == TriggerLexicon::Need::Prep);
    CHECK(L.entries[2].needs[0].kind == TriggerLexicon::Need::Near);
    CHECK(L.verb_forms.count("severing"));
    CHECK(L.verb_forms.count("severed"));
    CHECK(L.verb_forms.count("taken"));
    CHECK(L.verb_forms.count("won"));
    CHECK(L.noun_forms.count("detentions"));
    CHECK_FALSE(L.noun_forms.count("bogus"));
    // the generated lexicon is compiled in
    CHECK(trigger_lexicon().entries.size() > 500);
    CHECK(trigger_lexicon().verb_forms.count("arrested"));
}

TEST_CASE("events: event-words.txt gives each word its classes; pronouns.txt and stems join them") {
    using namespace ae::events;
    CHECK(word_bits("had") == (W_HAVE | W_LIGHT_VERB | W_EXPERIENCER_LIGHT));
    CHECK(word_bits("levelled") == (W_LIGHT_VERB | W_CARRIER_PARTICIPLE));
    CHECK(word_bits("refused") == W_NEGATIVE_MATRIX);
    CHECK(word_bits("helicopters") == W_VEHICLE);
    CHECK(word_bits("hundreds") == W_QUANTITY_NOUN);
    CHECK(word_bits("herself") == W_PERSONAL_PRONOUN);   // pronouns.txt
    CHECK(word_bits(";") == W_BOUNDARY_PUNCT);
    CHECK(word_bits("Had") == 0);                        // look-ups are lower case
    CHECK(word_bits("crash") == 0);                      // a stem is no word class
    CHECK(is_unaccusative("crashed"));
    CHECK(is_unaccusative("plunging"));                  // "plung" + 3 letters
    CHECK_FALSE(is_unaccusative("landscape"));           // "land" + 5
    CHECK(word_lex("said").cue);                         // the one look-up joins the cue lexicon
    CHECK(word_lex("was").bits == W_BE);
    // every class in the file is one the stage reads
    for_each_lexicon_line(builtin_lexicon("event-words"), [&](const std::vector<std::string_view>& c) {
        REQUIRE(c.size() == 2);
        bool known = c[1] == "unaccusative" || word_bits(c[0]) != 0;
        CHECK_MESSAGE(known, c[0]);
    });
}

TEST_CASE("events: typed verb trigger with agent and patient; verb + object trigger") {
    if (!have_models()) { MESSAGE("skipped: no POS model"); return; }
    Analysis a = analyze("Police raided the embassy in Quito on Friday. Mexico is severing diplomatic ties with Ecuador.");
    Ev r = find(a, "raided");
    REQUIRE(r.e);
    CHECK(r.e->type == "Conflict.Attack");
    CHECK(r.arg("agent") == "Police");
    CHECK(r.arg("patient") == "the embassy");
    CHECK(r.arg("place") == "Quito");
    Ev s = find(a, "severing");
    REQUIRE(s.e);
    CHECK(s.e->type == "Diplomacy.Sever-Relations");
    CHECK(s.trigger() == "severing diplomatic ties");
    CHECK(s.arg("agent") == "Mexico");
    CHECK(s.arg("patient") == "Ecuador");
}

TEST_CASE("events: passive subject is the patient, by-phrase the agent") {
    if (!have_models()) { MESSAGE("skipped: no POS model"); return; }
    Analysis a = analyze("The minister was arrested by federal police in Lima. He was taken from the court to a prison.");
    Ev r = find(a, "arrested");
    REQUIRE(r.e);
    CHECK(r.e->type == "Justice.Arrest-Jail");
    CHECK(r.arg("patient") == "The minister");
    CHECK(r.arg("agent") == "federal police");
    Ev t = find(a, "taken");
    REQUIRE(t.e);
    CHECK(t.e->type == "Movement.Transport");
    CHECK(t.arg("patient") == "He");
    CHECK(t.arg("place") == "a prison");
}

TEST_CASE("events: a title's bare past form is a reduced passive") {
    if (!have_models()) { MESSAGE("skipped: no POS model"); return; }
    Analysis a = analyze("Japanese mogul arrested\n\nThe former chairman of a railway company was arrested on Tuesday.");
    Ev t = find(a, "arrested");
    REQUIRE(t.e);
    CHECK(t.arg("patient") == "Japanese mogul");
    CHECK(t.count("agent") == 0);
    // with a by-phrase: the agent as well
    Analysis b = analyze("Housing plans criticised by MPs\n\nThe plans were published on Monday.");
    Ev c = find(b, "criticised");
    REQUIRE(c.e);
    CHECK(c.arg("agent") == "MPs");
    CHECK(c.arg("patient").find("plans") != std::string::npos);
    // not with an object after the verb, nor in a sentence of the story
    Analysis s = analyze("Police officers arrested a man\n\nPolice officers arrested a man on Tuesday, a spokesman said.");
    for (const Event& e : s.events) {
        if (std::string(s.slice(e.trigger.start, e.trigger.end)) != "arrested") continue;
        CHECK(Ev{&e, &s}.arg("agent") == "Police officers");
    }
    Analysis o = analyze("Police arrested two men\n\nThe men were later released.");
    Ev q = find(o, "arrested");
    REQUIRE(q.e);
    CHECK(q.arg("agent") == "Police");
}

TEST_CASE("events: coordination of subjects and of verb phrases") {
    if (!have_models()) { MESSAGE("skipped: no POS model"); return; }
    Analysis a = analyze("Police and soldiers attacked the camp. The senator resigned in March and was arrested in May.");
    Ev r = find(a, "attacked");
    REQUIRE(r.e);
    CHECK(r.count("agent") == 2);
    CHECK(r.arg("agent", 0) == "Police");
    CHECK(r.arg("agent", 1) == "soldiers");
    Ev ar = find(a, "arrested");
    REQUIRE(ar.e);
    CHECK(ar.arg("patient") == "The senator");   // shared subject of the coordinated VP, passive
}

TEST_CASE("events: light verbs make one event over verb and noun") {
    if (!have_models()) { MESSAGE("skipped: no POS model"); return; }
    Analysis a = analyze("Mexico would take the case to the International Court of Justice. "
                         "Several diplomats suffered injuries during the raid.");
    Ev s = find(a, "take the case");
    REQUIRE(s.e);
    CHECK(s.e->type == "Justice.Sue");
    CHECK(s.arg("agent") == "Mexico");
    CHECK(s.arg("place").find("International Court of Justice") != std::string::npos);
    CHECK(s.e->modality == "future");
    Ev i = find(a, "injuries");
    REQUIRE(i.e);
    CHECK(i.e->type == "Life.Injure");
    CHECK(i.trigger() == "suffered injuries");
    CHECK(i.arg("patient") == "Several diplomats");   // experiencer light verb
}

TEST_CASE("events: infinitive takes the controller's subject") {
    if (!have_models()) { MESSAGE("skipped: no POS model"); return; }
    Analysis a = analyze("Police raided the embassy to arrest the former vice-president.");
    Ev r = find(a, "arrest");
    REQUIRE(r.e);
    CHECK(r.e->type == "Justice.Arrest-Jail");
    CHECK(r.arg("agent") == "Police");
    CHECK(r.arg("patient") == "the former vice-president");
}

TEST_CASE("events: polarity and modality") {
    if (!have_models()) { MESSAGE("skipped: no POS model"); return; }
    Analysis a = analyze("The ministry did not immediately respond to a request for comment. "
                         "The army could attack the town. The government plans to expel the ambassador. "
                         "Officials said the rebels killed two soldiers.");
    Ev r = find(a, "respond");
    REQUIRE(r.e);
    CHECK(r.e->polarity == "negative");
    Ev at = find(a, "attack");
    REQUIRE(at.e);
    CHECK(at.e->modality == "possible");
    CHECK(at.e->polarity == "positive");
    Ev ex = find(a, "expel");
    REQUIRE(ex.e);
    CHECK(ex.e->type == "Diplomacy.Expel");
    CHECK(ex.e->modality == "future");
    CHECK(ex.arg("agent") == "The government");
    Ev k = find(a, "killed");
    REQUIRE(k.e);
    CHECK(k.e->type == "Life.Die");
    CHECK(k.e->modality == "reported");   // after a speech cue
}

TEST_CASE("events: inside a quote the event carries the quote id and is reported") {
    if (!have_models()) { MESSAGE("skipped: no POS model"); return; }
    Analysis a = analyze("“The police arrested my brother,” she said.");
    Ev r = find(a, "arrested");
    REQUIRE(r.e);
    REQUIRE_FALSE(a.quotes.empty());
    CHECK(r.e->quote == a.quotes[0].id);
    CHECK(r.e->modality == "reported");
}

TEST_CASE("events: time from the sentence, else the story's day, else the reference date") {
    if (!have_models()) { MESSAGE("skipped: no POS model"); return; }
    Options o;
    o.reference_date = "2024-04-06";
    Analysis a = analyze("Mexico is severing ties with Ecuador after police raided its embassy. "
                         "The embassy remained under guard late Friday. "
                         "A day earlier, Ecuador declared the ambassador persona non grata. "
                         "The former minister was arrested in 2019.", o);
    Ev s = find(a, "severing");
    REQUIRE(s.e);
    CHECK(s.e->time_value == "2024-04-06");       // present: the reference date
    Ev r = find(a, "raided");
    REQUIRE(r.e);
    CHECK(r.e->time_value == "2024-04-05");       // past, undated: the nearest day of the story
    CHECK(r.e->time_text == "Friday");
    Ev p = find(a, "persona non grata");
    REQUIRE(p.e);
    CHECK(p.e->type == "Diplomacy.Expel");
    CHECK(p.e->time_value == "2024-04-04");       // its own sentence
    CHECK(p.e->time_text == "A day earlier");
    Ev ar = find(a, "arrested");
    REQUIRE(ar.e);
    CHECK(ar.e->time_value == "2019");
    // timeline: by time
    CHECK(ar.e->timeline < p.e->timeline);
    CHECK(p.e->timeline < r.e->timeline);
    CHECK(r.e->timeline < s.e->timeline);
}

TEST_CASE("events: the seed article (at least 10 of 12 expected events)") {
    if (!have_models()) { MESSAGE("skipped: no POS model"); return; }
    std::ifstream f(std::string(AE_SHARED_DIR) + "/seeds/mexico-ecuador.txt", std::ios::binary);
    if (!f) { MESSAGE("skipped: seed article absent"); return; }
    std::stringstream ss;
    ss << f.rdbuf();
    Analysis a = analyze(ss.str());
    struct Want { const char* trigger; const char* type; const char* agent; const char* patient; const char* time; };
    const Want want[] = {
        {"severing", "Diplomacy.Sever-Relations", "Mexico", "Ecuador", "2024-04-06"},
        {"raided", "Conflict.Attack", "police", "Mexican Embassy", "2024-04-05"},
        {"arrest", "Justice.Arrest-Jail", "police", "Jorge Glas", "2024-04-05"},
        {"charges", "Justice.Charge-Indict", "", "him", ""},
        {"investigating", "Justice.Investigate", "Ecuadorian authorities", "him", ""},
        {"taken", "Movement.Transport", "", "He", ""},
        {"take the case", "Justice.Sue", "Mexico", "Ecuador", ""},
        {"persona non grata", "Diplomacy.Expel", "Ecuadorian government", "Mexican ambassador", "2024-04-04"},
        {"statements", "Statement.Criticize", "president", "", "2024-04-04"},
        {"won", "Personnel.Elect", "Daniel Noboa", "", ""},
        {"relieved", "Personnel.End-Position", "", "Jorge Glas", ""},
        {"injuries", "Life.Injure", "", "diplomats", ""},
    };
    int right = 0;
    for (const Want& w : want) {
        Ev e = find(a, w.trigger);
        bool ok = e.e && e.e->type == w.type;
        if (ok && *w.agent) ok = e.arg("agent").find(w.agent) != std::string::npos;
        if (ok && *w.patient) ok = e.arg("patient").find(w.patient) != std::string::npos;
        if (ok && *w.time) ok = e.e->time_value == w.time;
        if (!ok) MESSAGE("seed event not right: " << w.trigger);
        right += ok;
    }
    CHECK(right >= 10);
}

TEST_CASE("events: 'found' is the past of 'find' unless an organisation is near; 'founded' is founding") {
    if (!have_models()) { MESSAGE("skipped: no POS model"); return; }
    Analysis a = analyze("Investigators said on Monday that police found traces on the scooter. Steve Jobs founded Apple in 1976.");
    Ev f = find(a, "found");
    if (f.e) CHECK(f.e->type != "Business.Start-Org");
    Ev g = find(a, "founded");
    REQUIRE(g.e);
    CHECK(g.e->type == "Business.Start-Org");
}

TEST_CASE("events: an amount is an object, a score is not") {
    if (!have_models()) { MESSAGE("skipped: no POS model"); return; }
    Analysis a = analyze("The council reviewed the budget on Monday. The carmaker received $13.4 billion in loans last year.");
    Ev r = find(a, "received");
    REQUIRE(r.e);
    CHECK(r.arg("patient") == "$13.4 billion in loans");   // an amount runs through its in-phrase
}

TEST_CASE("events: predicates outside the taxonomy come out as Other.Action") {
    if (!have_models()) { MESSAGE("skipped: no POS model"); return; }
    Analysis a = analyze("Apple released the new software kit on Monday. The Dow fell 344 points. "
                         "The company said that sales rose.");
    Ev r = find(a, "released");
    REQUIRE(r.e);
    CHECK(r.e->type == "Other.Action");
    CHECK(r.arg("agent") == "Apple");
    CHECK(r.arg("patient") == "the new software kit");
    Ev f = find(a, "fell");
    REQUIRE(f.e);
    CHECK(f.e->type == "Other.Action");
    CHECK(f.arg("patient").find("Dow") != std::string::npos);   // an unaccusative subject undergoes it
    CHECK(f.count("agent") == 0);
    Ev s = find(a, "said");
    REQUIRE(s.e);
    CHECK(s.arg("agent") == "The company");
    CHECK(s.count("patient") == 0);         // a reporting verb's clause is no object
}

TEST_CASE("events: a learned cue verb keeps the object the parse gives it; a reporting verb's clause subject is none") {
    if (!have_models()) { MESSAGE("skipped: no POS model"); return; }
    Analysis a = analyze("Boeing unveiled a new version of its airliner on Tuesday. "
                         "The minister said Mexican diplomats were safe.");
    Ev u = find(a, "unveiled");
    REQUIRE(u.e);
    CHECK(u.arg("agent") == "Boeing");
    CHECK(u.arg("patient").find("a new version") == 0);
    Ev s = find(a, "said");
    if (s.e) CHECK(s.count("patient") == 0);
}

TEST_CASE("events: a nominal Other.Action acts on the of-phrase right after it") {
    if (!have_models()) { MESSAGE("skipped: no POS model"); return; }
    Analysis a = analyze("Analysts welcomed the introduction of the device on Monday.");
    Ev e = find(a, "introduction");
    REQUIRE(e.e);
    CHECK(e.e->type == "Other.Action");
    CHECK(e.arg("patient") == "the device");
}

TEST_CASE("events: a nominal event's PP right after it: for, on, a change noun's in; an of-phrase before the verb") {
    if (!have_models()) { MESSAGE("skipped: no POS model"); return; }
    Analysis a = analyze("Boeing has secured two large orders for new aircraft. "
                         "The company reported heavy declines in revenues in Detroit. "
                         "Analysts expect a large impact on the music industry. "
                         "The White House says that the collapse of the automakers would be a terrible setback.");
    Ev o = find(a, "orders");
    REQUIRE(o.e);
    CHECK(o.arg("patient") == "new aircraft");
    Ev d = find(a, "declines");
    REQUIRE(d.e);
    CHECK(d.arg("patient") == "revenues");
    Ev i = find(a, "impact");
    REQUIRE(i.e);
    CHECK(i.arg("patient") == "the music industry");
    Ev c = find(a, "collapse");   // the PP is no clause's subject: `of` opens no clause
    REQUIRE(c.e);
    CHECK(c.arg("patient") == "the automakers");
}

TEST_CASE("events: a nominal event's possessive pronoun is its possessor argument") {
    if (!have_models()) { MESSAGE("skipped: no POS model"); return; }
    Analysis a = analyze("John Smith praised the workers. His speech lasted an hour. Ford said that its sales fell in March.");
    Ev s = find(a, "speech");
    REQUIRE(s.e);
    CHECK(s.arg("agent") == "His");
    bool person = false;   // "his" takes the person before it
    for (const auto& x : s.e->arguments)
        if (x.role == "agent" && !x.entity.empty()) person = true;
    CHECK(person);
    Ev f = find(a, "sales");
    REQUIRE(f.e);
    CHECK(f.arg("agent") == "its");
}

TEST_CASE("events: an object relative clause's verb acts on the noun the clause hangs on") {
    if (!have_models()) { MESSAGE("skipped: no POS model"); return; }
    Analysis a = analyze("GM asked for more than the $13.4 billion that it has already received. "
                         "Police recovered the car which the thieves had stolen. "
                         "Critics say the music it sells is overpriced.");
    Ev r = find(a, "received");
    REQUIRE(r.e);
    CHECK(r.arg("agent") == "it");
    CHECK(r.arg("patient") == "the $13.4 billion");
    Ev s = find(a, "stolen");
    REQUIRE(s.e);
    CHECK(s.arg("patient") == "the car");
    Ev m = find(a, "sells");   // no relative pronoun: a pronoun subject right after the noun
    REQUIRE(m.e);
    CHECK(m.arg("patient") == "the music");
}

TEST_CASE("events: verbs of existence, appearance, continuing and recovery undergo their subject") {
    if (!have_models()) { MESSAGE("skipped: no POS model"); return; }
    Analysis a = analyze("Car sales rebounded in March. Ford expects to continue.");
    Ev r = find(a, "rebounded");
    REQUIRE(r.e);
    CHECK(r.arg("patient") == "Car sales");
    CHECK(r.count("agent") == 0);
    Ev c = find(a, "continue");
    REQUIRE(c.e);
    CHECK(c.arg("patient") == "Ford");
    Ev e = find(a, "expects");   // the controlled verb's patient is not lent back to its own agent
    REQUIRE(e.e);
    CHECK(e.arg("agent") == "Ford");
    CHECK(e.count("patient") == 0);
}

TEST_CASE("events: a clear transitive clause is an Other.Action even where the trigger detector says no") {
    if (!have_models()) { MESSAGE("skipped: no POS model"); return; }
    Analysis a = analyze("Apple unveils iPod nano\n\nThe new player includes a colour screen.");
    Ev u = find(a, "unveils");
    REQUIRE(u.e);
    CHECK(u.e->type == "Other.Action");
    CHECK(u.arg("agent") == "Apple");
    CHECK(u.arg("patient") == "iPod nano");
    Ev i = find(a, "includes");
    REQUIRE(i.e);
    CHECK(i.arg("patient") == "a colour screen");
}

TEST_CASE("events: an amount's argument runs through its in-phrase; US$ is no name") {
    if (!have_models()) { MESSAGE("skipped: no POS model"); return; }
    Analysis a = analyze("Air Canada has ordered US$6 billion in new airliners. GM lost US$6 billion last year.");
    Ev o = find(a, "ordered");
    REQUIRE(o.e);
    CHECK(o.arg("patient") == "US$6 billion in new airliners");
    CHECK(o.count("place") == 0);
    Ev l = find(a, "lost");
    REQUIRE(l.e);
    CHECK(l.arg("patient") == "US$6 billion");
}

TEST_CASE("events: a passive infinitive right after a noun: the noun undergoes it") {
    if (!have_models()) { MESSAGE("skipped: no POS model"); return; }
    Analysis a = analyze("The plane is the first model to be built out of plastic. "
                         "The company wants the plant to be closed.");
    Ev b = find(a, "built");
    REQUIRE(b.e);
    CHECK(b.arg("patient") == "the first model");
    Ev c = find(a, "closed");
    REQUIRE(c.e);
    CHECK(c.arg("patient") == "the plant");
}

TEST_CASE("events: a passive Other.Action takes its by-phrase as agent") {
    if (!have_models()) { MESSAGE("skipped: no POS model"); return; }
    Analysis a = analyze("The plan was rejected by the Senate on Thursday.");
    Ev r = find(a, "rejected");
    REQUIRE(r.e);
    CHECK(r.e->type == "Other.Action");
    CHECK(r.arg("patient") == "The plan");
    CHECK(r.arg("agent").find("Senate") != std::string::npos);
}

TEST_CASE("events: a nominal event's between-phrase gives its two sides") {
    if (!have_models()) { MESSAGE("skipped: no POS model"); return; }
    Analysis a = analyze("The show had been dominated by a state aid dispute between Airbus and Boeing.");
    Ev e = find(a, "dispute");
    REQUIRE(e.e);
    CHECK(e.arg("agent") == "Airbus");
    CHECK(e.arg("patient") == "Boeing");
}

TEST_CASE("events: a conjunction that ends the text after a comma (fuzz regression)") {
    // libFuzzer found coordination reading the chunk after "…, and" when "and" was the last
    // token: a heap read one past the end (ASan, native-debug). Both must simply run.
    const std::string fuzz(
        "Pu\x3F""lis`ed\x01""\x00""`p\x00""r&\xC2"": March 14, 2025\x0A""\x0A""T said thion said \xFA"
        "hat talksn said thion said \xFA""hat talks had 3dhe  said th)on sa\x00"
        "d thhe  said th)on sa\x00""d tha5 \x0A""T\x0A""he said th)on s\x00""\x00""\x00""\x00""\x00"
        "\x00""\x00""\x00""\x00""\x00""\x00""\x00""\x00""\x00""\x00""\x00""\x00""\x00""\x00""\x00""\x00"
        "\x00""\x00""\x00""\x00""\x00""\x00""\x00""\x00""\x00""\x00""\x00""a\x00""da,and",
        203);
    for (const std::string& text : {fuzz, std::string("Police arrested Smith, and")}) {
        Analysis a = analyze(text);
        CHECK(a.tokens.size() > 0);
        CHECK(!to_json(a, Options{}).empty());
    }
}

// ---- the learned trigger detector (events/trigger_model.h) ----------------------------------

TEST_CASE("trigger detector: candidate tags and lexicon bits") {
    CHECK(events::trigger_candidate_tag("VBD"));
    CHECK(events::trigger_candidate_tag("NNS"));
    CHECK(events::trigger_candidate_tag("JJ"));
    CHECK_FALSE(events::trigger_candidate_tag("NNP"));
    CHECK_FALSE(events::trigger_candidate_tag("IN"));
    CHECK((events::trigger_lex_bits("attacked") & 1));        // a trigger-lexicon verb form
    CHECK((events::trigger_lex_bits("said") & 4));            // a speech cue
    CHECK(events::trigger_lex_bits("table") == 0);
}

TEST_CASE("trigger detector: features are deterministic and see the neighbours") {
    if (!have_models()) return;
    // Tag ids of the embedded POS model by name.
    auto id = [](std::string_view tag) {
        const auto& names = pos_tag_names();
        for (size_t i = 0; i < names.size(); ++i) if (names[i] == tag) return uint8_t(i);
        return uint8_t(255);
    };
    std::vector<std::string_view> low = {"police", "arrested", "two", "men"};
    std::vector<uint8_t> pos = {id("NNS"), id("VBD"), id("CD"), id("NNS")};
    events::TriggerTokens s;
    s.fill(low.data(), pos.data(), 0, low.size());
    CHECK(s.candidate[1]);
    CHECK_FALSE(s.candidate[2]);
    uint64_t a[events::kMaxTriggerFeatures], b[events::kMaxTriggerFeatures];
    size_t na = events::trigger_features(s, 1, a);
    size_t nb = events::trigger_features(s, 1, b);
    REQUIRE(na == nb);
    REQUIRE(na <= events::kMaxTriggerFeatures);
    CHECK(std::equal(a, a + na, b));
    // another next word changes the next-word feature and nothing about the word itself
    std::vector<std::string_view> low2 = {"police", "arrested", "three", "men"};
    events::TriggerTokens s2;
    s2.fill(low2.data(), pos.data(), 0, low2.size());
    size_t n2 = events::trigger_features(s2, 1, b);
    REQUIRE(n2 == na);
    CHECK(a[1] == b[1]);    // the word
    CHECK(a[9] != b[9]);    // the next word
    // padding at the sentence edges: the first token's previous word is the pad, not a crash
    CHECK(events::trigger_features(s, 0, a) == na);
}

TEST_CASE("trigger detector: decoding takes the EVENT class when it scores higher") {
    if (!have_models()) return;
    float o_wins[2] = {1.0f, 0.5f}, ev_wins[2] = {0.0f, 0.25f}, tie[2] = {0.0f, 0.0f};
    CHECK_FALSE(events::trigger_decision(o_wins));
    CHECK(events::trigger_decision(ev_wins));
    CHECK_FALSE(events::trigger_decision(tie));   // ties are not events
    // the events stage's decision lets EVENT fall short by less than kTriggerBias
    float close[2] = {events::kTriggerBias - 0.5f, 0.0f}, far[2] = {events::kTriggerBias + 0.5f, 0.0f};
    CHECK(events::trigger_detected(close));
    CHECK_FALSE(events::trigger_detected(far));
    // A two-row model: the bias favours O (6), the word "arrested" favours EVENT (3): with the
    // stage's bias of 4, "arrested" is an event (3 + 4 > 6), "police" is not (0 + 4 < 6).
    std::vector<std::string_view> low = {"police", "arrested", "men"};
    std::vector<uint8_t> pos(3, 0);
    events::TriggerTokens s;
    s.fill(low.data(), pos.data(), 0, 3);
    uint64_t f[events::kMaxTriggerFeatures];
    events::trigger_features(s, 1, f);
    tagging::LinearModel m;
    m.kind = "triggers";
    m.classes = {"O", "EVENT"};
    uint32_t kb = model::key32(f[0]), kw = model::key32(f[1]);
    m.keys = {std::min(kb, kw), std::max(kb, kw)};
    m.scales = {1.0f, 1.0f};
    int8_t bias[2] = {6, 0}, word[2] = {0, 3};
    const int8_t* first = kb < kw ? bias : word;
    const int8_t* second = kb < kw ? word : bias;
    m.weights = {first[0], first[1], second[0], second[1]};
    m.index();
    CHECK(events::detect_trigger(m, s, 1));        // "arrested"
    CHECK_FALSE(events::detect_trigger(m, s, 0));  // "police": the bias alone
}
