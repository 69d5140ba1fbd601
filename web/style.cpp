#include "style.h"

#include <cmath>

#include "embedded.h"
#include "imgui.h"
#include "theme.h"

namespace ae::web {

namespace {

// Glyphs the article font carries: Latin with its extensions (accents), Greek, Cyrillic,
// general punctuation (curly quotes, dashes, ellipsis), currency signs (EUR), U+FFFD.
const ImWchar kTextRanges[] = {
    0x0020, 0x024F, 0x0370, 0x03FF, 0x0400, 0x04FF, 0x1E00, 0x1EFF,
    0x2000, 0x206F, 0x20A0, 0x20CF, 0x2100, 0x2122, 0x2190, 0x2193, 0xFFFD, 0xFFFD, 0,
};
const ImWchar kTitleRanges[] = {0x0020, 0x00FF, 0x2013, 0x2014, 0x2018, 0x201D, 0};

}  // namespace

Fonts load_fonts(float dpr) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    Fonts fonts;
    if (ae_fonts_count > 0) {
        ImFontConfig cfg;
        cfg.FontDataOwnedByAtlas = false;       // the bytes live in the program image
        cfg.OversampleH = 1;  // subpixel oversampling doubled the atlas build at load (~0.1-0.2 s in wasm) for little
        cfg.OversampleV = 1;
        cfg.PixelSnapH = true;  // whole-pixel glyph positions: crisp without oversampling
        void* data = const_cast<unsigned char*>(ae_fonts[0].data);
        const int size = static_cast<int>(ae_fonts[0].size);
        fonts.ui = io.Fonts->AddFontFromMemoryTTF(data, size, std::round(15.0f * dpr), &cfg, kTextRanges);
        fonts.article = io.Fonts->AddFontFromMemoryTTF(data, size, std::round(17.0f * dpr), &cfg, kTextRanges);
        fonts.title = io.Fonts->AddFontFromMemoryTTF(data, size, std::round(21.0f * dpr), &cfg, kTitleRanges);
    }
    if (!fonts.ui || !fonts.article || !fonts.title) {  // no font embedded: ImGui's own (ASCII only)
        io.Fonts->Clear();
        ImFontConfig cfg;
        cfg.SizePixels = std::round(13.0f * dpr);
        fonts.ui = fonts.article = fonts.title = io.Fonts->AddFontDefault(&cfg);
    }
    io.FontDefault = fonts.ui;
    return fonts;
}

void apply_style(float dpr) {
    const theme::Palette& p = theme::P();
    ImGuiStyle s;
    if (p.dark) ImGui::StyleColorsDark(&s);
    else ImGui::StyleColorsLight(&s);
    s.WindowPadding = ImVec2(18, 14);
    s.FramePadding = ImVec2(10, 6);
    s.ItemSpacing = ImVec2(10, 8);
    s.ItemInnerSpacing = ImVec2(6, 4);
    s.CellPadding = ImVec2(6, 3);
    s.WindowRounding = 0;
    s.ChildRounding = 8;
    s.FrameRounding = 6;
    s.PopupRounding = 6;
    s.GrabRounding = 6;
    s.TabRounding = 6;
    s.ScrollbarRounding = 6;
    s.ScrollbarSize = 12;
    s.WindowBorderSize = 0;
    s.ChildBorderSize = 1;
    s.PopupBorderSize = 1;
    s.FrameBorderSize = 1;
    ImVec4* c = s.Colors;
    c[ImGuiCol_Text] = theme::f(p.ink);
    c[ImGuiCol_TextDisabled] = theme::f(p.muted);
    c[ImGuiCol_WindowBg] = theme::f(p.page);
    c[ImGuiCol_ChildBg] = theme::f(p.panel);
    c[ImGuiCol_PopupBg] = theme::f(p.panel);
    c[ImGuiCol_ModalWindowDimBg] = theme::f(theme::with_alpha(p.ink, 0.25f));
    c[ImGuiCol_Border] = theme::f(p.border);
    c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_FrameBg] = theme::f(p.panel);
    c[ImGuiCol_FrameBgHovered] = theme::f(p.panel);
    c[ImGuiCol_FrameBgActive] = theme::f(p.panel);
    c[ImGuiCol_TitleBg] = c[ImGuiCol_TitleBgActive] = c[ImGuiCol_TitleBgCollapsed] = theme::f(p.page);
    c[ImGuiCol_Button] = theme::f(p.accent);
    c[ImGuiCol_ButtonHovered] = theme::f(p.accent_hover);
    c[ImGuiCol_ButtonActive] = theme::f(p.accent_down);
    c[ImGuiCol_Header] = theme::f(p.header);
    c[ImGuiCol_HeaderHovered] = theme::f(p.header_hover);
    c[ImGuiCol_HeaderActive] = theme::f(p.header_down);
    c[ImGuiCol_Separator] = theme::f(p.border);
    c[ImGuiCol_Tab] = theme::f(p.page);
    c[ImGuiCol_TabHovered] = theme::f(p.header_hover);
    c[ImGuiCol_TabActive] = theme::f(p.panel);
    c[ImGuiCol_TabUnfocused] = theme::f(p.page);
    c[ImGuiCol_TabUnfocusedActive] = theme::f(p.panel);
    c[ImGuiCol_TableHeaderBg] = theme::f(p.page);
    c[ImGuiCol_TableBorderLight] = theme::f(p.border);
    c[ImGuiCol_TableBorderStrong] = theme::f(p.border);
    c[ImGuiCol_TableRowBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_TableRowBgAlt] = theme::f(theme::with_alpha(p.page, 0.6f));
    c[ImGuiCol_ResizeGrip] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ScrollbarGrab] = theme::f(p.grab);
    c[ImGuiCol_ScrollbarGrabHovered] = theme::f(p.grab_hover);
    c[ImGuiCol_ScrollbarGrabActive] = theme::f(p.grab_down);
    c[ImGuiCol_TextSelectedBg] = theme::f(p.selected_text);
    c[ImGuiCol_NavHighlight] = theme::f(p.accent);
    c[ImGuiCol_CheckMark] = theme::f(p.accent);
    s.ScaleAllSizes(dpr);
    ImGui::GetStyle() = s;
}

}  // namespace ae::web
