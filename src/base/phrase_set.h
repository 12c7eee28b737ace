// Compiled sets of literal strings for hot paths: built once (usually as a function-local
// static), then queried without allocation.
//   WordSet:   is a word one of these? (hashed on length and first/last byte)
//   PhraseSet: does a text contain / start with one of these phrases? (one pass over the text,
//              filtered on its first two bytes; optionally ASCII case-insensitive). When every
//              phrase has 4 bytes or more (or the shorter ones start with one byte that is no
//              letter, as "©" does), FoundIn skips through the text Wu–Manber style: a window
//              as long as the shortest phrase moves on by as much as its last two bytes allow.
#pragma once

#include <array>
#include <bitset>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep {

class WordSet {
 public:
  WordSet(std::initializer_list<std::string_view> words);
  // Views into `words`, which must outlive the set.
  explicit WordSet(const std::vector<std::string>& words);
  // Always inline: called from hot loops through the In() lists' lambdas, where the call cost
  // more than the look-up.
  [[gnu::always_inline]] bool Has(std::string_view k) const {
    if (k.size() >= 64 || !((lengths_ >> k.size()) & 1)) return false;
    size_t slot = Slot(k);
    for (uint32_t e = first_[slot]; e < first_[slot + 1]; ++e)
      if (words_[e] == k) return true;
    return false;
  }

 private:
  template <class It>
  void Build(It begin, It end, size_t count);
  [[gnu::always_inline]] size_t Slot(std::string_view k) const {
    if (k.empty()) return 0;
    size_t h = static_cast<unsigned char>(k[0]) * 31u + static_cast<unsigned char>(k.back()) * 7u +
               k.size();
    if (k.size() > 2) h += static_cast<unsigned char>(k[1]) * 131u;
    return h & mask_;
  }
  uint64_t lengths_ = 0;                 // bit n: some word has n bytes
  size_t mask_ = 0;                      // slots - 1 (a power of two, at least 64)
  std::vector<uint32_t> first_;          // words_[first_[s], first_[s + 1]): slot s
  std::vector<std::string_view> words_;  // grouped by slot
};

class PhraseSet {
 public:
  // With `fold_case`, ASCII letters of the text compare equal to the lower-case letters of the
  // phrases (the phrases are lower-cased when the set is built).
  PhraseSet(std::initializer_list<std::string_view> phrases, bool fold_case = false);
  PhraseSet(const std::vector<std::string>& phrases, bool fold_case = false);

  // Whether one of the phrases occurs in `s` (as s.find(p) != npos for any p).
  bool FoundIn(std::string_view s) const;
  // Whether `s` starts with one of the phrases.
  bool Prefixes(std::string_view s) const;

 private:
  void Add(std::string_view p);
  void Build();
  bool MatchAt(std::string_view s, size_t i, uint16_t key) const;
  bool FoundBySkipping(std::string_view s) const;
  static size_t ShiftSlot(unsigned a, unsigned b) { return ((b << 4) ^ a) & (kShiftSlots - 1); }
  char Fold(char c) const {
    return fold_ && c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  uint16_t Key(char a, char b) const {
    return static_cast<uint16_t>(static_cast<unsigned char>(Fold(a)) |
                                 (static_cast<unsigned char>(Fold(b)) << 8));
  }

  bool fold_ = false;
  bool has_empty_ = false;
  std::bitset<256> single_;       // one-byte phrases
  std::bitset<65536> first_two_;  // first two bytes of the longer phrases
  struct Entry {
    uint16_t key;
    std::string text;
  };
  std::vector<Entry> entries_;  // sorted by key
  // The skipping scan (window_ 0: not used). shift_[ShiftSlot(a, b)]: how far the window may
  // move on when its last two bytes are a, b (folded); 0: a phrase may start at its first byte.
  static constexpr size_t kShiftSlots = 4096;
  size_t window_ = 0;     // bytes of the shortest phrase of 4 bytes or more
  int short_first_ = -1;  // the first byte of every shorter phrase, -1 when there is none
  std::vector<uint8_t> shift_;
};

}  // namespace sitrep
