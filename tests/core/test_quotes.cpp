// Stage 8 — quotes: QuoteAttributor patterns, kinds, speakers, unbalanced and nested marks.
#include "article_explorer/analysis.h"
#include "article_explorer/quotes.h"
#include "article_explorer/lexicon.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace ae;

namespace {
struct Q { std::string kind, text, speaker, cue; };
std::vector<Q> quotes_of(const std::string& text) {
    Analysis a = analyze(text, {});
    std::vector<Q> out;
    for (auto& q : a.quotes)
        out.push_back({q.kind, std::string(a.slice(q.start, q.end)), q.speaker_text,
                       q.has_cue ? std::string(a.slice(q.cue.start, q.cue.end)) : ""});
    return out;
}
}  // namespace

TEST_CASE("quotes: lexicon parses classes, bare flag and phrases") {
    CueLexicon l = CueLexicon::parse("# c\nsaid\tspeech\tbare\ncalled\tlabel\naccording to\tsource\nbogus\tnothing\n");
    REQUIRE(l.words.count("said"));
    CHECK(l.words["said"].bare);
    CHECK(l.words["called"].cls == CueClass::Label);
    CHECK_FALSE(l.words.count("bogus"));
    REQUIRE(l.phrases.size() == 1);
    CHECK(l.phrases[0].first == std::vector<std::string>{"according", "to"});
    CHECK(cue_lexicon().words.count("told"));
}

TEST_CASE("quotes: speech-cues.txt's flags; a line of class - is no cue") {
    CueLexicon l = CueLexicon::parse("said\tspeech\tbare report\ntold\tspeech\taddressee\nask\t-\treport\n");
    CHECK(l.words["said"].bare);
    CHECK_FALSE(l.words["told"].bare);
    CHECK_FALSE(l.words.count("ask"));
    CHECK(speech_flags("said") == (SPEECH_REPORT | SPEECH_SPEAKER_BEFORE | SPEECH_SPEAKER_AFTER));
    CHECK(speech_flags("told") == (SPEECH_ADDRESSEE | SPEECH_REPORT | SPEECH_SPEAKER_BEFORE | SPEECH_SPEAKER_AFTER));
    CHECK(speech_flags("ask") == SPEECH_REPORT);
    CHECK(speech_flags("according") == SPEECH_SPEAKER_AFTER);
    CHECK(speech_flags("stated") == SPEECH_SPEAKER_BEFORE);
    CHECK_FALSE(cue_lexicon().words.count("ask"));     // the flags' lines add no cue
    CHECK_FALSE(cue_lexicon().words.count("according"));
    CHECK(speech_flags("believes") == 0);
}

TEST_CASE("quotes: direct quote with the cue after it, and an apposition") {
    auto q = quotes_of("“This is not possible,” Roberto Canseco, head of the consular section, told local press.");
    REQUIRE(q.size() == 1);
    CHECK(q[0].kind == "direct");
    CHECK(q[0].text == "This is not possible,");
    CHECK(q[0].speaker == "Roberto Canseco");
    CHECK(q[0].cue == "told");
}

TEST_CASE("quotes: inverted cue and colon introduction") {
    auto q = quotes_of("\"We have waited for years,\" said Maria Chen, 54, who lives nearby.");
    REQUIRE(q.size() == 1);
    CHECK(q[0].speaker == "Maria Chen");
    q = quotes_of("Defending its decision, the presidency said in a statement: “We will not allow it.”");
    REQUIRE(q.size() == 1);
    CHECK(q[0].kind == "direct");
    CHECK(q[0].speaker == "the presidency");
    CHECK(q[0].text == "We will not allow it.");
}

TEST_CASE("quotes: partial quotes after a label cue; scare quotes have no speaker") {
    auto q = quotes_of("The president called the detention an “authoritarian act” on Friday.");
    REQUIRE(q.size() == 1);
    CHECK(q[0].kind == "partial");
    CHECK(q[0].speaker == "The president");
    q = quotes_of("Diplomatic premises are considered “inviolable” under the treaties.");
    REQUIRE(q.size() == 1);
    CHECK(q[0].kind == "scare");
    CHECK(q[0].speaker.empty());
}

TEST_CASE("quotes: a cue-less quote continues the previous speaker") {
    auto q = quotes_of("“It cannot be,” the consul told reporters. “There is no basis to do this.”");
    REQUIRE(q.size() == 2);
    CHECK(q[1].kind == "direct");
    CHECK(q[1].speaker == "the consul");
    // one attribution whose cue and speaker stand between its two parts: both parts carry them
    CHECK(q[1].cue == "told");
    // a quote in the next paragraph continues the speaker but has no cue of its own
    auto p = quotes_of("“It cannot be,” the consul told reporters.\n\n“There is no basis to do this.”");
    REQUIRE(p.size() == 2);
    CHECK(p[1].speaker == "the consul");
    CHECK(p[1].cue.empty());
}

TEST_CASE("quotes: a quote running over paragraphs (open without close, reopened)") {
    auto q = quotes_of("The minister said: “The first part ends here without a closing mark.\n\n“The second part closes it,” she added.");
    REQUIRE(!q.empty());
    CHECK(q[0].text.find("first part") != std::string::npos);
    CHECK(q[0].text.find("second part") != std::string::npos);
    CHECK(q[0].speaker == "she");   // the cue after the closing mark names the speaker
}

TEST_CASE("quotes: indirect with that, bare clause, backward, according to") {
    auto q = quotes_of("The union said that talks had collapsed on Wednesday.");
    REQUIRE(q.size() == 1);
    CHECK(q[0].kind == "indirect");
    CHECK(q[0].text == "talks had collapsed on Wednesday");
    q = quotes_of("She also said the talks would resume.");
    REQUIRE(q.size() == 1);
    CHECK(q[0].text == "the talks would resume");
    CHECK(q[0].speaker == "She");
    q = quotes_of("The strike will continue until Monday, the union said.");
    REQUIRE(q.size() == 1);
    CHECK(q[0].text == "The strike will continue until Monday");
    CHECK(q[0].speaker == "the union");
    q = quotes_of("Construction will take 18 months, according to the city's engineers.");
    REQUIRE(q.size() == 1);
    CHECK(q[0].speaker == "the city's engineers");
}

TEST_CASE("quotes: indirect content with a marked quote inside is mixed, and not repeated") {
    auto q = quotes_of("Bárcena said that Mexico would take the case to the court “to denounce the violations.”");
    REQUIRE(q.size() == 1);
    CHECK(q[0].kind == "mixed");
    CHECK(q[0].speaker == "Bárcena");
}

TEST_CASE("quotes: passives and 'called for' are not cues") {
    CHECK(quotes_of("The plan was announced that morning by the council.").empty());
    CHECK(quotes_of("Protesters called for new elections in the capital.").size() <= 1);
}

TEST_CASE("quotes: nested single quotes stay inside the double-quoted passage") {
    auto q = quotes_of("“He told me ‘never again’ and left,” the witness said.");
    REQUIRE(q.size() == 1);
    CHECK(q[0].text == "He told me ‘never again’ and left,");
    CHECK(q[0].speaker == "the witness");
}

TEST_CASE("quotes: unbalanced marks never crash and stay bounded") {
    std::string s;
    for (int k = 0; k < 50000; ++k) s += (k % 7 == 0) ? "“word " : (k % 11 == 0 ? "” said " : "plain ");
    Analysis a = analyze(s, {});
    CHECK(a.quotes.size() < 20000);
    for (auto& q : a.quotes) CHECK(q.end <= a.text.size());
    CHECK(quotes_of("“").empty());
    CHECK(quotes_of("” ” ” “ “").size() <= 2);
}

TEST_CASE("quotes: a cue word after an article or quantifier is not a cue") {
    // "listed" is a learned cue; "no listed company" is an adjective, and "no" no speaker
    auto q = quotes_of("Prosecutors say no listed company can be run from behind the scenes.");
    REQUIRE(q.size() == 1);
    CHECK(q[0].cue == "say");
    CHECK(q[0].speaker == "Prosecutors");
    CHECK(q[0].text == "no listed company can be run from behind the scenes");
    // after a possessive it still is: "his claim that ..."
    auto p = quotes_of("Contrary to his claim that people would learn nothing, the files were useful.");
    REQUIRE(p.size() == 1);
    CHECK(p[0].cue == "claim");
}

TEST_CASE("quotes: a bare cue, a time adjunct, then the content") {
    auto q = quotes_of("Mr Smith said on Monday he would go to Tokyo.");
    REQUIRE(q.size() == 1);
    CHECK(q[0].kind == "indirect");
    CHECK(q[0].speaker == "Smith");
    CHECK(q[0].text == "he would go to Tokyo");
    auto y = quotes_of("The minister said yesterday the plan would fail.");
    REQUIRE(y.size() == 1);
    CHECK(y[0].text == "the plan would fail");
    // a date that begins the content, or is its subject, stays in it
    auto j = quotes_of("Steve Gallagher said January's figures were decent numbers.");
    REQUIRE(j.size() == 1);
    CHECK(j[0].text == "January's figures were decent numbers");
    auto f = quotes_of("Most of those asked said the future was definitely mobile.");
    REQUIRE(f.size() == 1);
    CHECK(f[0].text == "the future was definitely mobile");
    // an adjunct alone is no content
    CHECK(quotes_of("Mr Smith said on Monday.").empty());
}

TEST_CASE("quotes: a title 'NAME: words said' attributes the words to the name") {
    auto q = quotes_of("Bernie Sanders: Clinton needs to drop the personality stuff\n\nBernie Sanders spoke in Ohio on Monday.");
    REQUIRE_FALSE(q.empty());
    CHECK(q[0].speaker == "Bernie Sanders");
    CHECK(q[0].cue == ":");
    CHECK(q[0].text == "Clinton needs to drop the personality stuff");
    // a profile's title has no words said, and a label is no name
    for (const Q& x : quotes_of("Johnny Depp: The acting outlaw\n\nJohnny Depp was born in Kentucky."))
        CHECK(x.cue != ":");
    for (const Q& x : quotes_of("Analysis: The vote will be close\n\nThe vote is on Monday."))
        CHECK(x.cue != ":");
}

TEST_CASE("quotes: a participle cue takes the speaker of the verb before it") {
    Analysis a = analyze("Liam Fox spoke on Monday. \xE2\x80\x9CWe repay loans when they are due,\xE2\x80\x9D he said, "
                         "insisting he enjoyed a \xE2\x80\x9Cwarm and constructive\xE2\x80\x9D relationship with the lender.", {});
    bool seen = false;
    for (const Quote& q : a.quotes) {
        if (a.slice(q.start, q.end) != "warm and constructive") continue;
        seen = true;
        REQUIRE(q.has_speaker_span);
        CHECK(a.slice(q.speaker_span.start, q.speaker_span.end) == "he");   // not "he enjoyed a"
        CHECK(q.speaker_text == "Liam Fox");
        CHECK(a.slice(q.cue.start, q.cue.end) == "insisting");
    }
    CHECK(seen);
}

TEST_CASE("quotes: a question's cue after the closing mark, an inverted cue before a colon, a participle with no cue before it") {
    // the sentence splitter ends the sentence at "?", so the cue stands in the next sentence
    auto q = quotes_of("\xE2\x80\x9CHow many times do we have to see this?\xE2\x80\x9D Clinton said.");
    REQUIRE(q.size() == 1);
    CHECK(q[0].cue == "said");
    CHECK(q[0].speaker == "Clinton");
    q = quotes_of("Said Ellis: \xE2\x80\x9CI don\xE2\x80\x99t get the sense she is interested in tax reform.\xE2\x80\x9D");
    REQUIRE(q.size() == 1);
    CHECK(q[0].cue == "Said");
    CHECK(q[0].speaker == "Ellis");
    q = quotes_of("Trump attacked Clinton for her support of military action in Libya, saying, "
                  "\"She is trigger-happy and very unstable.\"");
    REQUIRE(!q.empty());
    CHECK(q.back().cue == "saying");
    CHECK(q.back().speaker == "Trump");
}

TEST_CASE("quotes: a few marked words right after a cue are a partial quote, not the start of a longer content") {
    auto q = quotes_of("The talks escalated after the minister made statements that Peru considered \xE2\x80\x9C"
                       "deeply offensive\xE2\x80\x9D about the vote.");
    REQUIRE(q.size() == 1);
    CHECK(q[0].kind == "partial");
    CHECK(q[0].text == "deeply offensive");
    CHECK(q[0].cue == "considered");
    CHECK(q[0].speaker == "Peru");
    q = quotes_of("Supporters who had gathered outside the court yelled \xE2\x80\x9C" "freedom\xE2\x80\x9D as the buses began to leave.");
    REQUIRE(q.size() == 1);
    CHECK(q[0].kind == "partial");
    CHECK(q[0].text == "freedom");
}

TEST_CASE("quotes: a particle or a preposition after the cue belongs to it, an infinitive's to to the content") {
    auto q = quotes_of("Clinton pointed out a crucial flaw in the plan.");
    REQUIRE(q.size() == 1);
    CHECK(q[0].cue == "pointed out");
    CHECK(q[0].text == "a crucial flaw in the plan");
    q = quotes_of("Trump vowed to impose a 35 percent tax on imported cars.");
    REQUIRE(q.size() == 1);
    CHECK(q[0].cue == "vowed");
    CHECK(q[0].text == "to impose a 35 percent tax on imported cars");
}

TEST_CASE("quotes: a cue right after the pronoun opening another quote's content is part of that content") {
    auto q = quotes_of("Clinton said she thinks America is strongest when people work together.");
    REQUIRE(q.size() == 1);
    CHECK(q[0].cue == "said");
    CHECK(q[0].text == "she thinks America is strongest when people work together");
    q = quotes_of("He told reporters he still expects the deal to close this year.");
    REQUIRE(q.size() == 1);
    CHECK(q[0].text == "he still expects the deal to close this year");
    // a subject of its own is another source: "the government believed" stays a quote
    q = quotes_of("Cairn said the government believed the company was liable for the tax.");
    CHECK(q.size() == 2);
}

TEST_CASE("quotes: a title in quote marks after a preposition, possessive or determiner is no one's words") {
    auto q = quotes_of("In an interview on CBS's \"Face the Nation,\" House Speaker Paul Ryan said the deal was bad.");
    REQUIRE(q.size() == 2);
    CHECK(q[0].kind == "scare");
    CHECK(q[0].speaker.empty());
    CHECK(q[1].kind == "indirect");
    CHECK(q[1].text == "the deal was bad");
    q = quotes_of("Sharpton took calls from listeners to his \"Keepin' It Real\" radio program.");
    REQUIRE(q.size() == 1);
    CHECK(q[0].kind == "scare");
    // a label after its object, and a chant, stay partial quotes: no title position
    q = quotes_of("Trump called her \"Crooked Hillary\" again.");
    REQUIRE(q.size() == 1);
    CHECK(q[0].kind == "partial");
    CHECK(q[0].speaker == "Trump");
    q = quotes_of("The crowd chanted \"Lock Her Up\" as he spoke.");
    REQUIRE(q.size() == 1);
    CHECK(q[0].kind == "partial");
}

TEST_CASE("quotes: a pronoun 'that' is no complementizer; a name in apposition is the source; a clause after the cue is no inverted speaker") {
    auto q = quotes_of("Experts said the latest nuclear test could change that.");
    REQUIRE(q.size() == 1);
    CHECK(q[0].text == "the latest nuclear test could change that");
    CHECK(q[0].speaker == "Experts");
    q = quotes_of("The attorney, Justin Bamberg, said the police lied.");
    REQUIRE(q.size() == 1);
    CHECK(q[0].speaker == "Justin Bamberg");
    CHECK(q[0].text == "the police lied");
    for (const Q& x : quotes_of("The company, which makes phones, said profits fell.")) CHECK(x.speaker != "profits fell");
}

TEST_CASE("quotes: no content of auxiliaries and adverbs alone; a participle after a comma is not an inverted cue") {
    for (const Q& x : quotes_of("Greene was killed in an insider attack that was later claimed by the Taliban in August 2014."))
        CHECK(x.text != "was later");
    for (const Q& x : quotes_of("The talks had gone on for a year when President Donald Trump abruptly declared the process "
                                "\"dead\", citing continuing Taliban violence."))
        CHECK(x.speaker != "continuing Taliban violence");
}

TEST_CASE("quotes: speaker words that stop inside a name the cast found take the whole name") {
    // "Will" read as a modal cuts the speaker words to "George"; the entity stage found "George Will"
    Analysis a = analyze("George Will said Mr. Romney should release more tax returns.", {});
    REQUIRE(a.quotes.size() == 1);
    const Quote& q = a.quotes[0];
    if (!a.entities.empty() && a.entities[0].canonical == "George Will") {   // (the NER model's call)
        CHECK(q.speaker_text == "George Will");
        CHECK(q.speaker == a.entities[0].id);
        CHECK(a.slice(q.speaker_span.start, q.speaker_span.end) == "George Will");
    }
}

TEST_CASE("quotes: no content opens with and/or; no speaker opens with including") {
    auto q = quotes_of("Many gun buyers, including those purchasing firearms at shows said the rule was unfair.");
    REQUIRE(q.size() == 1);
    CHECK(q[0].speaker == "those purchasing firearms at shows");
    // "shows" read as a verb: "and on the Internet said the report" was its content
    for (const Q& x : quotes_of("He bought rifles at gun shows and on the Internet said the report."))
        CHECK(x.text.rfind("and ", 0) != 0);
}

TEST_CASE("quotes: a passive's by-phrase and a participle describing a noun cue are no content") {
    for (const Q& x : quotes_of("Roy Moore sexual assault allegations condemned by growing number of Republicans")) {
        CHECK(x.text != "growing number of Republicans");
        CHECK(x.text != "condemned by growing number of Republicans");
    }
}

TEST_CASE("quotes: a speaker that is the role in apposition after a person's name is that person") {
    Analysis a = analyze("\"We were glad to see the committee hold firm,\" Elizabeth Beavers, foreign policy manager at the "
                         "liberal group Indivisible, said in a statement.", {});
    REQUIRE(a.quotes.size() == 1);
    bool person = false;
    for (const Entity& e : a.entities) person = person || (e.canonical == "Elizabeth Beavers" && e.type == "PERSON");
    if (person) CHECK(a.quotes[0].speaker_text == "Elizabeth Beavers");   // (the NER model's call)
}

TEST_CASE("quotes: an auxiliary's clitic is no part of the speaker; a person's spokesman stays the speaker") {
    auto q = quotes_of("They\xE2\x80\x99re saying the plan will fail.");
    REQUIRE(q.size() == 1);
    CHECK(q[0].speaker == "They");
    q = quotes_of("Trump\xE2\x80\x99s spokesman said the plan will fail.");
    REQUIRE(q.size() == 1);
    CHECK(q[0].speaker == "Trump\xE2\x80\x99s spokesman");
}

TEST_CASE("quotes: 'called for X': the preposition goes to the cue, not the content") {
    auto q = quotes_of("Trump has long called for steep new tariffs on goods from China and Mexico.");
    REQUIRE(q.size() == 1);
    CHECK(q[0].cue == "called for");
    CHECK(q[0].text == "steep new tariffs on goods from China and Mexico");
    q = quotes_of("The union complained about a lack of passion for Hillary Clinton among young black voters.");
    REQUIRE(q.size() == 1);
    CHECK(q[0].cue == "complained about");
    CHECK(q[0].text == "a lack of passion for Hillary Clinton among young black voters");
}

TEST_CASE("quotes: a cue before a colon introduces the quote after it") {
    // "Liam Fox said:" in the sentence after a quote is not that quote's attribution
    auto q = quotes_of("Charles Kennedy spoke. He said: \"Your vote was wasted\" and Liam Fox said: "
                       "\"Like Labour, the Lib Dems are soft on crime.\"");
    bool seen = false;
    for (const Q& x : q) {
        if (x.text.find("wasted") == std::string::npos) continue;
        seen = true;
        CHECK(x.speaker == "Charles Kennedy");
    }
    CHECK(seen);
}

TEST_CASE("quotes: participles and nouns that look like cues") {
    // "those questioned said": the participle is not a cue, the content starts at its subject
    auto q = quotes_of("Barely 5% of those questioned said they wanted a player that could play back both music and movies.");
    REQUIRE(q.size() == 1);
    CHECK(q[0].cue == "said");
    CHECK(q[0].text == "they wanted a player that could play back both music and movies");
    // a possessive, a cue word, a verb: a noun ("his claim that …" stays a cue)
    CHECK(quotes_of("The parties say they can keep the rules by ensuring that their calls are not marketing.").size() <= 1);
    for (const Q& x : quotes_of("The parties say they can keep the rules by ensuring that their calls are not marketing."))
        CHECK(x.cue != "calls");
    auto c = quotes_of("Mr Smith repeated his claim that the vote was rigged.");
    REQUIRE(c.size() == 1);
    CHECK(c[0].cue == "claim");
}

TEST_CASE("quotes: a capitalised cue word inside a longer name is no cue") {
    // "States" in "United States", "Slams" in "Grand Slams": part of the name, not "states" / "slams"
    auto q = quotes_of("United States airframer Boeing has announced that development of a replacement "
                       "for their 737 narrowbody airliner has been pushed back several years.");
    REQUIRE(q.size() == 1);
    CHECK(q[0].cue == "announced");
    CHECK(q[0].speaker.find("Boeing") != std::string::npos);
    for (const Q& x : quotes_of("Stock markets around the world, particularly those in the United States, "
                                "fell on Monday after analysts said the plan would fail."))
        CHECK(x.cue != "States");
    // a cue after a one-word name stays a cue, capitalised in a title or not
    auto t = quotes_of("Obama Says He Will Veto The Spending Bill");
    REQUIRE(t.size() == 1);
    CHECK(t[0].cue == "Says");
}

TEST_CASE("quotes: in a title-case title, a cue stays a cue whatever name the tagger ran over it") {
    bool seen = false;
    for (const Q& x : quotes_of("Chris Christie Calls Hillary Clinton ‘A Disgrace’ Over Police Shooting Comments\n\nThe governor spoke on Monday."))
        seen |= x.cue == "Calls";
    CHECK(seen);
}

// ---- the learned cue detector's features and decision (quotes/cue_model.h) ----
#include "quotes/cue_model.h"

namespace {
uint32_t token_at(const Analysis& a, std::string_view w) {
    for (uint32_t i = 0; i < a.tokens.size(); ++i) if (a.token_text(a.tokens[i]) == w) return i;
    return UINT32_MAX;
}
}  // namespace

TEST_CASE("cue model: lexicon bits, parse children, phrase cues and quote marks as features") {
    CHECK((quotes::cue_lex_bits("said") & 1) != 0);          // a speech cue of speech-cues.txt
    CHECK((quotes::cue_lex_bits("according") & 64) != 0);    // first word of "according to"
    CHECK(quotes::cue_lex_bits("table") == 0);
    CHECK(quotes::cue_kid_bit("nsubj") == 1);
    CHECK(quotes::cue_kid_bit("ccomp") == 4);
    CHECK(quotes::cue_kid_bit("det") == 0);

    Analysis a = analyze("The mayor said that the bridge would close. \u201cIt is safe,\u201d she added, according to officials.", {});
    quotes::CueTokens t;
    t.fill(a);
    const uint32_t said = token_at(a, "said"), according = token_at(a, "according"), safe = token_at(a, "safe"), mayor = token_at(a, "mayor");
    REQUIRE(said != UINT32_MAX);
    REQUIRE(according != UINT32_MAX);
    CHECK((t.kids[said] & 1) != 0);        // "mayor" is its subject
    CHECK((t.kids[said] & 4) != 0);        // "would close" its clausal complement
    CHECK((t.lex[according] & 128) != 0);  // inside a matched phrase cue
    CHECK((t.lex[according + 1] & 128) != 0);
    CHECK(t.inside_quote[safe] == 1);
    CHECK(t.inside_quote[said] == 0);
    CHECK(quotes::cue_candidate(a, t, said));
    CHECK(!quotes::cue_candidate(a, t, token_at(a, ".")));

    uint64_t f1[quotes::kMaxCueFeatures], f2[quotes::kMaxCueFeatures], f3[quotes::kMaxCueFeatures];
    const size_t n1 = quotes::cue_features(a, t, said, f1), n2 = quotes::cue_features(a, t, said, f2), n3 = quotes::cue_features(a, t, mayor, f3);
    CHECK(n1 <= quotes::kMaxCueFeatures);
    CHECK(n1 == n2);
    CHECK(std::vector<uint64_t>(f1, f1 + n1) == std::vector<uint64_t>(f2, f2 + n2));   // a pure function
    CHECK(n3 > 0);
    CHECK(f1[0] == f3[0]);    // the bias feature
    CHECK(f1[1] != f3[1]);    // the word
}

TEST_CASE("cue model: the decision is the larger of the two class scores") {
    const float cue[2] = {-0.5f, 0.25f}, not_cue[2] = {0.5f, 0.25f}, tie[2] = {0.0f, 0.0f};
    CHECK(quotes::cue_decision(cue));
    CHECK(!quotes::cue_decision(not_cue));
    CHECK(!quotes::cue_decision(tie));   // a tie is no cue: an empty model finds nothing
}

// ---- the learned content labeller's features and decoder (quotes/content_model.h) ----
#include "quotes/content_model.h"

TEST_CASE("content model: the place of a token relative to the cue in the parse") {
    Analysis a = analyze("The mayor said that the bridge would close on Monday.", {});
    quotes::CueTokens t;
    t.fill(a);
    quotes::ContentTokens ct;
    ct.fill(a);
    const uint32_t said = token_at(a, "said"), mayor = token_at(a, "mayor"), bridge = token_at(a, "bridge"), close = token_at(a, "close");
    REQUIRE(said != UINT32_MAX);
    // subtrees: the cue's covers the sentence's words, the complement's starts at "that"
    CHECK(ct.lo[close] <= bridge);
    CHECK(ct.hi[close] > close);
    CHECK(quotes::content_place(a, ct, said, said + 1, bridge) == 1);   // in the clausal complement
    CHECK(quotes::content_place(a, ct, said, said + 1, mayor) == 2);    // in the subject
    CHECK(quotes::content_rel(0) == 0);

    uint64_t f1[quotes::kMaxContentFeatures], f2[quotes::kMaxContentFeatures], f3[quotes::kMaxContentFeatures];
    const size_t n1 = quotes::content_features(a, t, ct, said, said + 1, bridge, 0, 0, f1);
    const size_t n2 = quotes::content_features(a, t, ct, said, said + 1, bridge, 0, 0, f2);
    const size_t n3 = quotes::content_features(a, t, ct, said, said + 1, mayor, 0, 0, f3);
    CHECK(n1 <= quotes::kMaxContentFeatures);
    CHECK(std::vector<uint64_t>(f1, f1 + n1) == std::vector<uint64_t>(f2, f2 + n2));   // a pure function
    CHECK(n3 == n1);
    CHECK(f1[0] != f3[0]);   // the side of the cue
}

TEST_CASE("content model: the decoder takes the best first-inside-last span on one side of the cue") {
    // tokens 10..19, cue at 13; a span scores its first token's first margin, its inner tokens'
    // inside margins and its last token's last margin (a one-token span its unit margin)
    quotes::ContentScores m;
    m.assign(10);
    m.first = {-1, -1, -1, 9, -1, 2, -1, -1, -1, -1};
    m.in = {-1, -1, -1, 9, -1, -1, 1, -1, -4, 1};
    m.last = {-1, -1, -1, 9, -1, -1, -1, 3, -1, 1};
    uint32_t b = 0, e = 0;
    REQUIRE(quotes::decode_content(m, 10, 20, 13, 14, &b, &e));
    CHECK(b == 15);
    CHECK(e == 18);   // 2 + 1 + 3; the cue's own large margins are never taken, and 19 does not pay for 18's -4
    // a one-token content wins when its unit margin is larger
    m.unit[1] = 7;
    REQUIRE(quotes::decode_content(m, 10, 20, 13, 14, &b, &e));
    CHECK(b == 11);
    CHECK(e == 12);
    // a first margin alone is no span: a span ends on a last (or is a unit)
    quotes::ContentScores f;
    f.assign(10);
    for (auto* v : {&f.in, &f.unit}) v->assign(10, -1.0f);
    f.last.assign(10, -9.0f);
    f.first[16 - 10] = 5;
    CHECK(!quotes::decode_content(f, 10, 20, 13, 14, &b, &e));
    // nothing positive: no content
    quotes::ContentScores none;
    none.assign(10);
    for (auto* v : {&none.first, &none.in, &none.last, &none.unit}) v->assign(10, -1.0f);
    CHECK(!quotes::decode_content(none, 10, 20, 13, 14, &b, &e));
}

TEST_CASE("quotes: a relative pronoun's source reaches back to the noun phrase it stands for") {
    auto q = quotes_of("The crowd cheered for Hillary Clinton, who said that the plan would fail in the autumn.");
    bool found = false;
    for (const auto& x : q)
        if (x.cue == "said") { found = true; CHECK(x.speaker.find("Clinton") != std::string::npos); }
    CHECK(found);
}

TEST_CASE("quotes: words inside quote marks are never the source; a cue after a closing mark is inverted") {
    auto q = quotes_of("“To be frank, the city will never go back, and this is a good thing,” said the Rev. Peter Wherry, of Mayfield Church.");
    REQUIRE(q.size() == 1);
    CHECK(q[0].kind == "direct");
    CHECK(q[0].speaker.find("Wherry") != std::string::npos);
}

TEST_CASE("quotes: a name with a party tag in parentheses before the cue is the source") {
    auto q = quotes_of("In an interview, House Speaker Paul D. Ryan (R-Wis.) said the recent protests demand more listening.");
    REQUIRE(q.size() >= 1);
    CHECK(q[0].speaker.find("Ryan") != std::string::npos);
}

TEST_CASE("quotes: a signature line after a quote, a dash and a name, gives the speaker") {
    auto q = quotes_of("Readers wrote to us.\n“He makes simple blanket statements about people he knows nothing about.” ― Pamela Padilla\n“I am so ashamed.” ― Sonya Herridge\n");
    std::vector<std::string> speakers;
    for (const auto& x : q) if (x.kind == "direct") speakers.push_back(x.speaker);
    CHECK(speakers == std::vector<std::string>{"Pamela Padilla", "Sonya Herridge"});
}

// ---- the learned source ranker (quotes/source_model.h) ----
#include "quotes/source_model.h"

TEST_CASE("source model: features are a pure function of the candidate's facts") {
    quotes::SourceCandidate a, b;
    a.kind = quotes::SRC_NAME; a.entity_type = 1; a.parse_subject = true; a.distance = 2; a.rel = 7; a.head_word = 11; a.cue_word = 13;
    b = a;
    uint64_t fa[quotes::kMaxSourceFeatures], fa2[quotes::kMaxSourceFeatures], fb[quotes::kMaxSourceFeatures];
    const size_t na = quotes::source_features(a, fa), na2 = quotes::source_features(a, fa2);
    CHECK(na <= quotes::kMaxSourceFeatures);
    CHECK(std::vector<uint64_t>(fa, fa + na) == std::vector<uint64_t>(fa2, fa2 + na2));
    b.left = false;   // the other side of the cue
    const size_t nb = quotes::source_features(b, fb);
    CHECK(na == nb);
    CHECK(std::vector<uint64_t>(fa, fa + na) != std::vector<uint64_t>(fb, fb + nb));
    b = a; b.distance = 3;   // 3 to 5 tokens share a bucket
    quotes::source_features(b, fb);
    b.distance = 5;
    uint64_t fc[quotes::kMaxSourceFeatures];
    quotes::source_features(b, fc);
    CHECK(std::vector<uint64_t>(fb, fb + nb) == std::vector<uint64_t>(fc, fc + nb));
}

TEST_CASE("source model: the decoder takes the best positive candidate, else none (the rules' choice stays)") {
    const float m1[] = {-1.0f, 2.0f, 0.5f};
    CHECK(quotes::decide_source(m1, 3) == 1);
    const float m2[] = {-1.0f, -0.5f, 0.0f};
    CHECK(quotes::decide_source(m2, 3) == -1);
    const float m3[] = {1.5f, 1.5f};
    CHECK(quotes::decide_source(m3, 2) == 0);   // ties: the earlier
    CHECK(quotes::decide_source(m1, 0) == -1);
}

namespace {
struct SourceLog { std::vector<quotes::SourceChoice> choices; };
void log_source(void* c, const quotes::SourceChoice& ch) { static_cast<SourceLog*>(c)->choices.push_back(ch); }
}  // namespace

TEST_CASE("source model: the attributor reports each cued quote's candidates to the training hook") {
    SourceLog log;
    quotes::set_source_hook(&log_source, &log);
    Analysis a = analyze("Tom Reyes, a council member, said the vote was rushed. The plan would cost too much, he argued.", {});
    quotes::set_source_hook(nullptr, nullptr);
    REQUIRE(log.choices.size() >= 2);
    bool reyes = false, he = false;
    for (const auto& ch : log.choices) {
        CHECK(ch.features.size() == ch.spans.size());
        CHECK(ch.features.size() <= quotes::kMaxSourceCandidates);
        for (size_t k = 0; k < ch.spans.size(); ++k) {
            const std::string_view w = a.slice(ch.spans[k].first, ch.spans[k].second);
            CHECK((ch.spans[k].second <= ch.start || ch.spans[k].first >= ch.end || int(k) == ch.rule));   // never inside the content
            reyes = reyes || w == "Tom Reyes";
            he = he || w == "he";
        }
    }
    CHECK(reyes);
    CHECK(he);
}

TEST_CASE("source model: with the shipped model, an apposition's name and a pronoun after the content are the sources") {
    if (!quotes::source_model()) return;   // built without sources.bin: the rules alone
    auto q = quotes_of("Tom Reyes, a council member, said the vote was rushed. The plan would cost too much, he argued.");
    REQUIRE(q.size() == 2);
    CHECK(q[0].speaker == "Tom Reyes");
    CHECK(q[1].speaker == "Tom Reyes");
}

TEST_CASE("source model: a marked quote without a cue is reported too, its candidates around the quote") {
    SourceLog log;
    quotes::set_source_hook(&log_source, &log);
    Analysis a = analyze("“We were not told,” said Maria Chen, a resident.\n\n“The council never asked us about any of it.”\n", {});
    quotes::set_source_hook(nullptr, nullptr);
    bool cueless = false, chen = false;
    for (const auto& ch : log.choices) {
        if (ch.cued) continue;
        cueless = true;
        for (const auto& sp : ch.spans) chen = chen || a.slice(sp.first, sp.second).find("Maria Chen") != std::string_view::npos;
        CHECK(ch.rule >= 0);   // it continues the previous speaker: the rules' choice is that mention
    }
    CHECK(cueless);
    CHECK(chen);
}

TEST_CASE("source model: a continuation keeps its speaker") {
    auto q = quotes_of("“We were not told,” said Maria Chen, a resident.\n\n“The council never asked us about any of it.”\n");
    REQUIRE(q.size() == 2);
    CHECK(q[0].speaker == "Maria Chen");
    CHECK(q[1].speaker == "Maria Chen");
}

TEST_CASE("quotes: a speaker in apposition is linked to the name before the comma, not a name inside the apposition") {
    auto q = quotes_of("Roy Asher, chief investment officer of Hibernian Investment Managers, said the market would rise this year.");
    REQUIRE(q.size() == 1);
    CHECK(q[0].speaker == "Roy Asher");
}

TEST_CASE("quotes: a he/she speaker linked to a person is a mention of an entity") {
    const std::string text =
        "Trade minister Kamal Nath said the move would bring jobs. Anil Kumar, managing director of a property company, "
        "told reporters this was \"a big positive step.\" However, Chittabrata Majumdar, general secretary of the Centre of "
        "Indian Trade Unions, said the move hurts the country. He said, \"No country can develop with foreign money alone.\"";
    Analysis a = analyze(text, {});
    for (const auto& q : a.quotes) {
        if (!q.has_speaker_span || q.speaker.empty()) continue;
        const std::string_view w = a.slice(q.speaker_span.start, q.speaker_span.end);
        if (w != "He" && w != "he" && w != "She" && w != "she") continue;
        bool mention = false;
        for (const auto& e : a.entities)
            for (const auto& m : e.mentions) mention = mention || (m.start == q.speaker_span.start && m.end == q.speaker_span.end);
        CHECK(mention);
    }
}

// ---- the learned attribution filter (quotes/attribution_model.h) ----
#include "quotes/attribution_model.h"

TEST_CASE("attribution model: features are a pure function of the proposal's facts") {
    quotes::AttributionCandidate a;
    a.cue_word = 17; a.cue_pos = 3; a.cue_lex = 1; a.cue_subject = true; a.length = 9; a.first_word = 23; a.finite = true; a.speaker = 2;
    uint64_t fa[quotes::kMaxAttributionFeatures], fa2[quotes::kMaxAttributionFeatures], fb[quotes::kMaxAttributionFeatures];
    const size_t na = quotes::attribution_features(a, fa), na2 = quotes::attribution_features(a, fa2);
    CHECK(na <= quotes::kMaxAttributionFeatures);
    CHECK(std::vector<uint64_t>(fa, fa + na) == std::vector<uint64_t>(fa2, fa2 + na2));
    quotes::AttributionCandidate b = a;
    b.cue_subject = false;   // a learned cue with no subject in the parse reads differently
    const size_t nb = quotes::attribution_features(b, fb);
    CHECK(nb == na);
    CHECK(std::vector<uint64_t>(fa, fa + na) != std::vector<uint64_t>(fb, fb + nb));
    b = a; b.length = 10;   // 9 to 16 tokens share a bucket
    quotes::attribution_features(b, fb);
    CHECK(std::vector<uint64_t>(fa, fa + na) == std::vector<uint64_t>(fb, fb + nb));
    // the decision: KEEP must beat DROP by more than the bias
    const float keep[2] = {0.0f, quotes::kAttributionBias + 1.0f}, tie[2] = {0.0f, quotes::kAttributionBias};
    CHECK(quotes::attribution_kept(keep));
    CHECK(!quotes::attribution_kept(tie));
}

namespace {
struct AttributionLog { std::vector<std::pair<uint32_t, uint32_t>> spans; size_t features = 0; };
void log_attribution(void* c, const uint64_t*, size_t n, uint32_t start, uint32_t end) {
    auto* log = static_cast<AttributionLog*>(c);
    log->spans.push_back({start, end});
    log->features = std::max(log->features, n);
}
}  // namespace

TEST_CASE("attribution model: indirect proposals reach the training hook, marked quotes do not") {
    AttributionLog log;
    quotes::set_attribution_hook(&log_attribution, &log);
    Analysis a = analyze("The mayor said the bridge would close on Monday. \"It is a disgrace,\" said Tom Reyes.", {});
    quotes::set_attribution_hook(nullptr, nullptr);
    REQUIRE(log.spans.size() == 1);
    CHECK(a.slice(log.spans[0].first, log.spans[0].second) == "the bridge would close on Monday");
    CHECK(log.features > 0);
    CHECK(log.features <= quotes::kMaxAttributionFeatures);
    // with the hook set every proposal stays: both quotes are there
    CHECK(a.quotes.size() == 2);
}

TEST_CASE("attribution model: a learned cue with no subject inside another attribution's content is part of it") {
    // "is expected to begin …, according to …": one attribution, not a second one for "expected"
    auto q = quotes_of("Construction is expected to begin in the spring and to take about 18 months, according to the city's engineering department.");
    REQUIRE(q.size() == 1);
    CHECK(q[0].text == "Construction is expected to begin in the spring and to take about 18 months");
}
