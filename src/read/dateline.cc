#include "read/dateline.h"

#include <cctype>

#include "read/date_line.h"

namespace sitrep::read {
namespace {

bool Upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool Lower(char c) {
  return c >= 'a' && c <= 'z';
}

// "BAGHDAD", "GAZA CITY", "ST. LOUIS", "N'DJAMENA", "UN", "U.N.": capitals with spaces, dots,
// apostrophes and hyphens, two letters at least; or, with `title_case`, "Baghdad", "Gaza City",
// three letters at least. Returns its length, or 0.
size_t PlaceName(std::string_view s, bool title_case) {
  size_t i = 0, letters = 0;
  bool word_start = true;
  while (i < s.size()) {
    char c = s[i];
    if (Upper(c)) {
      ++letters;
    } else if (Lower(c)) {
      if (!title_case || word_start) return 0;
      ++letters;
    } else if (c == ' ' || c == '.' || c == '\'' || c == '-') {
      if (c == ' ' && i + 1 < s.size() && !Upper(s[i + 1])) break;
    } else {
      break;
    }
    word_start = c == ' ' || c == '-';
    ++i;
  }
  while (i > 0 && s[i - 1] == ' ') --i;
  return letters >= (title_case ? 3u : 2u) && i <= 40 ? i : 0;
}

// The dash that ends a dateline, with the spaces around it: its length, or 0. `long_dash`
// says it is —, – or --, which follow a place alone.
size_t Dash(std::string_view s, bool& long_dash) {
  size_t i = 0;
  while (i < s.size() && s[i] == ' ') ++i;
  size_t before = i;
  if (s.substr(i).starts_with("\xE2\x80\x94") || s.substr(i).starts_with("\xE2\x80\x93")) {
    i += 3;
    long_dash = true;
  } else if (s.substr(i).starts_with("--")) {
    i += 2;
    long_dash = true;
  } else if (s.substr(i).starts_with("-") && before > 0) {
    i += 1;
    long_dash = false;
  } else {
    return 0;
  }
  size_t after = i;
  while (i < s.size() && s[i] == ' ') ++i;
  if (!long_dash && i == after) return 0;  // "-" between words is a hyphen
  if (i >= s.size()) return 0;             // nothing after it
  return i;
}

}  // namespace

std::optional<Dateline> FindDateline(std::string_view line) {
  if (line.size() < 8) return std::nullopt;
  bool capitals = true;
  size_t at = PlaceName(line, false);
  if (!at) {
    capitals = false;
    at = PlaceName(line, true);
  }
  if (!at) return std::nullopt;
  Dateline d;
  d.place = std::string(line.substr(0, at));
  bool dated = false, region = false;
  // ", Sudan", ", March 3", ", March 3, 2021": comma-separated parts before the outlet.
  while (line.substr(at).starts_with(", ")) {
    size_t start = at + 2;
    size_t end = line.find_first_of(",(", start);
    size_t dash = line.find(" -", start);
    for (std::string_view long_dash : {"\xE2\x80\x94", "\xE2\x80\x93"})
      dash = std::min(dash, line.find(long_dash, start));
    end = std::min(end, dash);
    if (end == std::string_view::npos) return std::nullopt;
    std::string_view part = line.substr(start, end - start);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    if (auto full = dated ? std::nullopt : ParseDateLine(part)) {  // ", 3 March 2021"
      dated = true;
      d.date = full;
      at = start + part.size();
    } else if (IsMonthAndDay(part)) {
      dated = true;
      at = start + part.size();
      // ", 2021" after it: the year.
      if (line.substr(at).starts_with(", ") && at + 6 <= line.size() &&
          std::isdigit(static_cast<unsigned char>(line[at + 2])) &&
          (at + 6 == line.size() || !std::isdigit(static_cast<unsigned char>(line[at + 6])))) {
        d.date = ParseDateLine(line.substr(start, at + 6 - start));
        if (d.date) at += 6;
      }
    } else if (!dated && !region && PlaceName(part, true) == part.size()) {
      region = true;
      d.place += ", " + std::string(part);
      at = start + part.size();
    } else {
      return std::nullopt;
    }
  }
  // " (Reuters)"
  if (line.substr(at).starts_with(" (")) {
    size_t close = line.find(')', at);
    if (close == std::string_view::npos || close - at > 42) return std::nullopt;
    d.outlet = std::string(line.substr(at + 2, close - at - 2));
    if (d.outlet.empty()) return std::nullopt;
    at = close + 1;
  }
  bool long_dash = false;
  size_t dash = Dash(line.substr(at), long_dash);
  if (!dash) return std::nullopt;
  bool enough = dated || !d.outlet.empty() || (capitals && long_dash) || (capitals && region);
  if (!enough) return std::nullopt;
  d.length = at + dash;
  return d;
}

}  // namespace sitrep::read
