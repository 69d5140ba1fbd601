#include "app.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <exception>

#include "article_explorer/html.h"
#include "article_explorer/text.h"  // is_iso_date
#include "embedded.h"
#include "export_html.h"
#include "imgui.h"
#include "imgui_internal.h"  // ClearActiveID
#include "misc/cpp/imgui_stdlib.h"
#include "platform.h"
#include "theme.h"
#include "widgets.h"

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

// Keys by their GLFW codes: ImGui 1.86's key indices are the backend's own.
constexpr int kKeyF = 70, kKeyN = 78, kKeyP = 80, kKeyZ = 90, kKeyF1 = 290, kKeyF3 = 292;

// Texts this long are analysed in slices across frames (shorter ones at once: no flicker).
constexpr size_t kSliceFrom = 48 * 1024;
// Work per frame while slicing: a share of the time between frames, so a slow GPU (or software
// GL) does not stretch the analysis eightfold, and a fast one keeps drawing smoothly.
constexpr double kSliceMinMs = 10.0, kSliceMaxMs = 50.0, kSliceShare = 0.6;

// The page analyses at most this much text: wasm32 has 2 GB of memory and the analysis needs
// ~100 bytes per input byte at its peak. Longer texts get a note (the CLI takes up to 64 MB).
constexpr size_t kMaxArticleBytes = 8u << 20;

const char* const kTabNames[] = {"Text", "Entities", "Quotes", "Events", "Timeline"};

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

// The browser decodes any dropped file as UTF-8, so a PDF, a Word file or an image arrives as
// replacement characters (U+FFFD) and control bytes. More than a tenth of them: not a text.
bool looks_like_text(const std::string& s) {
    if (s.size() < 64) return true;
    size_t junk = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') ++junk;
        else if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBF && static_cast<unsigned char>(s[i + 2]) == 0xBD) { junk += 3; i += 2; }
    }
    return junk * 10 <= s.size();
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

}  // namespace

const char* tab_name(Tab t) { return kTabNames[static_cast<int>(t)]; }

// ---- the app: fonts and theme -------------------------------------------------------------------

App::App() {
    panels_.rects = &rects_;
    bool dark = false;
    if (platform::load_dark_preference(&dark)) set_dark(dark);
    // The sample is analysed on the second frame, not here: the first frame's GL work (shaders,
    // the font texture) then runs in the browser's GPU process while the core loads its models.
    input_ = ae_samples_count > 0 ? std::string(reinterpret_cast<const char*>(ae_samples[0].data), ae_samples[0].size)
                                  : std::string(kBuiltinSample);
    first_analysis_pending_ = true;
}

void App::setup_fonts_and_style(float dpr) {
    dpr_ = std::clamp(dpr, 0.5f, 4.0f);
    fonts_ = load_fonts(dpr_);
    apply_style(dpr_);
}

void App::set_dark(bool dark) {
    dark_ = dark;
    theme::use_dark(dark);
    if (ImGui::GetCurrentContext()) apply_style(dpr_);
}

// ---- the article in: replaced, undone, pasted, dropped ------------------------------------------

void App::set_article(std::string text, bool sync) {
    text = normalise_newlines(std::move(text));
    if (text != input_ && !input_.empty()) previous_input_ = input_;  // one level of Undo
    input_ = std::move(text);
    options_.reference_date.clear();  // an override belongs to the article it was set for (edits keep it)
    clear_active_field_ = true;  // an active InputText would overwrite input_ with its own buffer
    start_analysis(sync);
}

void App::undo_replace() {
    if (previous_input_.empty()) return;
    std::string back = std::move(previous_input_);
    previous_input_.clear();
    set_article(std::move(back), false);  // keeps the replaced one: Undo again swaps back
}

void App::on_paste(std::string text) {
    text = normalise_newlines(std::move(text));
    pasted_html_ = looks_like_html(text);
    if (pasted_html_) text = html_to_text(text);  // HTML source: its text, no scripts or styles
    clipboard_ = text;
    pending_paste_ = std::move(text);
    has_pending_paste_ = true;
}

void App::on_drop(const std::string& name, std::string bytes) {
    if (!looks_like_text(bytes)) {  // keep the article rather than replace it with mojibake
        drop_note_ = "'" + name + "' is not a text or HTML file, so the article was kept. Open it elsewhere, copy its text and paste it here.";
        return;
    }
    const size_t dot = name.rfind('.');
    std::string ext = dot == std::string::npos ? std::string() : name.substr(dot + 1);
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    pasted_html_ = ext == "html" || ext == "htm" || ext == "xhtml" || looks_like_html(bytes);
    if (pasted_html_) bytes = html_to_text(bytes);
    set_article(std::move(bytes), false);
    request_tab_ = static_cast<int>(Tab::Entities);
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

// ---- the analysis: at once, or in slices over frames; its JSON and HTML -------------------------

void App::start_analysis(bool sync) {
    first_analysis_pending_ = false;
    drop_note_.clear();  // a new article or an edit: the refused file is old news
    job_.reset();
    last_edit_time_ = -1.0;
    job_input_ = input_;
    job_started_ = platform::now_ms();
    job_work_ms_ = 0.0;
    last_step_ms_ = 0.0;
    options_.max_bytes = kMaxArticleBytes;
    try {
        job_ = std::make_unique<AnalysisJob>(input_, options_);
        if (sync || input_.size() < kSliceFrom) {
            job_->step(1e12);
            job_work_ms_ = platform::now_ms() - job_started_;
            finish_job();
        }
    } catch (const std::exception& e) {
        fail_analysis(e.what());
    }
}

void App::step_analysis() {
    if (!job_) return;
    const double t0 = platform::now_ms();
    const double interval = last_step_ms_ > 0.0 ? t0 - last_step_ms_ : 16.0;
    last_step_ms_ = t0;
    const double budget = std::clamp(interval * kSliceShare, kSliceMinMs, kSliceMaxMs);
    bool done = false;
    try {
        done = job_->step(budget);
    } catch (const std::exception& e) {
        fail_analysis(e.what());
        return;
    }
    job_work_ms_ += platform::now_ms() - t0;
    if (done) finish_job();
}

void App::finish_job() {
    Analysis a = job_->take();
    job_.reset();
    error_.clear();
    finish_analysis(std::move(a), job_work_ms_);
}

// The core promises not to throw; the page must not die if it does: it shows the error.
void App::fail_analysis(const char* what) {
    job_.reset();
    error_ = what;
    finish_analysis(Analysis{}, platform::now_ms() - job_started_);
}

void App::finish_analysis(Analysis a, double ms) {
    analysis_ = std::move(a);
    analysis_ms_ = ms;
    analysed_input_ = job_input_;
    json_valid_ = false;
    ++analysis_count_;
    frames_since_change_ = 0;
    view_.set_analysis(analysis_);
    panels_.set_analysis(analysis_);
    if (find_.open) find_.update(analysis_.text, true, view_);
}

const std::string& App::analysis_json() {
    if (!json_valid_) {
        try {
            json_ = ae::to_json(analysis_, options_);
        } catch (const std::exception&) {
            json_ = std::string("{\"error\":\"could not write the analysis\"}");
        }
        json_valid_ = true;
    }
    return json_;
}

std::string App::article_html() const { return ae::web::article_html(analysis_, view_.visible); }

// ---- the frame: keys, layout, the debounced re-analysis -----------------------------------------

bool App::wants_frames() const {
    return first_analysis_pending_ || has_pending_paste_ || last_edit_time_ >= 0.0 || clear_active_field_ || frames_since_change_ < 3 || job_ ||
           view_.animating() || ImGui::GetTime() - copied_time_ < 2.0;
}

void App::apply(const PanelNav& nav) {
    if (nav.select_entity >= 0) {
        view_.select_entity(analysis_, nav.select_entity, -1);
    } else if (nav.go) {
        view_.go_to(nav.start, nav.end);
    }
}

void App::handle_keys() {
    ImGuiIO& io = ImGui::GetIO();
    // Ctrl+Enter (or Cmd+Enter): analyse now.
    if ((io.KeyCtrl || io.KeySuper) && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false)) start_analysis(false);
    if (ImGui::IsKeyPressed(kKeyF1, false)) show_help_ = !show_help_;
    if ((io.KeyCtrl || io.KeySuper) && ImGui::IsKeyPressed(kKeyF, false)) find_.show();
    if (find_.open && !io.WantTextInput && !show_help_ && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) find_.close(view_);
    // Ctrl+Z outside text fields (inside one it undoes typing): the article before the last replacement.
    if (!io.WantTextInput && (io.KeyCtrl || io.KeySuper) && ImGui::IsKeyPressed(kKeyZ, false)) undo_replace();
    // Stepping through the selected entity's mentions: F3 / Shift+F3 always, N / P outside text fields.
    if (view_.selected_entity() >= 0) {
        const bool typing = io.WantTextInput;
        if (ImGui::IsKeyPressed(kKeyF3, true)) view_.step_mention(analysis_, io.KeyShift ? -1 : 1);
        if (!typing && !io.KeyCtrl && !io.KeySuper && ImGui::IsKeyPressed(kKeyN, true)) view_.step_mention(analysis_, 1);
        if (!typing && !io.KeyCtrl && !io.KeySuper && ImGui::IsKeyPressed(kKeyP, true)) view_.step_mention(analysis_, -1);
        if (!typing && !show_help_ && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) view_.clear_selection();
    }
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
        set_article(std::move(pending_paste_), false);
        pending_paste_.clear();
        ImGui::ClearActiveID();
        clear_active_field_ = false;
        request_tab_ = static_cast<int>(Tab::Entities);
    }
    if (first_analysis_pending_ && ImGui::GetFrameCount() > 1) start_analysis(true);
    step_analysis();
    handle_keys();
    rects_.clear();  // only what is drawn this frame is on screen

    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::Begin("##page", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
    draw_header();

    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float logical_w = avail.x / dpr_;
    if (logical_w >= 1440.0f) {  // three columns: input | article | panels
        layout_ = "three-column";
        const float in_w = std::round(avail.x * input_frac_), pn_w = std::round(avail.x * panels_frac_);
        draw_input_pane(in_w, avail.y);
        ImGui::SameLine(0, 0);
        vsplitter("##split_in", avail.y, &input_frac_, avail.x, 1.0f, 0.15f, 0.40f);
        ImGui::SameLine(0, 0);
        const float gap = ImGui::GetStyle().ItemSpacing.x * 1.6f;
        draw_article_pane(std::max(100.0f, avail.x - in_w - pn_w - 2.0f * gap), avail.y);
        ImGui::SameLine(0, 0);
        vsplitter("##split_pn", avail.y, &panels_frac_, avail.x, -1.0f, 0.18f, 0.45f);
        ImGui::SameLine(0, 0);
        draw_side(ImGui::GetContentRegionAvail().x, avail.y, false);
    } else if (logical_w >= 760.0f) {  // two columns: tabs (text and panels) | article
        layout_ = "two-column";
        const float side_w = std::round(avail.x * side_frac_);
        draw_side(side_w, avail.y, true);
        ImGui::SameLine(0, 0);
        vsplitter("##split_side", avail.y, &side_frac_, avail.x, 1.0f, 0.22f, 0.6f);
        ImGui::SameLine(0, 0);
        draw_article_pane(ImGui::GetContentRegionAvail().x, avail.y);
    } else {  // narrow: tabs on top, the article below
        layout_ = "stacked";
        const float side_h = std::max(180.0f * dpr_, std::round(avail.y * 0.4f));
        draw_side(avail.x, side_h, true);
        draw_article_pane(avail.x, ImGui::GetContentRegionAvail().y);
    }
    ImGui::End();
    draw_help();

    // Debounced re-analysis while the user edits: wait for a pause, longer for long texts.
    if (last_edit_time_ >= 0.0) {
        const double delay = std::min(1.5, 0.3 + 2.0 * analysis_ms_ / 1000.0);
        if (ImGui::GetTime() - last_edit_time_ >= delay) {
            if (input_ != analysed_input_) start_analysis(false);
            else last_edit_time_ = -1.0;
        }
    }
    has_pending_paste_ = false;  // not taken by a field this frame: drop it
    if (frames_since_change_ < 1000) ++frames_since_change_;
}

// ---- header and help ----------------------------------------------------------------------------

void App::draw_header() {
    const ImGuiStyle& st = ImGui::GetStyle();
    const theme::Palette& pal = theme::P();
    ImGui::PushFont(fonts_.title);
    ImGui::TextUnformatted("Article Explorer");
    ImGui::PopFont();
    const float title_h = fonts_.title->FontSize, ui_h = fonts_.ui->FontSize;
    const float row_y = ImGui::GetItemRectMin().y;
    ImGui::SameLine(0.0f, st.ItemSpacing.x * 2.0f);
    const float sub_x = ImGui::GetCursorPosX();
    const float right = ImGui::GetWindowContentRegionMax().x;

    // Right: the privacy promise, the theme toggle and help.
    const char* note_text = "Your text never leaves this tab";
    const char* theme_label = dark_ ? "Light theme" : "Dark theme";
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(st.FramePadding.x * 0.8f, st.FramePadding.y * 0.5f));
    const float small_frame_h = ImGui::GetFrameHeight();
    const float buttons_w = quiet_button_width(theme_label) + quiet_button_width(" ? ") + st.ItemSpacing.x;
    const float note_w = ImGui::CalcTextSize(note_text).x + ui_h * 1.0f;
    const bool show_note = right - buttons_w - note_w - st.ItemSpacing.x * 2.0f > sub_x + ui_h * 4.0f;
    const bool show_sub = right - buttons_w - (show_note ? note_w : 0.0f) - st.ItemSpacing.x * 3.0f >
                          sub_x + ImGui::CalcTextSize("who, what, when and where in a news article").x;
    const float win_y = ImGui::GetWindowPos().y;
    const float btn_y = row_y - win_y + (title_h - small_frame_h) * 0.5f;
    if (show_sub) {
        ImGui::SetCursorPosY(row_y - win_y + (title_h - ui_h) * 0.62f);
        ImGui::TextColored(theme::f(pal.muted), "who, what, when and where in a news article");
        ImGui::SameLine();
    }
    float x = right - buttons_w - (show_note ? note_w + st.ItemSpacing.x * 2.0f : 0.0f);
    if (show_note) {
        ImGui::SetCursorPos(ImVec2(x, row_y - win_y + (title_h - ui_h) * 0.62f));
        const ImVec2 p = ImGui::GetCursorScreenPos();
        padlock(ImGui::GetWindowDrawList(), ImVec2(p.x, p.y + ui_h * 0.05f), ui_h * 0.9f, pal.privacy);
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ui_h * 1.0f);
        ImGui::TextColored(theme::f(pal.privacy), "%s", note_text);
        rects_.note("privacy");
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("Everything runs here, in WebAssembly. After the page has loaded it\n"
                              "makes no network request: the article is not uploaded anywhere.");
        x += note_w + st.ItemSpacing.x * 2.0f;
    }
    ImGui::SetCursorPos(ImVec2(x, btn_y));
    if (quiet_button(theme_label)) {
        set_dark(!dark_);
        platform::save_dark_preference(dark_);
    }
    rects_.note("theme");
    ImGui::SameLine();
    if (quiet_button(" ? ")) show_help_ = true;
    rects_.note("help");
    tooltip("Keyboard shortcuts (F1)");
    ImGui::PopStyleVar();
    ImGui::SetCursorPosY(row_y - win_y + title_h + st.ItemSpacing.y);
    ImGui::Dummy(ImVec2(0.0f, st.ItemSpacing.y * 0.2f));
}

void App::draw_help() {
    if (show_help_ && !ImGui::IsPopupOpen("Keyboard shortcuts")) ImGui::OpenPopup("Keyboard shortcuts");
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x * 0.5f, vp->Pos.y + vp->Size.y * 0.42f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(22.0f * dpr_, 18.0f * dpr_));
    if (ImGui::BeginPopupModal("Keyboard shortcuts", &show_help_, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove)) {
        rects_.note("help_popup");
        if (!show_help_) ImGui::CloseCurrentPopup();  // F1 again
        const char* const rows[][2] = {
            {platform::paste_shortcut(), "Paste an article (anywhere outside the text box replaces it; HTML is reduced to text)"},
            {"Ctrl+Enter", "Analyse the text box now (edits are analysed after a short pause)"},
            {"Ctrl+Z", "Outside the text box: bring back the article before the last paste, drop, Sample or Clear"},
            {"Ctrl+F", "Find a word or a phrase in the article; Enter / Shift+Enter: next / previous match"},
            {"Click a name", "Select its entity: all its mentions are outlined"},
            {"N  /  F3", "Next mention of the selected entity"},
            {"P  /  Shift+F3", "Previous mention"},
            {"Esc", "Clear the selection (or close this window)"},
            {"Hover", "A card with the details of a name, value, quote or event"},
            {"Legend", "Click a colour to show or hide that kind of highlight"},
            {"F1", "This help"},
        };
        if (ImGui::BeginTable("##keys", 2, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg)) {
            for (const auto& r : rows) {
                ImGui::TableNextRow();
                ImGui::TableSetColumnIndex(0);
                ImGui::TextColored(theme::f(theme::P().accent), "%s", r[0]);
                ImGui::TableSetColumnIndex(1);
                ImGui::TextUnformatted(r[1]);
            }
            ImGui::EndTable();
        }
        ImGui::Spacing();
        ImGui::TextColored(theme::f(theme::P().muted), "Drop a .txt or .html file on the page to open it. Nothing you paste leaves this tab.");
        ImGui::Spacing();
        if (accent_button("Close") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
            show_help_ = false;
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
    ImGui::PopStyleVar();
}

// ---- the input pane and the side panels ---------------------------------------------------------

void App::draw_input_pane(float width, float height) {
    const ImGuiStyle& st = ImGui::GetStyle();
    ImGui::BeginGroup();
    ImGui::PushStyleVar(ImGuiStyleVar_ChildBorderSize, 0.0f);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0, 0, 0, 0));
    ImGui::BeginChild("##input_pane", ImVec2(width, height), false, ImGuiWindowFlags_NoScrollbar);
    ImGui::TextUnformatted("Article text");
    ImGui::SameLine();
    char stats[96];
    if (input_.size() >= 10 * 1024)
        std::snprintf(stats, sizeof stats, "%.0f KB", input_.size() / 1024.0);
    else
        std::snprintf(stats, sizeof stats, "%zu characters", input_.size());
    ImGui::SetCursorPosX(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(stats).x);
    ImGui::TextColored(theme::f(theme::P().muted), "%s", stats);

    const float buttons_h = ImGui::GetFrameHeight() + st.ItemSpacing.y;
    const float hint_h = ImGui::GetTextLineHeightWithSpacing() * 2.0f;
    const ImVec2 box(-FLT_MIN, std::max(ImGui::GetFrameHeight() * 3.0f, ImGui::GetContentRegionAvail().y - buttons_h - hint_h));
    const ImVec2 box_pos = ImGui::GetCursorScreenPos();
    if (ImGui::InputTextMultiline("##article_input", &input_, box, ImGuiInputTextFlags_CallbackAlways, input_callback, this))
        last_edit_time_ = ImGui::GetTime();
    rects_.note("input");
    if (input_.empty() && !ImGui::IsItemActive()) {
        const ImVec2 p(box_pos.x + st.FramePadding.x, box_pos.y + st.FramePadding.y);
        char hint[200];
        std::snprintf(hint, sizeof hint, "Paste a news article here (%s),\nanywhere on the page, or drop a\n.txt or .html file.", platform::paste_shortcut());
        ImGui::GetWindowDrawList()->AddText(p, theme::P().faint, hint);
    }

    if (accent_button("Analyze")) start_analysis(false);
    tooltip("Ctrl+Enter. Edits are analysed by themselves after a short pause.");
    ImGui::SameLine();
    if (quiet_button("Paste")) platform::request_paste(*this);
    rects_.note("paste");
    tooltip("Replace the article with the clipboard's text");
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
    tooltip("Load a sample article written for this project");
    ImGui::SameLine();
    if (quiet_button("Clear")) set_article(std::string());
    rects_.note("clear");
    if (!previous_input_.empty()) {
        ImGui::SameLine();
        if (quiet_button("Undo")) undo_replace();
        rects_.note("undo");
        tooltip("Bring back the article you had before the last paste, drop, Sample or Clear (Ctrl+Z outside the text box)");
    }

    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(theme::f(theme::P().muted), "Tip: press %s anywhere outside the text box to replace the article with your clipboard.",
                       platform::paste_shortcut());
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    ImGui::EndGroup();
}

void App::draw_side(float width, float height, bool with_text_tab) {
    ImGui::BeginChild("##side", ImVec2(width, height), false, ImGuiWindowFlags_NoScrollbar);
    if (!with_text_tab && tab_ == Tab::Text) tab_ = Tab::Entities;
    PanelNav nav;
    // Tabs a little tighter than buttons, so five fit a third of a 1280-pixel window.
    const ImVec2 tab_pad(ImGui::GetStyle().FramePadding.x * 0.6f, ImGui::GetStyle().FramePadding.y);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, tab_pad);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemInnerSpacing, ImVec2(ImGui::GetStyle().ItemInnerSpacing.x * 0.5f, ImGui::GetStyle().ItemInnerSpacing.y));
    const bool tabs = ImGui::BeginTabBar("##tabs", ImGuiTabBarFlags_FittingPolicyScroll);
    ImGui::PopStyleVar(2);
    if (tabs) {
        const int counts[] = {-1, static_cast<int>(analysis_.entities.size()), static_cast<int>(analysis_.quotes.size()),
                              static_cast<int>(analysis_.events.size()), panels_.dated_events()};
        for (int t = with_text_tab ? 0 : 1; t < static_cast<int>(Tab::Count); ++t) {
            char label[64];
            if (counts[t] >= 0) std::snprintf(label, sizeof label, "%s %d###%s", kTabNames[t], counts[t], kTabNames[t]);
            else std::snprintf(label, sizeof label, "%s###%s", kTabNames[t], kTabNames[t]);
            const ImGuiTabItemFlags flags = request_tab_ == t ? ImGuiTabItemFlags_SetSelected : 0;
            ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, tab_pad);  // the tab's width is measured here
            const bool open = ImGui::BeginTabItem(label, nullptr, flags);
            ImGui::PopStyleVar();
            char name[32];
            std::snprintf(name, sizeof name, "tab:%s", kTabNames[t]);
            rects_.note(name);
            if (!open) continue;
            tab_ = static_cast<Tab>(t);
            ImGui::Spacing();
            switch (tab_) {
            case Tab::Text: draw_input_pane(ImGui::GetContentRegionAvail().x, ImGui::GetContentRegionAvail().y); break;
            case Tab::Entities: panels_.entities(analysis_, view_.selected_entity(), scroll_entities_, nav); scroll_entities_ = false; break;
            case Tab::Quotes: panels_.quotes(analysis_, nav); break;
            case Tab::Events: panels_.events(analysis_, view_.visible[static_cast<int>(Layer::OtherEvent)], nav); break;
            case Tab::Timeline: panels_.timeline(analysis_, view_.visible[static_cast<int>(Layer::OtherEvent)], nav); break;
            case Tab::Count: break;
            }
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    request_tab_ = -1;
    ImGui::EndChild();
    apply(nav);
}

// ---- the article pane: legend, status row, selection bar, find bar, the article -----------------

void App::draw_legend(float right) {
    const ImGuiStyle& st = ImGui::GetStyle();
    const theme::Palette& pal = theme::P();
    const float h = ImGui::GetTextLineHeight();
    bool first = true;
    for (int i = 0; i < static_cast<int>(Layer::Count); ++i) {
        const Layer l = static_cast<Layer>(i);
        const bool always = l == Layer::Sentence || l == Layer::DateLine || l == Layer::Boilerplate;
        if (!always && view_.count(l) == 0) continue;  // nothing of that kind in this article
        const LayerInfo info = layer_info(l);
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
        char name[48];
        std::snprintf(name, sizeof name, "legend:%s", info.label);
        rects_.note(name);
        const bool hovered = ImGui::IsItemHovered();
        if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const float sw = h * 0.8f;
        const ImVec2 s0(p.x, p.y + (h - sw * 0.75f) * 0.5f), s1(p.x + sw, p.y + (h + sw * 0.75f) * 0.5f);
        if (info.underline) {
            dl->AddRectFilled(ImVec2(s0.x, s1.y - std::max(1.0f, h / 9.0f)), s1, on ? info.colour : pal.border);
        } else if (l == Layer::Sentence) {  // both tints
            const float mid = (s0.x + s1.x) * 0.5f;
            dl->AddRectFilled(s0, ImVec2(mid, s1.y), on ? pal.sentence_a : pal.panel, h * 0.15f, ImDrawFlags_RoundCornersLeft);
            dl->AddRectFilled(ImVec2(mid, s0.y), s1, on ? pal.sentence_b : pal.panel, h * 0.15f, ImDrawFlags_RoundCornersRight);
            dl->AddRect(s0, s1, pal.border, h * 0.15f);
        } else {
            dl->AddRectFilled(s0, s1, on ? info.colour : pal.panel, h * 0.15f);
            dl->AddRect(s0, s1, l == Layer::DateLine && on ? pal.date_line_edge : pal.border, h * 0.15f);
        }
        dl->AddText(ImVec2(p.x + h * 1.1f, p.y), on ? pal.ink : pal.faint, label);
        if (hovered) ImGui::SetTooltip(on ? "Click to hide" : "Click to show");
        ImGui::PopID();
    }
}

void App::draw_status_row() {
    const theme::Palette& pal = theme::P();
    if (!error_.empty()) {
        ImGui::TextColored(theme::f(pal.quote), "The analysis failed: %s", error_.c_str());
        return;
    }
    const Analysis& a = analysis_;
    // The reference date first (with its Change button), the counts after: on a narrow pane the
    // counts are what gets clipped.
    ImGui::TextColored(theme::f(pal.muted), "Reference date");
    ImGui::SameLine();
    const char* source = reference_source();
    if (a.reference_date.empty()) ImGui::TextColored(theme::f(pal.ink), "none");
    else ImGui::TextColored(theme::f(pal.ink), "%s", a.reference_date.c_str());
    rects_.note("reference_date");
    if (*source) {
        ImGui::SameLine(0, ImGui::GetStyle().ItemSpacing.x * 0.5f);
        ImGui::TextColored(theme::f(pal.muted), "(%s)", source);
    }
    ImGui::SameLine();
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(ImGui::GetStyle().FramePadding.x * 0.6f, 0.0f));
    if (quiet_button("Change")) {
        std::snprintf(ref_buf_, sizeof ref_buf_, "%s", !options_.reference_date.empty() ? options_.reference_date.c_str() : a.reference_date.c_str());
        ref_error_.clear();
        ImGui::OpenPopup("##refdate");
    }
    rects_.note("reference_change");
    tooltip("Relative dates (\"Friday\", \"last week\") are resolved against this date");
    ImGui::PopStyleVar();
    if (ImGui::BeginPopup("##refdate")) {
        ImGui::TextUnformatted("Reference date for relative dates");
        ImGui::SetNextItemWidth(ImGui::CalcTextSize("0000-00-00").x * 1.8f);
        if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
        const bool enter = ImGui::InputTextWithHint("##ref", "YYYY-MM-DD", ref_buf_, sizeof ref_buf_, ImGuiInputTextFlags_EnterReturnsTrue);
        rects_.note("reference_input");
        ImGui::SameLine();
        if (accent_button("Apply") || enter) {
            if (is_iso_date(ref_buf_)) {
                options_.reference_date = ref_buf_;
                start_analysis(false);
                ImGui::CloseCurrentPopup();
            } else {
                ref_error_ = "Write a date as YYYY-MM-DD, e.g. 2024-04-06";
            }
        }
        rects_.note("reference_apply");
        if (!options_.reference_date.empty()) {
            if (quiet_button("Use the article's own date")) {
                options_.reference_date.clear();
                start_analysis(false);
                ImGui::CloseCurrentPopup();
            }
        }
        if (!ref_error_.empty()) ImGui::TextColored(theme::f(pal.quote), "%s", ref_error_.c_str());
        ImGui::EndPopup();
    }
    ImGui::SameLine();
    ImGui::TextColored(theme::f(pal.muted), "\xC2\xB7 %zu paragraphs \xC2\xB7 %zu sentences \xC2\xB7 analysed in %.0f ms", a.paragraphs.size(),
                       a.sentences.size(), analysis_ms_);
    if (!drop_note_.empty()) {
        ImGui::PushTextWrapPos(0.0f);  // a long file name on a narrow pane wraps, not clips
        ImGui::TextColored(theme::f(pal.quote), "%s", drop_note_.c_str());
        ImGui::PopTextWrapPos();
        rects_.note("drop_note");
    }
    // What the core could not do, or repaired (too long, invalid UTF-8, a missing model): one
    // line, the rest in its tooltip.
    if (!a.diagnostics.empty()) {
        const Diagnostic& d = a.diagnostics.front();
        if (a.diagnostics.size() == 1) ImGui::TextColored(theme::f(pal.quote), "Note: %s", d.message.c_str());
        else ImGui::TextColored(theme::f(pal.quote), "Note: %s (and %zu more)", d.message.c_str(), a.diagnostics.size() - 1);
        rects_.note("diagnostics");
        if (ImGui::IsItemHovered() && a.diagnostics.size() > 1) {
            ImGui::BeginTooltip();
            for (const Diagnostic& x : a.diagnostics) ImGui::BulletText("%s", x.message.c_str());
            ImGui::EndTooltip();
        }
    }
}

const char* App::reference_source() const {
    const Analysis& a = analysis_;
    if (!options_.reference_date.empty()) return "set by you";
    if (!a.reference_date_from_text) return "";
    // Of a page's dates (published, updated) the core took the published one, or said which.
    if (a.date_line_label == "published") return "from the published date";
    if (a.date_line_label == "updated") return "from the updated date";
    return "from the date line";
}

// The article's headline above it, as the page it was copied from shows it: the title font
// when it has every glyph (Latin-1, dashes, curly quotes), else the article's.
void App::draw_title() {
    const Analysis& a = analysis_;
    if (a.title.end <= a.title.start || a.title.end > a.text.size()) return;
    const std::string_view t = a.slice(a.title.start, a.title.end);
    bool title_glyphs = true;
    for (size_t i = 0; i < t.size() && title_glyphs;) {
        uint32_t cp = 0;
        const int n = utf8_decode(t, i, cp);
        if (n == 0) { title_glyphs = false; break; }
        title_glyphs = (cp >= 0x20 && cp <= 0xFF) || (cp >= 0x2013 && cp <= 0x2014) || (cp >= 0x2018 && cp <= 0x201D);
        i += size_t(n);
    }
    ImGui::PushFont(title_glyphs ? fonts_.title : fonts_.article);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(theme::f(theme::P().ink), "%.*s", static_cast<int>(t.size()), t.data());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    rects_.note("title");
}

void App::draw_selection_bar() {
    const int e = view_.selected_entity();
    if (e < 0) return;
    const Entity& ent = analysis_.entities[e];
    const ImGuiStyle& st = ImGui::GetStyle();
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(st.FramePadding.x * 0.8f, st.FramePadding.y * 0.4f));
    const float fh = ImGui::GetFrameHeight();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + w, p.y + fh + st.FramePadding.y * 2.0f), theme::P().header, fh * 0.3f);
    ImGui::SetCursorScreenPos(ImVec2(p.x + st.FramePadding.x, p.y + st.FramePadding.y));
    ImGui::AlignTextToFramePadding();
    swatch(layer_info(layer_for_entity_type(ent.type)).colour);
    ImGui::Text("%s", ent.canonical.c_str());
    ImGui::SameLine();
    ImGui::TextColored(theme::f(theme::P().muted), "mention %d of %zu", view_.selected_mention() + 1, ent.mentions.size());
    ImGui::SameLine();
    if (quiet_button("\xE2\x80\xB9 Previous")) view_.step_mention(analysis_, -1);
    rects_.note("prev");
    tooltip("P or Shift+F3");
    ImGui::SameLine();
    if (quiet_button("Next \xE2\x80\xBA")) view_.step_mention(analysis_, 1);
    rects_.note("next");
    tooltip("N or F3");
    ImGui::SameLine();
    if (quiet_button("Clear")) view_.clear_selection();
    rects_.note("clear_selection");
    tooltip("Esc");
    ImGui::PopStyleVar();
    ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + fh + st.FramePadding.y * 2.0f + st.ItemSpacing.y));
}

void App::draw_article_pane(float width, float height) {
    ImGui::BeginChild("##article_pane", ImVec2(width, height), true, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    const ImGuiStyle& st = ImGui::GetStyle();
    const theme::Palette& pal = theme::P();

    // Row 1: the legend (left, wraps) and the export buttons (right).
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(st.FramePadding.x * 0.8f, st.FramePadding.y * 0.6f));
    const float buttons_w = quiet_button_width("Copy JSON") + quiet_button_width("Download JSON") + quiet_button_width("Copy HTML") +
                            st.ItemSpacing.x * 2.0f;
    const float right = ImGui::GetWindowContentRegionMax().x;
    const ImVec2 row = ImGui::GetCursorPos();
    ImGui::SetCursorPos(ImVec2(right - buttons_w, row.y));
    if (quiet_button("Copy JSON")) {
        platform::copy_to_clipboard(*this, analysis_json());
        copied_note_ = "JSON copied";
        copied_time_ = ImGui::GetTime();
    }
    rects_.note("copy_json");
    tooltip("Copy the analysis (article-explorer/1 JSON) to the clipboard");
    ImGui::SameLine();
    if (quiet_button("Download JSON")) platform::download_text("article-explorer.json", analysis_json());
    rects_.note("download_json");
    tooltip("Save the analysis as article-explorer.json");
    ImGui::SameLine();
    if (quiet_button("Copy HTML")) {
        platform::copy_html(*this, article_html(), analysis_.text);
        copied_note_ = "Article copied as HTML";
        copied_time_ = ImGui::GetTime();
    }
    rects_.note("copy_html");
    tooltip("Copy the article with its highlights as HTML (paste into a document or an email)");
    const float frame_h = ImGui::GetFrameHeight();
    ImGui::PopStyleVar();
    ImGui::SetCursorPos(ImVec2(row.x, row.y + (frame_h - ImGui::GetTextLineHeight()) * 0.5f));
    draw_legend(right - buttons_w - st.ItemSpacing.x * 2.0f);
    if (ImGui::GetTime() - copied_time_ < 2.0) {  // feedback under the buttons
        const ImVec2 sz = ImGui::CalcTextSize(copied_note_.c_str());
        const ImVec2 wp = ImGui::GetWindowPos();
        ImGui::GetWindowDrawList()->AddText(ImVec2(wp.x + right - sz.x, wp.y + row.y + frame_h + st.ItemSpacing.y * 0.3f), pal.privacy,
                                            copied_note_.c_str());
    }
    ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), row.y + frame_h + st.ItemSpacing.y));

    // Row 2: what the analysis found, the reference date; a progress bar while analysing.
    draw_status_row();
    if (job_) {
        char label[128];
        std::snprintf(label, sizeof label, "Analysing %.0f KB \xE2\x80\x94 %s %.0f%%", job_input_.size() / 1024.0, job_->stage(), job_->progress() * 100.0f);
        ImGui::PushStyleColor(ImGuiCol_PlotHistogram, theme::f(pal.accent));
        ImGui::PushStyleColor(ImGuiCol_FrameBg, theme::f(pal.page));
        ImGui::ProgressBar(job_->progress(), ImVec2(-FLT_MIN, 0), label);
        ImGui::PopStyleColor(2);
        rects_.note("progress");
    }
    draw_selection_bar();
    find_.draw(analysis_.text, view_, rects_);
    ImGui::Separator();
    if (!job_) draw_title();

    ImGui::BeginChild("##article", ImVec2(0, 0), false);
    if (analysis_.text.empty()) {
        char msg[160];
        std::snprintf(msg, sizeof msg, job_ ? "Analysing\xE2\x80\xA6" : "Paste a news article anywhere on this page (%s).", platform::paste_shortcut());
        const ImVec2 sz = ImGui::CalcTextSize(msg);
        const ImVec2 av = ImGui::GetContentRegionAvail();
        ImGui::SetCursorPos(ImVec2(std::max(0.0f, (av.x - sz.x) * 0.5f), av.y * 0.4f));
        ImGui::TextColored(theme::f(pal.muted), "%s", msg);
    } else {
        view_.draw(analysis_, fonts_.article, fonts_.article->FontSize * 36.0f);
        const int clicked = view_.take_clicked_entity();
        if (clicked >= 0) {  // the entities panel follows a click in the text
            scroll_entities_ = true;
            if (!ImGui::GetIO().WantTextInput) request_tab_ = static_cast<int>(Tab::Entities);
        }
    }
    ImGui::EndChild();
    rects_.note("article");
    ImGui::EndChild();
}

}  // namespace ae::web
