// The bytes a JSON string can hold as they are: everything but control bytes, '"', '\' and
// (for UTF-8 checks of their own) bytes of 0x80 and above. Reading and writing JSON Lines skip
// runs of them eight bytes at a time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace sitrep {

// The first position from `i` on whose byte is < 0x20, '"', '\' or >= 0x80; s.size() if none.
inline size_t SkipPlainJsonBytes(std::string_view s, size_t i) {
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  // Each test is exact for "some byte of the word": a borrow only starts at a byte that is
  // below the bound, so without one no high bit is set.
  auto below = [](uint64_t x, uint64_t n) { return (x - n * kOnes) & ~x & kHigh; };
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t x;
    std::memcpy(&x, s.data() + i, 8);
    uint64_t special =
        (x & kHigh) | below(x, 0x20) | below(x ^ ('"' * kOnes), 1) | below(x ^ ('\\' * kOnes), 1);
    if (special) break;
  }
  for (; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80) return i;
  }
  return i;
}

}  // namespace sitrep
