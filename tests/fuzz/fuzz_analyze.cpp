// libFuzzer target over the whole core: analyze() + to_json() on arbitrary bytes, with both
// offset modes, checking that every span stays inside the input; and html_to_text on the same.
// Build: cmake --preset fuzz && cmake --build --preset fuzz
// Run:   build/fuzz/tests/fuzz/fuzz-analyze -max_total_time=60 build/fuzz/corpus tests/fuzz/corpus
//        (new units go to the first folder, so the checked-in seeds stay the ones written here)
#include "article_explorer/analysis.h"
#include "article_explorer/html.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view in(reinterpret_cast<const char*>(data), size);
    ae::Options o;
    o.utf16_offsets = size > 0 && (data[0] & 1);
    ae::Analysis a = ae::analyze(in, o);
    auto inside = [&](uint32_t s, uint32_t e) {
        if (s > e || e > a.text.size()) std::abort();
        if (a.offsets.to_input(e) > size) std::abort();
    };
    for (const auto& p : a.paragraphs) inside(p.start, p.end);
    for (const auto& s : a.sentences) inside(s.start, s.end);
    for (const auto& t : a.tokens) inside(t.start, t.end);
    for (const auto& v : a.values) inside(v.start, v.end);
    for (const auto& e : a.entities) for (const auto& m : e.mentions) inside(m.start, m.end);
    for (const auto& q : a.quotes) inside(q.start, q.end);
    for (const auto& ev : a.events) { inside(ev.trigger.start, ev.trigger.end); for (const auto& g : ev.arguments) inside(g.start, g.end); }
    std::string j = ae::to_json(a, o);
    if (j.empty() || j[0] != '{') std::abort();
    // The page's HTML reduction on the same bytes (cheap: one linear pass): it must not crash
    // and never grows the text by more than its character references can.
    ae::looks_like_html(in);
    if (ae::html_to_text(in).size() > 4 * size + 16) std::abort();
    return 0;
}
