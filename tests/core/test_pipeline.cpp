// The whole pipeline and its JSON: schema fields, offsets back into the exact input.
#include "article_explorer/analysis.h"

#include <algorithm>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace ae;
using nlohmann::json;

TEST_CASE("pipeline: empty text gives valid JSON with empty arrays") {
    json j = json::parse(analyze_to_json("", ""));
    CHECK(j["schema"] == "article-explorer/1");
    CHECK(j["reference_date"].is_null());
    for (const char* k : {"paragraphs", "sentences", "entities", "values", "quotes", "events"}) {
        REQUIRE(j[k].is_array());
        CHECK(j[k].empty());
    }
}

TEST_CASE("pipeline: spans are byte offsets into the exact input, even after repair") {
    std::string in = std::string("Bad \xFF byte here. Next sentence is “quoted”.");
    json j = json::parse(analyze_to_json(in, ""));
    REQUIRE(j["sentences"].size() == 2);
    auto s1 = j["sentences"][1];
    CHECK(in.substr(s1["start"].get<size_t>(), s1["end"].get<size_t>() - s1["start"].get<size_t>()) ==
          "Next sentence is “quoted”.");
    CHECK(j["diagnostics"][0]["code"] == "invalid_utf8");
}

TEST_CASE("pipeline: utf16 offsets on request") {
    std::string in = "Émile 😀 left. He returned.";
    json j = json::parse(analyze_to_json(in, R"({"offsets":"utf16"})"));
    REQUIRE(j["sentences"].size() == 2);
    CHECK(j["offsets"] == "utf16");
    CHECK(j["sentences"][1]["start"] == 15);   // É(1) m i l e space 😀(2) space l e f t . space
}

TEST_CASE("pipeline: the reference date from the text, or from the option") {
    Options o;
    Analysis a = analyze("date 2024-04-06\n\nPolice raided the embassy on Friday.", o);
    CHECK(a.reference_date == "2024-04-06");
    REQUIRE(a.sentences.size() == 1);
    o.reference_date = "2020-01-31";
    a = analyze("date 2024-04-06\n\nPolice raided the embassy.", o);
    CHECK(a.reference_date == "2020-01-31");
    o.reference_date = "yesterday";
    a = analyze("Text.", o);
    CHECK(a.reference_date.empty());
    CHECK(a.diagnostics.at(0).code == "bad_reference_date");
}

TEST_CASE("pipeline: boilerplate paragraphs have no story sentences") {
    Analysis a = analyze("Story sentence here.\n\nA man waves. Credit: AP\n\nMore story.", {});
    REQUIRE(a.paragraphs.size() == 3);
    CHECK(a.paragraphs[1].boilerplate);
    CHECK(a.sentences.size() == 2);
}

TEST_CASE("pipeline: bad options and oversized input are reported, not thrown") {
    CHECK(analyze_to_json("x", "{oops").find("\"error\"") != std::string::npos);
    CHECK(analyze_to_json("x", R"({"offsets":"miles"})").find("\"error\"") != std::string::npos);
    Options o;
    o.max_bytes = 10;
    Analysis a = analyze("this is longer than ten bytes", o);
    CHECK(a.paragraphs.empty());
    CHECK(a.diagnostics.at(0).code == "too_large");
}

TEST_CASE("pipeline: binary junk never crashes and every span stays inside the input") {
    std::string junk;
    uint32_t x = 12345;
    for (int k = 0; k < 200000; ++k) { x = x * 1103515245u + 12345u; junk += char(x >> 24); }
    Options o;
    Analysis a = analyze(junk, o);
    json j = json::parse(to_json(a, o));
    for (auto& s : j["sentences"]) {
        CHECK(s["start"].get<size_t>() <= s["end"].get<size_t>());
        CHECK(s["end"].get<size_t>() <= junk.size());
    }
}

TEST_CASE("pipeline: AnalysisJob in tiny slices gives exactly what analyze() gives") {
    std::string text = "Vienna, 2024-04-06\n\nThe mayor of Quito, Pabel Muñoz, said on Friday that the city "
                       "would rebuild the bridge. “We will not wait,” Muñoz told reporters.\n\n";
    for (int i = 0; i < 40; ++i)
        text += "Police arrested two men in Guayaquil on Thursday, the ministry said. "
                "Mexico's president, Andrés Manuel López Obrador, condemned the raid.\n\n";
    ae::Options opts;
    const std::string whole = ae::to_json(ae::analyze(text, opts), opts);
    ae::AnalysisJob job(text, opts);
    int steps = 0;
    float last = -1;
    bool monotonic = true;
    while (!job.step(0.0)) {
        ++steps;
        if (job.progress() < last) monotonic = false;
        last = job.progress();
        CHECK(job.progress() < 1.0f);
    }
    CHECK(job.done());
    CHECK(job.progress() == 1.0f);
    CHECK(std::string(job.stage()) == "done");
    CHECK(monotonic);
    CHECK(steps > 10);  // a zero budget stops after every batch of sentences
    const auto times = job.stage_times();
    REQUIRE(times.size() == 8);
    CHECK(std::string(times.front().stage) == "reading");
    CHECK(std::string(times.back().stage) == "events");
    for (const auto& t : times) CHECK(t.ms >= 0.0);
    CHECK(ae::to_json(job.take(), opts) == whole);
}

TEST_CASE("pipeline: tags_only stops after POS, values and named entities (the benchmarks' like-for-like row)") {
    const std::string text = "Police arrested two men in Guayaquil on Thursday, the ministry said. "
                             "\u201cWe will not wait,\u201d Pabel Mu\u00f1oz told reporters in Quito.";
    json whole = json::parse(analyze_to_json(text, ""));
    json tags = json::parse(analyze_to_json(text, R"({"tags_only":true})"));
    REQUIRE(!whole["events"].empty());
    REQUIRE(!whole["quotes"].empty());
    CHECK(tags["events"].empty());
    CHECK(tags["quotes"].empty());
    CHECK(tags["sentences"] == whole["sentences"]);
    CHECK(tags["values"] == whole["values"]);   // "Thursday"
    CHECK(!tags["values"].empty());
    // the tagger's mentions are there, not yet grouped into a cast
    std::vector<std::string> names;
    for (const auto& e : tags["entities"]) for (const auto& m : e["mentions"]) names.push_back(m["text"].get<std::string>());
    CHECK(std::find(names.begin(), names.end(), "Guayaquil") != names.end());
    CHECK(std::find(names.begin(), names.end(), "Quito") != names.end());
    Analysis a = analyze(text, [] { Options o; o.tags_only = true; return o; }());
    CHECK(!a.pos.empty());
    CHECK(a.pos.size() == a.tokens.size());
    for (const auto& t : a.tokens) CHECK(t.head == -1);   // not parsed
}

TEST_CASE("pipeline: AnalysisJob reports an oversized input and finishes") {
    ae::Options opts;
    opts.max_bytes = 10;
    ae::AnalysisJob job(std::string(100, 'a'), opts);
    CHECK(job.step(1000.0));
    ae::Analysis a = job.take();
    REQUIRE(a.diagnostics.size() == 1);
    CHECK(a.diagnostics[0].code == "too_large");
}

TEST_CASE("pipeline: the JSON writer writes nlohmann's canonical form (sorted keys, same escapes and numbers)") {
    std::string ctrl;
    for (int c = 1; c < 0x80; ++c) ctrl += char(c);
    const std::string texts[] = {
        "",
        "Vienna, 2024-04-06\n\n“We will not wait,” Pabel Muñoz told reporters on Friday. Prices rose 4.5% to $3 billion.",
        "He said \"" + ctrl + "\" and left.\n\n" + ctrl,
        std::string("Bad \xFF bytes \xC3 and a cut \xE2\x80 quote: \"yes\", she said.\n\nMexico's embassy in Quito."),
    };
    for (const std::string& t : texts) {
        for (bool utf16 : {false, true}) {
            ae::Options o;
            o.utf16_offsets = utf16;
            const std::string out = ae::to_json(ae::analyze(t, o), o);
            json j = json::parse(out, nullptr, false);
            REQUIRE_FALSE(j.is_discarded());
            CHECK(j.dump(-1, ' ', false, json::error_handler_t::replace) == out);
            CHECK(ae::to_json(ae::analyze(t, o), o, true) == j.dump(2, ' ', false, json::error_handler_t::replace));
        }
    }
}
