#include "base/phrase_set.h"

#include <algorithm>

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

bool PhraseSet::FoundIn(std::string_view s) const {
  if (has_empty_) return true;
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
