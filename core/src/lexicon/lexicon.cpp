// The word lists several stages read (article_explorer/lexicon.h): each file parsed once, into
// a flat table whose keys point into the compiled-in text.
#include "article_explorer/lexicon.h"

#include "text/word_table.h"

namespace ae {

namespace {

uint8_t to_uint8(std::string_view s) {
    unsigned v = 0;
    for (char c : s) if (c >= '0' && c <= '9') v = v * 10 + unsigned(c - '0');
    return uint8_t(v);
}

const WordTable<CalendarWord>& calendar_table() {
    static const WordTable<CalendarWord> t = [] {
        WordTable<CalendarWord> m;
        for_each_lexicon_line(builtin_lexicon("calendar"), [&](const std::vector<std::string_view>& c) {
            if (c.size() < 3) return;
            CalendarWord& w = m[c[0]];
            if (c[1] == "month") w.month = to_uint8(c[2]);
            else if (c[1] == "weekday") w.weekday = to_uint8(c[2]);
            if (c.size() > 3)
                for_each_flag(c[3], [&](std::string_view f) {
                    w.flags |= f == "abbr" ? CAL_ABBR : f == "word" ? CAL_WORD : f == "ambiguous" ? CAL_AMBIGUOUS
                             : f == "name" ? CAL_NAME : 0;
                });
        });
        return m;
    }();
    return t;
}

uint16_t title_flag(std::string_view f) {
    return f == "address" ? TITLE_ADDRESS : f == "not-title" ? TITLE_NOT_TITLE : f == "rank" ? TITLE_RANK
         : f == "surname" ? TITLE_SURNAME : f == "modifier" ? TITLE_MODIFIER : f == "field" ? TITLE_FIELD
         : f == "ner" ? TITLE_NER : f == "values" ? TITLE_VALUES : 0;
}

const WordTable<TitleWord>& title_table() {
    static const WordTable<TitleWord> t = [] {
        WordTable<TitleWord> m;
        // person-roles.txt: word, gender, flags
        for_each_lexicon_line(builtin_lexicon("person-roles"), [&](const std::vector<std::string_view>& c) {
            TitleWord& w = m[c[0]];
            if (!(w.flags & TITLE_ROLE)) w.gender = c.size() > 1 && !c[1].empty() ? c[1][0] : '-';   // the first line wins
            w.flags |= TITLE_ROLE;
            if (c.size() > 2) for_each_flag(c[2], [&](std::string_view f) { w.flags |= title_flag(f); });
        });
        // title-words.txt: word, flags
        for_each_lexicon_line(builtin_lexicon("title-words"), [&](const std::vector<std::string_view>& c) {
            TitleWord& w = m[c[0]];
            if (c.size() > 1) for_each_flag(c[1], [&](std::string_view f) { w.flags |= title_flag(f); });
        });
        return m;
    }();
    return t;
}

const WordTable<uint8_t>& abbreviation_table() {
    static const WordTable<uint8_t> t = [] {
        WordTable<uint8_t> m;
        for_each_lexicon_line(builtin_lexicon("abbreviations"), [&](const std::vector<std::string_view>& c) {
            uint8_t& v = m[c[0]];
            if (c.size() > 1)
                for_each_flag(c[1], [&](std::string_view f) {
                    v |= f == "tokens" ? ABBR_TOKENS : f == "number" ? ABBR_NUMBER : f == "values" ? ABBR_VALUES : f == "title" ? ABBR_TITLE : 0;
                });
        });
        // a month's or weekday's short form keeps its period in both stages, but in the
        // tokenizer not when it is an ordinary word too ("He sat.")
        calendar_table().for_each([&](std::string_view k, const CalendarWord& w) {
            if (w.flags & CAL_ABBR) m[k] |= uint8_t(ABBR_VALUES | ((w.flags & CAL_WORD) ? 0 : ABBR_TOKENS));
        });
        return m;
    }();
    return t;
}

const WordTable<uint8_t>& speech_table() {
    static const WordTable<uint8_t> t = [] {
        WordTable<uint8_t> m;
        for_each_lexicon_line(builtin_lexicon("speech-cues"), [&](const std::vector<std::string_view>& c) {
            if (c.size() < 3) return;
            uint8_t v = 0;
            for_each_flag(c[2], [&](std::string_view f) {
                v |= f == "addressee" ? SPEECH_ADDRESSEE : f == "report" ? SPEECH_REPORT
                   : f == "speaker-before" ? SPEECH_SPEAKER_BEFORE : f == "speaker-after" ? SPEECH_SPEAKER_AFTER : 0;
            });
            if (v) m[c[0]] |= v;
        });
        return m;
    }();
    return t;
}

const WordTable<char>& pronoun_table() {
    static const WordTable<char> t = [] {
        WordTable<char> m;
        for_each_lexicon_line(builtin_lexicon("pronouns"), [&](const std::vector<std::string_view>& c) {
            if (c.size() > 1 && (c[1] == "m" || c[1] == "f")) m[c[0]] = c[1][0];
        });
        return m;
    }();
    return t;
}

}  // namespace

const CalendarWord* calendar_word(std::string_view lower) { return calendar_table().find(lower); }

const TitleWord* title_word(std::string_view lower) { return title_table().find(lower); }

uint8_t abbreviation_flags(std::string_view lower) {
    const uint8_t* v = abbreviation_table().find(lower);
    return v ? *v : 0;
}

uint8_t speech_flags(std::string_view lower) {
    const uint8_t* v = speech_table().find(lower);
    return v ? *v : 0;
}

char pronoun_gender(std::string_view lower) {
    const char* v = pronoun_table().find(lower);
    return v ? *v : 0;
}

void for_each_pronoun(const std::function<void(std::string_view)>& f) {
    pronoun_table().for_each([&](std::string_view k, char) { f(k); });
}

}  // namespace ae
