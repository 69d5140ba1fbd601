// The codes of Analysis::diagnostics: what the core could not do, or repaired. One table, here;
// docs/schema.md lists the same codes for users (a doctest checks that every code is documented).
// The codes are part of the output schema: they may be added, never renamed (hence `model-missing`
// keeps its hyphen beside the underscores of the others).
#pragma once
#include "article_explorer/analysis.h"

#include <string>

namespace ae {

enum class DiagnosticCode : uint8_t {
    InvalidUtf8,         // invalid UTF-8 bytes were replaced by U+FFFD; analysis went on
    ControlCharacters,   // NUL/control bytes were replaced by spaces; analysis went on
    BadReferenceDate,    // the given reference date is not YYYY-MM-DD and was ignored
    TooLarge,            // the input is over Options::max_bytes: nothing was analysed
    ModelMissing,        // a model is absent or unreadable: its stage (and what needs it) was skipped
};

struct DiagnosticKind { DiagnosticCode code; const char* name; const char* meaning; };
// Every code, in enum order.
extern const DiagnosticKind kDiagnosticKinds[5];
const char* diagnostic_name(DiagnosticCode code);

// Adds a diagnostic to the analysis, once: the same code with the same message is not repeated.
void add_diagnostic(Analysis& a, DiagnosticCode code, std::string message);

}  // namespace ae
