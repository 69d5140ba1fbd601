// The events stage's word classes (assets/lexicons/event-words.txt, pronouns.txt) and the one
// look-up per token that joins them with the trigger and cue lexicons (internal).
#pragma once
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "article_explorer/events.h"
#include "article_explorer/quotes.h"

namespace ae::events {

enum : uint32_t {
    W_BE = 1u << 0,
    W_HAVE = 1u << 1,
    W_DO = 1u << 2,
    W_GET = 1u << 3,
    W_NEG = 1u << 4,
    W_SUBORDINATOR = 1u << 5,
    W_LIGHT_VERB = 1u << 6,
    W_EXPERIENCER_LIGHT = 1u << 7,
    W_CARRIER_PARTICIPLE = 1u << 8,
    W_OBJECT_CONTROL = 1u << 9,
    W_FUTURE_MATRIX = 1u << 10,
    W_NEGATIVE_MATRIX = 1u << 11,
    W_NON_EVENT = 1u << 12,
    W_VEHICLE = 1u << 13,
    W_QUANTITY_NOUN = 1u << 14,
    W_PERSONAL_PRONOUN = 1u << 15,   // pronouns.txt
    W_NON_ACTION = 1u << 16,
    W_BOUNDARY_PUNCT = 1u << 17,     // ; : ( )
};

// event-words.txt's classes as one bit each (W_*, with pronouns.txt's words and the clause
// boundary marks), and the unaccusative stems.
struct EventWords {
    std::unordered_map<std::string_view, uint32_t> bits;
    std::vector<std::string_view> unaccusative;
};
const EventWords& event_words();
uint32_t word_bits(std::string_view lower);   // W_* of a lower-case word, 0 = none

// Intransitive verbs whose subject undergoes the event (PropBank Arg1): "the jet crashed".
bool is_unaccusative(std::string_view lower);

// What the lexicons say about one lower-case word: its word_bits, trigger entries and speech cue.
struct WordLex {
    uint32_t bits = 0;
    const std::vector<uint32_t>* verb_ids = nullptr;   // TriggerLexicon::verb_forms entry
    const std::vector<uint32_t>* noun_ids = nullptr;   // TriggerLexicon::noun_forms entry
    const CueLexicon::Entry* cue = nullptr;            // CueLexicon::words entry
};
// All of a token's lexicon look-ups in one hash look-up (the keys point into the static lexicons).
const WordLex& word_lex(std::string_view lower);

}  // namespace ae::events
