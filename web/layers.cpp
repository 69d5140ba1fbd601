#include "layers.h"

namespace ae::web {

namespace {

struct LayerDef { const char* label; ImU32 theme::Palette::*colour; bool underline; };
const LayerDef kLayers[] = {
    {"Sentences", &theme::Palette::sentence_a, false},
    {"Date line", &theme::Palette::date_line, false},
    {"Boilerplate", &theme::Palette::boilerplate, false},
    {"People", &theme::Palette::person, false},
    {"Organisations", &theme::Palette::org, false},
    {"Places", &theme::Palette::location, false},
    {"Other names", &theme::Palette::misc, false},
    {"Dates & numbers", &theme::Palette::value, false},
    {"Quotes", &theme::Palette::quote, true},
    {"Events", &theme::Palette::event, true},
    {"Other actions", &theme::Palette::event, true},
};
static_assert(sizeof(kLayers) / sizeof(kLayers[0]) == static_cast<size_t>(Layer::Count), "one entry per layer");

}  // namespace

LayerInfo layer_info(Layer l) {
    const LayerDef& d = kLayers[static_cast<int>(l)];
    return {d.label, theme::P().*d.colour, d.underline};
}

ImU32 layer_colour(Layer l, const theme::Palette& p) { return p.*kLayers[static_cast<int>(l)].colour; }

Layer layer_for_entity_type(const std::string& type) {
    if (type == "PERSON" || type == "PER") return Layer::Person;
    if (type == "ORGANIZATION" || type == "ORG") return Layer::Org;
    if (type == "LOCATION" || type == "LOC" || type == "GPE") return Layer::Location;
    return Layer::Misc;
}

Layer layer_for_event(const Event& e) { return e.type.rfind("Other.", 0) == 0 ? Layer::OtherEvent : Layer::Event; }

bool is_entity_layer(Layer l) { return l == Layer::Person || l == Layer::Org || l == Layer::Location || l == Layer::Misc; }

}  // namespace ae::web
