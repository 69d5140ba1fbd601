// Reading unlabelled news for statistics: JSONL(.gz) articles ({"text": ...} per line) or plain
// text files, cut into sentences of tokens by the core's own text, tokenizer and sentence
// stages, so the statistics are of the tokens the core sees.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace newsstats {

// Files under each path (a file, or a folder read recursively in sorted order).
std::vector<std::string> list_files(const std::vector<std::string>& paths);

// One sentence of one article: its tokens (views into the article's cleaned text, valid during
// the call) and whether the article's sentence is a headline-like all-caps line.
struct SentenceView {
    const std::vector<std::string_view>& tokens;
    size_t article;   // running article number
};

// Calls on_article with the text of every article in files, in order: *.jsonl / *.jsonl.gz
// hold one JSON object per line, field "text"; any other file is one article. `tool` names the
// caller in the progress line (files, articles) on stderr. Returns the number of articles, or -1
// (and a message on stderr) when a file cannot be read.
long for_each_article(const std::vector<std::string>& files, const std::function<void(std::string_view)>& on_article,
                      const char* tool = "news-stats");

// Calls on_sentence for every story sentence of every article in files, in order; progress
// (files, articles, tokens) on stderr. *.jsonl / *.jsonl.gz: one JSON object per line, field
// "text" (the title is not read: headlines are title-case); any other file is one article.
// Returns the number of articles, or -1 (and a message on stderr) when a file cannot be read.
long for_each_sentence(const std::vector<std::string>& files, const std::function<void(const SentenceView&)>& on_sentence);

// The "text" string value of a one-line JSON object, unescaped; false when absent.
bool json_text_field(std::string_view line, std::string_view key, std::string& out);

}  // namespace newsstats
