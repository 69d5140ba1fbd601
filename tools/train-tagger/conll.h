// Readers for the training data formats and conlleval-style entity scoring.
#pragma once
#include <array>
#include <map>
#include <string>
#include <vector>

namespace trainer {

struct Sentence {
    std::vector<std::string> tokens, tags;   // tags: XPOS (CoNLL-U) or NER (CoNLL-2003)
};
struct Document { std::vector<Sentence> sentences; };

// CoNLL-U: one document per `# newdoc`, XPOS as tags. Multiword ranges and empty nodes skipped.
std::vector<Document> read_conllu(const std::string& path);
// CoNLL-2003 columns (token POS chunk NER); -DOCSTART- separates documents; NER column as tags.
std::vector<Document> read_conll2003(const std::string& path);

struct Chunk { size_t begin, end; std::string type; bool operator<(const Chunk& o) const {
    return begin != o.begin ? begin < o.begin : end != o.end ? end < o.end : type < o.type; } };
// conlleval's chunking of IOB1/IOB2 tags (I- after a different type or O starts a chunk).
std::vector<Chunk> chunks(const std::vector<std::string>& tags);

struct Counts { size_t gold = 0, pred = 0, correct = 0; };
struct Score {
    std::map<std::string, Counts> by_type;
    Counts all;
    size_t tokens = 0, tokens_correct = 0;
    void add(const std::vector<std::string>& gold, const std::vector<std::string>& pred);
    static double f1(const Counts& c);
    std::string report() const;   // conlleval-like table
};

}  // namespace trainer
