// Plain text: blank lines separate paragraphs. A block of lines of similar length is one
// hard-wrapped paragraph; otherwise each line stands alone (headers, one-line paragraphs).
#include <algorithm>

#include "read/parsers.h"

namespace sitrep::read {
namespace {

struct RawLine {
  std::string_view text;
  uint32_t offset;
};

bool IsBlank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
  });
}

bool LooksHardWrapped(const std::vector<RawLine>& lines) {
  if (lines.size() < 2) return false;
  size_t longest = 0;
  for (const RawLine& l : lines) longest = std::max(longest, l.text.size());
  if (longest > 100 || longest < 40) return false;
  size_t full = 0;
  for (size_t i = 0; i + 1 < lines.size(); ++i)
    if (lines[i].text.size() * 10 >= longest * 7) ++full;
  return full * 10 >= (lines.size() - 1) * 8;
}

Line MakeLine(const RawLine& raw) {
  Line line;
  line.pieces.push_back({std::string(raw.text), raw.offset, true});
  return line;
}

void Flush(std::vector<RawLine>& group, Document& doc) {
  if (group.empty()) return;
  if (LooksHardWrapped(group)) {
    Block b;
    for (const RawLine& l : group) b.lines.push_back(MakeLine(l));
    doc.blocks.push_back(std::move(b));
  } else {
    for (const RawLine& l : group) {
      Block b;
      b.lines.push_back(MakeLine(l));
      doc.blocks.push_back(std::move(b));
    }
  }
  group.clear();
}

}  // namespace

Document ParsePlainText(std::string_view content) {
  Document doc;
  std::vector<RawLine> group;
  size_t pos = 0;
  while (pos <= content.size()) {
    size_t end = content.find('\n', pos);
    if (end == std::string_view::npos) end = content.size();
    std::string_view line = content.substr(pos, end - pos);
    if (IsBlank(line))
      Flush(group, doc);
    else
      group.push_back({line, static_cast<uint32_t>(pos)});
    if (end == content.size()) break;
    pos = end + 1;
  }
  Flush(group, doc);
  return doc;
}

}  // namespace sitrep::read
