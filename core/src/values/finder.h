// The values stage's Finder (internal): one paragraph's words, and every rule tried at each word
// (longest match wins). Each rule is a bounded look-ahead, so the scan is linear. The rules are
// split by what they find: values.cpp (the driver and what the rules share), dates.cpp (DATE),
// durations.cpp (DURATION, SET), times.cpp (TIME), amounts.cpp (MONEY, PERCENT, QUANTITY).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "values/calendar.h"
#include "values/lexicon.h"
#include "values/words.h"

namespace ae::values {

using sv = std::string_view;

struct Ctx {
    bool has_ref = false;
    TP ref;             // reference day
    TP anchor;          // last date mentioned (starts at the reference day)
    bool has_anchor = false;
    TP period;          // the first quarter or half the article names: in earnings news, the
    bool has_period = false;   // period reported on, what `a year ago` compares with
};

struct M {                 // one match
    int b = 0, e = 0;      // word span [b, e)
    std::string type, value;
    bool dated = false;    // value is a resolved calendar point that may become the anchor
    TP tp;
    bool clock = false;    // a clock time without a day yet (TIME), hh/mi set
    int hh = 0, mi = 0;
    bool dayish = false;   // a day-level DATE that a clock time may attach to
    bool from_anchor = false;  // counted from the anchor: does not become the anchor itself
};

// ISO 8601 duration for n units (n may be "X" or a decimal) (durations.cpp).
std::string duration_value(const std::string& n, U u);

class Finder {
  public:
    Finder(const std::vector<Word>& w, Ctx& ctx) : w_(w), n_(int(w.size())), ctx_(ctx) { sentences(); }

    // The paragraph's matches in text order, each resolved and the anchor moved on.
    void run(std::vector<M>& out);

  private:
    const std::vector<Word>& w_;
    int n_;
    Ctx& ctx_;
    std::vector<int> sb_, se_;  // sentence bounds per word

    sv L(int i) const { return i >= 0 && i < n_ ? sv(w_[size_t(i)].low) : sv(); }
    bool cap(int i) const { return i >= 0 && i < n_ && w_[size_t(i)].cap; }
    bool glued(int i) const { return i >= 0 && i < n_ && !w_[size_t(i)].space; }  // no space before word i

    // ---- the driver and the resolution helpers the rules share (values.cpp)
    void sentences();
    int tense(int b, int e) const;
    TP month_no_year(int m, int d, int fut) const;
    TP weekday_tp(int wd, int dir, int fut) const;
    static std::string unresolved(G g, int m = 0, int d = 0, int wd = 0);
    void set_date(M& m, const TP& t) const;
    bool digitish(int i) const;
    bool best(int i, M& out) const;
    void finish(M& m);
    TP ref_day() const { return ctx_.ref; }
    void set_ref(M& m, const char* v) const { m.type = "DATE"; m.value = v; m.dated = false; }
    static TP coarsen_day(TP t) { t.g = G::Day; return t; }

    // ---- DATE: calendar dates, years, ranges, decades, relative days and units, quarters,
    // seasons, reference words (dates.cpp)
    int date_core(int i, TP& t, bool& has_year, bool strict_month) const;
    static int year_word(sv s);
    bool rule_date(int i, M& m) const;
    bool rule_year(int i, M& m) const;
    bool rule_range(int i, M& m) const;
    bool rule_decade(int i, M& m) const;
    bool rule_relday(int i, M& m) const;
    bool rule_weekday(int i, M& m) const;
    bool rule_relunit(int i, M& m) const;
    bool rule_quarter(int i, M& m) const;
    bool rule_quarter_ref(int i, M& m) const;
    bool rule_year_ago_adj(int i, M& m) const;
    bool rule_season(int i, M& m) const;
    bool rule_refword(int i, M& m) const;
    bool rule_spelled_year(int i, M& m) const;
    bool rule_holiday(int i, M& m) const;
    bool rule_year_end(int i, M& m) const;

    // ---- DURATION and SET (durations.cpp)
    bool rule_amount_of_time(int i, M& m) const;
    bool rule_hyphen_duration(int i, M& m) const;
    bool rule_set(int i, M& m) const;
    bool rule_vague_units(int i, M& m) const;

    // ---- TIME: clock times, joined with a day (times.cpp)
    bool clock_at(int i, int& e, int& hh, int& mi) const;
    bool rule_clock(int i, M& m) const;
    bool day_at(int i, M& d) const;
    void attach_clock(M& m) const;

    // ---- MONEY, PERCENT, QUANTITY (amounts.cpp)
    bool rule_money(int i, M& m) const;
    bool rule_percent(int i, M& m) const;
    bool rule_quantity(int i, M& m) const;
};

}  // namespace ae::values
