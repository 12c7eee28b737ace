#include "base/json_bytes.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace sitrep {
namespace {

size_t Naive(std::string_view s, size_t i) {
  for (; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80) return i;
  }
  return i;
}

TEST(JsonBytes, SkipsPlainRuns) {
  EXPECT_EQ(SkipPlainJsonBytes("", 0), 0u);
  EXPECT_EQ(SkipPlainJsonBytes("plain text, no escapes here", 0), 27u);
  EXPECT_EQ(SkipPlainJsonBytes("0123456789 \"quoted\"", 0), 11u);
  EXPECT_EQ(SkipPlainJsonBytes("0123456789 \"quoted\"", 12), 18u);
  EXPECT_EQ(SkipPlainJsonBytes("abcdefgh\\", 0), 8u);
  EXPECT_EQ(SkipPlainJsonBytes("caf\xC3\xA9", 0), 3u);
  EXPECT_EQ(SkipPlainJsonBytes("line\nbreak", 0), 4u);
}

// Every byte value at every position of a word, next to plain and special neighbours.
TEST(JsonBytes, AgreesWithByteByByteScan) {
  std::mt19937 rng(3);
  for (int round = 0; round < 200000; ++round) {
    std::string s;
    for (size_t n = rng() % 24; n > 0; --n) {
      unsigned r = rng() % 8;
      s += static_cast<char>(r < 5 ? 'a' + rng() % 26 : rng() % 256);
    }
    size_t from = s.empty() ? 0 : rng() % (s.size() + 1);
    ASSERT_EQ(SkipPlainJsonBytes(s, from), Naive(s, from)) << s;
  }
}

}  // namespace
}  // namespace sitrep
