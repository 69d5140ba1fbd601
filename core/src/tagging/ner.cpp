#include "ner.h"

#include <cstring>

namespace ae::tagging {

const char* const kNerTypeNames[kNerTypes] = {"PER", "LOC", "ORG", "MISC"};

std::vector<std::string> ner_label_names() {
    std::vector<std::string> out{"O"};
    const char* parts = "BILU";
    for (int t = 0; t < kNerTypes; ++t)
        for (int p = 0; p < 4; ++p) out.push_back(std::string(1, parts[p]) + "-" + kNerTypeNames[t]);
    return out;
}

int gaz_category(std::string_view n) {
    static const char* names[GAZ_COUNT] = {"NAME", "COUNTRY", "CITY", "REGION", "NATIONALITY",
                                           "COMPANY", "ORGSUFFIX", "ORGWORD", "TITLE", "LANGUAGE",
                                           "WIKI_ORG", "WIKI_LOC", "WIKI_INST"};
    for (int i = 0; i < GAZ_COUNT; ++i) if (n == names[i]) return i;
    return -1;
}

uint32_t ner_case_bucket(uint64_t lower_mid, uint64_t cap_mid) {
    const uint64_t n = lower_mid + cap_mid;
    if (n < 5) return 7;
    const double p = double(cap_mid) / double(n);
    return p < 0.01 ? 1 : p < 0.1 ? 2 : p < 0.5 ? 3 : p < 0.9 ? 4 : p < 0.99 ? 5 : 6;
}

namespace {

// Template ids. Feature set 2 dropped ten of set 1's templates (F_LM1L0, F_POSM1POS0, F_HEAD_*,
// F_INIT_*, F_LEN_SS0, F_T1L0, F_HIST_SS0, F_HIST_CTX) after drop-one ablations on CoNLL dev:
// retrained without them, dev F1 over five seeds averaged 90.73 against 90.53 with them. Their
// ids stay reserved so the others keep their hashes. Feature set 3 (issue 28) added the word
// clusters and case statistics of modern news (F_CL*, F_CASE*), which lists match together
// (F_GAZ_SET), the capitalised run a word is in (F_RUN, F_RUN_HEAD, F_BLOCK_HEAD) and a
// title-case line context; dev F1 by five seeds in tools/train-tagger/README.md.
enum : uint32_t {
    F_BIAS = 1, F_W0, F_L0, F_LM1, F_LP1, F_LM2, F_LP2, F_WM1, F_WP1, F_LM1L0, F_L0LP1,
    F_SHAPE0, F_SS0, F_SSM1, F_SSP1, F_SS3, F_SSM2, F_SSP2, F_PRE, F_SUF,
    F_POS0, F_POSM1, F_POSP1, F_POSM1POS0, F_POS0POSP1, F_POS0SS0,
    F_HEAD_SS0, F_HEAD_L0, F_INIT_SS0, F_INIT_L0, F_LEN_SS0, F_FLAGS,
    F_GAZ, F_GAZ_CASE, F_GAZ_PREV, F_GAZ_NEXT,
    F_DOC_LOWER, F_DOC_CAPMID, F_DOC_RUN,
    F_CL, F_CL_PREV, F_CL_NEXT, F_CASE, F_CASE_PREV, F_CASE_NEXT,
    F_GAZ_SET, F_RUN, F_RUN_HEAD, F_BLOCK_HEAD,
    F_T1 = 80, F_T12, F_T1L0, F_T1SS0, F_HIST, F_HIST_SS0, F_T1POS0, F_HIST_CTX,
};

WordInfo pad_info(uint64_t seed) {
    WordInfo w;
    w.word = w.lower = w.shape = w.short_shape = seed;
    for (int k = 0; k < kMaxAffix; ++k) w.prefix[k] = w.suffix[k] = seed + uint64_t(k) + 1;
    return w;
}
const WordInfo kBefore = pad_info(kPadBefore), kAfter = pad_info(kPadAfter);

enum : uint8_t { TF_INITIAL = 1, TF_HEADLINE = 2, TF_LAST = 4, TF_TITLE = 8 };

}  // namespace

void NerFeaturizer::begin(const NerDocument& doc) {
    doc_ = &doc;
    const size_t n = doc.tokens.size();
    info_.resize(n);
    gaz_code_.assign(n, 0);
    cluster_.assign(n, 0);
    tok_flags_.assign(n, 0);
    run_len_.assign(n, 0);
    run_at_.assign(n, 0);
    doc_word_.assign(n, 0);
    doc_words_.clear();
    // The document's distinct words: an open-addressing table over their lowercase hashes
    // (index1 = doc word index + 1, 0 = empty), doubled when half full.
    word_slots_.assign(1024, WordSlot{});
    auto slot_of = [this](uint64_t lower) {
        const size_t mask = word_slots_.size() - 1;
        size_t i = size_t(mix64(lower)) & mask;
        while (word_slots_[i].index1 && word_slots_[i].lower != lower) i = (i + 1) & mask;
        return i;
    };
    for (size_t t = 0; t < n; ++t) compute_word_info(doc.tokens[t], info_[t]);

    std::vector<uint8_t> best;   // per token x category: longest match length covering it
    for (size_t s = 0; s < doc.sentence_count(); ++s) {
        const size_t b = doc.sentence_start[s], e = doc.sentence_end(s);
        if (b >= e) continue;
        bool any_letter = false, any_lower = false;
        size_t words = 0, capitalised = 0, long_lower = 0;
        for (size_t t = b; t < e; ++t) {
            const uint32_t fl = info_[t].flags;
            if (fl & kHasLetter) { any_letter = true; ++words; }
            if (fl & kHasLower) any_lower = true;
            if (fl & (kInitCap | kAllCaps)) ++capitalised;
            else if (fl & kHasLower && info_[t].length >= 4) ++long_lower;
        }
        const bool headline = any_letter && !any_lower;
        // A title-case line ("Mexico Cuts Ties With Ecuador"): capitals say little there either.
        const bool title = !headline && words >= 3 && long_lower == 0 && 3 * capitalised >= 2 * words;
        for (size_t t = b; t < e; ++t)
            tok_flags_[t] = uint8_t((t == b ? TF_INITIAL : 0) | (headline ? TF_HEADLINE : 0) | (title ? TF_TITLE : 0) | (t + 1 == e ? TF_LAST : 0));
        // Runs of capitalised words, joined by the lowercase words names have inside them
        // ("Vienna Convention on Diplomatic Relations", "Bank of England"): how long the
        // name a word may open or continue is.
        {
            auto capital = [&](size_t t) { return (info_[t].flags & (kInitCap | kAllCaps)) != 0; };
            auto joiner = [&](size_t t) {
                static const uint64_t kJoin[] = {lower_hash("of"), lower_hash("on"), lower_hash("the"), lower_hash("and"), lower_hash("for"),
                                                 lower_hash("de"), lower_hash("la"), lower_hash("del"), lower_hash("van"), lower_hash("von"), lower_hash("&")};
                if (info_[t].flags & (kInitCap | kAllCaps)) return false;
                for (uint64_t j : kJoin) if (info_[t].lower == j) return true;
                return false;
            };
            for (size_t t = b; t < e;) {
                if (!capital(t)) { ++t; continue; }
                size_t end = t + 1;
                for (;;) {
                    if (end < e && capital(end)) { ++end; continue; }
                    if (end + 1 < e && joiner(end) && capital(end + 1)) { end += 2; continue; }
                    break;
                }
                const size_t len = std::min<size_t>(end - t, 250);
                for (size_t k = t; k < end; ++k) { run_len_[k] = uint8_t(len); run_at_[k] = uint8_t(std::min<size_t>(k - t, 250)); }
                t = end;
            }
        }
        // Gazetteer: longest phrase per category covering each token.
        if (gaz_) {
            best.assign((e - b) * GAZ_COUNT, 0);
            const bool prefix_marks = gaz_->value_bits & kGazContinues;
            for (size_t st = b; st < e; ++st) {
                if (!(info_[st].flags & (kHasLetter | kHasDigit))) continue;
                uint64_t h = kPhraseSeed;
                for (size_t L = 1; L <= kGazMaxTokens && st + L <= e; ++L) {
                    h = phrase_step(h, info_[st + L - 1].lower);
                    uint32_t v = gaz_->find(h, 0);
                    if (!v && prefix_marks) break;   // neither a phrase nor the start of one
                    if (!v) continue;
                    for (int c = 0; c < GAZ_COUNT; ++c) {
                        if (!(v & (1u << c))) continue;
                        for (size_t k = 0; k < L; ++k) {
                            size_t t = st + k;
                            uint8_t& bl = best[(t - b) * GAZ_COUNT + size_t(c)];
                            if (L < bl) continue;
                            bl = uint8_t(L);
                            uint64_t code = L == 1 ? 4 : k == 0 ? 1 : k + 1 == L ? 3 : 2;
                            uint64_t& g = gaz_code_[t];
                            g = (g & ~(uint64_t(7) << (3 * c))) | (code << (3 * c));
                        }
                    }
                }
            }
        }
        if (clusters_) for (size_t t = b; t < e; ++t) cluster_[t] = clusters_->find(info_[t].lower, 0);
        // Document statistics: how each word is written elsewhere.
        for (size_t t = b; t < e; ++t) {
            const WordInfo& w = info_[t];
            if (!(w.flags & kHasLetter)) continue;
            size_t slot = slot_of(w.lower);
            if (!word_slots_[slot].index1) {
                if (2 * (doc_words_.size() + 1) > word_slots_.size()) {
                    std::vector<WordSlot> old(word_slots_.size() * 2);
                    old.swap(word_slots_);
                    for (const WordSlot& o : old) if (o.index1) word_slots_[slot_of(o.lower)] = o;
                    slot = slot_of(w.lower);
                }
                word_slots_[slot] = WordSlot{w.lower, uint32_t(doc_words_.size()) + 1};
                doc_words_.push_back(DocWord{});
            }
            const uint32_t idx = word_slots_[slot].index1 - 1;
            doc_word_[t] = idx;
            DocWord& d = doc_words_[idx];
            auto inc = [](uint16_t& v) { if (v < 65535) ++v; };
            if (!(w.flags & (kInitCap | kAllCaps)) && (w.flags & kHasLower)) inc(d.lower);
            if (headline || title) continue;
            bool cap = (w.flags & kInitCap) != 0;
            if (cap && t != b) inc(d.cap_mid);
            if (cap) {
                bool prev_cap = t > b && (info_[t - 1].flags & kInitCap);
                bool next_cap = t + 1 < e && (info_[t + 1].flags & kInitCap);
                if (prev_cap && next_cap) inc(d.run_inner);
                else if (prev_cap) inc(d.run_last);
                else if (next_cap && t != b) inc(d.run_first);
            }
        }
    }
    history_.assign(doc_words_.size(), std::array<uint16_t, kNerTypes>{});
}

void NerFeaturizer::record(size_t t, int label) {
    if (!(info_[t].flags & kHasLetter)) return;
    int type = ner_type(label);
    if (type < 0) return;
    auto& h = history_[doc_word_[t]];
    if (h[size_t(type)] < 65535) ++h[size_t(type)];
}

size_t NerFeaturizer::features(size_t t, int prev1, int prev2, uint64_t* f, size_t* word_features) const {
    const NerDocument& doc = *doc_;
    const uint8_t tf = tok_flags_[t];
    const bool initial = tf & TF_INITIAL, last = tf & TF_LAST;
    const bool headline = tf & TF_HEADLINE;
    // Window within the sentence.
    size_t to_b = 0;   // tokens before t in its sentence (up to 2)
    if (!initial) { to_b = 1; if (t >= 2 && !(tok_flags_[t - 1] & TF_INITIAL)) to_b = 2; }
    size_t to_e = 0;
    if (!last) { to_e = 1; if (!(tok_flags_[t + 1] & TF_LAST)) to_e = 2; }
    auto at = [&](int d) -> const WordInfo& {
        if (d < 0 && size_t(-d) > to_b) return kBefore;
        if (d > 0 && size_t(d) > to_e) return kAfter;
        return info_[size_t(long(t) + d)];
    };
    auto pos_at = [&](int d) -> uint64_t {
        if (d < 0 && size_t(-d) > to_b) return kPadBefore;
        if (d > 0 && size_t(d) > to_e) return kPadAfter;
        return doc.pos[size_t(long(t) + d)];
    };
    const WordInfo& c = info_[t];
    const WordInfo &m1 = at(-1), &m2 = at(-2), &p1 = at(1), &p2 = at(2);
    // Where capitals say less: sentence-initial, an all-caps headline, a title-case line.
    const uint64_t ctx = (initial ? 1 : 0) | (headline ? 2 : (tf & TF_TITLE) ? 4 : 0);
    const uint64_t cap = c.flags & (kInitCap | kAllCaps);
    size_t k = 0;
    // The word alone first (*word_features of them): decoding caches their sum per word.
    f[k++] = feat(F_BIAS);
    f[k++] = feat(F_W0, c.word);
    f[k++] = feat(F_L0, c.lower);
    f[k++] = feat(F_SHAPE0, c.shape);
    f[k++] = feat(F_SS0, c.short_shape);
    for (int a = 0; a < kMaxAffix; ++a) {
        if (c.prefix[a]) f[k++] = feat(F_PRE, c.prefix[a]);
        if (c.suffix[a]) f[k++] = feat(F_SUF, c.suffix[a]);
    }
    // Word clusters: the path and its prefixes (coarser clusters).
    const uint32_t cv = cluster_[t], path = word_cluster_path(cv);
    if (path) {
        const int len = 31 - __builtin_clz(path);
        f[k++] = feat(F_CL, path);
        for (int bits : {4, 6, 8, 10})
            if (len > bits) f[k++] = feat(F_CL, uint64_t(bits) << 32 | (path >> (len - bits)));
    }
    if (word_features) *word_features = k;
    // Its context.
    f[k++] = feat(F_LM1, m1.lower);
    f[k++] = feat(F_LP1, p1.lower);
    f[k++] = feat(F_LM2, m2.lower);
    f[k++] = feat(F_LP2, p2.lower);
    f[k++] = feat(F_WM1, m1.word);
    f[k++] = feat(F_WP1, p1.word);
    f[k++] = feat(F_L0LP1, c.lower, p1.lower);
    f[k++] = feat(F_SSM1, m1.short_shape);
    f[k++] = feat(F_SSP1, p1.short_shape);
    f[k++] = feat(F_SS3, m1.short_shape, c.short_shape, p1.short_shape);
    f[k++] = feat(F_SSM2, m2.short_shape);
    f[k++] = feat(F_SSP2, p2.short_shape);
    const uint64_t pos0 = pos_at(0), posm1 = pos_at(-1), posp1 = pos_at(1);
    f[k++] = feat(F_POS0, pos0);
    f[k++] = feat(F_POSM1, posm1);
    f[k++] = feat(F_POSP1, posp1);
    f[k++] = feat(F_POS0POSP1, pos0, posp1);
    f[k++] = feat(F_POS0SS0, pos0, c.short_shape);
    if (run_len_[t] && !(tf & (TF_HEADLINE | TF_TITLE))) {
        const uint64_t len = std::min<uint64_t>(run_len_[t], 6), at = std::min<uint64_t>(run_at_[t], 3);
        f[k++] = feat(F_RUN, len, at | uint64_t(run_at_[t] + 1 == run_len_[t]) << 4, initial);
        // The run's last word, which usually says what kind of name it is ("... Ministry",
        // "... Convention", "... River").
        if (run_len_[t] > 1) f[k++] = feat(F_RUN_HEAD, info_[t - run_at_[t] + run_len_[t] - 1].lower, run_at_[t] == 0);
        // ... and the last capitalised word before the first "of", "on" of it ("Bank" of England,
        // "Convention" on Diplomatic Relations).
        size_t h = t;
        while (h + 1 < t - run_at_[t] + run_len_[t] && h < t + 6 && (info_[h + 1].flags & (kInitCap | kAllCaps))) ++h;
        if (h > t) f[k++] = feat(F_BLOCK_HEAD, info_[h].lower, run_at_[t] == 0);
    }
    f[k++] = feat(F_FLAGS, c.flags & (kInitCap | kAllCaps | kHasDigit | kHasHyphen | kHasPeriod | kMixedCaps | kNonAscii | kHasApos), ctx);
    // Gazetteers.
    auto gaz_feats = [&](uint64_t code, uint32_t tmpl, bool with_case) {
        for (int g = 0; g < GAZ_COUNT && code; ++g) {
            uint64_t v = (code >> (3 * g)) & 7u;
            if (!v || k + 2 >= kNerMaxFeatures - 24) continue;   // room for the features after these
            f[k++] = feat(tmpl, uint64_t(g), v);
            if (with_case) f[k++] = feat(F_GAZ_CASE, uint64_t(g), v, cap | (ctx << 8));
        }
    };
    gaz_feats(gaz_code_[t], F_GAZ, true);
    // Which lists match together ("Quito": a city and a name; "Jordan": a country and a name):
    // one feature for the combination, which the per-list weights cannot express.
    if (gaz_code_[t]) {
        uint64_t lists = 0;
        for (int g = 0; g < GAZ_COUNT; ++g) if ((gaz_code_[t] >> (3 * g)) & 7u) lists |= uint64_t(1) << g;
        if (lists & (lists - 1)) f[k++] = feat(F_GAZ_SET, lists, cap);
    }
    if (to_b) gaz_feats(gaz_code_[t - 1], F_GAZ_PREV, false);
    if (to_e) gaz_feats(gaz_code_[t + 1], F_GAZ_NEXT, false);
    // How modern news writes this word and its neighbours (against how they are written here),
    // and its neighbours' clusters.
    if (clusters_) {
        const uint64_t capstate = (c.flags & kAllCaps) ? 2 : (c.flags & kInitCap) ? 1 : 0;
        f[k++] = feat(F_CASE, word_case_bucket(cv), capstate, ctx);
        f[k++] = feat(F_CASE_PREV, to_b ? word_case_bucket(cluster_[t - 1]) : 8, capstate);
        f[k++] = feat(F_CASE_NEXT, to_e ? word_case_bucket(cluster_[t + 1]) : 8, capstate);
        auto prefix8 = [](uint32_t v) -> uint64_t {
            const uint32_t p = word_cluster_path(v);
            if (!p) return 0;
            const int len = 31 - __builtin_clz(p);
            return len > 8 ? p >> (len - 8) : p;
        };
        f[k++] = feat(F_CL_PREV, to_b ? prefix8(cluster_[t - 1]) : 0xFFFF);
        f[k++] = feat(F_CL_NEXT, to_e ? prefix8(cluster_[t + 1]) : 0xFFFF);
    }
    // Document-level evidence about the same word.
    const bool letter = c.flags & kHasLetter;
    if (letter) {
        const DocWord& d = doc_words_[doc_word_[t]];
        f[k++] = feat(F_DOC_LOWER, d.lower > 0, cap, ctx);
        f[k++] = feat(F_DOC_CAPMID, d.cap_mid > 0 ? (d.cap_mid > 1 ? 2 : 1) : 0, cap, ctx);
        uint64_t run = (d.run_first > 0) | (d.run_last > 0) << 1 | (d.run_inner > 0) << 2;
        f[k++] = feat(F_DOC_RUN, run, cap);
    }
    // Decisions so far.
    const uint64_t t1 = uint64_t(prev1 + 2), t2 = uint64_t(prev2 + 2);
    f[k++] = feat(F_T1, t1);
    f[k++] = feat(F_T12, t1, t2);
    f[k++] = feat(F_T1SS0, t1, c.short_shape);
    f[k++] = feat(F_T1POS0, t1, pos0);
    if (letter) {
        const auto& h = history_[doc_word_[t]];
        int bt = -1; uint16_t bc = 0;
        for (int ty = 0; ty < kNerTypes; ++ty) if (h[size_t(ty)] > bc) { bc = h[size_t(ty)]; bt = ty; }
        if (bt >= 0) {
            f[k++] = feat(F_HIST, uint64_t(bt));
        }
    }
    return k;
}

void iob_to_bilou(const std::vector<std::string>& tags, bool iob1, std::vector<int>& out) {
    const size_t n = tags.size();
    out.assign(n, 0);
    std::vector<int> type(n, -1);
    std::vector<bool> begins(n, false);
    for (size_t i = 0; i < n; ++i) {
        const std::string& t = tags[i];
        if (t.size() < 3 || t == "O") continue;
        std::string_view ty = std::string_view(t).substr(2);
        for (int k = 0; k < kNerTypes; ++k) if (ty == kNerTypeNames[k]) type[i] = k;
        if (type[i] < 0) continue;
        bool b = t[0] == 'B';
        if (iob1 || t[0] == 'I') b = b || i == 0 || type[i - 1] != type[i];
        begins[i] = b;
    }
    for (size_t i = 0; i < n; ++i) {
        if (type[i] < 0) continue;
        bool ends = i + 1 == n || type[i + 1] != type[i] || begins[i + 1];
        int part = begins[i] ? (ends ? 3 : 0) : (ends ? 2 : 1);
        out[i] = ner_label(type[i], part);
    }
}

void bilou_to_iob2(const int* labels, size_t n, std::vector<std::string>& out) {
    out.assign(n, "O");
    for (size_t i = 0; i < n; ++i) {
        int ty = ner_type(labels[i]);
        if (ty < 0) continue;
        int part = ner_part(labels[i]);
        out[i] = std::string(part == 0 || part == 3 ? "B-" : "I-") + kNerTypeNames[ty];
    }
}

}  // namespace ae::tagging
