// The kinds of highlight the page draws (the legend's entries), their labels and colours, and
// which layer an entity or an event of the analysis is drawn in.
#pragma once
#include <cstdint>
#include <string>

#include "article_explorer/analysis.h"
#include "imgui.h"
#include "theme.h"

namespace ae::web {

enum class Layer : uint8_t { Sentence, DateLine, Boilerplate, Person, Org, Location, Misc, Value, Quote, Event, OtherEvent, Count };

struct LayerInfo {
    const char* label;
    ImU32 colour;    // in the current theme
    bool underline;  // drawn as a line under the text instead of a background
};
LayerInfo layer_info(Layer l);
// The layer's colour in a given palette (the HTML export is always light).
ImU32 layer_colour(Layer l, const theme::Palette& p);
// The layer an entity type ("PERSON", "ORGANIZATION", ...) is drawn in.
Layer layer_for_entity_type(const std::string& type);
// Event, or OtherEvent for the catch-all `Other.*` actions (hidden by default).
Layer layer_for_event(const Event& e);
bool is_entity_layer(Layer l);

}  // namespace ae::web
