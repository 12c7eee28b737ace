// The reader: turns files, folders, stdin and JSON Lines into Articles with a normalized body,
// page furniture stripped and metadata (title, author, outlet, publication date) extracted.
// Inputs stream: one article is in memory at a time, whatever the size of the corpus.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/article.h"
#include "base/date.h"
#include "base/result.h"

namespace sitrep {

enum class InputFormat { kAuto, kText, kMarkdown, kHtml, kJsonl };

struct ReadOptions {
  std::optional<Date> published;            // used when an article carries no date
  InputFormat format = InputFormat::kAuto;  // kAuto: by extension, then by content
  size_t max_article_bytes = 16u << 20;     // larger inputs are refused with an error
};

// Parses one document already in memory. `origin` names it in errors and in Article::origin.
Result<Article> ParseDocument(std::string_view content, std::string_view origin, InputFormat format,
                              const ReadOptions& options);

// Reads every article under `paths` (files, folders recursively in sorted order, "-" for stdin)
// and hands each to `sink`, in order; an input that fails yields an Error naming it and what is
// wrong, and reading goes on. JSON Lines inputs yield one result per line.
void ReadArticles(const std::vector<std::string>& paths, const ReadOptions& options,
                  const std::function<void(Result<Article>)>& sink);

}  // namespace sitrep
