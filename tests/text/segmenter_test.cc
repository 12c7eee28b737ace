#include <gtest/gtest.h>

#include "text_test_util.h"

namespace sitrep {
namespace {

using ::sitrep::testing::SentenceTexts;
using V = std::vector<std::string>;

TEST(Segmenter, SplitsOnTerminalPunctuation) {
  EXPECT_EQ(SentenceTexts("Rockets hit the base. Two soldiers were hurt! Who fired them?"),
            (V{"Rockets hit the base.", "Two soldiers were hurt!", "Who fired them?"}));
}

TEST(Segmenter, KeepsInitialisms) {
  EXPECT_EQ(SentenceTexts("U.S. troops and U.N. staff left at 5 p.m. on Friday. They returned."),
            (V{"U.S. troops and U.N. staff left at 5 p.m. on Friday.", "They returned."}));
}

TEST(Segmenter, InitialismCanEndASentence) {
  EXPECT_EQ(SentenceTexts("Iran blamed the U.S. The Pentagon denied it."),
            (V{"Iran blamed the U.S.", "The Pentagon denied it."}));
}

TEST(Segmenter, KeepsTitles) {
  EXPECT_EQ(SentenceTexts("Gen. Frank McKenzie met Lt. Col. Ali and Dr. Hassan. Mr. Smith spoke."),
            (V{"Gen. Frank McKenzie met Lt. Col. Ali and Dr. Hassan.", "Mr. Smith spoke."}));
}

TEST(Segmenter, KeepsMonthAbbreviationsNumberSignsAndEg) {
  EXPECT_EQ(SentenceTexts("On Jan. 5 the No. 5 gate, e.g. the north one, closed. It reopened."),
            (V{"On Jan. 5 the No. 5 gate, e.g. the north one, closed.", "It reopened."}));
}

TEST(Segmenter, KeepsInitialsOfNames) {
  EXPECT_EQ(SentenceTexts("J. R. Smith wrote it. She agreed."),
            (V{"J. R. Smith wrote it.", "She agreed."}));
}

TEST(Segmenter, KeepsDecimals) {
  EXPECT_EQ(SentenceTexts("Oil rose 3.5 percent. Gas fell 1.2 percent."),
            (V{"Oil rose 3.5 percent.", "Gas fell 1.2 percent."}));
}

TEST(Segmenter, EllipsisMidSentenceDoesNotSplit) {
  EXPECT_EQ(SentenceTexts("Red Alert in Iraq... Time for the U.S. to Decide"),
            (V{"Red Alert in Iraq... Time for the U.S. to Decide"}));
  EXPECT_EQ(SentenceTexts("He waited \u2026 and then left. The end."),
            (V{"He waited \u2026 and then left.", "The end."}));
}

TEST(Segmenter, EllipsisBeforeSentenceStarterSplits) {
  EXPECT_EQ(SentenceTexts("Nobody came... The talks failed."),
            (V{"Nobody came...", "The talks failed."}));
}

TEST(Segmenter, SentenceEndingInsideQuotes) {
  EXPECT_EQ(SentenceTexts("He said \"We will respond.\" Then he left."),
            (V{"He said \"We will respond.\"", "Then he left."}));
  EXPECT_EQ(SentenceTexts("Knights says 'It is intense.' The strikes go on."),
            (V{"Knights says 'It is intense.'", "The strikes go on."}));
}

TEST(Segmenter, QuestionInQuotesFollowedByLowercaseContinues) {
  EXPECT_EQ(SentenceTexts("\"Why now?\" he asked. Nobody knew."),
            (V{"\"Why now?\" he asked.", "Nobody knew."}));
}

TEST(Segmenter, ClosingParenthesisStaysWithSentence) {
  EXPECT_EQ(SentenceTexts("The group (it denied this.) Another claim followed."),
            (V{"The group (it denied this.)", "Another claim followed."}));
}

TEST(Segmenter, ParagraphBreakAlwaysEnds) {
  std::string body = "A heading without a stop\n\nThe first sentence. The second\n\nNew one";
  EXPECT_EQ(SentenceTexts(body),
            (V{"A heading without a stop", "The first sentence.", "The second", "New one"}));
  AnalyzedText a = Analyze(body, std::nullopt);
  ASSERT_EQ(a.sentences.size(), 4u);
  EXPECT_EQ(a.sentences[0].paragraph, 0u);
  EXPECT_EQ(a.sentences[1].paragraph, 1u);
  EXPECT_EQ(a.sentences[2].paragraph, 1u);
  EXPECT_EQ(a.sentences[3].paragraph, 2u);
}

TEST(Segmenter, WhitespaceOnlyLineIsAParagraphBreak) {
  EXPECT_EQ(SentenceTexts("One line\n \nAnother line"), (V{"One line", "Another line"}));
}

TEST(Segmenter, BulletsAndNumberedItemsStartSentences) {
  std::string body =
      "The demands were:\n- withdrawal of troops\n* release of prisoners\n"
      "\u2022 compensation\n1. talks\n2) elections";
  EXPECT_EQ(SentenceTexts(body),
            (V{"The demands were:", "- withdrawal of troops", "* release of prisoners",
               "\u2022 compensation", "1. talks", "2) elections"}));
}

TEST(Segmenter, WrappedLineDoesNotSplit) {
  EXPECT_EQ(SentenceTexts("Rockets hit the base\nlate on Friday."),
            (V{"Rockets hit the base\nlate on Friday."}));
}

TEST(Segmenter, OffsetsPointIntoBody) {
  std::string body = "  First one.  Second one.";
  AnalyzedText a = Analyze(body, std::nullopt);
  ASSERT_EQ(a.sentences.size(), 2u);
  EXPECT_EQ(a.sentences[0].start, 2u);
  EXPECT_EQ(a.sentences[0].end, 12u);
  EXPECT_EQ(a.sentences[1].start, 14u);
  EXPECT_EQ(a.sentences[1].end, body.size());
}

TEST(Segmenter, EmptyAndBlankBodies) {
  EXPECT_TRUE(Analyze("", std::nullopt).sentences.empty());
  EXPECT_TRUE(Analyze(" \n\n \t", std::nullopt).sentences.empty());
}

}  // namespace
}  // namespace sitrep
