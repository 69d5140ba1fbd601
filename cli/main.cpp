// article-explorer: the command line around the core library (analyze, ner-conll, bench, batch).
#include "article_explorer/analysis.h"
#include "article_explorer/tagger.h"
#include "article_explorer/text.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sys/stat.h>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

const char* kUsage =
    "usage: article-explorer <command> [options]\n"
    "\n"
    "commands:\n"
    "  analyze [--reference-date YYYY-MM-DD] [--offsets bytes|utf16] [--pretty] [FILE|-]\n"
    "      analyse one article (a file, or stdin when FILE is - or absent) and print its\n"
    "      article-explorer/1 JSON on stdout\n"
    "  bench [--tokens-only|--tags-only] [--stages] [--min-seconds S] FILE...\n"
    "      analyse the files repeatedly and print words per second of the whole pipeline\n"
    "      (--tokens-only: stages 1-2, text + tokens + sentences, also in MB/s)\n"
    "      (--tags-only: up to POS tags, values and named entities; no grouping, quotes,\n"
    "       parse or events: what a tagger-only library does)\n"
    "      (--stages: also the time of each pipeline stage, from ae::AnalysisJob, and of\n"
    "       the JSON writer, which the wasm module runs too; words/s then includes it)\n"
    "  batch IN.jsonl OUT.jsonl [--threads N] [--offsets bytes|utf16]\n"
    "      analyse {\"id\",\"text\",\"date\"?} lines; writes {\"id\",\"analysis\"} lines in input\n"
    "      order; a bad line is reported on stderr with its number, written as {\"line\",\"error\"}\n"
    "      and skipped; progress on stderr; - for IN or OUT is stdin or stdout\n"
    "  ner-conll FILE\n"
    "      tag CoNLL-2003 columns and print `token gold predicted` (IOB2) lines\n"
    "\n"
    "options:\n"
    "  -h, --help     this help\n"
    "  --version      print the version\n"
    "\n"
    "exit status: 0 success, 1 bad input (one-line reason on stderr), 2 bad usage\n";

// What the core analyses at most (ae::Options::max_bytes); the CLI reads no more than this.
const size_t kMaxInputBytes = ae::Options().max_bytes;

int usage_error(const std::string& msg) {
    std::fprintf(stderr, "article-explorer: %s (see --help)\n", msg.c_str());
    return 2;
}
int input_error(const std::string& msg) {
    std::fprintf(stderr, "article-explorer: %s\n", msg.c_str());
    return 1;
}

// stat() of an input file; false with the one-line reason when it is missing or a directory.
bool stat_input(const std::string& path, struct stat& st, std::string& err) {
    if (::stat(path.c_str(), &st) != 0) { err = "cannot open '" + path + "': " + std::strerror(errno); return false; }
    if (S_ISDIR(st.st_mode)) { err = "cannot read '" + path + "': it is a directory"; return false; }
    return true;
}

// Reads a file, or stdin for "-", keeping at most limit + 1 bytes so that /dev/zero or a huge
// pipe cannot exhaust memory: a result longer than `limit` means the input is over it.
bool read_all(const std::string& path, std::string& out, std::string& err, size_t limit = kMaxInputBytes) {
    out.clear();
    std::FILE* f = stdin;
    if (path != "-") {
        struct stat st;
        if (!stat_input(path, st, err)) return false;
        if (S_ISREG(st.st_mode) && uint64_t(st.st_size) > limit) {
            err = "'" + path + "' is " + std::to_string(uint64_t(st.st_size)) + " bytes; the limit is " + std::to_string(limit);
            return false;
        }
        f = std::fopen(path.c_str(), "rb");
        if (!f) { err = "cannot open '" + path + "': " + std::strerror(errno); return false; }
    }
    char buf[1 << 16];
    size_t n;
    while (out.size() <= limit && (n = std::fread(buf, 1, std::min(sizeof buf, limit + 1 - out.size()), f)) > 0)
        out.append(buf, n);
    const bool failed = std::ferror(f) != 0;
    const int read_errno = errno;
    if (f != stdin) std::fclose(f);
    const std::string name = path == "-" ? std::string("stdin") : "'" + path + "'";
    if (failed) { err = "cannot read " + name + ": " + std::strerror(read_errno); return false; }
    if (out.size() > limit) { err = name + " is over the limit of " + std::to_string(limit) + " bytes"; return false; }
    return true;
}

// Share of bytes that are invalid UTF-8 or control characters: a binary file is not an article.
double junk_share(std::string_view s) {
    if (s.empty()) return 0;
    size_t junk = 0, i = 0;
    while (i < s.size()) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) { if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') ++junk; ++i; continue; }
        uint32_t cp;
        int len = ae::utf8_decode(s, i, cp);
        if (len == 0) { ++junk; ++i; } else i += len;
    }
    return double(junk) / double(s.size());
}


int cmd_analyze(int argc, char** argv) {
    ae::Options opts;
    std::string file = "-";
    bool pretty = false, have_file = false;
    for (int i = 0; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--reference-date") {
            if (i + 1 >= argc) return usage_error("--reference-date needs a value");
            opts.reference_date = argv[++i];
            if (!ae::is_iso_date(opts.reference_date)) return usage_error("--reference-date '" + opts.reference_date + "' is not a valid YYYY-MM-DD date");
        } else if (a == "--offsets") {
            if (i + 1 >= argc) return usage_error("--offsets needs bytes or utf16");
            std::string v = argv[++i];
            if (v == "utf16") opts.utf16_offsets = true;
            else if (v != "bytes") return usage_error("--offsets must be bytes or utf16, not '" + v + "'");
        } else if (a == "--pretty") {
            pretty = true;
        } else if (a == "-h" || a == "--help") {
            std::fputs(kUsage, stdout); return 0;
        } else if (a.size() > 1 && a[0] == '-' && a != "-") {
            return usage_error("unknown option '" + a + "' for analyze");
        } else {
            if (have_file) return usage_error("analyze takes one FILE");
            file = a; have_file = true;
        }
    }
    std::string text, err;
    if (!read_all(file, text, err)) return input_error(err);
    double junk = junk_share(text);
    if (text.size() >= 64 && junk > 0.10)
        return input_error("input does not look like text: " + std::to_string(int(junk * 100)) + "% of its bytes are invalid UTF-8 or control characters");
    ae::Analysis a = ae::analyze(text, opts);
    std::string out = ae::to_json(a, opts, pretty);
    out += '\n';
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}

size_t count_words(const ae::Analysis& a) {
    size_t n = 0;
    for (const auto& t : a.tokens) n += (t.kind == ae::TokenKind::Word || t.kind == ae::TokenKind::Number) ? 1 : 0;
    return n;
}

int cmd_bench(int argc, char** argv) {
    ae::Options opts;
    double min_seconds = 2.0;
    bool stages = false;
    std::vector<std::string> files;
    for (int i = 0; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--tokens-only") opts.tokens_only = true;
        else if (a == "--tags-only") opts.tags_only = true;
        else if (a == "--stages") stages = true;
        else if (a == "--min-seconds") { if (i + 1 >= argc) return usage_error("--min-seconds needs a value"); min_seconds = std::atof(argv[++i]); }
        else if (a == "-h" || a == "--help") { std::fputs(kUsage, stdout); return 0; }
        else if (a.size() > 1 && a[0] == '-') return usage_error("unknown option '" + a + "' for bench");
        else files.push_back(a);
    }
    if (files.empty()) return usage_error("bench needs at least one FILE");
    std::vector<std::string> texts;
    size_t bytes = 0;
    for (const auto& f : files) {
        std::string t, err;
        if (!read_all(f, t, err)) return input_error(err);
        bytes += t.size();
        texts.push_back(std::move(t));
    }
    using clock = std::chrono::steady_clock;
    size_t words = 0;
    for (const auto& t : texts) words += count_words(ae::analyze(t, opts));   // warm-up, counts words
    size_t passes = 0;
    auto t0 = clock::now();
    double secs = 0;
    std::vector<ae::AnalysisJob::StageTime> per_stage;
    do {
        for (const auto& t : texts) {
            if (!stages) { ae::Analysis a = ae::analyze(t, opts); (void)a; continue; }
            ae::AnalysisJob job(t, opts);
            job.step(1e300);
            auto st = job.stage_times();
            // the JSON writer too, as the wasm module's analyze() runs it (not part of the words/s)
            const auto j0 = clock::now();
            const ae::Analysis a = job.take();
            const std::string json = ae::to_json(a, opts);
            st.push_back({"json", std::chrono::duration<double, std::milli>(clock::now() - j0).count()});
            (void)json;
            if (per_stage.empty()) per_stage = st;
            else for (size_t k = 0; k < st.size(); ++k) per_stage[k].ms += st[k].ms;
        }
        ++passes;
        secs = std::chrono::duration<double>(clock::now() - t0).count();
    } while (secs < min_seconds);
    double per_pass = secs / double(passes);
    std::printf("files %zu  bytes %zu  words %zu  passes %zu  stages %s\n", texts.size(), bytes, words, passes,
                opts.tokens_only ? "text+tokens+sentences" : opts.tags_only ? "text+tokens+sentences+pos+values+ner" : "all");
    std::printf("%.0f words/s  %.2f MB/s  %.3f ms per pass\n", double(words) / per_pass,
                double(bytes) / per_pass / 1e6, per_pass * 1e3);
    if (stages) {
        double total = 0;
        for (const auto& st : per_stage) total += st.ms;
        std::printf("%-10s %10s %7s %14s\n", "stage", "ms/pass", "share", "words/s");
        for (const auto& st : per_stage) {
            const double ms = st.ms / double(passes);
            std::printf("%-10s %10.2f %6.1f%% %14.0f\n", st.stage, ms, total > 0 ? 100.0 * st.ms / total : 0.0, ms > 0 ? double(words) / (ms / 1e3) : 0.0);
        }
    }
    return 0;
}

int cmd_batch(int argc, char** argv) {
    ae::Options opts;
    std::string in, out;
    unsigned threads = 1;
    for (int i = 0; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--threads") {
            if (i + 1 >= argc) return usage_error("--threads needs a number");
            int n = std::atoi(argv[++i]);
            if (n < 1 || n > 256) return usage_error("--threads must be 1..256");
            threads = unsigned(n);
        } else if (a == "--offsets") {
            if (i + 1 >= argc) return usage_error("--offsets needs bytes or utf16");
            std::string v = argv[++i];
            if (v == "utf16") opts.utf16_offsets = true; else if (v != "bytes") return usage_error("--offsets must be bytes or utf16");
        } else if (a == "-h" || a == "--help") { std::fputs(kUsage, stdout); return 0; }
        else if (a.size() > 1 && a[0] == '-') return usage_error("unknown option '" + a + "' for batch");
        else if (in.empty()) in = a;
        else if (out.empty()) out = a;
        else return usage_error("batch takes IN.jsonl OUT.jsonl");
    }
    if (in.empty() || out.empty()) return usage_error("batch needs IN.jsonl and OUT.jsonl");
    // "-" is stdin / stdout (the progress line goes to stderr). OUT is truncated before IN is
    // read, so the same file for both would lose every article: refused.
    struct stat sin, sout;
    std::string err;
    if (in != "-" && !stat_input(in, sin, err)) return input_error(err);
    if (in != "-" && out != "-" && ::stat(out.c_str(), &sout) == 0 && sin.st_dev == sout.st_dev && sin.st_ino == sout.st_ino)
        return usage_error("OUT '" + out + "' is the same file as IN: it would be overwritten before it is read");
    std::ifstream fin_file;
    if (in != "-") {
        fin_file.open(in, std::ios::binary);
        if (!fin_file) return input_error("cannot open '" + in + "': " + std::strerror(errno));
    }
    std::ofstream fout_file;
    if (out != "-") {
        fout_file.open(out, std::ios::binary | std::ios::trunc);
        if (!fout_file) return input_error("cannot write '" + out + "': " + std::strerror(errno));
    }
    if (in == "-" || out == "-") std::ios::sync_with_stdio(false);
    std::istream& fin = in == "-" ? std::cin : fin_file;
    std::ostream& fout = out == "-" ? std::cout : fout_file;
    const std::string in_name = in == "-" ? std::string("stdin") : in;

    // Work in windows of lines so that memory stays bounded whatever the file's size.
    const size_t window = 256;
    std::vector<std::string> lines, results;
    size_t line_no = 0, done = 0, bad = 0;
    auto t0 = std::chrono::steady_clock::now();
    std::string line;
    bool eof = false;
    while (!eof) {
        lines.clear();
        while (lines.size() < window && std::getline(fin, line)) lines.push_back(line);
        if (lines.size() < window) eof = true;
        if (lines.empty()) break;
        results.assign(lines.size(), std::string());
        std::vector<std::string> errors(lines.size());
        std::atomic<size_t> next{0};
        auto worker = [&]() {
            for (size_t k; (k = next.fetch_add(1)) < lines.size();) {
                results[k] = ae::batch_line(lines[k], opts, &errors[k]);
            }
        };
        std::vector<std::thread> pool;
        for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
        worker();
        for (auto& th : pool) th.join();
        for (size_t k = 0; k < lines.size(); ++k) {
            ++line_no;
            if (!errors[k].empty()) {
                ++bad;
                std::fprintf(stderr, "\narticle-explorer: %s:%zu: %s; line skipped\n", in_name.c_str(), line_no, errors[k].c_str());
                fout << ae::batch_error_line(line_no, errors[k]) << '\n';
                continue;
            }
            if (results[k].empty()) continue;
            fout << results[k] << '\n';
            ++done;
        }
        double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        std::fprintf(stderr, "\rbatch: %zu lines read, %zu analysed, %zu bad, %.1f articles/s", line_no, done, bad,
                     secs > 0 ? double(done) / secs : 0.0);
    }
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::fprintf(stderr, "\rbatch: %zu lines read, %zu analysed, %zu bad, %.1f articles/s in %.2f s\n", line_no, done,
                 bad, secs > 0 ? double(done) / secs : 0.0, secs);
    fout.flush();
    if (!fout) return input_error("writing " + (out == "-" ? std::string("stdout") : "'" + out + "'") + " failed");
    return 0;
}

int cmd_ner_conll(int argc, char** argv);

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) { std::fputs(kUsage, stderr); return 2; }
    std::string cmd = argv[1];
    if (cmd == "-h" || cmd == "--help" || cmd == "help") { std::fputs(kUsage, stdout); return 0; }
    if (cmd == "--version" || cmd == "version") { std::printf("article-explorer %s (schema %s)\n", ae::kVersion, ae::kSchema); return 0; }
    if (cmd == "analyze") return cmd_analyze(argc - 2, argv + 2);
    if (cmd == "bench") return cmd_bench(argc - 2, argv + 2);
    if (cmd == "batch") return cmd_batch(argc - 2, argv + 2);
    if (cmd == "ner-conll") return cmd_ner_conll(argc - 2, argv + 2);
    return usage_error("unknown command '" + cmd + "'");
}

namespace {
// ner-conll FILE: CoNLL-2003 columns (token POS chunk NER, IOB1) in; `token gold predicted` lines
// out, both in IOB2, a blank line between sentences — the input conlleval-style scorers expect.
int cmd_ner_conll(int argc, char** argv) {
    if (argc != 1) return usage_error("ner-conll takes one FILE");
    std::string text, err;
    if (!read_all(argv[0], text, err)) return input_error(err);
    std::vector<std::vector<std::string>> sents, golds;
    std::vector<size_t> doc_starts;
    std::vector<std::string> toks, gold;
    size_t line_no = 0;
    auto flush = [&]() {
        if (!toks.empty()) { sents.push_back(std::move(toks)); golds.push_back(std::move(gold)); }
        toks.clear(); gold.clear();
    };
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty()) { flush(); continue; }
        std::istringstream ls(line);
        std::vector<std::string> cols;
        for (std::string c; ls >> c;) cols.push_back(c);
        if (cols.empty()) { flush(); continue; }
        if (cols[0] == "-DOCSTART-") { flush(); doc_starts.push_back(sents.size()); continue; }
        if (cols.size() < 2) return input_error(std::string(argv[0]) + ":" + std::to_string(line_no) + ": expected `token ... NER` columns");
        toks.push_back(cols[0]);
        gold.push_back(cols.back());
    }
    flush();
    // IOB1 -> IOB2: an I- that does not continue an entity of the same type begins one.
    for (auto& g : golds)
        for (size_t k = 0; k < g.size(); ++k)
            if (g[k].size() > 2 && g[k][0] == 'I' && (k == 0 || g[k - 1] == "O" || g[k - 1].substr(2) != g[k].substr(2))) g[k][0] = 'B';
    std::vector<std::vector<std::string>> pred = ae::ner_conll(sents, doc_starts);
    std::string out;
    for (size_t s = 0; s < sents.size(); ++s) {
        for (size_t k = 0; k < sents[s].size(); ++k) {
            out += sents[s][k]; out += ' '; out += golds[s][k]; out += ' ';
            out += (s < pred.size() && k < pred[s].size()) ? pred[s][k] : "O";
            out += '\n';
        }
        out += '\n';
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
}
}  // namespace
