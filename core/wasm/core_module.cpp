// The core-only WebAssembly module: text in wasm memory -> analysis JSON in wasm memory.
// core_module_post.js wraps these in m.analyze(text, optionsJson?).
#include "article_explorer/analysis.h"

#include <cstdlib>
#include <cstring>
#include <emscripten/emscripten.h>

extern "C" {

// Returns a malloc'ed NUL-terminated JSON string; the caller frees it with ae_free.
EMSCRIPTEN_KEEPALIVE char* ae_analyze(const char* text, size_t text_len, const char* options, size_t options_len) {
    std::string json = ae::analyze_to_json(std::string_view(text, text_len), std::string_view(options, options_len));
    char* out = static_cast<char*>(std::malloc(json.size() + 1));
    if (!out) return nullptr;
    std::memcpy(out, json.data(), json.size() + 1);
    return out;
}

EMSCRIPTEN_KEEPALIVE void ae_free(char* p) { std::free(p); }

}
