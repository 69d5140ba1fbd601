// The page's look in ImGui terms: the fonts at a device pixel ratio and ImGui's style drawn from
// the palette (theme.h). Called again when the ratio or the theme changes.
#pragma once

struct ImFont;

namespace ae::web {

struct Fonts {
    ImFont* ui = nullptr;       // labels, buttons, the input pane
    ImFont* article = nullptr;  // the article view (a little larger, for reading)
    ImFont* title = nullptr;    // the page title
};

// Builds the font atlas at this ratio (the caller re-uploads the font texture). Without an
// embedded font, all three are ImGui's own (ASCII only).
Fonts load_fonts(float dpr);

// ImGui's style from the current palette, its sizes scaled by the ratio.
void apply_style(float dpr);

}  // namespace ae::web
