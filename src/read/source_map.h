// Normalizing a body (NFC, straight quotes, one kind of space, "\n\n" between paragraphs) while
// recording where each part came from, and looking source offsets up again afterwards.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sitrep::read {

using SourceMap = std::vector<std::pair<uint32_t, uint32_t>>;

// The source byte offset of `body_offset`, from the checkpoints in Article::source_map.
uint32_t SourceOffset(const SourceMap& map, uint32_t body_offset);

// Builds a normalized body piece by piece. Runs of spaces collapse into one, no paragraph starts
// or ends with a space, and paragraphs are separated by exactly "\n\n".
class BodyWriter {
 public:
  // `verbatim`: the bytes of `text` are the source's bytes from `source` on, so every character
  // gets its own offset; otherwise the whole text maps to `source`.
  void Append(std::string_view text, uint32_t source, bool verbatim);
  void Space() { pending_space_ = true; }
  // Applied to every source offset before it is recorded (to undo UTF-8 repairs).
  void set_source_translation(std::function<uint32_t(uint32_t)> f) { translate_ = std::move(f); }
  void EndParagraph() { pending_break_ = true; }

  const std::string& body() const { return body_; }
  std::string TakeBody() { return std::move(body_); }
  SourceMap TakeMap() { return std::move(map_); }

 private:
  void AppendCodepoint(int32_t cp, std::string_view bytes, uint32_t source, bool exact);
  void Emit(std::string_view out, uint32_t source, bool exact);
  void AppendPrintableAscii(std::string_view run, uint32_t source, bool exact);

  std::string body_;
  SourceMap map_;
  bool pending_space_ = false;
  bool pending_break_ = false;
  uint32_t space_source_ = 0;
  std::function<uint32_t(uint32_t)> translate_;
};

// The same normalization for a metadata value or a line to classify: trimmed, one line.
std::string NormalizeInline(std::string_view text);

}  // namespace sitrep::read
