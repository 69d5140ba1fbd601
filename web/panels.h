// The side panels: entities by salience, quotes grouped by speaker, events as a sortable table
// and as a timeline along a date axis. Every row can be clicked back into the text: the panel
// says so through PanelNav and the app moves the article view.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "article_explorer/analysis.h"

namespace ae::web {

struct UiRects;

struct PanelNav {
    int select_entity = -1;                       // an entity row was clicked
    bool go = false; uint32_t start = 0, end = 0;  // a quote / event row was clicked: show this span
    void go_to(uint32_t s, uint32_t e) { go = true; start = s; end = e; }
};

struct Panels {
    void set_analysis(const Analysis& a);
    void entities(const Analysis& a, int selected, bool scroll_to_selected, PanelNav& nav);
    void quotes(const Analysis& a, PanelNav& nav);
    // show_other: whether Other.* actions are shown (the legend's "Other actions").
    void events(const Analysis& a, bool show_other, PanelNav& nav);
    void timeline(const Analysis& a, bool show_other, PanelNav& nav);

    int dated_events() const { return static_cast<int>(dated_.size()); }
    // Where each panel's first row is noted for tests ("row:Entities", "row:Quotes", ...).
    UiRects* rects = nullptr;

private:
    struct Group { std::string name; int entity = -1; std::vector<int> quotes; bool open = true; };
    struct Dated { int event; int day; };  // day: days since 1970-01-01 of the event's time

    std::vector<int> entity_order_;
    bool entity_sorted_ = false;
    std::vector<int> event_order_;
    bool event_sorted_ = false;
    bool event_show_other_ = false;
    std::vector<Group> groups_;
    std::vector<Dated> dated_;    // in timeline order
};

// Days since 1970-01-01 of a time value's leading YYYY[-MM[-DD]] (month/year: its first day);
// false when it has none.
bool parse_day(const std::string& value, int* day);

}  // namespace ae::web
