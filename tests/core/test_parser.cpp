// Stage 8 — the dependency parser: arc-hybrid transitions and their dynamic oracle, the model
// file format, and (when trained) the shipped model on a simple sentence.
#include <doctest/doctest.h>

#include "article_explorer/analysis.h"
#include "article_explorer/models.h"
#include "article_explorer/parser.h"
#include "article_explorer/tagger.h"

#include "../../core/src/parse/learner.h"
#include "../../core/src/parse/model.h"
#include "../../core/src/parse/parser.h"
#include "../../core/src/parse/state.h"
#include "../../core/src/tagging/models.h"
#include "../../core/src/tagging/ner.h"

#include <algorithm>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace ae::parse;

namespace {

// "Police arrested the former vice-president ." — words 0..5, ROOT = 6.
const std::vector<std::string> kWords = {"Police", "arrested", "the", "former", "vice-president", "."};
const std::vector<std::string> kTags = {"NNS", "VBD", "DT", "JJ", "NN", "."};
const std::vector<int32_t> kGold = {1, 6, 4, 4, 1, 1};
const std::vector<std::string> kLabels = {"nsubj", "root", "det", "amod", "obj", "punct"};

struct Hashed {
    Sentence s;
    Input in;
    Hashed(const std::vector<std::string>& words, const std::vector<std::string>& tags, const ae::tagging::Lexicon* clusters = nullptr) {
        s.resize(words.size());
        for (size_t i = 0; i < words.size(); ++i) s.set(i, words[i], tag_hash(tags[i]), clusters);
        in = s.input();
    }
};

// Follows zero-cost actions (LEFT, RIGHT, SHIFT preference); returns the action sequence.
std::vector<int> oracle_parse(State& st, const std::vector<int32_t>& gold, const std::vector<std::string>& labels) {
    std::vector<int> seq;
    st.init(gold.size());
    while (!st.terminal()) {
        int cost[kNumActions];
        action_costs(st, gold.data(), cost);
        int act = -1;
        for (int a : {kLeft, kRight, kShift}) if (cost[a] == 0) { act = a; break; }
        REQUIRE(act >= 0);
        REQUIRE(st.legal(act));
        uint8_t label = act == kShift ? 0 : ae::deprel_id(labels[size_t(st.arc_dep())]);
        st.apply(act, label);
        seq.push_back(act);
        REQUIRE(seq.size() <= 2 * gold.size());
    }
    return seq;
}

// The word clusters of the embedded words model, which the shipped parser's features read.
const ae::tagging::Lexicon* word_clusters() {
    const auto* words = ae::tagging::models().words;
    return words && words->ok ? words->model.lexicon("clusters") : nullptr;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return {};
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

TEST_CASE("parser: the oracle sequence reproduces the gold tree") {
    State st;
    std::vector<int> seq = oracle_parse(st, kGold, kLabels);
    CHECK(seq.size() == 2 * kGold.size());   // every word shifted once and reduced once
    CHECK(st.heads() == kGold);
    for (size_t i = 0; i < kGold.size(); ++i) CHECK(ae::deprel_name(st.labels()[i]) == kLabels[i]);
    // SH LEFT(Police<-arrested) SH SH SH LEFT(former) LEFT(the) SH RIGHT(vice-president) SH RIGHT(.) LEFT(root)
    const std::vector<int> expect = {kShift, kLeft, kShift, kShift, kShift, kLeft, kLeft, kShift, kRight, kShift, kRight, kLeft};
    CHECK(seq == expect);
    // children bookkeeping
    const Node& arrested = st.node(1);
    CHECK(arrested.l1 == 0);
    CHECK(arrested.r1 == 5);
    CHECK(arrested.r2 == 4);
    CHECK(st.node(4).l1 == 2);
    CHECK(st.node(4).l2 == 3);
    CHECK(st.node(4).nl == 2);
}

TEST_CASE("parser: illegal transitions are refused") {
    State st;
    st.init(3);
    CHECK(st.can_shift());
    CHECK_FALSE(st.can_left());    // empty stack
    CHECK_FALSE(st.can_right());
    st.apply(kShift, 0);
    CHECK(st.can_left());
    CHECK_FALSE(st.can_right());   // one word on the stack: no s1
    st.apply(kShift, 0);
    st.apply(kShift, 0);
    // buffer front is ROOT: no SHIFT, and no LEFT while more than one word could become root
    CHECK(st.b(0) == 3);
    CHECK_FALSE(st.can_shift());
    CHECK_FALSE(st.can_left());
    CHECK(st.can_right());
    st.apply(kRight, ae::deprel_id("obj"));
    st.apply(kRight, ae::deprel_id("obj"));
    CHECK_FALSE(st.can_right());
    CHECK(st.can_left());          // the last word becomes the single root
    st.apply(kLeft, ae::deprel_id("root"));
    CHECK(st.terminal());
    CHECK(st.heads() == std::vector<int32_t>{3, 0, 1});
    int cost[kNumActions];
    action_costs(st, st.heads().data(), cost);
    CHECK(cost[kShift] == -1);
    CHECK(cost[kLeft] == -1);
    CHECK(cost[kRight] == -1);
}

TEST_CASE("parser: dynamic oracle costs") {
    State st;
    st.init(kGold.size());
    st.apply(kShift, 0);                       // stack [Police], buffer arrested ...
    int cost[kNumActions];
    action_costs(st, kGold.data(), cost);
    CHECK(cost[kLeft] == 0);                   // Police <- arrested is gold
    CHECK(cost[kShift] == 1);                  // pushing arrested loses Police <- arrested
    CHECK(cost[kRight] == -1);
    st.apply(kShift, 0);                       // the mistake: [Police arrested], buffer the ...
    action_costs(st, kGold.data(), cost);
    CHECK(cost[kRight] == 3);                  // arrested under Police: loses its head (ROOT), obj, punct
    CHECK(cost[kLeft] == 3);                   // arrested under the: the same three arcs
}

TEST_CASE("parser: feature extraction is bounded and deterministic") {
    Hashed h(kWords, kTags);
    State st;
    st.init(kWords.size());
    uint32_t f1[kMaxActionFeatures], f2[kMaxActionFeatures];
    size_t n1 = action_features(h.in, st, f1);
    CHECK(n1 <= kMaxActionFeatures);
    CHECK(n1 == action_features(h.in, st, f2));
    for (size_t i = 0; i < n1; ++i) { CHECK(f1[i] != 0); CHECK(f1[i] == f2[i]); }
    st.apply(kShift, 0);
    uint32_t lf[kMaxLabelFeatures];
    CHECK(label_features(h.in, st, kLeft, lf) <= kMaxLabelFeatures);
    // an empty sentence is terminal at once
    st.init(0);
    CHECK(st.terminal());
}

TEST_CASE("parser: model round trip and corruption") {
    Hashed h(kWords, kTags);
    const auto& labels = ae::deprel_names();
    Learner learner(labels.size());
    // Train the oracle on the one sentence a few times so weights are non-trivial.
    State st;
    uint32_t f[kMaxActionFeatures], lf[kMaxLabelFeatures];
    for (int epoch = 0; epoch < 5; ++epoch) {
        st.init(kWords.size());
        while (!st.terminal()) {
            size_t nf = action_features(h.in, st, f);
            float sc[kNumActions] = {0, 0, 0};
            learner.score_actions(f, nf, sc);
            int cost[kNumActions];
            action_costs(st, kGold.data(), cost);
            int gold = -1, pred = -1;
            for (int a = 0; a < kNumActions; ++a) {
                if (cost[a] < 0) continue;
                if (pred < 0 || sc[a] > sc[pred]) pred = a;
                if (cost[a] == 0 && gold < 0) gold = a;
            }
            learner.update_actions(f, nf, gold, pred);
            uint8_t label = 0;
            if (gold != kShift) {
                label = ae::deprel_id(kLabels[size_t(st.arc_dep())]);
                size_t nl = label_features(h.in, st, gold, lf);
                learner.update_labels(lf, nl, label, ae::deprel_id("dep"));
            }
            learner.tick();
            st.apply(gold, label);
        }
    }
    FloatModel fm = learner.averaged(labels);
    Model m;
    m.build(fm);
    CHECK(m.action_rows() > 0);
    CHECK(m.label_rows() > 0);
    m.set_note("test");
    const std::string bytes = m.serialize();
    // the estimate (note not counted) is exact unless rows were dropped from full buckets
    if (m.dropped_rows() == 0) CHECK(Model::serialized_size(fm, 1) == bytes.size() - 4);
    else CHECK(Model::serialized_size(fm, 1) > bytes.size() - 4);

    Model back;
    std::string err;
    REQUIRE(back.load(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), &err));
    CHECK(back.note() == "test");
    CHECK(back.serialize() == bytes);
    st.init(kWords.size());
    size_t nf = action_features(h.in, st, f);
    float a1[kNumActions] = {0, 0, 0}, a2[kNumActions] = {0, 0, 0};
    m.score_actions(f, nf, a1);
    back.score_actions(f, nf, a2);
    for (int c = 0; c < kNumActions; ++c) CHECK(a1[c] == a2[c]);

    // the quantised model parses the training sentence right
    Parser p;
    REQUIRE(p.load(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), nullptr, word_clusters()));
    p.parse(h.in, st);
    CHECK(st.heads() == kGold);

    std::string bad = bytes;
    bad[bad.size() / 2] ^= 0x40;
    CHECK_FALSE(back.load(reinterpret_cast<const uint8_t*>(bad.data()), bad.size(), &err));
    CHECK(err.find("checksum") != std::string::npos);
    CHECK_FALSE(back.load(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size() - 1, &err));
    bad = bytes;
    bad[0] = 'X';
    CHECK_FALSE(back.load(reinterpret_cast<const uint8_t*>(bad.data()), bad.size(), &err));
    CHECK_FALSE(back.load(nullptr, 0, &err));
    CHECK(back.note() == "test");   // a failed load leaves the model as it was
}

TEST_CASE("parser: deprel table") {
    CHECK(ae::deprel_name(0).empty());
    CHECK(ae::deprel_name(1) == "root");
    CHECK(ae::deprel_id("nsubj:pass") != 0);
    CHECK(ae::deprel_universal(ae::deprel_id("nsubj:pass")) == "nsubj");
    CHECK(ae::deprel_id("no-such-relation") == 0);
    CHECK(ae::deprel_names().size() <= 64);   // label sets are 64-bit masks
}

TEST_CASE("parser: the trained model on a simple sentence") {
    const std::string bytes = read_file(std::string(AE_SOURCE_DIR) + "/assets/models/parser.bin");
    if (bytes.empty()) {
        MESSAGE("assets/models/parser.bin absent: trained-model test skipped (run tools/train-parser)");
        return;
    }
    Parser p;
    REQUIRE(p.load(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), nullptr, word_clusters()));
    Hashed h(kWords, kTags, p.clusters);
    State st;
    p.parse(h.in, st);
    CHECK(st.heads()[0] == 1);
    CHECK(ae::deprel_name(st.labels()[0]) == "nsubj");
    CHECK(st.heads()[1] == 6);
    CHECK(ae::deprel_name(st.labels()[1]) == "root");
    CHECK(st.heads()[4] == 1);
    CHECK(ae::deprel_name(st.labels()[4]) == "obj");
    CHECK(st.heads()[2] == 4);
    CHECK(st.heads()[3] == 4);
    CHECK(ae::deprel_name(st.labels()[5]) == "punct");   // a punctuation tag: labelled without scoring
    CHECK(p.punct_deprel == ae::deprel_id("punct"));

    // Through the public API with our tokenizer and tagger, where both models are embedded.
    if (!ae::model_infos()[2].loaded || ae::pos_tag_names().empty()) {
        MESSAGE("parser or POS model not embedded: analysis-level parser test skipped");
        return;
    }
    ae::Options opt;
    opt.tokens_only = true;
    ae::Analysis a = ae::analyze("Police arrested the former vice-president.", opt);
    ae::parse_dependencies(a);
    REQUIRE(a.tokens.size() == 6);
    CHECK(a.tokens[0].head == 1);
    CHECK(ae::deprel_name(a.tokens[0].deprel) == "nsubj");
    CHECK(a.tokens[1].head == -1);
    CHECK(ae::deprel_name(a.tokens[1].deprel) == "root");
    CHECK(a.tokens[4].head == 1);
    CHECK(ae::deprel_name(a.tokens[4].deprel) == "obj");
}

TEST_CASE("parser: decoding with cached feature parts parses as scoring every feature does") {
    const std::string bytes = read_file(std::string(AE_SOURCE_DIR) + "/assets/models/parser.bin");
    if (bytes.empty()) return;
    Parser p;
    REQUIRE(p.load(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), nullptr, word_clusters()));
    const std::vector<std::string> words = {"The", "union", ",", "which", "represents", "dock", "workers", ",", "said",
                                            "the", "strike", "would", "go", "ahead", "after", "talks", "with", "the",
                                            "port", "authority", "broke", "down", "on", "Friday", "."};
    const std::vector<std::string> tags = {"DT", "NN", ",", "WDT", "VBZ", "NN", "NNS", ",", "VBD", "DT", "NN", "MD", "VB",
                                           "RB", "IN", "NNS", "IN", "DT", "NN", "NN", "VBD", "RP", "IN", "NNP", "."};
    Hashed h(words, tags, p.clusters);
    State fast;
    p.parse(h.in, fast);
    // The same greedy decode, every action scored from the whole feature list.
    State st;
    st.init(words.size());
    uint32_t f[kMaxActionFeatures];
    size_t steps = 0;
    while (!st.terminal()) {
        float sc[kNumActions] = {0, 0, 0};
        p.model.score_actions(f, action_features(h.in, st, f), sc);
        int best = -1, legal = 0;
        for (int a = 0; a < kNumActions; ++a)
            if (st.legal(a)) { ++legal; if (best < 0 || sc[a] > sc[best]) best = a; }
        REQUIRE(best >= 0);
        if (legal > 1) ++steps;
        const int d = best == kShift ? -1 : st.arc_dep();
        st.apply(best, best == kShift ? 0 : fast.labels()[size_t(d)]);   // labels: not what is tested
    }
    CHECK(steps > words.size());
    CHECK(st.heads() == fast.heads());
}

TEST_CASE("parser: word-cluster features and the clusters fingerprint") {
    // prefixes of a path with its leading 1 bit
    CHECK(cluster_prefix(0, 4) == 0);
    CHECK(cluster_prefix(0b1101101u, 4) == 0b11011u);   // 101101 below the leading 1 -> its first 4 bits, 1011
    CHECK(cluster_prefix(0b1101u, 6) == 0b1101u);       // shorter than asked: the whole path
    // a two-word clusters lexicon, as the words model stores it (path << 3 | case bucket)
    ae::tagging::Lexicon lex;
    lex.name = "clusters";
    std::vector<std::pair<uint32_t, uint32_t>> kv = {
        {ae::model::key32(word_hash("police")), (0b1011u << ae::tagging::kCaseBucketBits) | 1},
        {ae::model::key32(word_hash("arrested")), (0b1100u << ae::tagging::kCaseBucketBits) | 1}};
    std::sort(kv.begin(), kv.end());
    for (auto& [k, v] : kv) { lex.keys.push_back(k); lex.values.push_back(v); }
    lex.map.build(lex.keys.data(), lex.values.data(), lex.keys.size());
    CHECK(cluster_of(&lex, word_hash("Police")) == 0b1011u);
    CHECK(cluster_of(&lex, word_hash("the")) == 0);
    CHECK(cluster_of(nullptr, word_hash("Police")) == 0);

    Sentence with, without;
    with.resize(kWords.size());
    without.resize(kWords.size());
    for (size_t i = 0; i < kWords.size(); ++i) {
        with.set(i, kWords[i], tag_hash(kTags[i]), &lex);
        without.set(i, kWords[i], tag_hash(kTags[i]));
    }
    uint32_t f1[kMaxActionFeatures], f2[kMaxActionFeatures];
    const size_t n1 = action_features_b0(with.input(), 0, f1), n2 = action_features_b0(without.input(), 0, f2);
    REQUIRE(n1 == n2);
    size_t differ = 0;
    for (size_t i = 0; i < n1; ++i) differ += f1[i] != f2[i];
    CHECK(differ > 0);          // the cluster templates see "Police"'s cluster
    CHECK(differ < n1);         // the others do not change

    // A model trained with clusters records their fingerprint and loads only over the same.
    const uint64_t fp = cluster_fingerprint(&lex);
    CHECK(fp != 0);
    CHECK(cluster_fingerprint(nullptr) == 0);
    FloatModel fm;
    fm.labels = ae::deprel_names();
    fm.clusters = fp;
    fm.action_rows.push_back({12345u, {1.0f, -1.0f, 0.5f}});
    fm.label_rows.push_back({777u, std::vector<float>(fm.labels.size(), 0.25f)});
    Model m;
    m.build(fm);
    const std::string bytes = m.serialize();
    Parser p;
    std::string err;
    CHECK_FALSE(p.load(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), &err));
    CHECK(err.find("word clusters") != std::string::npos);
    ae::tagging::Lexicon other = lex;
    other.values[0] ^= 1u << ae::tagging::kCaseBucketBits;   // another cluster for one word
    CHECK_FALSE(p.load(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), &err, &other));
    CHECK(err.find("retrain") != std::string::npos);
    ae::tagging::Lexicon same_clusters = lex;
    same_clusters.values[0] ^= 1;   // only the case bucket differs: not a parser feature
    REQUIRE(p.load(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), &err, &same_clusters));
    CHECK(p.clusters == &same_clusters);
    CHECK(p.model.clusters_fingerprint() == fp);

    // A file of the previous format version is refused with a clear error, not misread.
    std::string v1 = bytes;
    v1[4] = 1;   // the u32 version after the 4-byte magic
    CHECK_FALSE(p.load(reinterpret_cast<const uint8_t*>(v1.data()), v1.size(), &err, &lex));
    CHECK(err.find("version") != std::string::npos);
}

TEST_CASE("parser: beam items share stacks and see the features a State does") {
    // The oracle sequence applied to a State and to beam items gives the same features at every
    // step, and the same tree when the steps are replayed.
    Hashed h(kWords, kTags);
    State st;
    const std::vector<int> seq = oracle_parse(st, kGold, kLabels);
    State ref;
    ref.init(kWords.size());
    BeamArena A;
    A.init(kWords.size());
    BeamItem it;
    uint32_t f1[kMaxActionFeatures], f2[kMaxActionFeatures], l1[kMaxLabelFeatures], l2[kMaxLabelFeatures];
    for (int a : seq) {
        const BeamConfig c{A, it};
        REQUIRE(c.legal(a) == ref.legal(a));
        for (int x = 0; x < kNumActions; ++x) CHECK(c.legal(x) == ref.legal(x));
        const size_t n1 = action_features(h.in, ref, f1), n2 = action_features(h.in, c, f2);
        REQUIRE(n1 == n2);
        for (size_t i = 0; i < n1; ++i) CHECK(f1[i] == f2[i]);
        uint8_t label = 0;
        if (a != kShift) {
            CHECK(c.arc_dep() == ref.arc_dep());
            CHECK(c.arc_head(a) == ref.arc_head(a));
            const size_t m1 = label_features(h.in, ref, a, l1), m2 = label_features(h.in, c, a, l2);
            REQUIRE(m1 == m2);
            for (size_t i = 0; i < m1; ++i) CHECK(l1[i] == l2[i]);
            label = ae::deprel_id(kLabels[size_t(ref.arc_dep())]);
        }
        ref.apply(a, label);
        it = A.apply(it, a, label);
        std::vector<int> stack;
        A.stack(it, stack);
        CHECK(stack == ref.stack());
    }
    CHECK(BeamConfig{A, it}.terminal());
    CHECK(A.cells.size() <= seq.size());   // the arena grows by at most one cell per step
    std::vector<BeamStep> hist;
    A.history(it, hist);
    REQUIRE(hist.size() == seq.size());
    State back;
    back.init(kWords.size());
    for (const BeamStep& s : hist) back.apply(s.act, s.label);
    CHECK(back.heads() == kGold);
    CHECK(back.labels() == st.labels());
}

TEST_CASE("parser: beam decoding of width 1 is the greedy decode; wider beams give trees") {
    const std::string bytes = read_file(std::string(AE_SOURCE_DIR) + "/assets/models/parser.bin");
    if (bytes.empty()) return;
    Parser p;
    if (!p.load(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), nullptr, word_clusters())) {
        MESSAGE("shipped parser does not load here: beam test skipped");
        return;
    }
    const std::vector<std::string> words = {"The", "union", ",", "which", "represents", "dock", "workers", ",", "said",
                                            "the", "strike", "would", "go", "ahead", "after", "talks", "broke", "down", "."};
    const std::vector<std::string> tags = {"DT", "NN", ",", "WDT", "VBZ", "NN", "NNS", ",", "VBD", "DT", "NN", "MD", "VB",
                                           "RB", "IN", "NNS", "VBD", "RP", "."};
    Sentence s;
    s.resize(words.size());
    for (size_t i = 0; i < words.size(); ++i) s.set(i, words[i], tag_hash(tags[i]), p.clusters);
    State greedy, beam1;
    p.parse_greedy(s.input(), greedy);
    p.parse_beam(s.input(), beam1, 1);
    CHECK(beam1.heads() == greedy.heads());
    CHECK(beam1.labels() == greedy.labels());
    for (size_t w : {2, 4, 8}) {
        State b;
        p.parse_beam(s.input(), b, w);
        int roots = 0;
        for (size_t i = 0; i < words.size(); ++i) {
            CHECK(b.heads()[i] >= 0);
            CHECK(b.heads()[i] <= int32_t(words.size()));
            CHECK(b.heads()[i] != int32_t(i));
            roots += b.heads()[i] == int32_t(words.size());
        }
        CHECK(roots == 1);
    }
}
