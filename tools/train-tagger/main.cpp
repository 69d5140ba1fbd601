// train-tagger: trains the POS and NER models of the core and scores NER output.
//
//   train-tagger words --words news-words.tsv --out assets/models/words.bin
//                    the words model: news word clusters + case, shared by POS and NER
//   train-tagger words --from OLD-ner.bin --out assets/models/words.bin
//                    the same from the clusters a model file stores
//   train-tagger pos --train TRAIN.conllu --dev DEV.conllu --out assets/models/pos.bin
//                    [--words words.tsv] [--learner perceptron|pa]
//                    [--epochs 10] [--seed 1] [--prune 0] [--max-rows 0]
//   train-tagger ner --train train.txt[,more.txt] --dev dev.txt --pos assets/models/pos.bin
//                    --gazetteers TSV[,TSV] [--words words.tsv] [--learner perceptron|pa]
//                    [--title-case N] --out assets/models/ner.bin [--epochs 12] [--seed 1]
//                    [--prune 0] [--max-rows 0] [--also FILE,...] [--dev-out FILE]
//   train-tagger split --in FILE --every N --train OUT --held OUT
//                                 every N-th document of a CoNLL file held out
//   train-tagger title-case --in FILE --out FILE
//                                 prose sentences in title case, as headlines write them
//   train-tagger score FILE       conlleval-style P/R/F1 per type from `token gold predicted`
//                                 lines (blank line between sentences), e.g. the output of
//                                 `article-explorer ner-conll dev.txt`
//
// Each epoch prints the dev score of the quantised, pruned model exactly as it would ship
// (serialised, read back and run through the core's inference code); the epoch with the best
// dev score is written. Same seed + same data = same model bytes.
#include "conll.h"

#include "article_explorer/tagger.h"
#include "tagging/models.h"
#include "tagging/ner.h"
#include "tagging/perceptron.h"
#include "tagging/pos.h"
#include "model/word_info.h"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <unordered_map>

using namespace ae::tagging;
using trainer::Document;

namespace {

struct Args {
    std::map<std::string, std::string> kv;
    std::string get(const std::string& k, const std::string& def = "") const {
        auto it = kv.find(k); return it == kv.end() ? def : it->second;
    }
    std::string need(const std::string& k) const {
        auto it = kv.find(k);
        if (it == kv.end()) { std::fprintf(stderr, "train-tagger: missing --%s\n", k.c_str()); std::exit(2); }
        return it->second;
    }
};

Args parse(int argc, char** argv, int from) {
    Args a;
    for (int i = from; i < argc; ++i) {
        std::string s = argv[i];
        if (s.rfind("--", 0) != 0 || i + 1 >= argc) { std::fprintf(stderr, "train-tagger: bad argument %s\n", s.c_str()); std::exit(2); }
        a.kv[s.substr(2)] = argv[++i];
    }
    return a;
}

double now() { return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count(); }

// Deterministic Fisher-Yates (std::shuffle's algorithm differs between standard libraries).
template <class T> void shuffle(std::vector<T>& v, std::mt19937_64& rng) {
    for (size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[size_t(rng() % i)]);
}

void write_file(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), std::streamsize(bytes.size()));
    if (!out) { std::fprintf(stderr, "train-tagger: cannot write %s\n", path.c_str()); std::exit(1); }
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) { std::fprintf(stderr, "train-tagger: cannot read %s\n", path.c_str()); std::exit(1); }
    std::ostringstream s; s << in.rdbuf(); return s.str();
}

std::string command_line(int argc, char** argv) {
    std::string s = "train-tagger";
    for (int i = 1; i < argc; ++i) { s += ' '; s += argv[i]; }
    return s;
}

// Quantise + prune + serialise + read back: what ships is what gets measured.
LinearModel ship(const AveragedPerceptron& p, LinearModel meta, const Args& a, std::string& bytes) {
    AveragedPerceptron::Export ex;
    ex.prune_below = std::stof(a.get("prune", "0"));
    ex.max_rows = std::stoul(a.get("max-rows", "0"));
    ex.min_q = std::stoi(a.get("min-q", "0"));
    p.export_model(meta, ex);
    bytes = serialize(meta);
    LinearModel back;
    std::string err;
    if (!deserialize(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), back, &err)) {
        std::fprintf(stderr, "train-tagger: round trip failed: %s\n", err.c_str()); std::exit(1);
    }
    back.shared = meta.shared;
    return back;
}

// ---------------------------------------------------------------------------------------- POS
// The tag dictionary: words (normalised form, case kept) seen at least min_count times in
// train with one tag at least `share` of the time; decoding gives them that tag unscored.
template <class Sentences>
Lexicon build_tagdict(const Sentences& tr, size_t min_count, double share, const std::vector<std::string>& classes) {
    std::unordered_map<uint32_t, std::vector<uint32_t>> counts;
    WordInfo wi;
    for (auto& s : tr)
        for (size_t i = 0; i < s.toks.size(); ++i) {
            if (s.gold[i] < 0) continue;
            compute_word_info(s.toks[i], wi);
            auto& c = counts[key32(wi.word)];
            c.resize(classes.size());
            ++c[size_t(s.gold[i])];
        }
    std::map<uint32_t, uint32_t> entries;
    size_t covered = 0, total = 0;
    for (auto& [k, c] : counts) {
        uint32_t sum = 0, best = 0;
        for (size_t t = 0; t < c.size(); ++t) { sum += c[t]; if (c[t] > c[best]) best = uint32_t(t); }
        total += sum;
        if (sum >= min_count && double(c[best]) >= share * double(sum)) { entries[k] = best; covered += sum; }
    }
    Lexicon l;
    l.name = "tagdict";
    for (auto& [k, v] : entries) { l.keys.push_back(k); l.values.push_back(v); }
    std::printf("tagdict: %zu words (seen >= %zu times, one tag >= %.3f of the time) cover %.1f%% of train tokens\n",
                l.keys.size(), min_count, share, 100.0 * double(covered) / double(total ? total : 1));
    return l;
}

Lexicon read_word_stats(const std::string& path, size_t max_words, size_t path_bits);

// A words model (kind "words": no weights) holding `clusters` when given.
LinearModel make_words_model(const Lexicon* clusters) {
    LinearModel w;
    w.kind = "words";
    w.feature_set = kWordsFeatureSet;
    w.classes = {"none"};
    if (clusters) w.lexicons.push_back(*clusters);
    w.index();
    return w;
}

// The words model --words-model reads or --words builds (the "clusters" lexicon); empty without either.
LinearModel words_model(const Args& a) {
    LinearModel w = make_words_model(nullptr);
    if (a.kv.count("words-model")) {
        std::string bytes = read_file(a.get("words-model")), err;
        if (!deserialize(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), w, &err) || w.kind != "words" || !w.lexicon("clusters")) {
            std::fprintf(stderr, "train-tagger: %s: not a words model%s%s\n", a.get("words-model").c_str(), err.empty() ? "" : ": ", err.c_str());
            std::exit(1);
        }
        return w;
    }
    if (!a.kv.count("words")) return w;
    const Lexicon clusters = read_word_stats(a.get("words"), std::stoul(a.get("words-max", "1000000")), std::stoul(a.get("words-bits", "24")));
    return make_words_model(&clusters);
}

// A POS or NER model file, pointed at the words model it was trained with: the one --words
// builds, else the embedded one.
LinearModel read_tagger_model(const std::string& path, const LinearModel& words) {
    std::string bytes = read_file(path), err;
    LinearModel m;
    if (!deserialize(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), m, &err) ||
        (!attach_shared(m, &words, &err) && !attach_words(m, &err))) {
        std::fprintf(stderr, "train-tagger: %s: %s\n", path.c_str(), err.c_str());
        std::exit(1);
    }
    return m;
}

// words --words TSV --out F: the words model alone (what POS and NER trained with --words share).
// words --from MODEL --out F: the "clusters" lexicon a POS or NER model file stores, as a words model.
int write_words(const Args& a, const std::string& cmd) {
    LinearModel w;
    if (a.kv.count("from")) {
        std::string bytes = read_file(a.get("from")), err;
        LinearModel from;
        if (!deserialize(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), from, &err) || !from.lexicon("clusters")) {
            std::fprintf(stderr, "train-tagger: %s: no word clusters in it%s%s\n", a.get("from").c_str(), err.empty() ? "" : ": ", err.c_str());
            return 1;
        }
        w = make_words_model(from.lexicon("clusters"));
    } else if (a.kv.count("words")) {
        w = words_model(a);
    } else {
        std::fprintf(stderr, "train-tagger: words needs --words TSV or --from MODEL\n"); return 2;
    }
    w.note = cmd;
    std::string bytes = serialize(w);
    write_file(a.need("out"), bytes);
    std::printf("wrote %s (%zu bytes), clusters fingerprint %08x\n", a.need("out").c_str(), bytes.size(), lexicon_fingerprint(*w.lexicon("clusters")));
    return 0;
}

int train_pos(const Args& a, const std::string& cmd) {
    auto train = trainer::read_conllu(a.need("train"));
    auto dev = trainer::read_conllu(a.need("dev"));
    std::set<std::string> tagset;
    for (auto& d : train) for (auto& s : d.sentences) for (auto& t : s.tags) tagset.insert(t);
    LinearModel meta;
    meta.kind = "pos";
    meta.feature_set = kPosFeatureSet;
    meta.classes.assign(tagset.begin(), tagset.end());
    std::map<std::string, int> id;
    for (size_t i = 0; i < meta.classes.size(); ++i) id[meta.classes[i]] = int(i);
    struct S { std::vector<std::string_view> toks; std::vector<int> gold; };
    auto prep = [&](const std::vector<Document>& docs) {
        std::vector<S> out;
        for (auto& d : docs) for (auto& s : d.sentences) {
            S x;
            for (size_t i = 0; i < s.tokens.size(); ++i) {
                x.toks.push_back(s.tokens[i]);
                auto it = id.find(s.tags[i]);
                x.gold.push_back(it == id.end() ? -1 : it->second);
            }
            out.push_back(std::move(x));
        }
        return out;
    };
    auto tr = prep(train), dv = prep(dev);
    meta.lexicons.push_back(build_tagdict(tr, std::stoul(a.get("tagdict-min", "20")), std::stod(a.get("tagdict-share", "0.99")), meta.classes));
    LinearModel words = words_model(a);
    share_lexicon(meta, words, "clusters");   // used, not stored: the words model ships it once
    meta.index();
    size_t ntr = 0, ndv = 0;
    for (auto& s : tr) ntr += s.toks.size();
    for (auto& s : dv) ndv += s.toks.size();
    std::printf("pos: %zu train sentences (%zu tokens), %zu dev sentences (%zu tokens), %zu tags\n",
                tr.size(), ntr, dv.size(), ndv, meta.classes.size());
    const int epochs = std::stoi(a.get("epochs", "10"));
    std::mt19937_64 rng(std::stoull(a.get("seed", "1")));
    AveragedPerceptron p(meta.classes.size());
    p.lexicons_from = &meta;
    const std::string learner = a.get("learner", "perceptron");
    if (learner != "perceptron" && learner != "pa") { std::fprintf(stderr, "train-tagger: --learner is perceptron or pa\n"); return 2; }
    p.passive_aggressive = learner == "pa";
    PosScratch scratch;
    std::vector<int> out;
    std::vector<size_t> order(tr.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    double best = -1; std::string best_bytes; int best_epoch = 0;
    for (int ep = 1; ep <= epochs; ++ep) {
        double t0 = now();
        shuffle(order, rng);
        size_t correct = 0;
        for (size_t i : order) {
            out.resize(tr[i].toks.size());
            correct += pos_tag_sentence(p, tr[i].toks.data(), tr[i].toks.size(), out.data(), scratch, tr[i].gold.data(), &p);
        }
        std::string bytes;
        LinearModel m = ship(p, meta, a, bytes);
        size_t dc = 0;
        for (auto& s : dv) {
            out.resize(s.toks.size());
            dc += pos_tag_sentence(m, s.toks.data(), s.toks.size(), out.data(), scratch, s.gold.data());
        }
        double acc = 100.0 * double(dc) / double(ndv);
        std::printf("epoch %2d  train acc %.2f%%  dev acc (quantised) %.2f%%  rows %zu -> %zu  %.1f KB  %.1fs\n", ep,
                    100.0 * double(correct) / double(ntr), acc, p.rows(), m.keys.size(), double(bytes.size()) / 1024, now() - t0);
        std::fflush(stdout);
        if (acc > best) { best = acc; best_bytes = bytes; best_epoch = ep; }
    }
    // Record how the shipped model was made, then write it.
    LinearModel m;
    std::string err;
    deserialize(reinterpret_cast<const uint8_t*>(best_bytes.data()), best_bytes.size(), m, &err);
    m.shared = meta.shared;
    char note[512];
    std::snprintf(note, sizeof note, "%s | epoch %d | UD EWT dev XPOS accuracy %.2f%% (quantised)", cmd.c_str(), best_epoch, best);
    m.note = note;
    std::string bytes = serialize(m);
    write_file(a.need("out"), bytes);
    std::printf("wrote %s (%zu bytes), epoch %d, dev accuracy %.2f%%\n", a.need("out").c_str(), bytes.size(), best_epoch, best);
    return 0;
}

// eval-pos --model M --dev F: XPOS accuracy of the model and UPOS accuracy of upos_from_xpos
// over its predictions, against the CoNLL-U gold columns.
int eval_pos(const Args& a) {
    const LinearModel clusters = words_model(a);   // outlives m, which points at it
    LinearModel m = read_tagger_model(a.need("model"), clusters);
    std::ifstream f(a.need("dev"));
    std::string line;
    std::vector<std::string> words, xpos, upos;
    size_t n = 0, xok = 0, uok = 0, uok_gold = 0;
    PosScratch scratch;
    std::vector<int> out;
    auto flush = [&]() {
        if (words.empty()) return;
        std::vector<std::string_view> v(words.begin(), words.end());
        out.resize(v.size());
        pos_tag_sentence(m, v.data(), v.size(), out.data(), scratch);
        for (size_t i = 0; i < v.size(); ++i) {
            const std::string& pred = m.classes[size_t(out[i])];
            ++n;
            xok += pred == xpos[i];
            uok += ae::upos_from_xpos(pred, words[i]) == upos[i];
            uok_gold += ae::upos_from_xpos(xpos[i], words[i]) == upos[i];
        }
        words.clear(); xpos.clear(); upos.clear();
    };
    while (std::getline(f, line)) {
        if (line.empty()) { flush(); continue; }
        if (line[0] == '#') continue;
        std::vector<std::string> c;
        size_t s = 0;
        for (int k = 0; k < 5; ++k) { size_t t = line.find('\t', s); if (t == std::string::npos) break; c.push_back(line.substr(s, t - s)); s = t + 1; }
        if (c.size() < 5 || c[0].find_first_of("-.") != std::string::npos) continue;
        words.push_back(c[1]); upos.push_back(c[3]); xpos.push_back(c[4]);
    }
    flush();
    std::printf("tokens %zu  XPOS %.2f%%  UPOS %.2f%% (mapped from predicted XPOS; the map alone on gold XPOS: %.2f%%)\n", n,
                100.0 * double(xok) / double(n), 100.0 * double(uok) / double(n), 100.0 * double(uok_gold) / double(n));
    return 0;
}

// ---------------------------------------------------------------------------------------- NER
struct NerDoc {
    std::vector<std::string> storage;      // owns token text (views point here)
    NerDocument doc;
    std::vector<std::vector<int>> gold;    // per sentence, BILOU ids
    std::vector<std::vector<std::string>> gold_tags;  // per sentence, original tags
};

// Title case as modern headlines write it ("Mexico Cuts Ties With Ecuador"): every word of four
// or more letters, and every shorter one that is not a function word, capitalised.
void title_case(std::vector<std::string>& tokens) {
    static const std::set<std::string> kSmall = {"a", "an", "the", "and", "but", "or", "nor", "for", "of", "in", "on",
                                                 "at", "to", "by", "as", "up", "via", "vs", "vs."};
    for (auto& t : tokens)
        if (!t.empty() && t[0] >= 'a' && t[0] <= 'z' && (t.size() >= 4 || !kSmall.count(t))) t[0] = char(t[0] - 32);
}

// Training documents with case variants: in every `title_every`-th document (0 = none), the
// first sentence after the first that has lowercase words is written in title case.
std::vector<Document> with_title_case(std::vector<Document> docs, size_t title_every) {
    if (!title_every) return docs;
    size_t changed = 0;
    for (size_t di = 0; di < docs.size(); ++di) {
        if (di % title_every != title_every - 1) continue;
        auto& ss = docs[di].sentences;
        for (size_t si = 1; si < ss.size(); ++si) {
            bool prose = false;
            for (auto& t : ss[si].tokens) if (t.size() >= 4 && t[0] >= 'a' && t[0] <= 'z') prose = true;
            if (!prose || ss[si].tokens.size() > 25) continue;
            title_case(ss[si].tokens);
            ++changed;
            break;
        }
    }
    std::printf("case variants: %zu sentences in title case\n", changed);
    return docs;
}

std::vector<NerDoc> prep_ner(const std::vector<Document>& docs, const LinearModel& pos) {
    std::vector<NerDoc> out;
    PosScratch ps;
    std::vector<int> tags;
    std::vector<uint64_t> pos_hash;
    for (auto& c : pos.classes) pos_hash.push_back(pos_name_hash(c));
    for (auto& d : docs) {
        NerDoc nd;
        size_t total = 0;
        for (auto& s : d.sentences) total += s.tokens.size();
        nd.storage.reserve(total);
        for (auto& s : d.sentences) for (auto& t : s.tokens) nd.storage.push_back(t);
        size_t k = 0;
        for (auto& s : d.sentences) {
            nd.doc.sentence_start.push_back(uint32_t(nd.doc.tokens.size()));
            size_t first = nd.doc.tokens.size();
            for (size_t i = 0; i < s.tokens.size(); ++i) nd.doc.tokens.push_back(nd.storage[k++]);
            tags.resize(s.tokens.size());
            pos_tag_sentence(pos, nd.doc.tokens.data() + first, tags.size(), tags.data(), ps);
            for (int t : tags) nd.doc.pos.push_back(pos_hash[size_t(t)]);
            std::vector<int> g;
            iob_to_bilou(s.tags, true, g);
            nd.gold.push_back(g);
            nd.gold_tags.push_back(s.tags);
        }
        out.push_back(std::move(nd));
    }
    return out;
}

// Gazetteer TSVs (comma-separated paths): `CATEGORY <TAB> phrase [<TAB> anything]` lines, the
// phrase's tokens separated by spaces; `# ` lines are comments.
Lexicon read_gazetteers(const std::string& paths) {
    std::map<uint32_t, uint32_t> entries;
    size_t n = 0;
    auto read_one = [&](const std::string& path) {
        std::ifstream in(path);
        if (!in) { std::fprintf(stderr, "train-tagger: cannot read %s\n", path.c_str()); std::exit(1); }
        std::string line;
        while (std::getline(in, line)) {
            if (line.rfind("# ", 0) == 0) continue;
            auto tab = line.find('\t');
            if (tab == std::string::npos) continue;
            int cat = gaz_category(line.substr(0, tab));
            if (cat < 0) continue;
            auto tab2 = line.find('\t', tab + 1);
            std::istringstream ws(line.substr(tab + 1, tab2 == std::string::npos ? std::string::npos : tab2 - tab - 1));
            std::string w;
            uint64_t h = kPhraseSeed;
            std::vector<uint32_t> prefixes;   // keys of the phrase's first 1..len-1 words
            size_t len = 0;
            while (ws >> w) {
                if (len++) prefixes.push_back(key32(h));
                h = phrase_step(h, lower_hash(w));
            }
            if (!len || len > kGazMaxTokens) continue;
            entries[key32(h)] |= 1u << cat;
            for (uint32_t k : prefixes) entries[k] |= kGazContinues;   // lets decoding stop early
            ++n;
        }
    };
    std::istringstream ps(paths);
    for (std::string path; std::getline(ps, path, ',');) read_one(path);
    Lexicon l;
    l.name = "gaz";
    for (auto& [k, v] : entries) { l.keys.push_back(k); l.values.push_back(v); }
    std::printf("gazetteers: %zu phrases, %zu keys\n", n, l.keys.size());
    return l;
}

// Word statistics of modern news (`news-stats words` output: word, cluster bits, count,
// lowercase / capitalised / all-caps mid-sentence, sentence-initial) -> the "clusters" lexicon:
// per lowercase word, (path with a leading 1) << 3 | case bucket. The max_words most frequent
// words with letters and no digits are kept (digits are pooled to 0 there, not in the core).
Lexicon read_word_stats(const std::string& path, size_t max_words, size_t path_bits) {
    std::ifstream in(path);
    if (!in) { std::fprintf(stderr, "train-tagger: cannot read %s\n", path.c_str()); std::exit(1); }
    std::map<uint32_t, uint32_t> entries;
    std::string line;
    size_t n = 0;
    while (std::getline(in, line) && n < max_words) {
        if (line.rfind("# ", 0) == 0) continue;
        std::vector<std::string> c;
        std::istringstream ls(line);
        for (std::string w; std::getline(ls, w, '\t');) c.push_back(w);
        if (c.size() < 7) continue;
        const std::string& word = c[0];
        if (word.find('0') != std::string::npos) continue;
        WordInfo wi;
        compute_word_info(word, wi);
        if (!(wi.flags & kHasLetter)) continue;
        uint32_t p = 1;
        for (char b : c[1].substr(0, std::min(path_bits, size_t(24)))) p = (p << 1) | uint32_t(b == '1');
        uint32_t bucket = ner_case_bucket(std::stoull(c[3]), std::stoull(c[4]));
        entries[key32(wi.lower)] = p << kCaseBucketBits | bucket;
        ++n;
    }
    Lexicon l;
    l.name = "clusters";
    for (auto& [k, v] : entries) { l.keys.push_back(k); l.values.push_back(v); }
    std::printf("word statistics: %zu words (clusters of %zu bits, case buckets)\n", l.keys.size(), path_bits);
    return l;
}

template <class Scorer>
trainer::Score eval_ner(const Scorer& scorer, const LinearModel& meta, std::vector<NerDoc>& docs, std::string* lines = nullptr) {
    trainer::Score score;
    NerFeaturizer fz(meta.lexicon("gaz"), meta.lexicon("clusters"));
    NerScratch sc;
    std::vector<int> labels;
    std::vector<std::string> iob;
    for (auto& d : docs) {
        fz.begin(d.doc);
        for (size_t s = 0; s < d.doc.sentence_count(); ++s) {
            labels.resize(d.gold[s].size());
            ner_tag_sentence(scorer, fz, d.doc, s, labels.data(), sc);
            bilou_to_iob2(labels.data(), labels.size(), iob);
            score.add(d.gold_tags[s], iob);
            if (!lines) continue;
            std::vector<std::string> gold_iob2 = d.gold_tags[s];
            for (size_t k = 0; k < gold_iob2.size(); ++k)   // IOB1 -> IOB2, as ner-conll writes it
                if (gold_iob2[k].size() > 2 && gold_iob2[k][0] == 'I' && (k == 0 || gold_iob2[k - 1] == "O" || gold_iob2[k - 1].substr(2) != gold_iob2[k].substr(2))) gold_iob2[k][0] = 'B';
            for (size_t k = 0; k < iob.size(); ++k) *lines += std::string(d.doc.tokens[d.doc.sentence_start[s] + k]) + ' ' + gold_iob2[k] + ' ' + iob[k] + '\n';
            *lines += '\n';
        }
    }
    return score;
}

// One training epoch over docs[order]; returns the number of correctly tagged tokens.
size_t train_ner_epoch(AveragedPerceptron& p, NerFeaturizer& fz, std::vector<NerDoc>& docs, const std::vector<size_t>& order) {
    NerScratch sc;
    std::vector<int> labels;
    size_t correct = 0;
    for (size_t di : order) {
        auto& d = docs[di];
        fz.begin(d.doc);
        for (size_t s = 0; s < d.doc.sentence_count(); ++s) {
            labels.resize(d.gold[s].size());
            correct += ner_tag_sentence(p, fz, d.doc, s, labels.data(), sc, d.gold[s].data(), &p);
        }
    }
    return correct;
}

int train_ner(const Args& a, const std::string& cmd) {
    LinearModel words = words_model(a);
    LinearModel pos = read_tagger_model(a.need("pos"), words);
    std::string err;
    double t0 = now();
    std::vector<Document> train_docs;
    {
        std::istringstream ts(a.need("train"));
        for (std::string path; std::getline(ts, path, ',');) {
            auto d = trainer::read_conll2003(path);
            train_docs.insert(train_docs.end(), d.begin(), d.end());
        }
    }
    auto train = prep_ner(with_title_case(std::move(train_docs), std::stoul(a.get("title-case", "0"))), pos);
    auto dev = prep_ner(trainer::read_conll2003(a.need("dev")), pos);
    size_t ntr = 0;
    for (auto& d : train) ntr += d.doc.tokens.size();
    std::printf("ner: %zu train docs (%zu tokens), %zu dev docs; POS-tagged in %.1fs\n", train.size(), ntr, dev.size(), now() - t0);
    LinearModel meta;
    meta.kind = "ner";
    meta.feature_set = kNerFeatureSet;
    meta.classes = ner_label_names();
    if (a.kv.count("gazetteers")) meta.lexicons.push_back(read_gazetteers(a.get("gazetteers")));
    share_lexicon(meta, words, "clusters");
    meta.index();
    const int epochs = std::stoi(a.get("epochs", "12"));
    std::mt19937_64 rng(std::stoull(a.get("seed", "1")));
    AveragedPerceptron p(meta.classes.size());
    p.lexicons_from = &meta;
    NerFeaturizer fz(meta.lexicon("gaz"), meta.lexicon("clusters"));
    const std::string learner = a.get("learner", "perceptron");
    if (learner != "perceptron" && learner != "pa") { std::fprintf(stderr, "train-tagger: --learner is perceptron or pa\n"); return 2; }
    p.passive_aggressive = learner == "pa";
    std::vector<size_t> order(train.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    double best = -1; std::string best_bytes; int best_epoch = 0; std::string best_report;
    for (int ep = 1; ep <= epochs; ++ep) {
        double t1 = now();
        shuffle(order, rng);
        size_t correct = train_ner_epoch(p, fz, train, order);
        std::string bytes;
        LinearModel m = ship(p, meta, a, bytes);
        auto score = eval_ner(m, m, dev);
        double f = 100 * trainer::Score::f1(score.all);
        std::printf("epoch %2d  train token acc %.2f%%  dev F1 (quantised) %.2f  [", ep, 100.0 * double(correct) / double(ntr), f);
        for (auto& [t, c] : score.by_type) std::printf(" %s %.2f", t.c_str(), 100 * trainer::Score::f1(c));
        std::printf(" ]  rows %zu -> %zu  %.1f KB  %.1fs\n", p.rows(), m.keys.size(), double(bytes.size()) / 1024, now() - t1);
        std::fflush(stdout);
        if (f > best) { best = f; best_bytes = bytes; best_epoch = ep; best_report = score.report(); }
    }
    LinearModel m;
    deserialize(reinterpret_cast<const uint8_t*>(best_bytes.data()), best_bytes.size(), m, &err);
    m.shared = meta.shared;
    char note[1024];
    std::snprintf(note, sizeof note, "%s | epoch %d | CoNLL-2003 dev entity F1 %.2f (quantised)", cmd.c_str(), best_epoch, best);
    m.note = note;
    std::string bytes = serialize(m);
    write_file(a.need("out"), bytes);
    std::printf("wrote %s (%zu bytes), epoch %d\n%s", a.need("out").c_str(), bytes.size(), best_epoch, best_report.c_str());
    if (a.kv.count("dev-out")) {
        std::string lines;
        eval_ner(m, m, dev, &lines);
        write_file(a.get("dev-out"), lines);
    }
    // Other sets, scored with the written model only (never used to choose anything).
    std::istringstream also(a.get("also", ""));
    for (std::string path; std::getline(also, path, ',');) {
        auto docs = prep_ner(trainer::read_conll2003(path), pos);
        auto sc2 = eval_ner(m, m, docs);
        std::printf("also %s: F1 %.2f\n%s", path.c_str(), 100 * trainer::Score::f1(sc2.all), sc2.report().c_str());
    }
    return 0;
}

// -------------------------------------------------------------------------------------- split
// split --in FILE --every N --train OUT --held OUT: a CoNLL file's documents (-DOCSTART-), every
// N-th (the N-th, 2N-th, ...) to --held, the others to --train, lines unchanged: a fixed part of
// an extra corpus kept out of training to check on.
int split_docs(const Args& a) {
    std::ifstream in(a.need("in"));
    if (!in) { std::fprintf(stderr, "train-tagger: cannot read %s\n", a.need("in").c_str()); return 1; }
    const long every = std::stol(a.need("every"));
    if (every < 2) { std::fprintf(stderr, "train-tagger: --every must be at least 2\n"); return 2; }
    std::string train, held, line;
    long doc = -1;
    size_t ntrain = 0, nheld = 0;
    while (std::getline(in, line)) {
        if (line.rfind("-DOCSTART-", 0) == 0) { ++doc; (doc % every == every - 1 ? nheld : ntrain)++; }
        ((doc >= 0 && doc % every == every - 1) ? held : train) += line + '\n';
    }
    write_file(a.need("train"), train);
    write_file(a.need("held"), held);
    std::printf("split: %zu documents to %s, %zu to %s\n", ntrain, a.need("train").c_str(), nheld, a.need("held").c_str());
    return 0;
}

// title-case --in FILE --out FILE: every prose sentence of a CoNLL file (one with a lowercase
// word of four or more letters, at most 25 tokens) written in title case, as modern headlines
// are; tags unchanged. A check of how the tagger holds on headlines (dev-title F1).
int title_case_file(const Args& a) {
    std::ifstream in(a.need("in"));
    if (!in) { std::fprintf(stderr, "train-tagger: cannot read %s\n", a.need("in").c_str()); return 1; }
    std::string out, line;
    std::vector<std::string> lines;
    size_t changed = 0;
    auto flush = [&] {
        std::vector<std::string> toks;
        for (auto& l : lines) toks.push_back(l.substr(0, l.find_first_of(" \t")));
        bool prose = false;
        for (auto& t : toks) if (t.size() >= 4 && t[0] >= 'a' && t[0] <= 'z') prose = true;
        if (prose && toks.size() <= 25) {
            title_case(toks);
            for (size_t i = 0; i < lines.size(); ++i) lines[i] = toks[i] + lines[i].substr(toks[i].size());
            ++changed;
        }
        for (auto& l : lines) out += l + '\n';
        lines.clear();
    };
    while (std::getline(in, line)) {
        if (line.empty() || line.rfind("-DOCSTART-", 0) == 0) { flush(); out += line + '\n'; continue; }
        lines.push_back(line);
    }
    flush();
    write_file(a.need("out"), out);
    std::printf("title-case: %zu sentences -> %s\n", changed, a.need("out").c_str());
    return 0;
}

// -------------------------------------------------------------------------------------- score
int score_file(const std::string& path) {
    std::ifstream in(path == "-" ? "/dev/stdin" : path);
    if (!in) { std::fprintf(stderr, "train-tagger: cannot read %s\n", path.c_str()); return 1; }
    trainer::Score score;
    std::vector<std::string> gold, pred;
    std::string line;
    auto flush = [&] { if (!gold.empty()) score.add(gold, pred); gold.clear(); pred.clear(); };
    while (std::getline(in, line)) {
        std::istringstream ls(line);
        std::vector<std::string> cols;
        std::string w;
        while (ls >> w) cols.push_back(w);
        if (cols.empty()) { flush(); continue; }
        if (cols.size() < 3) continue;
        gold.push_back(cols[cols.size() - 2]);
        pred.push_back(cols.back());
    }
    flush();
    std::fputs(score.report().c_str(), stdout);
    return 0;
}

}  // namespace

const char* const kUsage =
    "usage: train-tagger words --words TSV --out F [--words-max N]   (news-stats words output -> words model)\n"
    "       train-tagger words --from MODEL --out F    (the word clusters a POS/NER model file stores)\n"
    "       train-tagger pos --train CONLLU --dev CONLLU --out F [--epochs 10] [--seed 1] [--prune W]\n"
    "                        [--words TSV | --words-model F] [--learner perceptron|pa]\n"
    "                        [--max-rows N] [--min-q Q] [--tagdict-min 20] [--tagdict-share 0.99]\n"
    "       train-tagger ner --train CONLL[,CONLL] --dev CONLL --out F --pos POS.bin [--gazetteers TSV[,TSV]]\n"
    "                        [--words TSV | --words-model F] [--words-max N] [--learner perceptron|pa] [--title-case N]\n"
    "                        [--epochs 12] [--seed 1] [--prune W] [--max-rows N] [--min-q Q]\n"
    "                        [--also CONLL[,CONLL]] [--dev-out F]\n"
    "       train-tagger split --in CONLL --every N --train OUT --held OUT\n"
    "       train-tagger title-case --in CONLL --out CONLL   (prose sentences in title case)\n"
    "       train-tagger eval-pos --model F --dev CONLLU [--words TSV]\n"
    "       train-tagger score FILE          (ner-conll output: token gold predicted)\n"
    "Each epoch prints its dev score after quantisation; the best epoch is written. POS: words seen\n"
    "at least --tagdict-min times with one tag at least --tagdict-share of the time go into the\n"
    "model's tag dictionary and are tagged without scoring. With --words, POS and NER use the word\n"
    "clusters without storing them: the words model (`words`, from the same TSV) ships them once,\n"
    "and a model whose clusters differ from the embedded words model's fails to load (retrain).\n"
    "Details: tools/train-tagger/README.md\n";

int main(int argc, char** argv) {
    if (argc >= 2 && (std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0)) {
        std::fputs(kUsage, stdout);
        return 0;
    }
    if (argc < 2) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    std::string cmd = argv[1];
    try {
        if (cmd == "score" && argc == 3) return score_file(argv[2]);
        Args a = parse(argc, argv, 2);
        if (cmd == "pos") return train_pos(a, command_line(argc, argv));
        if (cmd == "eval-pos") return eval_pos(a);
        if (cmd == "split") return split_docs(a);
        if (cmd == "words") return write_words(a, command_line(argc, argv));
        if (cmd == "title-case") return title_case_file(a);
        if (cmd == "ner") return train_ner(a, command_line(argc, argv));
    } catch (const std::exception& e) {
        std::fprintf(stderr, "train-tagger: %s\n", e.what());
        return 1;
    }
    std::fprintf(stderr, "train-tagger: unknown command %s\n", cmd.c_str());
    return 2;
}
