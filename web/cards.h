// What the page says about one thing the analysis found: the hover cards (an entity, a quote,
// an event, a value) shared by the article view and the panels, and the slices of text they show.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "article_explorer/analysis.h"

namespace ae::web {

// Index of the entity / quote with this id ("e3", "q2"), or -1.
int find_entity(const Analysis& a, const std::string& id);
int find_quote(const Analysis& a, const std::string& id);

// The text of [s, e), clamped to the text and cut at max_bytes on a character boundary.
std::string_view clip_text(const Analysis& a, uint32_t s, uint32_t e, size_t max_bytes);
// The same with an ellipsis where it was cut.
std::string excerpt(const Analysis& a, uint32_t s, uint32_t e, size_t max_bytes);

// A card is a tooltip wrapped at `ems` font sizes; end_card adds a faint hint line under it.
void begin_card(float ems);
void end_card(const char* hint = nullptr);

// The card bodies (between begin_card and end_card).
void entity_card(const Analysis& a, int entity, int mention);
void quote_card(const Analysis& a, int quote);
void event_card(const Analysis& a, int event);
void value_card(const Analysis& a, int value);

}  // namespace ae::web
