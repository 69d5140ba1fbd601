// The model runtime shared by every model (core/src/model/): file frame, CRC, byte reader and
// writer, the embedded registry and its loader; and the diagnostics table.
#include <doctest/doctest.h>

#include "article_explorer/diagnostics.h"
#include "article_explorer/models.h"
#include "model/model_file.h"
#include "model/registry.h"

#include <fstream>
#include <sstream>
#include <string>

using namespace ae::model;

TEST_CASE("model: CRC-32 is the IEEE one, also over lengths that are no multiple of 8") {
    const std::string s = "123456789";
    CHECK(crc32(reinterpret_cast<const uint8_t*>(s.data()), s.size()) == 0xCBF43926u);
    CHECK(crc32(nullptr, 0) == 0u);
    std::string longer(1000, 'a');
    uint32_t whole = crc32(reinterpret_cast<const uint8_t*>(longer.data()), longer.size());
    longer[999] = 'b';
    CHECK(crc32(reinterpret_cast<const uint8_t*>(longer.data()), longer.size()) != whole);
}

TEST_CASE("model: a frame round-trips and every kind of damage is rejected with a reason") {
    const FileKind kind{"TEST", 3, "test"};
    const std::string body = "a model body";
    const std::string file = frame(kind, body);
    CHECK(file.size() == 4 + 8 + body.size() + 4);
    auto open = [&](const std::string& f, std::string* err) {
        const uint8_t* b = nullptr;
        size_t n = 0;
        bool ok = unframe(kind, reinterpret_cast<const uint8_t*>(f.data()), f.size(), &b, &n, err);
        return ok ? std::string(reinterpret_cast<const char*>(b), n) : std::string("<rejected>");
    };
    std::string err;
    CHECK(open(file, &err) == body);
    std::string bad = file; bad[0] = 'X';
    CHECK(open(bad, &err) == "<rejected>"); CHECK(err.find("magic") != std::string::npos);
    bad = file; bad[4] = 9;
    CHECK(open(bad, &err) == "<rejected>"); CHECK(err.find("version") != std::string::npos);
    CHECK(open(file.substr(0, file.size() - 1), &err) == "<rejected>"); CHECK(err.find("truncated") != std::string::npos);
    CHECK(open(file + "x", &err) == "<rejected>"); CHECK(err.find("trailing") != std::string::npos);
    bad = file; bad[14] ^= 1;
    CHECK(open(bad, &err) == "<rejected>"); CHECK(err.find("checksum") != std::string::npos);
    CHECK(open("", &err) == "<rejected>"); CHECK(err.rfind("test model", 0) == 0);
    // another kind's magic is not read as this one
    CHECK(open(frame(FileKind{"ELSE", 3, "else"}, body), &err) == "<rejected>");
}

TEST_CASE("model: bytes written are read back; reading past the end fails softly") {
    ByteWriter w;
    w.u8(7); w.u32(0xDEADBEEF); w.f32(1.5f); w.str("name"); w.varint(300); w.zigzag(-5); w.zigzag(70000);
    ByteReader r{reinterpret_cast<const uint8_t*>(w.out.data()), w.out.size()};
    CHECK(r.u8() == 7);
    CHECK(r.u32() == 0xDEADBEEF);
    CHECK(r.f32() == 1.5f);
    CHECK(r.str() == "name");
    CHECK(r.varint() == 300);
    CHECK(r.zigzag() == -5);
    CHECK(r.zigzag() == 70000);
    CHECK(r.ok);
    CHECK(r.i == r.n);
    CHECK(r.u32() == 0);
    CHECK_FALSE(r.ok);
}

TEST_CASE("model: the registry finds embedded models by name; the loader says why one is absent") {
    for (const EmbeddedModel& e : embedded_models()) {
        REQUIRE(find_embedded(e.name) != nullptr);
        CHECK(find_embedded(e.name)->size == e.size);
    }
    CHECK(find_embedded("no-such-model") == nullptr);
    int calls = 0;
    auto none = load_embedded<int>("no-such-model", [&](const uint8_t*, size_t, int&, std::string*) { ++calls; return true; });
    CHECK_FALSE(none.ok);
    CHECK(calls == 0);
    CHECK(none.error.find("not embedded") != std::string::npos);
    if (find_embedded("pos")) {
        auto refused = load_embedded<int>("pos", [](const uint8_t*, size_t, int&, std::string* e) { *e = "refused"; return false; });
        CHECK_FALSE(refused.ok);
        CHECK(refused.bytes > 0);
        CHECK(refused.error == "refused");
    }
    // the stages' models, through the public list
    for (const ae::ModelInfo& i : ae::model_infos()) CHECK((find_embedded(i.name) != nullptr) == (i.bytes > 0));
}

TEST_CASE("diagnostics: one table in enum order, each code added once per message") {
    for (size_t i = 0; i < std::size(ae::kDiagnosticKinds); ++i) CHECK(size_t(ae::kDiagnosticKinds[i].code) == i);
    CHECK(std::string(ae::diagnostic_name(ae::DiagnosticCode::ModelMissing)) == "model-missing");
    ae::Analysis a;
    ae::add_diagnostic(a, ae::DiagnosticCode::TooLarge, "x");
    ae::add_diagnostic(a, ae::DiagnosticCode::TooLarge, "x");
    ae::add_diagnostic(a, ae::DiagnosticCode::TooLarge, "y");
    REQUIRE(a.diagnostics.size() == 2);
    CHECK(a.diagnostics[0].code == "too_large");
}

TEST_CASE("diagnostics: every code is documented in docs/schema.md") {
    std::ifstream in(std::string(AE_SOURCE_DIR) + "/docs/schema.md");
    REQUIRE(in);
    std::stringstream ss;
    ss << in.rdbuf();
    for (const ae::DiagnosticKind& k : ae::kDiagnosticKinds)
        CHECK_MESSAGE(ss.str().find("| `" + std::string(k.name) + "` |") != std::string::npos, k.name);
}
