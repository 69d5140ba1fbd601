// train-cues: trains the quotes stage's cue detector (assets/models/cues.bin) on PolNeAR, whose
// brat attributions mark each attribution's Cue span (`said`, `according to`, `statement`).
//
//   train-cues --train DIR --dev DIR --out assets/models/cues.bin [--epochs 8] [--seed 1]
//              [--max-rows 20000] [--min-q 0] [--max-docs 0] [--learner perceptron|pa]
//
// Each document's text goes through the whole core (tokens, POS, parse), so the features are
// the ones the core computes; a candidate token (a word or a colon of a story sentence) is a cue
// when it overlaps a gold Cue span. Each epoch prints dev cue P/R/F1 of the model exactly as it
// ships (quantised, pruned, serialised and read back), counted on spans as eval-quotes counts
// them: adjacent predicted tokens make one cue; it is right when it overlaps a gold cue, and a
// gold cue is found when one of ours overlaps it. The last epoch's model is written (dev is
// reported, not used to choose). Same data + seed = same bytes.
#include "article_explorer/analysis.h"
#include "../common/polnear.h"
#include "quotes/cue_model.h"
#include "tagging/perceptron.h"
#include "../common/binary_trainer.h"
#include "../common/options.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

using namespace ae;
using namespace ae::tagging;

namespace {

struct Span { uint32_t s = 0, e = 0; };
struct Doc {
    std::vector<std::vector<uint64_t>> feats;   // per candidate token
    std::vector<int> gold;                      // per candidate: 1 = inside a gold cue
    std::vector<uint32_t> token;                // per candidate: token index
    std::vector<Span> token_cp;                 // per candidate: code-point span
    std::vector<Span> cues;                     // gold cue fragments
};

// Every Cue text-bound annotation's fragments ("T2\tCue 113 119;130 134\tsaid in").
std::vector<Span> gold_cues(const std::string& ann) {
    std::vector<Span> out;
    for (const auto& [s, e] : polnear::fragments(ann, "Cue")) out.push_back({s, e});
    return out;
}

Doc read_doc(const polnear::Document& pd) {
    Doc d;
    std::string text = polnear::read_file(pd.text_path);
    if (text.empty()) return d;
    d.cues = gold_cues(polnear::read_file(pd.ann_path));
    const std::vector<uint32_t> cp = polnear::code_points(text);
    Analysis a = analyze(text, {});
    quotes::CueTokens t;
    t.fill(a);
    uint64_t f[quotes::kMaxCueFeatures];
    for (uint32_t i = 0; i < a.tokens.size(); ++i) {
        if (!quotes::cue_candidate(a, t, i)) continue;
        Span s{cp[std::min<size_t>(a.offsets.to_input(a.tokens[i].start), text.size())],
               cp[std::min<size_t>(a.offsets.to_input(a.tokens[i].end), text.size())]};
        int g = 0;
        for (const Span& q : d.cues) g = g || (q.s < s.e && s.s < q.e);
        size_t k = quotes::cue_features(a, t, i, f);
        d.feats.emplace_back(f, f + k);
        d.gold.push_back(g);
        d.token.push_back(i);
        d.token_cp.push_back(s);
    }
    return d;
}

struct Score { double p = 0, r = 0, f1 = 0; size_t predicted = 0, right = 0, found = 0, gold = 0; };

Score evaluate(const LinearModel& m, const std::vector<Doc>& docs) {
    Score sc;
    for (const Doc& d : docs) {
        std::vector<Span> spans;
        uint32_t last = UINT32_MAX - 1;
        for (size_t i = 0; i < d.feats.size(); ++i) {
            float s[2] = {0, 0};
            m.score(d.feats[i].data(), d.feats[i].size(), s);
            if (!quotes::cue_decision(s)) continue;
            if (!spans.empty() && d.token[i] == last + 1) spans.back().e = d.token_cp[i].e;
            else spans.push_back(d.token_cp[i]);
            last = d.token[i];
        }
        for (const Span& p : spans) {
            ++sc.predicted;
            for (const Span& q : d.cues) if (q.s < p.e && p.s < q.e) { ++sc.right; break; }
        }
        for (const Span& q : d.cues) {
            ++sc.gold;
            for (const Span& p : spans) if (q.s < p.e && p.s < q.e) { ++sc.found; break; }
        }
    }
    sc.p = sc.predicted ? 100.0 * double(sc.right) / double(sc.predicted) : 0;
    sc.r = sc.gold ? 100.0 * double(sc.found) / double(sc.gold) : 0;
    sc.f1 = sc.p + sc.r > 0 ? 2 * sc.p * sc.r / (sc.p + sc.r) : 0;
    return sc;
}

std::vector<Doc> read_split(const std::string& dir, size_t max_docs, size_t& cues) {
    std::vector<polnear::Document> list;
    std::vector<Doc> out;
    if (!polnear::list_documents(dir, list)) return out;
    if (max_docs && list.size() > max_docs) list.resize(max_docs);
    for (const auto& pd : list) { out.push_back(read_doc(pd)); cues += out.back().cues.size(); }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    tool_options::Options o;
    int rc = 0;
    if (!tool_options::parse(argc, argv, "train-cues", "usage: train-cues --train POLNEAR_TRAIN --dev POLNEAR_DEV --out cues.bin [--epochs 8] [--seed 1] [--max-rows 20000] [--min-q 0] [--max-docs 0] [--learner perceptron|pa]\n", {"train", "dev", "out"}, o, &rc)) return rc;
    const int epochs = std::stoi(o.get("epochs", "8"));
    const size_t max_docs = std::stoul(o.get("max-docs", "0"));
    size_t train_cues = 0, dev_cues = 0;
    std::vector<Doc> train = read_split(o.get("train", ""), max_docs, train_cues);
    std::vector<Doc> dev = read_split(o.get("dev", ""), max_docs, dev_cues);
    if (train.empty() || dev.empty()) { std::fprintf(stderr, "train-cues: no documents (DIR/attributions and DIR/text)\n"); return 1; }
    std::printf("documents: %zu train (%zu cues), %zu dev (%zu cues)\n", train.size(), train_cues, dev.size(), dev_cues);

    std::vector<binary_trainer::Instance> inst;
    for (const Doc& d : train) for (size_t i = 0; i < d.feats.size(); ++i) inst.push_back({&d.feats[i], d.gold[i]});
    LinearModel meta;
    meta.kind = "cues";
    meta.feature_set = quotes::kCueFeatureSet;
    meta.classes = {"O", "CUE"};
    AveragedPerceptron::Export ex;
    ex.max_rows = std::stoul(o.get("max-rows", "20000"));
    ex.min_q = std::stoi(o.get("min-q", "0"));
    Score last;
    LinearModel m;
    const bool ok = binary_trainer::train(inst, meta, ex, epochs, std::stoull(o.get("seed", "1")), "train-cues",
        [](const float* s) { return quotes::cue_decision(s); },
        [&](int ep, size_t errors, size_t n, const LinearModel& back, size_t bytes) {
            last = evaluate(back, dev);
            std::printf("epoch %2d: train errors %zu / %zu, rows %zu, dev cue P %.1f R %.1f F1 %.1f (%zu bytes)\n",
                        ep, errors, n, back.keys.size(), last.p, last.r, last.f1, bytes);
        }, &m, o.get("learner", "perceptron") == "pa");
    if (!ok) return 1;
    // The training record: command, data and dev figure, in the model itself.
    char note[512];
    std::snprintf(note, sizeof note, "train-cues | PolNeAR %zu train docs, %zu dev | epochs %d | dev cue P %.1f R %.1f F1 %.1f (quantised)",
                  train.size(), dev.size(), epochs, last.p, last.r, last.f1);
    m.note = note;
    size_t bytes = 0;
    if (!binary_trainer::write_model(m, o.get("out", ""), "train-cues", &bytes)) return 1;
    std::printf("wrote %s: %zu bytes, %zu rows; dev cue P %.1f R %.1f F1 %.1f\n", o.get("out", "").c_str(), bytes, m.keys.size(), last.p, last.r, last.f1);
    return 0;
}
