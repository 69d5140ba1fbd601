#include "test_hooks.h"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "app.h"

namespace ae::web {

using nlohmann::json;

namespace {

// Numbers as the tests read them: a few decimals, not float noise.
double rounded(double v, double scale) { return std::round(v * scale) / scale; }

// Objects below are filled member by member: nlohmann's initializer lists cost ~25 KB of wasm.
std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

}  // namespace

// ---- where things are on screen -----------------------------------------------------------------

void UiRects::note(const char* name) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    for (Named& r : rects_)
        if (r.name == name) { r.min = a; r.max = b; return; }
    rects_.push_back({name, a, b});
}

std::string UiRects::json_of(const std::string& name, float dpr) const {
    for (const Named& r : rects_)
        if (r.name == name) return rect_json(r.min, r.max, dpr);
    return "null";
}

std::string rect_json(ImVec2 min, ImVec2 max, float dpr) {
    json r;
    r["x"] = rounded(min.x / dpr, 10);
    r["y"] = rounded(min.y / dpr, 10);
    r["w"] = rounded((max.x - min.x) / dpr, 10);
    r["h"] = rounded((max.y - min.y) / dpr, 10);
    return dump(r);
}

std::string App::ui_rect_json(const std::string& name) const { return rects_.json_of(name, dpr_); }

std::string App::span_rect_json(uint32_t start, uint32_t end) const {
    ImVec2 a, b;
    if (!view_.span_rect(analysis_, start, end, &a, &b)) return "null";
    return rect_json(a, b, dpr_);
}

// ---- frame times --------------------------------------------------------------------------------

void FrameTimes::record(double ms) {
    last_ms_ = ms;
    constexpr size_t kKeep = 4096;
    if (ms_.size() < kKeep) ms_.push_back(static_cast<float>(ms));
    else ms_[next_++ % kKeep] = static_cast<float>(ms);
}

std::vector<float> FrameTimes::sorted() const {
    std::vector<float> f(ms_);
    std::sort(f.begin(), f.end());
    return f;
}

// ---- the UI state -------------------------------------------------------------------------------

std::string App::state_json() const {
    const Analysis& a = analysis_;
    const ArticleHover& h = view_.hover();
    auto id_of = [](int i, const auto& items) { return i >= 0 ? json(items[i].id) : json(nullptr); };
    json o;
    json& hover = o["hover"];
    hover["entity"] = id_of(h.entity, a.entities);
    hover["mention"] = h.mention;
    hover["quote"] = id_of(h.quote, a.quotes);
    hover["event"] = id_of(h.event, a.events);
    hover["value"] = h.value;
    hover["card"] = h.any;

    const int se = view_.selected_entity();
    json& selection = o["selection"];
    selection["entity"] = id_of(se, a.entities);
    selection["canonical"] = se >= 0 ? json(a.entities[se].canonical) : json(nullptr);
    selection["mention"] = se >= 0 ? view_.selected_mention() : -1;
    selection["count"] = se >= 0 ? a.entities[se].mentions.size() : 0;

    json& filters = o["filters"];
    for (int i = 0; i < static_cast<int>(Layer::Count); ++i) filters[layer_info(static_cast<Layer>(i)).label] = view_.visible[i];
    o["theme"] = dark_ ? "dark" : "light";
    o["help"] = show_help_;
    o["tab"] = tab_name(tab_);
    o["layout"] = layout_;
    o["analysing"] = job_ != nullptr;
    o["progress"] = rounded(job_ ? job_->progress() : 1.0f, 1000);
    o["analysis_ms"] = rounded(analysis_ms_, 10);
    o["analyses"] = analysis_count_;
    o["stage"] = job_ ? job_->stage() : "";
    o["reference_date"] = a.reference_date;
    o["reference_source"] = reference_source();
    o["title"] = a.title.end > a.title.start ? json(std::string(a.slice(a.title.start, a.title.end))) : json(nullptr);
    o["reference_override"] = options_.reference_date;
    o["pasted_html"] = pasted_html_;
    json& find = o["find"];
    find["open"] = find_.open;
    find["query"] = find_.query;
    find["hits"] = find_.hits.size();
    find["current"] = find_.current;
    if (find_.current >= 0) find["start"] = find_.hits[find_.current].first;
    o["can_undo"] = !previous_input_.empty();
    o["drop_note"] = drop_note_;
    o["input_bytes"] = input_.size();
    o["jump"]["start"] = view_.last_jump_start();
    o["jump"]["end"] = view_.last_jump_end();

    json& article = o["article"];
    article["lines"] = view_.line_count();
    article["wraps"] = view_.wrap_count();
    article["wrap_ms"] = rounded(view_.last_wrap_ms(), 100);
    article["scroll"] = rounded(view_.scroll_y(), 10);
    article["scroll_max"] = rounded(view_.scroll_max_y(), 10);
    const std::vector<float> f = frames_.sorted();
    json& frames = o["frames"];
    frames["count"] = f.size();
    frames["median_ms"] = rounded(f.empty() ? 0.0f : f[f.size() / 2], 1000);
    frames["p95_ms"] = rounded(f.empty() ? 0.0f : f[std::min(f.size() - 1, f.size() * 95 / 100)], 1000);
    frames["max_ms"] = rounded(f.empty() ? 0.0f : f.back(), 1000);
    frames["last_ms"] = rounded(frames_.last_ms(), 1000);
    o["dpr"] = rounded(dpr_, 100);
    return dump(o);
}

}  // namespace ae::web
