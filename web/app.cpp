#include "app.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <exception>

#include "embedded.h"
#include "imgui.h"
#include "imgui_internal.h"  // ClearActiveID
#include "misc/cpp/imgui_stdlib.h"
#include "platform.h"
#include "theme.h"

namespace ae::web {

namespace {

// Used when the build found no sample article in assets/samples/.
const char* const kBuiltinSample =
    "Harbour town votes to bring back its ferry\n"
    "\n"
    "date 2024-04-06\n"
    "\n"
    "Residents of Porthcove voted on Friday to restore the ferry that linked the town to the "
    "mainland until 1998. \xE2\x80\x9CIt\xE2\x80\x99s the end of a long wait,\xE2\x80\x9D said "
    "Mair\xC3\xA9 Tremayne, who led the campaign.\n"
    "\n"
    "The council will ask the regional transport agency for \xE2\x82\xAC""2.4 million. A first "
    "crossing could sail next spring.\n"
    "\n"
    "The old slipway at Porthcove, photographed in March. Credit: Example Photo Agency\n";

// Glyphs the article font carries: Latin with its extensions (accents), Greek, Cyrillic,
// general punctuation (curly quotes, dashes, ellipsis), currency signs (EUR), U+FFFD.
const ImWchar kTextRanges[] = {
    0x0020, 0x024F, 0x0370, 0x03FF, 0x0400, 0x04FF, 0x1E00, 0x1EFF,
    0x2000, 0x206F, 0x20A0, 0x20CF, 0x2100, 0x2122, 0x2190, 0x2193, 0xFFFD, 0xFFFD, 0,
};
const ImWchar kTitleRanges[] = {0x0020, 0x00FF, 0x2013, 0x2014, 0x2018, 0x201D, 0};

double now_ms() {
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

std::string normalise_newlines(std::string s) {
    if (s.find('\r') == std::string::npos) return s;
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\r') {
            out.push_back('\n');
            if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
        } else {
            out.push_back(s[i]);
        }
    }
    return out;
}

int input_callback(ImGuiInputTextCallbackData* d) {
    if (d->EventFlag != ImGuiInputTextFlags_CallbackAlways) return 0;
    // A paste event that ImGui's own Ctrl+V did not pick up (Cmd+V on a Mac, the browser's
    // Edit > Paste menu, a synthetic event): insert it at the cursor, over the selection.
    std::string text;
    if (!static_cast<App*>(d->UserData)->take_pending_paste_for_field(text)) return 0;
    const int a = std::min(d->SelectionStart, d->SelectionEnd), b = std::max(d->SelectionStart, d->SelectionEnd);
    if (b > a) d->DeleteChars(a, b - a);
    d->InsertChars(d->CursorPos, text.data(), text.data() + text.size());
    return 0;
}

// A button drawn in the quiet style (white with a border) instead of the accent colour.
bool quiet_button(const char* label, const ImVec2& size = ImVec2(0, 0)) {
    ImGui::PushStyleColor(ImGuiCol_Button, theme::f(theme::kPanel));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, theme::f(theme::rgb(0xF1, 0xEE, 0xE8)));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, theme::f(theme::rgb(0xE6, 0xE2, 0xD9)));
    ImGui::PushStyleColor(ImGuiCol_Text, theme::f(theme::kInk));
    const bool pressed = ImGui::Button(label, size);
    ImGui::PopStyleColor(4);
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    return pressed;
}

// The one main action: white on the accent colour.
bool accent_button(const char* label) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    const bool pressed = ImGui::Button(label);
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    return pressed;
}

void padlock(ImDrawList* dl, ImVec2 p, float h, ImU32 col) {
    // A small padlock, drawn (the font has no emoji): shackle arc over a rounded body.
    const float w = h * 0.62f, body_top = p.y + h * 0.45f;
    dl->PathArcTo(ImVec2(p.x + w * 0.5f, body_top), w * 0.30f, IM_PI, 2.0f * IM_PI, 12);
    dl->PathStroke(col, 0, std::max(1.0f, h * 0.11f));
    dl->AddRectFilled(ImVec2(p.x, body_top), ImVec2(p.x + w, p.y + h * 0.95f), col, h * 0.12f);
}

}  // namespace

App::App() {
    if (ae_samples_count > 0)
        set_article(std::string(reinterpret_cast<const char*>(ae_samples[0].data), ae_samples[0].size));
    else
        set_article(kBuiltinSample);
}

void App::setup_fonts_and_style(float dpr) {
    dpr_ = std::clamp(dpr, 0.5f, 4.0f);
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    fonts_ = {};
    if (ae_fonts_count > 0) {
        ImFontConfig cfg;
        cfg.FontDataOwnedByAtlas = false;       // the bytes live in the program image
        cfg.OversampleH = dpr_ < 1.5f ? 2 : 1;  // enough pixels at high DPI; smaller atlas
        cfg.OversampleV = 1;
        cfg.PixelSnapH = dpr_ >= 1.5f;
        void* data = const_cast<unsigned char*>(ae_fonts[0].data);
        const int size = static_cast<int>(ae_fonts[0].size);
        fonts_.ui = io.Fonts->AddFontFromMemoryTTF(data, size, std::round(15.0f * dpr_), &cfg, kTextRanges);
        fonts_.article = io.Fonts->AddFontFromMemoryTTF(data, size, std::round(17.0f * dpr_), &cfg, kTextRanges);
        fonts_.title = io.Fonts->AddFontFromMemoryTTF(data, size, std::round(21.0f * dpr_), &cfg, kTitleRanges);
    }
    if (!fonts_.ui || !fonts_.article || !fonts_.title) {  // no font embedded: ImGui's own (ASCII only)
        io.Fonts->Clear();
        ImFontConfig cfg;
        cfg.SizePixels = std::round(13.0f * dpr_);
        fonts_.ui = fonts_.article = fonts_.title = io.Fonts->AddFontDefault(&cfg);
    }
    io.FontDefault = fonts_.ui;

    ImGuiStyle s;
    ImGui::StyleColorsLight(&s);
    s.WindowPadding = ImVec2(18, 14);
    s.FramePadding = ImVec2(10, 6);
    s.ItemSpacing = ImVec2(10, 8);
    s.ItemInnerSpacing = ImVec2(6, 4);
    s.WindowRounding = 0;
    s.ChildRounding = 8;
    s.FrameRounding = 6;
    s.PopupRounding = 6;
    s.GrabRounding = 6;
    s.ScrollbarRounding = 6;
    s.ScrollbarSize = 12;
    s.WindowBorderSize = 0;
    s.ChildBorderSize = 1;
    s.PopupBorderSize = 1;
    s.FrameBorderSize = 1;
    s.WindowPadding = ImVec2(18, 14);
    ImVec4* c = s.Colors;
    c[ImGuiCol_Text] = theme::f(theme::kInk);
    c[ImGuiCol_TextDisabled] = theme::f(theme::kMuted);
    c[ImGuiCol_WindowBg] = theme::f(theme::kPage);
    c[ImGuiCol_ChildBg] = theme::f(theme::kPanel);
    c[ImGuiCol_PopupBg] = theme::f(theme::kPanel);
    c[ImGuiCol_Border] = theme::f(theme::kBorder);
    c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_FrameBg] = theme::f(theme::kPanel);
    c[ImGuiCol_FrameBgHovered] = theme::f(theme::kPanel);
    c[ImGuiCol_FrameBgActive] = theme::f(theme::kPanel);
    c[ImGuiCol_Button] = theme::f(theme::kAccent);
    c[ImGuiCol_ButtonHovered] = theme::f(theme::kAccentHover);
    c[ImGuiCol_ButtonActive] = theme::f(theme::kAccentDown);
    c[ImGuiCol_Header] = theme::f(theme::rgb(0xEC, 0xF2, 0xFA));
    c[ImGuiCol_HeaderHovered] = theme::f(theme::rgb(0xE1, 0xEA, 0xF6));
    c[ImGuiCol_HeaderActive] = theme::f(theme::rgb(0xD5, 0xE2, 0xF2));
    c[ImGuiCol_Separator] = theme::f(theme::kBorder);
    c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ScrollbarGrab] = theme::f(theme::rgb(0xD6, 0xD1, 0xC7));
    c[ImGuiCol_ScrollbarGrabHovered] = theme::f(theme::rgb(0xC4, 0xBE, 0xB2));
    c[ImGuiCol_ScrollbarGrabActive] = theme::f(theme::rgb(0xB3, 0xAC, 0x9F));
    c[ImGuiCol_TextSelectedBg] = theme::f(theme::rgb(0x3D, 0x6B, 0x9E, 0x48));
    c[ImGuiCol_NavHighlight] = theme::f(theme::kAccent);
    s.ScaleAllSizes(dpr_);
    ImGui::GetStyle() = s;
}

void App::set_article(std::string text) {
    input_ = normalise_newlines(std::move(text));
    clear_active_field_ = true;  // an active InputText would overwrite input_ with its own buffer
    analyze_now();
}

void App::on_paste(std::string text) {
    text = normalise_newlines(std::move(text));
    clipboard_ = text;
    pending_paste_ = std::move(text);
    has_pending_paste_ = true;
}

const char* App::clipboard_for_imgui() {
    has_pending_paste_ = false;  // ImGui's own Ctrl+V takes it: the field callback must not insert it again
    return clipboard_.c_str();
}

bool App::take_pending_paste_for_field(std::string& out) {
    if (!has_pending_paste_) return false;
    has_pending_paste_ = false;
    out = std::move(pending_paste_);
    pending_paste_.clear();
    return true;
}

void App::analyze_now() {
    const double t0 = now_ms();
    try {
        analysis_ = ae::analyze(input_, ae::Options{});
        error_.clear();
    } catch (const std::exception& e) {  // the core promises not to throw; the page must not die if it does
        analysis_ = Analysis{};
        error_ = e.what();
    }
    analysis_ms_ = now_ms() - t0;
    analysed_input_ = input_;
    json_valid_ = false;
    last_edit_time_ = -1.0;
    ++analysis_count_;
    frames_since_change_ = 0;
    view_.set_analysis(analysis_);
}

const std::string& App::analysis_json() {
    if (!json_valid_) {
        try {
            json_ = ae::to_json(analysis_, ae::Options{});
        } catch (const std::exception& e) {
            json_ = std::string("{\"error\":\"could not write the analysis\"}");
        }
        json_valid_ = true;
    }
    return json_;
}

void App::frame() {
    ImGuiIO& io = ImGui::GetIO();
    if (clear_active_field_) {
        ImGui::ClearActiveID();
        clear_active_field_ = false;
    }
    // Pasted while no text field had focus: the pasted text becomes the article.
    if (has_pending_paste_ && !io.WantTextInput) {
        has_pending_paste_ = false;
        set_article(std::move(pending_paste_));
        pending_paste_.clear();
        ImGui::ClearActiveID();
        clear_active_field_ = false;
    }
    // Ctrl+Enter (or Cmd+Enter): analyse now.
    if ((io.KeyCtrl || io.KeySuper) && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false)) analyze_now();

    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::Begin("##page", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
    draw_header();

    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float gap = ImGui::GetStyle().ItemSpacing.x * 1.6f;
    if (avail.x >= 720.0f * dpr_) {  // side by side
        const float input_w = std::clamp(avail.x * 0.32f, 300.0f * dpr_, 480.0f * dpr_);
        draw_input_pane(input_w, avail.y);
        ImGui::SameLine(0.0f, gap);
        draw_article_pane(ImGui::GetContentRegionAvail().x, avail.y);
    } else {  // narrow window: input on top
        const float input_h = std::max(160.0f * dpr_, avail.y * 0.3f);
        draw_input_pane(avail.x, input_h);
        draw_article_pane(avail.x, ImGui::GetContentRegionAvail().y);
    }
    ImGui::End();

    // Debounced re-analysis while the user edits: wait for a pause, longer for long texts.
    if (last_edit_time_ >= 0.0) {
        const double delay = std::min(1.5, 0.3 + 2.0 * analysis_ms_ / 1000.0);
        if (ImGui::GetTime() - last_edit_time_ >= delay && input_ != analysed_input_) analyze_now();
    }
    has_pending_paste_ = false;  // not taken by a field this frame: drop it
    if (frames_since_change_ < 1000) ++frames_since_change_;
}

void App::draw_header() {
    const ImGuiStyle& st = ImGui::GetStyle();
    ImGui::PushFont(fonts_.title);
    ImGui::TextUnformatted("Article Explorer");
    ImGui::PopFont();
    ImGui::SameLine(0.0f, st.ItemSpacing.x * 2.0f);
    const float title_h = fonts_.title->FontSize, ui_h = fonts_.ui->FontSize;
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (title_h - ui_h) * 0.62f);
    ImGui::TextColored(theme::f(theme::kMuted), "who, what, when and where in a news article");

    // Right: the privacy promise.
    const char* note = "Your text never leaves this tab";
    const float note_w = ImGui::CalcTextSize(note).x + ui_h * 1.0f;
    const float right = ImGui::GetWindowContentRegionMax().x;
    if (right - note_w > ImGui::GetCursorPosX() + ui_h * 18.0f) {
        ImGui::SameLine(right - note_w);
        const ImVec2 p = ImGui::GetCursorScreenPos();
        padlock(ImGui::GetWindowDrawList(), ImVec2(p.x, p.y + ui_h * 0.05f), ui_h * 0.9f, theme::kPrivacy);
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ui_h * 1.0f);
        ImGui::TextColored(theme::f(theme::kPrivacy), "%s", note);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("Everything runs here, in WebAssembly. After the page has loaded it\n"
                              "makes no network request: the article is not uploaded anywhere.");
    }
    ImGui::Dummy(ImVec2(0.0f, st.ItemSpacing.y * 0.5f));
}

void App::draw_input_pane(float width, float height) {
    const ImGuiStyle& st = ImGui::GetStyle();
    ImGui::BeginGroup();
    ImGui::PushStyleVar(ImGuiStyleVar_ChildBorderSize, 0.0f);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0, 0, 0, 0));
    ImGui::BeginChild("##input_pane", ImVec2(width, height), false, ImGuiWindowFlags_NoScrollbar);
    ImGui::TextUnformatted("Article text");
    ImGui::SameLine();
    char stats[96];
    std::snprintf(stats, sizeof stats, "%zu characters", input_.size());
    ImGui::SetCursorPosX(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(stats).x);
    ImGui::TextColored(theme::f(theme::kMuted), "%s", stats);

    const float buttons_h = ImGui::GetFrameHeight() + st.ItemSpacing.y;
    const float hint_h = ImGui::GetTextLineHeightWithSpacing() * 2.0f;
    const ImVec2 box(-FLT_MIN, std::max(ImGui::GetFrameHeight() * 3.0f, ImGui::GetContentRegionAvail().y - buttons_h - hint_h));
    const ImVec2 box_pos = ImGui::GetCursorScreenPos();
    if (ImGui::InputTextMultiline("##article_input", &input_, box, ImGuiInputTextFlags_CallbackAlways, input_callback, this))
        last_edit_time_ = ImGui::GetTime();
    if (input_.empty() && !ImGui::IsItemActive()) {
        const ImVec2 p(box_pos.x + st.FramePadding.x, box_pos.y + st.FramePadding.y);
        char hint[160];
        std::snprintf(hint, sizeof hint, "Paste a news article here (%s),\nor anywhere on the page.", platform::paste_shortcut());
        ImGui::GetWindowDrawList()->AddText(p, theme::kFaint, hint);
    }

    if (accent_button("Analyze")) analyze_now();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Ctrl+Enter. Edits are analysed by themselves after a short pause.");
    ImGui::SameLine();
    if (quiet_button("Paste")) platform::request_paste(*this);
    ImGui::SameLine();
    if (quiet_button("Sample")) {
        if (ae_samples_count > 0) {
            sample_index_ = (sample_index_ + 1) % static_cast<int>(ae_samples_count);
            const AeEmbeddedFile& f = ae_samples[sample_index_];
            set_article(std::string(reinterpret_cast<const char*>(f.data), f.size));
        } else {
            set_article(kBuiltinSample);
        }
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Load a sample article written for this project");
    ImGui::SameLine();
    if (quiet_button("Clear")) set_article(std::string());

    ImGui::PushTextWrapPos(0.0f);
    char tip[200];
    std::snprintf(tip, sizeof tip, "Tip: press %s anywhere outside the text box to replace the article with your clipboard.",
                  platform::paste_shortcut());
    ImGui::TextColored(theme::f(theme::kMuted), "%s", tip);
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    ImGui::EndGroup();
}

void App::draw_legend(float right) {
    const ImGuiStyle& st = ImGui::GetStyle();
    const float h = ImGui::GetTextLineHeight();
    bool first = true;
    for (int i = 0; i < static_cast<int>(Layer::Count); ++i) {
        const Layer l = static_cast<Layer>(i);
        const bool always = l == Layer::Sentence || l == Layer::DateLine || l == Layer::Boilerplate;
        if (!always && view_.count(l) == 0) continue;  // later stages fill these in
        const LayerInfo& info = layer_info(l);
        char label[64];
        if (always)
            std::snprintf(label, sizeof label, "%s", info.label);
        else
            std::snprintf(label, sizeof label, "%s %d", info.label, view_.count(l));
        const float w = h * 1.1f + ImGui::CalcTextSize(label).x + st.FramePadding.x;
        if (!first) {
            ImGui::SameLine(0.0f, st.ItemSpacing.x * 1.4f);
            if (ImGui::GetCursorPosX() + w > right) ImGui::NewLine();
        }
        first = false;
        ImGui::PushID(i);
        const ImVec2 p = ImGui::GetCursorScreenPos();
        bool& on = view_.visible[i];
        if (ImGui::InvisibleButton("##legend", ImVec2(w, h))) on = !on;
        const bool hovered = ImGui::IsItemHovered();
        if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const float sw = h * 0.8f;
        const ImVec2 s0(p.x, p.y + (h - sw * 0.75f) * 0.5f), s1(p.x + sw, p.y + (h + sw * 0.75f) * 0.5f);
        if (info.underline) {
            dl->AddRectFilled(ImVec2(s0.x, s1.y - std::max(1.0f, h / 9.0f)), s1, on ? info.colour : theme::kBorder);
        } else if (l == Layer::Sentence) {  // both tints
            const float mid = (s0.x + s1.x) * 0.5f;
            dl->AddRectFilled(s0, ImVec2(mid, s1.y), on ? theme::kSentenceA : theme::kPanel, h * 0.15f, ImDrawFlags_RoundCornersLeft);
            dl->AddRectFilled(ImVec2(mid, s0.y), s1, on ? theme::kSentenceB : theme::kPanel, h * 0.15f, ImDrawFlags_RoundCornersRight);
            dl->AddRect(s0, s1, theme::kBorder, h * 0.15f);
        } else {
            dl->AddRectFilled(s0, s1, on ? info.colour : theme::kPanel, h * 0.15f);
            dl->AddRect(s0, s1, l == Layer::DateLine && on ? theme::kDateLineEdge : theme::kBorder, h * 0.15f);
        }
        dl->AddText(ImVec2(p.x + h * 1.1f, p.y), on ? theme::kInk : theme::kFaint, label);
        if (hovered) ImGui::SetTooltip(on ? "Click to hide" : "Click to show");
        ImGui::PopID();
    }
}

void App::draw_article_pane(float width, float height) {
    ImGui::BeginChild("##article_pane", ImVec2(width, height), true, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    const ImGuiStyle& st = ImGui::GetStyle();

    // Row 1: the legend (left, wraps) and the export buttons (right).
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(st.FramePadding.x * 0.8f, st.FramePadding.y * 0.6f));
    const float buttons_w = ImGui::CalcTextSize("Copy JSON").x + ImGui::CalcTextSize("Download JSON").x +
                            ImGui::GetStyle().FramePadding.x * 4.0f + st.ItemSpacing.x;
    const float right = ImGui::GetWindowContentRegionMax().x;
    const ImVec2 row = ImGui::GetCursorPos();
    ImGui::SetCursorPos(ImVec2(right - buttons_w, row.y));
    if (quiet_button("Copy JSON")) platform::copy_to_clipboard(*this, analysis_json());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Copy the analysis (article-explorer/1 JSON) to the clipboard");
    ImGui::SameLine();
    if (quiet_button("Download JSON")) platform::download_text("article-explorer.json", analysis_json());
    const float frame_h = ImGui::GetFrameHeight();
    ImGui::PopStyleVar();
    ImGui::SetCursorPos(ImVec2(row.x, row.y + (frame_h - ImGui::GetTextLineHeight()) * 0.5f));
    draw_legend(right - buttons_w - st.ItemSpacing.x * 2.0f);

    // Row 2: what the analysis found, and how long it took.
    int boiler = 0;
    for (const Paragraph& p : analysis_.paragraphs) boiler += p.boilerplate ? 1 : 0;
    if (!error_.empty()) {
        ImGui::TextColored(theme::f(theme::kQuote), "The analysis failed: %s", error_.c_str());
    } else {
        char status[256];
        std::snprintf(status, sizeof status,
                      "%zu paragraphs (%d boilerplate)  \xC2\xB7  %zu sentences  \xC2\xB7  reference date %s  \xC2\xB7  analysed in %.1f ms",
                      analysis_.paragraphs.size(), boiler, analysis_.sentences.size(),
                      analysis_.reference_date.empty() ? "none" : analysis_.reference_date.c_str(), analysis_ms_);
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextColored(theme::f(theme::kMuted), "%s", status);
        ImGui::PopTextWrapPos();
    }
    ImGui::Separator();

    ImGui::BeginChild("##article", ImVec2(0, 0), false);
    if (analysis_.text.empty()) {
        char msg[160];
        std::snprintf(msg, sizeof msg, "Paste a news article anywhere on this page (%s).", platform::paste_shortcut());
        const ImVec2 sz = ImGui::CalcTextSize(msg);
        const ImVec2 av = ImGui::GetContentRegionAvail();
        ImGui::SetCursorPos(ImVec2(std::max(0.0f, (av.x - sz.x) * 0.5f), av.y * 0.4f));
        ImGui::TextColored(theme::f(theme::kMuted), "%s", msg);
    } else {
        view_.draw(analysis_, fonts_.article, fonts_.article->FontSize * 36.0f);
    }
    ImGui::EndChild();
    ImGui::EndChild();
}

}  // namespace ae::web
