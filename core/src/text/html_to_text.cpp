// HTML -> plain text (see article_explorer/html.h): one forward pass over the bytes, no tree.
#include "article_explorer/html.h"

#include <cstdint>
#include <cstring>

#include "article_explorer/text.h"  // utf8_append

namespace ae {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) { return is_alpha(c) || (c >= '0' && c <= '9'); }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool name_in(const std::string& name, const char* const* list) {
    for (; *list; ++list)
        if (name == *list) return true;
    return false;
}

// Elements whose content is not markup: skipped up to their closing tag without parsing.
const char* const kRawDropped[] = {"script", "style", "noscript", "title", "textarea", "iframe", "noembed", "noframes", "xmp", nullptr};
// Elements whose content is parsed but not kept (menus, drawings, form controls).
const char* const kDropped[] = {"template", "svg", "math", "nav", "button", "select", "object", "canvas", nullptr};
// Elements that start and end a block of text: a paragraph break on either side.
const char* const kBlocks[] = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "dt", "dd",
                               "blockquote", "pre", "section", "article", "header", "footer", "main", "aside",
                               "figure", "figcaption", "table", "thead", "tbody", "tfoot", "tr", "caption",
                               "hr", "address", "details", "summary", "fieldset", "form", "center", "hgroup",
                               "dialog", "body", "html", nullptr};

// HTML's Latin-1 entity names, U+00A0 .. U+00FF in order.
const char* const kLatin1[96] = {
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf", "laquo",
    "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot",
    "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc", "Atilde",
    "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml",
    "ETH", "Ntilde", "Ograve", "Oacute", "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc",
    "Uuml", "Yacute", "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil",
    "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde", "ograve", "oacute",
    "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml"};

struct Named { const char* name; uint32_t cp; };
const Named kNamed[] = {
    {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''},
    {"ndash", 0x2013}, {"mdash", 0x2014}, {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"sbquo", 0x201A},
    {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"bdquo", 0x201E}, {"hellip", 0x2026}, {"euro", 0x20AC},
    {"trade", 0x2122}, {"bull", 0x2022}, {"dagger", 0x2020}, {"Dagger", 0x2021}, {"permil", 0x2030},
    {"lsaquo", 0x2039}, {"rsaquo", 0x203A}, {"prime", 0x2032}, {"Prime", 0x2033}, {"OElig", 0x152},
    {"oelig", 0x153}, {"Scaron", 0x160}, {"scaron", 0x161}, {"Yuml", 0x178}, {"fnof", 0x192},
    {"circ", 0x2C6}, {"tilde", 0x2DC}, {"ensp", ' '}, {"emsp", ' '}, {"thinsp", ' '},
    {"zwnj", 0}, {"zwj", 0}, {"lrm", 0}, {"rlm", 0}, {"minus", 0x2212}, {"larr", 0x2190}, {"rarr", 0x2192},
};

// Windows-1252 bytes 0x80..0x9F that pages write as &#146; and friends.
const uint16_t kCp1252[32] = {0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
                              0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
                              0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

// Code point of a character reference body (without '&' and ';'); -1 when unknown.
long decode_reference(std::string_view body) {
    if (body.empty()) return -1;
    if (body[0] == '#') {
        const bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
        size_t i = hex ? 2 : 1;
        if (i >= body.size()) return -1;
        uint32_t v = 0;
        for (; i < body.size(); ++i) {
            const char c = body[i];
            int d = c >= '0' && c <= '9' ? c - '0' : hex && lower(c) >= 'a' && lower(c) <= 'f' ? lower(c) - 'a' + 10 : -1;
            if (d < 0) return -1;
            v = v > 0x10FFFF ? v : v * (hex ? 16 : 10) + static_cast<uint32_t>(d);
        }
        if (v >= 0x80 && v <= 0x9F) return kCp1252[v - 0x80];
        if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0xFFFD;
        return v;
    }
    for (const Named& n : kNamed)
        if (body == n.name) return n.cp;
    for (int i = 0; i < 96; ++i)
        if (body == kLatin1[i]) return i == 0 ? ' ' : i == 13 ? 0 : 0xA0 + i;  // nbsp: a space; shy: nothing
    return -1;
}

struct Writer {
    std::string out;
    int pending_break = 0;  // 0 none, 1 line break, 2 paragraph break
    bool pending_space = false;

    void text(const char* s, size_t n) {
        if (!out.empty()) {
            if (pending_break) out.append(pending_break >= 2 ? "\n\n" : "\n");
            else if (pending_space && out.back() != '\n') out.push_back(' ');
        }
        pending_break = 0;
        pending_space = false;
        out.append(s, n);
    }
    void code_point(uint32_t cp) {
        if (cp == 0) return;
        if (cp == ' ') { pending_space = true; return; }
        std::string tmp;
        utf8_append(tmp, cp);
        text(tmp.data(), tmp.size());
    }
    void block() { pending_break = 2; pending_space = false; }
    void line() {
        pending_break = pending_break >= 1 ? 2 : 1;  // <br><br> is a paragraph break
        pending_space = false;
    }
};

}  // namespace

std::string html_to_text(std::string_view h) {
    Writer w;
    w.out.reserve(h.size() / 3);
    const size_t n = h.size();
    size_t i = 0;
    bool in_head = false, in_pre = false;
    std::string skip_name;  // inside a dropped element: its name, and how deeply nested
    int skip_depth = 0;
    std::string name;

    // Skips to just past the next "</tag" and its '>' (case-insensitive); the end if none.
    auto skip_raw = [&](const std::string& tag) {
        while (i < n) {
            const void* lt = std::memchr(h.data() + i, '<', n - i);
            if (!lt) { i = n; return; }
            i = static_cast<size_t>(static_cast<const char*>(lt) - h.data()) + 1;
            if (i < n && h[i] == '/') {
                size_t k = 0;
                while (k < tag.size() && i + 1 + k < n && lower(h[i + 1 + k]) == tag[k]) ++k;
                if (k == tag.size() && (i + 1 + k >= n || !is_alnum(h[i + 1 + k]))) {
                    const void* gt = std::memchr(h.data() + i, '>', n - i);
                    i = gt ? static_cast<size_t>(static_cast<const char*>(gt) - h.data()) + 1 : n;
                    return;
                }
            }
        }
    };

    while (i < n) {
        const char c = h[i];
        if (c == '<' && i + 1 < n) {
            const char d = h[i + 1];
            if (d == '!' && h.compare(i, 4, "<!--") == 0) {  // comment: to "-->", or the end
                const size_t e = h.find("-->", i + 4);
                i = e == std::string_view::npos ? n : e + 3;
                continue;
            }
            if (d == '!' || d == '?') {  // doctype, CDATA, processing instruction
                const size_t e = h.find('>', i + 2);
                i = e == std::string_view::npos ? n : e + 1;
                continue;
            }
            const bool closing = d == '/';
            const size_t name_at = i + (closing ? 2 : 1);
            if (name_at < n && is_alpha(h[name_at])) {
                name.clear();
                size_t k = name_at;
                while (k < n && (is_alnum(h[k]) || h[k] == '-' || h[k] == ':')) name.push_back(lower(h[k++]));
                // Attributes up to '>', quoted values may hold '>'.
                bool self_closing = false;
                while (k < n && h[k] != '>') {
                    if (h[k] == '"' || h[k] == '\'') {
                        const size_t q = h.find(h[k], k + 1);
                        k = q == std::string_view::npos ? n : q + 1;
                        continue;
                    }
                    self_closing = h[k] == '/';
                    ++k;
                }
                i = k < n ? k + 1 : n;  // an unclosed tag at the end swallows the rest
                if (!closing && name_in(name, kRawDropped)) {  // even inside a dropped element: its text is no markup
                    if (!self_closing) skip_raw(name);
                    continue;
                }
                if (!skip_name.empty()) {
                    if (name == skip_name && !self_closing) skip_depth += closing ? -1 : 1;
                    if (skip_depth <= 0) skip_name.clear();
                    continue;
                }
                if (!closing && !self_closing && name_in(name, kDropped)) {
                    skip_name = name;
                    skip_depth = 1;
                    continue;
                }
                if (name == "head") { in_head = !closing; continue; }
                if (name == "body") in_head = false;
                if (name == "br") { if (!in_head) w.line(); continue; }
                if (name == "pre") in_pre = !closing;
                if (name == "td" || name == "th") { w.pending_space = true; continue; }
                if (name_in(name, kBlocks)) w.block();
                continue;
            }
            // Not a tag ("a < b", "<3"): the '<' is text.
        }
        if (c == '<' || in_head || !skip_name.empty()) {
            if (c == '<' && !in_head && skip_name.empty()) w.text("<", 1);
            ++i;
            continue;
        }
        if (c == '&') {
            size_t k = i + 1;
            while (k < n && k - i <= 32 && (is_alnum(h[k]) || h[k] == '#')) ++k;
            const std::string_view body = h.substr(i + 1, k - i - 1);
            long cp = -1;
            if (k < n && h[k] == ';') cp = decode_reference(body);
            else if (body == "amp" || body == "lt" || body == "gt" || body == "quot" || body == "nbsp") cp = decode_reference(body);  // legacy, no ';'
            if (cp >= 0) {
                w.code_point(static_cast<uint32_t>(cp));
                i = k < n && h[k] == ';' ? k + 1 : k;
            } else {
                w.text("&", 1);
                ++i;
            }
            continue;
        }
        if (is_space(c)) {
            if (in_pre && c == '\n') w.line();
            else if (in_pre && c == ' ') w.text(" ", 1);
            else w.pending_space = true;
            ++i;
            continue;
        }
        // A run of plain text up to the next markup or space.
        size_t k = i + 1;
        while (k < n && h[k] != '<' && h[k] != '&' && !is_space(h[k])) ++k;
        w.text(h.data() + i, k - i);
        i = k;
    }
    return std::move(w.out);
}

bool looks_like_html(std::string_view t) {
    size_t i = 0;
    if (t.compare(0, 3, "\xEF\xBB\xBF") == 0) i = 3;
    while (i < t.size() && is_space(t[i])) ++i;
    auto starts = [&](const char* p) {
        const size_t m = std::strlen(p);
        if (i + m > t.size()) return false;
        for (size_t k = 0; k < m; ++k)
            if (lower(t[i + k]) != p[k]) return false;
        return true;
    };
    if (starts("<!doctype") || starts("<html") || starts("<head") || starts("<body") || starts("<?xml") || starts("<!--"))
        return true;
    // Closing tags of common elements in the first 64 KB.
    const std::string_view head = t.substr(0, 64 * 1024);
    const char* const kClosers[] = {"</p>", "</div>", "</span>", "</a>", "</li>", "</h1>", "</h2>", "</h3>",
                                    "</script>", "</style>", "</td>", "</strong>", "</em>", "</b>", nullptr};
    int found = 0;
    for (size_t p = head.find("</"); p != std::string_view::npos; p = head.find("</", p + 2)) {
        for (const char* const* c = kClosers; *c; ++c) {
            const size_t m = std::strlen(*c);
            size_t k = 0;
            while (k < m && p + k < head.size() && lower(head[p + k]) == (*c)[k]) ++k;
            if (k == m) { ++found; break; }
        }
        if (found >= 2) return true;
    }
    return false;
}

}  // namespace ae
