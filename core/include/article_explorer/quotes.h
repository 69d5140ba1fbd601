// Stage 8 — quotes: direct, partial, multi-paragraph, indirect, mixed and scare quotes, each
// with its cue and speaker (QuoteAttributor).
#pragma once
#include "article_explorer/analysis.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ae {

enum class CueClass : uint8_t { None, Speech, Label, Cognition, Source };

// The attribution-cue lexicon (assets/lexicons/speech-cues.txt, compiled in).
struct CueLexicon {
    struct Entry { CueClass cls = CueClass::None; bool bare = false; bool learned = false; };
    std::unordered_map<std::string, Entry> words;                         // lower-case single words
    std::vector<std::pair<std::vector<std::string>, Entry>> phrases;      // multi-word cues
    static CueLexicon parse(std::string_view text);
};
const CueLexicon& cue_lexicon();

// Fills Analysis::quotes (sorted by start, ids q1…). Uses entities when present to link
// speakers; pronoun speakers (he/she) are resolved to the previous person speaker or mention.
void find_quotes(Analysis& a);

}  // namespace ae
