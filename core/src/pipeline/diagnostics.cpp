#include "article_explorer/diagnostics.h"

namespace ae {

const DiagnosticKind kDiagnosticKinds[5] = {
    {DiagnosticCode::InvalidUtf8, "invalid_utf8", "invalid UTF-8 bytes were replaced by U+FFFD; offsets still refer to the input"},
    {DiagnosticCode::ControlCharacters, "control_characters", "NUL and other control bytes were replaced by spaces"},
    {DiagnosticCode::BadReferenceDate, "bad_reference_date", "the reference date given is not YYYY-MM-DD; it was ignored"},
    {DiagnosticCode::TooLarge, "too_large", "the input exceeds the size limit; nothing was analysed"},
    {DiagnosticCode::ModelMissing, "model-missing", "a model is absent or unreadable; the stages that need it were skipped"},
};

const char* diagnostic_name(DiagnosticCode code) { return kDiagnosticKinds[size_t(code)].name; }

void add_diagnostic(Analysis& a, DiagnosticCode code, std::string message) {
    const char* name = diagnostic_name(code);
    for (const Diagnostic& d : a.diagnostics) if (d.code == name && d.message == message) return;
    a.diagnostics.push_back(Diagnostic{name, std::move(message)});
}

}  // namespace ae
