// WordSet and PhraseSet must answer exactly as the linear scans they replace
// (`s == p` for any p, `s.find(p) != npos` for any p, `s.starts_with(p)` for any p).
#include "base/phrase_set.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace sitrep {
namespace {

TEST(WordSet, MembersOnly) {
  WordSet set({"the", "a", "an", "'s", "\xE2\x80\x94", "reportedly", "reportedly"});
  EXPECT_TRUE(set.Has("the"));
  EXPECT_TRUE(set.Has("a"));
  EXPECT_TRUE(set.Has("'s"));
  EXPECT_TRUE(set.Has("\xE2\x80\x94"));
  EXPECT_TRUE(set.Has("reportedly"));
  EXPECT_FALSE(set.Has(""));
  EXPECT_FALSE(set.Has("The"));
  EXPECT_FALSE(set.Has("then"));
  EXPECT_FALSE(set.Has("th"));
  EXPECT_FALSE(set.Has("ant"));
  EXPECT_FALSE(set.Has(std::string(100, 'a')));
}

TEST(WordSet, LargeSetsFromOwnedStrings) {
  std::vector<std::string> words;
  for (int i = 0; i < 1000; ++i) words.push_back("w" + std::to_string(i * 7));
  words.push_back("");
  WordSet set(words);
  for (int i = 0; i < 7000; ++i) ASSERT_EQ(set.Has("w" + std::to_string(i)), i % 7 == 0) << i;
  EXPECT_TRUE(set.Has(""));
  EXPECT_FALSE(set.Has("w"));
}

TEST(PhraseSet, FoundInAndPrefixes) {
  PhraseSet set({"share this", "\xC2\xA9", "x", "all rights reserved"});
  EXPECT_TRUE(set.FoundIn("please share this article"));
  EXPECT_TRUE(set.FoundIn("\xC2\xA9 2021"));
  EXPECT_TRUE(set.FoundIn("box"));
  EXPECT_FALSE(set.FoundIn("share thi"));
  EXPECT_FALSE(set.FoundIn("Share this"));  // case matters without fold_case
  EXPECT_TRUE(set.Prefixes("share this now"));
  EXPECT_FALSE(set.Prefixes("please share this"));
  EXPECT_TRUE(set.Prefixes("x"));
  EXPECT_FALSE(set.Prefixes(""));
}

TEST(PhraseSet, FoldCaseMatchesLowerCasedText) {
  PhraseSet set(std::vector<std::string>{"Click Here", "\xC2\xA9"}, /*fold_case=*/true);
  EXPECT_TRUE(set.FoundIn("Please CLICK here."));
  EXPECT_TRUE(set.FoundIn("click here"));
  EXPECT_TRUE(set.FoundIn("(\xC2\xA9 AFP)"));
  EXPECT_FALSE(set.FoundIn("click her"));
}

TEST(PhraseSet, AgreesWithLinearScanOnRandomText) {
  const std::vector<std::string> phrases = {"ab", "abc", "b", "cab", "aab", "ca"};
  PhraseSet set(phrases);
  std::mt19937 rng(7);
  for (int round = 0; round < 5000; ++round) {
    std::string s;
    for (size_t n = rng() % 8; n > 0; --n) s += "abcd"[rng() % 4];
    bool found = false, prefix = false;
    for (const std::string& p : phrases) {
      found |= s.find(p) != std::string::npos;
      prefix |= s.starts_with(p);
    }
    ASSERT_EQ(set.FoundIn(s), found) << s;
    ASSERT_EQ(set.Prefixes(s), prefix) << s;
  }
}

// Sets FoundIn scans by skipping (phrases of 4 bytes or more, and short ones after one byte
// that is no letter), case folded or not, against std::string::find.
TEST(PhraseSet, SkippingScanAgreesWithLinearScan) {
  const std::vector<std::vector<std::string>> sets = {
      {"abca", "bcab", "aaaa", "cabbage"},
      {"abcd", "dcba", "abab", "#a", "#bc"},
      {"#a", "#b"},
      {"ab cd ef", "cd ab", "abcdabcd", "\xC2\xA9"},
  };
  std::mt19937 rng(11);
  for (bool fold : {false, true}) {
    for (const auto& phrases : sets) {
      PhraseSet set(phrases, fold);
      for (int round = 0; round < 20000; ++round) {
        std::string s;
        for (size_t n = rng() % 24; n > 0; --n) s += "abcdABCD #\xC2\xA9"[rng() % 12];
        std::string folded = s;
        if (fold)
          for (char& c : folded)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        bool found = false;
        for (const std::string& p : phrases) found |= folded.find(p) != std::string::npos;
        ASSERT_EQ(set.FoundIn(s), found) << s << " fold=" << fold;
      }
    }
  }
}

}  // namespace
}  // namespace sitrep
