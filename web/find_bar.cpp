#include "find_bar.h"

#include <algorithm>

#include "article_view.h"
#include "imgui.h"
#include "test_hooks.h"
#include "theme.h"
#include "widgets.h"

namespace ae::web {

namespace {
// Case-insensitive for ASCII letters; other bytes (accents, other scripts) must match exactly.
inline char fold(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }
constexpr size_t kMaxFindHits = 10000;
}  // namespace

void FindBar::update(const std::string& t, bool analysis_changed, ArticleView& view) {
    if (!analysis_changed && query == buf) return;
    query = buf;
    hits.clear();
    capped = false;
    std::string q = query;
    for (char& c : q) c = fold(c);
    const size_t m = q.size();
    if (m > 0 && m <= t.size()) {
        for (size_t i = 0; i + m <= t.size();) {
            size_t k = 0;
            while (k < m && fold(t[i + k]) == q[k]) ++k;
            if (k < m) { ++i; continue; }
            if (hits.size() == kMaxFindHits) { capped = true; break; }
            hits.emplace_back(static_cast<uint32_t>(i), static_cast<uint32_t>(i + m));
            i += m;  // matches do not overlap
        }
    }
    // A new query goes to its first match; a re-analysis of the same text stays where it is.
    current = hits.empty() ? -1 : analysis_changed ? std::min(std::max(current, 0), static_cast<int>(hits.size()) - 1) : 0;
    view.set_find(hits, current);
    if (!analysis_changed && current >= 0) view.go_to(hits[current].first, hits[current].second);
}

void FindBar::step(int dir, ArticleView& view) {
    if (hits.empty()) return;
    const int n = static_cast<int>(hits.size());
    current = ((current < 0 ? 0 : current + dir) % n + n) % n;
    view.set_find_current(current);
    view.go_to(hits[current].first, hits[current].second);
}

void FindBar::close(ArticleView& view) {
    open = false;
    hits.clear();
    current = -1;
    query.clear();
    view.set_find({}, -1);
}

void FindBar::draw(const std::string& text, ArticleView& view, UiRects& rects) {
    if (!open) return;
    const theme::Palette& pal = theme::P();
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(theme::f(pal.muted), "Find");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14.0f);
    if (focus) {
        ImGui::SetKeyboardFocusHere();
        focus = false;
    }
    const bool enter = ImGui::InputTextWithHint("##find", "a word or a phrase", buf, sizeof buf, ImGuiInputTextFlags_EnterReturnsTrue);
    rects.note("find_input");
    if (ImGui::IsItemDeactivated() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
        close(view);
        return;
    }
    update(text, false, view);
    if (enter) {  // Enter: the next match, Shift+Enter the previous; the field keeps the keyboard
        step(ImGui::GetIO().KeyShift ? -1 : 1, view);
        ImGui::SetKeyboardFocusHere(-1);
    }
    ImGui::SameLine();
    if (query.empty()) ImGui::TextColored(theme::f(pal.muted), " ");
    else if (hits.empty()) ImGui::TextColored(theme::f(pal.quote), "no match");
    else ImGui::TextColored(theme::f(pal.muted), "%d of %zu%s", current + 1, hits.size(), capped ? "+" : "");
    rects.note("find_count");
    ImGui::SameLine();
    if (quiet_button("\xE2\x80\xB9")) step(-1, view);
    rects.note("find_prev");
    tooltip("Previous match (Shift+Enter)");
    ImGui::SameLine();
    if (quiet_button("\xE2\x80\xBA")) step(1, view);
    rects.note("find_next");
    tooltip("Next match (Enter)");
    ImGui::SameLine();
    if (quiet_button("Close")) close(view);
    rects.note("find_close");
    tooltip("Esc");
}

}  // namespace ae::web
