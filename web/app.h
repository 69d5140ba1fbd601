// Article Explorer's page: the UI state and one frame of it. Platform code (browser or native
// window) feeds it pasted text and the pixel ratio; it never knows how entities are found: it
// calls ae::analyze and draws the ae::Analysis it gets back.
#pragma once
#include <string>

#include "article_explorer/analysis.h"
#include "article_view.h"

struct ImFont;

namespace ae::web {

struct Fonts {
    ImFont* ui = nullptr;       // labels, buttons, the input pane
    ImFont* article = nullptr;  // the article view (a little larger, for reading)
    ImFont* title = nullptr;    // the page title
};

class App {
public:
    App();

    // Builds the font atlas and the style for this device pixel ratio (call again when it changes;
    // the caller re-uploads the font texture).
    void setup_fonts_and_style(float dpr);
    float dpr() const { return dpr_; }

    // One frame of UI, between ImGui::NewFrame() and ImGui::Render().
    void frame();

    // Replaces the article (input pane included) and analyses it now.
    void set_article(std::string text);

    // Text from the system clipboard arrived (browser `paste` event, or a native Ctrl+V).
    // Into the focused text field it is inserted there; with no text field focused, it replaces
    // the article. Handled on the next frame.
    void on_paste(std::string text);
    // What io.GetClipboardTextFn returns: the last text pasted or copied. ImGui calls it for its
    // own Ctrl+V, which then takes the pending paste.
    const char* clipboard_for_imgui();
    void set_clipboard_text(const char* text) { clipboard_ = text ? text : ""; }

    // The current analysis as `article-explorer/1` JSON (byte offsets into the input).
    const std::string& analysis_json();
    const Analysis& analysis() const { return analysis_; }

    // Work is pending (a paste, a debounced edit, a fresh analysis to lay out): keep drawing.
    bool wants_frames() const { return has_pending_paste_ || last_edit_time_ >= 0.0 || clear_active_field_ || frames_since_change_ < 3; }

    // Used by the input pane's ImGui callback.
    bool take_pending_paste_for_field(std::string& out);

private:
    void analyze_now();
    void draw_header();
    void draw_input_pane(float width, float height);
    void draw_article_pane(float width, float height);
    void draw_legend(float right);

    Fonts fonts_;
    float dpr_ = 1.0f;

    std::string input_;             // what the input pane shows (the user's text, as typed)
    std::string analysed_input_;    // the input the current analysis was made from
    Analysis analysis_;
    std::string json_;
    bool json_valid_ = false;
    double analysis_ms_ = 0.0;
    std::string error_;
    int sample_index_ = 0;
    int analysis_count_ = 0;
    int frames_since_change_ = 0;

    double last_edit_time_ = -1.0;  // ImGui time of the last edit not yet analysed
    bool clear_active_field_ = false;

    std::string clipboard_;
    std::string pending_paste_;
    bool has_pending_paste_ = false;

    ArticleView view_;
};

}  // namespace ae::web
