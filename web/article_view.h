// The article view: the analysed text, word-wrapped paragraph by paragraph, with inline
// highlights (sentences, the date line, boilerplate, entities, values, quotes, event triggers).
// Only the visible lines are drawn (ImGuiListClipper); line breaks are cached per
// (analysis, font, size, width), so scrolling never re-lays out anything.
// Hover shows a card; a click on a name selects its entity (all its mentions outlined, steppable).
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "article_explorer/analysis.h"
#include "imgui.h"
#include "layers.h"

namespace ae::web {

// What is under the mouse in the article this frame (-1: nothing of that kind).
struct ArticleHover {
    bool any = false;
    uint32_t offset = 0;
    int entity = -1, mention = -1, value = -1, quote = -1, event = -1, sentence = -1;
};

class ArticleView {
public:
    // Call when the analysis changed (new text, or same text analysed again).
    void set_analysis(const Analysis& a);
    // Draws the article inside the current window/child, `column_width` wide at most, centred.
    void draw(const Analysis& a, ImFont* font, float column_width);

    bool visible[static_cast<int>(Layer::Count)] = {true, true, true, true, true, true, true, true, true, true, false};  // Other.Action hidden by default
    int count(Layer l) const { return counts_[static_cast<int>(l)]; }

    // Selection: one entity, one of its mentions current (text order).
    void select_entity(const Analysis& a, int entity, int mention);
    void step_mention(const Analysis& a, int dir);  // +1 next, -1 previous (wraps)
    void clear_selection() { sel_entity_ = -1; }
    int selected_entity() const { return sel_entity_; }
    int selected_mention() const { return sel_mention_; }  // index into the entity's mentions in text order
    int take_clicked_entity() { const int e = clicked_entity_; clicked_entity_ = -1; return e; }  // a click in the text

    // Scrolls the span into view (if it is not) and flashes it for a moment.
    void go_to(uint32_t start, uint32_t end);
    bool animating() const;
    uint32_t last_jump_start() const { return flash_start_; }
    uint32_t last_jump_end() const { return flash_end_; }

    const ArticleHover& hover() const { return hover_; }

    // Find in the article: the matches to outline ([start, end) byte offsets, sorted, not
    // overlapping) and the current one (-1: none), which is also filled.
    void set_find(std::vector<std::pair<uint32_t, uint32_t>> hits, int current);
    void set_find_current(int current) { find_current_ = current >= 0 && current < static_cast<int>(find_hits_.size()) ? current : -1; }

    // Where a span's first line is on screen (framebuffer pixels) after the last draw; false when
    // it is not on screen.
    bool span_rect(const Analysis& a, uint32_t start, uint32_t end, ImVec2* min, ImVec2* max) const;

    // Layout numbers, for the status line and tests.
    double last_wrap_ms() const { return wrap_ms_; }
    size_t line_count() const { return lines_.size(); }
    int wrap_count() const { return wrap_count_; }
    float scroll_y() const { return scroll_y_; }
    float scroll_max_y() const { return scroll_max_y_; }

private:
    struct Line { uint32_t start, end; int32_t paragraph; };  // paragraph < 0: blank gap row
    struct Mark {
        uint32_t start, end;
        Layer layer;
        int32_t index;  // into the analysis array the mark came from (sentence, entity, ...)
    };
    struct MarkList {
        std::vector<Mark> marks;          // sorted by start
        std::vector<uint32_t> max_end;    // max_end[i] = max(marks[0..i].end), for lookup
        void finish();
        size_t first_reaching(uint32_t pos) const;  // first mark whose max_end > pos
    };

    void rewrap(const Analysis& a, ImFont* font, float size, float width);
    void draw_line(const Analysis& a, const Line& line, ImFont* font, float size, ImVec2 pos, float line_h);
    void find_hover(const Analysis& a, uint32_t offset);
    void draw_tooltip(const Analysis& a);
    uint32_t offset_at(const Analysis& a, const Line& line, ImFont* font, float size, float x) const;
    int line_of(uint32_t offset) const;

    std::vector<Line> lines_;
    MarkList backgrounds_;   // sentence / date line / boilerplate: drawn first
    MarkList spans_;         // entities, values: drawn on top
    MarkList underlines_;    // quotes, events
    std::vector<uint8_t> boilerplate_para_;
    int counts_[static_cast<int>(Layer::Count)] = {};

    int sel_entity_ = -1, sel_mention_ = 0;
    std::vector<uint32_t> sel_order_;  // the selected entity's mention indices in text order
    int clicked_entity_ = -1;
    ArticleHover hover_;

    std::vector<std::pair<uint32_t, uint32_t>> find_hits_;
    int find_current_ = -1;

    uint32_t flash_start_ = 0, flash_end_ = 0;
    double flash_time_ = -10.0;
    uint32_t scroll_to_ = UINT32_MAX;

    // line cache key
    uint64_t generation_ = 0, wrapped_generation_ = ~0ull;
    const ImFont* wrapped_font_ = nullptr;
    float wrapped_size_ = 0.0f, wrapped_width_ = 0.0f;
    double wrap_ms_ = 0.0;
    int wrap_count_ = 0;
    bool scroll_to_top_ = false;

    // Geometry of the last draw (screen pixels), for span_rect.
    ImVec2 origin_ = ImVec2(0, 0);  // top-left of line 0's text
    ImVec2 clip_min_ = ImVec2(0, 0), clip_max_ = ImVec2(0, 0);
    float line_h_ = 0.0f;
    float scroll_y_ = 0.0f, scroll_max_y_ = 0.0f;
};

}  // namespace ae::web
