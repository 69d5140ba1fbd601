// eval-quotes: scores our quotes against PolNeAR-style annotations (text/*.txt + brat
// attributions/*.ann with Source / Cue / Content spans in code-point offsets).
//   content span overlap P/R/F1, exact P/R/F1 (strict, and after trimming quote marks, edge
//   punctuation and a leading "that" (or "that,"); a discontinuous gold content — “A,” said X. “B” — is matched
//   exactly by quotes equal to its fragments), cue P/R/F1, speaker accuracy on matched quotes.
// Each part is also reported on its own, so the next person sees where the errors are:
//   cue spans alone (ours vs gold, whatever the content), content recall by the gold's form
//   (with a quote mark or not) and by whether we found its cue, source span P/R/F1 and speaker
//   accuracy per kind of our quote.
// usage: eval-quotes DIR [--errors N]      (DIR = ../shared/data/polnear/dev)
#include "article_explorer/analysis.h"
#include "../common/polnear.h"
#include "article_explorer/text.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Range { uint32_t s = 0, e = 0; };
struct Gold { Range content, cue, source; std::vector<Range> fragments; bool has_cue = false, has_source = false; std::string source_text, cue_text; };

std::vector<Gold> parse_ann(const std::string& path) {
    std::vector<Gold> out;
    auto range = [](const polnear::Part& p) { return Range{p.start(), p.end()}; };
    for (const polnear::Attribution& at : polnear::attributions(polnear::read_file(path))) {
        Gold g;
        g.content = range(at.content);
        for (const auto& [s, e] : at.content.fragments) g.fragments.push_back({s, e});
        if (at.cue.ok) { g.cue = range(at.cue); g.has_cue = true; g.cue_text = at.cue.text; }
        if (at.source.ok) { g.source = range(at.source); g.has_source = true; g.source_text = at.source.text; }
        out.push_back(g);
    }
    return out;
}

bool overlaps(Range a, Range b) { return a.s < b.e && b.s < a.e; }

// Trim quote marks, spaces, edge punctuation and a leading "that" or "that," (code-point range over text).
Range normalise(const std::u32string& t, Range r) {
    auto junk = [](char32_t c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '"' || c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019 ||
               c == '\'' || c == '.' || c == ',' || c == ':' || c == ';' || c == 0xA0 || c == 0x2014 || c == '-';
    };
    r.e = std::min<uint32_t>(r.e, uint32_t(t.size()));
    for (int pass = 0; pass < 2; ++pass) {
        while (r.s < r.e && junk(t[r.s])) ++r.s;
        while (r.e > r.s && junk(t[r.e - 1])) --r.e;
        if (r.e - r.s > 5 && (t[r.s] == 't' || t[r.s] == 'T') && t[r.s + 1] == 'h' && t[r.s + 2] == 'a' && t[r.s + 3] == 't' &&
            (t[r.s + 4] == ' ' || t[r.s + 4] == ',')) r.s += 5;
    }
    return r;
}

std::u32string to_u32(const std::string& s) {
    std::u32string out;
    size_t i = 0;
    while (i < s.size()) {
        uint32_t cp;
        int n = ae::utf8_decode(s, i, cp);
        if (n == 0) { cp = 0xFFFD; n = 1; }
        out += char32_t(cp);
        i += size_t(n);
    }
    return out;
}

std::string lower_words(const std::string& s) {
    std::string o;
    for (char c : s) o += char(std::tolower((unsigned char)c));
    return o;
}

// Same speaker: spans overlap, or a name word (capitalised, > 2 letters) of one occurs in the other.
bool same_speaker(const std::string& ours, Range ours_span, bool has_span, const Gold& g) {
    if (has_span && overlaps(ours_span, g.source)) return true;
    std::string a = lower_words(ours), b = lower_words(g.source_text);
    std::stringstream ss(ours);
    std::string w;
    while (ss >> w) {
        if (w.size() < 3 || !std::isupper((unsigned char)w[0])) continue;
        std::string lw = lower_words(w);
        while (!lw.empty() && !std::isalpha((unsigned char)lw.back())) lw.pop_back();
        if (lw.size() >= 3 && b.find(lw) != std::string::npos) return true;
    }
    return false;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h") {
        std::fprintf(stderr, "usage: eval-quotes POLNEAR_SPLIT_DIR [--errors N]\n");
        return argc < 2 ? 2 : 0;
    }
    std::string dir = argv[1];
    int show_errors = 0;
    for (int i = 2; i + 1 < argc; ++i) if (std::string(argv[i]) == "--errors") show_errors = std::atoi(argv[i + 1]);
    std::vector<polnear::Document> documents;
    if (!polnear::list_documents(dir, documents)) { std::printf("skip: %s/attributions absent\n", dir.c_str()); return 0; }

    size_t gold_n = 0, ours_n = 0, ours_overlap = 0, gold_overlapped = 0, ours_exact = 0, gold_exact = 0, ours_strict = 0;
    size_t cue_gold = 0, cue_ours = 0, cue_hit_ours = 0, cue_hit_gold = 0;
    size_t spk_total = 0, spk_right = 0, spk_none = 0;
    std::map<std::string, std::pair<size_t, size_t>> by_kind;   // kind -> (ours, overlapping)
    struct KindParts { size_t exact = 0, spk_total = 0, spk_right = 0; };
    std::map<std::string, KindParts> by_kind_parts;
    size_t cue_alone_ours = 0, cue_alone_ours_hit = 0, cue_alone_gold = 0, cue_alone_gold_hit = 0;
    // gold recall by form: [0] no quote mark in the content (reported speech), [1] with one
    size_t form_gold[2] = {0, 0}, form_overlapped[2] = {0, 0}, form_exact[2] = {0, 0};
    size_t cuefound_gold[2] = {0, 0}, cuefound_overlapped[2] = {0, 0};   // [1] = one of our cues overlaps its cue
    size_t src_ours = 0, src_ours_hit = 0, src_gold = 0, src_gold_hit = 0;   // source spans on overlapping pairs
    int errors_shown = 0;
    for (const auto& doc : documents) {
        const std::string& base = doc.name;
        std::string text = polnear::read_file(doc.text_path);
        if (text.empty()) continue;
        std::vector<Gold> gold = parse_ann(doc.ann_path);
        ae::Analysis a = ae::analyze(text, {});
        const std::vector<uint32_t> cp = polnear::code_points(text);
        std::u32string u = to_u32(text);
        // The text of code points [r.s, r.e), at most `max` of them, for the error lines.
        auto text_of = [&](Range r, uint32_t max = UINT32_MAX) {
            std::string c;
            const uint32_t e = r.e - r.s > max ? r.s + max : r.e;
            for (uint32_t k = r.s; k < e && k < u.size(); ++k) ae::utf8_append(c, uint32_t(u[k]));
            return c;
        };
        auto conv = [&](uint32_t clean) { return cp[std::min<size_t>(a.offsets.to_input(clean), text.size())]; };
        struct Ours { Range content, cue, speaker; bool has_cue, has_speaker; std::string speaker_text, kind; };
        std::vector<Ours> ours;
        for (const auto& q : a.quotes) {
            if (q.kind == "scare") continue;   // PolNeAR does not annotate scare quotes as attributions
            Ours o;
            o.content = {conv(q.start), conv(q.end)};
            o.has_cue = q.has_cue; if (q.has_cue) o.cue = {conv(q.cue.start), conv(q.cue.end)};
            o.has_speaker = q.has_speaker_span; if (q.has_speaker_span) o.speaker = {conv(q.speaker_span.start), conv(q.speaker_span.end)};
            o.speaker_text = q.speaker_text; o.kind = q.kind;
            ours.push_back(o);
        }
        gold_n += gold.size(); ours_n += ours.size();
        for (const auto& g : gold) if (g.has_cue) ++cue_gold;
        for (const auto& o : ours) if (o.has_cue) ++cue_ours;
        // Cue spans alone: each of our distinct cues against every gold cue of the document.
        {
            std::vector<std::pair<uint32_t, uint32_t>> cues;
            for (const auto& o : ours) if (o.has_cue) cues.push_back({o.cue.s, o.cue.e});
            std::sort(cues.begin(), cues.end());
            cues.erase(std::unique(cues.begin(), cues.end()), cues.end());
            for (auto& c : cues) {
                ++cue_alone_ours;
                for (const auto& g : gold) if (g.has_cue && overlaps({c.first, c.second}, g.cue)) { ++cue_alone_ours_hit; break; }
            }
            for (const auto& g : gold) {
                if (!g.has_cue) continue;
                ++cue_alone_gold;
                for (auto& c : cues) if (overlaps({c.first, c.second}, g.cue)) { ++cue_alone_gold_hit; break; }
            }
        }
        for (const auto& g : gold) {
            bool ov = false, ex = false, cue_hit = false;
            size_t frag_exact = 0;
            for (const Range& fr : g.fragments) {
                Range fn = normalise(u, fr);
                for (const auto& o : ours) {
                    Range on = normalise(u, o.content);
                    if (on.s == fn.s && on.e == fn.e) { ++frag_exact; break; }
                }
            }
            Range gn = normalise(u, g.content);
            for (const auto& o : ours) {
                if (!overlaps(o.content, g.content)) continue;
                ov = true;
                Range on = normalise(u, o.content);
                if (on.s == gn.s && on.e == gn.e) ex = true;
                if (g.has_cue && o.has_cue && overlaps(o.cue, g.cue)) cue_hit = true;
            }
            // A discontinuous content (“A,” said X. “B”) is exact when each fragment is.
            if (!g.fragments.empty() && frag_exact == g.fragments.size()) ex = true;
            gold_overlapped += ov; gold_exact += ex; cue_hit_gold += cue_hit;
            int form = 0;
            for (uint32_t k = g.content.s; k < g.content.e && k < u.size() && !form; ++k)
                form = u[k] == '"' || u[k] == 0x201C || u[k] == 0x201D;
            ++form_gold[form]; form_overlapped[form] += ov; form_exact[form] += ex;
            bool cue_found = false;
            for (const auto& o : ours) cue_found = cue_found || (g.has_cue && o.has_cue && overlaps(o.cue, g.cue));
            ++cuefound_gold[cue_found]; cuefound_overlapped[cue_found] += ov;
        }
        for (const auto& o : ours) {
            // best gold: the one with the largest overlap
            const Gold* best = nullptr; uint32_t best_ov = 0;
            for (const auto& g : gold) {
                if (!overlaps(o.content, g.content)) continue;
                uint32_t ov = std::min(o.content.e, g.content.e) - std::max(o.content.s, g.content.s);
                if (ov > best_ov) { best_ov = ov; best = &g; }
            }
            auto& bk = by_kind[o.kind];
            ++bk.first;
            if (!best) {
                if (errors_shown < show_errors) {
                    ++errors_shown;
                    std::printf("FALSE POSITIVE %s [%s] cue='%s' %s\n", base.c_str(), o.kind.c_str(),
                                o.has_cue ? text_of(o.cue).c_str() : "", text_of(o.content, 100).c_str());
                }
                continue;
            }
            ++bk.second;
            ++ours_overlap;
            Range on = normalise(u, o.content), gn = normalise(u, best->content);
            // Exact when it equals the content (or a fragment) of any gold attribution it overlaps,
            // the best one or another: a nested attribution's content lies inside the outer one's.
            bool exact = false;
            for (const auto& g : gold) {
                if (!overlaps(o.content, g.content)) continue;
                const Range x = normalise(u, g.content);
                exact = exact || (x.s == on.s && x.e == on.e);
                for (const Range& fr : g.fragments) { const Range fn = normalise(u, fr); exact = exact || (fn.s == on.s && fn.e == on.e); }
            }
            if (exact) { ++ours_exact; ++by_kind_parts[o.kind].exact; }
            else if (errors_shown < show_errors && std::getenv("AE_SHOW_INEXACT")) {
                ++errors_shown;
                std::printf("INEXACT [%s]\n  ours: %s\n  gold: %s\n", o.kind.c_str(), text_of(on).c_str(), text_of(gn).c_str());
            }
            if (o.content.s == best->content.s && o.content.e == best->content.e) ++ours_strict;
            if (o.has_cue && best->has_cue && overlaps(o.cue, best->cue)) ++cue_hit_ours;
            if (o.has_speaker) { ++src_ours; src_ours_hit += best->has_source && overlaps(o.speaker, best->source); }
            if (best->has_source) { ++src_gold; src_gold_hit += o.has_speaker && overlaps(o.speaker, best->source); }
            if (best->has_source) {
                auto& kp = by_kind_parts[o.kind];
                ++kp.spk_total;
                if (!o.speaker_text.empty() && same_speaker(o.speaker_text, o.speaker, o.has_speaker, *best)) ++kp.spk_right;
                ++spk_total;
                if (o.speaker_text.empty()) {
                    ++spk_none;
                    if (errors_shown < show_errors) {
                        ++errors_shown;
                        std::printf("NO SPEAKER %s [%s] gold='%s' gold cue='%s'\n", base.c_str(), o.kind.c_str(),
                                    best->source_text.c_str(), best->cue_text.c_str());
                    }
                }
                else if (same_speaker(o.speaker_text, o.speaker, o.has_speaker, *best)) ++spk_right;
                else if (errors_shown < show_errors) {
                    ++errors_shown;
                    std::printf("SPEAKER %s [%s%s] ours='%s' (mention '%s') gold='%s' gold cue='%s'\n", base.c_str(), o.kind.c_str(),
                                o.has_speaker ? "" : ", no span", o.speaker_text.c_str(), o.has_speaker ? text_of(o.speaker).c_str() : "",
                                best->source_text.c_str(),
                                best->cue_text.c_str());
                }
            }
        }
        if (show_errors > 0) {
            for (const auto& g : gold) {
                bool ov = false;
                for (const auto& o : ours) ov = ov || overlaps(o.content, g.content);
                if (!ov && errors_shown < show_errors) {
                    ++errors_shown;
                    std::printf("MISSED %s cue='%s' src='%s' content='%s'\n", base.c_str(), g.cue_text.c_str(), g.source_text.c_str(),
                                text_of(g.content, 100).c_str());
                }
            }
        }
    }
    auto prf = [](const char* name, size_t hit_ours, size_t ours, size_t hit_gold, size_t gold) {
        double p = ours ? 100.0 * double(hit_ours) / double(ours) : 0, r = gold ? 100.0 * double(hit_gold) / double(gold) : 0;
        double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
        std::printf("%-28s P %5.1f  R %5.1f  F1 %5.1f\n", name, p, r, f);
    };
    std::printf("documents %zu  gold attributions %zu  our quotes %zu (scare quotes excluded)\n", documents.size(), gold_n, ours_n);
    prf("content overlap", ours_overlap, ours_n, gold_overlapped, gold_n);
    prf("content exact (normalised)", ours_exact, ours_n, gold_exact, gold_n);
    std::printf("%-28s P %5.1f\n", "content exact (strict)", ours_n ? 100.0 * double(ours_strict) / double(ours_n) : 0.0);
    prf("cue", cue_hit_ours, cue_ours, cue_hit_gold, cue_gold);
    std::printf("speaker accuracy            %5.1f %%  (%zu of %zu overlapping quotes with a gold source; %zu with no speaker)\n",
                spk_total ? 100.0 * double(spk_right) / double(spk_total) : 0.0, spk_right, spk_total, spk_none);
    auto pct = [](size_t a, size_t b) { return b ? 100.0 * double(a) / double(b) : 0.0; };
    std::printf("\nby part:\n");
    prf("cue spans alone", cue_alone_ours_hit, cue_alone_ours, cue_alone_gold_hit, cue_alone_gold);
    std::printf("%-28s %5.1f %%  (%zu of %zu gold with a cue)\n", "content found | cue found", pct(cuefound_overlapped[1], cuefound_gold[1]), cuefound_overlapped[1], cuefound_gold[1]);
    std::printf("%-28s %5.1f %%  (%zu of %zu gold)\n", "content found | cue missed", pct(cuefound_overlapped[0], cuefound_gold[0]), cuefound_overlapped[0], cuefound_gold[0]);
    std::printf("%-28s R %5.1f  exact R %5.1f  (%zu gold)\n", "gold with a quote mark", pct(form_overlapped[1], form_gold[1]), pct(form_exact[1], form_gold[1]), form_gold[1]);
    std::printf("%-28s R %5.1f  exact R %5.1f  (%zu gold)\n", "gold without one", pct(form_overlapped[0], form_gold[0]), pct(form_exact[0], form_gold[0]), form_gold[0]);
    prf("source span (overlapping)", src_ours_hit, src_ours, src_gold_hit, src_gold);
    for (auto& [k, v] : by_kind) {
        const KindParts& kp = by_kind_parts[k];
        std::printf("  kind %-9s ours %5zu  overlapping gold %5zu  (%.1f %%)  exact %5.1f %%  speaker %5.1f %% of %zu\n", k.c_str(), v.first, v.second,
                    pct(v.second, v.first), pct(kp.exact, v.second), pct(kp.spk_right, kp.spk_total), kp.spk_total);
    }
    return 0;
}
