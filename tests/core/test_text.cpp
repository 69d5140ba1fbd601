// Stage 1 — text: UTF-8 repair and offset map, paragraphs, boilerplate, the date line.
#include "article_explorer/text.h"
#include "article_explorer/lexicon.h"
#include "../../core/src/text/word_table.h"
#include "../../core/src/text/head.h"

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

// ---- the article's head as pages paste it (issue 30) ---------------------------------------------

static std::string text_of(const std::string& s, Span sp) { return s.substr(sp.start, sp.end - sp.start); }

static PageParts parts_of(const std::string& s, std::vector<Paragraph>* out = nullptr) {
    std::vector<Paragraph> p = split_paragraphs(s);
    PageParts r = find_page_parts(s, p);
    if (out) *out = p;
    return r;
}

TEST_CASE("head: a long headline is not wrapped into the date line under it") {
    const std::string body = "\nThe Senate voted on Tuesday to approve the plan.\n";
    CHECK(date_of("Two men charged over Louvre jewel heist\ndate 2025-04-08" + body) == "2025-04-08");
    CHECK(date_of("Nervous senators from both parties press Trump trade rep on tariffs\ndate 2025-04-08" + body) == "2025-04-08");
    std::string s = "Nervous senators from both parties press Trump trade rep on tariffs\nThe Senate voted on Tuesday to approve the plan, which had been debated for months by both parties.\n";
    auto p = split_paragraphs(s);
    REQUIRE(p.size() == 2);
    CHECK(text_of(s, parts_of(s).title) == "Nervous senators from both parties press Trump trade rep on tariffs");
}

TEST_CASE("head: the date line forms of issue 30") {
    const std::string h = "Nervous senators from both parties press Trump trade rep on tariffs\n";
    const std::string b = "\nThe Senate voted on Tuesday to approve the plan.";
    CHECK(date_of(h + "8 April 2025 \xE2\x80\xA2 11:02 BST" + b) == "2025-04-08");
    CHECK(date_of(h + "April 8, 2025 / 5:02 PM / Updated 2 hours ago" + b) == "2025-04-08");
    CHECK(date_of(h + "Published 7:02 PM EST, Tue April 8, 2025" + b) == "2025-04-08");
    CHECK(date_of(h + "08/04/2025" + b) == "2025-04-08");                       // day first ...
    CHECK(date_of(h + "04/08/2025 05:02 PM EDT" + b) == "2025-04-08");          // ... unless a US zone says month first
    CHECK(date_of(h + "By Jane Doe | April 8, 2025" + b) == "2025-04-08");
    CHECK(date_of(h + "April 8, 2025 \xE2\x80\x94 5.02pm" + b) == "2025-04-08");
    CHECK(date_of(h + "April 8, 20253:02 PM GMT+1Updated 2 hours ago" + b) == "2025-04-08");   // glued
    CHECK(date_of(h + "Published On 8 Apr 20258 Apr 2025" + b) == "2025-04-08");
    CHECK(date_of(h + "Posted on April 8, 2025 by Jane Doe" + b) == "2025-04-08");
    CHECK(date_of(h + "Tuesday 8 April 2025 17:02, UK" + b) == "2025-04-08");
    CHECK(date_of(h + "Apr. 8, 2025" + b) == "2025-04-08");
    CHECK(date_of(h + "Updated 2 hours ago" + b) == "");                          // no date to read
}

TEST_CASE("head: published is preferred over updated, and says so") {
    std::string s = "Rotterdam dockworkers strike\nUpdated 9:15 AM EDT, Wed April 9, 2025\nPublished 7:02 PM EDT, Tue April 8, 2025\nThe port was closed.";
    DateLine d = find_date_line(s, split_paragraphs(s));
    REQUIRE(d.found);
    CHECK(d.iso == "2025-04-08");
    CHECK(d.label == "published");
    std::string u = "Rotterdam dockworkers strike\nUpdated April 9, 2025\nThe port was closed.";
    d = find_date_line(u, split_paragraphs(u));
    CHECK(d.iso == "2025-04-09");
    CHECK(d.label == "updated");
    std::string plain = "Rotterdam dockworkers strike\n8 April 2025\nUpdated 9 April 2025\nThe port was closed.";
    d = find_date_line(plain, split_paragraphs(plain));
    CHECK(d.iso == "2025-04-08");
    CHECK(d.label == "");
}

TEST_CASE("head: bylines, and sentences that open with By") {
    CHECK(head::match_byline("By Jane Doe, Associated Press") == 29);
    CHECK(head::match_byline("By JANE DOE and JOHN ROE") > 0);
    CHECK(head::match_byline("Written by Jane Doe") > 0);
    CHECK(head::match_byline("By The Associated Press") > 0);
    CHECK(head::match_byline("By Jane Doe, senior political correspondent") > 0);
    CHECK(head::match_byline("By Tuesday, the number had risen to 40.") == 0);
    CHECK(head::match_byline("By then, the police had left.") == 0);
    CHECK(head::match_byline("By Christmas, the shops had sold out.") == 0);
    CHECK(head::match_byline("by the committee chair and") == 0);
    std::string s = "Two men charged over Louvre jewel heist\nBy Jane Doe, Associated Press\nPublished April 8, 2025\nThe police said two men were held.";
    std::vector<Paragraph> p;
    PageParts r = parts_of(s, &p);
    CHECK(text_of(s, r.byline) == "By Jane Doe, Associated Press");
    REQUIRE(p.size() == 4);
    CHECK(p[0].role == ParagraphRole::Title);
    CHECK(p[1].role == ParagraphRole::Byline);
    CHECK(p[2].role == ParagraphRole::DateLine);
    CHECK(p[3].role == ParagraphRole::Story);
    // a name and a role line are the byline beside a date line, not a venue under a title
    std::string bbc = "Ad sales boost profit\nJane Doe\nBusiness reporter, BBC News\n8 April 2025\nProfits rose.";
    PageParts b = parts_of(bbc, &p);
    CHECK(text_of(bbc, b.byline) == "Jane Doe");
    CHECK(p[2].role == ParagraphRole::Byline);
    std::string venue = "Blackburn v Burnley\n\nEwood Park\n\nTuesday, 1 March\n\nThe match starts at eight.";
    CHECK(parts_of(venue).byline.end == 0);
}

TEST_CASE("head: datelines open the first story paragraph") {
    CHECK(head::match_dateline("WASHINGTON (AP) \xE2\x80\x94 The Senate voted.") > 0);
    CHECK(head::match_dateline("LONDON, Nov 18 (Reuters) - Shares fell.") > 0);
    CHECK(head::match_dateline("KYIV, Ukraine (AP) \xE2\x80\x94 Drones hit.") > 0);
    CHECK(head::match_dateline("(CNN) \xE2\x80\x94 The storm moved east.") > 0);
    CHECK(head::match_dateline("Washington (CNN) \xE2\x80\x94 The storm moved east.") > 0);
    CHECK(head::match_dateline("MANCHESTER, N.H. - Voters queued.") > 0);
    CHECK(head::match_dateline("SAN FRANCISCO, April 8, 2025 /PRNewswire/ -- Acme said.") > 0);
    CHECK(head::match_dateline("NEW DELHI: The government said.") > 0);
    CHECK(head::match_dateline("BREAKING: The government said.") == 0);
    CHECK(head::match_dateline("Meanwhile \xE2\x80\x94 the police said.") == 0);
    CHECK(head::match_dateline("Paris \xE2\x80\x94 the city of light \xE2\x80\x94 is quiet.") == 0);
    CHECK(head::match_dateline("IOWA POLLS NOT NECESSARILY WRONG, JUST TOO EARLY - The polls") == 0);
    std::string s = "Two men charged over Louvre heist\n\nPARIS (AP) \xE2\x80\x94 Police arrested two men on Sunday.";
    CHECK(text_of(s, parts_of(s).dateline) == "PARIS (AP) \xE2\x80\x94");
}

TEST_CASE("head: the title, or none") {
    std::string s = "Ad sales boost Time Warner profit\n\nQuarterly profits jumped 76%.\n\nThe firm said so.";
    CHECK(text_of(s, parts_of(s).title) == "Ad sales boost Time Warner profit");
    std::string lead = "Dockworkers in Rotterdam walked off the job on Thursday, halting cargo traffic at Europe's largest port for the first time since 2019.\n\nThe strike was called.";
    CHECK(parts_of(lead).title.end == 0);
    std::string dated = "Published: March 14, 2025\n\nDockworkers in Rotterdam walked off the job on Thursday.\n\nThe strike was called.";
    CHECK(parts_of(dated).title.end == 0);
    std::string abbr = "Apple Inc. CEO Steve Jobs on medical leave\n\nJanuary 17, 2011\nSteve Jobs announced Monday that he would be on leave.";
    CHECK(text_of(abbr, parts_of(abbr).title) == "Apple Inc. CEO Steve Jobs on medical leave");
}

TEST_CASE("boilerplate: page furniture, not short story paragraphs") {
    for (const char* f : {"Advertisement", "ADVERTISEMENT", "Share", "Share this article", "Copy link",
                          "Image caption, Police outside the Louvre", "Image source, Getty Images", "Getty Images",
                          "Read more: How the heist unfolded", "Sign up for our newsletter", "45 comments", "Comments (12)",
                          "Share on Facebook Twitter Email", "We use cookies to improve your experience on our site.",
                          "Jane Doe contributed to this report.", "(Reporting by Jane Doe; Editing by John Roe)",
                          "Story continues below advertisement", "___", "Credit...Jane Roe for The New York Times"})
        CHECK_MESSAGE(is_boilerplate(f), std::string(f));
    for (const char* s : {"\xE2\x80\x9CWe did not want this.\xE2\x80\x9D", "What happens next", "A long road back",
                          "Twitter.", "Pause.", "78,000", "7 p.m.",
                          "Islamic State has killed members of the Yazidi religion. (Reporting by Jane Doe; Editing by John Roe.)",
                          "Several factors contributed to the defeat, the manager said."})
        CHECK_MESSAGE(!is_boilerplate(s), std::string(s));
    // a list heading is furniture above a list of links, a subhead above prose
    std::string list = "Story.\n\nMore on this story\n\nLouvre thieves escape with jewels\n\nWhat we know about the heist";
    std::vector<Paragraph> p;
    parts_of(list, &p);
    REQUIRE(p.size() == 4);
    CHECK(p[1].boilerplate);
    CHECK(p[2].boilerplate);
    CHECK(p[3].boilerplate);
    std::string sub = "Story.\n\nTop stories\n\nThe council voted on Monday to close the bridge for repairs.";
    parts_of(sub, &p);
    CHECK_FALSE(p[1].boilerplate);
}

TEST_CASE("paragraphs: wrapped prose stays whole, short lines and lists do not") {
    std::string wrapped =
        "The committee met for several hours on Tuesday to discuss the\n"
        "proposal, which would change how the city funds its public\n"
        "transport network over the next ten years.\n";
    CHECK(split_paragraphs(wrapped).size() == 1);
    std::string list = "- Increase in the stamp duty threshold from 60,000\n - A freeze on petrol duty\n - An extension of tax credits\n";
    CHECK(split_paragraphs(list).size() == 3);
    // three lines of about the same length: a caption, a story line, a promo (no wrapped prose)
    std::string run = "Image caption, The envoy at the hearing on Tuesday\nThe envoy said the talks would continue next week.\n"
                      "Read more: What the tariffs mean for farmers\n";
    auto r = split_paragraphs(run);
    REQUIRE(r.size() == 3);
    CHECK(r[0].boilerplate);
    CHECK_FALSE(r[1].boilerplate);
    CHECK(r[2].boilerplate);
    std::string caption = "Image caption, Police outside the Louvre on Sunday\nThe thieves escaped on scooters after a seven-minute raid, officials said.\n";
    auto p = split_paragraphs(caption);
    REQUIRE(p.size() == 2);
    CHECK(p[0].boilerplate);
    CHECK_FALSE(p[1].boilerplate);
}

TEST_CASE("head: the short test page of issue 30 through the whole pipeline") {
    const std::string s =
        "Two men charged over Louvre jewel heist\n"
        "By Jane Doe, Associated Press\n"
        "Published April 8, 2025\n"
        "Share\n"
        "PARIS (AP) \xE2\x80\x94 Police arrested two men on Sunday over the theft of crown jewels from the Louvre, prosecutors said. "
        "\"We will find the rest,\" Paris prosecutor Laure Beccuau told reporters.\n"
        "Getty Images\n"
        "Image caption, Police outside the Louvre on Sunday\n"
        "The thieves escaped on scooters after a seven-minute raid, officials said.\n"
        "Read more: How the heist unfolded\n"
        "Related Topics\n"
        "France\n"
        "Crime\n";
    Analysis a = analyze(s);
    CHECK(a.reference_date == "2025-04-08");
    CHECK(a.date_line_label == "published");
    CHECK(text_of(a.text, a.title) == "Two men charged over Louvre jewel heist");
    CHECK(text_of(a.text, a.byline) == "By Jane Doe, Associated Press");
    CHECK(text_of(a.text, a.dateline) == "PARIS (AP) \xE2\x80\x94");
    // nothing of the analysis from the byline, the date line, the dateline or the clutter
    const uint32_t story = uint32_t(s.find("Police arrested")), caption = uint32_t(s.find("Getty Images")),
                   after_caption = uint32_t(s.find("The thieves")), more = uint32_t(s.find("Read more"));
    auto quiet = [&](uint32_t b, uint32_t e) {
        return (b >= a.title.end && e <= story) || (b >= caption && e <= after_caption) || b >= more;
    };
    for (const Entity& e : a.entities)
        for (const Mention& m : e.mentions) CHECK_MESSAGE(!quiet(m.start, m.end), std::string(a.slice(m.start, m.end)));
    for (const Quote& q : a.quotes) CHECK_MESSAGE(!quiet(q.start, q.end), std::string(a.slice(q.start, q.end)));
    for (const Event& ev : a.events) {
        CHECK(!quiet(ev.trigger.start, ev.trigger.end));
        for (const EventArgument& ar : ev.arguments) CHECK_MESSAGE(!quiet(ar.start, ar.end), std::string(a.slice(ar.start, ar.end)));
    }
    int boiler = 0;
    for (const Paragraph& p : a.paragraphs) boiler += p.boilerplate;
    CHECK(boiler == 7);   // Share, Getty Images, the caption, Read more, Related Topics, France, Crime
}
