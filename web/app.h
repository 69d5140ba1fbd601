// Article Explorer's page: the UI state and one frame of it. Platform code (browser or native
// window) feeds it pasted text, dropped files and the pixel ratio; it never knows how entities
// are found: it runs ae::AnalysisJob and draws the ae::Analysis it gets back.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "article_explorer/analysis.h"
#include "article_view.h"
#include "find_bar.h"
#include "panels.h"
#include "style.h"
#include "test_hooks.h"

namespace ae::web {

enum class Tab { Text, Entities, Quotes, Events, Timeline, Count };
const char* tab_name(Tab t);  // "Text", "Entities", ...

class App {
public:
    App();

    // Builds the font atlas and the style for this device pixel ratio (call again when it changes;
    // the caller re-uploads the font texture).
    void setup_fonts_and_style(float dpr);
    float dpr() const { return dpr_; }

    // One frame of UI, between ImGui::NewFrame() and ImGui::Render().
    void frame();

    // Replaces the article (input pane included) and analyses it: at once (sync), or in slices
    // over the next frames with a progress bar.
    void set_article(std::string text, bool sync = true);
    // Brings back the article before the last replacement (the Undo button, Ctrl+Z outside text
    // fields); the replaced one is kept, so a second Undo swaps back.
    void undo_replace();

    // Text from the system clipboard arrived (browser `paste` event, or a native Ctrl+V).
    // Into the focused text field it is inserted there; with no text field focused, it replaces
    // the article. HTML source is reduced to its text first. Handled on the next frame.
    void on_paste(std::string text);
    // A file dropped on the page: .html/.htm (or text that is HTML) is reduced to its text.
    void on_drop(const std::string& name, std::string bytes);
    // What io.GetClipboardTextFn returns: the last text pasted or copied. ImGui calls it for its
    // own Ctrl+V, which then takes the pending paste.
    const char* clipboard_for_imgui();
    void set_clipboard_text(const char* text) { clipboard_ = text ? text : ""; }

    // The current analysis as `article-explorer/1` JSON (byte offsets into the input).
    const std::string& analysis_json();
    const Analysis& analysis() const { return analysis_; }
    // The article with its highlights as HTML (what "Copy HTML" copies).
    std::string article_html() const;

    // Frames drawn since the last analysis finished (0 on the frame that finished it); -1 before the first.
    int frames_since_analysis() const { return analysis_count_ > 0 ? frames_since_change_ : -1; }

    // Work is pending (a paste, a debounced edit, an analysis in slices, an animation): keep drawing.
    bool wants_frames() const;

    // Used by the input pane's ImGui callback.
    bool take_pending_paste_for_field(std::string& out);

    // The theme (the platform remembers it between visits where it can).
    void set_dark(bool dark);
    bool dark() const { return dark_; }

    // For tests and the budget script (window.articleExplorer; the JSON is written in
    // test_hooks.cpp): CPU time of App::frame() + ImGui::Render() per drawn frame, UI state as
    // JSON, where named UI items and spans of the article are on screen.
    void record_frame_ms(double ms) { frames_.record(ms); }
    void reset_frame_stats() { frames_.reset(); }
    std::string state_json() const;
    std::string ui_rect_json(const std::string& name) const;
    std::string span_rect_json(uint32_t start, uint32_t end) const;

private:
    void start_analysis(bool sync);
    void step_analysis();
    void finish_job();
    void fail_analysis(const char* what);
    void finish_analysis(Analysis a, double ms);
    void handle_keys();
    void draw_header();
    void draw_input_pane(float width, float height);
    void draw_side(float width, float height, bool with_text_tab);
    void draw_article_pane(float width, float height);
    void draw_legend(float right);
    void draw_status_row();
    void draw_title();
    // Where the reference date comes from, as the status row says it ("from the published date").
    const char* reference_source() const;
    void draw_selection_bar();
    void draw_help();
    void apply(const PanelNav& nav);

    Fonts fonts_;
    float dpr_ = 1.0f;
    bool dark_ = false;

    // The article and its analysis.
    std::string input_;             // what the input pane shows (the user's text, as typed)
    std::string analysed_input_;    // the input the current analysis was made from
    std::string previous_input_;    // the article before the last replacement: Undo brings it back
    Analysis analysis_;
    Options options_;               // reference_date: the user's override, if any
    std::string json_;              // analysis_json(), written when first asked for
    bool json_valid_ = false;
    double analysis_ms_ = 0.0;
    std::string error_;
    int sample_index_ = 0;
    int analysis_count_ = 0;
    int frames_since_change_ = 0;
    bool first_analysis_pending_ = false;  // the sample, analysed once the first frame is out
    double last_edit_time_ = -1.0;  // ImGui time of the last edit not yet analysed

    // A long text being analysed in slices.
    std::unique_ptr<AnalysisJob> job_;
    std::string job_input_;
    double job_started_ = 0.0, job_work_ms_ = 0.0, last_step_ms_ = 0.0;

    // Paste and drop.
    bool pasted_html_ = false;      // the last paste or drop was HTML, reduced to text
    std::string drop_note_;         // why the last dropped file was refused; cleared by the next analysis
    std::string clipboard_;
    std::string pending_paste_;
    bool has_pending_paste_ = false;
    bool clear_active_field_ = false;

    // What is on screen.
    ArticleView view_;
    Panels panels_;
    FindBar find_;
    Tab tab_ = Tab::Text;           // the side panel's open tab
    int request_tab_ = -1;          // a tab to open on the next frame
    bool scroll_entities_ = false;  // bring the selected entity's row into view
    float side_frac_ = 0.36f;       // two columns: the side panel's share of the width
    float input_frac_ = 0.23f, panels_frac_ = 0.30f;  // three columns
    const char* layout_ = "";
    bool show_help_ = false;
    char ref_buf_[16] = {};         // the reference date popup's field
    std::string ref_error_;
    std::string copied_note_;       // "Copied" feedback next to the export buttons
    double copied_time_ = -10.0;

    // For tests (test_hooks.h).
    FrameTimes frames_;
    UiRects rects_;
};

}  // namespace ae::web
