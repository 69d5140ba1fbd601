// The pipeline: text -> analysis. Each stage is a pure function of the text and the stages before.
// AnalysisJob runs the stages in order; the per-sentence stages (POS, NER, parsing, events) can stop at a
// sentence boundary when the step's time budget is spent, so a page can draw between slices.
// analyze() is the same job in one step, so both give byte-identical output.
#include "article_explorer/analysis.h"
#include "article_explorer/diagnostics.h"
#include "article_explorer/entities.h"
#include "article_explorer/text.h"
#include "article_explorer/tokens.h"
#include "article_explorer/quotes.h"
#include "article_explorer/tagger.h"
#include "article_explorer/values.h"
#include "article_explorer/events.h"
#include "article_explorer/parser.h"

#include <chrono>
#include <string>

namespace ae {

namespace {

// Stage 1-2: text repair, paragraphs, date line, tokens and sentences.
void read_text(std::string_view input, const Options& opts, Analysis& a) {
    CleanText clean = clean_text(input);
    a.text = std::move(clean.text);
    a.offsets = std::move(clean.map);
    if (clean.invalid_bytes)
        add_diagnostic(a, DiagnosticCode::InvalidUtf8, std::to_string(clean.invalid_bytes) + " invalid UTF-8 byte(s) replaced by U+FFFD");
    if (clean.control_bytes)
        add_diagnostic(a, DiagnosticCode::ControlCharacters, std::to_string(clean.control_bytes) + " NUL/control byte(s) replaced by spaces");
    a.paragraphs = split_paragraphs(a.text);
    PageParts parts = find_page_parts(a.text, a.paragraphs);
    const DateLine& dl = parts.date;
    if (dl.found) { a.date_line = dl.span; a.reference_date = dl.iso; a.reference_date_from_text = true; a.date_line_label = dl.label; }
    a.title = parts.title;
    a.byline = parts.byline;
    a.dateline = parts.dateline;
    if (!opts.reference_date.empty()) {
        if (is_iso_date(opts.reference_date)) { a.reference_date = opts.reference_date; a.reference_date_from_text = false; }
        else add_diagnostic(a, DiagnosticCode::BadReferenceDate, "reference date '" + opts.reference_date + "' is not YYYY-MM-DD; ignored");
    }

    // The date line, bylines, the dateline and boilerplate paragraphs are not story sentences.
    a.tokens.reserve(a.text.size() / 5 + 16);
    for (uint32_t p = 0; p < a.paragraphs.size(); ++p) {
        const Paragraph& para = a.paragraphs[p];
        uint32_t first = uint32_t(a.tokens.size());
        tokenize(a.text, para.start, para.end, p, a.tokens);
        uint32_t last = uint32_t(a.tokens.size());
        if (para.boilerplate || para.role == ParagraphRole::Byline || para.role == ParagraphRole::DateLine) continue;
        uint32_t from = first;
        if (dl.found && dl.span.start >= para.start && dl.span.end <= para.end)
            while (from < last && a.tokens[from].start < dl.span.end) ++from;
        if (parts.dateline.end > parts.dateline.start && parts.dateline.start >= para.start && parts.dateline.end <= para.end)
            while (from < last && a.tokens[from].start < parts.dateline.end) ++from;
        split_sentences(a.text, a.tokens, from, last, p, a.sentences);
    }
}

// The stages in order, with a rough share of the whole pipeline's time (for progress). The stage
// numbers of the headers follow this order: kRead is 1 text and 2 tokens & sentences, then
// 3 POS tags, 4 values, 5 named entities, 6 entity grouping, 7 dependency parse, 8 quotes, 9 events.
// The parse comes before quotes so attribution can read a cue's subject and clausal complement.
enum Stage { kRead, kPos, kValues, kNer, kGroup, kParse, kQuotes, kEvents, kDone };
const char* const kStageNames[] = {"reading", "tagging", "values", "entities", "grouping", "parsing", "quotes", "events", "done"};
const float kStageShare[] = {0.03f, 0.17f, 0.04f, 0.22f, 0.03f, 0.40f, 0.03f, 0.08f, 0.0f};

}  // namespace

struct AnalysisJob::State {
    std::string input;
    Options opts;
    Analysis a;
    Stage stage = kRead;
    size_t cursor = 0;                   // next sentence of a sliced stage
    std::unique_ptr<EntityTagging> ner;  // alive during kNer
    std::unique_ptr<EventFinding> events;  // alive during kEvents
    bool taken = false;
    double ms[kDone] = {};               // wall time per stage
};

AnalysisJob::AnalysisJob(std::string input, Options opts) : s_(std::make_unique<State>()) {
    s_->input = std::move(input);
    s_->opts = std::move(opts);
}

AnalysisJob::~AnalysisJob() = default;

bool AnalysisJob::done() const { return s_->stage == kDone; }
const char* AnalysisJob::stage() const { return kStageNames[s_->stage]; }

float AnalysisJob::progress() const {
    const State& s = *s_;
    float p = 0;
    for (int i = 0; i < s.stage; ++i) p += kStageShare[i];
    size_t total = 0;
    if (s.stage == kPos || s.stage == kParse) total = s.a.sentences.size();
    if (s.stage == kNer && s.ner) total = s.ner->sentence_count();
    if (s.stage == kEvents && s.events) total = s.events->sentence_count();
    if (total) p += kStageShare[s.stage] * float(s.cursor) / float(total);
    return s.stage == kDone ? 1.0f : std::min(p, 0.999f);
}

bool AnalysisJob::step(double budget_ms) {
    State& s = *s_;
    Analysis& a = s.a;
    using Clock = std::chrono::steady_clock;
    const Clock::time_point t0 = Clock::now();
    auto spent = [&] { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count() >= budget_ms; };
    // A sliced stage does sentences in batches of 8 between clock reads.
    auto sliced = [&](size_t total, auto&& run) {
        while (s.cursor < total) {
            const size_t end = std::min(total, s.cursor + 8);
            run(s.cursor, end);
            s.cursor = end;
            if (s.cursor < total && spent()) return false;
        }
        s.cursor = 0;
        return true;
    };
    Clock::time_point lap = t0;
    // Charges the time since the last lap to the stage being worked on.
    auto charge = [&](Stage st) { Clock::time_point now = Clock::now(); s.ms[st] += std::chrono::duration<double, std::milli>(now - lap).count(); lap = now; };
    while (s.stage != kDone) {
        const Stage current = s.stage;
        // However this iteration ends (next stage, slice done, early return), its time is charged.
        struct Charge { decltype(charge)& c; Stage st; ~Charge() { c(st); } } charge_on_exit{charge, current};
        switch (s.stage) {
        case kRead:
            if (s.input.size() > s.opts.max_bytes) {
                add_diagnostic(a, DiagnosticCode::TooLarge, "input of " + std::to_string(s.input.size()) + " bytes exceeds the limit of " +
                                                          std::to_string(s.opts.max_bytes) + " bytes; nothing was analysed");
                a.offsets.input_size = 0;
                s.stage = kDone;
                continue;
            }
            read_text(s.input, s.opts, a);
            s.input = std::string();
            if (s.opts.tokens_only) { s.stage = kDone; continue; }
            a.pos.assign(a.tokens.size(), 0);
            break;
        case kPos:     // part-of-speech (averaged perceptron, UD EWT)
            if (!sliced(a.sentences.size(), [&](size_t b, size_t e) { tag_pos(a, b, e); })) return false;
            break;
        case kValues:  // dates, times, money, percentages, quantities (rules)
            find_values(a);
            break;
        case kNer:     // named entities (averaged perceptron, CoNLL-2003)
            if (!s.ner) s.ner = std::make_unique<EntityTagging>(a);
            if (!sliced(s.ner->sentence_count(), [&](size_t b, size_t e) { s.ner->tag(a, b, e); })) return false;
            s.ner.reset();
            if (s.opts.tags_only) { s.stage = kDone; continue; }
            break;
        case kGroup:   // mentions grouped into entities, roles, salience
            group_entities(a);
            break;
        case kParse:   // dependency parse (for quotes and events)
            if (s.cursor == 0) for (Token& t : a.tokens) { t.head = -1; t.deprel = 0; }
            if (!sliced(a.sentences.size(), [&](size_t b, size_t e) { parse_dependencies(a, b, e); })) return false;
            break;
        case kQuotes:  // quotes and their speakers
            find_quotes(a);
            break;
        case kEvents:  // who did what to whom, when and where
            if (!s.events) s.events = std::make_unique<EventFinding>(a);
            if (!sliced(s.events->sentence_count(), [&](size_t b, size_t e) { s.events->find(b, e); })) return false;
            s.events->finish();
            s.events.reset();
            break;
        case kDone:
            break;
        }
        s.stage = Stage(s.stage + 1);
        if (s.stage != kDone && spent()) return false;
    }
    return true;
}

std::vector<AnalysisJob::StageTime> AnalysisJob::stage_times() const {
    std::vector<StageTime> out;
    for (int i = 0; i < kDone; ++i) out.push_back({kStageNames[i], s_->ms[i]});
    return out;
}

Analysis AnalysisJob::take() {
    if (!done() || s_->taken) return Analysis();
    s_->taken = true;
    return std::move(s_->a);
}

Analysis analyze(std::string_view input, const Options& opts) {
    AnalysisJob job{std::string(input), opts};
    job.step(1e300);
    return job.take();
}

}  // namespace ae
