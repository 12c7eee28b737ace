// Checks on raw input before parsing: is it text at all, is it valid UTF-8 (and repairing a few
// stray bytes), and which format it looks like when the extension does not say.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "read/reader.h"

namespace sitrep::read {

// An error message ("binary content (PDF)…") when `content` is not text, else empty.
std::string WhyNotText(std::string_view content);

// Valid UTF-8 passes unchanged. A few invalid bytes are each replaced by U+FFFD and their
// positions recorded (so source offsets can be mapped back); mostly invalid input is an error
// naming the first bad byte.
struct RepairedText {
  std::string text;
  std::vector<uint32_t> repairs;  // offsets in `text` where a U+FFFD replaced one source byte
};
Result<RepairedText> CheckUtf8(std::string_view content);
// Maps an offset in repaired text back to the original bytes.
uint32_t UnrepairedOffset(const std::vector<uint32_t>& repairs, uint32_t offset);

InputFormat FormatFromExtension(std::string_view path);  // kAuto when it does not say
InputFormat SniffFormat(std::string_view content);
std::string_view FormatName(InputFormat format);

}  // namespace sitrep::read
