#include "read/document.h"

#include <algorithm>
#include <string_view>

namespace sitrep::read {

std::string Line::Plain() const {
  std::string out;
  for (const Piece& p : pieces) out += p.text;
  return out;
}

void Line::DropFront(size_t bytes) {
  size_t whole = 0;
  while (whole < pieces.size() && bytes >= pieces[whole].text.size())
    bytes -= pieces[whole++].text.size();
  pieces.erase(pieces.begin(), pieces.begin() + static_cast<std::ptrdiff_t>(whole));
  if (pieces.empty() || bytes == 0) return;
  Piece& first = pieces.front();
  first.text.erase(0, bytes);
  if (first.verbatim) first.source += static_cast<uint32_t>(bytes);
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

namespace {

// Where the next few bytes of `text` (from i) appear in source[j, j + window), if they do.
size_t Resync(std::string_view text, size_t i, std::string_view source, size_t j, size_t end,
              size_t window) {
  std::string_view needle = text.substr(i, 4);
  size_t stop = std::min(end, j + window + needle.size());
  if (j >= stop) return std::string_view::npos;
  size_t at = source.substr(0, stop).find(needle, j);
  return at;
}

}  // namespace

std::vector<Piece> AlignToSource(std::string_view text, std::string_view source, uint32_t from,
                                 uint32_t limit) {
  std::vector<Piece> pieces;
  size_t end = std::min<size_t>(limit, source.size());
  if (from <= end && source.substr(from, end - from).find(text) != std::string_view::npos) {
    size_t at = source.find(text, from);
    pieces.push_back({std::string(text), static_cast<uint32_t>(at), true});
    return pieces;
  }
  size_t j = from;
  auto add = [&](std::string_view c, uint32_t at, bool verbatim) {
    Piece* last = pieces.empty() ? nullptr : &pieces.back();
    bool extends = last && last->verbatim == verbatim &&
                   (verbatim ? last->source + last->text.size() == at : last->source == at);
    if (!extends) pieces.push_back({std::string(), at, verbatim});
    pieces.back().text += c;
  };
  // Whole code points only, so that no piece ends inside a UTF-8 sequence.
  auto length_at = [&](size_t i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    return std::min(n, text.size() - i);
  };
  for (size_t i = 0; i < text.size();) {
    size_t n = length_at(i);
    std::string_view cp = text.substr(i, n);
    if (j + n <= end && source.substr(j, n) == cp) {
      add(cp, static_cast<uint32_t>(j), true);
      j += n;
    } else if (size_t at = Resync(text, i, source, j, end, i == 0 ? end : 64);
               at != std::string_view::npos) {
      add(cp, static_cast<uint32_t>(at), true);
      j = at + n;
    } else {
      add(cp, static_cast<uint32_t>(std::min(j, end)), false);
    }
    i += n;
  }
  return pieces;
}

}  // namespace sitrep::read
