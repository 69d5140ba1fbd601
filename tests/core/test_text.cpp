// Stage 1 — text: UTF-8 repair and offset map, paragraphs, boilerplate, the date line.
#include "article_explorer/text.h"
#include "article_explorer/lexicon.h"
#include "../../core/src/text/word_table.h"

#include <string>
#include <vector>

#include <doctest/doctest.h>

using namespace ae;

TEST_CASE("utf8: valid text passes through unchanged with an identity map") {
    std::string s = "Bárcena said “no” — 😀 ok";
    CleanText c = clean_text(s);
    CHECK(c.text == s);
    CHECK(c.invalid_bytes == 0);
    CHECK(c.map.anchors.empty());
    CHECK(c.map.to_input(5) == 5);
}

TEST_CASE("utf8: invalid bytes become U+FFFD and offsets map back to the input") {
    std::string s = std::string("ab\xFF") + "cd\xC3(e";   // stray 0xFF, truncated 2-byte sequence
    CleanText c = clean_text(s);
    CHECK(c.invalid_bytes == 2);
    CHECK(c.text == "ab\xEF\xBF\xBD" "cd\xEF\xBF\xBD(e");
    // "cd" starts at input 3, cleaned 5; "(e" at input 6, cleaned 10.
    CHECK(c.map.to_input(5) == 3);
    CHECK(c.map.to_input(10) == 6);
    CHECK(c.map.to_input(uint32_t(c.text.size())) == s.size());
}

TEST_CASE("utf8: overlong forms, surrogates and out-of-range code points are invalid") {
    uint32_t cp;
    CHECK(utf8_decode("\xC0\xAF", 0, cp) == 0);          // overlong '/'
    CHECK(utf8_decode("\xED\xA0\x80", 0, cp) == 0);      // UTF-16 surrogate
    CHECK(utf8_decode("\xF4\x90\x80\x80", 0, cp) == 0);  // > U+10FFFF
    CHECK(utf8_decode("\xE2\x80\x9C", 0, cp) == 3);
    CHECK(cp == 0x201C);
}

TEST_CASE("utf8: NUL and control bytes become spaces, CR LF stays one line break") {
    std::string s("a\0b\r\nc\rd", 8);
    CleanText c = clean_text(s);
    CHECK(c.text.size() == s.size());
    CHECK(c.text == std::string("a b \nc\nd"));
    CHECK(c.control_bytes == 1);
}

TEST_CASE("utf16 index counts code units, astral characters twice") {
    std::string s = "a😀é“b";
    Utf16Index u(s);
    CHECK(u.at(0) == 0);
    CHECK(u.at(1) == 1);
    CHECK(u.at(5) == 3);    // after the emoji (4 bytes, 2 units)
    CHECK(u.at(7) == 4);    // after é
    CHECK(u.at(uint32_t(s.size())) == 6);
    std::string big(1000, 'x');
    CHECK(Utf16Index(big).at(999) == 999);
}

TEST_CASE("paragraphs: blank lines and single lines, hard-wrapped prose kept whole") {
    std::string s = "Title line\n\nFirst paragraph.\nSecond paragraph.\n\n\n  Third.  \n";
    auto p = split_paragraphs(s);
    REQUIRE(p.size() == 4);
    CHECK(s.substr(p[0].start, p[0].end - p[0].start) == "Title line");
    CHECK(s.substr(p[3].start, p[3].end - p[3].start) == "Third.");
    std::string wrapped =
        "The committee met for several hours on Tuesday to discuss the\n"
        "proposal, which would change how the city funds its public\n"
        "transport network over the next ten years.\n";
    auto q = split_paragraphs(wrapped);
    CHECK(q.size() == 1);
    CHECK(split_paragraphs("").empty());
    CHECK(split_paragraphs("\n\n  \n").empty());
}

TEST_CASE("boilerplate: captions and promos, not story text") {
    CHECK(is_boilerplate("Ecuador's Vice President Jorge Glas. Credit: AP"));
    CHECK(is_boilerplate("Police guard the centre where he was held. Credit: AP"));
    CHECK(is_boilerplate("Want a quick and expert briefing on the biggest news stories? Listen to our latest podcasts to find out What You Need To know..."));
    CHECK(is_boilerplate("Sign up for our morning newsletter to get the day's top stories in your inbox."));
    CHECK(is_boilerplate("A protester waves a flag in the capital (Photo by Jane Doe/Getty Images)"));
    CHECK_FALSE(is_boilerplate("The minister said the credit markets would recover by spring."));
    CHECK_FALSE(is_boilerplate("Bárcena said that Mexico would take the case to the International Court of Justice."));
    CHECK_FALSE(is_boilerplate("Copyright lawyers said the ruling would change the music industry."));
}

static std::string date_of(const std::string& s) {
    auto p = split_paragraphs(s);
    DateLine d = find_date_line(s, p);
    return d.found ? d.iso : "";
}

TEST_CASE("date line: the forms news pages use") {
    CHECK(date_of(" date 2024-04-06 Mexico is severing diplomatic ties.") == "2024-04-06");
    CHECK(date_of("Published: April 6, 2024\n\nStory.") == "2024-04-06");
    CHECK(date_of("Headline here\nApril 6, 2024\n\nStory.") == "2024-04-06");
    CHECK(date_of("2024-04-06T10:15:00Z\nStory.") == "2024-04-06");
    CHECK(date_of("Saturday 6 April 2024 12.01 BST\n\nStory.") == "2024-04-06");
    CHECK(date_of("Last updated on Sept. 3, 2023 at 5:30 p.m. EDT\n\nStory.") == "2023-09-03");
    CHECK(date_of("Updated 29 February 2024\nStory") == "2024-02-29");
}

TEST_CASE("date line: not a date line") {
    CHECK(date_of("On April 6, 2024 the police raided the embassy.") == "");
    CHECK(date_of("date 2023-02-30 is not a day") == "");
    CHECK(date_of("Story without a date.\n\nAnother paragraph.") == "");
    // Only the article's head is searched.
    CHECK(date_of("a\n\nb\n\nc\n\nd\n\ne\n\nApril 6, 2024") == "");
}

TEST_CASE("date line: the span covers keyword, date and time") {
    std::string s = "Published: April 6, 2024 10:30 GMT\n\nStory.";
    DateLine d = find_date_line(s, split_paragraphs(s));
    REQUIRE(d.found);
    CHECK(s.substr(d.span.start, d.span.end - d.span.start) == "Published: April 6, 2024 10:30 GMT");
}

TEST_CASE("written dates: month names and abbreviations") {
    CHECK(month_from_name("April") == 4);
    CHECK(month_from_name("sept") == 9);
    CHECK(month_from_name("Dec") == 12);
    CHECK(month_from_name("Ma") == 0);
    std::string iso;
    CHECK(parse_written_date("6th April, 2024", 0, iso) > 0);
    CHECK(iso == "2024-04-06");
}

TEST_CASE("text: WordTable finds every key it was given, through growth, and nothing else") {
    std::vector<std::string> words;
    for (int i = 0; i < 500; ++i) words.push_back("w" + std::to_string(i * 7919));
    ae::WordTable<int> t;
    CHECK(t.find("anything") == nullptr);   // empty
    for (size_t i = 0; i < words.size(); ++i) t[words[i]] = int(i) + 1;
    t[words[3]] = 1000;                     // an existing key is found, not added twice
    int entries = 0;
    t.for_each([&](std::string_view, int&) { ++entries; });
    CHECK(entries == 500);
    for (size_t i = 0; i < words.size(); ++i) {
        const int* v = t.find(words[i]);
        REQUIRE(v);
        CHECK(*v == (i == 3 ? 1000 : int(i) + 1));
    }
    CHECK(t.find("w1") == nullptr);
    CHECK(t.find("") == nullptr);
    CHECK(t.find("w7919x") == nullptr);
}

TEST_CASE("text: calendar.txt gives months, weekdays and their flags") {
    REQUIRE(calendar_word("april"));
    CHECK(calendar_word("april")->month == 4);
    CHECK(calendar_word("april")->flags == CAL_AMBIGUOUS);
    CHECK(calendar_word("sept")->month == 9);
    CHECK(calendar_word("sept")->flags == CAL_ABBR);
    CHECK(calendar_word("may")->flags == (CAL_AMBIGUOUS | CAL_NAME));   // "Theresa May"
    CHECK(calendar_word("thurs")->weekday == 4);
    CHECK(calendar_word("sunday")->weekday == 7);
    CHECK(calendar_word("sat")->flags == (CAL_ABBR | CAL_WORD));       // "He sat."
    CHECK(calendar_word("April") == nullptr);                           // look-ups are lower case
    CHECK(calendar_word("mondays") == nullptr);                         // plurals are the values stage's rule
    CHECK(calendar_word("ma") == nullptr);
    // every month's first three letters are its short form (month_from_name reads them)
    for (const char* m : {"january", "february", "march", "april", "may", "june", "july", "august", "september",
                          "october", "november", "december"}) {
        const CalendarWord* full = calendar_word(m);
        const CalendarWord* abbr = calendar_word(std::string_view(m, 3));
        REQUIRE(full);
        REQUIRE(abbr);
        CHECK(full->month == abbr->month);
    }
}

TEST_CASE("boilerplate: boilerplate.txt's kinds, a phrase's final space included") {
    CHECK(is_boilerplate("Photo by Jane Doe"));                                   // credit
    CHECK_FALSE(is_boilerplate("The photo byline was wrong, the editor said."));   // "photo by " ends in a space
    CHECK(is_boilerplate("Sign up to our morning briefing."));                    // promo-start
    CHECK(is_boilerplate("Our podcast and our newsletter are free."));            // two promo-words
    CHECK_FALSE(is_boilerplate("The podcast host was arrested on Friday."));      // one, not to the reader
}
