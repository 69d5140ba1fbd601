// Stage 2 — tokenizer and sentence splitter for news text.
#include "article_explorer/analysis.h"
#include "article_explorer/tokens.h"
#include "article_explorer/lexicon.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace ae;

static std::vector<std::string> toks(const std::string& s) {
    std::vector<Token> t;
    tokenize(s, 0, uint32_t(s.size()), 0, t);
    std::vector<std::string> out;
    for (auto& k : t) out.push_back(s.substr(k.start, k.end - k.start));
    return out;
}

using V = std::vector<std::string>;

TEST_CASE("tokenizer: clitics and possessives the PTB way") {
    CHECK(toks("Ecuador's police") == V{"Ecuador", "'s", "police"});
    CHECK(toks("Ecuador’s police") == V{"Ecuador", "’s", "police"});
    CHECK(toks("Glas' detention") == V{"Glas", "'", "detention"});
    CHECK(toks("don't can't won't") == V{"do", "n't", "ca", "n't", "wo", "n't"});
    CHECK(toks("they're we've I'll she'd I'm") == V{"they", "'re", "we", "'ve", "I", "'ll", "she", "'d", "I", "'m"});
    CHECK(toks("O'Brien rock'n'roll") == V{"O'Brien", "rock'n'roll"});
}

TEST_CASE("tokenizer: abbreviations keep their period, sentence periods do not") {
    CHECK(toks("the U.S. and Mr. Smith") == V{"the", "U.S.", "and", "Mr.", "Smith"});
    CHECK(toks("on Jan. 5 at 5 p.m.") == V{"on", "Jan.", "5", "at", "5", "p.m."});
    CHECK(toks("John F. Kennedy") == V{"John", "F.", "Kennedy"});
    CHECK(toks("He sat.") == V{"He", "sat", "."});
    CHECK(toks("said no.") == V{"said", "no", "."});
    CHECK(toks("No. 10 Downing") == V{"No.", "10", "Downing"});
}

TEST_CASE("tokenizer: numbers, money, percentages, hyphens, dashes") {
    CHECK(toks("$1,250.50 and 12.5% of €25m") == V{"$", "1,250.50", "and", "12.5", "%", "of", "€", "25m"});
    CHECK(toks("Vice-President break-in 7-2") == V{"Vice-President", "break-in", "7-2"});
    CHECK(toks("wait—no -- yes – maybe") == V{"wait", "—", "no", "--", "yes", "–", "maybe"});
    CHECK(toks("5:30 2024-04-06") == V{"5:30", "2024-04-06"});
    CHECK(toks("Wait... what…") == V{"Wait", "...", "what", "…"});
}

TEST_CASE("tokenizer: quotes are their own tokens") {
    CHECK(toks("“inviolable” and \"strength\"") == V{"“", "inviolable", "”", "and", "\"", "strength", "\""});
    CHECK(toks("‘no’") == V{"‘", "no", "’"});
    CHECK(toks("``hi''") == V{"``", "hi", "''"});
}

TEST_CASE("tokenizer: URLs, e-mails, handles, hashtags, emoji") {
    CHECK(toks("see https://example.org/a?b=1. Now") == V{"see", "https://example.org/a?b=1", ".", "Now"});
    CHECK(toks("mail press@example.org today") == V{"mail", "press@example.org", "today"});
    CHECK(toks("@AP_Politics #Election2024") == V{"@AP_Politics", "#Election2024"});
    CHECK(toks("ok 👍🏽 👨‍👩‍👧 yes") == V{"ok", "👍🏽", "👨‍👩‍👧", "yes"});
}

TEST_CASE("tokenizer: other scripts, right-to-left text, replacement characters") {
    CHECK(toks("Москва сказала") == V{"Москва", "сказала"});
    CHECK(toks("قال الوزير، أمس") == V{"قال", "الوزير", "،", "أمس"});
    CHECK(toks("a\xEF\xBF\xBD\xEF\xBF\xBD b").size() == 3);
}

TEST_CASE("tokenizer: space and newline flags, bounded token length") {
    std::string s = "a b\nc";
    std::vector<Token> t;
    tokenize(s, 0, uint32_t(s.size()), 3, t);
    REQUIRE(t.size() == 3);
    CHECK_FALSE(t[0].space_before);
    CHECK(t[1].space_before);
    CHECK(t[2].newline_before);
    CHECK(t[2].paragraph == 3);
    std::string longword(5000, 'x');
    auto lt = toks(longword);
    CHECK(lt.size() == 5);
    for (auto& w : lt) CHECK(w.size() <= 1024);
}

static V sents(const std::string& s) {
    std::vector<Token> t;
    tokenize(s, 0, uint32_t(s.size()), 0, t);
    std::vector<Sentence> out;
    split_sentences(s, t, 0, uint32_t(t.size()), 0, out);
    V v;
    for (auto& x : out) v.push_back(s.substr(x.start, x.end - x.start));
    return v;
}

TEST_CASE("sentences: plain breaks and abbreviations") {
    CHECK(sents("It rained. Then it stopped! Did it? Yes.") == V{"It rained.", "Then it stopped!", "Did it?", "Yes."});
    CHECK(sents("Mr. Smith met Dr. Jones in the U.S. capital.") == V{"Mr. Smith met Dr. Jones in the U.S. capital."});
    CHECK(sents("He moved to the U.S. The move was quick.") == V{"He moved to the U.S.", "The move was quick."});
    CHECK(sents("John F. Kennedy spoke.") == V{"John F. Kennedy spoke."});
    CHECK(sents("Prices rose 2.5 percent. Markets fell.") == V{"Prices rose 2.5 percent.", "Markets fell."});
}

TEST_CASE("sentences: a title that is a word too ends no sentence before a name") {
    CHECK(sents("Rep. John Mica (R-Fla.) said it. Reps. Jordan and Cummings agreed.") ==
          V{"Rep. John Mica (R-Fla.) said it.", "Reps. Jordan and Cummings agreed."});
    CHECK(sents("State Del. Marcia Price spoke.") == V{"State Del. Marcia Price spoke."});
    CHECK(sents("Sens. Joe Manchin and Pat Toomey spoke.") == V{"Sens. Joe Manchin and Pat Toomey spoke."});
    CHECK(sents("He is a sales rep. He sells cars.") == V{"He is a sales rep.", "He sells cars."});   // lower case: a word
    CHECK(sents("He met the Rep. The talk was short.") == V{"He met the Rep.", "The talk was short."});   // a sentence opener follows
}

TEST_CASE("sentences: never inside a quote; closing marks stay with their sentence") {
    CHECK(sents("“This is not possible. It cannot be,” he said. Then he left.") ==
          V{"“This is not possible. It cannot be,” he said.", "Then he left."});
    CHECK(sents("She said: “We will win.” The crowd cheered.") == V{"She said: “We will win.”", "The crowd cheered."});
    CHECK(sents("\"Go home.\" he shouted.") == V{"\"Go home.\" he shouted."});
    CHECK(sents("It was over (finally.) Next day came.") == V{"It was over (finally.)", "Next day came."});
}

TEST_CASE("sentences: a mark that opens inside an open quote does not nest") {
    // the quote left unclosed at "wasted." is reopened, not nested: it ends at "minister."
    CHECK(sents("He said: \"Your vote was wasted. \"What people needed was a party which said no to the prime minister.\" "
                "Liam Fox said: \"Like Labour, they are soft.\"") ==
          V{"He said: \"Your vote was wasted. \"What people needed was a party which said no to the prime minister.\"",
            "Liam Fox said: \"Like Labour, they are soft.\""});
}

TEST_CASE("sentences: an unclosed quote does not swallow the paragraph forever") {
    std::string s = "“Start of a quote that never closes.";
    for (int k = 0; k < 60; ++k) s += " Another sentence here.";
    auto v = sents(s);
    CHECK(v.size() > 5);
}

TEST_CASE("sentences: very long runs are cut so later stages stay bounded") {
    std::string s;
    for (int k = 0; k < 3000; ++k) s += "word ";
    auto v = sents(s);
    CHECK(v.size() >= 7);
}

TEST_CASE("quote roles from spacing") {
    std::string s = "he said \"yes\" and 'no'";
    std::vector<Token> t;
    tokenize(s, 0, uint32_t(s.size()), 0, t);
    CHECK(quote_role(s, t, 2) == QuoteRole::Open);
    CHECK(quote_role(s, t, 4) == QuoteRole::Close);
}

TEST_CASE("tokens: abbreviations.txt and calendar.txt's short forms say where a period stays") {
    CHECK(abbreviation_flags("mr") == (ABBR_TOKENS | ABBR_VALUES));
    CHECK(abbreviation_flags("no") == (ABBR_NUMBER | ABBR_VALUES));   // "No. 5" but "said no."
    CHECK(abbreviation_flags("rs") == ABBR_VALUES);
    CHECK(abbreviation_flags("calif") == ABBR_TOKENS);
    CHECK(abbreviation_flags("jan") == (ABBR_TOKENS | ABBR_VALUES));  // calendar.txt
    CHECK(abbreviation_flags("sat") == ABBR_VALUES);                  // a word too: "He sat."
    CHECK(abbreviation_flags("may") == 0);                            // a full name
    CHECK(abbreviation_flags("Mr") == 0);                             // look-ups are lower case
    CHECK(is_abbreviation("Calif."));
    CHECK(is_abbreviation("Jan."));
    CHECK_FALSE(is_abbreviation("Sat."));
    CHECK(is_abbreviation("No."));
    CHECK(toks("He sat. Then") == V{"He", "sat", ".", "Then"});
    CHECK(toks("On Jan. 5") == V{"On", "Jan.", "5"});
}

TEST_CASE("sentences: sentence-openers.txt words break after an abbreviation's period") {
    CHECK(sents("He joined Acme Inc. Officials said so.") == V{"He joined Acme Inc.", "Officials said so."});
    CHECK(sents("He joined Acme Inc. Lawyers said so.") == V{"He joined Acme Inc. Lawyers said so."});
    CHECK(builtin_lexicon("sentence-openers").find("\nOfficials\n") != std::string_view::npos);
}

TEST_CASE("tokens: Analysis::token_at_or_after finds a span's first token by byte offset") {
    Options o;
    o.tokens_only = true;
    Analysis a = analyze("Jorge Glas was arrested.", o);   // Jorge 0-5, Glas 6-10, was 11-14 ...
    REQUIRE(a.tokens.size() == 5);
    CHECK(a.token_at_or_after(0) == 0);
    CHECK(a.token_at_or_after(6) == 1);     // a token's start
    CHECK(a.token_at_or_after(3) == 1);     // inside "Jorge": the next one
    CHECK(a.token_at_or_after(10) == 2);    // a span's end: the token after it
    CHECK(a.token_at_or_after(100) == 5);   // past the end
    Analysis empty;
    CHECK(empty.token_at_or_after(0) == 0);
}
