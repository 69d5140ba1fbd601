// The events stage's clause analysis (internal): verb groups (auxiliaries, tense, voice,
// negation, modality) and a predicate's subject, object and prepositional phrases, from the
// dependency parse when there is one and from chunk heuristics otherwise.
#pragma once
#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "events/doc.h"

namespace ae::events {

struct VGroup {
    int start = 0;           // first token of the group (aux, modal, adverbs, `to`)
    bool passive = false, reduced = false, infinitive = false, finite = false, past = false;
    bool neg = false, future = false, possible = false;
    int to = -1;             // the `to` of an infinitive
};

VGroup verb_group(const Doc& d, int v, int sfirst);

struct Clause {   // what the heuristics found for one predicate
    std::vector<int> subj;     // chunk indices (coordinated)
    std::vector<int> obj;
    struct PP { int prep; int chunk; };
    std::vector<PP> pps;
};

// deprel_universal of every relation id, computed once (the relation names are compiled in).
std::string_view universal_rel(uint8_t id);
// A clause boundary at i: ; : ( ), a quote mark, a subordinator, a wh-word.
bool is_boundary(const Doc& d, int i);

class Analyzer {
public:
    explicit Analyzer(const Doc& d);

    std::vector<int> dependents(int v, std::string_view rel, int depth = 0) const;

    const Sentence& sentence_of(int i) const { return d_.a.sentences[d_.sent[i]]; }
    int sfirst(int i) const { return int(sentence_of(i).first_token); }
    int send(int i) const { const Sentence& S = sentence_of(i); return int(S.first_token + S.token_count); }

    // the verb that heads the group ending at or after i (skips following verbs of the same group)
    bool is_group_head(int v) const {
        if (!d_.verb(v) || d_.chunk[v] >= 0) return false;
        int e = send(v);
        int k = v + 1;
        while (k < e && (d_.f[k] & F_RB)) ++k;
        if (k < e && d_.verb(k) && d_.chunk[k] < 0 && ((d_.wb[v] & (W_BE)) || (d_.wb[v] & (W_HAVE)) || (d_.wb[v] & (W_DO)) || (d_.wb[v] & (W_GET))))
            return false;   // an auxiliary
        return true;
    }

    int prev_verb(int before, int sf) const {
        sf = std::max(sf, before - 80);   // bounded: linear time on run-on "sentences"
        for (int k = before - 1; k >= sf; --k)
            if (is_group_head(k)) return k;
        return -1;
    }

    std::vector<int> coordinated(int c, int limit) const;

    std::vector<int> subject(int v);

    std::vector<int> object(int v, int after) const;

    std::vector<Clause::PP> pps(int from, int e) const;

private:
    std::vector<int> subject_impl(int v);

    const Doc& d_;
    std::unordered_map<int, std::vector<int>> subj_memo_;
    std::vector<int> child_start_, children_;
};

}  // namespace ae::events
