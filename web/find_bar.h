// Find in the article (Ctrl/Cmd+F): the browser's own find cannot see text drawn on a canvas.
// A bar above the article: a query field, "n of m", previous / next / close. The matches are
// outlined by the article view, which also scrolls to the current one.
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace ae::web {

class ArticleView;
struct UiRects;

struct FindBar {
    bool open = false;
    bool focus = false;   // give the field the keyboard on the next draw
    bool capped = false;  // more matches than are kept
    char buf[128] = "";
    std::string query;                                 // what hits were computed for
    std::vector<std::pair<uint32_t, uint32_t>> hits;   // byte offsets into the analysed text
    int current = -1;

    // Ctrl+F: opens the bar with the keyboard in its field.
    void show() { open = focus = true; }
    void close(ArticleView& view);
    // Recomputes the matches when the query or (analysis_changed) the text changed.
    void update(const std::string& text, bool analysis_changed, ArticleView& view);
    // To the next (+1) or previous (-1) match, wrapping.
    void step(int dir, ArticleView& view);
    // The bar, when open (Esc in its field closes it).
    void draw(const std::string& text, ArticleView& view, UiRects& rects);
};

}  // namespace ae::web
