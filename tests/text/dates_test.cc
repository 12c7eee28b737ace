#include <gtest/gtest.h>

#include "text_test_util.h"

namespace sitrep {
namespace {

// Thursday 15 July 2021, the publication day of most cases below.
const Date kPub = Date::FromYmd(2021, 7, 15);

struct Found {
  std::string text;
  std::string begin;
  std::string end;
  std::string precision;
};

std::vector<Found> Dates(std::string_view body, std::optional<Date> published = kPub) {
  std::vector<Found> out;
  for (const Sentence& s : Analyze(body, published).sentences)
    for (const DateMention& d : s.dates)
      out.push_back({std::string(body.substr(d.start, d.end - d.start)), d.range.begin.Iso(),
                     d.range.end.Iso(), std::string(PrecisionName(d.range.precision))});
  return out;
}

// The single date of `body` as "text|begin|end|precision", or the count when not one.
std::string One(std::string_view body, std::optional<Date> published = kPub) {
  auto d = Dates(body, published);
  if (d.size() != 1) return std::to_string(d.size()) + " dates";
  return d[0].text + "|" + d[0].begin + "|" + d[0].end + "|" + d[0].precision;
}

TEST(Dates, MonthDayInThePublicationYear) {
  EXPECT_EQ(One("airstrikes on June 27 killed four"), "June 27|2021-06-27|2021-06-27|day");
  EXPECT_EQ(One("on July 7th rockets fell"), "July 7th|2021-07-07|2021-07-07|day");
  EXPECT_EQ(One("on Jan. 5 it began"), "Jan. 5|2021-01-05|2021-01-05|day");
}

TEST(Dates, MonthDayWellAfterPublicationIsLastYear) {
  EXPECT_EQ(One("on December 28 a drone fell", Date::FromYmd(2022, 1, 5)),
            "December 28|2021-12-28|2021-12-28|day");
  EXPECT_EQ(One("by August 10 it was over"), "August 10|2021-08-10|2021-08-10|day");
  EXPECT_EQ(One("by September 30 it was over"), "September 30|2020-09-30|2020-09-30|day");
}

TEST(Dates, WeekdayWithExplicitDate) {
  EXPECT_EQ(One("For instance, on Wednesday, July 7, 14 rockets hit the base."),
            "Wednesday, July 7|2021-07-07|2021-07-07|day");
}

TEST(Dates, ExplicitYears) {
  EXPECT_EQ(One("on July 7, 2021 it began"), "July 7, 2021|2021-07-07|2021-07-07|day");
  EXPECT_EQ(One("on 7 July 2021 it began"), "7 July 2021|2021-07-07|2021-07-07|day");
  EXPECT_EQ(One("dated 2021-07-07 and"), "2021-07-07|2021-07-07|2021-07-07|day");
  EXPECT_EQ(One("On May 21, 2021, a truce began."), "May 21, 2021|2021-05-21|2021-05-21|day");
  EXPECT_EQ(One("Since 7 July the base"), "7 July|2021-07-07|2021-07-07|day");
}

TEST(Dates, WeekdayAloneIsTheLatestOnOrBeforePublication) {
  EXPECT_EQ(One("on Sunday rockets fell"), "Sunday|2021-07-11|2021-07-11|day");
  EXPECT_EQ(One("on Thursday rockets fell"), "Thursday|2021-07-15|2021-07-15|day");
  EXPECT_EQ(One("on Friday rockets fell"), "Friday|2021-07-09|2021-07-09|day");
  EXPECT_EQ(One("last Thursday rockets fell"), "last Thursday|2021-07-08|2021-07-08|day");
  EXPECT_EQ(One("Thursday night rockets fell"), "Thursday night|2021-07-15|2021-07-15|day");
  EXPECT_EQ(One("at 2am Friday rockets fell"), "Friday|2021-07-09|2021-07-09|day");
  EXPECT_EQ(One("talks resume next Monday"), "next Monday|2021-07-19|2021-07-19|day");
  EXPECT_EQ(One("a late-night attack on Thursday"), "Thursday|2021-07-15|2021-07-15|day");
}

TEST(Dates, RelativeToPublication) {
  EXPECT_EQ(One("yesterday a drone fell"), "yesterday|2021-07-14|2021-07-14|day");
  EXPECT_EQ(One("today a drone fell"), "today|2021-07-15|2021-07-15|day");
  EXPECT_EQ(One("last night a drone fell"), "last night|2021-07-14|2021-07-14|day");
  EXPECT_EQ(One("three days ago a drone fell"), "three days ago|2021-07-12|2021-07-12|day");
}

TEST(Dates, WeeksMonthsYears) {
  EXPECT_EQ(One("last week a drone fell"), "last week|2021-07-05|2021-07-11|week");
  EXPECT_EQ(One("this week a drone fell"), "this week|2021-07-12|2021-07-18|week");
  EXPECT_EQ(One("two weeks ago a drone fell"), "two weeks ago|2021-06-28|2021-07-04|week");
  EXPECT_EQ(One("last month a drone fell"), "last month|2021-06-01|2021-06-30|month");
  EXPECT_EQ(One("earlier this month a drone fell"),
            "earlier this month|2021-07-01|2021-07-15|month");
  EXPECT_EQ(One("earlier this year a drone fell"), "earlier this year|2021-01-01|2021-07-15|year");
  EXPECT_EQ(One("last year a drone fell"), "last year|2020-01-01|2020-12-31|year");
  EXPECT_EQ(One("last month a drone fell", Date::FromYmd(2022, 1, 10)),
            "last month|2021-12-01|2021-12-31|month");
}

TEST(Dates, RecentPeriodsAreRanges) {
  EXPECT_EQ(One("attacks in recent weeks"), "in recent weeks|2021-06-17|2021-07-15|range");
  EXPECT_EQ(One("attacks in recent days"), "in recent days|2021-07-08|2021-07-15|range");
  EXPECT_EQ(One("attacks over the past week"), "the past week|2021-07-08|2021-07-15|range");
}

TEST(Dates, Weekend) {
  EXPECT_EQ(One("over the weekend a drone fell"), "over the weekend|2021-07-10|2021-07-11|range");
  EXPECT_EQ(One("over the weekend a drone fell", Date::FromYmd(2021, 7, 11)),
            "over the weekend|2021-07-10|2021-07-11|range");
  EXPECT_EQ(One("over the weekend a drone fell", Date::FromYmd(2021, 7, 10)),
            "over the weekend|2021-07-03|2021-07-04|range");
}

TEST(Dates, RelativeToTheStoryChainsAcrossSentences) {
  auto d = Dates(
      "For instance, on Wednesday, July 7, 14 rockets hit Ain al-Assad Air Base. Another "
      "suicide drone attack, a day before, targeted U.S. forces. The next day a third came. "
      "Two days later it was quiet.");
  ASSERT_EQ(d.size(), 4u);
  EXPECT_EQ(d[0].begin, "2021-07-07");
  EXPECT_EQ(d[1].text, "a day before");
  EXPECT_EQ(d[1].begin, "2021-07-06");
  EXPECT_EQ(d[2].text, "The next day");
  EXPECT_EQ(d[2].begin, "2021-07-07");  // the day after July 6, the last day mentioned
  EXPECT_EQ(d[3].begin, "2021-07-09");
}

TEST(Dates, StoryRelativeForms) {
  std::string lead = "On June 10 talks began. ";
  auto second = [&](std::string_view s) {
    auto d = Dates(lead + std::string(s));
    return d.size() == 2 ? d[1].begin + "|" + d[1].precision : "none";
  };
  EXPECT_EQ(second("The day before, rockets fell."), "2021-06-09|day");
  EXPECT_EQ(second("A day later rockets fell."), "2021-06-11|day");
  EXPECT_EQ(second("The following day rockets fell."), "2021-06-11|day");
  EXPECT_EQ(second("Rockets fell the same day."), "2021-06-10|day");
  EXPECT_EQ(second("The previous week rockets fell."), "2021-05-31|week");
}

// "..., a week after X" after the sentence's own telling dates X, a week before the day told,
// and is no anchor for later sentences; at the head of a sentence ("A day after the raid, ...")
// it dates what follows from the day before it.
TEST(Dates, AfterWithAComplementLateInTheSentenceDatesTheComplement) {
  std::vector<Found> d = Dates(
      "Troops fought in the town on Thursday, a week after rebels opened a new front. The "
      "strike came two days after militants attacked a convoy. A day after the raid, police "
      "arrested five men. Rebels attacked on Monday, two days before the talks.");
  ASSERT_EQ(d.size(), 6u);
  EXPECT_EQ(d[0].begin, "2021-07-15");
  EXPECT_EQ(d[1].text, "a week after");
  EXPECT_EQ(d[1].begin, "2021-07-08");
  EXPECT_EQ(d[2].begin, "2021-07-13");  // from Thursday, not from the front's day
  EXPECT_EQ(d[3].begin, "2021-07-16");  // the sentence's own date: the day after Thursday
  EXPECT_EQ(d[5].text, "two days before");
  EXPECT_EQ(d[5].begin, "2021-07-14");  // the talks: two days after Monday the 12th
  std::vector<bool> background;
  for (const Sentence& s : Analyze("Troops fought on Thursday, a week after rebels opened a "
                                   "front. Two days later it was quiet.",
                                   kPub)
                               .sentences)
    for (const DateMention& m : s.dates) background.push_back(m.background);
  EXPECT_EQ(background, (std::vector<bool>{false, true, false}));
  // "Two days later" with nothing after it still counts from the last day told.
  EXPECT_EQ(Dates("Rebels attacked on Monday. Two days later it was quiet.")[1].begin,
            "2021-07-14");
}

TEST(Dates, DayFirstRanges) {
  EXPECT_EQ(One("Between 1 and 5 July, troops arrested seven doctors."),
            "Between 1 and 5 July|2021-07-01|2021-07-05|range");
  EXPECT_EQ(One("from 3 to 5 March 2020 it rained"),
            "from 3 to 5 March 2020|2020-03-03|2020-03-05|range");
  EXPECT_EQ(One("on 1-2 July fighting raged"), "1-2 July|2021-07-01|2021-07-02|range");
  // "between 5 and 1 July" is no range; "5 July" alone is still read.
  EXPECT_EQ(One("between 5 and 1 July"), "1 July|2021-07-01|2021-07-01|day");
}

TEST(Dates, StoryRelativeWithoutAnchorIsDropped) {
  EXPECT_EQ(One("A day later rockets fell."), "0 dates");
}

TEST(Dates, MonthsAndYearsAlone) {
  EXPECT_EQ(One("fighting in May killed dozens"), "May|2021-05-01|2021-05-31|month");
  EXPECT_EQ(One("fighting since December"), "December|2020-12-01|2020-12-31|month");
  EXPECT_EQ(One("fighting in July 2020"), "July 2020|2020-07-01|2020-07-31|month");
  EXPECT_EQ(One("the war in 2015 ended"), "2015|2015-01-01|2015-12-31|year");
  EXPECT_EQ(One("the 2015 deal collapsed"), "2015|2015-01-01|2015-12-31|year");
  EXPECT_EQ(One("by mid-July it was over"), "mid-July|2021-07-01|2021-07-31|month");
}

TEST(Dates, MayTheVerbIsNotAMonth) {
  EXPECT_EQ(One("Iran may respond"), "0 dates");
  EXPECT_EQ(One("May God help them"), "0 dates");
  EXPECT_EQ(One("They march on"), "0 dates");
}

TEST(Dates, Ranges) {
  EXPECT_EQ(One("between June 20 and 27 the base was hit"),
            "between June 20 and 27|2021-06-20|2021-06-27|range");
  EXPECT_EQ(One("from May 10 to 21 the war raged"),
            "from May 10 to 21|2021-05-10|2021-05-21|range");
  EXPECT_EQ(One("on June 20-27 the base was hit"), "June 20-27|2021-06-20|2021-06-27|range");
  EXPECT_EQ(One("from May 28 to June 2 the war raged"),
            "from May 28 to June 2|2021-05-28|2021-06-02|range");
}

// A year after a range's end closes the whole range: both days take it (found by text_fuzz,
// which saw "July 8-14, 2005" begin in the publication year and end in 2006).
TEST(Dates, RangeWithTheYearAfterItsEnd) {
  EXPECT_EQ(One("on July 8-14, 2005 the base was hit"),
            "July 8-14, 2005|2005-07-08|2005-07-14|range");
  EXPECT_EQ(One("from December 28 to January 3, 2019 the war raged"),
            "from December 28 to January 3, 2019|2018-12-28|2019-01-03|range");
  EXPECT_EQ(One("from June 2, 2020 to July 4 the war raged"),
            "from June 2, 2020 to July 4|2020-06-02|2020-07-04|range");
}

TEST(Dates, NoRangeEverEndsBeforeItBegins) {
  for (const char* body : {"July 8- 14, 2005 .", "from May 30 to May 2, 2003 it went on",
                           "between March 31 and 2, 1999", "December 31 - 1, 2000"}) {
    for (const auto& d : Dates(body, kPub)) EXPECT_LE(d.begin, d.end) << body << ": " << d.text;
  }
}

TEST(Dates, DatesAreNotNumbers) {
  AnalyzedText a = Analyze("On July 7 two weeks ago 14 rockets hit.", kPub);
  ASSERT_EQ(a.sentences.size(), 1u);
  ASSERT_EQ(a.sentences[0].numbers.size(), 1u);
  EXPECT_EQ(a.sentences[0].numbers[0].value, 14);
}

TEST(Dates, NoPublicationDate) {
  EXPECT_EQ(One("on Sunday rockets fell", std::nullopt), "0 dates");
  EXPECT_EQ(One("on July 7, 2021 rockets fell", std::nullopt),
            "July 7, 2021|2021-07-07|2021-07-07|day");
  // A year stated earlier serves a later month and day.
  auto d = Dates("In 2019 it began. On March 3 rockets fell.", std::nullopt);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[1].begin, "2019-03-03");
}

}  // namespace
}  // namespace sitrep
