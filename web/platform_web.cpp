// The browser side of the page: clipboard bridge, device pixel ratio, the functions
// shell.html calls (exported C functions), and the JS it calls back (EM_JS).
#include <emscripten.h>
#include <emscripten/html5.h>
#include <GLFW/glfw3.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "app.h"
#include "imgui.h"
#include "platform.h"

namespace {
ae::web::App* g_app = nullptr;
}  // namespace

// ---- JS called from C++ ----------------------------------------------------------------------

EM_JS(void, ae_js_copy, (const char* text), {
    var t = UTF8ToString(text);
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(t).catch(function() {});
});

EM_JS(void, ae_js_download, (const char* name, const char* text), {
    var blob = new Blob([UTF8ToString(text)], {type: 'application/json'});
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = UTF8ToString(name);
    document.body.appendChild(a);
    a.click();
    setTimeout(function() { URL.revokeObjectURL(a.href); a.remove(); }, 0);
});

// The article as HTML and as plain text, for pasting into documents (Copy HTML). The async
// clipboard needs a user gesture: the click that called this.
EM_JS(void, ae_js_copy_html, (const char* html, const char* plain), {
    var h = UTF8ToString(html), t = UTF8ToString(plain);
    Module.aeLastCopiedHtml = h;
    try {
        if (navigator.clipboard && navigator.clipboard.write && window.ClipboardItem) {
            navigator.clipboard.write([new ClipboardItem({
                'text/html': new Blob([h], {type: 'text/html'}),
                'text/plain': new Blob([t], {type: 'text/plain'})
            })]).then(function() { Module.aeLastCopyError = null; }).catch(function(e) {
                Module.aeLastCopyError = String(e);
                if (navigator.clipboard.writeText) navigator.clipboard.writeText(t).catch(function() {});
            });
        } else if (navigator.clipboard && navigator.clipboard.writeText) {
            navigator.clipboard.writeText(t).catch(function() {});
        }
    } catch (e) {}
});

// The theme between visits: localStorage if the browser allows it (nothing leaves the tab),
// else the system's preference. 1 dark, 0 light, -1 nothing to go by.
EM_JS(int, ae_js_load_dark, (), {
    try {
        var v = window.localStorage && localStorage.getItem('article-explorer-theme');
        if (v === 'dark') return 1;
        if (v === 'light') return 0;
    } catch (e) {}
    try { if (window.matchMedia && matchMedia('(prefers-color-scheme: dark)').matches) return 1; } catch (e) {}
    return -1;
});

EM_JS(void, ae_js_save_dark, (int dark), {
    try { if (window.localStorage) localStorage.setItem('article-explorer-theme', dark ? 'dark' : 'light'); } catch (e) {}
    if (Module.aeThemeChanged) Module.aeThemeChanged(!!dark);
});

EM_JS(void, ae_js_request_paste, (), {
    if (Module.aeRequestPaste) Module.aeRequestPaste();
});

EM_JS(void, ae_js_first_frame, (), {
    if (Module.aeFirstFrame) Module.aeFirstFrame();
});

// Emscripten's glfwSetWindowSize asks for fullscreen when the size equals the screen's (as it
// does in a kiosk browser, or headless): resize the canvas through Module.setCanvasSize instead,
// which also updates GLFW's window size (its canvas resize listener).
EM_JS(void, ae_js_set_canvas_size, (int w, int h), {
    Module.setCanvasSize(w, h);
});

EM_JS(void, ae_js_set_cursor, (const char* css), {
    Module.canvas.style.cursor = UTF8ToString(css);
});

// performance.now() of the last input event on the page (shell.html records it).
EM_JS(double, ae_js_last_event_ms, (), {
    return Module.aeLastEvent || 0;
});

EM_JS(int, ae_js_is_mac, (), {
    var p = (navigator.userAgentData && navigator.userAgentData.platform) || navigator.platform || "";
    return /mac|iphone|ipad/i.test(p) ? 1 : 0;
});

// ---- C called from JS (shell.html) -----------------------------------------------------------
// Text comes in through _malloc + stringToUTF8 (never ccall 'string', which copies onto the stack).

extern "C" {

// The document's `paste` event: into the focused text field, or (no field focused) the article.
EMSCRIPTEN_KEEPALIVE void ae_web_paste(const char* text, int len) {
    if (g_app && text && len >= 0) g_app->on_paste(std::string(text, static_cast<size_t>(len)));
}

// articleExplorer.setText(text): replace the article and analyse it now.
EMSCRIPTEN_KEEPALIVE void ae_web_set_text(const char* text, int len) {
    if (g_app && text && len >= 0) g_app->set_article(std::string(text, static_cast<size_t>(len)));
}

// articleExplorer.setText(text, {sliced: true}): the same in slices over the next frames, as a paste.
EMSCRIPTEN_KEEPALIVE void ae_web_set_text_sliced(const char* text, int len) {
    if (g_app && text && len >= 0) g_app->set_article(std::string(text, static_cast<size_t>(len)), false);
}

// A file dropped on the page (shell.html reads it): .html is reduced to its text.
EMSCRIPTEN_KEEPALIVE void ae_web_drop(const char* name, const char* bytes, int len) {
    if (g_app && name && bytes && len >= 0) g_app->on_drop(name, std::string(bytes, static_cast<size_t>(len)));
}

// articleExplorer.analysis(): the current analysis as JSON (valid until the next change).
EMSCRIPTEN_KEEPALIVE const char* ae_web_analysis_json() {
    return g_app ? g_app->analysis_json().c_str() : "null";
}

// For tests and the budget script: UI state, where things are on screen (CSS pixels), frame times.
// Each returns a JSON string valid until the next call.
EMSCRIPTEN_KEEPALIVE const char* ae_web_state_json() {
    static std::string s;
    s = g_app ? g_app->state_json() : "null";
    return s.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* ae_web_ui_rect(const char* name) {
    static std::string s;
    s = g_app && name ? g_app->ui_rect_json(name) : "null";
    return s.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* ae_web_span_rect(int start, int end) {
    static std::string s;
    s = g_app && start >= 0 && end >= start ? g_app->span_rect_json(static_cast<uint32_t>(start), static_cast<uint32_t>(end)) : "null";
    return s.c_str();
}

// The analysed text (after HTML reduction and repair): what every offset in the view refers to.
EMSCRIPTEN_KEEPALIVE const char* ae_web_text() {
    return g_app ? g_app->analysis().text.c_str() : "";
}

EMSCRIPTEN_KEEPALIVE void ae_web_reset_frame_stats() {
    if (g_app) g_app->reset_frame_stats();
}

EMSCRIPTEN_KEEPALIVE const char* ae_web_article_html() {
    static std::string s;
    s = g_app ? g_app->article_html() : "";
    return s.c_str();
}

}  // extern "C"

// ---- platform interface ----------------------------------------------------------------------

namespace ae::web::platform {

const char* window_hints() { return "#version 300 es"; }  // WebGL2

void init(GLFWwindow*, App& app, int, char**) {
    g_app = &app;
    ImGuiIO& io = ImGui::GetIO();
    // The GLFW backend would call glfwSetInputMode(GLFW_CURSOR_NORMAL) every frame, which here
    // means canvas.exitPointerLock() (Chromium: "Permissions check failed"). We set the canvas'
    // CSS cursor instead (after_frame).
    io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
    // This Emscripten's GLFW clipboard functions do nothing: ImGui reads what the last paste
    // event delivered, and copies go to navigator.clipboard.
    io.ClipboardUserData = &app;
    io.GetClipboardTextFn = [](void* user) -> const char* { return static_cast<App*>(user)->clipboard_for_imgui(); };
    io.SetClipboardTextFn = [](void* user, const char* text) { copy_to_clipboard(*static_cast<App*>(user), text ? text : ""); };
}

bool should_render(App& app, int frame_index) {
    static double last_render = 0.0;
    const double now = now_ms();
    const bool active = frame_index < 3 || app.wants_frames() || now - ae_js_last_event_ms() < 1000.0 ||
                        now - last_render >= 400.0;  // idle: ~2.5 frames a second (cursor blink, timers)
    if (active) last_render = now;
    return active;
}

float update_display(GLFWwindow* window) {
    // GLFW here ignores devicePixelRatio: size the framebuffer to CSS size x ratio ourselves
    // (the canvas' CSS keeps it at 100vw x 100vh), and draw everything at that scale.
    double css_w = 0, css_h = 0;
    emscripten_get_element_css_size("#canvas", &css_w, &css_h);
    const double dpr = std::clamp(emscripten_get_device_pixel_ratio(), 0.5, 4.0);
    const int w = std::max(1, static_cast<int>(std::lround(css_w * dpr)));
    const int h = std::max(1, static_cast<int>(std::lround(css_h * dpr)));
    int cw = 0, ch = 0;
    glfwGetWindowSize(window, &cw, &ch);
    if (cw != w || ch != h) ae_js_set_canvas_size(w, h);
    return static_cast<float>(dpr);
}

void before_new_frame(GLFWwindow*, App&) {}

bool after_frame(GLFWwindow*, int frame_index) {
    static ImGuiMouseCursor shown = ImGuiMouseCursor_Arrow;
    const ImGuiMouseCursor want = ImGui::GetMouseCursor();
    if (want != shown) {
        shown = want;
        const char* css = "default";
        switch (want) {
        case ImGuiMouseCursor_None: css = "none"; break;
        case ImGuiMouseCursor_TextInput: css = "text"; break;
        case ImGuiMouseCursor_ResizeAll: css = "move"; break;
        case ImGuiMouseCursor_ResizeNS: css = "ns-resize"; break;
        case ImGuiMouseCursor_ResizeEW: css = "ew-resize"; break;
        case ImGuiMouseCursor_ResizeNESW: css = "nesw-resize"; break;
        case ImGuiMouseCursor_ResizeNWSE: css = "nwse-resize"; break;
        case ImGuiMouseCursor_Hand: css = "pointer"; break;
        case ImGuiMouseCursor_NotAllowed: css = "not-allowed"; break;
        default: break;
        }
        ae_js_set_cursor(css);
    }
    // Ready once a frame after the first analysis is out (the first one lays out windows and
    // tables, the next is the page as it stays).
    static bool ready = false;
    if (!ready && frame_index >= 1 && g_app && g_app->frames_since_analysis() >= 1) {
        ready = true;
        ae_js_first_frame();
    }
    return true;
}

double now_ms() { return emscripten_get_now(); }

void copy_to_clipboard(App& app, const std::string& text) {
    app.set_clipboard_text(text.c_str());
    ae_js_copy(text.c_str());
}

void download_text(const char* filename, const std::string& text) { ae_js_download(filename, text.c_str()); }

void copy_html(App&, const std::string& html, const std::string& plain) { ae_js_copy_html(html.c_str(), plain.c_str()); }

void request_paste(App&) { ae_js_request_paste(); }

bool load_dark_preference(bool* dark) {
    const int v = ae_js_load_dark();
    if (v < 0) return false;
    *dark = v == 1;
    return true;
}

void save_dark_preference(bool dark) { ae_js_save_dark(dark ? 1 : 0); }

const char* paste_shortcut() {
    static const bool mac = ae_js_is_mac() != 0;
    return mac ? "Cmd+V" : "Ctrl+V";
}

}  // namespace ae::web::platform
