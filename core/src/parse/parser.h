// The greedy parser over a Model (internal; the public API is article_explorer/parser.h).
#pragma once
#include "model.h"
#include "model/registry.h"
#include "state.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ae::parse {

// Word and tag hashes as the features use them (trainer and core call these).
uint64_t word_hash(std::string_view form);
uint64_t tag_hash(std::string_view xpos);
// The lexical inputs of one token: lowercase-form hash, suffix hash, shape class.
void lexical(std::string_view form, uint64_t& word, uint64_t& suffix, uint8_t& shape);

// Input arrays for one sentence, filled token by token.
struct Sentence {
    std::vector<uint64_t> word, pos, suf;
    std::vector<uint8_t> shape;
    void resize(size_t n) { word.resize(n); pos.resize(n); suf.resize(n); shape.resize(n); }
    void set(size_t i, std::string_view form, uint64_t pos_hash) { lexical(form, word[i], suf[i], shape[i]); pos[i] = pos_hash; }
    Input input() const { return Input{word.size(), word.data(), pos.data(), suf.data(), shape.data()}; }
};

// A model plus the map from its label classes to the public deprel ids.
struct Parser {
    Model model;
    std::vector<uint8_t> class_deprel;   // label class -> deprel id (0 = unknown name)
    int root_class = -1;

    // Reads a parser model file; false with *error set when it is unusable.
    bool load(const uint8_t* data, size_t n, std::string* error = nullptr);
    // Greedy parse of one sentence; heads/labels are read from st afterwards
    // (st.heads()[i] == n means the root).
    void parse(const Input& in, State& st) const;
};

// The parser compiled into the core (assets/models/parser.bin), loaded on first use.
const model::Loaded<Parser>& embedded_parser();

}  // namespace ae::parse
