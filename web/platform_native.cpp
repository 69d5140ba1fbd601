// The native development window (GLFW + OpenGL 3.3): the same App as the page, for quick
// iteration and Xvfb screenshots.
//   article-explorer-gui [FILE] [--screenshot OUT.png] [--frames N] [--size WxH] [--scale S] [--dark]
#include <GLFW/glfw3.h>
#include <GL/gl.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "app.h"
#include "imgui.h"
#include "platform.h"

namespace {

struct Options {
    std::string screenshot;
    int frames = 8;
    float scale = 0.0f;  // 0: the monitor's content scale
} g_opt;
GLFWwindow* g_window = nullptr;
bool g_v_was_down = false;

// A PNG writer small enough to keep here: RGB, zlib "stored" blocks (no compression library).
uint32_t crc32(const unsigned char* p, size_t n, uint32_t crc = 0) {
    static uint32_t table[256];
    static bool ready = false;
    if (!ready) {
        for (uint32_t i = 0; i < 256; ++i) {
            uint32_t c = i;
            for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[i] = c;
        }
        ready = true;
    }
    crc = ~crc;
    for (size_t i = 0; i < n; ++i) crc = table[(crc ^ p[i]) & 0xFF] ^ (crc >> 8);
    return ~crc;
}

void put32(std::vector<unsigned char>& v, uint32_t x) {
    for (int s = 24; s >= 0; s -= 8) v.push_back(static_cast<unsigned char>(x >> s));
}

void chunk(std::ofstream& out, const char* type, const std::vector<unsigned char>& data) {
    std::vector<unsigned char> buf;
    put32(buf, static_cast<uint32_t>(data.size()));
    buf.insert(buf.end(), type, type + 4);
    buf.insert(buf.end(), data.begin(), data.end());
    put32(buf, crc32(buf.data() + 4, buf.size() - 4));
    out.write(reinterpret_cast<const char*>(buf.data()), static_cast<std::streamsize>(buf.size()));
}

bool write_png(const std::string& path, int w, int h, const std::vector<unsigned char>& rgba_bottom_up) {
    std::vector<unsigned char> raw;
    raw.reserve(static_cast<size_t>(h) * (w * 3 + 1));
    for (int y = h - 1; y >= 0; --y) {
        raw.push_back(0);  // filter: none
        const unsigned char* row = &rgba_bottom_up[static_cast<size_t>(y) * w * 4];
        for (int x = 0; x < w; ++x) raw.insert(raw.end(), row + x * 4, row + x * 4 + 3);
    }
    std::vector<unsigned char> z = {0x78, 0x01};
    uint32_t a = 1, b = 0;
    for (unsigned char c : raw) { a = (a + c) % 65521; b = (b + a) % 65521; }
    for (size_t off = 0; off < raw.size() || off == 0; off += 65535) {
        const size_t n = std::min<size_t>(65535, raw.size() - off);
        z.push_back(off + n >= raw.size() ? 1 : 0);
        z.push_back(static_cast<unsigned char>(n & 0xFF));
        z.push_back(static_cast<unsigned char>(n >> 8));
        z.push_back(static_cast<unsigned char>(~n & 0xFF));
        z.push_back(static_cast<unsigned char>((~n >> 8) & 0xFF));
        z.insert(z.end(), raw.begin() + static_cast<std::ptrdiff_t>(off), raw.begin() + static_cast<std::ptrdiff_t>(off + n));
        if (n == 0) break;
    }
    put32(z, (b << 16) | a);
    std::vector<unsigned char> ihdr;
    put32(ihdr, static_cast<uint32_t>(w));
    put32(ihdr, static_cast<uint32_t>(h));
    ihdr.insert(ihdr.end(), {8, 2, 0, 0, 0});
    std::ofstream out(path, std::ios::binary);
    if (!out) return false;
    const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    out.write(reinterpret_cast<const char*>(sig), 8);
    chunk(out, "IHDR", ihdr);
    chunk(out, "IDAT", z);
    chunk(out, "IEND", {});
    return static_cast<bool>(out);
}

void usage_and_exit() {
    std::fprintf(stderr, "usage: article-explorer-gui [FILE] [--screenshot OUT.png] [--frames N] [--size WxH] [--scale S] [--dark]\n");
    std::exit(2);
}

}  // namespace

namespace ae::web::platform {

const char* window_hints() {
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    return "#version 330";
}

void init(GLFWwindow* window, App& app, int argc, char** argv) {
    g_window = window;
    std::string file;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&]() -> std::string { if (i + 1 >= argc) usage_and_exit(); return argv[++i]; };
        if (a == "--screenshot") g_opt.screenshot = next();
        else if (a == "--frames") g_opt.frames = std::max(2, std::atoi(next().c_str()));
        else if (a == "--scale") g_opt.scale = static_cast<float>(std::atof(next().c_str()));
        else if (a == "--dark") app.set_dark(true);
        else if (a == "--size") {
            int w = 0, h = 0;
            if (std::sscanf(next().c_str(), "%dx%d", &w, &h) != 2 || w < 200 || h < 200) usage_and_exit();
            glfwSetWindowSize(window, w, h);
        } else if (a == "-h" || a == "--help") usage_and_exit();
        else if (!a.empty() && a[0] == '-') usage_and_exit();
        else file = a;
    }
    if (!file.empty()) {
        std::ifstream in(file, std::ios::binary);
        if (!in) {
            std::fprintf(stderr, "article-explorer-gui: cannot read %s\n", file.c_str());
            std::exit(1);
        }
        std::stringstream ss;
        ss << in.rdbuf();
        app.on_drop(file, ss.str());  // as if dropped: .html is reduced to its text
    }
    // Native GLFW has a working clipboard: ImGui's backend already uses it.
}

bool should_render(App&, int) { return true; }  // vsync paces the native window

float update_display(GLFWwindow* window) {
    if (g_opt.scale > 0.0f) return g_opt.scale;
    float xs = 1.0f, ys = 1.0f;
    glfwGetWindowContentScale(window, &xs, &ys);
    return xs > 0.0f ? xs : 1.0f;
}

void before_new_frame(GLFWwindow* window, App& app) {
    // Ctrl+V with no text field focused: the clipboard becomes the article (as on the page).
    const bool ctrl = glfwGetKey(window, GLFW_KEY_LEFT_CONTROL) == GLFW_PRESS || glfwGetKey(window, GLFW_KEY_RIGHT_CONTROL) == GLFW_PRESS;
    const bool v = glfwGetKey(window, GLFW_KEY_V) == GLFW_PRESS;
    if (ctrl && v && !g_v_was_down && !ImGui::GetIO().WantTextInput) request_paste(app);
    g_v_was_down = v;
}

bool after_frame(GLFWwindow* window, int frame_index) {
    if (g_opt.screenshot.empty() || frame_index + 1 < g_opt.frames) return true;
    int w = 0, h = 0;
    glfwGetFramebufferSize(window, &w, &h);
    std::vector<unsigned char> px(static_cast<size_t>(w) * h * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, px.data());
    if (!write_png(g_opt.screenshot, w, h, px)) {
        std::fprintf(stderr, "article-explorer-gui: cannot write %s\n", g_opt.screenshot.c_str());
        std::exit(1);
    }
    std::printf("%s (%dx%d)\n", g_opt.screenshot.c_str(), w, h);
    return false;
}

double now_ms() { return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count(); }

void copy_to_clipboard(App& app, const std::string& text) {
    app.set_clipboard_text(text.c_str());
    glfwSetClipboardString(g_window, text.c_str());
}

void download_text(const char* filename, const std::string& text) {
    std::ofstream out(filename, std::ios::binary);
    out << text;
    std::printf("wrote %s\n", filename);
}

void copy_html(App&, const std::string& html, const std::string&) {
    // No HTML clipboard through GLFW: the native window writes a file instead.
    std::ofstream out("article-explorer.html", std::ios::binary);
    out << "<!doctype html>\n<meta charset=\"utf-8\">\n" << html;
    std::printf("wrote article-explorer.html\n");
}

void request_paste(App& app) {
    const char* clip = glfwGetClipboardString(g_window);
    if (clip) app.on_paste(clip);
}

bool load_dark_preference(bool*) { return false; }
void save_dark_preference(bool) {}

const char* paste_shortcut() {
#ifdef __APPLE__
    return "Cmd+V";
#else
    return "Ctrl+V";
#endif
}

}  // namespace ae::web::platform
