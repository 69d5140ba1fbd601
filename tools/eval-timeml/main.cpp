// eval-timeml: scores ae::find_values against TimeML TIMEX3 annotations the TempEval-3 way.
//
//   eval-timeml [--verbose] [DIR_OR_FILE...]
//
// Default input: ../shared/data/timeml/TBAQ-cleaned/{TimeBank,AQUAINT} (256 documents), every *.tml.
// For each file: the <TEXT> element is stripped of tags (entities decoded), keeping the offsets
// of its TIMEX3s; the document creation time (<DCT>) is the reference date; the text goes through
// ae::analyze and ae::find_values. Only DATE/TIME/DURATION/SET values are scored (MONEY etc.
// are not TIMEX3s). Matching is one-to-one: strict = identical span, relaxed = overlapping
// spans (TempEval-3). Value accuracy = correct values / relaxed matches; value P/R/F1 count a
// value as correct when the spans overlap and the value strings are equal (TempEval-3 attribute
// F1). Per-type rows use the gold type for recall and the system type for precision. A range
// value (`2013/2017`) is scored as its two ends, the way TimeML annotates ranges.
// Exits 0 with a message when the data directory is absent.
#include "article_explorer/analysis.h"
#include "article_explorer/values.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#ifndef AE_SHARED_DIR
#define AE_SHARED_DIR "../shared"
#endif

namespace fs = std::filesystem;

namespace {

struct Timex { uint32_t start = 0, end = 0; std::string type, value, text; };

struct Doc {
    std::string name, text, dct;
    std::vector<Timex> timexes;
};

std::string attr(const std::string& tag, const std::string& name) {
    std::string key = " " + name + "=\"";
    size_t p = tag.find(key);
    if (p == std::string::npos) return "";
    p += key.size();
    size_t q = tag.find('"', p);
    return q == std::string::npos ? "" : tag.substr(p, q - p);
}

// Appends s[i..] decoded up to the next '<' and returns the new position.
size_t append_text(const std::string& s, size_t i, size_t end, std::string& out) {
    while (i < end && s[i] != '<') {
        if (s[i] == '&') {
            size_t semi = s.find(';', i);
            if (semi != std::string::npos && semi - i <= 8) {
                std::string ent = s.substr(i + 1, semi - i - 1);
                const char* rep = ent == "amp" ? "&" : ent == "lt" ? "<" : ent == "gt" ? ">" : ent == "quot" ? "\"" : ent == "apos" ? "'" : nullptr;
                if (rep) { out += rep; i = semi + 1; continue; }
            }
        }
        out.push_back(s[i++]);
    }
    return i;
}

bool load(const fs::path& path, Doc& d) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::stringstream ss;
    ss << in.rdbuf();
    std::string s = ss.str();
    d.name = path.filename().string();
    size_t dct = s.find("<DCT>");
    if (dct != std::string::npos) {
        size_t t = s.find("<TIMEX3", dct);
        size_t te = s.find('>', t);
        if (t != std::string::npos && te != std::string::npos) d.dct = attr(s.substr(t, te - t), "value").substr(0, 10);
    }
    size_t a = s.find("<TEXT>"), b = s.find("</TEXT>");
    if (a == std::string::npos || b == std::string::npos) return false;
    size_t i = a + 6;
    Timex open;
    bool in_timex = false;
    while (i < b) {
        i = append_text(s, i, b, d.text);
        if (i >= b) break;
        size_t e = s.find('>', i);
        if (e == std::string::npos || e > b) break;
        std::string tag = s.substr(i, e - i + 1);
        if (tag.compare(0, 7, "<TIMEX3") == 0) {
            open = Timex{};
            open.start = uint32_t(d.text.size());
            open.type = attr(tag, "type");
            open.value = attr(tag, "value");
            in_timex = true;
        } else if (tag.compare(0, 9, "</TIMEX3>") == 0 && in_timex) {
            open.end = uint32_t(d.text.size());
            open.text = d.text.substr(open.start, open.end - open.start);
            d.timexes.push_back(open);
            in_timex = false;
        }
        i = e + 1;
    }
    return true;
}

struct Counts { long gold = 0, sys = 0, strict_g = 0, strict_s = 0, relaxed_g = 0, relaxed_s = 0, value_g = 0, value_s = 0; };

double f1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }
double pct(long a, long b) { return b ? 100.0 * double(a) / double(b) : 0.0; }

bool temporal(const std::string& t) { return t == "DATE" || t == "TIME" || t == "DURATION" || t == "SET"; }

}  // namespace

int main(int argc, char** argv) {
    bool verbose = false;
    std::vector<fs::path> inputs;
    for (int k = 1; k < argc; ++k) {
        std::string a = argv[k];
        if (a == "--verbose" || a == "-v") verbose = true;
        else if (a == "--help" || a == "-h") {
            std::printf("usage: eval-timeml [--verbose] [DIR_OR_FILE...]\n");
            return 0;
        } else inputs.emplace_back(a);
    }
    if (inputs.empty()) {
        fs::path base = fs::path(AE_SHARED_DIR) / "data/timeml/TBAQ-cleaned";
        std::error_code ec;
        if (!fs::is_directory(base, ec)) {
            std::printf("eval-timeml: %s not found; skipping the TimeML evaluation\n", base.string().c_str());
            return 0;
        }
        inputs.push_back(base / "TimeBank");
        inputs.push_back(base / "AQUAINT");
    }
    std::vector<fs::path> files;
    for (const fs::path& p : inputs) {
        std::error_code ec;
        if (fs::is_regular_file(p, ec)) { files.push_back(p); continue; }
        if (!fs::is_directory(p, ec)) {
            std::printf("eval-timeml: %s not found; skipping the TimeML evaluation\n", p.string().c_str());
            return 0;
        }
        for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
            if (it->is_regular_file() && it->path().extension() == ".tml") files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) { std::printf("eval-timeml: no .tml files found; skipping\n"); return 0; }

    const char* types[] = {"DATE", "TIME", "DURATION", "SET"};
    std::map<std::string, Counts> by;
    Counts all;
    long docs = 0;
    for (const fs::path& f : files) {
        Doc d;
        if (!load(f, d)) { std::fprintf(stderr, "eval-timeml: cannot read %s\n", f.string().c_str()); continue; }
        ++docs;
        ae::Options opts;
        opts.reference_date = d.dct;
        ae::Analysis an = ae::analyze(d.text, opts);
        ae::find_values(an);
        std::vector<Timex> sys;
        for (const ae::Value& v : an.values) {
            if (!temporal(v.type)) continue;
            Timex t;
            t.start = an.offsets.to_input(v.start);
            t.end = an.offsets.to_input(v.end);
            t.type = v.type;
            t.value = v.value;
            t.text = d.text.substr(t.start, t.end - t.start);
            // A range (`between 2013 and 2017` = `2013/2017`) is one value here; TimeML annotates
            // its two ends as two TIMEX3s, so it is scored as the two ends.
            size_t slash = t.value.find('/');
            if (t.type == "DATE" && slash != std::string::npos) {
                std::string a = t.value.substr(0, slash), b = t.value.substr(slash + 1);
                const char* seps[] = {" and ", " to ", " through ", " until ", " till ", "-"};
                size_t sp = std::string::npos, sl = 0;
                for (const char* s : seps) {
                    size_t q = t.text.rfind(s);
                    if (q != std::string::npos && q > 0) { sp = q; sl = std::string(s).size(); break; }
                }
                if (sp != std::string::npos) {
                    size_t first = t.text.find(' ');
                    if (t.text.compare(0, 8, "between ") != 0 && t.text.compare(0, 5, "from ") != 0) first = std::string::npos;
                    Timex x = t, y = t;
                    x.start = t.start + uint32_t(first == std::string::npos ? 0 : first + 1);
                    x.end = t.start + uint32_t(sp);
                    x.value = a;
                    y.start = t.start + uint32_t(sp + sl);
                    y.value = b;
                    x.text = d.text.substr(x.start, x.end - x.start);
                    y.text = d.text.substr(y.start, y.end - y.start);
                    if (x.start < x.end && y.start < y.end) { sys.push_back(x); sys.push_back(y); continue; }
                }
            }
            sys.push_back(t);
        }
        const std::vector<Timex>& gold = d.timexes;
        // one-to-one relaxed matching in text order (both lists are sorted and non-overlapping)
        std::vector<int> g2s(gold.size(), -1), s2g(sys.size(), -1);
        for (size_t g = 0; g < gold.size(); ++g)
            for (size_t s = 0; s < sys.size(); ++s)
                if (s2g[s] < 0 && sys[s].start < gold[g].end && gold[g].start < sys[s].end) { g2s[g] = int(s); s2g[s] = int(g); break; }
        for (size_t g = 0; g < gold.size(); ++g) {
            Counts& c = by[gold[g].type];
            ++c.gold; ++all.gold;
            int s = g2s[g];
            if (s < 0) { if (verbose) std::printf("FN %s\t%s\t%s\t%s\n", d.name.c_str(), gold[g].type.c_str(), gold[g].text.c_str(), gold[g].value.c_str()); continue; }
            ++c.relaxed_g; ++all.relaxed_g;
            if (sys[size_t(s)].start == gold[g].start && sys[size_t(s)].end == gold[g].end) { ++c.strict_g; ++all.strict_g; }
            if (sys[size_t(s)].value == gold[g].value) { ++c.value_g; ++all.value_g; }
            else if (verbose)
                std::printf("BADVAL %s\t%s\t%s\t%s\tgot %s [%s] dct %s\n", d.name.c_str(), gold[g].type.c_str(), gold[g].text.c_str(),
                            gold[g].value.c_str(), sys[size_t(s)].value.c_str(), sys[size_t(s)].text.c_str(), d.dct.c_str());
        }
        for (size_t s = 0; s < sys.size(); ++s) {
            Counts& c = by[sys[s].type];
            ++c.sys; ++all.sys;
            int g = s2g[s];
            if (g < 0) { if (verbose) std::printf("FP %s\t%s\t%s\t%s\n", d.name.c_str(), sys[s].type.c_str(), sys[s].text.c_str(), sys[s].value.c_str()); continue; }
            ++c.relaxed_s; ++all.relaxed_s;
            if (sys[s].start == gold[size_t(g)].start && sys[s].end == gold[size_t(g)].end) { ++c.strict_s; ++all.strict_s; }
            if (sys[s].value == gold[size_t(g)].value) { ++c.value_s; ++all.value_s; }
        }
    }
    std::printf("TimeML TIMEX3 evaluation: %ld documents, reference date = DCT\n", docs);
    std::printf("%-9s %6s %6s | %-20s | %-20s | %8s | %-20s\n", "type", "gold", "sys", "strict P / R / F1", "relaxed P / R / F1",
                "val.acc", "value P / R / F1");
    auto row = [&](const char* name, const Counts& c) {
        double sp = pct(c.strict_s, c.sys), sr = pct(c.strict_g, c.gold);
        double rp = pct(c.relaxed_s, c.sys), rr = pct(c.relaxed_g, c.gold);
        double vp = pct(c.value_s, c.sys), vr = pct(c.value_g, c.gold);
        std::printf("%-9s %6ld %6ld | %5.1f %5.1f %6.1f  | %5.1f %5.1f %6.1f  | %7.1f  | %5.1f %5.1f %6.1f\n", name, c.gold, c.sys, sp, sr,
                    f1(sp, sr), rp, rr, f1(rp, rr), pct(c.value_g, c.relaxed_g), vp, vr, f1(vp, vr));
    };
    for (const char* t : types) row(t, by[t]);
    row("ALL", all);
    return 0;
}
