// The events stage's finder (internal): trigger matching, the Builder that makes events and their
// arguments, and EventFinding's state. Where each part is: triggers.cpp (the sentence loop:
// verb and noun triggers), arguments.cpp (arguments, their roles, polarity and modality),
// timeline.cpp (what is done once all sentences are: purpose clauses, time anchoring, timeline).
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "article_explorer/events.h"
#include "article_explorer/quotes.h"
#include "events/clauses.h"
#include "events/doc.h"
#include "events/trigger_model.h"

namespace ae {
namespace events {

struct Match { int entry = -1; int end = -1; int skip_from = -1; bool words = false; };

// Does entry e's `needs` hold for trigger token t? `end` = last token consumed (Words).
Match check_needs(const Doc& d, const TriggerLexicon::Entry& e, int t, int sf, int se);
// The entry of `ids` whose needs hold best at t (words > preposition or nearby word > none).
Match best_entry(const Doc& d, const std::vector<uint32_t>& ids, int t, int sf, int se);

// The class of an event type: "Conflict" of "Conflict.Attack".
inline std::string_view type_class(std::string_view type) { return type.substr(0, type.find('.')); }

// Makes events and their arguments (arguments.cpp). Views and string_view literals: no
// std::string temporaries, no strlen per comparison.
struct Builder {
    Analysis& a;
    Doc& d;
    Analyzer& an;
    const CueLexicon& cues;
    std::vector<int> person_mentions;   // first tokens of PERSON mentions, in order
    std::vector<char> speech_cue;       // per token: a speech-cue verb
    std::vector<std::pair<int, std::string>> role_people;   // PERSON entities with a role (lower case), at most 256

    EventArgument arg_from_chunk(int c, std::string_view role) const { return arg_from(d.chunks[c], role); }
    EventArgument arg_from(const Chunk& C, std::string_view role) const;

    std::string_view pp_role(std::string_view prep, std::string_view type, int c, bool passive) const;

    void add(Event& ev, const EventArgument& arg);
    bool has_role(const Event& ev, std::string_view role) const;

    void set_modality(Event& ev, int t, const VGroup* g);

    Event make(std::string_view type, int first, int last, int sentence);
};

}  // namespace events

// find_events as a stateful object, so AnalysisJob can run its sentence loop in slices.
struct EventFinding::Impl {
    Analysis& a;
    const TriggerLexicon& L;
    ae::events::Doc d;
    ae::events::Analyzer an;
    ae::events::Builder b;
    std::vector<Event> events;
    std::vector<int> ev_tok;              // trigger token of each event
    std::vector<char> consumed;           // tokens inside a multi-word trigger
    const tagging::LinearModel* detector = nullptr;   // the learned trigger detector (null: rules alone)
    std::vector<char> quote_cue;          // per token: inside the cue of a direct quote (`said` after it)
    events::TriggerTokens tt;             // the detector's per-sentence buffer, from token tt_first
    int tt_first = 0;
    // Does the detector call token t (of tt's sentence) an event mention? Asked only where the
    // trigger lexicon does not type the word, so most tokens are never scored.
    bool detects(int t) const {
        return detector && tt.candidate[size_t(t - tt_first)] && events::detect_trigger(*detector, tt, size_t(t - tt_first));
    }

    explicit Impl(Analysis& a_);

    // the sentence loop (triggers.cpp)
    void find(size_t first_sentence, size_t end_sentence);
    void verb_event(int t, int s, int sf, int se);
    std::vector<events::Chunk> object_before_needs(int t, const events::Match& m) const;
    bool other_action(int t, const events::VGroup& g, int after, int se, const std::vector<int>& subj, std::vector<int>& obj);
    void verb_arguments(Event& ev, int t, int sf, int se, const events::VGroup& g, std::string_view type, int after,
                        const std::vector<int>& subj, const std::vector<int>& obj, const std::vector<events::Chunk>& mid);
    int relative_gap(int t, const events::VGroup& g, int sf, int se, const std::vector<int>& subj) const;
    void noun_event(int t, int s, int sf, int se);
    int light_verb(const events::Chunk& C, int sf, int se) const;
    void noun_modifiers(Event& ev, const events::Chunk& C, int t, std::string_view cls);

    // after the loop (timeline.cpp)
    void finish();
    void purpose_patients();
    void anchor_times();
    bool in_story(const Value& v) const;
    std::vector<int> week_days() const;
    int sentence_value(const Event& ev, int t, const std::vector<int>& values) const;
    bool past_event(int t) const;
    int nearest_day(const std::vector<std::pair<int, int>>& day_at, int sentence) const;
    void purpose_times();
    void number_and_order();
};

}  // namespace ae
