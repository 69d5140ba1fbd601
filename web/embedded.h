// Files compiled into the program by web/embed.cmake (font, sample articles).
#pragma once
#include <cstddef>

struct AeEmbeddedFile {
    const char* name;           // file name without folder
    const unsigned char* data;  // followed by one 0 byte
    size_t size;
};

extern const AeEmbeddedFile ae_fonts[];    // DejaVu Sans subset (or none)
extern const size_t ae_fonts_count;
extern const AeEmbeddedFile ae_samples[];  // assets/samples/*.txt, sorted by name (or none)
extern const size_t ae_samples_count;
