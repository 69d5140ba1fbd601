// train-content: trains the quotes stage's content-span labeller (assets/models/content.bin) on
// PolNeAR, whose brat attributions link each Cue to its Content span.
//
//   train-content --train DIR --dev DIR --out assets/models/content.bin [--epochs 5] [--seed 1]
//                 [--max-rows 15000] [--min-q 0] [--max-docs 0]
//
// Each document's text goes through the whole core (tokens, POS, parse), so the features are
// the ones the core computes. For every gold attribution with a cue, each token of the cue's
// sentence (the cue's own tokens aside) is an instance: IN when it overlaps a fragment of the
// gold content. Each epoch prints, on dev, the model exactly as it ships (quantised, pruned,
// serialised and read back): token P/R/F1, and how often decode_content's span equals the gold
// content's part in the cue's sentence (edge punctuation and a leading "that" aside). The last
// epoch's model is written (dev is reported, not used to choose). Same data + seed = same bytes.
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
#include <sstream>
#include <string>
#include <vector>

using namespace ae;
using namespace ae::tagging;

namespace {

struct Span { uint32_t s = 0, e = 0; };
struct Attr { std::vector<Span> cue, content; };

std::vector<Span> spans_of(const std::string& spec) {
    std::vector<Span> out;
    std::stringstream parts(spec);
    std::string part;
    while (std::getline(parts, part, ';')) {
        unsigned s, e;
        if (std::sscanf(part.c_str(), "%u %u", &s, &e) == 2) out.push_back({s, e});
    }
    return out;
}

// Attributions with both a Cue and a Content ("E1\tAttribution:T1 Cue:T2 Content:T3 ...").
std::vector<Attr> gold_attributions(const std::string& ann) {
    std::map<std::string, std::vector<Span>> ts;
    std::vector<Attr> out;
    std::vector<std::map<std::string, std::string>> events;
    std::stringstream ss(ann);
    std::string line;
    while (std::getline(ss, line)) {
        const size_t t1 = line.find('\t');
        if (line.empty() || t1 == std::string::npos) continue;
        const std::string id = line.substr(0, t1), rest = line.substr(t1 + 1);
        if (id[0] == 'T') {
            const size_t t2 = rest.find('\t');
            const std::string head = rest.substr(0, t2);
            const size_t sp = head.find(' ');
            if (sp != std::string::npos) ts[id] = spans_of(head.substr(sp + 1));
        } else if (id[0] == 'E') {
            std::map<std::string, std::string> roles;
            std::stringstream rs(rest);
            std::string kv;
            while (rs >> kv) { const size_t c = kv.find(':'); if (c != std::string::npos) roles[kv.substr(0, c)] = kv.substr(c + 1); }
            events.push_back(roles);
        }
    }
    for (auto& r : events) {
        if (!r.count("Cue") || !r.count("Content") || !ts.count(r["Cue"]) || !ts.count(r["Content"])) continue;
        out.push_back({ts[r["Cue"]], ts[r["Content"]]});
    }
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
    std::vector<int> gold;
    std::vector<float> scratch;
};
struct Doc { Analysis a; quotes::CueTokens t; quotes::ContentTokens ct; std::vector<Item> items; std::vector<uint8_t> punct; };

void read_doc(const polnear::Document& pd, Doc& d) {
    const std::string text = polnear::read_file(pd.text_path);
    if (text.empty()) return;
    const std::vector<Attr> gold = gold_attributions(polnear::read_file(pd.ann_path));
    std::vector<uint32_t> cp(text.size() + 1);
    uint32_t c = 0;
    for (size_t i = 0; i < text.size(); ++i) { cp[i] = c; if (((unsigned char)text[i] & 0xC0) != 0x80) ++c; }
    cp[text.size()] = c;
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
        d.items.push_back(std::move(it));
    }
}

struct Score { size_t tp = 0, fp = 0, fn = 0, spans = 0, exact = 0; };

Score evaluate(const LinearModel& m, std::vector<Doc>& docs) {
    Score sc;
    for (Doc& d : docs)
        for (Item& it : d.items) {
            it.scratch.assign(it.s1 - it.s0, 0.0f);
            std::vector<uint8_t> gold_in(it.s1 - it.s0, 0);
            for (size_t i = 0; i < it.feats.size(); ++i) {
                float s[2] = {0, 0};
                m.score(it.feats[i].data(), it.feats[i].size(), s);
                it.scratch[it.token[i] - it.s0] = s[1] - s[0];
                gold_in[it.token[i] - it.s0] = uint8_t(it.gold[i]);
                const bool p = s[1] > s[0];
                sc.tp += p && it.gold[i]; sc.fp += p && !it.gold[i]; sc.fn += !p && it.gold[i];
            }
            uint32_t gb = it.s1, ge = it.s0;
            for (uint32_t k = it.s0; k < it.s1; ++k) if (gold_in[k - it.s0]) { gb = std::min(gb, k); ge = k + 1; }
            if (gb >= ge) continue;   // the content lies outside the cue's sentence
            ++sc.spans;
            uint32_t b = 0, e = 0;
            if (!quotes::decode_content(it.scratch, it.s0, it.s1, it.cf, it.cl, &b, &e)) continue;
            auto trim = [&](uint32_t& x, uint32_t& y) {
                while (x < y && d.punct[x]) ++x;
                while (y > x && d.punct[y - 1] && d.t.low[y - 1] != "that") --y;
            };
            trim(b, e); trim(gb, ge);
            sc.exact += b == gb && e == ge;
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
    if (!tool_options::parse(argc, argv, "train-content", "usage: train-content --train POLNEAR_TRAIN --dev POLNEAR_DEV --out content.bin [--epochs 5] [--seed 1] [--max-rows 15000] [--min-q 0] [--max-docs 0]\n", {"train", "dev", "out"}, o, &rc)) return rc;
    const int epochs = std::stoi(o.get("epochs", "5"));
    const size_t max_docs = std::stoul(o.get("max-docs", "0"));
    size_t train_items = 0, dev_items = 0;
    std::vector<Doc> train, dev;
    read_split(o.get("train", ""), max_docs, train, train_items);
    read_split(o.get("dev", ""), max_docs, dev, dev_items);
    if (train.empty() || dev.empty()) { std::fprintf(stderr, "train-content: no documents (DIR/attributions and DIR/text)\n"); return 1; }
    std::printf("documents: %zu train (%zu cued attributions), %zu dev (%zu)\n", train.size(), train_items, dev.size(), dev_items);

    std::vector<binary_trainer::Instance> inst;
    for (const Doc& d : train)
        for (const Item& it : d.items)
            for (size_t i = 0; i < it.feats.size(); ++i) inst.push_back({&it.feats[i], it.gold[i]});
    LinearModel meta;
    meta.kind = "content";
    meta.feature_set = quotes::kContentFeatureSet;
    meta.classes = {"O", "IN"};
    AveragedPerceptron::Export ex;
    ex.max_rows = std::stoul(o.get("max-rows", "15000"));
    ex.min_q = std::stoi(o.get("min-q", "0"));
    Score last;
    LinearModel m;
    auto pct = [](size_t a, size_t b) { return b ? 100.0 * double(a) / double(b) : 0.0; };
    auto f1 = [&](const Score& s) { const double p = pct(s.tp, s.tp + s.fp), r = pct(s.tp, s.tp + s.fn); return p + r > 0 ? 2 * p * r / (p + r) : 0.0; };
    const bool ok = binary_trainer::train(inst, meta, ex, epochs, std::stoull(o.get("seed", "1")), "train-content",
        [](const float* s) { return s[1] > s[0]; },
        [&](int ep, size_t errors, size_t n, const LinearModel& back, size_t bytes) {
            last = evaluate(back, dev);
            std::printf("epoch %2d: train errors %zu / %zu, rows %zu, dev token P %.1f R %.1f F1 %.1f, span exact %.1f %% of %zu (%zu bytes)\n",
                        ep, errors, n, back.keys.size(), pct(last.tp, last.tp + last.fp), pct(last.tp, last.tp + last.fn), f1(last),
                        pct(last.exact, last.spans), last.spans, bytes);
        }, &m);
    if (!ok) return 1;
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
