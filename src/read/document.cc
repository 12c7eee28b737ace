#include "read/document.h"

#include <algorithm>

namespace sitrep::read {

std::string Line::Plain() const {
  std::string out;
  for (const Piece& p : pieces) out += p.text;
  return out;
}

bool Block::Removed() const {
  return std::all_of(lines.begin(), lines.end(), [](const Line& l) { return l.removed; });
}

std::string Block::Plain() const {
  std::string out;
  for (const Line& l : lines) {
    if (!out.empty()) out += ' ';
    out += l.Plain();
  }
  return out;
}

}  // namespace sitrep::read
