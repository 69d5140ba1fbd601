// The public parsing API (article_explorer/parser.h) over the embedded parser model.
#include "article_explorer/parser.h"

#include "article_explorer/diagnostics.h"
#include "article_explorer/tagger.h"
#include "model/hash.h"
#include "model/registry.h"
#include "model/word_info.h"
#include "parse/parser.h"
#include "tagging/models.h"
#include "tagging/ner.h"

#include <algorithm>
#include <array>
#include <cstring>

namespace ae {
namespace parse {

uint64_t word_hash(std::string_view form) { return model::lower_hash(form); }
uint64_t tag_hash(std::string_view xpos) { return model::hash_str(xpos, 0xD3B7A11CE5ULL); }

void lexical(std::string_view form, uint64_t& word, uint64_t& suffix, uint8_t& shape) {
    model::WordInfo wi;
    model::compute_word_info(form, wi);
    word = wi.lower;
    suffix = wi.suffix[2] ? wi.suffix[2] : wi.lower;
    using namespace model;
    shape = uint8_t((wi.flags & kInitCap ? 1 : 0) | (wi.flags & kAllCaps ? 2 : 0) | (wi.flags & kHasDigit ? 4 : 0) |
                    (wi.flags & kHasHyphen ? 8 : 0) | (wi.flags & kPunctOnly ? 16 : 0) | (wi.flags & kHasPeriod ? 32 : 0));
}

uint32_t cluster_of(const tagging::Lexicon* clusters, uint64_t lower) {
    return clusters ? tagging::word_cluster_path(clusters->find(lower, 0)) : 0;
}

uint64_t cluster_fingerprint(const tagging::Lexicon* clusters) {
    if (!clusters || clusters->keys.empty()) return 0;
    uint64_t h = 0x243F6A8885A308D3ULL ^ clusters->keys.size();
    for (size_t i = 0; i < clusters->keys.size(); ++i)
        h = fmix((h ^ (uint64_t(clusters->keys[i]) << 32 | tagging::word_cluster_path(clusters->values[i]))) * 0x9E3779B97F4A7C15ULL);
    return h ? h : 1;
}

bool Parser::load(const uint8_t* data, size_t n, std::string* error, const tagging::Lexicon* lexicon) {
    auto fail = [&](const char* why) { if (error) *error = why; return false; };
    if (!model.load(data, n, error)) return false;
    if (model.feature_set() != kFeatureSet) return fail("parser model built for another feature set; retrain");
    clusters = nullptr;
    if (model.clusters_fingerprint() != 0) {
        if (!lexicon) return fail("parser model needs the word clusters of the words model, which is unavailable");
        if (cluster_fingerprint(lexicon) != model.clusters_fingerprint())
            return fail("parser model was trained with other word clusters than the words model's; retrain the parser");
        clusters = lexicon;
    }
    class_deprel.assign(model.nlabels(), 0);
    root_class = -1;
    for (size_t c = 0; c < model.nlabels(); ++c) {
        class_deprel[c] = deprel_id(model.labels()[c]);
        if (model.labels()[c] == "root") root_class = int(c);
    }
    if (root_class < 0) return fail("parser model has no root label");
    for (int l = 0; l < 256; ++l) {
        const uint32_t keys[3] = {key_s0_r1_label(uint8_t(l)), key_b0_l1_label(uint8_t(l)), key_s1_l1_label(uint8_t(l))};
        s0_r1_label_sums[size_t(l)] = b0_l1_label_sums[size_t(l)] = s1_l1_label_sums[size_t(l)] = {0, 0, 0};
        model.sum_actions(keys + 0, 1, s0_r1_label_sums[size_t(l)].data());
        model.sum_actions(keys + 1, 1, b0_l1_label_sums[size_t(l)].data());
        model.sum_actions(keys + 2, 1, s1_l1_label_sums[size_t(l)].data());
    }
    label_classes.clear();
    for (size_t c = 0; c < model.nlabels(); ++c)
        if (int(c) != root_class && class_deprel[c] != 0) label_classes.push_back(uint8_t(c));
    // Punctuation tags are "punct" 99.6 % of the time in UD EWT train (the rest: "," as cc):
    // their arcs are labelled without scoring.
    punct_deprel = 0;
    for (size_t c = 0; c < model.nlabels(); ++c) if (model.labels()[c] == "punct") punct_deprel = class_deprel[c];
    const char* const punct[8] = {".", ",", ":", "``", "''", "-LRB-", "-RRB-", "HYPH"};
    for (size_t i = 0; i < 8; ++i) punct_tags[i] = tag_hash(punct[i]);
    return true;
}

namespace {
// Per token of the sentence, the summed action weights of the features that depend on it
// alone as the buffer front or as s0 (state.h), computed when first needed: the buffer front
// stays put while arcs are made to it, and s0 is scored again after each of them.
struct PartSums {
    std::vector<std::array<int32_t, kNumActions>> sum;
    std::vector<uint8_t> done;
    void reset(size_t n) { sum.resize(n); done.assign(n, 0); }
    // The sums at token `at`, from features(f) the first time.
    template <class Features>
    const std::array<int32_t, kNumActions>& at(const Model& model, size_t i, uint32_t* f, Features&& features) {
        if (!done[i]) {
            sum[i] = {0, 0, 0};
            model.sum_actions(f, features(f), sum[i].data());
            done[i] = 1;
        }
        return sum[i];
    }
};
thread_local PartSums b0_sums, s0_sums;
// The same for the rest's templates that read one token (action_features_rest's singles): s2's
// tag and b0's two leftmost children, at index token + 1 (0 = none).
thread_local PartSums s2_sums, b0_l1_sums, b0_l2_sums;
}  // namespace

void Parser::parse(const Input& in, State& st) const {
    const int width = beam > 0 ? beam : int(model.beam());
    if (width <= 1) parse_greedy(in, st);
    else parse_beam(in, st, size_t(width));
}

template <class C>
uint8_t Parser::label_of(const Input& in, const C& c, int a) const {
    if (c.arc_head(a) == int(in.n)) return class_deprel[size_t(root_class)];
    if (punct_deprel) {
        const uint64_t t = in.pos[size_t(c.arc_dep())];
        for (uint64_t p : punct_tags) if (t == p) return punct_deprel;
    }
    uint32_t f[kMaxLabelFeatures];
    int32_t acc[64] = {};   // Model::load allows at most 64 labels
    model.sum_labels(f, label_features(in, c, a, f), acc);
    // the largest integer sum is the best score (Model::sum_labels)
    int bc = -1;
    for (uint8_t k : label_classes) if (bc < 0 || acc[k] > acc[bc]) bc = k;
    return bc < 0 ? 0 : class_deprel[size_t(bc)];
}
template uint8_t Parser::label_of<State>(const Input&, const State&, int) const;
template uint8_t Parser::label_of<BeamConfig>(const Input&, const BeamConfig&, int) const;

namespace {
struct BeamScratch {
    BeamArena arena;
    std::vector<BeamItem> beam, next;
    struct Cand { float score; uint32_t item; int action; };
    std::vector<Cand> cands;
    std::vector<BeamStep> hist;
};
thread_local BeamScratch beam_scratch;
}  // namespace

void Parser::parse_beam(const Input& in, State& st, size_t width) const {
    BeamScratch& S = beam_scratch;
    S.arena.init(in.n);
    S.beam.assign(1, BeamItem{});
    uint32_t f[kMaxActionFeatures];
    b0_sums.reset(in.n + 1);
    s0_sums.reset(in.n + 1);
    for (size_t step = 0; step < 2 * in.n; ++step) {
        S.cands.clear();
        for (uint32_t i = 0; i < S.beam.size(); ++i) {
            const BeamItem& it = S.beam[i];
            const BeamConfig c{S.arena, it};
            int legal = 0, only = -1;
            for (int a = 0; a < kNumActions; ++a) if (c.legal(a)) { ++legal; only = a; }
            if (legal == 1) { S.cands.push_back({it.score, i, only}); continue; }
            const int b0 = c.b(0), s0 = c.s(0);
            int32_t acc[kNumActions];
            const auto& pb = b0_sums.at(model, size_t(b0), f, [&](uint32_t* out) { return action_features_b0(in, b0, out); });
            const auto& ps = s0_sums.at(model, s0 < 0 ? in.n : size_t(s0), f, [&](uint32_t* out) { return action_features_s0(in, s0, out); });
            for (int a = 0; a < kNumActions; ++a) acc[a] = pb[size_t(a)] + ps[size_t(a)];
            model.sum_actions(f, action_features_rest(in, c, f), acc);
            for (int a = 0; a < kNumActions; ++a)
                if (c.legal(a)) S.cands.push_back({it.score + model.action_score(acc[a]), i, a});
        }
        const size_t keep = std::min(width, S.cands.size());
        // best first; ties by item, then action, so decoding is deterministic
        std::partial_sort(S.cands.begin(), S.cands.begin() + std::ptrdiff_t(keep), S.cands.end(), [](const auto& x, const auto& y) {
            return x.score != y.score ? x.score > y.score : x.item != y.item ? x.item < y.item : x.action < y.action; });
        S.next.clear();
        for (size_t k = 0; k < keep; ++k) {
            const auto& cd = S.cands[k];
            const BeamItem& from = S.beam[cd.item];
            const uint8_t label = cd.action == kShift ? 0 : label_of(in, BeamConfig{S.arena, from}, cd.action);
            BeamItem it = S.arena.apply(from, cd.action, label);
            it.score = cd.score;
            S.next.push_back(it);
        }
        S.beam.swap(S.next);
    }
    st.init(in.n);
    S.arena.history(S.beam[0], S.hist);
    for (const BeamStep& s : S.hist) st.apply(s.act, s.label);
}

void Parser::parse_greedy(const Input& in, State& st) const {
    st.init(in.n);
    uint32_t f[kMaxActionFeatures > kMaxLabelFeatures ? kMaxActionFeatures : kMaxLabelFeatures];
    b0_sums.reset(in.n + 1);   // b0 in 0..n (n = ROOT)
    s0_sums.reset(in.n + 1);   // s0 in 0..n-1, or none (index n)
    s2_sums.reset(in.n + 1);
    b0_l1_sums.reset(in.n + 1);
    b0_l2_sums.reset(in.n + 1);
    while (!st.terminal()) {
        int legal = 0, only = -1;
        for (int a = 0; a < kNumActions; ++a) if (st.legal(a)) { ++legal; only = a; }
        int best = -1;
        if (legal == 1) {
            best = only;   // forced (e.g. SHIFT onto an empty stack): no need to score
        } else {
            const int b0 = st.b(0), s0 = st.s(0);
            int32_t acc[kNumActions];
            const auto& pb = b0_sums.at(model, size_t(b0), f, [&](uint32_t* out) { return action_features_b0(in, b0, out); });
            const auto& ps = s0_sums.at(model, s0 < 0 ? in.n : size_t(s0), f, [&](uint32_t* out) { return action_features_s0(in, s0, out); });
            const int s2 = st.s(2), b0l1 = st.bnode().l1, b0l2 = st.bnode().l2;
            const auto& p2 = s2_sums.at(model, size_t(s2 + 1), f, [&](uint32_t* out) { out[0] = key_s2_tag(in, s2); return size_t(1); });
            const auto& pl1 = b0_l1_sums.at(model, size_t(b0l1 + 1), f, [&](uint32_t* out) { out[0] = key_b0_l1_word(in, b0l1); return size_t(1); });
            const auto& pl2 = b0_l2_sums.at(model, size_t(b0l2 + 1), f, [&](uint32_t* out) { out[0] = key_b0_l2_tag(in, b0l2); return size_t(1); });
            const auto& ls0 = s0_r1_label_sums[st.snode(0).lr1];
            const auto& lb0 = b0_l1_label_sums[st.bnode().ll1];
            const auto& ls1 = s1_l1_label_sums[st.snode(1).ll1];
            for (int a = 0; a < kNumActions; ++a)
                acc[a] = pb[size_t(a)] + ps[size_t(a)] + p2[size_t(a)] + pl1[size_t(a)] + pl2[size_t(a)] + ls0[size_t(a)] + lb0[size_t(a)] + ls1[size_t(a)];
            model.sum_actions(f, action_features_rest(in, st, f, false), acc);
            float sc[kNumActions];
            for (int a = 0; a < kNumActions; ++a) sc[a] = model.action_score(acc[a]);
            for (int a = 0; a < kNumActions; ++a)
                if (st.legal(a) && (best < 0 || sc[a] > sc[best])) best = a;
        }
        const uint8_t label = best == kShift ? 0 : label_of(in, st, best);
        st.apply(best, label);
    }
}

const model::Loaded<Parser>& embedded_parser() {
    static const model::Loaded<Parser> p = model::load_embedded<Parser>(
        "parser", [](const uint8_t* data, size_t n, Parser& out, std::string* error) {
            const auto* words = tagging::models().words;
            return out.load(data, n, error, words && words->ok ? words->model.lexicon("clusters") : nullptr);
        });
    return p;
}

}  // namespace parse

namespace {

const char* const kDeprels[] = {
    "", "root", "punct", "case", "nsubj", "det", "advmod", "obj", "amod", "obl", "conj", "compound",
    "mark", "nmod", "cc", "aux", "cop", "advcl", "nmod:poss", "xcomp", "ccomp", "acl:relcl", "flat",
    "parataxis", "nummod", "appos", "acl", "aux:pass", "nsubj:pass", "obl:unmarked", "nmod:unmarked",
    "discourse", "compound:prt", "iobj", "list", "expl", "fixed", "nmod:desc", "obl:agent", "csubj",
    "nsubj:outer", "det:predet", "vocative", "goeswith", "advcl:relcl", "cc:preconj", "reparandum",
    "orphan", "csubj:pass", "dislocated", "dep", "csubj:outer", "obl:tmod", "obl:npmod", "nmod:tmod",
    "nmod:npmod", "flat:foreign", "det:poss", "clf"};

}  // namespace

const std::vector<std::string>& deprel_names() {
    static const std::vector<std::string> names(std::begin(kDeprels), std::end(kDeprels));
    return names;
}

std::string_view deprel_name(uint8_t id) {
    const auto& n = deprel_names();
    return id < n.size() ? std::string_view(n[id]) : std::string_view();
}

uint8_t deprel_id(std::string_view name) {
    if (name.empty()) return 0;
    const auto& n = deprel_names();
    for (size_t i = 1; i < n.size(); ++i) if (n[i] == name) return uint8_t(i);
    return 0;
}

std::string_view deprel_universal(uint8_t id) {
    std::string_view s = deprel_name(id);
    size_t colon = s.find(':');
    return colon == std::string_view::npos ? s : s.substr(0, colon);
}

bool parse_sentence(const std::vector<std::string_view>& words, const std::vector<std::string_view>& xpos,
                    std::vector<int32_t>& heads, std::vector<uint8_t>& deprels) {
    heads.clear();
    deprels.clear();
    const auto& loaded = parse::embedded_parser();
    if (!loaded.ok || words.size() != xpos.size()) return false;
    const parse::Parser& p = loaded.model;
    const size_t n = words.size();
    parse::Sentence in;
    in.resize(n);
    for (size_t i = 0; i < n; ++i) in.set(i, words[i], parse::tag_hash(xpos[i]), p.clusters);
    parse::State st;
    p.parse(in.input(), st);
    heads.resize(n);
    deprels.resize(n);
    for (size_t i = 0; i < n; ++i) {
        int32_t h = st.heads()[i];
        heads[i] = h >= int32_t(n) || h < 0 ? -1 : h;
        deprels[i] = st.labels()[i];
    }
    return true;
}

void parse_dependencies(Analysis& a) {
    for (Token& t : a.tokens) { t.head = -1; t.deprel = 0; }
    parse_dependencies(a, 0, a.sentences.size());
}

void parse_dependencies(Analysis& a, size_t first_sentence, size_t end_sentence) {
    const auto& loaded = parse::embedded_parser();
    if (!loaded.ok) { add_diagnostic(a, DiagnosticCode::ModelMissing, "dependency parser unavailable: " + loaded.error); return; }
    const parse::Parser& p = loaded.model;
    if (a.pos.size() != a.tokens.size()) tag_pos(a);
    const auto& tag_names = pos_tag_names();
    if (tag_names.empty() || a.pos.size() != a.tokens.size()) {
        add_diagnostic(a, DiagnosticCode::ModelMissing, "dependency parser needs POS tags: no POS model");
        return;
    }
    // Once, and per thread: the pipeline parses 8 sentences per call.
    static const std::vector<uint64_t> tag_hashes = [&] {
        std::vector<uint64_t> h(tag_names.size());
        for (size_t i = 0; i < tag_names.size(); ++i) h[i] = parse::tag_hash(tag_names[i]);
        return h;
    }();
    static const uint64_t unknown_tag = parse::tag_hash("");
    thread_local parse::Sentence in;
    thread_local parse::State st;
    end_sentence = std::min(end_sentence, a.sentences.size());
    for (size_t si = first_sentence; si < end_sentence; ++si) {
        const Sentence& s = a.sentences[si];
        const size_t n = s.token_count, first = s.first_token;
        if (n == 0 || first + n > a.tokens.size()) continue;
        in.resize(n);
        for (size_t i = 0; i < n; ++i) {
            const uint8_t id = a.pos[first + i];
            in.set(i, a.token_text(a.tokens[first + i]), id < tag_hashes.size() ? tag_hashes[id] : unknown_tag, p.clusters);
        }
        p.parse(in.input(), st);
        for (size_t i = 0; i < n; ++i) {
            Token& tok = a.tokens[first + i];
            const int32_t h = st.heads()[i];
            tok.head = h < 0 || h >= int32_t(n) ? -1 : int32_t(first) + h;
            tok.deprel = st.labels()[i];
        }
    }
}

}  // namespace ae
