// Per-token facts the feature templates are built from, computed once per token without
// allocating: the normalised form (curly quotes and apostrophes folded to ASCII, dashes to
// "--", PTB bracket names to brackets), its lowercase, word shape, affixes and flags — each
// kept as a 64-bit hash so templates combine them cheaply.
#pragma once
#include <cstdint>
#include <string_view>

namespace ae::model {

enum WordFlag : uint32_t {
    kInitCap = 1u << 0,     // first letter uppercase
    kAllCaps = 1u << 1,     // has letters, none lowercase
    kHasLower = 1u << 2,
    kHasDigit = 1u << 3,
    kAllDigit = 1u << 4,    // digits with optional , . separators
    kHasHyphen = 1u << 5,
    kHasPeriod = 1u << 6,
    kPunctOnly = 1u << 7,   // no letters or digits
    kHasLetter = 1u << 8,
    kNonAscii = 1u << 9,
    kHasApos = 1u << 10,
    kMixedCaps = 1u << 11,  // uppercase after a lowercase letter (McDonald, iPhone)
};

constexpr int kMaxAffix = 4;

struct WordInfo {
    uint64_t word = 0;        // normalised form, case kept
    uint64_t lower = 0;       // normalised lowercase
    uint64_t shape = 0;       // Xxxxx, dd-dd (runs longer than 4 capped)
    uint64_t short_shape = 0; // runs collapsed: Xx, d-d, X.X.
    uint64_t prefix[kMaxAffix] = {};  // lowercase prefixes of 1..4 characters (0 if shorter)
    uint64_t suffix[kMaxAffix] = {};
    uint32_t flags = 0;
    uint16_t length = 0;      // characters (code points)
};

// Fills `out` from the token text. `lower_buf` (if not null, capacity >= 64) receives the
// normalised lowercase form (truncated to 64 bytes) and *lower_len its length, for lexicon
// lookups.
void compute_word_info(std::string_view token, WordInfo& out, char* lower_buf = nullptr,
                       size_t* lower_len = nullptr);

// Hash of the normalised lowercase form (same value as WordInfo::lower).
uint64_t lower_hash(std::string_view token);

// Writes the normalised lowercase form of token into buf (capacity cap); returns length
// (truncated to cap). Used for lexicon keys (gazetteers) so trainer and core agree.
size_t normalise_lower(std::string_view token, char* buf, size_t cap);

// The seed for hashing padding positions (before the sentence start / after its end).
constexpr uint64_t kPadBefore = 0x1234567890ABCDEFULL, kPadAfter = 0x0FEDCBA987654321ULL;

}  // namespace ae::model
