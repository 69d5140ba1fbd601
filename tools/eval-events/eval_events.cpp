// eval-events: scores the events stage against MEANTIME (NewsReader, English Wikinews, CAT XML).
//
// For every document: the tokens are joined with spaces (lightly detokenised), one sentence per paragraph (the title
// first), the CREATION_TIME TIMEX3 is the reference date, and the whole pipeline runs on that
// text. Gold: every EVENT_MENTION (verbs, nouns, other) and its HAS_PARTICIPANT links with
// sem_role Arg0 / Arg1 (targets are any markable: entity mentions, values, timexes).
//
//   trigger P/R/F1   one-to-one matching of our event triggers with gold event mentions that
//                    share a token (ours in text order, greedy)
//   Arg0 accuracy    of the gold events that have an Arg0: our matched event has an `agent`
//                    argument overlapping one of the Arg0 targets (unmatched events count wrong);
//                    also given over matched events only
//   Arg1 accuracy    the same with `patient`; both also at the entity level, where any mention
//                    of the participant's entity (MEANTIME's REFERS_TO coreference) counts
//   combined F1      items = event triggers + (event, Arg0) + (event, Arg1) links; ours = our
//                    events + their agent / patient roles (one per role and event); an item is
//                    right when the trigger matches and, for a link, the argument overlaps
//
// Only the fully annotated part of each document counts: MEANTIME annotates every event in the
// title, the date line and the first five sentences (its sentences 0-6) and later only mentions
// of events that corefer across documents; gold and our events after that part are ignored.
// MEANTIME marks every event mention (including `said`, `sales`, states), while the events stage
// keeps the taxonomy's events and Other.Action predicates with a subject and object: recall is
// bounded by that choice; `--all` also prints per-type precision and the most frequent missed
// gold predicates.
//
// Usage: eval-events MEANTIME_DIR [--all] [--errors N] [--role agent|patient] [--context]
//   (--errors: the first N argument misses on matched events: trigger, gold Arg0/Arg1 spans, ours;
//   --role: only the misses of that role; --context: each miss's sentence and the gold event's
//   part of speech, and also the misses on gold events we did not find, marked `unmatched`)
//   e.g. build/native/eval-events ../shared/data/meantime
#include "article_explorer/analysis.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::string attr(const std::string& tag, const std::string& name) {
    std::string key = " " + name + "=\"";
    size_t a = tag.find(key);
    if (a == std::string::npos) return {};
    a += key.size();
    size_t b = tag.find('"', a);
    return tag.substr(a, b - a);
}

std::string unescape(const std::string& s) {
    std::string o;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '&') {
            size_t e = s.find(';', i);
            if (e != std::string::npos && e - i <= 6) {
                std::string ent = s.substr(i + 1, e - i - 1);
                const char* r = ent == "amp" ? "&" : ent == "lt" ? "<" : ent == "gt" ? ">" : ent == "quot" ? "\"" : ent == "apos" ? "'" : nullptr;
                if (r) { o += r; i = e; continue; }
            }
        }
        o += s[i];
    }
    return o;
}

constexpr int kFullSentences = 6;

struct GoldEvent {
    std::vector<int> tokens; std::string pred, pos;
    std::vector<std::vector<int>> arg0, arg1;
    std::vector<std::vector<int>> arg0_ent, arg1_ent;   // ... and every mention coreferent with them (REFERS_TO)
};

struct Doc {
    std::string name, text, dct;
    std::vector<std::pair<uint32_t, uint32_t>> tok;   // byte span of each token (by t_id - 1 order)
    std::map<int, int> tid_index;                     // t_id -> index into tok
    std::vector<GoldEvent> events;
    uint32_t annotated_end = 0;                       // MEANTIME annotates the first sentences only
};

bool load(const fs::path& p, Doc& d) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return false;
    std::stringstream ss;
    ss << in.rdbuf();
    std::string x = ss.str();
    d.name = p.filename().string();
    std::vector<int> sent_of;
    // tokens
    int last_sent = -1;
    size_t pos = 0;
    while ((pos = x.find("<token ", pos)) != std::string::npos) {
        size_t gt = x.find('>', pos), end = x.find("</token>", gt);
        std::string tag = x.substr(pos, gt - pos);
        std::string word = unescape(x.substr(gt + 1, end - gt - 1));
        int sent = std::atoi(attr(tag, "sentence").c_str()), tid = std::atoi(attr(tag, "t_id").c_str());
        // light detokenisation so the text reads like news: no space before , . 's n't ) etc.,
        // none after ( and $, PTB quote marks back to straight ones
        if (word == "``" || word == "''") word = "\"";
        bool no_space_before = word == "," || word == "." || word == ";" || word == ":" || word == "?" || word == "!" ||
                               word == ")" || word == "%" || word == "'s" || word == "'S" || word == "n't" || word == "'re" ||
                               word == "'ve" || word == "'ll" || word == "'d" || word == "'m";
        bool glue = !d.text.empty() && (d.text.back() == '(' || d.text.back() == '$');
        if (last_sent >= 0 && sent != last_sent) d.text += "\n\n";
        else if (last_sent >= 0 && !no_space_before && !glue) d.text += ' ';
        last_sent = sent;
        d.tid_index[tid] = int(d.tok.size());
        sent_of.push_back(sent);
        d.tok.push_back({uint32_t(d.text.size()), uint32_t(d.text.size() + word.size())});
        d.text += word;
        pos = end;
    }
    // markables: m_id -> token indices; event mentions
    std::map<std::string, std::vector<int>> markable;
    std::map<std::string, int> event_of;
    size_t mk = x.find("<Markables>"), me = x.find("</Markables>");
    if (mk == std::string::npos) return false;
    pos = mk;
    while (true) {
        size_t lt = x.find('<', pos + 1);
        if (lt == std::string::npos || lt >= me) break;
        size_t gt = x.find('>', lt);
        std::string tag = x.substr(lt, gt - lt + 1);
        pos = gt;
        if (tag.size() < 3 || tag[1] == '/' || tag.rfind("<token_anchor", 0) == 0) continue;
        std::string el = tag.substr(1, tag.find_first_of(" />") - 1);
        std::string id = attr(tag, "m_id");
        if (id.empty()) continue;
        if (el == "TIMEX3" && attr(tag, "functionInDocument") == "CREATION_TIME") d.dct = attr(tag, "value");
        std::vector<int> toks;
        if (tag[tag.size() - 2] != '/') {
            size_t close = x.find("</" + el + ">", gt);
            size_t a = gt;
            while ((a = x.find("<token_anchor", a)) != std::string::npos && a < close) {
                size_t b = x.find('>', a);
                auto it = d.tid_index.find(std::atoi(attr(x.substr(a, b - a), "t_id").c_str()));
                if (it != d.tid_index.end()) toks.push_back(it->second);
                a = b;
            }
            pos = close;
        }
        markable[id] = toks;
        if (el == "EVENT_MENTION" && !toks.empty()) {
            event_of[id] = int(d.events.size());
            d.events.push_back({toks, attr(tag, "pred"), attr(tag, "pos"), {}, {}});
        }
    }
    // coreference: REFERS_TO groups entity mentions (sources) under one entity (target)
    std::map<std::string, std::string> entity_of;             // mention m_id -> entity m_id
    std::map<std::string, std::vector<std::string>> mentions_of;
    for (size_t r = x.find("<REFERS_TO"); r != std::string::npos; r = x.find("<REFERS_TO", r + 1)) {
        const size_t end = x.find("</REFERS_TO>", r);
        const std::string block = x.substr(r, end - r);
        const size_t t = block.find("<target");
        if (t == std::string::npos) continue;
        const std::string ent = attr(block.substr(t, block.find('>', t) - t), "m_id");
        for (size_t k = block.find("<source"); k != std::string::npos; k = block.find("<source", k + 1)) {
            const std::string m = attr(block.substr(k, block.find('>', k) - k), "m_id");
            entity_of[m] = ent;
            mentions_of[ent].push_back(m);
        }
    }
    auto with_coreferent = [&](const std::string& m, std::vector<std::vector<int>>& out) {
        out.push_back(markable[m]);
        auto e = entity_of.find(m);
        if (e == entity_of.end()) return;
        for (const std::string& o : mentions_of[e->second])
            if (o != m && markable.count(o) && !markable[o].empty()) out.push_back(markable[o]);
    };
    // participants
    pos = x.find("<Relations>");
    while (pos != std::string::npos && (pos = x.find("<HAS_PARTICIPANT", pos)) != std::string::npos) {
        size_t end = x.find("</HAS_PARTICIPANT>", pos);
        std::string block = x.substr(pos, end - pos);
        std::string role = attr(block, "sem_role");
        size_t s = block.find("<source"), t = block.find("<target");
        pos = end;
        if (s == std::string::npos || t == std::string::npos) continue;
        std::string src = attr(block.substr(s, block.find('>', s) - s), "m_id");
        std::string tgt = attr(block.substr(t, block.find('>', t) - t), "m_id");
        auto ev = event_of.find(src);
        auto tm = markable.find(tgt);
        if (ev == event_of.end() || tm == markable.end() || tm->second.empty()) continue;
        if (role == "Arg0") { d.events[ev->second].arg0.push_back(tm->second); with_coreferent(tgt, d.events[ev->second].arg0_ent); }
        if (role == "Arg1") { d.events[ev->second].arg1.push_back(tm->second); with_coreferent(tgt, d.events[ev->second].arg1_ent); }
    }
    if (d.dct.size() > 10) d.dct = d.dct.substr(0, 10);
    // fully annotated: the title, the date line and the first five sentences (MEANTIME sentences
    // 0-6); later sentences carry only the mentions of events that corefer across documents
    d.annotated_end = 0;
    for (size_t i = 0; i < d.tok.size(); ++i) if (sent_of[i] <= kFullSentences) d.annotated_end = d.tok[i].second;
    std::vector<GoldEvent> kept;
    for (auto& g : d.events) if (d.tok[g.tokens[0]].second <= d.annotated_end) kept.push_back(std::move(g));
    d.events = std::move(kept);
    return true;
}

bool overlaps(const Doc& d, const std::vector<int>& toks, uint32_t s, uint32_t e) {
    for (int t : toks)
        if (d.tok[t].first < e && s < d.tok[t].second) return true;
    return false;
}

double f1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h") {
        (argc < 2 ? std::cerr : std::cout) << "usage: eval-events MEANTIME_DIR [--all] [--errors N] [--role agent|patient] [--context]\n";
        return argc < 2 ? 2 : 0;
    }
    bool all = false, context = false;
    int show = 0;   // --errors N: the first N argument misses on matched events
    std::string only_role;   // --role agent|patient: only that role's misses
    for (int i = 2; i < argc; ++i) {
        if (std::string(argv[i]) == "--all") all = true;
        if (std::string(argv[i]) == "--context") context = true;
        if (std::string(argv[i]) == "--errors" && i + 1 < argc) show = std::atoi(argv[++i]);
        if (std::string(argv[i]) == "--role" && i + 1 < argc) only_role = argv[++i];
    }
    int shown = 0;
    std::vector<fs::path> files;
    std::error_code ec;
    if (!fs::is_directory(argv[1], ec)) { std::cerr << "eval-events: " << argv[1] << ": not a directory\n"; return 1; }
    for (auto it = fs::recursive_directory_iterator(argv[1], ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
        if (it->is_regular_file() && it->path().extension() == ".xml") files.push_back(it->path());
    std::sort(files.begin(), files.end());
    if (files.empty()) { std::cerr << "no MEANTIME XML under " << argv[1] << "\n"; return 1; }

    long gold = 0, ours = 0, matched = 0;
    long g0 = 0, g1 = 0, ok0 = 0, ok1 = 0, m0 = 0, m1 = 0, ok0_ent = 0, ok1_ent = 0;
    long our_links = 0, ok_links = 0;
    std::map<std::string, std::pair<long, long>> by_type;   // type -> (ours, matched)
    std::map<std::string, long> missed, missed_pos, gold_pos, missed_arg0;
    for (const auto& p : files) {
        Doc d;
        if (!load(p, d)) { std::cerr << "skip " << p << "\n"; continue; }
        ae::Options o;
        o.reference_date = d.dct;
        ae::Analysis a = ae::analyze(d.text, o);
        std::vector<int> gold_match(d.events.size(), -1);
        gold += long(d.events.size());
        for (size_t e = 0; e < a.events.size(); ++e) {
            const ae::Event& ev = a.events[e];
            uint32_t s = a.offsets.to_input(ev.trigger.start), en = a.offsets.to_input(ev.trigger.end);
            if (s >= d.annotated_end) continue;   // beyond the annotated sentences
            ++ours;
            int hit = -1;
            for (size_t g = 0; g < d.events.size(); ++g)
                if (gold_match[g] < 0 && overlaps(d, d.events[g].tokens, s, en)) { hit = int(g); break; }
            auto& bt = by_type[ev.type];
            ++bt.first;
            bool has0 = false, has1 = false;
            for (const auto& x : ev.arguments) { has0 |= x.role == "agent"; has1 |= x.role == "patient"; }
            our_links += has0 + has1;
            if (hit < 0) continue;
            gold_match[hit] = int(e);
            ++matched;
            ++bt.second;
        }
        for (size_t g = 0; g < d.events.size(); ++g) {
            const GoldEvent& G = d.events[g];
            const ae::Event* ev = gold_match[g] >= 0 ? &a.events[gold_match[g]] : nullptr;
            if (!ev) { ++missed[G.pos + ":" + G.pred]; ++missed_pos[G.pos.empty() ? "-" : G.pos]; }
            ++gold_pos[G.pos.empty() ? "-" : G.pos];
            auto check = [&](const std::vector<std::vector<int>>& targets, const char* role) {
                if (!ev) return false;
                for (const auto& x : ev->arguments) {
                    if (x.role != role) continue;
                    uint32_t s = a.offsets.to_input(x.start), e = a.offsets.to_input(x.end);
                    for (const auto& t : targets) if (overlaps(d, t, s, e)) return true;
                }
                return false;
            };
            if (!G.arg0.empty() && !ev) ++missed_arg0[G.pos + ":" + G.pred];
            auto span_text = [&](const std::vector<int>& toks) {
                std::string t;
                for (int k : toks) t += (t.empty() ? "" : " ") + d.text.substr(d.tok[size_t(k)].first, d.tok[size_t(k)].second - d.tok[size_t(k)].first);
                return t;
            };
            auto report = [&](const std::vector<std::vector<int>>& targets, const char* role) {
                if ((!ev && !context) || shown >= show || (!only_role.empty() && only_role != role)) return;
                ++shown;
                std::string gold_args, ours_args;
                for (const auto& t : targets) gold_args += "[" + span_text(t) + "] ";
                if (ev) for (const auto& x : ev->arguments) if (x.role == role) ours_args += "[" + std::string(a.slice(x.start, x.end)) + "] ";
                std::string trig = ev ? std::string(a.slice(ev->trigger.start, ev->trigger.end)) : "(unmatched) " + span_text(G.tokens);
                std::printf("%s  %s %s: gold %s ours %s\n", d.name.c_str(), role, trig.c_str(), gold_args.c_str(), ours_args.empty() ? "-" : ours_args.c_str());
                if (context) {
                    // the gold event's paragraph (one sentence per paragraph) and part of speech
                    uint32_t s0 = d.tok[size_t(G.tokens[0])].first;
                    size_t b = d.text.rfind("\n\n", s0), e = d.text.find("\n\n", s0);
                    b = b == std::string::npos ? 0 : b + 2;
                    std::printf("    %s | %s\n", G.pos.c_str(), d.text.substr(b, (e == std::string::npos ? d.text.size() : e) - b).c_str());
                }
            };
            if (!G.arg0.empty()) { ++g0; bool k = check(G.arg0, "agent"); ok0 += k; m0 += ev != nullptr; ok_links += k; if (!k) report(G.arg0, "agent"); }
            if (!G.arg1.empty()) { ++g1; bool k = check(G.arg1, "patient"); ok1 += k; m1 += ev != nullptr; ok_links += k; if (!k) report(G.arg1, "patient"); }
            if (!G.arg0.empty()) ok0_ent += check(G.arg0_ent, "agent");
            if (!G.arg1.empty()) ok1_ent += check(G.arg1_ent, "patient");
        }
    }
    double P = ours ? double(matched) / ours : 0, R = gold ? double(matched) / gold : 0;
    std::printf("MEANTIME %zu documents: %ld gold event mentions, %ld ours, %ld matched\n", files.size(), gold, ours, matched);
    std::printf("trigger    P %.1f  R %.1f  F1 %.1f\n", 100 * P, 100 * R, 100 * f1(P, R));
    std::printf("Arg0       %.1f%% of %ld gold events with an Arg0 (%.1f%% of the %ld we found)\n", g0 ? 100.0 * ok0 / g0 : 0, g0,
                m0 ? 100.0 * ok0 / m0 : 0, m0);
    std::printf("Arg1       %.1f%% of %ld gold events with an Arg1 (%.1f%% of the %ld we found)\n", g1 ? 100.0 * ok1 / g1 : 0, g1,
                m1 ? 100.0 * ok1 / m1 : 0, m1);
    std::printf("entity level: Arg0 %.1f%%, Arg1 %.1f%% (the argument may be any mention of the gold participant's entity, "
                "MEANTIME REFERS_TO: `Boeing` for `which`, `Apple` for `its`)\n", g0 ? 100.0 * ok0_ent / g0 : 0, g1 ? 100.0 * ok1_ent / g1 : 0);
    long gi = gold + g0 + g1, oi = ours + our_links, ci = matched + ok_links;
    double cp = oi ? double(ci) / oi : 0, cr = gi ? double(ci) / gi : 0;
    std::printf("combined   P %.1f  R %.1f  F1 %.1f  (triggers + Arg0 + Arg1 links)\n", 100 * cp, 100 * cr, 100 * f1(cp, cr));
    if (all) {
        std::printf("\nper type: ours / matched a gold mention\n");
        for (auto& [t, c] : by_type) std::printf("  %-32s %5ld %5ld  %.0f%%\n", t.c_str(), c.first, c.second, c.first ? 100.0 * c.second / c.first : 0);
        std::vector<std::pair<long, std::string>> mv;
        for (auto& [p, c] : missed) mv.push_back({c, p});
        std::sort(mv.rbegin(), mv.rend());
        std::vector<std::pair<long, std::string>> ma;
        for (auto& [p, c] : missed_arg0) ma.push_back({c, p});
        std::sort(ma.rbegin(), ma.rend());
        std::printf("\nmost missed gold predicates with an Arg0:");
        for (size_t i = 0; i < ma.size() && i < 30; ++i) std::printf(" %s:%ld", ma[i].second.c_str(), ma[i].first);
        std::printf("\nmissed by gold part of speech:");
        for (auto& [p, c] : missed_pos) std::printf(" %s %ld/%ld", p.c_str(), c, gold_pos[p]);
        std::printf("\nmost missed gold predicates:");
        for (size_t i = 0; i < mv.size() && i < 40; ++i) std::printf(" %s:%ld", mv[i].second.c_str(), mv[i].first);
        std::printf("\n");
    }
    return 0;
}
