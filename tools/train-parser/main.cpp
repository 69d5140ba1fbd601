// train-parser: trains the dependency parser (core/src/parse) on UD English EWT and evaluates it.
//
//   train-parser train --train en_ewt-ud-train.conllu --dev en_ewt-ud-dev.conllu
//                      --out assets/models/parser.bin [--epochs 15] [--seed 1] [--pos-noise 0.04]
//                      [--pos-model assets/models/pos.bin] [--explore-from 2] [--explore-p 0.9]
//                      [--prune 0] [--max-bytes 4000000] [--folds 5 --pos-folds /tmp/pos%d.bin]
//                      [--clusters assets/models/words.bin]
//   train-parser eval  --model assets/models/parser.bin --dev en_ewt-ud-dev.conllu
//                      [--pos-model assets/models/pos.bin] [--clusters assets/models/words.bin] [--bench 5]
//                      [--beam K] [--out-conllu F (the trees parsed from predicted tags)]
// --clusters: the news word clusters of that words model file are parser features; the model
// records their fingerprint and loads only over the same clusters (the core passes its words
// model's), so retrain the parser when the words model changes.
//
// Training: greedy arc-hybrid with a dynamic oracle (Goldberg & Nivre 2013): from epoch
// --explore-from on, the parser follows its own prediction with probability --explore-p and
// learns the best zero-cost action from wherever it is. Gold trees are projectivised by lifting
// (non-projective arcs are attached to the head's head until the tree is projective; labels are
// kept, no pseudo-projective encoding). XPOS input: gold tags perturbed with probability
// --pos-noise (replaced by another tag the word has elsewhere in train, or a typical confusion)
// so the parser learns to live with tagger errors; with --pos-model the training tags are that
// tagger's predictions instead (plus the noise). After every epoch the averaged weights are
// quantised exactly as shipped and scored on dev; the best epoch is written.
// UAS/LAS count every word, punctuation included (as the CoNLL 2018 shared task did). LAS uses
// the full relation (nsubj:pass); "LAS-univ" only the universal part.
#include "article_explorer/parser.h"
#include "parse/learner.h"
#include "parse/model.h"
#include "parse/parser.h"
#include "parse/state.h"
#include "tagging/model.h"
#include "tagging/models.h"
#include "tagging/pos.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

namespace {

using namespace ae::parse;

struct Sent {
    std::vector<std::string> form, xpos;
    std::vector<int32_t> head;     // 0..n (n = ROOT), as in the State
    std::vector<uint8_t> label;    // deprel ids
    std::vector<int32_t> proj;     // projectivised heads
};

std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> out;
    size_t b = 0;
    for (;;) {
        size_t e = line.find('\t', b);
        out.push_back(line.substr(b, e == std::string::npos ? std::string::npos : e - b));
        if (e == std::string::npos) break;
        b = e + 1;
    }
    return out;
}

std::vector<Sent> read_conllu(const std::string& path) {
    std::ifstream in(path);
    if (!in) { std::fprintf(stderr, "train-parser: cannot read %s\n", path.c_str()); std::exit(1); }
    std::vector<Sent> out;
    Sent cur;
    std::vector<int> ud_head;
    std::string line;
    size_t unknown = 0;
    auto flush = [&] {
        if (!cur.form.empty()) {
            const int n = int(cur.form.size());
            cur.head.resize(size_t(n));
            for (int i = 0; i < n; ++i) cur.head[size_t(i)] = ud_head[size_t(i)] == 0 ? n : ud_head[size_t(i)] - 1;
            out.push_back(std::move(cur));
        }
        cur = Sent{};
        ud_head.clear();
    };
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty()) { flush(); continue; }
        if (line[0] == '#') continue;
        auto f = split_tabs(line);
        if (f.size() < 8) continue;
        if (f[0].find_first_of("-.") != std::string::npos) continue;   // multiword ranges, empty nodes
        cur.form.push_back(f[1]);
        cur.xpos.push_back(f[4]);
        ud_head.push_back(std::atoi(f[6].c_str()));
        uint8_t id = ae::deprel_id(f[7]);
        if (!id) { ++unknown; id = ae::deprel_id("dep"); }
        cur.label.push_back(id);
    }
    flush();
    if (unknown) std::fprintf(stderr, "train-parser: %zu relations not in the table, mapped to dep\n", unknown);
    return out;
}

// True if the arc into d is non-projective: some word strictly between d and its head is not
// dominated by the head.
bool nonprojective(const std::vector<int32_t>& h, int d) {
    const int n = int(h.size());
    const int hd = h[size_t(d)];
    const int lo = std::min(hd, d), hi = std::max(hd, d);
    for (int k = lo + 1; k < hi; ++k) {
        int x = k, steps = 0;
        while (x != hd && x < n && steps++ <= n) x = h[size_t(x)];
        if (x != hd) return true;
    }
    return false;
}

// Lifts the shortest non-projective arc to the head's head until none is left; returns lifts.
int projectivise(std::vector<int32_t>& h) {
    const int n = int(h.size());
    int lifts = 0;
    for (;;) {
        int best = -1, best_len = 1 << 30;
        for (int d = 0; d < n; ++d) {
            if (h[size_t(d)] >= n) continue;
            int len = std::abs(h[size_t(d)] - d);
            if (len < best_len && nonprojective(h, d)) { best = d; best_len = len; }
        }
        if (best < 0) return lifts;
        const int hd = h[size_t(best)];
        h[size_t(best)] = h[size_t(hd)];
        ++lifts;
    }
}

struct Rng {
    uint64_t s;
    uint64_t next() { s ^= s << 13; s ^= s >> 7; s ^= s << 17; return s; }
    double uniform() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }
    size_t below(size_t n) { return size_t(next() % n); }
};

// Tag noise: for a word, the other tags it has in train (with counts), else typical confusions.
struct TagNoise {
    std::unordered_map<std::string, std::map<std::string, int>> by_word;
    std::map<std::string, std::vector<std::string>> confusions{
        {"NN", {"NNP", "JJ", "VB"}}, {"NNP", {"NN", "JJ", "NNPS"}}, {"NNS", {"VBZ", "NNPS"}}, {"NNPS", {"NNS", "NNP"}},
        {"JJ", {"NN", "VBN", "NNP", "RB"}}, {"VB", {"VBP", "NN"}}, {"VBP", {"VB", "NN"}}, {"VBD", {"VBN"}},
        {"VBN", {"VBD", "JJ"}}, {"VBG", {"NN", "JJ"}}, {"VBZ", {"NNS"}}, {"RB", {"IN", "JJ", "RP"}},
        {"IN", {"RB", "RP", "WDT"}}, {"RP", {"IN", "RB"}}, {"CD", {"NNP", "JJ"}}, {"UH", {"NNP", "RB"}}};
    void learn(const std::vector<Sent>& data) {
        for (const Sent& s : data)
            for (size_t i = 0; i < s.form.size(); ++i) by_word[lower(s.form[i])][s.xpos[i]]++;
    }
    static std::string lower(std::string w) { for (char& c : w) if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a'); return w; }
    std::string perturb(const std::string& form, const std::string& tag, Rng& rng) const {
        auto it = by_word.find(lower(form));
        if (it != by_word.end() && it->second.size() > 1) {
            int total = 0;
            for (auto& kv : it->second) if (kv.first != tag) total += kv.second;
            if (total > 0) {
                int r = int(rng.below(size_t(total)));
                for (auto& kv : it->second) {
                    if (kv.first == tag) continue;
                    if ((r -= kv.second) < 0) return kv.first;
                }
            }
        }
        auto c = confusions.find(tag);
        if (c != confusions.end()) return c->second[rng.below(c->second.size())];
        return tag;
    }
};

// Optional POS tagger (a model file written by train-tagger) for predicted input tags.
struct Tagger {
    ae::tagging::LinearModel model;
    bool ok = false;
    void load(const std::string& path) {
        std::ifstream in(path, std::ios::binary);
        if (!in) { std::fprintf(stderr, "train-parser: cannot read %s\n", path.c_str()); std::exit(1); }
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        std::string err;
        if (!ae::tagging::deserialize(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), model, &err) ||
            !ae::tagging::attach_words(model, &err)) {   // its word clusters: the embedded words model's
            std::fprintf(stderr, "train-parser: %s: %s\n", path.c_str(), err.c_str());
            std::exit(1);
        }
        if (model.kind != "pos" || model.feature_set != ae::tagging::kPosFeatureSet) {
            std::fprintf(stderr, "train-parser: %s is not a POS model for this build's feature set\n", path.c_str());
            std::exit(1);
        }
        ok = true;
    }
    // Tags every sentence; returns the tag accuracy against the gold XPOS.
    double tag(std::vector<Sent>& data, std::vector<std::vector<std::string>>& out) const {
        ae::tagging::PosScratch scratch;
        size_t total = 0, correct = 0;
        out.clear();
        for (const Sent& s : data) {
            std::vector<std::string_view> toks(s.form.begin(), s.form.end());
            std::vector<int> ids(toks.size());
            ae::tagging::pos_tag_sentence(model, toks.data(), toks.size(), ids.data(), scratch);
            std::vector<std::string> tags;
            for (size_t i = 0; i < ids.size(); ++i) {
                tags.push_back(model.classes[size_t(ids[i])]);
                correct += tags.back() == s.xpos[i];
                ++total;
            }
            out.push_back(std::move(tags));
        }
        return total ? 100.0 * double(correct) / double(total) : 0.0;
    }
};

// The word clusters the parser's features read: the "clusters" lexicon of a words model file
// (train-tagger words), the one the core embeds (assets/models/words.bin).
struct Clusters {
    ae::tagging::LinearModel model;
    const ae::tagging::Lexicon* lex = nullptr;
    void load(const std::string& path) {
        if (path.empty()) return;
        std::ifstream in(path, std::ios::binary);
        if (!in) { std::fprintf(stderr, "train-parser: cannot read %s\n", path.c_str()); std::exit(1); }
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        std::string err;
        if (!ae::tagging::deserialize(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), model, &err)) {
            std::fprintf(stderr, "train-parser: %s: %s\n", path.c_str(), err.c_str());
            std::exit(1);
        }
        lex = model.lexicon("clusters");
        if (!lex) { std::fprintf(stderr, "train-parser: %s has no clusters lexicon\n", path.c_str()); std::exit(1); }
    }
};

struct Scores {
    size_t words = 0, uas = 0, las = 0, las_univ = 0;
    std::map<std::string, std::array<size_t, 3>> by_label;   // gold count, head ok, head+label ok
    double UAS() const { return words ? 100.0 * double(uas) / double(words) : 0; }
    double LAS() const { return words ? 100.0 * double(las) / double(words) : 0; }
    double LASu() const { return words ? 100.0 * double(las_univ) / double(words) : 0; }
};

// Parses `data` with `parser` using the given input tags; scores against the original trees.
Scores evaluate(const Parser& parser, const std::vector<Sent>& data, const std::vector<std::vector<std::string>>& tags,
                std::ostream* conllu = nullptr) {
    Scores sc;
    State st;
    Sentence in;
    for (size_t si = 0; si < data.size(); ++si) {
        const Sent& s = data[si];
        const size_t n = s.form.size();
        in.resize(n);
        for (size_t i = 0; i < n; ++i) in.set(i, s.form[i], tag_hash(tags[si][i]), parser.clusters);
        parser.parse(in.input(), st);
        if (conllu) {
            for (size_t i = 0; i < n; ++i) {
                const int32_t h = st.heads()[i];
                *conllu << (i + 1) << '\t' << s.form[i] << "\t_\t_\t" << tags[si][i] << "\t_\t" << (h >= int32_t(n) || h < 0 ? 0 : h + 1)
                        << '\t' << ae::deprel_name(st.labels()[i]) << "\t_\t_\n";
            }
            *conllu << '\n';
        }
        for (size_t i = 0; i < n; ++i) {
            const bool hok = st.heads()[i] == s.head[i];
            const bool lok = st.labels()[i] == s.label[i];
            const bool uok = ae::deprel_universal(st.labels()[i]) == ae::deprel_universal(s.label[i]);
            sc.words++;
            sc.uas += hok;
            sc.las += hok && lok;
            sc.las_univ += hok && uok;
            auto& b = sc.by_label[std::string(ae::deprel_name(s.label[i]))];
            b[0]++; b[1] += hok; b[2] += hok && lok;
        }
    }
    return sc;
}

// Beam training (Zhang & Clark 2008; Huang et al. 2012): the beam decodes with the current
// weights; beside it the best zero-cost ("gold") transition sequence is followed (any zero-cost
// sequence gives the projectivised gold tree, so the oracle picks the one the model prefers);
// at the step where the beam's best non-gold item leads the gold sequence by the most (max
// violation), the perceptron adds the gold prefix's features and subtracts the best item's.
// Labels: every arc gets the label classifier's choice; the classifier learns on the gold arcs.
struct BeamTrainer {
    size_t width = 8;
    BeamArena A, R;
    std::vector<BeamItem> beam, next;
    struct Cand { float score; uint32_t item; int action; bool zero; };
    std::vector<Cand> cands;
    std::vector<int> stk;
    std::vector<BeamStep> hg, hp;
    std::vector<float> ls;
    size_t updates = 0, steps = 0;

    void costs(const BeamItem& it, const Sent& s, int cost[kNumActions]) {
        A.stack(it, stk);
        action_costs(stk.data(), stk.size(), it.b, int(A.n), s.proj.data(), cost);
    }
    uint8_t label(Learner& L, const Input& in, const BeamConfig& c, int a, int root_label, uint32_t* lf, size_t* nlf) {
        *nlf = 0;
        if (a == kShift) return 0;
        if (c.arc_head(a) == int(in.n)) return uint8_t(root_label);
        *nlf = label_features(in, c, a, lf);
        ls.assign(L.nlabels(), 0.0f);
        L.score_labels(lf, *nlf, ls.data());
        int pl = -1;
        for (size_t k = 1; k < ls.size(); ++k)
            if (int(k) != root_label && (pl < 0 || ls[k] > ls[size_t(pl)])) pl = int(k);
        return uint8_t(pl);
    }
    // Replays a transition sequence, adding delta to the weights of each action after `from`.
    void replay(Learner& L, const Input& in, const std::vector<BeamStep>& h, size_t from, float delta) {
        uint32_t f[kMaxActionFeatures];
        R.init(in.n);
        BeamItem x;
        for (size_t j = 0; j < h.size(); ++j) {
            if (j >= from) L.add_actions(f, action_features(in, BeamConfig{R, x}, f), h[j].act, delta);
            x = R.apply(x, h[j].act, h[j].label);
        }
    }
    void sentence(Learner& L, const Input& in, const Sent& s, int root_label) {
        const size_t n = in.n;
        uint32_t f[kMaxActionFeatures], lf[kMaxLabelFeatures];
        A.init(n);
        beam.assign(1, BeamItem{});
        BeamItem gold;
        int gidx = 0;
        float maxv = -1;
        BeamItem vtop, vgold;
        bool have = false;
        for (size_t t = 0; t < 2 * n; ++t) {
            cands.clear();
            float gsc[kNumActions] = {0, 0, 0};
            for (uint32_t i = 0; i < beam.size(); ++i) {
                const BeamItem& it = beam[i];
                const BeamConfig c{A, it};
                int cost[kNumActions] = {0, 0, 0};
                if (it.zero) costs(it, s, cost);
                float sc[kNumActions] = {0, 0, 0};
                L.score_actions(f, action_features(in, c, f), sc);
                if (int(i) == gidx) std::copy(sc, sc + kNumActions, gsc);
                for (int a = 0; a < kNumActions; ++a)
                    if (c.legal(a)) cands.push_back({it.score + sc[a], i, a, it.zero && cost[a] == 0});
            }
            // the gold item's next transition: its best zero-cost one
            int gc[kNumActions];
            costs(gold, s, gc);
            if (gidx < 0) L.score_actions(f, action_features(in, BeamConfig{A, gold}, f), gsc);
            int gact = -1;
            for (int a = 0; a < kNumActions; ++a)
                if (gc[a] == 0 && (gact < 0 || gsc[a] > gsc[gact])) gact = a;
            if (gact < 0) return;   // cannot happen on a projective tree
            const size_t keep = std::min(width, cands.size());
            std::partial_sort(cands.begin(), cands.begin() + std::ptrdiff_t(keep), cands.end(), [](const Cand& x, const Cand& y) {
                return x.score != y.score ? x.score > y.score : x.item != y.item ? x.item < y.item : x.action < y.action; });
            next.clear();
            int ngidx = -1;
            for (size_t k = 0; k < keep; ++k) {
                const Cand& cd = cands[k];
                const BeamItem& from = beam[cd.item];
                size_t nlf;
                const uint8_t lab = label(L, in, BeamConfig{A, from}, cd.action, root_label, lf, &nlf);
                BeamItem it = A.apply(from, cd.action, lab);
                it.score = cd.score;
                it.zero = cd.zero;
                if (int(cd.item) == gidx && cd.action == gact) ngidx = int(next.size());
                next.push_back(it);
            }
            // the gold transition (label chosen as in the beam), and the label classifier's update
            {
                const BeamConfig gcfg{A, gold};
                size_t nlf;
                const uint8_t lab = label(L, in, gcfg, gact, root_label, lf, &nlf);
                const int d = gcfg.arc_dep();
                if (ngidx >= 0) {
                    gold = next[size_t(ngidx)];
                } else {
                    const float gs = gold.score + gsc[gact];
                    gold = A.apply(gold, gact, lab);
                    gold.score = gs;
                }
                if (nlf && s.label[size_t(d)] != root_label) L.update_labels(lf, nlf, s.label[size_t(d)], lab);
            }
            gidx = ngidx;
            beam.swap(next);
            ++steps;
            const BeamItem& top = beam[0];
            if (!top.zero && top.score - gold.score >= maxv) {
                maxv = top.score - gold.score;
                vtop = top;
                vgold = gold;
                have = true;
            }
        }
        L.tick();
        if (!have) return;
        ++updates;
        A.history(vgold, hg);
        A.history(vtop, hp);
        size_t common = 0;
        while (common < hg.size() && common < hp.size() && hg[common].act == hp[common].act && hg[common].label == hp[common].label) ++common;
        replay(L, in, hg, common, 1.0f);
        replay(L, in, hp, common, -1.0f);
    }
};

struct Args {
    std::map<std::string, std::string> kv;
    std::string get(const std::string& k, const std::string& def = "") const {
        auto it = kv.find(k);
        return it == kv.end() ? def : it->second;
    }
    std::string need(const std::string& k) const {
        auto it = kv.find(k);
        if (it == kv.end()) { std::fprintf(stderr, "train-parser: missing --%s\n", k.c_str()); std::exit(2); }
        return it->second;
    }
};

std::vector<std::vector<std::string>> gold_tags(const std::vector<Sent>& data) {
    std::vector<std::vector<std::string>> out;
    for (const Sent& s : data) out.push_back(s.xpos);
    return out;
}

bool load_parser(const std::string& path, Parser& p, const ae::tagging::Lexicon* clusters, size_t* file_bytes = nullptr) {
    std::ifstream in(path, std::ios::binary);
    if (!in) { std::fprintf(stderr, "train-parser: cannot read %s\n", path.c_str()); return false; }
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::string error;
    if (file_bytes) *file_bytes = bytes.size();
    if (!p.load(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), &error, clusters)) {
        std::fprintf(stderr, "train-parser: %s: %s\n", path.c_str(), error.c_str());
        return false;
    }
    return true;
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

void print_scores(const char* what, const Scores& s) {
    std::printf("%-28s UAS %.2f  LAS %.2f  LAS-univ %.2f  (%zu words)\n", what, s.UAS(), s.LAS(), s.LASu(), s.words);
}

// The smallest prune threshold (in quantised units) that fits the model into max_bytes.
int fit_budget(const FloatModel& fm, size_t max_bytes, int qmax, int hint) {
    if (max_bytes == 0 || Model::serialized_size(fm, 1, qmax) <= max_bytes) return 1;
    int lo = 1, hi = std::max(2, hint);
    while (Model::serialized_size(fm, hi, qmax) > max_bytes) { lo = hi; hi = std::min(qmax, hi * 2); if (hi == qmax) break; }
    while (hi - lo > 1) {   // size(lo) > max_bytes >= size(hi)
        int mid = (lo + hi) / 2;
        if (Model::serialized_size(fm, mid, qmax) > max_bytes) lo = mid; else hi = mid;
    }
    return hi;
}

int train(const Args& a, const std::string& cmdline) {
    const auto t0 = std::chrono::steady_clock::now();
    std::vector<Sent> train = read_conllu(a.need("train"));
    std::vector<Sent> dev = read_conllu(a.need("dev"));
    const std::string out_path = a.need("out");
    const int epochs = std::atoi(a.get("epochs", "15").c_str());
    const int explore_from = std::atoi(a.get("explore-from", "2").c_str());
    const double explore_p = std::atof(a.get("explore-p", "0.9").c_str());
    const double noise = std::atof(a.get("pos-noise", "0.04").c_str());
    const float prune = float(std::atof(a.get("prune", "0").c_str()));
    const size_t max_bytes = size_t(std::atof(a.get("max-bytes", "4000000").c_str()));
    const int qmax = std::atoi(a.get("qmax", "32767").c_str());
    const int beam = std::atoi(a.get("beam", "1").c_str());
    if (beam < 1 || beam > 64) { std::fprintf(stderr, "train-parser: --beam must be 1..64\n"); return 2; }
    BeamTrainer bt;
    bt.width = size_t(beam);
    int prune_q = 1;
    Rng rng{uint64_t(std::strtoull(a.get("seed", "1").c_str(), nullptr, 10)) * 0x9E3779B97F4A7C15ULL + 1};

    size_t nonproj = 0, lifts = 0;
    for (Sent& s : train) {
        s.proj = s.head;
        int l = projectivise(s.proj);
        nonproj += l > 0;
        lifts += size_t(l);
    }
    std::printf("train: %zu sentences, %zu non-projective (%zu arcs lifted); dev: %zu sentences\n",
                train.size(), nonproj, lifts, dev.size());

    // Input tags for training (gold or a tagger's) and for dev (gold, and predicted if a tagger).
    Tagger tagger;
    std::vector<std::vector<std::string>> train_tags = gold_tags(train), dev_gold = gold_tags(dev), dev_pred;
    if (!a.get("pos-model").empty()) {
        tagger.load(a.get("pos-model"));
        double acc_train = tagger.tag(train, train_tags);
        double acc_dev = tagger.tag(dev, dev_pred);
        std::printf("POS tagger %s: train XPOS %.2f%%, dev XPOS %.2f%%\n", a.get("pos-model").c_str(), acc_train, acc_dev);
    }
    // Jackknifed training tags: fold k of train (sentences [k*N/K, (k+1)*N/K)) tagged by a tagger
    // trained on the other folds (printf-style path with %d, e.g. /tmp/jk/pos%d.bin).
    const int folds = std::atoi(a.get("folds", "0").c_str());
    if (folds > 1) {
        const std::string pattern = a.need("pos-folds");
        const size_t N = train.size();
        size_t correct = 0, total = 0;
        for (int k = 0; k < folds; ++k) {
            char path[512];
            std::snprintf(path, sizeof path, pattern.c_str(), k);
            Tagger tk;
            tk.load(path);
            const size_t lo = size_t(k) * N / size_t(folds), hi = size_t(k + 1) * N / size_t(folds);
            std::vector<Sent> part(train.begin() + std::ptrdiff_t(lo), train.begin() + std::ptrdiff_t(hi));
            std::vector<std::vector<std::string>> tags;
            tk.tag(part, tags);
            for (size_t i = lo; i < hi; ++i) {
                train_tags[i] = tags[i - lo];
                for (size_t j = 0; j < train_tags[i].size(); ++j) { correct += train_tags[i][j] == train[i].xpos[j]; ++total; }
            }
        }
        std::printf("jackknifed train tags (%d folds): XPOS %.2f%%\n", folds, 100.0 * double(correct) / double(total));
    }
    TagNoise tn;
    tn.learn(train);
    Clusters clusters;
    clusters.load(a.get("clusters"));
    if (clusters.lex) std::printf("word clusters: %zu words from %s\n", clusters.lex->keys.size(), a.get("clusters").c_str());

    const std::vector<std::string>& labels = ae::deprel_names();
    const int root_label = ae::deprel_id("root");
    Learner learner(labels.size());
    std::vector<size_t> order(train.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;

    State st;
    Sentence sin;
    uint32_t f[kMaxActionFeatures], lf[kMaxLabelFeatures];
    std::vector<float> ls(labels.size());
    Model best_model;
    double best_las = -1;
    int best_epoch = 0;
    Scores best_scores;
    for (int epoch = 1; epoch <= epochs; ++epoch) {
        const auto te = std::chrono::steady_clock::now();
        for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng.below(i)]);
        const bool explore = epoch >= explore_from;
        size_t steps = 0, wrong = 0;
        for (size_t si : order) {
            const Sent& s = train[si];
            const size_t n = s.form.size();
            sin.resize(n);
            for (size_t i = 0; i < n; ++i) {
                const std::string& tag = train_tags[si][i];
                sin.set(i, s.form[i], tag_hash(noise > 0 && rng.uniform() < noise ? tn.perturb(s.form[i], tag, rng) : tag), clusters.lex);
            }
            const Input in = sin.input();
            if (beam > 1) {
                bt.sentence(learner, in, s, root_label);
                continue;
            }
            st.init(n);
            while (!st.terminal()) {
                const size_t nf = action_features(in, st, f);
                float sc[kNumActions] = {0, 0, 0};
                learner.score_actions(f, nf, sc);
                int cost[kNumActions];
                action_costs(st, s.proj.data(), cost);
                int pred = -1, gold = -1, min_cost = 1 << 30;
                for (int x = 0; x < kNumActions; ++x) if (cost[x] >= 0) min_cost = std::min(min_cost, cost[x]);
                for (int x = 0; x < kNumActions; ++x) {
                    if (cost[x] < 0) continue;
                    if (pred < 0 || sc[x] > sc[pred]) pred = x;
                    if (cost[x] == min_cost && (gold < 0 || sc[x] > sc[gold])) gold = x;
                }
                if (cost[pred] > min_cost) { learner.update_actions(f, nf, gold, pred); ++wrong; }
                learner.tick();
                ++steps;
                const int act = explore && rng.uniform() < explore_p ? pred : gold;
                uint8_t label = 0;
                if (act != kShift) {
                    const int h = st.arc_head(act), d = st.arc_dep();
                    if (h == int(n)) {
                        label = uint8_t(root_label);
                    } else {
                        const size_t nl = label_features(in, st, act, lf);
                        std::fill(ls.begin(), ls.end(), 0.0f);
                        learner.score_labels(lf, nl, ls.data());
                        int pl = -1;
                        for (size_t c = 1; c < ls.size(); ++c)
                            if (int(c) != root_label && (pl < 0 || ls[c] > ls[size_t(pl)])) pl = int(c);
                        label = uint8_t(pl);
                        if (s.proj[size_t(d)] == h && s.label[size_t(d)] != root_label) {
                            learner.update_labels(lf, nl, s.label[size_t(d)], pl);
                            label = s.label[size_t(d)];
                        }
                    }
                }
                st.apply(act, label);
            }
        }
        const double train_secs = seconds_since(te);
        FloatModel fm = learner.averaged(labels, prune, prune);
        fm.clusters = cluster_fingerprint(clusters.lex);
        fm.beam = uint32_t(beam);
        if (beam > 1) { steps = bt.steps; wrong = bt.updates; bt.steps = bt.updates = 0; }
        prune_q = fit_budget(fm, max_bytes, qmax, prune_q);
        Model m;
        m.build(fm, prune_q, qmax);
        Parser p;
        std::string bytes = m.serialize();
        std::string perr;
        if (!p.load(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), &perr, clusters.lex)) {
            std::fprintf(stderr, "train-parser: the model does not load: %s\n", perr.c_str());
            return 1;
        }
        Scores sg = evaluate(p, dev, dev_gold);
        Scores sp = tagger.ok ? evaluate(p, dev, dev_pred) : sg;
        std::printf("epoch %2d: %.1f%% action errors, %.1fs | rows %zu+%zu -> %zu+%zu (prune %d/%d), %.2f MB | dev gold-POS UAS %.2f LAS %.2f",
                    epoch, 100.0 * double(wrong) / double(steps), train_secs, learner.action_rows(), learner.label_rows(),
                    m.action_rows(), m.label_rows(), prune_q, qmax, double(bytes.size()) / 1e6, sg.UAS(), sg.LAS());
        if (tagger.ok) std::printf(" | pred-POS UAS %.2f LAS %.2f", sp.UAS(), sp.LAS());
        std::printf("\n");
        std::fflush(stdout);
        const Scores& sel = tagger.ok ? sp : sg;
        if (sel.LAS() > best_las) { best_las = sel.LAS(); best_epoch = epoch; best_model = std::move(m); best_scores = sel; }
    }
    char note[512];
    std::snprintf(note, sizeof note, "%s | best epoch %d/%d | dev (%s POS) UAS %.2f LAS %.2f | %.0fs",
                  cmdline.c_str(), best_epoch, epochs, tagger.ok ? "predicted" : "gold", best_scores.UAS(),
                  best_scores.LAS(), seconds_since(t0));
    best_model.set_note(note);
    const std::string bytes = best_model.serialize();
    std::ofstream out(out_path, std::ios::binary);
    out.write(bytes.data(), std::streamsize(bytes.size()));
    if (!out) { std::fprintf(stderr, "train-parser: cannot write %s\n", out_path.c_str()); return 1; }
    std::printf("wrote %s (%zu bytes): %s\n", out_path.c_str(), bytes.size(), note);
    return 0;
}

int eval(const Args& a) {
    Parser p;
    size_t file_bytes = 0;
    Clusters clusters;
    clusters.load(a.get("clusters"));
    if (!load_parser(a.need("model"), p, clusters.lex, &file_bytes)) return 1;
    p.beam = std::atoi(a.get("beam", "0").c_str());   // 0: the model's
    std::vector<Sent> dev = read_conllu(a.need("dev"));
    std::printf("model: %zu bytes, %zu action rows, %zu label rows (%zu entries), trained for beam %u, decoding with beam %d\nnote: %s\n",
                file_bytes, p.model.action_rows(), p.model.label_rows(), p.model.label_entries(), p.model.beam(),
                p.beam > 0 ? p.beam : int(p.model.beam()), p.model.note().c_str());
    auto gold = gold_tags(dev);
    Scores sg = evaluate(p, dev, gold);
    print_scores("dev, gold XPOS:", sg);
    Scores sel = sg;
    std::vector<std::vector<std::string>> pred;
    if (!a.get("pos-model").empty()) {
        Tagger tagger;
        tagger.load(a.get("pos-model"));
        double acc = tagger.tag(dev, pred);
        std::ofstream conllu;
        if (!a.get("out-conllu").empty()) conllu.open(a.get("out-conllu"));
        Scores sp = evaluate(p, dev, pred, conllu.is_open() ? &conllu : nullptr);
        char what[64];
        std::snprintf(what, sizeof what, "dev, predicted XPOS (%.2f%%):", acc);
        print_scores(what, sp);
        sel = sp;
    }
    if (a.get("labels") == "1") {
        std::printf("%-16s %7s %7s %7s\n", "gold label", "count", "head%", "LAS%");
        for (auto& kv : sel.by_label)
            std::printf("%-16s %7zu %7.2f %7.2f\n", kv.first.c_str(), kv.second[0], 100.0 * double(kv.second[1]) / double(kv.second[0]),
                        100.0 * double(kv.second[2]) / double(kv.second[0]));
    }
    const int reps = std::atoi(a.get("bench", "0").c_str());
    if (reps > 0) {
        // Hashing words and tags + parsing, one thread.
        const auto& tags = pred.empty() ? gold : pred;
        // Parse-only timing: inputs hashed beforehand, process CPU time (the machine is shared).
        std::vector<Sentence> S(dev.size());
        for (size_t si = 0; si < dev.size(); ++si) {
            S[si].resize(dev[si].form.size());
            for (size_t i = 0; i < dev[si].form.size(); ++i) S[si].set(i, dev[si].form[i], tag_hash(tags[si][i]), p.clusters);
        }
        State st;
        size_t words = 0, checksum = 0;
        const std::clock_t c0 = std::clock();
        for (int r = 0; r < reps; ++r)
            for (size_t si = 0; si < dev.size(); ++si) {
                p.parse(S[si].input(), st);
                words += S[si].word.size();
                checksum += size_t(st.heads().empty() ? 0 : st.heads()[0]);
            }
        const double secs = double(std::clock() - c0) / CLOCKS_PER_SEC;
        std::printf("speed: %.0f words/s parsing (%zu words in %.2fs CPU; %zu)\n", double(words) / secs, words, secs, checksum % 7);
    }
    return 0;
}

std::string command_line(int argc, char** argv) {
    std::string s = "train-parser";
    for (int i = 1; i < argc; ++i) { s += ' '; s += argv[i]; }
    return s;
}

}  // namespace

const char* const kUsage =
    "usage: train-parser train --train CONLLU --dev CONLLU --out F [--epochs 15] [--seed 1] [--pos-noise 0.04]\n"
    "                          [--pos-model POS.bin] [--explore-from 2] [--explore-p 0.9] [--prune 0]\n"
    "                          [--max-bytes 4000000] [--folds 5 --pos-folds /tmp/pos%d.bin] [--clusters WORDS.bin]\n"
    "       train-parser eval  --model F --dev CONLLU [--pos-model POS.bin] [--clusters WORDS.bin] [--bench 5]\n"
    "Greedy arc-hybrid parser with a dynamic oracle; each epoch prints dev UAS/LAS after\n"
    "quantisation (gold and predicted POS) and the best epoch is written. Details: the header of\n"
    "tools/train-parser/main.cpp and the README's Models section.\n";

int main(int argc, char** argv) {
    if (argc >= 2 && (std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0)) {
        std::fputs(kUsage, stdout);
        return 0;
    }
    if (argc < 2) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    Args a;
    for (int i = 2; i < argc; ++i) {
        std::string s = argv[i];
        if (s.rfind("--", 0) != 0 || i + 1 >= argc) { std::fprintf(stderr, "train-parser: bad argument %s\n", s.c_str()); return 2; }
        a.kv[s.substr(2)] = argv[++i];
    }
    const std::string cmd = argv[1];
    if (cmd == "train") return train(a, command_line(argc, argv));
    if (cmd == "eval") return eval(a);
    std::fprintf(stderr, "train-parser: unknown command %s\n", cmd.c_str());
    return 2;
}
