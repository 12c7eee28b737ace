// Bounds of the text stage on pathological input: a line of megabytes with no sentence end is
// cut into sentences of at most kMaxSentenceTokens tokens (without the cap the per-sentence
// stages went quadratic: 800 KB took 3 s, 5 MB minutes), and ordinary sentences are not cut.
#include <gtest/gtest.h>

#include <string>

#include "text/analysis.h"
#include "text/segmenter.h"

namespace sitrep {
namespace {

TEST(TextLimits, LineWithoutPeriodIsCutIntoBoundedSentences) {
  std::string body;
  while (body.size() < (2u << 20)) body += "rockets hit the base on Monday killing 2 and ";
  AnalyzedText text = Analyze(body, Date::FromYmd(2021, 7, 9));
  ASSERT_GT(text.sentences.size(), 100u);
  uint32_t last_end = 0;
  for (const Sentence& s : text.sentences) {
    EXPECT_LE(s.tokens.size(), kMaxSentenceTokens);
    EXPECT_GE(s.start, last_end);
    last_end = s.end;
  }
  EXPECT_GE(last_end + 1, body.size() - 1);  // the cut loses no text at the end
}

TEST(TextLimits, QuotesOnlyLineIsBoundedToo) {
  std::string body(1u << 20, '"');
  AnalyzedText text = Analyze(body, std::nullopt);
  ASSERT_FALSE(text.sentences.empty());
  for (const Sentence& s : text.sentences) EXPECT_LE(s.tokens.size(), kMaxSentenceTokens);
}

TEST(TextLimits, LongButOrdinarySentenceStaysWhole) {
  std::string sentence = "Militants fired rockets";
  for (int i = 0; i < 60; ++i) sentence += ", and then more rockets";
  sentence += " at the base on Monday.";
  AnalyzedText text = Analyze(sentence + " Nobody was hurt.", Date::FromYmd(2021, 7, 9));
  ASSERT_EQ(text.sentences.size(), 2u);
  EXPECT_EQ(text.sentences[0].end, sentence.size());
}

// A day-of-month candidate with dozens of digits is no day, and reading it must not overflow (it
// did: UBSan in the fuzz build, fuzz/corpus/geo_locate_fuzz/dates-digit-run). Under
// SITREP_SANITIZE this test fails on the overflow itself.
TEST(TextLimits, LongDigitRunBeforeAMonthIsNoDay) {
  std::string digits(45, '9');
  AnalyzedText text = Analyze("Protesters gathered on " + digits + " July and on 7 July.",
                              Date::FromYmd(2021, 7, 9));
  ASSERT_EQ(text.sentences.size(), 1u);
  ASSERT_EQ(text.sentences[0].dates.size(), 1u);
  EXPECT_EQ(text.sentences[0].dates[0].range.begin, Date::FromYmd(2021, 7, 7));
}

}  // namespace
}  // namespace sitrep
