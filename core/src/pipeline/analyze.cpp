// The pipeline: text -> analysis. Each stage is a pure function of the text and the stages before.
#include "article_explorer/analysis.h"
#include "article_explorer/entities.h"
#include "article_explorer/text.h"
#include "article_explorer/tokens.h"
#include "article_explorer/quotes.h"
#include "article_explorer/tagger.h"
#include "article_explorer/values.h"
#include "article_explorer/events.h"
#include "article_explorer/parser.h"

#include <string>

namespace ae {

Analysis analyze(std::string_view input, const Options& opts) {
    Analysis a;
    if (input.size() > opts.max_bytes) {
        a.diagnostics.push_back({"too_large", "input of " + std::to_string(input.size()) + " bytes exceeds the limit of " +
                                                  std::to_string(opts.max_bytes) + " bytes; nothing was analysed"});
        a.offsets.input_size = 0;
        return a;
    }
    // 1. text: repair, paragraphs, date line, boilerplate.
    CleanText clean = clean_text(input);
    a.text = std::move(clean.text);
    a.offsets = std::move(clean.map);
    if (clean.invalid_bytes)
        a.diagnostics.push_back({"invalid_utf8", std::to_string(clean.invalid_bytes) + " invalid UTF-8 byte(s) replaced by U+FFFD"});
    if (clean.control_bytes)
        a.diagnostics.push_back({"control_characters", std::to_string(clean.control_bytes) + " NUL/control byte(s) replaced by spaces"});
    a.paragraphs = split_paragraphs(a.text);
    DateLine dl = find_date_line(a.text, a.paragraphs);
    if (dl.found) { a.date_line = dl.span; a.reference_date = dl.iso; a.reference_date_from_text = true; }
    if (!opts.reference_date.empty()) {
        if (is_iso_date(opts.reference_date)) { a.reference_date = opts.reference_date; a.reference_date_from_text = false; }
        else a.diagnostics.push_back({"bad_reference_date", "reference date '" + opts.reference_date + "' is not YYYY-MM-DD; ignored"});
    }

    // 2. tokens & sentences; the date line and boilerplate paragraphs are not story sentences.
    a.tokens.reserve(a.text.size() / 5 + 16);
    for (uint32_t p = 0; p < a.paragraphs.size(); ++p) {
        const Paragraph& para = a.paragraphs[p];
        uint32_t first = uint32_t(a.tokens.size());
        tokenize(a.text, para.start, para.end, p, a.tokens);
        uint32_t last = uint32_t(a.tokens.size());
        if (para.boilerplate) continue;
        uint32_t from = first;
        if (dl.found && dl.span.start >= para.start && dl.span.end <= para.end)
            while (from < last && a.tokens[from].start < dl.span.end) ++from;
        split_sentences(a.text, a.tokens, from, last, p, a.sentences);
    }

    if (opts.tokens_only) return a;

    // 3+. later stages (tagging, values, entities, quotes, events) are called here.
    // @stages
    tag_pos(a);          // 3. part-of-speech (averaged perceptron, UD EWT)
    find_values(a);      //    dates, times, money, percentages, quantities (rules)
    tag_entities(a);     //    named entities (averaged perceptron, CoNLL-2003)
    group_entities(a);   // 5. mentions grouped into entities, roles, salience
    find_quotes(a);      // 6. quotes and their speakers
    parse_dependencies(a); // 4. dependency parse (for events)
    find_events(a);      // 7. events: who did what to whom, when and where

    return a;
}

}  // namespace ae
