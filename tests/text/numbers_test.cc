#include <gtest/gtest.h>

#include "text_test_util.h"

namespace sitrep {
namespace {

using ::sitrep::testing::Numbers;

// The single number mention of `body`; fails the test when there is not exactly one.
NumberMention One(std::string_view body) {
  auto n = Numbers(body);
  EXPECT_EQ(n.size(), 1u) << body;
  return n.empty() ? NumberMention{} : n[0];
}

std::string Text(std::string_view body, const NumberMention& n) {
  return std::string(body.substr(n.start, n.end - n.start));
}

TEST(Numbers, DigitsWithUnit) {
  auto n = One("14 rockets hit the base.");
  EXPECT_EQ(n.value, 14);
  EXPECT_EQ(n.unit, "rockets");
  EXPECT_FALSE(n.lower_bound);
  EXPECT_FALSE(n.approximate);
}

TEST(Numbers, AtLeastSkipsAdjectivesToTheHeadNoun) {
  std::string body = "The attack wounded at least two American soldiers.";
  auto n = One(body);
  EXPECT_EQ(n.value, 2);
  EXPECT_TRUE(n.lower_bound);
  EXPECT_EQ(n.unit, "soldiers");
  EXPECT_EQ(Text(body, n), "at least two");
  EXPECT_EQ(body.substr(n.unit_start, n.unit_end - n.unit_start), "American soldiers");
}

TEST(Numbers, WordNumbers) {
  EXPECT_EQ(Numbers("killing four members of brigade 14")[0].unit, "members");
  auto n = One("twenty-five fighters died");
  EXPECT_EQ(n.value, 25);
  EXPECT_EQ(n.unit, "fighters");
  EXPECT_EQ(One("three hundred protesters gathered").value, 300);
  EXPECT_EQ(One("two thousand five hundred troops").value, 2500);
}

TEST(Numbers, OfPhraseGivesTheUnit) {
  auto n = One("25 of its fighters were killed");
  EXPECT_EQ(n.value, 25);
  EXPECT_EQ(n.unit, "fighters");
}

TEST(Numbers, VagueQuantities) {
  auto dozens = One("dozens of people were hurt");
  EXPECT_EQ(dozens.value, 24);
  EXPECT_TRUE(dozens.approximate);
  EXPECT_EQ(dozens.unit, "people");
  auto hundreds = One("hundreds of protesters");
  EXPECT_EQ(hundreds.value, 200);
  EXPECT_TRUE(hundreds.approximate);
  EXPECT_EQ(hundreds.unit, "protesters");
  auto dozen = One("a dozen rockets");
  EXPECT_EQ(dozen.value, 12);
  EXPECT_EQ(dozen.unit, "rockets");
  auto scores = One("scores of civilians fled");
  EXPECT_EQ(scores.value, 40);
  EXPECT_TRUE(scores.approximate);
  EXPECT_EQ(scores.unit, "civilians");
  EXPECT_EQ(One("tens of thousands of refugees").value, 20000);
  EXPECT_TRUE(Numbers("the scores were level").empty());
}

TEST(Numbers, BoundsAndApproximations) {
  auto more = One("more than 100 people");
  EXPECT_EQ(more.value, 100);
  EXPECT_TRUE(more.lower_bound);
  auto nearly = One("nearly 50 soldiers");
  EXPECT_EQ(nearly.value, 50);
  EXPECT_TRUE(nearly.approximate);
  EXPECT_TRUE(One("some 30 fighters").approximate);
  EXPECT_TRUE(One("about 30 fighters").approximate);
  EXPECT_TRUE(One("over 300 rockets").lower_bound);
  std::string body = "an estimated 2,000 people";
  auto est = One(body);
  EXPECT_TRUE(est.approximate);
  EXPECT_EQ(est.value, 2000);
  EXPECT_EQ(Text(body, est), "an estimated 2,000");
}

TEST(Numbers, SeparatorsDecimalsAndMultipliers) {
  EXPECT_EQ(One("1,200 troops").value, 1200);
  auto n = One("3.5 million refugees");
  EXPECT_EQ(n.value, 3.5e6);
  EXPECT_EQ(n.unit, "refugees");
  EXPECT_EQ(One("a hundred soldiers").value, 100);
}

TEST(Numbers, ArticlesAreNotNumbers) {
  EXPECT_TRUE(Numbers("an American contractor died").empty());
  EXPECT_TRUE(Numbers("a rocket hit a house").empty());
}

TEST(Numbers, OneOnlyBeforeANoun) {
  auto n = One("one soldier was killed");
  EXPECT_EQ(n.value, 1);
  EXPECT_EQ(n.unit, "soldier");
  EXPECT_EQ(One("one American contractor was killed").unit, "contractor");
  EXPECT_TRUE(Numbers("no one was hurt").empty());
  EXPECT_TRUE(Numbers("the one who fled").empty());
  EXPECT_TRUE(Numbers("it was one, he said").empty());
}

TEST(Numbers, YearsTimesAndOrdinalsAreNotCounts) {
  EXPECT_TRUE(Numbers("in 2015 the deal was signed").empty());
  EXPECT_TRUE(Numbers("at 2am the alarm sounded").empty());
  EXPECT_TRUE(Numbers("at 17:50 local time").empty());
  EXPECT_TRUE(Numbers("at 5 p.m. sharp").empty());
  EXPECT_TRUE(Numbers("the 14th brigade").empty());
  EXPECT_TRUE(Numbers("in the 1990s").empty());
  EXPECT_EQ(One("2000 soldiers marched").value, 2000);  // a count, not a year
}

TEST(Numbers, IdentifiersAreFlagged) {
  auto n = One("members of brigade 14 of the PMF");
  EXPECT_TRUE(n.identifier);
  EXPECT_EQ(n.value, 14);
  EXPECT_EQ(n.unit, "");
  EXPECT_TRUE(One("along Route 1 north").identifier);
  EXPECT_TRUE(One("the No. 5 gate").identifier);
  EXPECT_FALSE(One("5 gates").identifier);
}

TEST(Numbers, PercentagesAndDistances) {
  EXPECT_EQ(One("rose 15% in May").unit, "%");
  EXPECT_EQ(One("rose 15 percent").unit, "%");
  auto km = One("some 360 kilometers away");
  EXPECT_EQ(km.unit, "kilometers");
  EXPECT_EQ(km.value, 360);
  EXPECT_EQ(One("a 10km convoy").unit, "km");
}

TEST(Numbers, AdverbsBeforeTheNounAreSkipped) {
  EXPECT_EQ(One("after two fairly heated weeks").unit, "weeks");
}

TEST(Numbers, SlashedNumbersAreNotCounts) {
  EXPECT_TRUE(Numbers("the post 9/11 wars").empty());
  EXPECT_TRUE(Numbers("on 7/7 the base").empty());
}

TEST(Numbers, SeveralMentionsInASentence) {
  auto n = Numbers("14 rockets hit the base, wounding at least two American soldiers.");
  ASSERT_EQ(n.size(), 2u);
  EXPECT_EQ(n[0].unit, "rockets");
  EXPECT_EQ(n[1].unit, "soldiers");
}

}  // namespace
}  // namespace sitrep
