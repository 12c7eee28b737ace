// An article as the reader hands it on: metadata and the normalized body that every offset
// in sitrep (sentences, evidence spans) refers to.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/date.h"

namespace sitrep {

struct Article {
  std::string id;  // the given id (JSON Lines), else the content hash
  std::string title;
  std::string author;
  std::string outlet;
  std::string url;
  std::optional<Date> published;
  std::string body;          // normalized UTF-8, furniture stripped, paragraphs split by "\n\n"
  std::string content_hash;  // SHA-256 hex of body
  std::string origin;        // where it came from: a path, "path:line" or "stdin"
  std::string format;        // "text", "markdown", "html" or "jsonl"
  // From body offsets back to byte offsets of the source document (for JSON Lines: of the
  // decoded "text" value). Checkpoints (body_offset, source_offset), sorted by body offset; a
  // body offset b maps to cp.second + (b - cp.first) for the last checkpoint cp with
  // cp.first <= b. See read/source_map.h for the lookup.
  std::vector<std::pair<uint32_t, uint32_t>> source_map;
  // Body offsets where the paragraphs that are list items start (Markdown and HTML lists, whose
  // bullets the body does not keep), ascending.
  std::vector<uint32_t> list_items;
};

}  // namespace sitrep
