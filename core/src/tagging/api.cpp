// The public tagging API (article_explorer/tagger.h) over the embedded models.
#include "article_explorer/tagger.h"

#include "article_explorer/diagnostics.h"
#include "article_explorer/lexicon.h"
#include "model/word_info.h"
#include "models.h"
#include "ner.h"
#include "pos.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>

namespace ae {

using namespace ae::tagging;

namespace {

// Title words that are not part of a name span (lowercase, normalised): person-roles.txt and
// title-words.txt, flag `ner`.
bool is_title_word(std::string_view tok) {
    char buf[64];
    size_t n = normalise_lower(tok, buf, sizeof buf);
    return title_flags(std::string_view(buf, n)) & TITLE_NER;
}

const char* entity_type_name(int type) {
    switch (type) {
        case 0: return "PERSON";
        case 1: return "LOCATION";
        case 2: return "ORGANIZATION";
        default: return "MISC";
    }
}

// Tags one sentence of POS for a document (token views) into tag ids.
void pos_sentence(const Models& m, const std::string_view* toks, size_t n, int* out, PosScratch& s) {
    pos_tag_sentence(m.pos.model, toks, n, out, s);
}

}  // namespace

int news_case_bucket(std::string_view word) {
    const auto* words = models().words;
    const Lexicon* clusters = words && words->ok ? words->model.lexicon("clusters") : nullptr;
    if (!clusters) return 0;
    WordInfo wi;
    compute_word_info(word, wi);
    const uint32_t v = clusters->find(wi.lower, 0);
    return v ? int(word_case_bucket(v)) : 0;
}

const std::vector<std::string>& pos_tag_names() {
    static const std::vector<std::string> empty;
    const Models& m = models();
    return m.pos.ok ? m.pos.model.classes : empty;
}

std::string_view pos_tag_name(uint8_t id) {
    const auto& names = pos_tag_names();
    return id < names.size() ? std::string_view(names[id]) : std::string_view();
}

void tag_pos(Analysis& a) {
    a.pos.assign(a.tokens.size(), 0);
    tag_pos(a, 0, a.sentences.size());
}

void tag_pos(Analysis& a, size_t first_sentence, size_t end_sentence) {
    const Models& m = models();
    if (a.pos.size() != a.tokens.size()) a.pos.assign(a.tokens.size(), 0);
    if (!m.pos.ok) { add_diagnostic(a, DiagnosticCode::ModelMissing, "POS tagger unavailable: " + m.pos.error); return; }
    // Per thread, not per call: the pipeline tags 8 sentences per call.
    thread_local PosScratch scratch;
    thread_local std::vector<std::string_view> toks;
    thread_local std::vector<int> out;
    end_sentence = std::min(end_sentence, a.sentences.size());
    for (size_t si = first_sentence; si < end_sentence; ++si) {
        const Sentence& s = a.sentences[si];
        if (s.token_count == 0 || s.first_token + s.token_count > a.tokens.size()) continue;
        toks.clear();
        for (uint32_t i = 0; i < s.token_count; ++i) toks.push_back(a.token_text(a.tokens[s.first_token + i]));
        out.resize(toks.size());
        pos_sentence(m, toks.data(), toks.size(), out.data(), scratch);
        for (uint32_t i = 0; i < s.token_count; ++i) a.pos[s.first_token + i] = uint8_t(out[i]);
    }
}

struct EntityTagging::Impl {
    NerDocument doc;
    std::vector<uint32_t> token_of;      // doc token -> analysis token
    NerFeaturizer fz;
    NerScratch scratch;
    std::vector<int> labels;
    bool ok = false;
    Impl(const LinearModel& model) : fz(model.lexicon("gaz"), model.lexicon("clusters")) {}
};

EntityTagging::EntityTagging(Analysis& a) {
    const Models& m = models();
    if (!m.ner.ok) { add_diagnostic(a, DiagnosticCode::ModelMissing, "NER model unavailable: " + m.ner.error); return; }
    if (a.pos.size() != a.tokens.size()) tag_pos(a);
    impl_ = std::make_unique<Impl>(m.ner.model);
    // The story text (boilerplate paragraphs skipped) as one document.
    NerDocument& doc = impl_->doc;
    for (const Sentence& s : a.sentences) {
        if (s.token_count == 0 || s.first_token + s.token_count > a.tokens.size()) continue;
        if (s.paragraph < a.paragraphs.size() && a.paragraphs[s.paragraph].boilerplate) continue;
        doc.sentence_start.push_back(uint32_t(doc.tokens.size()));
        for (uint32_t i = 0; i < s.token_count; ++i) {
            uint32_t ti = s.first_token + i;
            doc.tokens.push_back(a.token_text(a.tokens[ti]));
            uint8_t p = a.pos[ti];
            doc.pos.push_back(m.pos.ok && p < m.pos_name_hash.size() ? m.pos_name_hash[p] : 0);
            impl_->token_of.push_back(ti);
        }
    }
    impl_->fz.begin(doc);
}

EntityTagging::~EntityTagging() = default;

size_t EntityTagging::sentence_count() const { return impl_ ? impl_->doc.sentence_count() : 0; }

void EntityTagging::tag(Analysis& a, size_t first_sentence, size_t end_sentence) {
    if (!impl_) return;
    const LinearModel& model = models().ner.model;
    const NerDocument& doc = impl_->doc;
    const std::vector<uint32_t>& token_of = impl_->token_of;
    std::vector<int>& labels = impl_->labels;
    size_t next_id = a.entities.size() + 1;
    end_sentence = std::min(end_sentence, doc.sentence_count());
    // Tags a one-token name never has: interjections ("Hello."), possessive pronouns and
    // determiners ("Our members...", "This..."), capitalised like names at a sentence start.
    // Once: the pipeline tags 8 sentences per call.
    static const std::vector<bool> never_alone = [] {
        const std::vector<std::string>& pos_names = pos_tag_names();
        std::vector<bool> v(pos_names.size(), false);
        for (size_t i = 0; i < pos_names.size(); ++i)
            v[i] = pos_names[i] == "UH" || pos_names[i] == "PRP$" || pos_names[i] == "WP$" || pos_names[i] == "DT";
        return v;
    }();
    for (size_t s = first_sentence; s < end_sentence; ++s) {
        const size_t b = doc.sentence_start[s], e = doc.sentence_end(s);
        labels.resize(e - b);
        ner_tag_sentence(model, impl_->fz, doc, s, labels.data(), impl_->scratch);
        for (size_t i = 0; i < labels.size(); ++i) {
            int part = ner_part(labels[i]);
            if (part != 0 && part != 3) continue;
            size_t j = i;
            if (part == 0) while (j + 1 < labels.size() && ner_part(labels[j]) != 2) ++j;
            int type = ner_type(labels[i]);
            // Clean the span: no leading titles or punctuation, no trailing punctuation.
            size_t first = b + i, last = b + j;
            while (first < last && is_title_word(doc.tokens[first])) ++first;
            auto punct = [&](size_t t) {
                WordInfo w; compute_word_info(doc.tokens[t], w);
                return (w.flags & kPunctOnly) != 0;
            };
            while (first <= last && punct(first)) ++first;
            while (last > first && (punct(last) || doc.tokens[last] == "'s" || doc.tokens[last] == "\xE2\x80\x99s")) --last;
            i = j;
            if (first > last || punct(first)) continue;
            if (first == last && a.pos[token_of[first]] < never_alone.size() && never_alone[a.pos[token_of[first]]]) continue;
            const Token& t0 = a.tokens[token_of[first]];
            const Token& t1 = a.tokens[token_of[last]];
            Entity ent;
            ent.id = "e" + std::to_string(next_id++);
            ent.type = entity_type_name(type);
            ent.canonical = std::string(a.slice(t0.start, t1.end));
            ent.mentions.push_back(Mention{t0.start, t1.end, "name"});
            a.entities.push_back(std::move(ent));
        }
    }
}

void tag_entities(Analysis& a) {
    EntityTagging t(a);
    t.tag(a, 0, t.sentence_count());
}

std::vector<std::vector<std::string>> ner_conll(const std::vector<std::vector<std::string>>& sentences,
                                                const std::vector<size_t>& doc_starts) {
    std::vector<std::vector<std::string>> out(sentences.size());
    for (size_t s = 0; s < sentences.size(); ++s) out[s].assign(sentences[s].size(), "O");
    const Models& m = models();
    if (!m.ner.ok) return out;
    std::vector<size_t> starts = doc_starts;
    if (starts.empty() || starts[0] != 0) starts.insert(starts.begin(), 0);
    std::sort(starts.begin(), starts.end());
    starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
    const LinearModel& model = m.ner.model;
    NerFeaturizer fz(model.lexicon("gaz"), model.lexicon("clusters"));
    PosScratch ps;
    NerScratch ns;
    NerDocument doc;
    std::vector<int> tags, labels;
    std::vector<std::string> iob;
    for (size_t d = 0; d < starts.size(); ++d) {
        size_t sb = starts[d], se = d + 1 < starts.size() ? starts[d + 1] : sentences.size();
        if (sb >= sentences.size()) break;
        doc.clear();
        for (size_t s = sb; s < se; ++s) {
            doc.sentence_start.push_back(uint32_t(doc.tokens.size()));
            size_t first = doc.tokens.size();
            for (auto& t : sentences[s]) doc.tokens.push_back(t);
            tags.resize(sentences[s].size());
            if (m.pos.ok && !tags.empty()) pos_sentence(m, doc.tokens.data() + first, tags.size(), tags.data(), ps);
            for (size_t i = 0; i < tags.size(); ++i) doc.pos.push_back(m.pos.ok ? m.pos_name_hash[size_t(tags[i])] : 0);
        }
        fz.begin(doc);
        for (size_t s = sb; s < se; ++s) {
            labels.resize(sentences[s].size());
            if (labels.empty()) continue;
            ner_tag_sentence(model, fz, doc, s - sb, labels.data(), ns);
            bilou_to_iob2(labels.data(), labels.size(), iob);
            out[s] = iob;
        }
    }
    return out;
}

}  // namespace ae
