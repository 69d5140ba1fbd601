// HTML -> plain text for articles pasted or dropped as HTML: a pure function, no DOM, no I/O.
// Block elements (p, div, li, headings, br, ...) become paragraph breaks ("\n\n"); script,
// style, noscript, template, svg and everything in <head> are dropped; comments are skipped;
// character references (&amp; &nbsp; &#8217; &#x2019; ...) are decoded; whitespace runs fold
// to one space (kept inside <pre>). Unclosed tags and comments never hang or read past the
// end: one pass, linear time.
#pragma once
#include <string>
#include <string_view>

namespace ae {

std::string html_to_text(std::string_view html);

// Whether pasted text is HTML source rather than prose: it opens like a document
// (<!doctype, <html, <head, <body) or carries several closing tags of common elements.
bool looks_like_html(std::string_view text);

}  // namespace ae
