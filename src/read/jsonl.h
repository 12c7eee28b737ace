// JSON Lines articles: one object a line with "text" required and "id", "published",
// "title", "url", "outlet", "author" optional. Read line by line with a bounded line length.
#pragma once

#include <cstdio>
#include <functional>
#include <string_view>

#include "base/article.h"
#include "base/result.h"
#include "read/reader.h"

namespace sitrep::read {

// One JSON object (a line, or a whole .json document) to an Article; `origin` is "path:line".
Result<Article> ParseJsonArticle(std::string_view json_text, std::string_view origin,
                                 const ReadOptions& options);

// Every line of `file`, one result each (blank lines are skipped); `name` labels the origins.
// A JSON array document (".json") is taken element by element.
void ReadJsonLines(std::FILE* file, std::string_view name, const ReadOptions& options,
                   const std::function<void(Result<Article>)>& sink);

// A whole ".json" document: one article object, an array of them, or JSON Lines after all.
void ReadJsonDocument(std::string_view content, std::string_view name, const ReadOptions& options,
                      const std::function<void(Result<Article>)>& sink);

}  // namespace sitrep::read
