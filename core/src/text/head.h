// The article's head line by line (internal to the text stage): date lines in the forms pages
// print them, bylines, datelines, and the words of page-head.txt.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ae::head {

enum class DateLabel : uint8_t { None, Published, Updated };   // "Date:" / "Dated" are None

struct LineDate {
    std::string iso;
    std::string iso_month_first;   // a numeric date read month/day ("04/08/2025"), when that differs
    DateLabel label = DateLabel::None;
    uint32_t start = 0, end = 0;   // in the line
};

// What a date line scan read from a line: labels, dates, times, zones, relative times ("2 hours
// ago"), reading times ("5 min read") and separators, from `from` until a word it does not know.
struct LineScan {
    std::vector<LineDate> dates;
    size_t first = std::string_view::npos;   // start of the first item
    size_t end = 0;            // end of the last item
    size_t lead_end = 0;       // end of the first date and the times and zones right after it
    bool whole = false;        // nothing but items to the end of the line
    bool label_first = false;  // the first item is a label ("Published")
    bool date_second = false;  // ... and the item after it a date
    bool relative = false;     // a relative time or a reading time ("Updated 2 hours ago", "5 min read")
    bool us_zone = false;      // a US time zone: numeric dates are month/day
    bool labelled = false;     // a label anywhere ("Updated 5:02 p.m. ET")
    int items = 0;
    std::string first_label;   // the first item's label, lower case, when label_first
};
LineScan scan_date_items(std::string_view line, size_t from);

// The date of a scan: the published one, else the first unlabelled one, else the updated one.
// Returns its index in scan.dates, or -1.
int pick_date(const LineScan& scan);
size_t skip_date_separators(std::string_view line, size_t i);
const std::string& date_iso(const LineScan& scan, const LineDate& d);

// Bytes of a byline at the line's start ("By Jane Doe and John Roe, Associated Press",
// "Written by JANE DOE"), 0 when the line does not open with one.
// With any_case, the lead may be lower case ("Posted on April 8, 2025 by Jane Doe").
size_t match_byline(std::string_view line, bool any_case = false);

// Bytes of a dateline opening a paragraph ("WASHINGTON (AP) — ", "LONDON, Nov 18 (Reuters) - ",
// "(CNN) — "), the dash and the space after it included; 0 when there is none.
size_t match_dateline(std::string_view para);

// A line that is a paragraph of its own wherever it stands: a date line, a byline (with its date),
// a relative date line or reading time ("Updated 2 hours ago", "5 min read").
bool stands_alone(std::string_view line);

// boilerplate.txt's list-head phrases: a lower-case whole line that heads a list of links.
bool is_list_heading(std::string_view lower_line);

// page-head.txt: the kinds of a lower-case phrase (PH_* bits), 0 when it is none.
enum : uint16_t {
    PH_PUBLISHED = 1, PH_UPDATED = 2, PH_BYLINE_LEAD = 4, PH_BYLINE_WORD = 8, PH_ROLE = 16, PH_OUTLET = 32,
    PH_KICKER = 64, PH_NOT_PLACE = 128, PH_US_ZONE = 256, PH_DATED = 512,
};
uint16_t page_head_kinds(std::string_view lower_phrase);

}  // namespace ae::head
