// Named-entity features and greedy BILOU decoding over a whole document, shared by the core
// (LinearModel) and the trainer (AveragedPerceptron) through ner_tag_sentence<Scorer>.
//
// Features per token: word, lowercase, affixes, shapes and capitalisation in a +-2 window,
// POS tags (from our POS model), gazetteer matches (longest phrases, with their BILOU
// position, and which lists match together), all-caps headline and title-case line context,
// the run of capitalised words the token is in (its length, the token's place, its head words),
// word clusters and case statistics learned from modern news (the "clusters" lexicon, from
// tools/news-stats) for the word and its neighbours, and document-level evidence: how the same
// word is written elsewhere in the document (lowercase? capitalised mid-sentence? inside a
// longer name?) and which entity type earlier mentions of it received (extended prediction
// history, Ratinov & Roth 2009).
#pragma once
#include "model/hash.h"
#include "model.h"
#include "perceptron.h"
#include "model/word_info.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <type_traits>
#include <vector>

namespace ae::tagging {

constexpr uint32_t kNerFeatureSet = 3;
constexpr size_t kNerMaxFeatures = 128;
constexpr int kNerTypes = 4;                           // PER LOC ORG MISC
extern const char* const kNerTypeNames[kNerTypes];     // "PER", "LOC", "ORG", "MISC"
constexpr int kNerLabels = 1 + 4 * kNerTypes;          // O, then B I L U per type
// Label id: 0 = O; 1 + 4*type + {0 B, 1 I, 2 L, 3 U}.
inline int ner_label(int type, int part) { return 1 + 4 * type + part; }
inline int ner_type(int label) { return label <= 0 ? -1 : (label - 1) / 4; }
inline int ner_part(int label) { return label <= 0 ? -1 : (label - 1) % 4; }
std::vector<std::string> ner_label_names();

// Gazetteer categories (bit index in the "gaz" lexicon's values).
enum GazCategory : int {
    GAZ_NAME, GAZ_COUNTRY, GAZ_CITY, GAZ_REGION, GAZ_NATIONALITY, GAZ_COMPANY, GAZ_ORGSUFFIX,
    GAZ_ORGWORD, GAZ_TITLE, GAZ_LANGUAGE,
    GAZ_WIKI_ORG, GAZ_WIKI_LOC, GAZ_WIKI_INST,   // Wikipedia lists, cut by modern news (tools/news-stats)
    GAZ_COUNT
};
int gaz_category(std::string_view name);   // -1 if unknown
constexpr size_t kGazMaxTokens = 6;
// Value bit of a gazetteer key that a longer phrase starts with (its own categories may be
// empty). A lexicon with these marks (Lexicon::value_bits) lets a phrase search stop at the
// first key it does not know: no longer phrase can follow.
constexpr uint32_t kGazContinues = 1u << 31;
// The "clusters" lexicon (from tools/news-stats words, compiled by train-tagger), keyed by a
// word's lowercase hash: value = (cluster path with a leading 1 bit) << 3 | case bucket.
// The path's prefixes are coarser clusters; the bucket says how often modern news capitalises
// the word mid-sentence (ner_case_bucket).
constexpr int kCaseBucketBits = 3;
inline uint32_t word_cluster_path(uint32_t v) { return v >> kCaseBucketBits; }
inline uint32_t word_case_bucket(uint32_t v) { return v & ((1u << kCaseBucketBits) - 1); }
// 1..6: capitalised mid-sentence < 1 %, < 10 %, < 50 %, < 90 %, < 99 %, >= 99 % of the time;
// 7: seen too rarely mid-sentence to say (fewer than 5 times), 0: no statistics.
uint32_t ner_case_bucket(uint64_t lower_mid, uint64_t cap_mid);
// Phrase hash over token lowercase hashes (WordInfo::lower), for gazetteer keys.
inline uint64_t phrase_step(uint64_t h, uint64_t token_lower) { return mix64(h * 31 + token_lower + 0x7F4A7C15ULL); }
constexpr uint64_t kPhraseSeed = 0x5EEDULL;

// One document, flat: tokens of all sentences, their POS tag name hashes, sentence starts.
struct NerDocument {
    std::vector<std::string_view> tokens;
    std::vector<uint64_t> pos;            // hash_str(tag name) per token, 0 = unknown
    std::vector<uint32_t> sentence_start; // sentence s = [start[s], start[s+1] or tokens.size())
    size_t sentence_count() const { return sentence_start.size(); }
    size_t sentence_end(size_t s) const { return s + 1 < sentence_start.size() ? sentence_start[s + 1] : tokens.size(); }
    void clear() { tokens.clear(); pos.clear(); sentence_start.clear(); }
};

class NerFeaturizer {
public:
    // gaz / clusters may be null (features simply absent).
    NerFeaturizer(const Lexicon* gaz, const Lexicon* clusters) : gaz_(gaz), clusters_(clusters) {}

    // Precomputes everything static for the document and resets the prediction history.
    void begin(const NerDocument& doc);
    // Features of token t (document index) given the previous two labels (-1 = none). The
    // first *word_features (if not null) depend on the word alone.
    size_t features(size_t t, int prev1, int prev2, uint64_t* out, size_t* word_features = nullptr) const;
    // Records the label given to token t (feeds the history features of later tokens).
    void record(size_t t, int label);
    // A lowercase word or punctuation outside every gazetteer phrase: outside an open entity
    // the model all but never starts one there, so decoding labels it O without scoring.
    bool plain(size_t t) const {
        const uint32_t fl = info_[t].flags;
        return (fl & kPunctOnly || (fl & kHasLetter && !(fl & (kInitCap | kAllCaps | kMixedCaps)))) && gaz_code_[t] == 0;
    }

private:
    struct DocWord { uint16_t lower = 0, cap_mid = 0, run_first = 0, run_last = 0, run_inner = 0; };
    const Lexicon* gaz_;
    const Lexicon* clusters_;
    const NerDocument* doc_ = nullptr;
    std::vector<WordInfo> info_;          // per token
    std::vector<uint64_t> gaz_code_;      // per token: 3 bits per category (0 none, 1 B, 2 I, 3 L, 4 U)
    std::vector<uint32_t> cluster_;       // per token: its "clusters" lexicon value (0 none)
    std::vector<uint8_t> run_len_, run_at_;   // per token: its run of capitalised words (and "of", "on"... between them), its place in it
    std::vector<uint8_t> tok_flags_;      // sentence-initial, in an all-caps headline, last in sentence, in a title-case line
    std::vector<uint32_t> doc_word_;      // per token -> index into doc_words_
    std::vector<DocWord> doc_words_;
    std::vector<std::array<uint16_t, kNerTypes>> history_;  // per doc word: labels so far
    struct WordSlot { uint64_t lower = 0; uint32_t index1 = 0; };
    std::vector<WordSlot> word_slots_;    // lowercase hash -> doc word (see begin)
};

// Whether an entity is open after this label (B or I: the next token must continue it).
inline bool ner_open(int label) { const int p = ner_part(label); return p == 0 || p == 1; }

// Allowed BILOU transition (prev -1 = sentence start); last = token is the sentence's last.
inline bool ner_allowed(int prev, int cur, bool last) {
    int pt = ner_type(prev);
    int cp = ner_part(cur), ct = ner_type(cur);
    if (ner_open(prev)) return ct == pt && (cp == 1 || cp == 2) && !(last && cp == 1);
    if (cur == 0) return true;
    if (cp == 1 || cp == 2) return false;        // I / L need an open entity
    if (last && cp == 0) return false;           // B cannot end a sentence
    return true;
}

struct NerScratch { std::vector<float> scores; };

// Greedy decoding of sentence s of the document the featurizer was begun with. Writes labels
// to out[0, len). With gold + learner it trains as it goes. Returns #correct labels if gold.
template <class Scorer>
size_t ner_tag_sentence(const Scorer& scorer, NerFeaturizer& fz, const NerDocument& doc, size_t s,
                        int* out, NerScratch& sc, const int* gold = nullptr,
                        AveragedPerceptron* learner = nullptr) {
    const size_t b = doc.sentence_start[s], e = doc.sentence_end(s);
    const size_t nc = scorer.nclasses();
    sc.scores.resize(nc);
    uint64_t f[kNerMaxFeatures];
    int p1 = -1, p2 = -1;
    size_t correct = 0;
    for (size_t t = b; t < e; ++t) {
        // Decoding only (learning sees every token): a plain token with no entity open is O.
        if (!learner && fz.plain(t) && !ner_open(p1)) {
            if (gold) correct += gold[t - b] == 0;
            out[t - b] = 0;
            fz.record(t, 0);
            p2 = p1; p1 = 0;
            continue;
        }
        size_t nword = 0;
        size_t nf = fz.features(t, p1, p2, f, &nword);
        std::fill(sc.scores.begin(), sc.scores.end(), 0.0f);
        if constexpr (std::is_same_v<Scorer, LinearModel>) scorer.score_word_first(f, nf, nword, sc.scores.data());
        else scorer.score(f, nf, sc.scores.data());
        const bool last = t + 1 == e;
        int best = -1;
        for (size_t c = 0; c < nc; ++c)
            if (ner_allowed(p1, int(c), last) && (best < 0 || sc.scores[c] > sc.scores[size_t(best)])) best = int(c);
        if (best < 0) best = 0;
        if (gold) {
            int g = gold[t - b];
            correct += best == g;
            if (learner) {
                if (!learner->passive_aggressive) learner->update(f, nf, g, best);
                else {
                    // Also when the truth wins by less than a margin of 1, against the best
                    // other allowed label, by just enough to reach it (PA, Crammer et al. 2006).
                    int rival = -1;
                    for (size_t c = 0; c < nc; ++c)
                        if (int(c) != g && ner_allowed(p1, int(c), last) && (rival < 0 || sc.scores[c] > sc.scores[size_t(rival)])) rival = int(c);
                    const float gap = rival < 0 ? 1.0f : sc.scores[size_t(g)] - sc.scores[size_t(rival)];
                    learner->update_to_margin(f, nf, g, rival, gap);
                }
                learner->tick();
            }
        }
        out[t - b] = best;
        fz.record(t, best);
        p2 = p1; p1 = best;
    }
    return correct;
}

// Converts BIO/IOB1/IOB2 span notation to BILOU label ids; used by the trainer. tags are
// "O", "B-PER", "I-LOC", ... ; iob1 = CoNLL-2003's original convention.
void iob_to_bilou(const std::vector<std::string>& tags, bool iob1, std::vector<int>& out);
// BILOU label ids -> IOB2 strings ("B-PER", "I-PER", "O").
void bilou_to_iob2(const int* labels, size_t n, std::vector<std::string>& out);

}  // namespace ae::tagging
