// train-content: trains the quotes stage's content-span labeller (assets/models/content.bin) on
// PolNeAR, whose brat attributions link each Cue to its Content span.
//
//   train-content --train DIR --dev DIR --out assets/models/content.bin [--epochs 5] [--seed 1]
//                 [--max-rows 15000] [--min-q 0] [--max-docs 0]
//
// Each document's text goes through the whole core (tokens, POS, parse), so the features are
// the ones the core computes. For every gold attribution with a cue, the tokens of the cue's
// sentence (the cue's own tokens aside) are labelled outside / first / inside / last / one-token
// from the gold content's runs, and a structured perceptron learns them through the core's own
// decoder: each sentence is decoded with the current weights, and every token whose decoded class
// differs from the gold one is updated. Each epoch prints, on dev, the model exactly as it ships
// (quantised, pruned, serialised and read back): token P/R/F1 of the decoded spans, and how often
// decode_content's span equals the gold content's part in the cue's sentence (edge punctuation
// and a leading "that" aside). The last epoch's model is written (dev is reported, not used to
// choose). Same data + seed = same bytes.
#include "article_explorer/analysis.h"
#include "../common/polnear.h"
#include "../common/binary_trainer.h"
#include "../common/options.h"
#include "quotes/content_model.h"
#include "quotes/cue_model.h"
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
struct Attr { std::vector<Span> cue, content; };

// Attributions with both a Cue and a Content, as their fragments.
std::vector<Attr> gold_attributions(const std::string& ann) {
    auto spans = [](const polnear::Part& p) {
        std::vector<Span> v;
        for (const auto& [s, e] : p.fragments) v.push_back({s, e});
        return v;
    };
    std::vector<Attr> out;
    for (const polnear::Attribution& at : polnear::attributions(ann))
        if (at.cue.ok) out.push_back({spans(at.cue), spans(at.content)});
    return out;
}

bool hits(const std::vector<Span>& v, Span x) {
    for (const Span& s : v) if (s.s < x.e && x.s < s.e) return true;
    return false;
}

struct Item {                    // one gold attribution: the instances of its cue's sentence
    uint32_t s0 = 0, s1 = 0, cf = 0, cl = 0;
    std::vector<std::vector<uint64_t>> feats;   // per token of [s0, s1) outside the cue
    std::vector<uint32_t> token;
    std::vector<int> gold;        // the token's ContentClass
};
struct Doc { Analysis a; quotes::CueTokens t; quotes::ContentTokens ct; std::vector<Item> items; std::vector<uint8_t> punct; };

// In/out per instance -> the classes of the content's runs (the cue's tokens break a run).
void classes_from_runs(Item& it) {
    std::vector<int> in(it.s1 - it.s0, 0);
    std::vector<size_t> at(it.s1 - it.s0, SIZE_MAX);
    for (size_t i = 0; i < it.token.size(); ++i) { in[it.token[i] - it.s0] = it.gold[i]; at[it.token[i] - it.s0] = i; }
    for (uint32_t k = 0; k < in.size(); ++k) {
        if (at[k] == SIZE_MAX || !in[k]) continue;
        const bool starts = k == 0 || !in[k - 1], ends = k + 1 == in.size() || !in[k + 1];
        it.gold[at[k]] = starts && ends ? quotes::kContentUnit : starts ? quotes::kContentFirst : ends ? quotes::kContentLast : quotes::kContentIn;
    }
}

// The decoded span's class of each instance (outside when nothing is decoded).
template <class ScoreFn>
bool decode_item(const Item& it, ScoreFn score, quotes::ContentScores& m, std::vector<int>& cls, uint32_t* b, uint32_t* e) {
    m.assign(it.s1 - it.s0);
    for (size_t i = 0; i < it.feats.size(); ++i) {
        float s[quotes::kContentClasses] = {};
        score(it.feats[i].data(), it.feats[i].size(), s);
        m.set(it.token[i] - it.s0, s);
    }
    const bool found = quotes::decode_content(m, it.s0, it.s1, it.cf, it.cl, b, e);
    cls.assign(it.token.size(), quotes::kContentOut);
    if (!found) return false;
    for (size_t i = 0; i < it.token.size(); ++i) {
        const uint32_t k = it.token[i];
        if (k < *b || k >= *e) continue;
        cls[i] = *e - *b == 1 ? quotes::kContentUnit : k == *b ? quotes::kContentFirst : k + 1 == *e ? quotes::kContentLast : quotes::kContentIn;
    }
    return true;
}

void read_doc(const polnear::Document& pd, Doc& d) {
    const std::string text = polnear::read_file(pd.text_path);
    if (text.empty()) return;
    const std::vector<Attr> gold = gold_attributions(polnear::read_file(pd.ann_path));
    const std::vector<uint32_t> cp = polnear::code_points(text);
    d.a = analyze(text, {});
    const Analysis& a = d.a;
    d.t.fill(a);
    d.ct.fill(a);
    const uint32_t n = uint32_t(a.tokens.size());
    std::vector<Span> tok(n);
    for (uint32_t i = 0; i < n; ++i)
        tok[i] = {cp[std::min<size_t>(a.offsets.to_input(a.tokens[i].start), text.size())],
                  cp[std::min<size_t>(a.offsets.to_input(a.tokens[i].end), text.size())]};
    d.punct.assign(n, 0);
    for (uint32_t i = 0; i < n; ++i) {
        const std::string_view w = d.t.low[i];
        d.punct[i] = a.tokens[i].kind == TokenKind::Quote || w == "." || w == "," || w == ";" || w == ":" || w == "-" ||
                     w == "\xE2\x80\x94" || w == "that";
    }
    uint64_t f[quotes::kMaxContentFeatures];
    for (const Attr& g : gold) {
        uint32_t cf = n;
        for (uint32_t i = 0; i < n && cf == n; ++i) if (d.t.sent[i] >= 0 && hits(g.cue, tok[i])) cf = i;
        if (cf == n) continue;
        const Sentence& S = a.sentences[size_t(d.t.sent[cf])];
        Item it;
        it.s0 = S.first_token; it.s1 = S.first_token + S.token_count; it.cf = cf; it.cl = cf + 1;
        while (it.cl < it.s1 && hits(g.cue, tok[it.cl])) ++it.cl;
        auto is_comma = [&](uint32_t k) { return d.t.low[k] == "," || d.t.low[k] == ";"; };
        auto add = [&](uint32_t j, uint32_t commas, uint32_t marks) {
            const size_t k = quotes::content_features(a, d.t, d.ct, it.cf, it.cl, j, commas, marks, f);
            it.feats.emplace_back(f, f + k);
            it.token.push_back(j);
            it.gold.push_back(hits(g.content, tok[j]) ? 1 : 0);
        };
        uint32_t commas = 0, marks = 0;
        for (uint32_t j = it.cl; j < it.s1; ++j) { add(j, commas, marks); commas += is_comma(j); marks += a.tokens[j].kind == TokenKind::Quote; }
        commas = marks = 0;
        for (uint32_t j = it.cf; j-- > it.s0;) { add(j, commas, marks); commas += is_comma(j); marks += a.tokens[j].kind == TokenKind::Quote; }
        classes_from_runs(it);
        d.items.push_back(std::move(it));
    }
}

struct Score { size_t tp = 0, fp = 0, fn = 0, spans = 0, exact = 0; };

// show_errors > 0: prints that many dev spans the decoder gets wrong (cue, ours, gold).
Score evaluate(const LinearModel& m, std::vector<Doc>& docs, size_t show_errors = 0) {
    Score sc;
    quotes::ContentScores margins;
    std::vector<int> cls;
    for (Doc& d : docs)
        for (Item& it : d.items) {
            uint32_t b = 0, e = 0;
            const bool found = decode_item(it, [&](const uint64_t* f, size_t n, float* s) { m.score(f, n, s); }, margins, cls, &b, &e);
            uint32_t gb = it.s1, ge = it.s0;
            for (size_t i = 0; i < it.token.size(); ++i) {
                const bool g = it.gold[i] != quotes::kContentOut, p = cls[i] != quotes::kContentOut;
                sc.tp += p && g; sc.fp += p && !g; sc.fn += !p && g;
                if (g) { gb = std::min(gb, it.token[i]); ge = std::max(ge, it.token[i] + 1); }
            }
            if (gb >= ge) continue;   // the content lies outside the cue's sentence
            ++sc.spans;
            if (!found) continue;
            auto trim = [&](uint32_t& x, uint32_t& y) {
                while (x < y && d.punct[x]) ++x;
                while (y > x && d.punct[y - 1] && d.t.low[y - 1] != "that") --y;
            };
            trim(b, e); trim(gb, ge);
            sc.exact += b == gb && e == ge;
            if ((b != gb || e != ge) && show_errors > 0) {
                --show_errors;
                auto words = [&](uint32_t x, uint32_t y) {
                    std::string o;
                    for (uint32_t k = x; k < y; ++k) { if (!o.empty()) o += ' '; o += d.a.slice(d.a.tokens[k].start, d.a.tokens[k].end); }
                    return o;
                };
                std::printf("WRONG cue '%s'\n  ours: %s\n  gold: %s\n", words(it.cf, it.cl).c_str(), words(b, e).c_str(), words(gb, ge).c_str());
            }
        }
    return sc;
}

void read_split(const std::string& dir, size_t max_docs, std::vector<Doc>& out, size_t& items) {
    std::vector<polnear::Document> list;
    if (!polnear::list_documents(dir, list)) return;
    if (max_docs && list.size() > max_docs) list.resize(max_docs);
    out.resize(list.size());
    for (size_t i = 0; i < list.size(); ++i) { read_doc(list[i], out[i]); items += out[i].items.size(); }
}

}  // namespace

int main(int argc, char** argv) {
    tool_options::Options o;
    int rc = 0;
    if (!tool_options::parse(argc, argv, "train-content", "usage: train-content --train POLNEAR_TRAIN --dev POLNEAR_DEV --out content.bin [--epochs 5] [--seed 1] [--max-rows 15000] [--min-q 0] [--max-docs 0] [--errors N]\n", {"train", "dev", "out"}, o, &rc)) return rc;
    const int epochs = std::stoi(o.get("epochs", "5"));
    const size_t max_docs = std::stoul(o.get("max-docs", "0"));
    size_t train_items = 0, dev_items = 0;
    std::vector<Doc> train, dev;
    read_split(o.get("train", ""), max_docs, train, train_items);
    read_split(o.get("dev", ""), max_docs, dev, dev_items);
    if (train.empty() || dev.empty()) { std::fprintf(stderr, "train-content: no documents (DIR/attributions and DIR/text)\n"); return 1; }
    std::printf("documents: %zu train (%zu cued attributions), %zu dev (%zu)\n", train.size(), train_items, dev.size(), dev_items);

    std::vector<Item*> items;
    for (Doc& d : train) for (Item& it : d.items) items.push_back(&it);
    LinearModel meta;
    meta.kind = "content";
    meta.feature_set = quotes::kContentFeatureSet;
    meta.classes = {"O", "FIRST", "IN", "LAST", "UNIT"};
    AveragedPerceptron::Export ex;
    ex.max_rows = std::stoul(o.get("max-rows", "15000"));
    ex.min_q = std::stoi(o.get("min-q", "0"));
    Score last;
    auto pct = [](size_t a, size_t b) { return b ? 100.0 * double(a) / double(b) : 0.0; };
    auto f1 = [&](const Score& s) { const double p = pct(s.tp, s.tp + s.fp), r = pct(s.tp, s.tp + s.fn); return p + r > 0 ? 2 * p * r / (p + r) : 0.0; };
    // The structured perceptron: decode each sentence with the current weights, update where the
    // decoded classes differ from the gold ones.
    AveragedPerceptron p(quotes::kContentClasses);
    std::mt19937_64 rng(std::stoull(o.get("seed", "1")));
    quotes::ContentScores margins;
    std::vector<int> cls;
    for (int ep = 1; ep <= epochs; ++ep) {
        for (size_t i = items.size(); i > 1; --i) std::swap(items[i - 1], items[size_t(rng() % i)]);
        size_t errors = 0;
        for (const Item* it : items) {
            uint32_t b = 0, e = 0;
            decode_item(*it, [&](const uint64_t* f, size_t n, float* s) { p.score(f, n, s); }, margins, cls, &b, &e);
            bool wrong = false;
            for (size_t i = 0; i < it->token.size(); ++i)
                if (cls[i] != it->gold[i]) { p.update(it->feats[i].data(), it->feats[i].size(), it->gold[i], cls[i]); wrong = true; }
            errors += wrong;
            p.tick();
        }
        LinearModel back;
        std::string bytes;
        if (!binary_trainer::read_back(p, meta, ex, "train-content", &back, &bytes)) return 1;
        last = evaluate(back, dev);
        std::printf("epoch %2d: train sentences wrong %zu / %zu, rows %zu, dev token P %.1f R %.1f F1 %.1f, span exact %.1f %% of %zu (%zu bytes)\n",
                    ep, errors, items.size(), back.keys.size(), pct(last.tp, last.tp + last.fp), pct(last.tp, last.tp + last.fn), f1(last),
                    pct(last.exact, last.spans), last.spans, bytes.size());
        std::fflush(stdout);
    }
    LinearModel m = meta;
    p.export_model(m, ex);
    if (const size_t n = std::stoul(o.get("errors", "0"))) evaluate(m, dev, n);
    char note[512];
    std::snprintf(note, sizeof note, "train-content | PolNeAR %zu train docs, %zu dev | epochs %d | dev token F1 %.1f, span exact %.1f %% (quantised)",
                  train.size(), dev.size(), epochs, f1(last), pct(last.exact, last.spans));
    m.note = note;
    size_t bytes = 0;
    if (!binary_trainer::write_model(m, o.get("out", ""), "train-content", &bytes)) return 1;
    std::printf("wrote %s: %zu bytes, %zu rows; dev token F1 %.1f, span exact %.1f %%\n", o.get("out", "").c_str(), bytes, m.keys.size(), f1(last),
                pct(last.exact, last.spans));
    return 0;
}
