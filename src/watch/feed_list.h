// The watch list: which feeds and pages `sitrep watch` follows. One entry a line:
//   URL [outlet words…] [lang=xx]
// Blank lines and lines starting with '#' are ignored. Whether a URL is an RSS/Atom feed or an
// article page is told by what it serves, not by the list.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace sitrep {

struct FeedEntry {
  std::string url;
  std::string outlet;    // "" when the line names none
  std::string language;  // "" when the line names none
  size_t line = 0;       // 1-based line in the list, for messages
};

// Parses a watch list; `origin` names it in errors ("feeds.txt:3: …").
Result<std::vector<FeedEntry>> ParseFeedList(std::string_view text, std::string_view origin);
Result<std::vector<FeedEntry>> LoadFeedList(const std::string& path);

// "https://Example.org:8080/a" → "example.org:8080"; "" when `url` is not http(s).
std::string UrlHost(std::string_view url);

}  // namespace sitrep
