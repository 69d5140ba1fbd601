// Stages 3 and 5 — part-of-speech tags and named entities.
//
// Both taggers are greedy left-to-right averaged-perceptron sequence models over hashed
// features (see core/src/tagging/perceptron.h for why a perceptron rather than a CRF).
// Their weights come from the binary models in assets/models/ (written by
// tools/train-tagger), compiled into the core library as byte arrays: the core does no file
// I/O and native and wasm load the very same bytes. A model that was absent at build time
// makes the matching stage a no-op that adds a diagnostic ("model-missing").
#pragma once
#include "article_explorer/analysis.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ae {

// Penn Treebank XPOS tags per token: fills Analysis::pos (one id per token, an index into
// pos_tag_names()). Sentences as in Analysis::sentences. No-op + diagnostic without a model.
void tag_pos(Analysis& a);
// Only sentences [first_sentence, end_sentence) (Analysis::pos is sized first if it is not):
// for analysis in slices (ae::AnalysisJob). Same tags as the whole call.
void tag_pos(Analysis& a, size_t first_sentence, size_t end_sentence);

// The tag names of the embedded POS model, indexed by the ids in Analysis::pos
// (empty without a model).
const std::vector<std::string>& pos_tag_names();
// Name of one tag id ("" when out of range or no model).
std::string_view pos_tag_name(uint8_t id);

// Named entities: appends to Analysis::entities one entity per mention (ids "e1", "e2", ...
// continuing after existing ones), type PERSON / ORGANIZATION / LOCATION / MISC, canonical =
// mention text, mentions[0].kind = "name". Spans are trimmed of leading titles (Mr., President,
// ...) and trailing punctuation. Runs tag_pos first if Analysis::pos is empty. Sentences in
// boilerplate paragraphs are skipped. The whole analysis is one document.
void tag_entities(Analysis& a);

// tag_entities in slices (ae::AnalysisJob): the constructor reads the whole document (document
// features need it), tag() then does its sentences [first, end) — the story sentences, not
// Analysis::sentences — and appends their entities. Tagging 0..sentence_count() in any number
// of consecutive slices gives exactly what tag_entities gives.
class EntityTagging {
public:
    explicit EntityTagging(Analysis& a);
    ~EntityTagging();
    EntityTagging(const EntityTagging&) = delete;
    EntityTagging& operator=(const EntityTagging&) = delete;
    size_t sentence_count() const;
    void tag(Analysis& a, size_t first_sentence, size_t end_sentence);
private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// For `article-explorer ner-conll`: pre-tokenised sentences (CoNLL-2003 tokens) and the indices
// of the sentences that start a document (-DOCSTART-; may be empty = one document). Returns
// one IOB2 tag per token ("O", "B-PER", "I-ORG", ... with CoNLL's PER/LOC/ORG/MISC). Without a
// model every tag is "O".
std::vector<std::vector<std::string>> ner_conll(const std::vector<std::vector<std::string>>& sentences,
                                                const std::vector<size_t>& doc_starts);

// Universal POS (UD) for a Penn Treebank tag and its word (a mapping, not a second model).
std::string_view upos_from_xpos(std::string_view xpos, std::string_view word);

// How 2012-2020 news capitalises a word mid-sentence (the words model): 1 under 1 % of the
// time, 2 under 10 %, 3 under half, 4 under 90 %, 5 under 99 %, 6 always, 7 too rare to say;
// 0 when the word is not in the model (or no words model is embedded).
int news_case_bucket(std::string_view word);

}  // namespace ae
