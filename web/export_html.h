// The article as HTML with its highlights (inline styles, a title on each span), for pasting
// into a document or an email: what the page shows, without the page.
#pragma once
#include <string>

#include "article_explorer/analysis.h"

namespace ae::web {

// visible: the legend's layers (ArticleView::visible); hidden layers are left plain.
std::string article_html(const Analysis& a, const bool* visible);

}  // namespace ae::web
