// MONEY, PERCENT and QUANTITY rules of the values stage (see values/finder.h): numbers with a
// currency (`$5`, `5 euros`, `HK$5`, `Rs. 500`), percentages, units of measure.
#include "values/finder.h"

#include <string>

namespace ae::values {

// Numbers with currency, percent, units.
bool Finder::rule_money(int i, M& m) const {
    sv s = L(i);
    const char* code = currency_prefix(s);
    int j = i + 1;
    if (!code && i + 1 < n_ && L(i + 1) == "$" && glued(i + 1)) {
        code = dollar_country(s);
        j = i + 2;
    }
    if (code) {
        if (s != "$" && !(j > i + 1) && w_[size_t(i)].alpha && !(s == "rs" || s == "rs.")) {
            // a code like USD needs a number right after
        }
        Num num = parse_number(w_, j, n_, false, true);
        if (!num.len || num.vague || !num.digits) return false;
        if (!num.suffix.empty()) return false;
        m.b = i;
        m.e = j + num.len;
        m.type = "MONEY";
        m.value = std::string(code) + " " + num.dec;
        return true;
    }
    Num num = parse_number(w_, i, n_, false, true);
    if (!num.len || num.vague) return false;
    int k = i + num.len;
    if (!num.suffix.empty()) return false;
    const char* c2;
    bool minor;
    if (currency_word(L(k), c2, minor)) {
        if (L(k) == "won" || L(k) == "real" || L(k) == "rand") {
            if (!num.scaled && !(L(k) == "won" && L(k - 1) == "billion")) return false;
        }
        m.b = i;
        m.e = k + 1;
        m.type = "MONEY";
        m.value = std::string(c2) + " " + (minor ? shift_decimal(num.dec, -2) : num.dec);
        if (L(k) == "pounds" && L(k + 1) == "sterling") m.e = k + 2;
        return true;
    }
    if (L(k) == "pounds" || L(k) == "pound") {
        m.b = i;
        m.e = k + 1;
        if (num.scaled || L(k + 1) == "sterling") {
            m.type = "MONEY";
            m.value = "GBP " + num.dec;
            if (L(k + 1) == "sterling") m.e = k + 2;
        } else {
            m.type = "QUANTITY";
            m.value = num.dec + " lb";
        }
        return true;
    }
    return false;
}

bool Finder::rule_percent(int i, M& m) const {
    Num num = parse_number(w_, i, n_, false, false);
    if (!num.len || num.vague || !num.suffix.empty()) return false;
    int k = i + num.len;
    if (L(k) == "%" || L(k) == "percent" || L(k) == "pct" || L(k) == "pct." || (L(k) == "per" && L(k + 1) == "cent")) {
        if (L(k) == "percent" && L(k + 1) == "of" && false) return false;
        m.b = i;
        m.e = k + (L(k) == "per" ? 2 : 1);
        if ((L(k) == "percentage" || L(k + 1) == "point" || L(k + 1) == "points") && L(k) != "%") { }
        m.type = "PERCENT";
        m.value = num.dec + "%";
        return true;
    }
    if (L(k) == "percentage" && (L(k + 1) == "point" || L(k + 1) == "points")) {
        m.b = i;
        m.e = k + 2;
        m.type = "QUANTITY";
        m.value = num.dec + " pp";
        return true;
    }
    return false;
}

bool Finder::rule_quantity(int i, M& m) const {
    Num num = parse_number(w_, i, n_, false, true);
    if (!num.len || num.vague) return false;
    int k = i + num.len;
    const char* sym = nullptr;
    int e = k;
    if (!num.suffix.empty()) {
        sym = measure_unit(num.suffix);
        if (!sym || num.suffix == "g" || num.suffix == "in") return false;
        e = i + num.len;
    } else {
        sv u = L(k);
        if (u == "square" || u == "sq" || u == "cubic") {
            const char* base = measure_unit(L(k + 1));
            if (!base) return false;
            static thread_local std::string tmp;
            tmp = std::string(base) + (u == "cubic" ? "3" : "2");
            sym = tmp.c_str();
            e = k + 2;
        } else {
            sym = measure_unit(u);
            if (!sym) return false;
            if (u == "g" || u == "ft" || u == "mw" || u == "gw" || u == "kw") { if (!num.digits) return false; }
            e = k + 1;
            if ((u == "degrees") && (L(k + 1) == "celsius" || L(k + 1) == "fahrenheit" || L(k + 1) == "c" || L(k + 1) == "f")) {
                sym = L(k + 1)[0] == 'c' ? "\xC2\xB0" "C" : "\xC2\xB0" "F";
                e = k + 2;
            }
        }
    }
    m.b = i;
    m.e = e;
    m.type = "QUANTITY";
    m.value = num.dec + " " + sym;
    return true;
}

}  // namespace ae::values
