// article_explorer._core: the core as a Python extension (pybind11). The package around it,
// python/article_explorer/__init__.py, gives analyze() (a dict) and analyze_json() (the string).
// The GIL is released while the core runs, so Python threads analyse in parallel.
#include "article_explorer/analysis.h"
#include "article_explorer/text.h"

#include <nlohmann/json.hpp>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace py = pybind11;

namespace {

// The UTF-8 bytes of a str, or the bytes of a bytes/bytearray, without a copy: the view lives as
// long as `text`, which the caller holds for the whole call.
std::string_view text_bytes(const py::handle& text) {
    if (PyUnicode_Check(text.ptr())) {
        Py_ssize_t n = 0;
        const char* p = PyUnicode_AsUTF8AndSize(text.ptr(), &n);   // raises on lone surrogates
        if (!p) throw py::error_already_set();
        return std::string_view(p, size_t(n));
    }
    if (PyBytes_Check(text.ptr())) return std::string_view(PyBytes_AS_STRING(text.ptr()), size_t(PyBytes_GET_SIZE(text.ptr())));
    if (PyByteArray_Check(text.ptr())) return std::string_view(PyByteArray_AS_STRING(text.ptr()), size_t(PyByteArray_GET_SIZE(text.ptr())));
    throw py::type_error("text must be str or bytes, not " + std::string(py::str(py::type::handle_of(text).attr("__name__"))));
}

// The options of ae::analyze_to_json, checked here so that a wrong one is a ValueError rather
// than an {"error"} object or a silently ignored date.
std::string options_json(const std::optional<std::string>& reference_date, const std::string& offsets,
                         bool tokens_only, bool tags_only) {
    nlohmann::json o = nlohmann::json::object();
    if (offsets != "bytes" && offsets != "utf16") throw py::value_error("offsets must be \"bytes\" or \"utf16\", not \"" + offsets + "\"");
    o["offsets"] = offsets;
    if (reference_date) {
        if (!ae::is_iso_date(*reference_date)) throw py::value_error("reference_date \"" + *reference_date + "\" is not a valid YYYY-MM-DD date");
        o["reference_date"] = *reference_date;
    }
    if (tokens_only) o["tokens_only"] = true;
    if (tags_only) o["tags_only"] = true;
    return o.dump();
}

py::str analyze_json(const py::object& text, const std::optional<std::string>& reference_date, const std::string& offsets,
                     bool tokens_only, bool tags_only) {
    const std::string opts = options_json(reference_date, offsets, tokens_only, tags_only);
    const std::string_view input = text_bytes(text);
    std::string out;
    {
        py::gil_scoped_release no_gil;
        out = ae::analyze_to_json(input, opts);
    }
    // The core never fails on text; an {"error"} here is a bad option or an internal error.
    if (out.compare(0, 10, "{\"error\":\"") == 0) {
        nlohmann::json e = nlohmann::json::parse(out, nullptr, false);
        const std::string msg = e.is_object() && e["error"].is_string() ? e["error"].get<std::string>() : out;
        if (msg.compare(0, 15, "internal error:") == 0) throw std::runtime_error("article-explorer: " + msg);
        throw py::value_error("article-explorer: " + msg);
    }
    return py::str(out.data(), out.size());
}

// A chunk of JSONL lines (without their '\n') whose first is line number first_line of the
// input: returns (output bytes, analysed count, [(line, reason), ...]). The output holds the
// CLI's lines for the chunk, error lines included, so the caller only concatenates chunks.
py::tuple batch_chunk(const std::vector<py::bytes>& lines, size_t first_line, const std::string& offsets) {
    ae::Options opts;
    if (offsets == "utf16") opts.utf16_offsets = true;
    else if (offsets != "bytes") throw py::value_error("offsets must be \"bytes\" or \"utf16\", not \"" + offsets + "\"");
    std::vector<std::string_view> views;
    views.reserve(lines.size());
    for (const auto& b : lines) views.emplace_back(PyBytes_AS_STRING(b.ptr()), size_t(PyBytes_GET_SIZE(b.ptr())));
    std::string out;
    size_t analysed = 0;
    std::vector<std::pair<size_t, std::string>> errors;
    {
        py::gil_scoped_release no_gil;
        std::string error;
        for (size_t k = 0; k < views.size(); ++k) {
            error.clear();
            const std::string line = ae::batch_line(views[k], opts, &error);
            if (!error.empty()) {
                out += ae::batch_error_line(first_line + k, error);
                out += '\n';
                errors.emplace_back(first_line + k, error);
            } else if (!line.empty()) {
                out += line;
                out += '\n';
                ++analysed;
            }
        }
    }
    return py::make_tuple(py::bytes(out), analysed, errors);
}

}  // namespace

PYBIND11_MODULE(_core, m) {
    m.doc() = "The Article Explorer core (C++): text -> article-explorer/1 JSON. Use the article_explorer package.";
    m.attr("version") = ae::kVersion;
    m.attr("schema") = ae::kSchema;
    m.def("analyze_json", &analyze_json, py::arg("text"), py::kw_only(), py::arg("reference_date") = py::none(),
          py::arg("offsets") = "bytes", py::arg("tokens_only") = false, py::arg("tags_only") = false,
          "The article-explorer/1 JSON of one article (str or UTF-8 bytes), as a str. The GIL is "
          "released while the core runs. ValueError for a bad option.");
    m.def("batch_chunk", &batch_chunk, py::arg("lines"), py::arg("first_line"), py::arg("offsets") = "bytes",
          "`article-explorer batch` on a chunk of JSONL lines (bytes, without '\\n') numbered from "
          "first_line: (output bytes, analysed, [(line, reason)]). The GIL is released.");
}
