#include "base/phrase_set.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace sitrep {
namespace {

struct ByteTables {
  unsigned char identity[256], lower[256];
  constexpr ByteTables() : identity(), lower() {
    for (int c = 0; c < 256; ++c) {
      identity[c] = static_cast<unsigned char>(c);
      lower[c] = static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
  }
};
constexpr ByteTables kTables;
const unsigned char* const kIdentity = kTables.identity;
const unsigned char* const kLowerAscii = kTables.lower;

}  // namespace

WordSet::WordSet(std::initializer_list<std::string_view> words) {
  Build(words.begin(), words.end(), words.size());
}

WordSet::WordSet(const std::vector<std::string>& words) {
  Build(words.begin(), words.end(), words.size());
}

template <class It>
void WordSet::Build(It begin, It end, size_t count) {
  size_t slots = 64;
  while (slots < count) slots *= 2;
  mask_ = slots - 1;
  std::vector<std::vector<std::string_view>> by_slot(slots);
  for (It it = begin; it != end; ++it) {
    std::string_view w = *it;
    if (w.size() >= 64) continue;  // never asked for: Has() rejects such keys
    lengths_ |= uint64_t{1} << w.size();
    by_slot[Slot(w)].push_back(w);
  }
  first_.assign(slots + 1, 0);
  for (size_t s = 0; s < slots; ++s) {
    first_[s] = static_cast<uint32_t>(words_.size());
    words_.insert(words_.end(), by_slot[s].begin(), by_slot[s].end());
  }
  first_[slots] = static_cast<uint32_t>(words_.size());
}

PhraseSet::PhraseSet(std::initializer_list<std::string_view> phrases, bool fold_case)
    : fold_(fold_case) {
  for (std::string_view p : phrases) Add(p);
  Build();
}

PhraseSet::PhraseSet(const std::vector<std::string>& phrases, bool fold_case) : fold_(fold_case) {
  for (const std::string& p : phrases) Add(p);
  Build();
}

void PhraseSet::Add(std::string_view p) {
  std::string t(p);
  for (char& c : t) c = Fold(c);
  if (t.empty()) {
    has_empty_ = true;
  } else if (t.size() == 1) {
    single_.set(static_cast<unsigned char>(t[0]));
  } else {
    uint16_t key = Key(t[0], t[1]);
    first_two_.set(key);
    entries_.push_back({key, std::move(t)});
  }
}

void PhraseSet::Build() {
  std::stable_sort(entries_.begin(), entries_.end(),
                   [](const Entry& a, const Entry& b) { return a.key < b.key; });
  // The skipping scan needs every phrase to be 4 bytes or longer, but for short ones that all
  // start with one byte case folding leaves alone (found with memchr instead).
  if (has_empty_ || single_.any() || entries_.empty()) return;
  size_t window = SIZE_MAX;
  for (const Entry& e : entries_) {
    if (e.text.size() >= 4) {
      window = std::min(window, e.text.size());
      continue;
    }
    int first = static_cast<unsigned char>(e.text[0]);
    bool letter = (first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z');
    if (letter || (short_first_ >= 0 && short_first_ != first)) {
      short_first_ = -1;
      return;
    }
    short_first_ = first;
  }
  if (window == SIZE_MAX) window = 0;  // only short phrases: memchr alone
  window_ = std::min<size_t>(window, 255);
  shift_.assign(kShiftSlots, static_cast<uint8_t>(window_ ? window_ - 1 : 0));
  for (const Entry& e : entries_) {
    if (e.text.size() < 4) continue;
    // The bigram ending at byte q of the phrase's first window_ bytes: the window may move on
    // by no more than what brings that byte to the window's end.
    for (size_t q = 1; q < window_; ++q) {
      uint8_t& slot = shift_[ShiftSlot(static_cast<unsigned char>(e.text[q - 1]),
                                       static_cast<unsigned char>(e.text[q]))];
      slot = std::min(slot, static_cast<uint8_t>(window_ - 1 - q));
    }
  }
  if (window_ == 0 && short_first_ < 0) shift_.clear();
}

bool PhraseSet::MatchAt(std::string_view s, size_t i, uint16_t key) const {
  auto it = std::lower_bound(entries_.begin(), entries_.end(), key,
                             [](const Entry& e, uint16_t k) { return e.key < k; });
  for (; it != entries_.end() && it->key == key; ++it) {
    const std::string& p = it->text;
    if (p.size() > s.size() - i) continue;
    size_t k = 2;
    while (k < p.size() && Fold(s[i + k]) == p[k]) ++k;
    if (k == p.size()) return true;
  }
  return false;
}

// Every place a phrase starts is looked at: when a phrase starts at i, the window ending at
// i + window_ - 1 ends in one of the phrase's own bigrams, and each earlier window's last
// bigram (the phrase's own, or any other) lets it move on to that end at most.
bool PhraseSet::FoundBySkipping(std::string_view s) const {
  const size_t n = s.size();
  if (short_first_ >= 0) {
    const char* p = s.data();
    const char* end = p + n;
    while ((p = static_cast<const char*>(
                std::memchr(p, short_first_, static_cast<size_t>(end - p)))) != nullptr) {
      size_t i = static_cast<size_t>(p - s.data());
      if (i + 1 < n) {
        uint16_t key = Key(s[i], s[i + 1]);
        if (first_two_.test(key) && MatchAt(s, i, key)) return true;
      }
      ++p;
    }
  }
  if (window_ == 0) return false;
  const unsigned char* fold = fold_ ? kLowerAscii : kIdentity;
  const uint8_t* shift = shift_.data();
  for (size_t j = window_ - 1; j < n;) {
    unsigned a = fold[static_cast<unsigned char>(s[j - 1])];
    unsigned b = fold[static_cast<unsigned char>(s[j])];
    if (uint8_t by = shift[ShiftSlot(a, b)]; by != 0) {
      j += by;
      continue;
    }
    size_t i = j + 1 - window_;
    uint16_t key = Key(s[i], s[i + 1]);
    if (first_two_.test(key) && MatchAt(s, i, key)) return true;
    ++j;
  }
  return false;
}

bool PhraseSet::FoundIn(std::string_view s) const {
  if (has_empty_) return true;
  if (!shift_.empty()) return FoundBySkipping(s);
  const size_t n = s.size();
  if (n == 0) return false;
  const bool any_single = single_.any();
  // The key of the two bytes at i, kept rolling: one table look-up and one bit test a byte.
  const unsigned char* fold = fold_ ? kLowerAscii : kIdentity;
  unsigned prev = fold[static_cast<unsigned char>(s[0])];
  for (size_t i = 0; i + 1 < n; ++i) {
    unsigned next = fold[static_cast<unsigned char>(s[i + 1])];
    if (any_single && single_.test(prev)) return true;
    uint16_t key = static_cast<uint16_t>(prev | (next << 8));
    if (first_two_.test(key) && MatchAt(s, i, key)) return true;
    prev = next;
  }
  return any_single && single_.test(prev);
}

bool PhraseSet::Prefixes(std::string_view s) const {
  if (has_empty_) return true;
  if (s.empty()) return false;
  if (single_.test(static_cast<unsigned char>(Fold(s[0])))) return true;
  if (s.size() < 2) return false;
  uint16_t key = Key(s[0], s[1]);
  return first_two_.test(key) && MatchAt(s, 0, key);
}

}  // namespace sitrep
