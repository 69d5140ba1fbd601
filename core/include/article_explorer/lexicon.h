// The word lists of assets/lexicons/*.txt, compiled into the core (core/lexicons.cmake), and the
// one reader of their format: tab-separated fields, `#` comment lines, blank lines skipped.
#pragma once
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace ae {

// name = file name without .txt; empty when there is no such list.
std::string_view builtin_lexicon(std::string_view name);

// Calls f(fields) for every line that is neither blank nor a `#` comment; fields are the line's
// tab-separated parts (a trailing CR dropped). The vector is reused from line to line.
template <class F>
void for_each_lexicon_line(std::string_view text, F f) {
    std::vector<std::string_view> fields;
    size_t p = 0;
    while (p < text.size()) {
        size_t nl = text.find('\n', p);
        if (nl == std::string_view::npos) nl = text.size();
        std::string_view line = text.substr(p, nl - p);
        p = nl + 1;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line[0] == '#') continue;
        fields.clear();
        for (size_t a = 0;;) {
            size_t tab = line.find('\t', a);
            fields.push_back(line.substr(a, tab == std::string_view::npos ? std::string_view::npos : tab - a));
            if (tab == std::string_view::npos) break;
            a = tab + 1;
        }
        f(fields);
    }
}

// Fields of a flags column: calls f(flag) for every space-separated word of s.
template <class F>
void for_each_flag(std::string_view s, F f) {
    for (size_t a = 0; a < s.size();) {
        size_t sp = s.find(' ', a);
        if (sp == std::string_view::npos) sp = s.size();
        if (sp > a) f(s.substr(a, sp - a));
        a = sp + 1;
    }
}

// ---- The lists several stages read, each parsed once on first use (core/src/lexicon). Look-ups
// take the lower-case word and return nullptr / 0 for a word the list does not have.

// calendar.txt: month and weekday names.
enum : uint8_t { CAL_ABBR = 1, CAL_WORD = 2, CAL_AMBIGUOUS = 4, CAL_NAME = 8 };
struct CalendarWord {
    uint8_t month = 0;     // 1..12, 0 = no month
    uint8_t weekday = 0;   // 1 (Monday)..7, 0 = no weekday
    uint8_t flags = 0;     // CAL_*
};
const CalendarWord* calendar_word(std::string_view lower);

// person-roles.txt and title-words.txt: the words of a person's title.
enum : uint16_t {
    TITLE_ROLE = 1,        // a line of person-roles.txt (the entity stage's role words)
    TITLE_ADDRESS = 2, TITLE_NOT_TITLE = 4, TITLE_RANK = 8, TITLE_SURNAME = 16, TITLE_MODIFIER = 32,
    TITLE_FIELD = 64, TITLE_NER = 128, TITLE_VALUES = 256,
};
struct TitleWord {
    uint16_t flags = 0;    // TITLE_*
    char gender = '-';     // a role's: 'm' | 'f' | '-'
};
const TitleWord* title_word(std::string_view lower);
inline uint16_t title_flags(std::string_view lower) { const TitleWord* t = title_word(lower); return t ? t->flags : 0; }

// abbreviations.txt, and calendar.txt's short forms: where a word's final period stays on it.
enum : uint8_t { ABBR_TOKENS = 1, ABBR_NUMBER = 2, ABBR_VALUES = 4, ABBR_TITLE = 8 };
uint8_t abbreviation_flags(std::string_view lower);   // word without its period

// speech-cues.txt's flags beside the cue classes (which CueLexicon::parse reads, quotes.h).
enum : uint8_t { SPEECH_ADDRESSEE = 1, SPEECH_REPORT = 2, SPEECH_SPEAKER_BEFORE = 4, SPEECH_SPEAKER_AFTER = 8 };
uint8_t speech_flags(std::string_view lower);

// pronouns.txt: a personal pronoun's gender, 'm' | 'f'; 0 for any other word.
char pronoun_gender(std::string_view lower);
// Calls f(word) for every pronoun of the list (for a stage's table that joins several lists).
void for_each_pronoun(const std::function<void(std::string_view)>& f);

}  // namespace ae
