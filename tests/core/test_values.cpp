// Stage 4 — values: each rule, relative resolution against a reference date, and tricky negatives.
#include "article_explorer/analysis.h"
#include "article_explorer/values.h"
#include "../../core/src/values/lexicon.h"
#include "../../core/src/values/words.h"

#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <vector>

namespace {

std::vector<ae::Value> run(const std::string& text, const std::string& ref = "2024-04-06") {
    ae::Analysis a;
    a.text = text;
    a.reference_date = ref;
    ae::find_values(a);
    return a.values;
}

// "TYPE text=value" for each value, joined with " | ".
std::string show(const std::string& text, const std::string& ref = "2024-04-06") {
    std::string out;
    for (const ae::Value& v : run(text, ref)) {
        if (!out.empty()) out += " | ";
        out += v.type + " " + text.substr(v.start, v.end - v.start) + "=" + v.value;
    }
    return out;
}

}  // namespace

TEST_CASE("values: explicit dates") {
    CHECK(show("It happened on April 6, 2024.") == "DATE April 6, 2024=2024-04-06");
    CHECK(show("It happened on 6 April 2024.") == "DATE 6 April 2024=2024-04-06");
    CHECK(show("date 2024-04-06 Mexico") == "DATE 2024-04-06=2024-04-06");
    CHECK(show("Friday, Aug. 7, 1998, was hot.") == "DATE Friday, Aug. 7, 1998=1998-08-07");
    CHECK(show("They met in August 1988.") == "DATE August 1988=1988-08");
    CHECK(show("It was founded in 1990.") == "DATE 1990=1990");
    CHECK(show("in fiscal 1989") == "DATE fiscal 1989=1989");
    CHECK(show("the 1990s were calm") == "DATE the 1990s=199");
    CHECK(show("in the '90s") == "DATE the '90s=199");
    CHECK(show("the 20th century") == "DATE the 20th century=19");
    CHECK(show("on 04/05/2024") == "DATE 04/05/2024=2024-04-05");
}

TEST_CASE("values: months and days without a year go to the most recent one") {
    CHECK(show("Glas had been residing there since December.") == "DATE December=2023-12");
    CHECK(show("Prices rose in March.") == "DATE March=2024-03");
    CHECK(show("It opened on Jan. 14.") == "DATE Jan. 14=2024-01-14");
    CHECK(show("The law was passed on Nov. 25.") == "DATE Nov. 25=2023-11-25");
    CHECK(show("The vote will be held on Nov. 25.") == "DATE Nov. 25=2024-11-25");
    CHECK(show("mid-November") == "DATE mid-November=2023-11");
}

TEST_CASE("values: weekdays follow the news convention") {
    // 2024-04-06 is a Saturday.
    CHECK(show("Police raided the embassy Friday.") == "DATE Friday=2024-04-05");
    CHECK(show("The embassy remained under guard late Friday.") == "DATE Friday=2024-04-05");
    CHECK(show("Police said Saturday that …") == "DATE Saturday=2024-04-06");
    CHECK(show("The talks will resume Monday.") == "DATE Monday=2024-04-08");
    CHECK(show("He arrived last Friday.") == "DATE last Friday=2024-04-05");
    CHECK(show("They meet next Saturday.") == "DATE next Saturday=2024-04-13");
    CHECK(show("It rained Friday morning.") == "DATE Friday morning=2024-04-05");  // TimeBank: the day
    CHECK(show("They will discuss Friday's ruling.") == "DATE Friday=2024-04-05");
}

TEST_CASE("values: relative to the reference date") {
    CHECK(show("Yesterday it rained.") == "DATE Yesterday=2024-04-05");
    CHECK(show("Today it rained, tomorrow it snows.") == "DATE Today=2024-04-06 | DATE tomorrow=2024-04-07");
    CHECK(show("about last year's election") == "DATE last year=2023");
    CHECK(show("next month") == "DATE next month=2024-05");
    CHECK(show("this week") == "DATE this week=2024-W14");
    CHECK(show("last week") == "DATE last week=2024-W13");
    CHECK(show("It happened two weeks ago.") == "DATE two weeks ago=2024-W12");
    CHECK(show("It happened three days ago.") == "DATE three days ago=2024-04-03");
    CHECK(show("a year ago") == "DATE a year ago=2023");
    CHECK(show("last night") == "TIME last night=2024-04-05TNI");
    CHECK(show("this morning") == "TIME this morning=2024-04-06TMO");
    CHECK(show("last fall") == "DATE last fall=2023-FA");
    CHECK(show("They are here now.") == "DATE now=PRESENT_REF");
    CHECK(show("It was recently sold.") == "DATE recently=PAST_REF");
    CHECK(show("in the future") == "DATE the future=FUTURE_REF");
}

TEST_CASE("values: anchored expressions count from the last date mentioned") {
    CHECK(show("The embassy was raided late Friday. A day earlier, tensions escalated.") ==
          "DATE Friday=2024-04-05 | DATE A day earlier=2024-04-04");
    CHECK(show("He left on March 3. Two days later he returned.") ==
          "DATE March 3=2024-03-03 | DATE Two days later=2024-03-05");
    CHECK(show("Profit in the third quarter rose from a year earlier.") ==
          "DATE the third quarter=2023-Q3 | DATE a year earlier=2022-Q3");
    CHECK(show("He arrived on May 5, 1998. The next day he left.") ==
          "DATE May 5, 1998=1998-05-05 | DATE The next day=1998-05-06");
}

TEST_CASE("values: ranges") {
    // Documented choice: one DATE over the whole phrase, ISO 8601 interval value.
    CHECK(show("vice-president between 2013 and 2017 and") == "DATE between 2013 and 2017=2013/2017");
    CHECK(show("from 2001 to 2005") == "DATE from 2001 to 2005=2001/2005");
}

TEST_CASE("values: quarters, halves, seasons") {
    CHECK(show("third-quarter profit") == "DATE third-quarter=2023-Q3");
    CHECK(show("the fourth quarter of 1989") == "DATE the fourth quarter of 1989=1989-Q4");
    CHECK(show("the first half") == "DATE the first half=2024-H1");
    CHECK(show("summer 2023") == "DATE summer 2023=2023-SU");
}

TEST_CASE("values: durations and sets") {
    CHECK(show("Assange lived there for seven years because") == "DURATION seven years=P7Y");
    CHECK(show("a two-year term") == "DURATION two-year=P2Y");
    CHECK(show("a 30-year-old man") == "");  // ages are not TIMEX3s
    CHECK(show("for five hours") == "DURATION five hours=PT5H");
    CHECK(show("the past two months") == "DURATION the past two months=P2M");
    CHECK(show("the first nine months") == "DURATION the first nine months=P9M");
    CHECK(show("for several years") == "DURATION several years=PXY");
    CHECK(show("They meet every week.") == "SET every week=P1W");
    CHECK(show("It is published daily.") == "SET daily=P1D");
    CHECK(show("every Sunday") == "SET every Sunday=XXXX-WXX-7");
    CHECK(show("twice a week") == "SET a week=P1W");
}

TEST_CASE("values: times") {
    CHECK(show("The blast came at 5:30 p.m. on Friday.") == "TIME 5:30 p.m. on Friday=2024-04-05T17:30");
    CHECK(show("at 10 a.m. Monday") == "TIME 10 a.m. Monday=2024-04-01T10:00");
    CHECK(show("It began at noon.") == "TIME noon=2024-04-06T12:00");
    CHECK(show("at 9pm") == "TIME 9pm=2024-04-06T21:00");
}

TEST_CASE("values: money, percent, quantity") {
    CHECK(show("a $5 million deal") == "MONEY $5 million=USD 5000000");
    CHECK(show("a \xE2\x82\xAC" "3bn fund") == "MONEY \xE2\x82\xAC" "3bn=EUR 3000000000");
    CHECK(show("\xC2\xA3" "2.5m") == "MONEY \xC2\xA3" "2.5m=GBP 2500000");
    CHECK(show("US$40 each") == "MONEY US$40=USD 40");
    CHECK(show("50 cents") == "MONEY 50 cents=USD 0.5");
    CHECK(show("two million dollars") == "MONEY two million dollars=USD 2000000");
    CHECK(show("$1,000.50") == "MONEY $1,000.50=USD 1000.5");
    CHECK(show("up 12.5% on") == "PERCENT 12.5%=12.5%");
    CHECK(show("up 12.5 per cent on") == "PERCENT 12.5 per cent=12.5%");
    CHECK(show("five percent") == "PERCENT five percent=5%");
    CHECK(show("rose 0.25 percentage points") == "QUANTITY 0.25 percentage points=0.25 pp");
    CHECK(show("a 300 km border") == "QUANTITY 300 km=300 km");
    CHECK(show("a 300km border") == "QUANTITY 300km=300 km");
    CHECK(show("2,000 tonnes") == "QUANTITY 2,000 tonnes=2000 t");
    CHECK(show("five miles") == "QUANTITY five miles=5 mi");
}

TEST_CASE("values: tricky negatives") {
    CHECK(show("The minister may resign.") == "");
    CHECK(show("May I ask?") == "");
    CHECK(show("Protesters march through the city.") == "");
    CHECK(show("They will March on Washington.") == "");
    CHECK(show("Ms. April Smith spoke.") == "");
    CHECK(show("Call 555-1234 or (202) 555-0100.") == "");
    CHECK(show("Call +1 202 555 0100.") == "");
    CHECK(show("He said it was a fall from grace.") == "");
    CHECK(show("2000 people marched") == "");
    CHECK(show("I am here") == "");
    CHECK(show("Sun Microsystems") == "");
    CHECK(show("the current account") == "");
}

TEST_CASE("values: without a reference date relative values stay unresolved") {
    CHECK(show("since December", "") == "DATE December=XXXX-12");
    CHECK(show("Police raided the embassy Friday.", "") == "DATE Friday=XXXX-WXX-5");
    CHECK(show("last year", "") == "DATE last year=PAST_REF");
    CHECK(show("next month", "") == "DATE next month=FUTURE_REF");
    CHECK(show("April 6, 2024", "") == "DATE April 6, 2024=2024-04-06");
    CHECK(show("seven years", "") == "DURATION seven years=P7Y");
}

TEST_CASE("values: the seed article's dates") {
    const std::string text =
        " date 2024-04-06 Mexico is severing diplomatic ties with Ecuador.\n\n"
        "Ecuadorian police forced their way into the embassy to arrest Glas, who had been residing there since December.\n\n"
        "Jorge Glas had been Ecuador's vice-president between 2013 and 2017 and was relieved of his duties.\n\n"
        "Julian Assange lived inside the Ecuadorian Embassy in London for seven years because British police could not enter.\n\n"
        "The Mexican Embassy in Quito remained under heavy police guard late Friday.\n\n"
        "A day earlier, tensions escalated after Mexico's president made statements about last year's election.\n";
    CHECK(show(text) ==
          "DATE 2024-04-06=2024-04-06 | DATE December=2023-12 | DATE between 2013 and 2017=2013/2017 | "
          "DURATION seven years=P7Y | DATE Friday=2024-04-05 | DATE A day earlier=2024-04-04 | DATE last year=2023");
}

TEST_CASE("values: spans are sorted, non-overlapping and clean") {
    std::string text = "On Friday, Aug. 7, 1998, at 10:35 a.m., $5 million (12.5%) was paid; 300 km away, every week.";
    ae::Analysis a;
    a.text = text;
    a.reference_date = "1998-08-08";
    ae::find_values(a);
    REQUIRE(!a.values.empty());
    for (size_t k = 0; k < a.values.size(); ++k) {
        const ae::Value& v = a.values[k];
        CHECK(v.start < v.end);
        CHECK(v.end <= text.size());
        if (k) CHECK(a.values[k - 1].end <= v.start);
        char first = text[v.start], last = text[v.end - 1];
        CHECK(first != ' ');
        CHECK(last != ' ');
        CHECK(last != ',');
    }
}

TEST_CASE("values: a large text with pathological runs completes") {
    std::string chunk = "On Friday, Aug. 7, the company said profit rose 12.5% to $5 million, two weeks ago, at 5:30 p.m. ";
    std::string text;
    while (text.size() < (1u << 20)) text += chunk;
    text += std::string(200000, '1') + " " + std::string(100000, '-') + std::string(100000, '\'');
    ae::Analysis a;
    a.text = text;
    a.reference_date = "2024-04-06";
    auto t0 = std::chrono::steady_clock::now();
    ae::find_values(a);
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    CHECK(a.values.size() > 25000);   // behaviour only: speed is measured by benchmarks
    MESSAGE("1 MB of values text in " << s << " s");
}

TEST_CASE("values: slash dates with overlong parts are not dates (fuzzer: int overflow)") {
    // Found by the libFuzzer run: 444444444444444442025/045/04 overflowed an int (UBSan).
    CHECK(show("date 44444444444444442025/045/04 then 4/5/2024.").find("4444") == std::string::npos);
    CHECK(show("It was 12345/6/2024 and 1/123456/2024.").find("DATE") == std::string::npos);
    CHECK(show("Sales on 4/5/2024 rose.") == "DATE 4/5/2024=2024-04-05");
}

TEST_CASE("values: huge relative counts stay unresolved instead of overflowing") {
    // `-2147483647 * 7` was a signed overflow (UBSan) and `99999999999 years ago` a nonsense year.
    CHECK(show("It happened 99999999999 years ago.") == "DATE 99999999999 years ago=PAST_REF");
    CHECK(show("2147483647 weeks ago") == "DATE 2147483647 weeks ago=PAST_REF");
    CHECK(show("2147483647 months from now") == "DATE 2147483647 months from now=FUTURE_REF");
    CHECK(show("three years ago") == "DATE three years ago=2021");
}

TEST_CASE("values: the public calendar (days since 1970-01-01 and back)") {
    CHECK(ae::days_from_civil(1970, 1, 1) == 0);
    CHECK(ae::days_from_civil(2024, 3, 1) - ae::days_from_civil(2024, 2, 28) == 2);   // a leap year
    CHECK(ae::days_from_civil(1900, 3, 1) - ae::days_from_civil(1900, 2, 28) == 1);   // not one
    int y = 0, m = 0, d = 0;
    ae::civil_from_days(ae::days_from_civil(2024, 4, 6), y, m, d);
    CHECK(y == 2024); CHECK(m == 4); CHECK(d == 6);
    ae::civil_from_days(-1, y, m, d);
    CHECK(y == 1969); CHECK(m == 12); CHECK(d == 31);
}

TEST_CASE("values: value-words.txt gives every kind of a word in one look-up") {
    using namespace ae::values;
    const ValueWord* v = value_word("millennia");
    REQUIRE(v);
    CHECK(v->unit == U::Millennium);
    CHECK(v->unit_plural);
    CHECK(std::string(value_word("pence")->currency) == "GBP");
    CHECK(value_word("pence")->minor);
    CHECK(std::string(value_word("usd")->currency) == "USD");      // after an amount
    CHECK(std::string(value_word("usd")->prefix) == "USD");        // and before it
    CHECK(std::string(value_word("hk")->dollar) == "HKD");
    CHECK(std::string(value_word("kph")->measure) == "km/h");
    CHECK(std::string(value_word("evenings")->pod) == "EV");
    CHECK(value_word("autumn")->season == 2);
    CHECK(value_kinds("bst") == (VW_TIME_ZONE | VW_CLOCK_ZONE));
    CHECK(value_kinds("pst") == VW_TIME_ZONE);
    CHECK(value_kinds("troops") == VW_COUNTED_NOUN);
    CHECK(value_word("sixties")->decade == 1960);
    CHECK(value_kinds("will") == VW_FUTURE_CUE);
    CHECK(value_kinds("ago") == VW_PAST_CUE);
    CHECK(value_word("bln")->scale == 9);
    CHECK(value_word("Troops") == nullptr);                       // look-ups are lower case
    // numbers: cardinals compose, ordinals say where they count
    CHECK(number_word("seventy-two") == 72);
    CHECK(number_word("two-seventy") == -1);
    CHECK(day_number("thirtieth") == 30);
    CHECK(day_number("twenty-first") == 0);                       // only a century's (flag century)
    CHECK(ordinal_small("fourth") == 4);
    CHECK(ordinal_small("fifth") == 0);
    // starters: listed ones, and the forms of the kinds that begin values
    CHECK(starter_word("year-ago"));
    CHECK(starter_word("sept."));
    CHECK(starter_word("fri."));
    CHECK_FALSE(starter_word("fri"));                             // a weekday's short form needs its period
    CHECK(starter_word("sundays"));
    CHECK(starter_word("winter"));
    CHECK(starter_word("rs."));
    CHECK(starter_word("mid-march"));                             // by its first part
    CHECK_FALSE(starter_word("troops"));
}

TEST_CASE("values: a counted noun after a four-digit number makes it no year") {
    CHECK(show("About 2000 troops arrived.") == "");
    CHECK(show("About 2000 arrived in Paris.").find("DATE 2000=2000") != std::string::npos);
}

// ---- TimeML conventions checked against TBAQ (eval-timeml) -------------------------------------

TEST_CASE("values: what is planned or due lies ahead") {
    // 2024-04-06 is a Saturday
    CHECK(show("The league plans to hold a news conference on Tuesday.") == "DATE Tuesday=2024-04-09");
    CHECK(show("Officials postponed until Tuesday morning any action.") == "DATE Tuesday morning=2024-04-09");
    CHECK(show("The bank must repay the loan by February.", "1989-10-30") == "DATE February=1990-02");
    CHECK(show("Reports had been filed by Wednesday.") == "DATE Wednesday=2024-04-03");
    CHECK(show("Until Thursday, they had not called him a suspect.") == "DATE Thursday=2024-04-04");
    // "next to the embassy" is a place, not the future
    CHECK(show("A bomb ripped through a building next to the embassy on Friday.") == "DATE Friday=2024-04-05");
}

TEST_CASE("values: a weekday's evening or afternoon carries its part of the day") {
    CHECK(show("The rally was held Friday evening.") == "TIME Friday evening=2024-04-05TEV");
    CHECK(show("They met Thursday afternoon.") == "TIME Thursday afternoon=2024-04-04TAF");
    CHECK(show("They met Thursday morning.") == "DATE Thursday morning=2024-04-04");
}

TEST_CASE("values: a month followed by this or last year takes that year") {
    CHECK(show("The process began in February this year.", "1998-12-03") == "DATE February=1998-02 | DATE this year=1998");
    CHECK(show("It opened in May last year.") == "DATE May=2023-05 | DATE last year=2023");
}

TEST_CASE("values: years said as words and holidays") {
    CHECK(show("Back in nineteen ninety-six the plant closed.") == "DATE nineteen ninety-six=1996");
    CHECK(show("The plan runs to the year two thousand.") == "DATE the year two thousand=2000");
    CHECK(show("They met on Thanksgiving Day.", "2000-01-07") == "DATE Thanksgiving Day=1999-11-25");
    CHECK(show("Christmas sales fell.", "2024-12-28") == "");                     // a thing, not the day
    CHECK(show("He was found Thanksgiving Day clinging to a tube.", "2000-01-07") == "DATE Thanksgiving Day=1999-11-25");
    CHECK(show("He was home for Christmas.", "") == "DATE Christmas=XXXX-12-25");
    CHECK(show("He was home for Christmas.", "2024-12-28") == "DATE Christmas=2024-12-25");
    CHECK(show("Crowds gathered during Easter week.", "2000-04-24") == "DATE Easter week=2000-W16");
}

TEST_CASE("values: finance periods") {
    CHECK(show("Revenue for the year ended March 31 rose.", "1989-10-26") == "DURATION the year=P1Y | DATE March 31=1989-03-31");
    CHECK(show("The deal should close by year-end.", "1989-11-02") == "DATE year-end=1989-12-31");
    CHECK(show("Shares are up 12% since year-end.", "1989-11-02") == "PERCENT 12%=12% | DATE year-end=1988-12-31");
    // `a year ago` is the reported quarter a year back, not the last quarter named
    CHECK(show("Third-quarter profit rose. Its second quarter was flat. Profit was lower a year ago.", "1989-11-01") ==
          "DATE Third-quarter=1989-Q3 | DATE second quarter=1989-Q2 | DATE a year ago=1988-Q3");
}

TEST_CASE("values: vague and fractional durations") {
    CHECK(show("The government has held such rallies for weeks.") == "DURATION weeks=PXW");
    CHECK(show("Troops are expected within weeks.") == "DURATION weeks=PXW");
    CHECK(show("The talks lasted 5 1/2 hours.") == "DURATION 5 1/2 hours=PT5H30M");
    CHECK(show("He served 2 1/2 years.") == "DURATION 2 1/2 years=P2Y6M");
    CHECK(show("It took a minute and a half.") == "DURATION a minute and a half=PT1M30S");
}
