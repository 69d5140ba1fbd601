// The article view: the analysed text, word-wrapped paragraph by paragraph, with inline
// highlights (sentences, the date line, boilerplate, entities, values, quotes, event triggers).
// Only the visible lines are drawn (ImGuiListClipper); line breaks are cached per
// (analysis, font, size, width).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "article_explorer/analysis.h"
#include "imgui.h"

namespace ae::web {

enum class Layer : uint8_t { Sentence, DateLine, Boilerplate, Person, Org, Location, Misc, Value, Quote, Event, OtherEvent, Count };

struct LayerInfo {
    const char* label;
    ImU32 colour;
    bool underline;  // drawn as a line under the text instead of a background
};
const LayerInfo& layer_info(Layer l);
// The layer an entity type ("PERSON", "ORGANIZATION", ...) is drawn in.
Layer layer_for_entity_type(const std::string& type);

class ArticleView {
public:
    // Call when the analysis changed (new text, or same text analysed again).
    void set_analysis(const Analysis& a);
    // Draws the article inside the current window/child, `column_width` wide at most, centred.
    void draw(const Analysis& a, ImFont* font, float column_width);

    bool visible[static_cast<int>(Layer::Count)] = {true, true, true, true, true, true, true, true, true, true, false};  // Other.Action hidden by default
    int count(Layer l) const { return counts_[static_cast<int>(l)]; }
    void scroll_to_top() { scroll_to_top_ = true; }

    // Timing of the last re-wrap (ms), for the status line.
    double last_wrap_ms() const { return wrap_ms_; }
    size_t line_count() const { return lines_.size(); }

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
    void draw_tooltip(const Analysis& a, uint32_t offset);
    uint32_t offset_at(const Analysis& a, const Line& line, ImFont* font, float size, float x) const;

    std::vector<Line> lines_;
    MarkList backgrounds_;   // sentence / date line / boilerplate: drawn first
    MarkList spans_;         // entities, values: drawn on top
    MarkList underlines_;    // quotes, events
    std::vector<uint8_t> boilerplate_para_;
    int counts_[static_cast<int>(Layer::Count)] = {};

    // line cache key
    uint64_t generation_ = 0, wrapped_generation_ = ~0ull;
    const ImFont* wrapped_font_ = nullptr;
    float wrapped_size_ = 0.0f, wrapped_width_ = 0.0f;
    double wrap_ms_ = 0.0;
    bool scroll_to_top_ = false;
};

}  // namespace ae::web
