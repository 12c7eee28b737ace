// An article as the reader hands it on: metadata and the normalized body that every offset
// in sitrep (sentences, evidence spans) refers to.
#pragma once

#include <optional>
#include <string>

#include "base/date.h"

namespace sitrep {

struct Article {
  std::string id;            // the given id (JSON Lines), else the content hash
  std::string title;
  std::string author;
  std::string outlet;
  std::string url;
  std::optional<Date> published;
  std::string body;          // normalized UTF-8, furniture stripped, paragraphs split by "\n\n"
  std::string content_hash;  // SHA-256 hex of body
  std::string origin;        // where it came from: a path, "path:line" or "stdin"
  std::string format;        // "text", "markdown", "html" or "jsonl"
};

}  // namespace sitrep
