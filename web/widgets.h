// The page's own small widgets, drawn in its palette: the two kinds of button, tooltips, colour
// swatches, the privacy padlock and the bars between panes.
#pragma once
#include "imgui.h"

namespace ae::web {

// A button in the quiet style (panel colour with a border) instead of the accent colour.
bool quiet_button(const char* label, const ImVec2& size = ImVec2(0, 0));
// Its width for a label, to right-align a row of them.
float quiet_button_width(const char* label);
// The one main action: white on the accent colour.
bool accent_button(const char* label);
// A tooltip on the last item while it is hovered.
void tooltip(const char* text);
// A small colour square on the current line, for cards and lists.
void swatch(ImU32 col);
// A small padlock of height h at p (the font has no emoji).
void padlock(ImDrawList* dl, ImVec2 p, float h, ImU32 col);
// A vertical bar between two panes: dragging it changes *frac (share of `total` pixels).
void vsplitter(const char* id, float height, float* frac, float total, float sign, float lo, float hi);

}  // namespace ae::web
