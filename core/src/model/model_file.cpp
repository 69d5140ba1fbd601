#include "model_file.h"

#include <vector>

namespace ae::model {

// Eight bytes per step ("slicing-by-8": eight 256-entry tables, the k-th giving the CRC of a
// byte followed by k zero bytes): the models are ~3 MB and this check is on the page's
// first-analysis path.
uint32_t crc32(const uint8_t* data, size_t n) {
    static const auto tables = [] {
        std::vector<uint32_t> t(8 * 256);
        for (uint32_t i = 0; i < 256; ++i) {
            uint32_t c = i;
            for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        for (uint32_t i = 0; i < 256; ++i)
            for (int k = 1; k < 8; ++k) t[size_t(k) * 256 + i] = (t[size_t(k - 1) * 256 + i] >> 8) ^ t[t[size_t(k - 1) * 256 + i] & 0xFF];
        return t;
    }();
    const uint32_t* T = tables.data();
    uint32_t c = 0xFFFFFFFFu;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        const uint32_t lo = c ^ (uint32_t(data[i]) | uint32_t(data[i + 1]) << 8 | uint32_t(data[i + 2]) << 16 | uint32_t(data[i + 3]) << 24);
        const uint32_t hi = uint32_t(data[i + 4]) | uint32_t(data[i + 5]) << 8 | uint32_t(data[i + 6]) << 16 | uint32_t(data[i + 7]) << 24;
        c = T[7 * 256 + (lo & 0xFF)] ^ T[6 * 256 + ((lo >> 8) & 0xFF)] ^ T[5 * 256 + ((lo >> 16) & 0xFF)] ^ T[4 * 256 + (lo >> 24)] ^
            T[3 * 256 + (hi & 0xFF)] ^ T[2 * 256 + ((hi >> 8) & 0xFF)] ^ T[1 * 256 + ((hi >> 16) & 0xFF)] ^ T[hi >> 24];
    }
    for (; i < n; ++i) c = T[(c ^ data[i]) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

std::string frame(const FileKind& kind, std::string_view body) {
    ByteWriter f;
    f.out.reserve(kind.magic.size() + 12 + body.size());
    f.out.append(kind.magic.data(), kind.magic.size());
    f.u32(kind.version);
    f.u32(uint32_t(body.size()));
    f.out.append(body.data(), body.size());
    f.u32(crc32(reinterpret_cast<const uint8_t*>(body.data()), body.size()));
    return f.out;
}

bool unframe(const FileKind& kind, const uint8_t* data, size_t n, const uint8_t** body, size_t* body_len,
             std::string* error) {
    auto fail = [&](const char* why) { if (error) *error = std::string(kind.what) + " model " + why; return false; };
    const size_t head = kind.magic.size() + 8;
    if (!data || n < head + 4) return fail("too short");
    if (std::memcmp(data, kind.magic.data(), kind.magic.size()) != 0) return fail("has a bad magic (not this kind of model)");
    ByteReader h{data, n, kind.magic.size()};
    if (h.u32() != kind.version) return fail("has an unsupported version; retrain or rebuild");
    const uint32_t len = h.u32();
    if (size_t(len) + head + 4 != n) return fail("truncated or has trailing bytes");
    ByteReader t{data, n, head + size_t(len)};
    if (t.u32() != crc32(data + head, len)) return fail("checksum mismatch");
    *body = data + head;
    *body_len = len;
    return true;
}

}  // namespace ae::model
