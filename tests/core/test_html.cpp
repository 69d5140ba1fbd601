// HTML -> text for pasted and dropped HTML (core/src/text/html_to_text.cpp).
#include "article_explorer/html.h"

#include <chrono>
#include <string>

#include <doctest/doctest.h>

using namespace ae;

TEST_CASE("html: blocks become paragraph breaks, inline tags vanish, spaces fold") {
    CHECK(html_to_text("<h1>Title</h1><p>One <b>bold</b>\n   word.</p><p>Two.</p>") == "Title\n\nOne bold word.\n\nTwo.");
    CHECK(html_to_text("<div>a</div><div>b</div><ul><li>x</li><li>y</li></ul>") == "a\n\nb\n\nx\n\ny");
    CHECK(html_to_text("line one<br>line two<br/><br>para") == "line one\nline two\n\npara");
    CHECK(html_to_text("<table><tr><td>a</td><td>b</td></tr></table>") == "a b");
    CHECK(html_to_text("   <p>  </p>  ") == "");
}

TEST_CASE("html: scripts, styles, noscript, head and comments are dropped") {
    const std::string page =
        "<!DOCTYPE html><html><head><title>Site</title><meta charset=utf-8>"
        "<style>p { color: red } </p></style><script>var s = '</div>'; if (a < b) {}</script></head>"
        "<body><!-- a <p>comment</p> --><nav><a href=/>Home</a></nav>"
        "<noscript>Enable JS</noscript><p>Story text.</p><SCRIPT type=x>alert(1)</SCRIPT></body></html>";
    CHECK(html_to_text(page) == "Story text.");
}

TEST_CASE("html: character references") {
    CHECK(html_to_text("AT&amp;T &lt;b&gt; &quot;x&quot; &apos;y&apos;") == "AT&T <b> \"x\" 'y'");
    CHECK(html_to_text("a&nbsp;b") == "a b");
    CHECK(html_to_text("It&#8217;s &#x201C;ok&#x201d; &mdash; caf&eacute; &euro;5") == "It\xE2\x80\x99s \xE2\x80\x9Cok\xE2\x80\x9D \xE2\x80\x94 caf\xC3\xA9 \xE2\x82\xAC" "5");
    CHECK(html_to_text("don&#146;t") == "don\xE2\x80\x99t");            // Windows-1252 number
    CHECK(html_to_text("&#0; &#xD800; &#99999999;") == "\xEF\xBF\xBD \xEF\xBF\xBD \xEF\xBF\xBD");
    CHECK(html_to_text("&unknown; & alone &amp") == "&unknown; & alone &");
    CHECK(html_to_text("co&shy;operate") == "cooperate");
}

TEST_CASE("html: unclosed and broken markup") {
    CHECK(html_to_text("<p>text <b>unclosed") == "text unclosed");
    CHECK(html_to_text("before <!-- never closed <p>x</p>") == "before");
    CHECK(html_to_text("a < b and 3<4 <3") == "a < b and 3<4 <3");
    CHECK(html_to_text("ok <a href=\"x>y\">link</a>") == "ok link");
    CHECK(html_to_text("x <script>never closed") == "x");
    CHECK(html_to_text("x <p class='unterminated>rest") == "x");
    CHECK(html_to_text("<pre>a  b\nc</pre>") == "a  b\nc");
    CHECK(html_to_text("") == "");
}

TEST_CASE("html: linear time on pathological input") {
    for (const char* unit : {"<", "<a ", "<!--", "&#", "<script>", "<a href='", "&amp;", "<p>x</p>"}) {
        std::string s;
        while (s.size() < 2000000) s += unit;
        const auto t0 = std::chrono::steady_clock::now();
        const std::string out = html_to_text(s);
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        CHECK_MESSAGE(ms < 1500.0, unit);
        CHECK(out.size() <= s.size());
    }
}

TEST_CASE("html: looks_like_html") {
    CHECK(looks_like_html("<!doctype html><p>x"));
    CHECK(looks_like_html("\n  <HTML><body>"));
    CHECK(looks_like_html("<p>One</p><p>Two</p>"));
    CHECK_FALSE(looks_like_html("A plain article. It said a < b and x > y."));
    CHECK_FALSE(looks_like_html("Only one </p> closing tag"));
}
