// Stage 9 — events (see article_explorer/events.h for the rules in one place). The stage's parts:
//   events/words.h, lexicon.cpp   the word classes and the trigger lexicon, one look-up per token
//   events/doc.h, doc.cpp         the per-document view: word classes, coverage, noun chunks
//   events/clauses.h, clauses.cpp verb groups and a predicate's subject, object, PPs
//   events/finding.h              trigger matching, the Builder, EventFinding's state
//   triggers.cpp                  the sentence loop: verb and noun triggers
//   arguments.cpp                 arguments and their roles, polarity, modality
//   timeline.cpp                  after the loop: purpose clauses, time anchoring, timeline
#include "article_explorer/events.h"
#include "events/finding.h"

#include <algorithm>
#include <memory>

namespace ae {

EventFinding::EventFinding(Analysis& a) : a_(a) {
    a.events.clear();
    if (a.tokens.empty() || a.sentences.empty() || a.pos.size() != a.tokens.size()) return;
    impl_ = std::make_unique<Impl>(a);
}

EventFinding::~EventFinding() = default;

size_t EventFinding::sentence_count() const { return impl_ ? a_.sentences.size() : 0; }

void EventFinding::find(size_t first_sentence, size_t end_sentence) {
    if (impl_) impl_->find(first_sentence, std::min(end_sentence, a_.sentences.size()));
}

void EventFinding::finish() {
    if (impl_) impl_->finish();
    impl_.reset();
}

void find_events(Analysis& a) {
    EventFinding f(a);
    f.find(0, f.sentence_count());
    f.finish();
}

}  // namespace ae
