// The binary model file, the same for every model the core embeds (tagger, parser, and any new
// one): a frame around a model-specific body, and the little-endian byte reader/writer bodies use.
//
// Frame (little-endian):  magic (4 or 8 bytes) | u32 version | u32 body length | body | u32 CRC-32 of the body
// Each model kind has its own magic and version; a wrong magic, an unknown version, truncation,
// trailing bytes or a checksum mismatch are rejected before the body is read.
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace ae::model {

// CRC-32 (IEEE, reflected), as zlib and PNG compute it.
uint32_t crc32(const uint8_t* data, size_t n);

// A model kind's frame: `what` names it in error messages ("tagger", "parser").
struct FileKind { std::string_view magic; uint32_t version; const char* what; };

// magic | version | length | body | CRC.
std::string frame(const FileKind& kind, std::string_view body);
// Checks the frame of data[0..n) and points *body at the body; false with *error set otherwise.
bool unframe(const FileKind& kind, const uint8_t* data, size_t n, const uint8_t** body, size_t* body_len,
             std::string* error);

struct ByteWriter {
    std::string out;
    void u8(uint8_t v) { out.push_back(char(v)); }
    void u32(uint32_t v) { for (int i = 0; i < 4; ++i) out.push_back(char((v >> (8 * i)) & 0xFF)); }
    void f32(float f) { uint32_t v; std::memcpy(&v, &f, 4); u32(v); }
    void str(std::string_view s) { u32(uint32_t(s.size())); out.append(s.data(), s.size()); }   // u32 length + bytes
    void varint(uint32_t v) { while (v >= 0x80) { out.push_back(char((v & 0x7F) | 0x80)); v >>= 7; } out.push_back(char(v)); }   // LEB128
    void zigzag(int32_t v) { varint((uint32_t(v) << 1) ^ uint32_t(v >> 31)); }
};

// Reads what ByteWriter wrote; any read past the end clears `ok` and returns zeros from then on.
struct ByteReader {
    const uint8_t* p; size_t n; size_t i = 0; bool ok = true;
    bool need(size_t k) { if (!ok || n - i < k) { ok = false; return false; } return true; }
    uint8_t u8() { return need(1) ? p[i++] : 0; }
    uint32_t u32() {
        if (!need(4)) return 0;
        uint32_t v = uint32_t(p[i]) | uint32_t(p[i + 1]) << 8 | uint32_t(p[i + 2]) << 16 | uint32_t(p[i + 3]) << 24;
        i += 4;
        return v;
    }
    float f32() { uint32_t v = u32(); float f; std::memcpy(&f, &v, 4); return f; }
    std::string str() {
        uint32_t len = u32();
        if (!need(len)) return {};
        std::string s(reinterpret_cast<const char*>(p + i), len);
        i += len;
        return s;
    }
    uint32_t varint() {
        uint32_t v = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            if (!need(1)) return 0;
            uint8_t b = p[i++];
            v |= uint32_t(b & 0x7F) << shift;
            if (!(b & 0x80)) return v;
        }
        ok = false;
        return 0;
    }
    int32_t zigzag() { uint32_t v = varint(); return int32_t(v >> 1) ^ -int32_t(v & 1); }
};

}  // namespace ae::model
