// The window and the frame loop, shared by the browser page and the native development
// window: GLFW + OpenGL3 (WebGL2 in the browser) + Dear ImGui.
#include <cmath>
#include <cstdio>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#include <GLES3/gl3.h>
#else
#include <GL/gl.h>
#endif
#include <GLFW/glfw3.h>

#include "app.h"
#include "backends/imgui_impl_glfw.h"
#include "backends/imgui_impl_opengl3.h"
#include "imgui.h"
#include "platform.h"
#include "theme.h"

namespace {

// ImGui 1.86 reads key state once a frame, so a tap whose press and release both
// fall between two frames (a slow frame, a fast typist) would never be seen. A key pressed since
// the last frame is down in this one, like the GLFW backend's own MouseJustPressed, and up
// again in the next one if it was released meanwhile (else it stays down, and its next press is lost).
constexpr int kKeyCount = int(sizeof(ImGuiIO::KeysDown) / sizeof(ImGuiIO::KeysDown[0]));  // ImGui's key table, indexed by GLFW key
bool g_key_just_pressed[kKeyCount] = {};
bool g_key_down[kKeyCount] = {};  // what the keyboard says, whatever ImGui was shown

void key_callback(GLFWwindow* window, int key, int scancode, int action, int mods) {
    if (key >= 0 && key < kKeyCount) {
        if (action == GLFW_PRESS) g_key_just_pressed[key] = true;
        g_key_down[key] = action != GLFW_RELEASE;
    }
    ImGui_ImplGlfw_KeyCallback(window, key, scancode, action, mods);
}

// ImGui 1.86 hit-tests tabs (and other overlapping items) against what the mouse hovered on the
// frame before a press, so a press that arrives in the same frame as a jump of the cursor (a
// tap, a fast click, a test driver) is lost. Such a press is held back one frame: the cursor
// moves in this frame, the button goes down in the next (what 1.87's input queue does).
// Keys pressed since the last frame (key_callback) are forced down here too.
struct PressTrickle {
    ImVec2 last_pos{-1e30f, -1e30f};
    bool delivered[3] = {};  // what ImGui saw last frame
    bool held[3] = {};       // a press held back last frame, delivered now

    void apply(ImGuiIO& io) {
        const bool moved = io.MousePos.x != last_pos.x || io.MousePos.y != last_pos.y;
        for (int b = 0; b < 3; ++b) {
            if (held[b]) {
                io.MouseDown[b] = true;  // even if released meanwhile: the click still happens
                held[b] = false;
            } else if (io.MouseDown[b] && !delivered[b] && moved) {
                io.MouseDown[b] = false;
                held[b] = true;
            }
            delivered[b] = io.MouseDown[b];
        }
        last_pos = io.MousePos;
        for (int k = 0; k < kKeyCount; ++k) {
            io.KeysDown[k] = g_key_just_pressed[k] || g_key_down[k];
            g_key_just_pressed[k] = false;
        }
        io.KeyCtrl = io.KeysDown[GLFW_KEY_LEFT_CONTROL] || io.KeysDown[GLFW_KEY_RIGHT_CONTROL];
        io.KeyShift = io.KeysDown[GLFW_KEY_LEFT_SHIFT] || io.KeysDown[GLFW_KEY_RIGHT_SHIFT];
        io.KeyAlt = io.KeysDown[GLFW_KEY_LEFT_ALT] || io.KeysDown[GLFW_KEY_RIGHT_ALT];
        io.KeySuper = io.KeysDown[GLFW_KEY_LEFT_SUPER] || io.KeysDown[GLFW_KEY_RIGHT_SUPER];
    }

    // After NewFrame. A stalled frame (a long analysis, a busy machine) is not time a key was
    // held: ImGui counts it, and a key still down after the stall repeats at once (one N press,
    // two steps; one Backspace, two characters gone). A held key ages at most 0.05 s a frame.
    static void cap_held_keys(ImGuiIO& io) {
        constexpr float kMaxHeldPerFrame = 0.05f;
        for (int k = 0; k < kKeyCount; ++k)
            if (io.KeysDownDurationPrev[k] >= 0.0f && io.KeysDownDuration[k] > io.KeysDownDurationPrev[k] + kMaxHeldPerFrame)
                io.KeysDownDuration[k] = io.KeysDownDurationPrev[k] + kMaxHeldPerFrame;
    }
};

struct Loop {
    GLFWwindow* window = nullptr;
    ae::web::App* app = nullptr;
    int frame = 0;
    bool running = true;
    PressTrickle trickle;
};

void one_frame(void* arg) {
    Loop& l = *static_cast<Loop*>(arg);
    glfwPollEvents();
    if (!ae::web::platform::should_render(*l.app, l.frame)) return;  // the last frame stays on screen

    const float dpr = ae::web::platform::update_display(l.window);
    if (std::fabs(dpr - l.app->dpr()) > 0.01f) {  // zoom changed, or moved to another screen
        l.app->setup_fonts_and_style(dpr);
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    ae::web::platform::before_new_frame(l.window, *l.app);

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    l.trickle.apply(ImGui::GetIO());
    ImGui::NewFrame();
    PressTrickle::cap_held_keys(ImGui::GetIO());
    // The app's own CPU time per frame (UI and layout, not GL): window.articleExplorer reports it.
    const double t0 = ae::web::platform::now_ms();
    l.app->frame();
    ImGui::Render();
    l.app->record_frame_ms(ae::web::platform::now_ms() - t0);

    int w = 0, h = 0;
    glfwGetFramebufferSize(l.window, &w, &h);
    glViewport(0, 0, w, h);
    const ImVec4 bg = ae::web::theme::f(ae::web::theme::P().page);
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    l.running = ae::web::platform::after_frame(l.window, l.frame++);
    glfwSwapBuffers(l.window);
}

}  // namespace

int main(int argc, char** argv) {
    glfwSetErrorCallback([](int code, const char* what) { std::fprintf(stderr, "glfw error %d: %s\n", code, what); });
    if (!glfwInit()) return 1;
    const char* glsl = ae::web::platform::window_hints();
    GLFWwindow* window = glfwCreateWindow(1280, 800, "Article Explorer", nullptr, nullptr);
    if (!window) {
        std::fprintf(stderr, "article-explorer: could not open a window with OpenGL\n");
        glfwTerminate();
        return 1;
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // no imgui.ini: nothing is stored
    io.LogFilename = nullptr;
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    glfwSetKeyCallback(window, key_callback);  // in front of the backend's, which it calls
    ImGui_ImplOpenGL3_Init(glsl);

    static ae::web::App app;  // static: the browser's main loop outlives main()
    ae::web::platform::init(window, app, argc, argv);
    app.setup_fonts_and_style(ae::web::platform::update_display(window));

    static Loop loop;
    loop.window = window;
    loop.app = &app;
#ifdef __EMSCRIPTEN__
    emscripten_set_main_loop_arg(one_frame, &loop, 0, true);
#else
    while (loop.running && !glfwWindowShouldClose(window)) one_frame(&loop);
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
#endif
    return 0;
}
