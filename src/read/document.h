// The reader's intermediate form: every input format (text, Markdown, HTML) becomes a Document
// of blocks and lines whose text pieces remember where they came from in the source, so that
// metadata extraction and furniture stripping work the same way whatever the format was.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"

namespace sitrep::read {

// A run of text and the source byte offset it starts at. `verbatim` says the bytes are a copy
// of the source at that offset, so offsets inside the piece map one to one.
struct Piece {
  std::string text;
  uint32_t source = 0;
  bool verbatim = false;
};

struct Line {
  std::vector<Piece> pieces;
  bool link_only = false;  // every letter of the line sits inside a link
  bool removed = false;    // metadata or furniture: not part of the body
  std::string Plain() const;
  // Drops the first `bytes` of Plain(); verbatim pieces keep pointing at their source bytes.
  void DropFront(size_t bytes);
};

enum class BlockKind { kParagraph, kHeading, kListItem, kQuote, kRule, kCode };

struct Block {
  BlockKind kind = BlockKind::kParagraph;
  int heading_level = 0;
  bool emphasized = false;  // all of the text is in italics or bold (leads, bio boxes)
  std::vector<Line> lines;
  bool Removed() const;       // every line removed (or none)
  std::string Plain() const;  // lines joined by spaces
};

// Metadata the format states outright (HTML meta tags); the line rules may add more.
struct Metadata {
  std::string title, author, outlet, url;
  std::optional<Date> published;
};

struct Document {
  std::vector<Block> blocks;
  Metadata meta;
};

// Splits `text` (a parser's decoded text) into pieces that point into `source`, starting the
// search at `from` and never reaching `limit`: runs found byte for byte are verbatim, bytes
// that differ (entities, escapes) map to where the source was when they appeared.
std::vector<Piece> AlignToSource(std::string_view text, std::string_view source, uint32_t from,
                                 uint32_t limit);

}  // namespace sitrep::read
