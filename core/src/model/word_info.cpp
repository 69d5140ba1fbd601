#include "word_info.h"

#include "hash.h"

#include <cstring>

namespace ae::model {
namespace {

constexpr size_t kBuf = 64;

// Decodes one code point at s[i]; invalid bytes come back as U+FFFD consuming one byte.
uint32_t next_cp(std::string_view s, size_t& i) {
    uint8_t c = uint8_t(s[i]);
    if (c < 0x80) { ++i; return c; }
    int n = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : -1;
    if (n < 0 || i + size_t(n) >= s.size()) { ++i; return 0xFFFD; }
    uint32_t cp = c & (0x3F >> n);
    for (int k = 1; k <= n; ++k) {
        uint8_t d = uint8_t(s[i + size_t(k)]);
        if ((d & 0xC0) != 0x80) { ++i; return 0xFFFD; }
        cp = (cp << 6) | (d & 0x3F);
    }
    i += size_t(n) + 1;
    return cp;
}

size_t put_cp(uint32_t cp, char* out) {
    if (cp < 0x80) { out[0] = char(cp); return 1; }
    if (cp < 0x800) { out[0] = char(0xC0 | (cp >> 6)); out[1] = char(0x80 | (cp & 0x3F)); return 2; }
    if (cp < 0x10000) {
        out[0] = char(0xE0 | (cp >> 12)); out[1] = char(0x80 | ((cp >> 6) & 0x3F));
        out[2] = char(0x80 | (cp & 0x3F)); return 3;
    }
    out[0] = char(0xF0 | (cp >> 18)); out[1] = char(0x80 | ((cp >> 12) & 0x3F));
    out[2] = char(0x80 | ((cp >> 6) & 0x3F)); out[3] = char(0x80 | (cp & 0x3F)); return 4;
}

// Lowercase of an uppercase letter, or 0 if cp is not an uppercase letter we know.
uint32_t to_lower_upper(uint32_t cp) {
    if (cp >= 'A' && cp <= 'Z') return cp + 32;
    if (cp < 0xC0) return 0;
    if (cp <= 0xDE) return cp == 0xD7 ? 0 : cp + 0x20;
    if (cp == 0x178) return 0xFF;
    if (cp >= 0x100 && cp <= 0x17F) {
        bool odd_upper = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
        if (cp == 0x130 || cp == 0x138 || cp == 0x149 || cp == 0x17F) return 0;
        bool upper = odd_upper ? (cp & 1) : !(cp & 1);
        return upper ? cp + 1 : 0;
    }
    if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) return cp + 0x20;
    if (cp >= 0x410 && cp <= 0x42F) return cp + 0x20;
    if (cp >= 0x400 && cp <= 0x40F) return cp + 0x50;
    return 0;
}

bool is_letter_cp(uint32_t cp) {
    if ((cp | 32) >= 'a' && (cp | 32) <= 'z') return true;
    if (cp >= 0xC0 && cp <= 0x24F) return cp != 0xD7 && cp != 0xF7;
    if (cp >= 0x370 && cp <= 0x52F) return true;
    if (cp >= 0x1E00 && cp <= 0x1EFF) return true;
    if (cp >= 0x3040 && cp <= 0x9FFF) return true;   // kana, CJK
    if (cp >= 0xAC00 && cp <= 0xD7AF) return true;   // hangul
    return false;
}

// Folds typographic variants to the ASCII the training data uses. Writes into out and returns
// the number of bytes (0 = the code point maps to nothing special: caller encodes it).
size_t fold_cp(uint32_t cp, char* out) {
    switch (cp) {
        case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC:
            out[0] = '\''; return 1;
        case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0xAB: case 0xBB:
            out[0] = '"'; return 1;
        case 0x2013: case 0x2014: case 0x2015: case 0x2212:
            out[0] = '-'; out[1] = '-'; return 2;
        case 0x2026: out[0] = '.'; out[1] = '.'; out[2] = '.'; return 3;
        case 0xA0: out[0] = ' '; return 1;
        default: return 0;
    }
}

}  // namespace

static void compute_uncached(std::string_view tok, WordInfo& w, char* lower_out, size_t* lower_len) {
    // Whole-token PTB spellings.
    if (tok == "``" || tok == "''") tok = "\"";
    else if (tok == "-LRB-" || tok == "-LCB-") tok = "(";
    else if (tok == "-RRB-" || tok == "-RCB-") tok = ")";
    else if (tok == "`") tok = "'";

    char norm[kBuf + 8], low[kBuf + 8], shape[kBuf + 8], sshape[kBuf + 8];
    size_t nn = 0, nl = 0, ns = 0, nss = 0;
    uint16_t cp_end_low[kBuf + 8];   // byte end in low[] after each code point
    size_t ncp = 0;
    uint32_t flags = 0;
    char last_shape = 0; int run = 0;
    bool all_digit = true, any_digit = false, any_letter = false, any_upper = false, seen_lower = false;
    bool first_letter_done = false;
    size_t i = 0;
    while (i < tok.size() && nn < kBuf && nl < kBuf) {
        uint32_t cp = next_cp(tok, i);
        char fold[4];
        size_t nf = fold_cp(cp, fold);
        // Sequence of ASCII code points this source code point stands for.
        char seq[4]; size_t nseq = 0;
        bool multi = false;
        if (nf) { std::memcpy(seq, fold, nf); nseq = nf; multi = true; }
        if (cp >= 0x80 && !multi) flags |= kNonAscii;
        auto handle = [&](uint32_t c) {
            uint32_t lc = to_lower_upper(c);
            bool upper = lc != 0;
            bool letter = upper || is_letter_cp(c);
            bool digit = c >= '0' && c <= '9';
            char sc;
            if (upper) sc = 'X';
            else if (letter) sc = (c < 0x80 || (c >= 0xC0 && c <= 0x52F) || (c >= 0x1E00 && c <= 0x1EFF)) ? 'x' : 'c';
            else if (digit) sc = 'd';
            else if (c < 0x80) sc = char(c);
            else sc = '*';
            if (letter) {
                if (!first_letter_done) { first_letter_done = true; if (upper) flags |= kInitCap; }
                any_letter = true;
                if (upper) { any_upper = true; if (seen_lower) flags |= kMixedCaps; }
                else seen_lower = true;
            }
            if (digit) any_digit = true;
            if (!digit && c != ',' && c != '.') all_digit = false;
            if (c == '-') flags |= kHasHyphen;
            if (c == '.') flags |= kHasPeriod;
            if (c == '\'') flags |= kHasApos;
            char enc[4]; size_t ne = put_cp(c, enc);
            if (nn + ne <= kBuf) { std::memcpy(norm + nn, enc, ne); nn += ne; }
            char encl[4]; size_t nel = put_cp(upper ? lc : c, encl);
            if (nl + nel <= kBuf) { std::memcpy(low + nl, encl, nel); nl += nel; }
            if (ncp < kBuf) cp_end_low[ncp++] = uint16_t(nl);
            if (sc == last_shape) ++run; else { run = 1; last_shape = sc; if (nss < kBuf) sshape[nss++] = sc; }
            if (run <= 4 && ns < kBuf) shape[ns++] = sc;
        };
        if (multi) for (size_t k = 0; k < nseq; ++k) handle(uint8_t(seq[k]));
        else handle(cp);
    }
    if (any_letter && !seen_lower) flags |= kAllCaps;
    if (seen_lower) flags |= kHasLower;
    if (any_digit) flags |= kHasDigit;
    if (any_digit && all_digit) flags |= kAllDigit;
    if (any_letter) flags |= kHasLetter;
    if (!any_letter && !any_digit) flags |= kPunctOnly;
    (void)any_upper;
    w.flags = flags;
    w.length = uint16_t(ncp);
    w.word = hash_bytes(norm, nn, 11);
    w.lower = hash_bytes(low, nl, 12);
    w.shape = hash_bytes(shape, ns, 13);
    w.short_shape = hash_bytes(sshape, nss, 14);
    for (int k = 0; k < kMaxAffix; ++k) {
        if (size_t(k) < ncp) {
            size_t pend = cp_end_low[k];
            w.prefix[k] = hash_bytes(low, pend, 20 + uint64_t(k));
            size_t first = ncp - size_t(k) - 1;   // index of the suffix's first code point
            size_t sstart = first == 0 ? 0 : cp_end_low[first - 1];
            w.suffix[k] = hash_bytes(low + sstart, nl - sstart, 30 + uint64_t(k));
        } else {
            w.prefix[k] = 0;
            w.suffix[k] = 0;
        }
    }
    if (lower_out) { std::memcpy(lower_out, low, nl); if (lower_len) *lower_len = nl; }
}

// The POS tagger, the entity tagger and the parser each need the facts of every token, and news
// repeats its words: a small per-thread cache of recent tokens (exact: the bytes are compared)
// saves most of the work. Direct-mapped, 8192 words (1.1 MB: a story and the words it shares
// with the ones before); long tokens bypass it.
namespace {
constexpr size_t kCacheBits = 13, kCacheMaxLen = 30;
struct CachedWord { uint8_t len = 0xFF; char bytes[kCacheMaxLen + 1]; WordInfo info; };
thread_local CachedWord word_cache[size_t(1) << kCacheBits];
}  // namespace

void compute_word_info(std::string_view tok, WordInfo& w, char* lower_out, size_t* lower_len) {
    if (lower_out || tok.empty() || tok.size() > kCacheMaxLen) { compute_uncached(tok, w, lower_out, lower_len); return; }
    uint64_t h = 0x9E3779B97F4A7C15ULL ^ tok.size();
    for (unsigned char c : tok) h = (h ^ c) * 0x100000001B3ULL;
    CachedWord& e = word_cache[(h ^ (h >> 29)) & ((size_t(1) << kCacheBits) - 1)];
    if (e.len == tok.size() && same_bytes(e.bytes, tok.data(), tok.size())) { w = e.info; return; }
    compute_uncached(tok, w, nullptr, nullptr);
    e.len = uint8_t(tok.size());
    std::memcpy(e.bytes, tok.data(), tok.size());
    e.info = w;
}

uint64_t lower_hash(std::string_view token) {
    WordInfo w;
    compute_word_info(token, w);
    return w.lower;
}

size_t normalise_lower(std::string_view token, char* buf, size_t cap) {
    WordInfo w;
    char tmp[kBuf + 8]; size_t n = 0;
    compute_word_info(token, w, tmp, &n);
    if (n > cap) n = cap;
    std::memcpy(buf, tmp, n);
    return n;
}

}  // namespace ae::model
