#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

#include "text_test_util.h"

namespace sitrep {
namespace {

// Structural promises every analysis keeps, whatever the input.
void ExpectWellFormed(std::string_view body, const AnalyzedText& a) {
  uint32_t previous_end = 0, previous_paragraph = 0;
  for (const Sentence& s : a.sentences) {
    ASSERT_LE(previous_end, s.start);
    ASSERT_LT(s.start, s.end);
    ASSERT_LE(s.end, body.size());
    ASSERT_GE(s.paragraph, previous_paragraph);
    ASSERT_FALSE(s.tokens.empty());
    EXPECT_EQ(s.tokens.front().start, s.start);
    EXPECT_EQ(s.tokens.back().end, s.end);
    uint32_t token_end = s.start;
    for (const Token& t : s.tokens) {
      ASSERT_LE(token_end, t.start);
      ASSERT_LT(t.start, t.end);
      token_end = t.end;
    }
    for (const DateMention& d : s.dates) {
      EXPECT_LE(s.start, d.start);
      EXPECT_LE(d.end, s.end);
      EXPECT_LE(d.range.begin, d.range.end);
    }
    for (const NumberMention& n : s.numbers) {
      EXPECT_LE(s.start, n.start);
      EXPECT_LE(n.end, s.end);
      EXPECT_LE(n.unit_start, n.unit_end);
      EXPECT_LE(n.unit_end, s.end);
    }
    for (const Cue& c : s.cues) {
      EXPECT_LE(s.start, c.start);
      EXPECT_LE(s.start, c.scope_start);
      EXPECT_LE(c.scope_start, c.start);
      EXPECT_LE(c.end, c.scope_end);
      EXPECT_LE(c.scope_end, s.end);
    }
    previous_end = s.end;
    previous_paragraph = s.paragraph;
  }
}

TEST(Analysis, RandomBytesAreHandled) {
  std::mt19937 rng(20210715);
  const std::string alphabet =
      "aZ .,;:!?'\"()-\n\n\t09/%$#*\xe2\x80\xa6\xe2\x80\x94\xc2\xa0\xc3\xa9\xff\x80 July May 2021"
      " Mr. U.S. at least two dozens of n't said if ";
  for (int round = 0; round < 300; ++round) {
    std::string body;
    size_t length = rng() % 400;
    for (size_t i = 0; i < length; ++i) body.push_back(alphabet[rng() % alphabet.size()]);
    AnalyzedText a = Analyze(body, Date::FromYmd(2021, 7, 15));
    ExpectWellFormed(body, a);
    if (::testing::Test::HasFatalFailure()) return;
  }
}

TEST(Analysis, TruncatedUtf8AtTheEnd) {
  std::string body = "Rockets hit \xe2\x80";
  ExpectWellFormed(body, Analyze(body, std::nullopt));
}

TEST(Analysis, EverySentenceOfAnArticleIsCovered) {
  std::string body =
      "Rockets hit the base on Friday. No one was hurt, officials said.\n\n"
      "- a list item\n- another one\n\nWill they come back?";
  AnalyzedText a = Analyze(body, Date::FromYmd(2021, 7, 15));
  ExpectWellFormed(body, a);
  ASSERT_EQ(a.sentences.size(), 5u);
  EXPECT_EQ(a.sentences[1].negated, true);
  EXPECT_EQ(a.sentences[1].modality, Modality::kReported);
  EXPECT_EQ(a.sentences[4].modality, Modality::kQuestion);
  EXPECT_EQ(a.sentences[4].paragraph, 2u);
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) return {};
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The dev article as the reader would pass it on is not available here; its raw text is close
// enough for the dates, numbers and negation the coder needs from it.
TEST(Analysis, DevArticleRedAlertInIraq) {
  std::string body = ReadFile(SITREP_SOURCE_DIR "/../shared/corpus/dev/red-alert-in-iraq.md");
  if (body.empty()) GTEST_SKIP() << "dev corpus not present";
  AnalyzedText a = Analyze(body, Date::FromYmd(2021, 7, 15));
  ExpectWellFormed(body, a);
  std::map<std::string, std::string> dates;
  std::vector<std::string> numbers;
  bool negated_no_soldiers = false;
  for (const Sentence& s : a.sentences) {
    for (const DateMention& d : s.dates)
      dates[std::string(body.substr(d.start, d.end - d.start))] = d.range.begin.Iso();
    for (const NumberMention& n : s.numbers)
      numbers.push_back(std::to_string(static_cast<int>(n.value)) + " " + n.unit);
    if (body.substr(s.start, 20) == "No American soldiers") negated_no_soldiers = s.negated;
  }
  EXPECT_EQ(dates["Wednesday, July 7"], "2021-07-07");
  EXPECT_EQ(dates["a day before"], "2021-07-06");
  EXPECT_EQ(dates["June 27"], "2021-06-27");
  EXPECT_NE(std::find(numbers.begin(), numbers.end(), "14 rockets"), numbers.end());
  EXPECT_NE(std::find(numbers.begin(), numbers.end(), "2 soldiers"), numbers.end());
  EXPECT_NE(std::find(numbers.begin(), numbers.end(), "4 members"), numbers.end());
  EXPECT_TRUE(negated_no_soldiers);
}

}  // namespace
}  // namespace sitrep
