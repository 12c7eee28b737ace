// An article with no publication date whose events the text does not date is named on stderr
// (its events carry day 0), and only then.
#include <gtest/gtest.h>

#include "pipeline/pipeline.h"

namespace sitrep {
namespace {

CodedArticle WithEvents(std::optional<Date> published, std::vector<Date> event_days) {
  CodedArticle coded;
  coded.article.origin = "inbox/report.txt";
  coded.article.published = published;
  for (Date d : event_days) {
    Event e;
    e.date = DateRange::Day(d);
    coded.events.push_back(e);
  }
  return coded;
}

TEST(UndatedEventsWarning, NamesTheArticleAndCountsItsUndatedEvents) {
  std::string w =
      UndatedEventsWarning(WithEvents(std::nullopt, {Date{}, Date::FromYmd(2022, 3, 1), Date{}}));
  EXPECT_NE(w.find("inbox/report.txt"), std::string::npos) << w;
  EXPECT_NE(w.find("2 events"), std::string::npos) << w;
  EXPECT_NE(w.find("--published"), std::string::npos) << w;
}

TEST(UndatedEventsWarning, SilentWhenEveryEventHasADate) {
  EXPECT_EQ(UndatedEventsWarning(WithEvents(std::nullopt, {Date::FromYmd(2022, 3, 1)})), "");
  EXPECT_EQ(UndatedEventsWarning(WithEvents(Date::FromYmd(2022, 3, 3), {})), "");
  EXPECT_EQ(UndatedEventsWarning(WithEvents(std::nullopt, {})), "");
}

}  // namespace
}  // namespace sitrep
