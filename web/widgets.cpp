#include "widgets.h"

#include <algorithm>
#include <cmath>

#include "imgui_internal.h"  // IM_PI
#include "theme.h"

namespace ae::web {

bool quiet_button(const char* label, const ImVec2& size) {
    const theme::Palette& p = theme::P();
    ImGui::PushStyleColor(ImGuiCol_Button, theme::f(p.panel));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, theme::f(p.quiet_hover));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, theme::f(p.quiet_down));
    ImGui::PushStyleColor(ImGuiCol_Text, theme::f(p.ink));
    const bool pressed = ImGui::Button(label, size);
    ImGui::PopStyleColor(4);
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    return pressed;
}

float quiet_button_width(const char* label) { return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2.0f; }

bool accent_button(const char* label) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    const bool pressed = ImGui::Button(label);
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    return pressed;
}

void tooltip(const char* text) {
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text);
}

void swatch(ImU32 col) {
    const float h = ImGui::GetTextLineHeight();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + h * 0.2f), ImVec2(p.x + h * 0.6f, p.y + h * 0.8f), col, h * 0.15f);
    ImGui::Dummy(ImVec2(h * 0.6f, h));
    ImGui::SameLine();
}

void padlock(ImDrawList* dl, ImVec2 p, float h, ImU32 col) {
    // Shackle arc over a rounded body.
    const float w = h * 0.62f, body_top = p.y + h * 0.45f;
    dl->PathArcTo(ImVec2(p.x + w * 0.5f, body_top), w * 0.30f, IM_PI, 2.0f * IM_PI, 12);
    dl->PathStroke(col, 0, std::max(1.0f, h * 0.11f));
    dl->AddRectFilled(ImVec2(p.x, body_top), ImVec2(p.x + w, p.y + h * 0.95f), col, h * 0.12f);
}

void vsplitter(const char* id, float height, float* frac, float total, float sign, float lo, float hi) {
    const float w = ImGui::GetStyle().ItemSpacing.x * 1.6f;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton(id, ImVec2(w, height));
    const bool active = ImGui::IsItemActive(), hovered = ImGui::IsItemHovered();
    if (active && total > 0.0f) *frac = std::clamp(*frac + sign * ImGui::GetIO().MouseDelta.x / total, lo, hi);
    if (active || hovered) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
        const float x = std::round(p.x + w * 0.5f);
        ImGui::GetWindowDrawList()->AddLine(ImVec2(x, p.y + height * 0.1f), ImVec2(x, p.y + height * 0.9f), theme::P().accent,
                                            std::max(1.0f, w * 0.18f));
    }
}

}  // namespace ae::web
