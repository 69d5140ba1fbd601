// Stage 4 — values: DATE, TIME, DURATION, SET, MONEY, PERCENT, QUANTITY found by hand-written
// rules (not learned) over the story paragraphs, with normalised values.
//
// How it works: each non-boilerplate paragraph is cut into small "words" by a scanner of its
// own (digits with `,`/`.`/`:`/`/` inside stay whole, `p.m.`/`Jan.` keep their period, `'s` and
// `'90s` are separate, `$ € £ ¥ %` are single symbols), so the rules do not depend on the
// tokenizer's choices. At every word each rule is tried; the longest match wins and the scan
// moves past it. Every rule looks at a bounded window of words, so the whole stage is linear in
// the text (a 20 MB article is fine) and there is no regex anywhere.
//
// Temporal values (TimeML TIMEX3 conventions, the way TimeBank annotates):
//   DATE      `2024-04-05`, `2024-04`, `2024`, `2024-Q3`, `2024-H1`, `2024-SU` (SP/SU/FA/WI),
//             `2024-W14`, `2024-W14-WE`, decade `199` (`the 1990s`), century `19`,
//             `PRESENT_REF` (now, currently), `PAST_REF` (recently, the past), `FUTURE_REF`.
//   TIME      `2024-04-05T17:30`, `2024-04-05TNI` (MO/AF/EV/NI: morning/afternoon/evening/night).
//   DURATION  `P7Y`, `P2M`, `P3W`, `P10D`, `PT5H`, `PT30M`, `PT5H30M`, decades `P2E`,
//             centuries `P1C`, millennia `P1L`; vague amounts use X: `PXY` (`several years`,
//             `for years`, `within weeks`); a half or a quarter of an hour, a minute, a day or a
//             year goes to the next smaller unit (`5 1/2 hours` PT5H30M, `2 1/2 years` P2Y6M);
//             `the year ended March 31` is P1Y.
//   SET       `P1W` (`every week`, `weekly`), `P1D` (`daily`), `XXXX-WXX-7` (`every Sunday`).
// Relative expressions are resolved against Analysis::reference_date:
//   - `today`, `yesterday`, `last year`, `next month`, `this week`, `two weeks ago` count from
//     the reference date;
//   - `a day earlier`, `the next day`, `a year earlier`, `the following week`, `that day` count
//     from the anchor: the last date the text mentioned (at first the reference date); the
//     result keeps the anchor's granularity when it is finer than the shift (a year earlier
//     than `the third quarter` of 1998 is `1997-Q3`);
//   - a bare weekday (`Friday`) is the most recent such day on or before the reference date,
//     unless the nearest verb cue in its sentence is future (`will`, `'ll`, `shall`, `is to`,
//     `expected`, `scheduled`, `plans to`, `next` but not `next to`; `until`, `by` right before
//     it, not opening the sentence nor after `had`), then the next one on or after it; a month or
//     quarter without a year (`since December`, `the third quarter`) likewise goes to the most
//     recent one (future: the coming one); `February this year` / `last year` takes that year;
//   - `Friday evening` / `afternoon` carry the part of the day (`2024-04-05TEV`); `Friday
//     morning` / `night` stay the day, as TimeBank mostly annotates them;
//   - `a year ago` in earnings news (an article that named a quarter or half of this or last
//     year) is the first such period a year back (`1988-Q3`), not the last one mentioned;
//   - holidays (`Christmas Day`, `Thanksgiving`, `Easter`, `New Year's Eve`, `Labor Day`, …) are
//     the nearest such day (tense and `last`/`next` decide); as a noun's modifier (`Christmas
//     sales`) they are none; years said as words (`nineteen ninety-six`) are years;
//   - `by year-end` is this year's December 31, `since year-end` last year's;
//   - modifiers `early`/`late`/`mid` before a weekday or month are left out of the span (the
//     value is the same day or month); `mid-April` as one word keeps it;
//   - `between 2013 and 2017` / `from 2013 to 2017` is ONE DATE spanning the whole phrase with
//     an ISO 8601 interval value `2013/2017` (both ends the same granularity).
// Without a reference date, relative values stay unresolved in TIMEX3 style: `XXXX-12`
// (`December`), `XXXX-WXX-5` (`Friday`), `XXXX-12-25`, `PAST_REF` (`last year`, `two weeks
// ago`), `FUTURE_REF` (`next month`), `PRESENT_REF` (`today`, `this week`).
//
// Numeric values: a plain decimal number (no thousands separators, no exponent, no trailing
// zeros after the point) with its unit:
//   MONEY     `<ISO 4217 code> <amount>`: `$5 million` → `USD 5000000`, `€3bn` → `EUR 3000000000`,
//             `50 cents` → `USD 0.5`, `£2.5m` → `GBP 2500000`; unknown `$`-style prefixes: USD.
//   PERCENT   `<number>%`: `12.5%`, `12.5 per cent`, `twelve percent` → `12.5%`, `12%`.
//   QUANTITY  `<number> <unit symbol>`: `300 km` → `300 km`, `5 miles` → `5 mi`, `2,000 tonnes`
//             → `2000 t`, `12.5 percentage points` → `12.5 pp`.
#pragma once
#include <cstdint>
#include "article_explorer/analysis.h"

namespace ae {

// Fills a.values (cleared first) from the non-boilerplate paragraphs of a.text (the whole text
// when a.paragraphs is empty): sorted by start, non-overlapping, spans without surrounding
// spaces or punctuation. Uses a.reference_date (YYYY-MM-DD, may be empty). Never throws.
void find_values(Analysis& a);

// Proleptic Gregorian calendar arithmetic, as the values stage does it: days since 1970-01-01
// and back. For views that place resolved dates on an axis (the page's timeline).
int64_t days_from_civil(int year, int month, int day);
void civil_from_days(int64_t days, int& year, int& month, int& day);

}  // namespace ae
