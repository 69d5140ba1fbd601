// The word lists of assets/lexicons/*.txt, compiled into the core (core/lexicons.cmake), and the
// one reader of their format: tab-separated fields, `#` comment lines, blank lines skipped.
#pragma once
#include <string_view>
#include <vector>

namespace ae {

// name = file name without .txt; empty when there is no such list.
std::string_view builtin_lexicon(std::string_view name);

// Calls f(fields) for every line that is neither blank nor a `#` comment; fields are the line's
// tab-separated parts (a trailing CR dropped). The vector is reused from line to line.
template <class F>
void for_each_lexicon_line(std::string_view text, F f) {
    std::vector<std::string_view> fields;
    size_t p = 0;
    while (p < text.size()) {
        size_t nl = text.find('\n', p);
        if (nl == std::string_view::npos) nl = text.size();
        std::string_view line = text.substr(p, nl - p);
        p = nl + 1;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line[0] == '#') continue;
        fields.clear();
        for (size_t a = 0;;) {
            size_t tab = line.find('\t', a);
            fields.push_back(line.substr(a, tab == std::string_view::npos ? std::string_view::npos : tab - a));
            if (tab == std::string_view::npos) break;
            a = tab + 1;
        }
        f(fields);
    }
}

}  // namespace ae
