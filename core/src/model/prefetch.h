// Starting a cache miss early, for the models' hashed-table lookups (tagger and parser).
#pragma once
#include <cstddef>
#include <cstdint>

namespace ae::model {

// Native: a prefetch instruction. WebAssembly has none, so there a plain load is issued instead:
// a load that no branch depends on lets the CPU overlap its miss with the others (the
// lookups then find their lines in cache), where a probing loop would wait for each in turn.
inline void prefetch_line(const void* p) {
#if defined(__EMSCRIPTEN__)
    (void)*static_cast<const volatile uint8_t*>(p);
#elif defined(__GNUC__) || defined(__clang__)
    __builtin_prefetch(p);
#else
    (void)p;
#endif
}

// How far ahead a loop should prefetch: native prefetches are cheap hints best kept a dozen
// lines ahead; wasm's stand-in loads are real work that is best all issued up front.
#if defined(__EMSCRIPTEN__)
constexpr size_t kPrefetchAhead = 1024;
#else
constexpr size_t kPrefetchAhead = 12;
#endif

}  // namespace ae::model
