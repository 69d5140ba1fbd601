// train-triggers: trains the events stage's trigger detector (assets/models/triggers.bin) on
// TimeML files whose <EVENT> tags mark event mentions (TimeBank + AQUAINT: TBAQ-cleaned).
//
//   train-triggers --data DIR --out assets/models/triggers.bin [--epochs 8] [--seed 1]
//                  [--heldout-every 5] [--max-rows 10000] [--min-q 0] [--max-docs 0]
//
// Documents: every *.tml under DIR's TimeBank/ and AQUAINT/ (or DIR itself when neither
// exists), sorted by their path relative to DIR; the held-out part is every 5th of that list
// (index % 5 == 4, --heldout-every), never trained on. Each document's <TEXT> goes through the
// core (tokens, sentences, our POS tags), so the features are the ones the core computes; a
// token is an event when it overlaps an <EVENT> span. Only candidate tokens (verb, common noun,
// adjective tags) are classified; a gold event on any other token counts as missed.
//
// Each epoch prints held-out trigger P/R/F1 of the model exactly as it ships (quantised,
// pruned, serialised and read back); the last epoch's model is written (the held-out part
// is reported, not used to choose). Same data + seed = same bytes.
#include "article_explorer/analysis.h"
#include "events/trigger_model.h"
#include "tagging/perceptron.h"
#include "../common/binary_trainer.h"
#include "../common/options.h"

#include <algorithm>
#include <cstring>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace ae;
using namespace ae::tagging;

namespace {

struct Doc {
    std::string name;
    std::vector<std::vector<uint64_t>> feats;   // per candidate token
    std::vector<int> gold;                      // per candidate: 1 = event
    std::vector<int> event_of;                  // per candidate: gold event index or -1
    size_t events = 0;                          // gold events in the document
};

// The <TEXT> of a TimeML file as plain text, and the byte spans of its <EVENT> tags.
std::string tml_text(const std::string& xml, std::vector<std::pair<size_t, size_t>>& events) {
    size_t a = xml.find("<TEXT>"), b = xml.find("</TEXT>");
    if (a == std::string::npos || b == std::string::npos) return {};
    std::string out;
    size_t open = 0;
    for (size_t i = a + 6; i < b; ++i) {
        char c = xml[i];
        if (c == '<') {
            size_t e = xml.find('>', i);
            if (e == std::string::npos || e > b) break;
            std::string_view tag(xml.data() + i, e - i + 1);
            if (tag.substr(0, 7) == "<EVENT ") open = out.size();
            else if (tag == "</EVENT>") events.push_back({open, out.size()});
            i = e;
        } else if (c == '&') {
            static const std::pair<const char*, char> ents[] = {{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
            bool done = false;
            for (auto& [s, ch] : ents)
                if (xml.compare(i, std::strlen(s), s) == 0) { out.push_back(ch); i += std::strlen(s) - 1; done = true; break; }
            if (!done) out.push_back(c);
        } else out.push_back(c);
    }
    return out;
}

Doc read_doc(const fs::path& path, const std::string& name) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss; ss << in.rdbuf();
    std::vector<std::pair<size_t, size_t>> spans;
    std::string text = tml_text(ss.str(), spans);
    Doc d;
    d.name = name;
    d.events = spans.size();
    Options opts;
    opts.tags_only = true;
    opts.reference_date = "2000-01-01";
    Analysis a = analyze(text, opts);
    std::string low_text = a.text;
    for (char& c : low_text) if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    std::vector<std::string_view> low(a.tokens.size());
    for (size_t i = 0; i < a.tokens.size(); ++i) low[i] = std::string_view(low_text).substr(a.tokens[i].start, a.tokens[i].end - a.tokens[i].start);
    if (a.pos.size() != a.tokens.size()) return d;
    events::TriggerTokens s;
    uint64_t f[events::kMaxTriggerFeatures];
    for (const Sentence& S : a.sentences) {
        s.fill(low.data(), a.pos.data(), S.first_token, S.first_token + S.token_count);
        for (size_t i = 0; i < S.token_count; ++i) {
            if (!s.candidate[i]) continue;
            const Token& T = a.tokens[S.first_token + i];
            uint32_t ts = a.offsets.to_input(T.start), te = a.offsets.to_input(T.end);
            int ev = -1;
            for (size_t e = 0; e < spans.size() && ev < 0; ++e)
                if (spans[e].first < te && ts < spans[e].second) ev = int(e);
            size_t k = events::trigger_features(s, i, f);
            d.feats.emplace_back(f, f + k);
            d.gold.push_back(ev >= 0);
            d.event_of.push_back(ev);
        }
    }
    return d;
}

struct Score { double p = 0, r = 0, f1 = 0; size_t predicted = 0, right = 0, found = 0, gold = 0; };

Score evaluate(const LinearModel& m, const std::vector<const Doc*>& docs, bool core_bias = false) {
    Score sc;
    for (const Doc* d : docs) {
        std::vector<char> found(d->events, 0);
        for (size_t i = 0; i < d->feats.size(); ++i) {
            float s[2] = {0, 0};
            m.score(d->feats[i].data(), d->feats[i].size(), s);
            if (!(core_bias ? events::trigger_detected(s) : events::trigger_decision(s))) continue;
            ++sc.predicted;
            if (d->gold[i]) { ++sc.right; found[size_t(d->event_of[i])] = 1; }
        }
        sc.gold += d->events;
        for (char c : found) sc.found += c;
    }
    sc.p = sc.predicted ? 100.0 * double(sc.right) / double(sc.predicted) : 0;
    sc.r = sc.gold ? 100.0 * double(sc.found) / double(sc.gold) : 0;
    sc.f1 = sc.p + sc.r > 0 ? 2 * sc.p * sc.r / (sc.p + sc.r) : 0;
    return sc;
}

}  // namespace

int main(int argc, char** argv) {
    tool_options::Options o;
    int rc = 0;
    bool scoring = false;   // --score MODEL: the held-out figures of a written model, no training
    for (int i = 1; i < argc; ++i) scoring |= std::string(argv[i]) == "--score";
    const char* usage = "usage: train-triggers --data TBAQ_DIR --out triggers.bin [--epochs 8] [--seed 1] [--heldout-every 5] [--max-rows 10000] [--min-q 0] [--max-docs 0]\n"
                        "       train-triggers --data TBAQ_DIR --score triggers.bin [--heldout-every 5]   (a written model on the held-out documents)\n";
    if (!(scoring ? tool_options::parse(argc, argv, "train-triggers", usage, {"data", "score"}, o, &rc)
                  : tool_options::parse(argc, argv, "train-triggers", usage, {"data", "out"}, o, &rc))) return rc;
    const fs::path root = o.get("data", "");
    const int epochs = std::stoi(o.get("epochs", "8"));
    const size_t every = std::stoul(o.get("heldout-every", "5"));
    const size_t max_docs = std::stoul(o.get("max-docs", "0"));
    std::error_code ec;
    if (!fs::is_directory(root, ec)) { std::fprintf(stderr, "train-triggers: %s: not a directory\n", root.string().c_str()); return 1; }
    std::vector<std::string> names;
    std::vector<fs::path> dirs;
    for (const char* sub : {"TimeBank", "AQUAINT"}) if (fs::is_directory(root / sub)) dirs.push_back(root / sub);
    if (dirs.empty()) dirs.push_back(root);
    for (auto& dir : dirs)
        for (auto& e : fs::recursive_directory_iterator(dir))
            if (e.is_regular_file() && e.path().extension() == ".tml") names.push_back(fs::relative(e.path(), root).generic_string());
    std::sort(names.begin(), names.end());
    if (max_docs && names.size() > max_docs) names.resize(max_docs);
    std::vector<Doc> docs;
    for (auto& n : names) docs.push_back(read_doc(root / n, n));
    std::vector<const Doc*> train, held;
    for (size_t i = 0; i < docs.size(); ++i) ((every && i % every == every - 1) ? held : train).push_back(&docs[i]);
    size_t train_events = 0, held_events = 0;
    for (auto* d : train) train_events += d->events;
    for (auto* d : held) held_events += d->events;
    std::printf("documents: %zu train (%zu events), %zu held out (%zu events; every %zu-th by sorted path)\n",
                train.size(), train_events, held.size(), held_events, every);
    if (scoring) {
        const std::string path = o.get("score", "");
        std::ifstream in(path, std::ios::binary);
        if (!in) { std::fprintf(stderr, "train-triggers: cannot read %s\n", path.c_str()); return 1; }
        const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        LinearModel m;
        std::string err;
        if (!deserialize(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), m, &err)) {
            std::fprintf(stderr, "train-triggers: %s: %s\n", path.c_str(), err.c_str());
            return 1;
        }
        const Score plain = evaluate(m, held), biased = evaluate(m, held, true);
        std::printf("%s held out: P %.1f R %.1f F1 %.1f; at the events stage's bias (%.0f): P %.1f R %.1f F1 %.1f\n", path.c_str(),
                    plain.p, plain.r, plain.f1, double(events::kTriggerBias), biased.p, biased.r, biased.f1);
        return 0;
    }

    std::vector<binary_trainer::Instance> inst;
    for (auto* d : train) for (size_t i = 0; i < d->feats.size(); ++i) inst.push_back({&d->feats[i], d->gold[i]});
    LinearModel meta;
    meta.kind = "triggers";
    meta.feature_set = events::kTriggerFeatureSet;
    meta.classes = {"O", "EVENT"};
    AveragedPerceptron::Export ex;
    ex.max_rows = std::stoul(o.get("max-rows", "10000"));
    ex.min_q = std::stoi(o.get("min-q", "0"));
    Score last;
    LinearModel m;
    const bool ok = binary_trainer::train(inst, meta, ex, epochs, std::stoull(o.get("seed", "1")), "train-triggers",
        [](const float* s) { return events::trigger_decision(s); },
        [&](int ep, size_t errors, size_t n, const LinearModel& back, size_t bytes) {
            last = evaluate(back, held);
            std::printf("epoch %2d: train errors %zu / %zu, rows %zu, held-out trigger P %.1f R %.1f F1 %.1f (%zu bytes)\n",
                        ep, errors, n, back.keys.size(), last.p, last.r, last.f1, bytes);
        }, &m);
    if (!ok) return 1;
    // The training record: command, data and held-out figure, in the model itself.
    char note[512];
    std::snprintf(note, sizeof note, "train-triggers | %zu train docs, %zu held out (every %zu-th) | epochs %d | held-out P %.1f R %.1f F1 %.1f (quantised)",
                  train.size(), held.size(), every, epochs, last.p, last.r, last.f1);
    m.note = note;
    size_t bytes = 0;
    if (!binary_trainer::write_model(m, o.get("out", ""), "train-triggers", &bytes)) return 1;
    std::printf("wrote %s: %zu bytes, %zu rows; held-out trigger P %.1f R %.1f F1 %.1f\n", o.get("out", "").c_str(), bytes, m.keys.size(), last.p, last.r, last.f1);
    const Score biased = evaluate(m, held, true);
    std::printf("held-out at the events stage's bias (%.0f, events/trigger_model.h): P %.1f R %.1f F1 %.1f\n",
                double(events::kTriggerBias), biased.p, biased.r, biased.f1);
    return 0;
}
