// What differs between the browser page and the native development window. The rest of web/
// calls these; platform_web.cpp and platform_native.cpp implement them.
#pragma once
#include <string>

struct GLFWwindow;

namespace ae::web {
class App;

namespace platform {

// Before the window exists: GL context hints. Returns the GLSL version string for ImGui.
const char* window_hints();
// After the ImGui GLFW backend is installed: clipboard functions, JS bridges, command line.
void init(GLFWwindow* window, App& app, int argc, char** argv);
// Whether this frame is worth drawing: the browser page idles at a few frames a second when
// nothing happens (no input, no pending work), so an open tab costs no CPU (and battery).
bool should_render(App& app, int frame_index);
// Every frame, before NewFrame: keeps the framebuffer at CSS size x device pixel ratio on the
// web; returns the ratio the UI should be drawn at.
float update_display(GLFWwindow* window);
// Every frame, before NewFrame (native: Ctrl+V outside a text field).
void before_new_frame(GLFWwindow* window, App& app);
// After each frame is drawn (web: resolves `articleExplorer.ready` after the first one;
// native: screenshots). Returns false when the native loop should stop.
bool after_frame(GLFWwindow* window, int frame_index);

// A monotonic clock in milliseconds, for timings the page reports (web: performance.now()).
double now_ms();

// Actions the UI asks for.
void copy_to_clipboard(App& app, const std::string& text);
void download_text(const char* filename, const std::string& text);
void copy_html(App& app, const std::string& html, const std::string& plain);  // web: clipboard as text/html; native: a file
void request_paste(App& app);  // the Paste button: read the clipboard and replace the article
const char* paste_shortcut();  // "Ctrl+V" or "Cmd+V" for hints

// The theme between visits (web: localStorage, or the system's dark mode the first time;
// native: not kept). load returns false when there is nothing to go by.
bool load_dark_preference(bool* dark);
void save_dark_preference(bool dark);

}  // namespace platform
}  // namespace ae::web
