// train-pronouns: trains the entities stage's pronoun ranker (assets/models/pronouns.bin) on
// PolNeAR, whose attributions mark each Source span but no coreference.
//
//   train-pronouns --train DIR --dev DIR --out assets/models/pronouns.bin [--epochs 5] [--seed 1]
//                  [--max-rows 4000] [--max-docs 0]
//
// Each document goes through the whole core with the grouper's training hook set: for every
// he/she it reports the candidate persons (this sentence and up to three before) with their
// features and mention spans. The right candidate is a silver one, as news attributions chain:
// when the pronoun is a gold Source, the person named by the nearest earlier gold Source that is
// a name (capitalised words, no comma) — the candidate with a mention inside that span. Pronouns
// that are no Source, or whose silver person is not among the candidates, are left out. Each
// epoch prints dev accuracy of the model as it ships (quantised, serialised, read back): how often
// the best-scoring candidate, when positive, is the silver one. Same data + seed = same bytes.
#include "article_explorer/analysis.h"
#include "../common/polnear.h"
#include "../common/binary_trainer.h"
#include "../common/options.h"
#include "entities/pronoun_model.h"
#include "tagging/perceptron.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

using namespace ae;
using namespace ae::tagging;

namespace {

struct Span { uint32_t s = 0, e = 0; };
struct Source { Span span; std::string text; };

// Every Source text-bound annotation, in text order.
std::vector<Source> gold_sources(const std::string& ann) {
    std::vector<Source> out;
    std::stringstream ss(ann);
    std::string line;
    while (std::getline(ss, line)) {
        if (line.empty() || line[0] != 'T') continue;
        const size_t t1 = line.find('\t');
        if (t1 == std::string::npos || line.compare(t1 + 1, 7, "Source ") != 0) continue;
        const size_t t2 = line.find('\t', t1 + 1);
        unsigned s, e;
        if (std::sscanf(line.c_str() + t1 + 8, "%u %u", &s, &e) != 2) continue;
        out.push_back({{s, e}, t2 == std::string::npos ? "" : line.substr(t2 + 1)});
    }
    std::sort(out.begin(), out.end(), [](const Source& a, const Source& b) { return a.span.s < b.span.s; });
    return out;
}

std::string lower(std::string s) { for (char& c : s) c = char(std::tolower((unsigned char)c)); return s; }
bool is_pronoun(const std::string& t) { const std::string l = lower(t); return l == "he" || l == "she"; }
bool is_name(const std::string& t) {
    if (t.empty() || t.find(',') != std::string::npos || is_pronoun(t)) return false;
    std::stringstream ss(t);
    std::string w;
    int n = 0;
    while (ss >> w) { if (!std::isupper((unsigned char)w[0])) return false; ++n; }
    return n >= 1 && n <= 4;
}

struct Item { std::vector<std::vector<uint64_t>> feats; std::vector<int> gold; };

struct Collector {
    std::vector<entities::PronounChoice> choices;
    static void hook(void* c, const entities::PronounChoice& ch) { static_cast<Collector*>(c)->choices.push_back(ch); }
};

void read_doc(const polnear::Document& pd, std::vector<Item>& items) {
    const std::string text = polnear::read_file(pd.text_path);
    if (text.empty()) return;
    const std::vector<Source> sources = gold_sources(polnear::read_file(pd.ann_path));
    const std::vector<uint32_t> cp = polnear::code_points(text);
    Collector col;
    entities::set_pronoun_hook(&Collector::hook, &col);
    Analysis a = analyze(text, {});
    entities::set_pronoun_hook(nullptr, nullptr);
    auto conv = [&](uint32_t clean) { return cp[std::min<size_t>(a.offsets.to_input(clean), text.size())]; };
    for (const entities::PronounChoice& ch : col.choices) {
        const Span p{conv(ch.start), conv(ch.end)};
        // the gold pronoun Source at this pronoun, and the nearest earlier name Source
        int at = -1;
        for (size_t k = 0; k < sources.size(); ++k)
            if (sources[k].span.s <= p.s && p.e <= sources[k].span.e && is_pronoun(sources[k].text)) { at = int(k); break; }
        if (at < 0) continue;
        int name = -1;
        for (int k = at - 1; k >= 0 && name < 0; --k) if (is_name(sources[size_t(k)].text)) name = k;
        if (name < 0) continue;
        const Span g = sources[size_t(name)].span;
        Item it;
        bool any = false;
        for (size_t k = 0; k < ch.features.size(); ++k) {
            bool hit = false;
            for (const auto& sp : ch.spans[k]) { const Span m{conv(sp.first), conv(sp.second)}; hit = hit || (m.s < g.e && g.s < m.e); }
            it.feats.push_back(ch.features[k]);
            it.gold.push_back(hit ? 1 : 0);
            any = any || hit;
        }
        if (any) items.push_back(std::move(it));
    }
}

size_t read_split(const std::string& dir, size_t max_docs, std::vector<Item>& items) {
    std::vector<polnear::Document> list;
    if (!polnear::list_documents(dir, list)) return 0;
    if (max_docs && list.size() > max_docs) list.resize(max_docs);
    for (const auto& pd : list) read_doc(pd, items);
    return list.size();
}

double accuracy(const LinearModel& m, const std::vector<Item>& items) {
    size_t right = 0;
    for (const Item& it : items) {
        int best = -1;
        float bs = 0;
        for (size_t k = 0; k < it.feats.size(); ++k) {
            float s[2] = {0, 0};
            m.score(it.feats[k].data(), it.feats[k].size(), s);
            if (s[1] - s[0] > bs) { bs = s[1] - s[0]; best = int(k); }
        }
        right += best >= 0 && it.gold[size_t(best)];
    }
    return items.empty() ? 0.0 : 100.0 * double(right) / double(items.size());
}

}  // namespace

int main(int argc, char** argv) {
    tool_options::Options o;
    int rc = 0;
    if (!tool_options::parse(argc, argv, "train-pronouns", "usage: train-pronouns --train POLNEAR_TRAIN --dev POLNEAR_DEV --out pronouns.bin [--epochs 5] [--seed 1] [--max-rows 4000] [--max-docs 0]\n", {"train", "dev", "out"}, o, &rc)) return rc;
    const int epochs = std::stoi(o.get("epochs", "5"));
    const size_t max_docs = std::stoul(o.get("max-docs", "0"));
    std::vector<Item> train, dev;
    const size_t ntrain = read_split(o.get("train", ""), max_docs, train), ndev = read_split(o.get("dev", ""), max_docs, dev);
    if (!ntrain || !ndev) { std::fprintf(stderr, "train-pronouns: no documents (DIR/attributions and DIR/text)\n"); return 1; }
    std::printf("documents: %zu train (%zu pronouns), %zu dev (%zu)\n", ntrain, train.size(), ndev, dev.size());
    std::vector<binary_trainer::Instance> inst;
    for (const Item& it : train) for (size_t k = 0; k < it.feats.size(); ++k) inst.push_back({&it.feats[k], it.gold[k]});
    LinearModel meta;
    meta.kind = "pronouns";
    meta.feature_set = entities::kPronounFeatureSet;
    meta.classes = {"O", "ANTECEDENT"};
    AveragedPerceptron::Export ex;
    ex.max_rows = std::stoul(o.get("max-rows", "4000"));
    double last = 0;
    LinearModel m;
    const bool ok = binary_trainer::train(inst, meta, ex, epochs, std::stoull(o.get("seed", "1")), "train-pronouns",
        [](const float* s) { return s[1] > s[0]; },
        [&](int ep, size_t errors, size_t n, const LinearModel& back, size_t bytes) {
            last = accuracy(back, dev);
            std::printf("epoch %2d: train errors %zu / %zu, rows %zu, dev pronoun accuracy %.1f %% of %zu (%zu bytes)\n", ep, errors, n,
                        back.keys.size(), last, dev.size(), bytes);
        }, &m);
    if (!ok) return 1;
    char note[256];
    std::snprintf(note, sizeof note, "train-pronouns | PolNeAR %zu train docs, %zu dev | epochs %d | dev pronoun accuracy %.1f %% (quantised)",
                  ntrain, ndev, epochs, last);
    m.note = note;
    size_t bytes = 0;
    if (!binary_trainer::write_model(m, o.get("out", ""), "train-pronouns", &bytes)) return 1;
    std::printf("wrote %s: %zu bytes, %zu rows; dev pronoun accuracy %.1f %%\n", o.get("out", "").c_str(), bytes, m.keys.size(), last);
    return 0;
}
