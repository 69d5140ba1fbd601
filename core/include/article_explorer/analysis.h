// Article Explorer core: the analysis of one article, as plain structs.
// Every stage is a pure function of the text and the stages before it; this header is the
// contract between them and with the views (CLI, web). Offsets here are byte offsets into
// Analysis::text (the cleaned text); OffsetMap turns them back into input byte offsets.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ae {

constexpr const char* kSchema = "article-explorer/1";
constexpr const char* kVersion = "0.1.0";

struct Span { uint32_t start = 0, end = 0; };  // [start, end) in the cleaned text

// Anchors where the cleaned text's offsets shift against the input's (replaced bytes).
// Between anchors the two advance together, so the map costs memory only per edit.
struct OffsetMap {
    struct Anchor { uint32_t clean, input; };
    std::vector<Anchor> anchors;   // sorted by clean; empty = identity
    uint32_t input_size = 0;
    uint32_t to_input(uint32_t clean) const;
};

// What a paragraph is in the article's head (the lines above the story, as pages print them).
// Title and standfirst are analysed as story text; byline and date line paragraphs are not.
enum class ParagraphRole : uint8_t { Story, Title, Standfirst, Byline, DateLine };
struct Paragraph { uint32_t start = 0, end = 0; bool boilerplate = false; ParagraphRole role = ParagraphRole::Story; };

enum class TokenKind : uint8_t { Word, Number, Punct, Quote, Symbol, Url, Email, Handle, Other };

struct Token {
    uint32_t start = 0, end = 0;     // cleaned-text byte offsets
    TokenKind kind = TokenKind::Word;
    bool space_before = false;       // whitespace between the previous token and this one
    bool newline_before = false;     // a line break between the previous token and this one
    uint32_t paragraph = 0;          // index into Analysis::paragraphs
    int32_t head = -1;               // dependency head: index into Analysis::tokens, -1 = root or not parsed
    uint8_t deprel = 0;              // UD relation id (ae::deprel_name in parser.h); 0 = not parsed
};

struct Sentence { uint32_t start = 0, end = 0; uint32_t first_token = 0, token_count = 0; uint32_t paragraph = 0; };

struct Value {        // DATE / TIME / DURATION / SET / MONEY / PERCENT / QUANTITY
    std::string type;
    uint32_t start = 0, end = 0;
    std::string value;  // normalised (ISO 8601 or numeric)
};

struct Mention { uint32_t start = 0, end = 0; std::string kind = "name"; };
struct Entity {
    std::string id, type, canonical, role;   // role empty = null
    double salience = 0.0;
    std::vector<Mention> mentions;
};

struct Quote {
    std::string id, kind;       // direct|partial|indirect|mixed|scare
    uint32_t start = 0, end = 0;
    std::string speaker;        // entity id or empty
    std::string speaker_text;   // empty = null
    bool has_cue = false; Span cue;
    bool has_speaker_span = false; Span speaker_span;   // the words naming the speaker here
};

struct EventArgument { std::string role, entity; uint32_t start = 0, end = 0; };
struct Event {
    std::string id, type;
    Span trigger;
    uint32_t sentence = 0;
    std::vector<EventArgument> arguments;
    bool has_time = false; std::string time_value; std::string time_text;
    std::string polarity = "positive", modality = "asserted";
    std::string quote;          // quote id or empty
    int32_t timeline = -1;      // rank of the event ordered by resolved time (then text order); -1 = none
};

struct Diagnostic { std::string code, message; };  // what the core could not do, or repaired

struct Analysis {
    std::string text;           // the cleaned text every offset above refers to
    OffsetMap offsets;
    std::string reference_date; // YYYY-MM-DD or empty
    bool reference_date_from_text = false;
    Span date_line{};           // where the date line was found (empty if none)
    std::string date_line_label; // "published" | "updated" when the date line says which date it is, else empty
    Span title{};               // the headline (empty if none); still analysed as a sentence
    Span byline{};              // "By Jane Doe, Associated Press" (empty if none); not analysed
    Span dateline{};            // "WASHINGTON (AP) —" opening the first story paragraph (empty if none); not analysed
    std::vector<Paragraph> paragraphs;
    std::vector<Token> tokens;
    std::vector<uint8_t> pos;   // per token: Penn Treebank XPOS id (ae::pos_tag_name in tagger.h); empty until tag_pos
    std::vector<Sentence> sentences;
    std::vector<Entity> entities;
    std::vector<Value> values;
    std::vector<Quote> quotes;
    std::vector<Event> events;
    std::vector<Diagnostic> diagnostics;

    std::string_view slice(uint32_t s, uint32_t e) const { return std::string_view(text).substr(s, e - s); }
    std::string_view token_text(const Token& t) const { return slice(t.start, t.end); }
    // The first token that starts at or after byte `offset` (tokens.size() when none): a mention's
    // [start, end) covers tokens [token_at_or_after(start), token_at_or_after(end)).
    uint32_t token_at_or_after(uint32_t offset) const {
        size_t lo = 0, hi = tokens.size();   // binary search: tokens are sorted by start
        while (lo < hi) {
            const size_t mid = lo + (hi - lo) / 2;
            if (tokens[mid].start < offset) lo = mid + 1; else hi = mid;
        }
        return uint32_t(lo);
    }
};

struct Options {
    std::string reference_date;   // overrides the article's own date line when set
    bool utf16_offsets = false;   // JSON spans in UTF-16 code units instead of input bytes
    size_t max_bytes = 64u << 20; // larger inputs are refused with an error, not analysed
    bool tokens_only = false;     // stop after tokens & sentences (benchmarks of stages 1-2)
    bool tags_only = false;       // stop after POS tags, values and named entities, before grouping,
                                  // quotes, parsing and events (benchmarks: the work of a tagger-only
                                  // library such as wink-nlp's readDoc + entities)
};

// The whole pipeline. Never throws on any input bytes.
Analysis analyze(std::string_view input, const Options& opts = {});

// The same analysis in slices, for a page that must keep drawing while a long text is analysed:
// call step() once per frame until it returns true, then take(). Slicing never changes the
// result: analyze() is this job run in one step. A slice ends at a sentence boundary after
// about budget_ms of work (values, entity grouping and quotes run whole; they are quick).
class AnalysisJob {
public:
    AnalysisJob(std::string input, Options opts = {});
    ~AnalysisJob();
    AnalysisJob(const AnalysisJob&) = delete;
    AnalysisJob& operator=(const AnalysisJob&) = delete;
    bool step(double budget_ms);      // true once the analysis is complete
    bool done() const;
    float progress() const;           // 0..1, by the share of work done
    const char* stage() const;        // what the next step works on ("tagging", "parsing", ... "done")
    Analysis take();                  // the result (call once, after done())
    // Wall time spent in each stage so far, in pipeline order (for `bench --stages`).
    struct StageTime { const char* stage; double ms; };
    std::vector<StageTime> stage_times() const;
private:
    struct State;
    std::unique_ptr<State> s_;
};

// The `article-explorer/1` JSON, as a compact string (pretty = indented).
std::string to_json(const Analysis& a, const Options& opts, bool pretty = false);

// Convenience for bindings: analyze + to_json. options_json may be empty or {"offsets":"utf16",
// "reference_date":"YYYY-MM-DD", "tokens_only":true, "tags_only":true}; an error comes back as {"error": "..."}.
std::string analyze_to_json(std::string_view input, std::string_view options_json);

// One line of `batch` input, {"id", "text", "date"?}, to its output line {"id", "analysis"}
// (no '\n'); "" for a blank line, and "" with *error set for a line that is not such an object.
// The CLI's batch and the Python module's share it, so their output is the same bytes.
std::string batch_line(std::string_view line, const Options& opts, std::string* error);
// The output line for a bad input line: {"line": line_no, "error": error}.
std::string batch_error_line(size_t line_no, const std::string& error);

}  // namespace ae
