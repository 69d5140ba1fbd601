// train-attributions: trains the quotes stage's attribution filter (assets/models/attributions.bin)
// on PolNeAR.
//
//   train-attributions --train DIR --dev DIR --out assets/models/attributions.bin [--epochs 5]
//                      [--seed 1] [--max-rows 6000] [--max-docs 0]
//
// Each document goes through the whole core with the attributor's training hook set: every
// indirect or mixed attribution it proposes (with the hook set, all are kept, and learned cues
// need no subject in the parse) is reported with its features and its content's span. A proposal
// is right (KEEP) when its content overlaps the Content of a gold attribution. Each epoch prints,
// on dev, the model as it ships (quantised, serialised, read back): precision and recall of KEEP
// at the core's bias (quotes::kAttributionBias), and the precision of all proposals, kept or not,
// for comparison. The last epoch's model is written. Same data + seed = same bytes.
#include "article_explorer/analysis.h"
#include "../common/polnear.h"
#include "../common/binary_trainer.h"
#include "../common/options.h"
#include "quotes/attribution_model.h"
#include "tagging/perceptron.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <sstream>
#include <string>
#include <vector>

using namespace ae;
using namespace ae::tagging;

namespace {

struct Span { uint32_t s = 0, e = 0; };
bool overlaps(Span a, Span b) { return a.s < b.e && b.s < a.e; }

// The Content fragments of every attribution, in code points.
std::vector<Span> gold_contents(const std::string& ann) {
    std::vector<Span> out;
    for (const auto& [s, e] : polnear::fragments(ann, "Content")) out.push_back({s, e});
    return out;
}

struct Proposal { std::vector<uint64_t> feats; uint32_t start, end; };
struct Collector {
    std::vector<Proposal> got;
    static void hook(void* c, const uint64_t* f, size_t n, uint32_t start, uint32_t end) {
        static_cast<Collector*>(c)->got.push_back({std::vector<uint64_t>(f, f + n), start, end});
    }
};

struct Item { std::vector<uint64_t> feats; int gold = 0; };

size_t read_split(const std::string& dir, size_t max_docs, std::vector<Item>& items) {
    std::vector<polnear::Document> list;
    if (!polnear::list_documents(dir, list)) return 0;
    if (max_docs && list.size() > max_docs) list.resize(max_docs);
    for (const auto& pd : list) {
        const std::string text = polnear::read_file(pd.text_path);
        if (text.empty()) continue;
        const std::vector<Span> gold = gold_contents(polnear::read_file(pd.ann_path));
        const std::vector<uint32_t> cp = polnear::code_points(text);
        Collector col;
        quotes::set_attribution_hook(&Collector::hook, &col);
        const Analysis a = analyze(text, {});
        quotes::set_attribution_hook(nullptr, nullptr);
        auto conv = [&](uint32_t clean) { return cp[std::min<size_t>(a.offsets.to_input(clean), text.size())]; };
        for (Proposal& p : col.got) {
            const Span q{conv(p.start), conv(p.end)};
            Item it;
            it.feats = std::move(p.feats);
            for (const Span& g : gold) it.gold = it.gold || overlaps(q, g);
            items.push_back(std::move(it));
        }
    }
    return list.size();
}

struct Figures { double p = 0, r = 0, f1 = 0, base_p = 0, kept = 0; };
Figures figures(const LinearModel& m, const std::vector<Item>& items) {
    size_t tp = 0, fp = 0, fn = 0, pos = 0, kept = 0;
    for (const Item& it : items) {
        float s[2] = {0, 0};
        m.score(it.feats.data(), it.feats.size(), s);
        const bool k = quotes::attribution_kept(s);
        tp += k && it.gold; fp += k && !it.gold; fn += !k && it.gold; pos += it.gold; kept += k;
    }
    auto pct = [](size_t a, size_t b) { return b ? 100.0 * double(a) / double(b) : 0.0; };
    Figures f{pct(tp, tp + fp), pct(tp, tp + fn), 0, pct(pos, items.size()), pct(kept, items.size())};
    f.f1 = f.p + f.r > 0 ? 2 * f.p * f.r / (f.p + f.r) : 0;
    return f;
}

}  // namespace

int main(int argc, char** argv) {
    tool_options::Options o;
    int rc = 0;
    if (!tool_options::parse(argc, argv, "train-attributions",
                             "usage: train-attributions --train POLNEAR_TRAIN --dev POLNEAR_DEV --out attributions.bin [--epochs 5] [--seed 1] [--max-rows 6000] [--max-docs 0]\n",
                             {"train", "dev", "out"}, o, &rc))
        return rc;
    const int epochs = std::stoi(o.get("epochs", "5"));
    const size_t max_docs = std::stoul(o.get("max-docs", "0"));
    std::vector<Item> train, dev;
    const size_t ntrain = read_split(o.get("train", ""), max_docs, train), ndev = read_split(o.get("dev", ""), max_docs, dev);
    if (!ntrain || !ndev) { std::fprintf(stderr, "train-attributions: no documents (DIR/attributions and DIR/text)\n"); return 1; }
    std::printf("documents: %zu train (%zu proposals), %zu dev (%zu)\n", ntrain, train.size(), ndev, dev.size());
    LinearModel meta;
    meta.kind = "attributions";
    meta.feature_set = quotes::kAttributionFeatureSet;
    meta.classes = {"DROP", "KEEP"};
    AveragedPerceptron::Export ex;
    ex.max_rows = std::stoul(o.get("max-rows", "6000"));
    std::vector<binary_trainer::Instance> inst;
    for (const Item& it : train) inst.push_back({&it.feats, it.gold});
    Figures last;
    LinearModel m;
    const bool ok = binary_trainer::train(inst, meta, ex, epochs, std::stoull(o.get("seed", "1")), "train-attributions",
        [](const float* s) { return s[1] > s[0]; },   // trained as a plain classifier; the core keeps above its bias
        [&](int ep, size_t errors, size_t n, const LinearModel& back, size_t bytes) {
            last = figures(back, dev);
            std::printf("epoch %2d: train errors %zu / %zu, rows %zu, dev KEEP P %.1f R %.1f F1 %.1f (%.1f %% kept; all proposals P %.1f) (%zu bytes)\n",
                        ep, errors, n, back.keys.size(), last.p, last.r, last.f1, last.kept, last.base_p, bytes);
        }, &m);
    if (!ok) return 1;
    char note[256];
    std::snprintf(note, sizeof note, "train-attributions | PolNeAR %zu train docs, %zu dev | epochs %d | dev KEEP P %.1f R %.1f (quantised)",
                  ntrain, ndev, epochs, last.p, last.r);
    m.note = note;
    size_t bytes = 0;
    if (!binary_trainer::write_model(m, o.get("out", ""), "train-attributions", &bytes)) return 1;
    std::printf("wrote %s: %zu bytes, %zu rows; dev KEEP P %.1f R %.1f F1 %.1f\n", o.get("out", "").c_str(), bytes, m.keys.size(), last.p, last.r, last.f1);
    return 0;
}
