// The page's colours in one place: a calm light theme (warm paper, dark ink, soft tints).
// tests/browser/page.test.mjs looks for some of these exact RGB values in its screenshot; keep
// the two in step.
#pragma once
#include "imgui.h"

namespace ae::web::theme {

constexpr ImU32 rgb(unsigned r, unsigned g, unsigned b, unsigned a = 255) { return IM_COL32(r, g, b, a); }

// Page
constexpr ImU32 kPage        = rgb(0xF6, 0xF4, 0xEF);  // behind everything
constexpr ImU32 kPanel       = rgb(0xFF, 0xFF, 0xFF);  // the article sheet and the input
constexpr ImU32 kBorder      = rgb(0xE2, 0xDD, 0xD2);
constexpr ImU32 kInk         = rgb(0x1F, 0x23, 0x28);  // body text
constexpr ImU32 kMuted       = rgb(0x6A, 0x6F, 0x76);  // secondary text
constexpr ImU32 kFaint       = rgb(0x9A, 0x9F, 0xA6);  // boilerplate text, hints
constexpr ImU32 kAccent      = rgb(0x3D, 0x6B, 0x9E);  // buttons, links, focus
constexpr ImU32 kAccentHover = rgb(0x4A, 0x7C, 0xB2);
constexpr ImU32 kAccentDown  = rgb(0x33, 0x5B, 0x88);
constexpr ImU32 kPrivacy     = rgb(0x2E, 0x7D, 0x4F);  // "never leaves this tab"

// Article highlights
constexpr ImU32 kSentenceA   = rgb(0xEC, 0xF2, 0xFA);  // sentences alternate A, B, A, ...
constexpr ImU32 kSentenceB   = rgb(0xFA, 0xF1, 0xE3);
constexpr ImU32 kDateLine    = rgb(0xD9, 0xF0, 0xEE);
constexpr ImU32 kDateLineEdge= rgb(0x7C, 0xBF, 0xB7);
constexpr ImU32 kBoilerplate = rgb(0xEF, 0xEE, 0xEC);
constexpr ImU32 kPerson      = rgb(0xFB, 0xD5, 0xAE);
constexpr ImU32 kOrg         = rgb(0xC6, 0xDC, 0xF6);
constexpr ImU32 kLocation    = rgb(0xD4, 0xEB, 0xC0);
constexpr ImU32 kMisc        = rgb(0xE6, 0xD5, 0xF1);
constexpr ImU32 kValue       = rgb(0xF6, 0xE2, 0x8E);
constexpr ImU32 kQuote       = rgb(0xC0, 0x50, 0x4D);  // underline under quoted text
constexpr ImU32 kEvent       = rgb(0x7A, 0x5C, 0xC7);  // underline under event triggers

inline ImVec4 f(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

}  // namespace ae::web::theme
