// RSS 2.0, RSS 1.0 (RDF) and Atom feeds → items, with libxml2. Network access and entity
// expansion are off: a feed is untrusted input.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/result.h"

namespace sitrep {

struct FeedItem {
  std::string title;
  std::string link;  // the article page
  std::string guid;  // the feed's id for the item; the link when it gives none
  std::optional<Date> published;
  std::string summary;
};

// True when `content` looks like an RSS/Atom document rather than an HTML page.
bool LooksLikeFeed(std::string_view content);

// Parses a feed; malformed XML or a document that is no feed is an Error naming `origin`.
Result<std::vector<FeedItem>> ParseFeed(std::string_view content, std::string_view origin);

// "Tue, 06 Jul 2021 10:00:00 GMT" (RFC 822) or an ISO 8601 timestamp → the day.
std::optional<Date> ParseFeedDate(std::string_view text);

}  // namespace sitrep
