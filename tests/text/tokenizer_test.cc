#include "text/tokenizer.h"

#include <gtest/gtest.h>

#include "text_test_util.h"

namespace sitrep {
namespace {

using ::sitrep::testing::TokenTexts;
using V = std::vector<std::string>;

std::vector<Token> Tokens(std::string_view body) {
  std::vector<Token> out;
  Tokenize(body, out);
  return out;
}

TEST(Tokenizer, WordsNumbersPunctuation) {
  EXPECT_EQ(TokenTexts("14 rockets hit Ain al-Assad, wounding 2."),
            (V{"14", "rockets", "hit", "Ain", "al-Assad", ",", "wounding", "2", "."}));
}

TEST(Tokenizer, Kinds) {
  auto t = Tokens("Fired 1,200 shells, 15% more $");
  ASSERT_EQ(t.size(), 8u);
  EXPECT_EQ(t[0].kind, TokenKind::kWord);
  EXPECT_EQ(t[1].kind, TokenKind::kNumber);
  EXPECT_EQ(t[3].kind, TokenKind::kPunct);
  EXPECT_EQ(t[4].kind, TokenKind::kNumber);
  EXPECT_EQ(t[5].kind, TokenKind::kSymbol);
  EXPECT_EQ(t[7].kind, TokenKind::kSymbol);
}

TEST(Tokenizer, NumbersKeepSeparatorsAndSuffixes) {
  EXPECT_EQ(TokenTexts("1,200 and 3.5 at 17:50 on 2021-07-07 at 2am, the 14th, 1990s"),
            (V{"1,200", "and", "3.5", "at", "17:50", "on", "2021-07-07", "at", "2am", ",", "the",
               "14th", ",", "1990s"}));
}

TEST(Tokenizer, HyphenatedWordsStayWhole) {
  EXPECT_EQ(TokenTexts("twenty-five Iran-backed F-16 jets and a 25-year-old man"),
            (V{"twenty-five", "Iran-backed", "F-16", "jets", "and", "a", "25-year-old", "man"}));
}

TEST(Tokenizer, InitialismsAndAbbreviationsKeepTheirPeriod) {
  EXPECT_EQ(TokenTexts("U.S. and U.N. at 5 p.m. Gen. Smith e.g. Jan. 5"),
            (V{"U.S.", "and", "U.N.", "at", "5", "p.m.", "Gen.", "Smith", "e.g.", "Jan.", "5"}));
}

TEST(Tokenizer, SentenceFinalPeriodIsItsOwnToken) {
  EXPECT_EQ(TokenTexts("He said no. Then"), (V{"He", "said", "no", ".", "Then"}));
  EXPECT_EQ(TokenTexts("No. 5"), (V{"No.", "5"}));
}

TEST(Tokenizer, CliticsAreSplitAndFlagged) {
  std::string body = "Biden's men aren't here, can't stay and they'll go; O'Brien";
  EXPECT_EQ(TokenTexts(body), (V{"Biden", "'s", "men", "are", "n't", "here", ",", "ca", "n't",
                                 "stay", "and", "they", "'ll", "go", ";", "O'Brien"}));
  auto t = Tokens(body);
  EXPECT_TRUE(t[1].Has(kClitic));
  EXPECT_TRUE(t[4].Has(kClitic));
  EXPECT_EQ(t[4].lex, Lex::kNot);
  EXPECT_EQ(t[12].lex, Lex::kWill);
  EXPECT_FALSE(t[0].Has(kClitic));
}

TEST(Tokenizer, QuotesAreSeparatePunctuation) {
  EXPECT_EQ(TokenTexts("'It's intense', he said \"now\""),
            (V{"'", "It", "'s", "intense", "'", ",", "he", "said", "\"", "now", "\""}));
}

TEST(Tokenizer, Utf8LettersAndPunctuation) {
  EXPECT_EQ(TokenTexts("Mosul\u2014Erbil caf\u00e9 \u2026 \u201cyes\u201d"),
            (V{"Mosul", "\u2014", "Erbil", "caf\u00e9", "\u2026", "\u201c", "yes", "\u201d"}));
  EXPECT_EQ(TokenTexts("a\u00a0b"), (V{"a", "b"}));  // no-break space separates
}

TEST(Tokenizer, OffsetsAreBytesIntoBody) {
  std::string body = "Al-Omar  oilfield";
  auto t = Tokens(body);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].start, 0u);
  EXPECT_EQ(t[0].end, 7u);
  EXPECT_EQ(t[1].start, 9u);
  EXPECT_EQ(t[1].end, body.size());
  EXPECT_TRUE(t[0].Has(kHyphenated));
  EXPECT_TRUE(t[0].Has(kCapitalized));
  EXPECT_TRUE(t[1].Has(kSpaceBefore));
}

TEST(Tokenizer, FlagsAndVocabulary) {
  auto t = Tokens("ISIS fired\nseven rockets in July\n\nMonday");
  ASSERT_EQ(t.size(), 7u);
  EXPECT_TRUE(t[0].Has(kAllCaps));
  EXPECT_TRUE(t[2].Has(kLineStart));
  EXPECT_FALSE(t[2].Has(kParagraphStart));
  EXPECT_EQ(t[2].lex, Lex::kCardinal);
  EXPECT_EQ(t[2].lex_value, 7);
  EXPECT_EQ(t[5].lex, Lex::kMonth);
  EXPECT_EQ(t[5].lex_value, 7);
  EXPECT_TRUE(t[6].Has(kParagraphStart));
  EXPECT_EQ(t[6].lex, Lex::kWeekday);
  EXPECT_EQ(t[6].lex_value, 1);
}

TEST(Tokenizer, TokenIsIgnoresCase) {
  std::string body = "ACCORDING to";
  auto t = Tokens(body);
  EXPECT_TRUE(TokenIs(body, t[0], "according"));
  EXPECT_FALSE(TokenIs(body, t[1], "too"));
}

}  // namespace
}  // namespace sitrep
