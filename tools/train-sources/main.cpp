// train-sources: trains the quotes stage's source ranker (assets/models/sources.bin) on PolNeAR,
// whose attributions mark each Source span as the mention in the text (often a pronoun).
//
//   train-sources --train DIR --dev DIR --out assets/models/sources.bin [--epochs 5] [--seed 1]
//                 [--max-rows 4000] [--max-docs 0] [--learner rank|binary]
//
// Each document goes through the whole core with the attributor's training hook set: for every
// quote with a word cue it reports the candidate sources (the rules' choice, the cue's subject
// in the parse, mentions, pronouns and role nouns of the cue's sentence and the one before, the
// previous quote's speaker) with their features and spans. The quote's gold attribution is the
// one whose content overlaps it most; a candidate is right when it overlaps that attribution's
// Source span. Quotes whose gold has no Source are left out. `rank` (the default) updates the
// best right candidate against the best-scoring wrong one when the wrong one wins (or when no
// candidate is positive); `binary` is the shared binary trainer over every candidate. Each epoch
// prints dev source accuracy of the model as it ships (quantised, serialised, read back): how
// often the candidate the core would pick — the best when positive, else the rules' — is right,
// beside the rules' own accuracy and the share where any candidate is right.
// Same data + seed = same bytes.
#include "article_explorer/analysis.h"
#include "../common/polnear.h"
#include "../common/binary_trainer.h"
#include "../common/options.h"
#include "quotes/source_model.h"
#include "tagging/perceptron.h"

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
bool overlaps(Span a, Span b) { return a.s < b.e && b.s < a.e; }
struct Gold { Span content, source; bool has_source = false; };

// Every attribution event with its Content and, when present, its Source (covering ranges).
std::vector<Gold> gold_attributions(const std::string& ann) {
    std::vector<Gold> out;
    for (const polnear::Attribution& at : polnear::attributions(ann))
        out.push_back({{at.content.start(), at.content.end()}, {at.source.start(), at.source.end()}, at.source.ok});
    return out;
}

struct Item {
    std::vector<std::vector<uint64_t>> feats;
    std::vector<int> gold;
    int rule = -1;
    bool cued = true;
    bool null_item = false;             // no gold Source: every candidate is wrong
    std::vector<std::string> texts;   // each candidate's words and the gold source's (for --errors)
    bool rule_continues(int p) const { return p == rule; }
    std::string gold_text, doc;
};

struct Collector {
    std::vector<quotes::SourceChoice> choices;
    static void hook(void* c, const quotes::SourceChoice& ch) { static_cast<Collector*>(c)->choices.push_back(ch); }
};

void read_doc(const polnear::Document& pd, std::vector<Item>& items, bool nulls) {
    const std::string text = polnear::read_file(pd.text_path);
    if (text.empty()) return;
    const std::vector<Gold> gold = gold_attributions(polnear::read_file(pd.ann_path));
    const std::vector<uint32_t> cp = polnear::code_points(text);
    Collector col;
    quotes::set_source_hook(&Collector::hook, &col);
    Analysis a = analyze(text, {});
    quotes::set_source_hook(nullptr, nullptr);
    auto conv = [&](uint32_t clean) { return cp[std::min<size_t>(a.offsets.to_input(clean), text.size())]; };
    for (const quotes::SourceChoice& ch : col.choices) {
        const Span q{conv(ch.start), conv(ch.end)};
        const Gold* best = nullptr;
        uint32_t best_ov = 0;
        for (const Gold& g : gold) {
            if (!overlaps(q, g.content)) continue;
            const uint32_t ov = std::min(q.e, g.content.e) - std::max(q.s, g.content.s);
            if (ov > best_ov) { best_ov = ov; best = &g; }
        }
        // A marked quote with no cue and no gold Source (not an attribution, or one without a
        // source) is kept with every candidate wrong: the ranker learns to leave it without a speaker.
        const bool null_item = !best || !best->has_source;
        if (null_item && (ch.cued || !nulls)) continue;
        Item it;
        it.null_item = null_item;
        it.rule = ch.rule;
        it.cued = ch.cued;
        it.doc = pd.name;
        for (uint32_t b = 0; b < text.size() && !null_item; ++b)
            if (cp[b] >= best->source.s && cp[b] < best->source.e) it.gold_text += text[b];
        for (size_t k = 0; k < ch.features.size(); ++k) {
            it.texts.emplace_back(a.slice(ch.spans[k].first, ch.spans[k].second));
            it.feats.push_back(ch.features[k]);
            it.gold.push_back(!null_item && overlaps({conv(ch.spans[k].first), conv(ch.spans[k].second)}, best->source) ? 1 : 0);
        }
        items.push_back(std::move(it));
    }
}

size_t read_split(const std::string& dir, size_t max_docs, std::vector<Item>& items, bool nulls) {
    std::vector<polnear::Document> list;
    if (!polnear::list_documents(dir, list)) return 0;
    if (max_docs && list.size() > max_docs) list.resize(max_docs);
    for (const auto& pd : list) read_doc(pd, items, nulls);
    return list.size();
}

// The core's pick under model m: the best candidate when positive, else the rules' (-1 none).
template <class Scorer>
int pick(const Scorer& m, const Item& it) {
    std::vector<float> margins(it.feats.size());
    for (size_t k = 0; k < it.feats.size(); ++k) {
        float s[2] = {0, 0};
        m.score(it.feats[k].data(), it.feats[k].size(), s);
        margins[k] = s[1] - s[0];
    }
    const int best = quotes::decide_source(margins.data(), margins.size());
    return best >= 0 ? best : it.rule;
}

// model, rules, reachable: over every quote; cueless_*: over the marked quotes without a cue.
// nulls: the cue-less quotes without a gold Source, null_given: the share the model gives a new speaker.
struct Accuracy { double model = 0, rules = 0, reachable = 0, cueless_model = 0, cueless_rules = 0; size_t cueless = 0; double null_given = 0; size_t nulls = 0, scored = 0; };
Accuracy accuracy(const LinearModel& m, const std::vector<Item>& items) {
    size_t right = 0, rules = 0, reach = 0, cl = 0, cl_right = 0, cl_rules = 0, nulls = 0, null_given = 0, scored = 0;
    for (const Item& it : items) {
        const int p = pick(m, it);
        if (it.null_item) { ++nulls; null_given += p >= 0 && !it.rule_continues(p); continue; }
        ++scored;
        const bool ok = p >= 0 && it.gold[size_t(p)], rule_ok = it.rule >= 0 && it.gold[size_t(it.rule)];
        right += ok;
        rules += rule_ok;
        reach += std::find(it.gold.begin(), it.gold.end(), 1) != it.gold.end();
        if (!it.cued) { ++cl; cl_right += ok; cl_rules += rule_ok; }
    }
    auto pct = [](size_t a, size_t b) { return b ? 100.0 * double(a) / double(b) : 0.0; };
    return {pct(right, scored), pct(rules, scored), pct(reach, scored), pct(cl_right, cl), pct(cl_rules, cl), cl, pct(null_given, nulls), nulls, scored};
}
void print_epoch(int ep, size_t errors, size_t n, size_t rows, const Accuracy& acc, size_t bytes) {
    std::printf("epoch %2d: train errors %zu / %zu, rows %zu, dev source accuracy %.1f %% of %zu (rules %.1f %%, reachable %.1f %%; "
                "without a cue %.1f %% of %zu, rules %.1f %%; %zu without a cue or gold source, %.1f %% given a new one) (%zu bytes)\n",
                ep, errors, n, rows, acc.model, acc.scored, acc.rules, acc.reachable, acc.cueless_model, acc.cueless, acc.cueless_rules, acc.nulls,
                acc.null_given, bytes);
}

// The ranking perceptron: on a wrong pick, the best-scoring right candidate up, the pick down;
// when nothing is positive and the rules' choice is wrong, the right one up.
bool train_rank(std::vector<Item>& items, const LinearModel& meta, const AveragedPerceptron::Export& ex, int epochs,
                uint64_t seed, const std::vector<Item>& dev, LinearModel* out, double* last) {
    AveragedPerceptron p(2);
    std::mt19937_64 rng(seed);
    std::vector<size_t> order(items.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    for (int ep = 1; ep <= epochs; ++ep) {
        for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[size_t(rng() % i)]);
        size_t errors = 0, n = 0;
        for (size_t oi : order) {
            const Item& it = items[oi];
            int right = -1;
            float right_m = 0;
            std::vector<float> margins(it.feats.size());
            for (size_t k = 0; k < it.feats.size(); ++k) {
                float s[2] = {0, 0};
                p.score(it.feats[k].data(), it.feats[k].size(), s);
                margins[k] = s[1] - s[0];
                if (it.gold[k] && (right < 0 || margins[k] > right_m)) { right = int(k); right_m = margins[k]; }
            }
            const int best = quotes::decide_source(margins.data(), margins.size());
            if (it.null_item) {
                // no speaker is right: the best positive candidate, unless it is the rules', goes down
                ++n;
                if (best >= 0 && best != it.rule) {
                    ++errors;
                    const auto& fw = it.feats[size_t(best)];
                    p.update(fw.data(), fw.size(), 0, 1);
                }
                p.tick();
                continue;
            }
            if (right < 0) continue;   // no candidate is right: nothing to learn here
            ++n;
            const int chosen = best >= 0 ? best : it.rule;
            if (chosen < 0 || !it.gold[size_t(chosen)]) {
                ++errors;
                const auto& fr = it.feats[size_t(right)];
                p.update(fr.data(), fr.size(), 1, 0);
                if (best >= 0) { const auto& fw = it.feats[size_t(best)]; p.update(fw.data(), fw.size(), 0, 1); }
            } else if (best < 0 && right_m <= 0) {
                // the rules' right choice, not yet positive: make it so the model need not rely on the fallback
                const auto& fr = it.feats[size_t(right)];
                p.update(fr.data(), fr.size(), 1, 0);
            }
            p.tick();
        }
        LinearModel back;
        std::string bytes;
        if (!binary_trainer::read_back(p, meta, ex, "train-sources", &back, &bytes)) return false;
        const Accuracy acc = accuracy(back, dev);
        *last = acc.model;
        print_epoch(ep, errors, n, back.keys.size(), acc, bytes.size());
        std::fflush(stdout);
    }
    *out = meta;
    p.export_model(*out, ex);
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    tool_options::Options o;
    int rc = 0;
    if (!tool_options::parse(argc, argv, "train-sources",
                             "usage: train-sources --train POLNEAR_TRAIN --dev POLNEAR_DEV --out sources.bin [--epochs 5] [--seed 1] [--max-rows 4000] [--max-docs 0] [--learner rank|binary] [--errors N] [--null-items 0|1]\n",
                             {"train", "dev", "out"}, o, &rc))
        return rc;
    const int epochs = std::stoi(o.get("epochs", "5"));
    const size_t max_docs = std::stoul(o.get("max-docs", "0"));
    const std::string learner = o.get("learner", "rank");
    // --null-items 1 (tried, not kept): cue-less quotes without a gold Source train "no speaker";
    // dev always keeps them, to count how many get a speaker anyway
    const bool with_nulls = o.get("null-items", "0") == "1";
    if (learner != "rank" && learner != "binary") { std::fprintf(stderr, "train-sources: --learner is rank or binary\n"); return 2; }
    std::vector<Item> train, dev;
    const size_t ntrain = read_split(o.get("train", ""), max_docs, train, with_nulls),
                 ndev = read_split(o.get("dev", ""), max_docs, dev, true);
    if (!ntrain || !ndev) { std::fprintf(stderr, "train-sources: no documents (DIR/attributions and DIR/text)\n"); return 1; }
    std::printf("documents: %zu train (%zu quotes), %zu dev (%zu)\n", ntrain, train.size(), ndev, dev.size());
    LinearModel meta;
    meta.kind = "sources";
    meta.feature_set = quotes::kSourceFeatureSet;
    meta.classes = {"O", "SOURCE"};
    AveragedPerceptron::Export ex;
    ex.max_rows = std::stoul(o.get("max-rows", "4000"));
    const uint64_t seed = std::stoull(o.get("seed", "1"));
    double last = 0;
    LinearModel m;
    bool ok;
    if (learner == "rank") {
        ok = train_rank(train, meta, ex, epochs, seed, dev, &m, &last);
    } else {
        std::vector<binary_trainer::Instance> inst;
        for (const Item& it : train) for (size_t k = 0; k < it.feats.size(); ++k) inst.push_back({&it.feats[k], it.gold[k]});
        ok = binary_trainer::train(inst, meta, ex, epochs, seed, "train-sources",
            [](const float* s) { return s[1] > s[0]; },
            [&](int ep, size_t errors, size_t n, const LinearModel& back, size_t bytes) {
                const Accuracy acc = accuracy(back, dev);
                last = acc.model;
                print_epoch(ep, errors, n, back.keys.size(), acc, bytes);
            }, &m);
    }
    if (!ok) return 1;
    // --errors N: dev quotes where the pick is wrong though a right candidate exists
    for (size_t i = 0, shown = 0, n = std::stoul(o.get("errors", "0")); i < dev.size() && shown < n; ++i) {
        const Item& it = dev[i];
        const int p = pick(m, it);
        if (it.null_item || (p >= 0 && it.gold[size_t(p)]) || std::find(it.gold.begin(), it.gold.end(), 1) == it.gold.end()) continue;
        ++shown;
        std::printf("WRONG%s %s picked '%s' (rules '%s') gold '%s' candidates:", it.cued ? "" : " (no cue)", it.doc.c_str(), p >= 0 ? it.texts[size_t(p)].c_str() : "-",
                    it.rule >= 0 ? it.texts[size_t(it.rule)].c_str() : "-", it.gold_text.c_str());
        for (size_t k = 0; k < it.texts.size(); ++k) std::printf(" |%s%s", it.gold[k] ? "*" : "", it.texts[k].c_str());
        std::printf("\n");
    }
    char note[256];
    std::snprintf(note, sizeof note, "train-sources | PolNeAR %zu train docs, %zu dev | %s, epochs %d | dev source accuracy %.1f %% (quantised)",
                  ntrain, ndev, learner.c_str(), epochs, last);
    m.note = note;
    size_t bytes = 0;
    if (!binary_trainer::write_model(m, o.get("out", ""), "train-sources", &bytes)) return 1;
    std::printf("wrote %s: %zu bytes, %zu rows; dev source accuracy %.1f %%\n", o.get("out", "").c_str(), bytes, m.keys.size(), last);
    return 0;
}
