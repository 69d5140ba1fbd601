// Stage 7 — dependency parsing: Universal Dependencies trees (UD English EWT style, with
// subtypes such as nsubj:pass, obl:agent, nmod:poss) over the PTB-style tokens.
//
// A greedy transition-based parser (arc-hybrid, root at the end of the buffer) with two
// averaged-perceptron classifiers over hashed features: one picks SHIFT / LEFT / RIGHT, the
// other the label of each arc when it is made. Trained by tools/train-parser on UD EWT train
// (dynamic oracle), weights quantised to int16 and compiled into the core as
// assets/models/parser.bin: the core reads no files, native and wasm use the same bytes.
#pragma once
#include "article_explorer/analysis.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ae {

// Fills Token::head (index into Analysis::tokens of the head, -1 for the sentence root) and
// Token::deprel (an id into deprel_names(); 0 = not parsed) for every token of every sentence
// in Analysis::sentences; heads never cross sentences. Needs Analysis::pos (runs ae::tag_pos
// first when it is empty). Without a parser or POS model: no-op + a "model-missing" diagnostic.
void parse_dependencies(Analysis& a);
// Only sentences [first_sentence, end_sentence), leaving other tokens as they are: for analysis
// in slices (ae::AnalysisJob), after every Token's head was set to -1 and deprel to 0.
void parse_dependencies(Analysis& a, size_t first_sentence, size_t end_sentence);

// The UD relation names, indexed by Token::deprel: [0] = "" (not parsed), [1] = "root", ...
// Fixed in code (stable ids across models).
const std::vector<std::string>& deprel_names();
std::string_view deprel_name(uint8_t id);        // "" when out of range
uint8_t deprel_id(std::string_view name);        // 0 when unknown
// The universal part of a relation ("nsubj" for "nsubj:pass").
std::string_view deprel_universal(uint8_t id);

// Parses one pre-tokenised sentence with its PTB XPOS tags (for evaluation tools and tests).
// heads[i] = index of the head word or -1 for the root; deprels[i] = deprel id.
// Returns false (and leaves the outputs empty) without a parser model.
bool parse_sentence(const std::vector<std::string_view>& words, const std::vector<std::string_view>& xpos,
                    std::vector<int32_t>& heads, std::vector<uint8_t>& deprels);

}  // namespace ae
