#include "corpus.h"

#include "article_explorer/analysis.h"
#include "article_explorer/text.h"
#include "article_explorer/tokens.h"

#include <algorithm>
#include <cstdio>
#include <dirent.h>
#include <sys/stat.h>
#include <zlib.h>

namespace newsstats {
namespace {

void list_into(const std::string& path, std::vector<std::string>& out) {
    struct stat st;
    if (stat(path.c_str(), &st) != 0) { out.push_back(path); return; }   // reported when read
    if (S_ISREG(st.st_mode)) { out.push_back(path); return; }
    if (!S_ISDIR(st.st_mode)) return;
    DIR* d = opendir(path.c_str());
    if (!d) return;
    std::vector<std::string> names;
    while (dirent* e = readdir(d)) {
        std::string n = e->d_name;
        if (n == "." || n == ".." || n == "README.md" || n == "LICENSE") continue;
        names.push_back(n);
    }
    closedir(d);
    std::sort(names.begin(), names.end());
    for (auto& n : names) list_into(path + "/" + n, out);
}

bool ends_with(const std::string& s, std::string_view e) { return s.size() >= e.size() && s.compare(s.size() - e.size(), e.size(), e) == 0; }

// The whole file, gunzipped when it is gzip (zlib reads plain files as they are).
bool read_file(const std::string& path, std::string& out) {
    gzFile f = gzopen(path.c_str(), "rb");
    if (!f) return false;
    out.clear();
    char buf[1 << 16];
    for (;;) {
        int n = gzread(f, buf, sizeof buf);
        if (n < 0) { gzclose(f); return false; }
        if (n == 0) break;
        out.append(buf, size_t(n));
    }
    gzclose(f);
    return true;
}

void append_utf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) out += char(cp);
    else if (cp < 0x800) { out += char(0xC0 | (cp >> 6)); out += char(0x80 | (cp & 0x3F)); }
    else if (cp < 0x10000) { out += char(0xE0 | (cp >> 12)); out += char(0x80 | ((cp >> 6) & 0x3F)); out += char(0x80 | (cp & 0x3F)); }
    else { out += char(0xF0 | (cp >> 18)); out += char(0x80 | ((cp >> 12) & 0x3F)); out += char(0x80 | ((cp >> 6) & 0x3F)); out += char(0x80 | (cp & 0x3F)); }
}

// Parses the JSON string starting after its opening quote at s[i]; i ends after the closing quote.
bool parse_string(std::string_view s, size_t& i, std::string* out) {
    auto hex4 = [&](size_t at, uint32_t& v) {
        if (at + 4 > s.size()) return false;
        v = 0;
        for (size_t k = at; k < at + 4; ++k) {
            char c = s[k];
            v <<= 4;
            if (c >= '0' && c <= '9') v |= uint32_t(c - '0');
            else if ((c | 32) >= 'a' && (c | 32) <= 'f') v |= uint32_t((c | 32) - 'a' + 10);
            else return false;
        }
        return true;
    };
    while (i < s.size()) {
        char c = s[i++];
        if (c == '"') return true;
        if (c != '\\') { if (out) *out += c; continue; }
        if (i >= s.size()) return false;
        char e = s[i++];
        uint32_t cp = 0;
        switch (e) {
            case 'n': cp = '\n'; break;
            case 't': cp = '\t'; break;
            case 'r': cp = '\r'; break;
            case 'b': cp = '\b'; break;
            case 'f': cp = '\f'; break;
            case 'u':
                if (!hex4(i, cp)) return false;
                i += 4;
                if (cp >= 0xD800 && cp < 0xDC00 && i + 6 <= s.size() && s[i] == '\\' && s[i + 1] == 'u') {
                    uint32_t lo;
                    if (hex4(i + 2, lo) && lo >= 0xDC00 && lo < 0xE000) { cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00); i += 6; }
                }
                if (cp >= 0xD800 && cp < 0xE000) cp = 0xFFFD;
                break;
            default: cp = uint8_t(e);   // \" \\ \/
        }
        if (out) append_utf8(*out, cp);
    }
    return false;
}

}  // namespace

std::vector<std::string> list_files(const std::vector<std::string>& paths) {
    std::vector<std::string> out;
    for (auto& p : paths) list_into(p, out);
    return out;
}

bool json_text_field(std::string_view s, std::string_view key, std::string& out) {
    // Top-level keys of one object: "key": value, ...; values other than strings are skipped.
    size_t i = s.find('{');
    if (i == std::string_view::npos) return false;
    ++i;
    std::string k;
    while (i < s.size()) {
        while (i < s.size() && (s[i] == ' ' || s[i] == ',' || s[i] == '\t')) ++i;
        if (i >= s.size() || s[i] != '"') return false;
        ++i;
        k.clear();
        if (!parse_string(s, i, &k)) return false;
        while (i < s.size() && (s[i] == ' ' || s[i] == ':')) ++i;
        if (i >= s.size()) return false;
        if (s[i] == '"') {
            ++i;
            if (k == key) { out.clear(); return parse_string(s, i, &out); }
            if (!parse_string(s, i, nullptr)) return false;
        } else {
            // A number, true/false/null (the corpus has no nested values).
            while (i < s.size() && s[i] != ',' && s[i] != '}') ++i;
        }
        if (i < s.size() && s[i] == '}') return false;
    }
    return false;
}

long for_each_sentence(const std::vector<std::string>& files, const std::function<void(const SentenceView&)>& on_sentence) {
    long articles = 0;
    size_t tokens_seen = 0;
    std::vector<std::string_view> toks;
    ae::Analysis a;
    auto article = [&](std::string_view raw) {
        ae::CleanText clean = ae::clean_text(raw);
        a.text = std::move(clean.text);
        a.paragraphs = ae::split_paragraphs(a.text);
        a.tokens.clear();
        a.sentences.clear();
        for (uint32_t p = 0; p < a.paragraphs.size(); ++p) {
            const ae::Paragraph& para = a.paragraphs[p];
            uint32_t first = uint32_t(a.tokens.size());
            ae::tokenize(a.text, para.start, para.end, p, a.tokens);
            if (para.boilerplate) continue;
            ae::split_sentences(a.text, a.tokens, first, uint32_t(a.tokens.size()), p, a.sentences);
        }
        for (const ae::Sentence& s : a.sentences) {
            toks.clear();
            for (uint32_t k = 0; k < s.token_count; ++k) toks.push_back(a.token_text(a.tokens[s.first_token + k]));
            tokens_seen += toks.size();
            on_sentence(SentenceView{toks, size_t(articles)});
        }
        ++articles;
    };
    const long n = for_each_article(files, article);
    std::fprintf(stderr, "news-stats: %.1f M tokens\n", double(tokens_seen) / 1e6);
    return n;
}

long for_each_article(const std::vector<std::string>& files, const std::function<void(std::string_view)>& on_article, const char* tool) {
    long articles = 0;
    std::string data, text;
    for (size_t fi = 0; fi < files.size(); ++fi) {
        const std::string& f = files[fi];
        if (!read_file(f, data)) { std::fprintf(stderr, "%s: cannot read %s\n", tool, f.c_str()); return -1; }
        const bool jsonl = ends_with(f, ".jsonl") || ends_with(f, ".jsonl.gz");
        if (jsonl) {
            size_t b = 0;
            while (b < data.size()) {
                size_t e = data.find('\n', b);
                if (e == std::string::npos) e = data.size();
                std::string_view line(data.data() + b, e - b);
                if (json_text_field(line, "text", text)) { on_article(text); ++articles; }
                b = e + 1;
            }
        } else {
            on_article(data);
            ++articles;
        }
        std::fprintf(stderr, "\r%s: %zu/%zu files, %ld articles   ", tool, fi + 1, files.size(), articles);
    }
    std::fprintf(stderr, "\n");
    return articles;
}

}  // namespace newsstats
