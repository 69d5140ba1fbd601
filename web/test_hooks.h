// What the page reports to the browser tests and the budget script (window.articleExplorer in
// shell.html calls the ae_web_* functions of platform_web.cpp, which ask the App): where named
// UI items are on screen, the CPU time of the frames, and the UI state as JSON. The App's
// state_json(), ui_rect_json() and span_rect_json() are defined in test_hooks.cpp.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "imgui.h"

namespace ae::web {

// Named UI items' rectangles, noted while a frame is drawn (framebuffer pixels).
struct UiRects {
    void clear() { rects_.clear(); }
    // Notes the last ImGui item under this name ("copy_json", "tab:Quotes", "row:Entities", ...).
    void note(const char* name);
    // {"x","y","w","h"} in CSS pixels, or null when no item of that name was drawn this frame.
    std::string json_of(const std::string& name, float dpr) const;

private:
    struct Named { std::string name; ImVec2 min, max; };
    std::vector<Named> rects_;
};

// A rectangle in framebuffer pixels as {"x","y","w","h"} in CSS pixels.
std::string rect_json(ImVec2 min, ImVec2 max, float dpr);

// The app's CPU time per drawn frame (App::frame() + ImGui::Render()), over the last frames.
struct FrameTimes {
    void record(double ms);
    void reset() { ms_.clear(); next_ = 0; }
    double last_ms() const { return last_ms_; }
    size_t count() const { return ms_.size(); }
    // The times sorted, for the median, the 95th percentile and the worst.
    std::vector<float> sorted() const;

private:
    std::vector<float> ms_;  // a ring once full
    size_t next_ = 0;
    double last_ms_ = 0.0;
};

}  // namespace ae::web
