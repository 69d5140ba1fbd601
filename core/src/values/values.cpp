// Stage 4 — values: DATE / TIME / DURATION / SET / MONEY / PERCENT / QUANTITY by rules. See
// values.h for the value formats and the resolution conventions, values/finder.h for where each
// rule is.
//
// This file: the Finder's driver (the rules tried at each word, the longest match kept, a clock
// time joined with its day, the anchor moved on), the resolution helpers the rules share, and
// find_values, which walks the paragraphs in order carrying the reference date and the anchor
// (the last date mentioned) from one paragraph to the next.
#include "article_explorer/values.h"
#include "values/finder.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace ae {
namespace values {

// ---- 1. the driver ------------------------------------------------------------------------------

void Finder::run(std::vector<M>& out) {
    int i = 0, last_end = 0;
    while (i < n_) {
        M m;
        if (best(i, m)) {
            if (m.b < last_end) m.b = last_end;  // never reach back over an earlier match
            last_end = m.e;
            attach_clock(m);
            finish(m);
            out.push_back(m);
            i = m.e;
        } else {
            ++i;
        }
    }
}

bool Finder::digitish(int i) const {
    if (i < 0 || i >= n_) return false;
    sv s = L(i);
    return w_[size_t(i)].digit || (s.size() > 1 && s[0] == '\'' && s[1] >= '0' && s[1] <= '9');
}

bool Finder::best(int i, M& out) const {
    sv s = L(i);
    if (s.empty()) return false;
    unsigned char c0 = (unsigned char)s[0];
    if (!digitish(i) && !starter_word(s)) return false;
    if (s == "the" || s == "a" || s == "an" || s == "this" || s == "that" || s == "some" || s == "many" || s == "from" ||
        s == "between" || s == "per" || s == "each" || s == "every" || s == "last" || s == "next" || s == "past") {
        // frequent function words: only when what follows can continue a value
        sv nx = L(i + 1);
        if (!(digitish(i + 1) || starter_word(nx) || unit_of(nx) != U::None || nx == "weekend" || nx == "future" ||
              nx == "period" || nx == "latest" || nx == "most" || nx == "same" || nx == "near" || nx == "foreseeable" ||
              nx == "$" || nx == "couple" || (value_kinds(nx) & VW_DECADE) || part_of_day(nx) || weekday_of(nx) || (nx.size() > 0 && nx.back() == 's' && weekday_plural(nx))))
            return false;
    }
    M cand[16];
    int nc = 0;
    auto tryr = [&](bool (Finder::*r)(int, M&) const) {
        M m;
        if ((this->*r)(i, m) && m.e > m.b && m.b >= i - 3 && nc < 16) cand[nc++] = std::move(m);
    };
    bool alnum = w_[size_t(i)].digit || w_[size_t(i)].alpha || c0 == '\'';
    if (alnum) {
        tryr(&Finder::rule_range);
        tryr(&Finder::rule_date);
        tryr(&Finder::rule_decade);
        tryr(&Finder::rule_relday);
        tryr(&Finder::rule_weekday);
        tryr(&Finder::rule_set);
        tryr(&Finder::rule_relunit);
        tryr(&Finder::rule_amount_of_time);
        tryr(&Finder::rule_quarter);
        tryr(&Finder::rule_year_ago_adj);
        tryr(&Finder::rule_season);
        tryr(&Finder::rule_refword);
        tryr(&Finder::rule_spelled_year);
        tryr(&Finder::rule_holiday);
        tryr(&Finder::rule_year_end);
        tryr(&Finder::rule_vague_units);
        tryr(&Finder::rule_clock);
        tryr(&Finder::rule_percent);
        tryr(&Finder::rule_quantity);
        tryr(&Finder::rule_year);
    }
    tryr(&Finder::rule_money);
    if (!nc) return false;
    int bi = 0;
    for (int k = 1; k < nc; ++k)
        if (cand[k].e > cand[bi].e) bi = k;
    out = std::move(cand[bi]);
    return true;
}

// Resolves a clock time against its day (or the anchor / reference day) and updates the anchor.
void Finder::finish(M& m) {
    if (m.clock) {
        std::string day;
        if (!m.value.empty() && m.dated && m.tp.g == G::Day) day = m.value;
        else if (!m.value.empty() && m.value.size() >= 10 && m.value[4] == '-' && m.value.size() == 10) day = m.value;
        else if (!m.value.empty() && (m.value.rfind("XXXX", 0) == 0)) day = m.value;
        else if (ctx_.has_anchor && ctx_.anchor.g >= G::Day) day = format_tp(coarsen_day(ctx_.anchor));
        else if (ctx_.has_ref) day = format_tp(ctx_.ref);
        else day = "XXXX-XX-XX";
        char buf[16];
        std::snprintf(buf, sizeof buf, "T%02d:%02d", m.hh, m.mi);
        m.value = day + buf;
        m.type = "TIME";
        if (m.dated) { m.tp.g = G::Minute; m.tp.hh = m.hh; m.tp.mi = m.mi; }
    }
    if (m.dated && !m.from_anchor) { ctx_.anchor = m.tp; ctx_.has_anchor = true; }
    if (m.dated && !m.from_anchor && !ctx_.has_period && (m.tp.g == G::Quarter || m.tp.g == G::Half) && ctx_.has_ref &&
        m.tp.y >= ctx_.ref.y - 1 && m.tp.y <= ctx_.ref.y) {
        ctx_.period = m.tp;
        ctx_.has_period = true;
    }
}

// ---- 2. what the rules share --------------------------------------------------------------------

void Finder::sentences() {
    sb_.assign(size_t(n_), 0);
    se_.assign(size_t(n_), n_);
    int start = 0;
    for (int i = 0; i < n_; ++i) {
        sb_[size_t(i)] = start;
        sv t = L(i);
        if (t == "." || t == "!" || t == "?") start = i + 1;
    }
    int end = n_;
    for (int i = n_ - 1; i >= 0; --i) {
        sv t = L(i);
        if (t == "." || t == "!" || t == "?") end = i + 1;
        se_[size_t(i)] = end;
    }
}

// +1 future, -1 past, 0 unknown: the nearest verb cue in the sentence around [b, e).
int Finder::tense(int b, int e) const {
    if (b >= n_) return 0;
    int lo = sb_[size_t(b)], hi = se_[size_t(std::max(b, e - 1))];
    auto cue = [&](int k) -> int {
        sv t = L(k);
        const uint32_t vk = value_kinds(t);
        if ((t == "scheduled" || t == "due" || t == "expected" || t == "set" || t == "planned") &&
            (L(k - 1) == "been" || L(k - 1) == "was" || L(k - 1) == "were" || L(k - 1) == "had"))
            return -1;
        if ((vk & VW_FUTURE_CUE) && !(t == "next" && L(k + 1) == "to")) return 1;   // not "next to the embassy"
        // "plans to hold", "hopes to meet": what is planned now lies ahead
        if ((t == "plans" || t == "plan" || t == "hopes" || t == "intend") && L(k + 1) == "to") return 1;
        // "postponed until Tuesday", "given until 9 a.m. Tuesday" (not "Until Thursday, they had ...")
        // "repay the loan by February", "until 9 a.m. EST Tuesday" (a clock time between)
        bool right_before = k == b - 1;
        if (!right_before && k < b && k >= b - 4) {
            right_before = true;
            for (int q = k + 1; q < b; ++q) {
                sv x = L(q);
                right_before = right_before && (digitish(q) || x == "a.m." || x == "p.m." || x == "am" || x == "pm" ||
                                                x == "noon" || x == "midnight" || (value_kinds(x) & VW_TIME_ZONE));
            }
        }
        if ((t == "until" || t == "till" || t == "by") && right_before && k > lo) {
            bool perfect = false;   // not "had filed reports by Wednesday"
            for (int q = k - 1; q >= lo && q >= k - 6; --q) perfect = perfect || L(q) == "had" || L(q) == "was" || L(q) == "were";
            if (!perfect) return 1;
        }
        if (t == "as" && (L(k + 1) == "soon" || L(k + 1) == "early") && L(k + 2) == "as") return 1;
        if (t == "won" && L(k + 1) == "'t") return 1;
        if ((t == "going" || t == "set") && L(k + 1) == "to") return 1;
        if ((t == "is" || t == "are") && L(k + 1) == "to") return 1;
        if ((L(k - 1) == "be" || L(k - 1) == "being") && k >= 1) {
            sv a = L(k - 2);
            if (a == "will" || a == "'ll" || a == "shall" || a == "to") return 1;
            if (a == "would" || a == "could" || a == "might" || a == "may" || a == "can" || a == "should") return 0;
        }
        if (vk & VW_PAST_CUE) return -1;
        if (t.size() >= 5 && t.substr(t.size() - 2) == "ed" && w_[size_t(k)].alpha && !w_[size_t(k)].cap) return -1;
        return 0;
    };
    for (int d = 1; d < 40; ++d) {
        int l = b - d, r = e - 1 + d;
        bool any = false;
        if (l >= lo) { any = true; if (int c = cue(l)) return c; }
        if (r < hi) { any = true; if (int c = cue(r)) return c; }
        if (!any) break;
    }
    return 0;
}

// Month m (and day d, 0 = none) without a year: the most recent one (future tense: the next).
TP Finder::month_no_year(int m, int d, int fut) const {
    TP t;
    t.g = d ? G::Day : G::Month;
    t.m = m;
    t.d = d ? d : 1;
    // the nearest such month/day; the tense doubles the cost of going the other way
    const TP& r = ctx_.ref;
    int64_t rd = tp_days(r);
    int best_y = r.y;
    double best = 1e18;
    for (int y = r.y - 1; y <= r.y + 1; ++y) {
        int dd = d ? std::min(d, month_days(y, m)) : 15;
        int64_t diff = days_from_civil(y, m, dd) - rd;
        if (!d && y == r.y && m == r.m) diff = 0;
        double cost = double(diff < 0 ? -diff : diff);
        if (diff > 0 && fut <= 0) cost *= fut < 0 ? 3.0 : 1.5;
        if (diff < 0 && fut > 0) cost *= 3.0;
        if (cost < best) { best = cost; best_y = y; }
    }
    t.y = best_y;
    if (t.d > month_days(t.y, t.m)) t.d = month_days(t.y, t.m);
    t.q = (m - 1) / 3 + 1;
    return t;
}

TP Finder::weekday_tp(int wd, int dir, int fut) const {
    // dir: -1 `last Friday` (strictly before), +1 `next Friday` (strictly after), 0 bare
    int64_t r = tp_days(ctx_.ref);
    int rw = iso_weekday(r);
    int64_t day;
    if (dir < 0) { int back = (rw - wd + 7) % 7; if (back == 0) back = 7; day = r - back; }
    else if (dir > 0) { int fwd = (wd - rw + 7) % 7; if (fwd == 0) fwd = 7; day = r + fwd; }
    else if (fut > 0) day = r + (wd - rw + 7) % 7;
    else day = r - (rw - wd + 7) % 7;
    return tp_from_days(day);
}

std::string Finder::unresolved(G g, int m, int d, int wd) {
    char buf[32];
    if (wd) { std::snprintf(buf, sizeof buf, "XXXX-WXX-%d", wd); return buf; }
    if (g == G::Day && m) { std::snprintf(buf, sizeof buf, "XXXX-%02d-%02d", m, d); return buf; }
    if (g == G::Month && m) { std::snprintf(buf, sizeof buf, "XXXX-%02d", m); return buf; }
    return "XXXX";
}

void Finder::set_date(M& m, const TP& t) const {
    m.type = (t.g == G::PartOfDay || t.g == G::Minute) ? "TIME" : "DATE";
    m.value = format_tp(t);
    m.tp = t;
    m.dated = true;
    m.dayish = t.g == G::Day;
}

namespace {

// The reference date (YYYY-MM-DD) as a day; false when it is none.
bool parse_ref(const std::string& s, TP& t) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    int y = 0, m = 0, d = 0;
    for (int k = 0; k < 10; ++k) {
        if (k == 4 || k == 7) continue;
        if (s[size_t(k)] < '0' || s[size_t(k)] > '9') return false;
    }
    y = std::atoi(s.substr(0, 4).c_str());
    m = std::atoi(s.substr(5, 2).c_str());
    d = std::atoi(s.substr(8, 2).c_str());
    if (m < 1 || m > 12 || d < 1 || d > month_days(y, m)) return false;
    t = TP{};
    t.g = G::Day; t.y = y; t.m = m; t.d = d; t.q = (m - 1) / 3 + 1;
    return true;
}

}  // namespace
}  // namespace values

void find_values(Analysis& a) {
    using namespace values;
    a.values.clear();
    Ctx ctx;
    if (parse_ref(a.reference_date, ctx.ref)) {
        ctx.has_ref = true;
        ctx.anchor = ctx.ref;
        ctx.has_anchor = true;
    }
    std::vector<Paragraph> paras = a.paragraphs;
    if (paras.empty()) paras.push_back(Paragraph{0, uint32_t(a.text.size()), false});
    std::vector<Word> words;
    std::vector<M> ms;
    for (const Paragraph& p : paras) {
        if (p.boilerplate || p.end <= p.start) continue;
        words.clear();
        ms.clear();
        words.reserve((p.end - p.start) / 5 + 16);
        scan_words(a.text, p.start, p.end, words);
        Finder f(words, ctx);
        f.run(ms);
        for (const M& m : ms) {
            if (m.value.empty() || m.b >= m.e) continue;
            Value v;
            v.type = m.type;
            v.start = words[size_t(m.b)].s;
            v.end = words[size_t(m.e - 1)].e;
            v.value = m.value;
            if (!a.values.empty() && v.start < a.values.back().end) continue;
            a.values.push_back(std::move(v));
        }
    }
}

}  // namespace ae

namespace ae {
int64_t days_from_civil(int year, int month, int day) { return values::days_from_civil(year, month, day); }
void civil_from_days(int64_t days, int& year, int& month, int& day) { values::civil_from_days(days, year, month, day); }
}  // namespace ae
