// The greedy parser over a Model (internal; the public API is article_explorer/parser.h).
#pragma once
#include "model.h"
#include "model/registry.h"
#include "state.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ae::tagging { struct Lexicon; }

namespace ae::parse {

// Word and tag hashes as the features use them (trainer and core call these).
uint64_t word_hash(std::string_view form);
uint64_t tag_hash(std::string_view xpos);
// The lexical inputs of one token: lowercase-form hash, suffix hash, shape class.
void lexical(std::string_view form, uint64_t& word, uint64_t& suffix, uint8_t& shape);

// The word-cluster path of a lowercase word hash in a "clusters" lexicon (0 = none / no lexicon).
uint32_t cluster_of(const tagging::Lexicon* clusters, uint64_t lower);
// A fingerprint of a "clusters" lexicon (0 for none): a model trained with clusters records it,
// and refuses to load over other clusters.
uint64_t cluster_fingerprint(const tagging::Lexicon* clusters);

// Input arrays for one sentence, filled token by token.
struct Sentence {
    std::vector<uint64_t> word, pos, suf;
    std::vector<uint8_t> shape;
    std::vector<uint32_t> cl;
    void resize(size_t n) { word.resize(n); pos.resize(n); suf.resize(n); shape.resize(n); cl.resize(n); }
    void set(size_t i, std::string_view form, uint64_t pos_hash, const tagging::Lexicon* clusters = nullptr) {
        lexical(form, word[i], suf[i], shape[i]);
        pos[i] = pos_hash;
        cl[i] = cluster_of(clusters, word[i]);
    }
    Input input() const { return Input{word.size(), word.data(), pos.data(), suf.data(), shape.data(), cl.data()}; }
};

// A model plus the map from its label classes to the public deprel ids.
struct Parser {
    Model model;
    std::vector<uint8_t> class_deprel;   // label class -> deprel id (0 = unknown name)
    int root_class = -1;
    std::vector<uint8_t> label_classes;  // the classes an arc may get: not root, a known deprel
    uint8_t punct_deprel = 0;            // the label punctuation tags get without scoring
    uint64_t punct_tags[8] = {};         // tag hashes of . , : `` '' -LRB- -RRB- HYPH
    const tagging::Lexicon* clusters = nullptr;   // the word clusters its features read (Sentence::set)
    // The action weights of the three label-valued templates (key_s0_r1_label, key_b0_l1_label,
    // key_s1_l1_label) for every label value, looked up once at load.
    std::array<std::array<int32_t, kNumActions>, 256> s0_r1_label_sums{}, b0_l1_label_sums{}, s1_l1_label_sums{};

    // Reads a parser model file; false with *error set when it is unusable. A model trained
    // with word clusters needs the same clusters lexicon (the words model's) passed here.
    bool load(const uint8_t* data, size_t n, std::string* error = nullptr, const tagging::Lexicon* clusters = nullptr);
    int beam = 0;   // beam width to decode with; 0 = the model's (1 = greedy)

    // Parse of one sentence; heads/labels are read from st afterwards
    // (st.heads()[i] == n means the root).
    void parse(const Input& in, State& st) const;
    void parse_greedy(const Input& in, State& st) const;
    void parse_beam(const Input& in, State& st, size_t width) const;
    // The label of the arc action `a` adds in configuration c (State or BeamConfig).
    template <class C> uint8_t label_of(const Input& in, const C& c, int a) const;
};

// The parser compiled into the core (assets/models/parser.bin), loaded on first use.
const model::Loaded<Parser>& embedded_parser();

}  // namespace ae::parse
