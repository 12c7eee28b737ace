// Place-name tokens and their folded keys. The gazetteer's names and an article's words go
// through the same functions, so "Ain al-Asad", "Ain al-Assad" and "AIN AL ASAD" meet on one
// key ("ain asad"): case, diacritics, Arabic articles (al-, el-, ad-, ash- …), apostrophes and
// hamza/ayn marks, doubled letters and a final "-ah"/"-a" are all folded away.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep::geo {

struct NameToken {
  uint32_t start = 0;  // byte offsets into the text
  uint32_t end = 0;
  std::string key;              // folded form; empty for an article ("al", "el", …)
  bool capitalized = false;     // first letter upper case
  bool all_caps = false;        // every letter upper case, two letters or more
  bool joined_to_next = false;  // only spaces, a hyphen or an abbreviation dot before the next
  bool hyphen_after = false;    // "Iran-backed": a hyphen right after the word
};

// Word tokens of `text`: letters and digits, hyphens and dots split words ("al-Omar" is
// "al" + "Omar", "U.S." is "U" + "S"), apostrophes inside a word are dropped ("Sana'a").
std::vector<NameToken> TokenizeNames(std::string_view text);

// The folded key of a whole name ("Deir ez-Zor" -> "deir zor"); "" when nothing is left.
std::string NameKey(std::string_view name);

// Joins the keys of tokens [begin, end) skipping articles.
std::string JoinKeys(const std::vector<NameToken>& tokens, size_t begin, size_t end);

// FNV-1a, stable across builds: the gazetteer file stores these hashes.
uint64_t KeyHash(std::string_view key);

}  // namespace sitrep::geo
