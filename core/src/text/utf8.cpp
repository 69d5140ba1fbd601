// UTF-8 validation and repair, the offset map back to the input, UTF-16 offsets.
#include "article_explorer/text.h"

#include <algorithm>

namespace ae {

int utf8_decode(std::string_view s, size_t i, uint32_t& cp) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    size_t n = s.size();
    unsigned char c = p[i];
    if (c < 0x80) { cp = c; return 1; }
    int len; uint32_t min;
    if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; min = 0x80; }
    else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; min = 0x800; }
    else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; min = 0x10000; }
    else return 0;
    if (i + len > n) return 0;
    for (int k = 1; k < len; ++k) {
        unsigned char d = p[i + k];
        if ((d & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (d & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

void utf8_append(std::string& out, uint32_t cp) {
    if (cp < 0x80) out += char(cp);
    else if (cp < 0x800) { out += char(0xC0 | (cp >> 6)); out += char(0x80 | (cp & 0x3F)); }
    else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12)); out += char(0x80 | ((cp >> 6) & 0x3F)); out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18)); out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F)); out += char(0x80 | (cp & 0x3F));
    }
}

uint32_t OffsetMap::to_input(uint32_t clean) const {
    if (anchors.empty()) return std::min(clean, input_size);
    // Last anchor at or before `clean`; offsets advance together after it.
    auto it = std::upper_bound(anchors.begin(), anchors.end(), clean,
                               [](uint32_t v, const Anchor& a) { return v < a.clean; });
    if (it == anchors.begin()) return std::min(clean, input_size);
    --it;
    return std::min(it->input + (clean - it->clean), input_size);
}

CleanText clean_text(std::string_view in) {
    CleanText r;
    r.text.reserve(in.size() + in.size() / 16);
    r.map.input_size = uint32_t(in.size());
    const auto* p = reinterpret_cast<const unsigned char*>(in.data());
    size_t i = 0, n = in.size();
    auto anchor_after = [&](size_t input_pos) {
        r.map.anchors.push_back({uint32_t(r.text.size()), uint32_t(input_pos)});
    };
    // A leading byte-order mark is not text.
    if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) { i = 3; anchor_after(3); }
    while (i < n) {
        // Fast path over plain ASCII text.
        size_t j = i;
        while (j < n && p[j] >= 0x20 && p[j] < 0x80) ++j;
        if (j > i) { r.text.append(in.data() + i, j - i); i = j; if (i >= n) break; }
        unsigned char c = p[i];
        if (c < 0x80) {
            if (c == '\n' || c == '\t') r.text += char(c);
            else if (c == '\r') {
                if (i + 1 < n && p[i + 1] == '\n') { r.text += ' '; }  // CRLF: keep length, one line break
                else r.text += '\n';
            } else { r.text += ' '; ++r.control_bytes; }
            ++i;
            continue;
        }
        uint32_t cp;
        int len = utf8_decode(in, i, cp);
        if (len == 0) {
            // One U+FFFD per invalid byte: 1 input byte becomes 3 cleaned bytes.
            r.text += "\xEF\xBF\xBD";
            ++r.invalid_bytes;
            ++i;
            anchor_after(i);
            continue;
        }
        if (cp == 0x85 || cp == 0x2028 || cp == 0x2029) {
            // NEL / line / paragraph separators: a line break of the same byte length.
            r.text.append(size_t(len) - 1, ' ');
            r.text += '\n';
        } else if (cp >= 0x80 && cp < 0xA0) {
            r.text.append(size_t(len), ' ');  // C1 controls
            r.control_bytes += len;
        } else {
            r.text.append(in.data() + i, size_t(len));
        }
        i += size_t(len);
    }
    return r;
}

Utf16Index::Utf16Index(std::string_view text) : text_(text) {
    block_.resize(text.size() / 64 + 1);
    uint32_t units = 0;
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    for (size_t i = 0; i <= text.size(); ++i) {
        if ((i & 63) == 0) block_[i >> 6] = units;
        if (i == text.size()) break;
        unsigned char c = p[i];
        if ((c & 0xC0) != 0x80) units += (c >= 0xF0) ? 2 : 1;
    }
}

uint32_t Utf16Index::at(uint32_t off) const {
    if (off > text_.size()) off = uint32_t(text_.size());
    uint32_t units = block_[off >> 6];
    const auto* p = reinterpret_cast<const unsigned char*>(text_.data());
    for (size_t i = off & ~size_t(63); i < off; ++i) {
        unsigned char c = p[i];
        if ((c & 0xC0) != 0x80) units += (c >= 0xF0) ? 2 : 1;
    }
    return units;
}

}  // namespace ae
