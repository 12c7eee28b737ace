#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "analyze/analyze.h"
#include "helpers.h"

namespace sitrep::analyze {
namespace {

using testing::MakeEvent;

SeriesOptions Options(Bucket bucket, GroupBy by, size_t top = 0) {
  SeriesOptions o;
  o.bucket = bucket;
  o.by = by;
  o.top = top;
  return o;
}

std::vector<Event> Sample() {
  Date d = Date::FromYmd(2021, 6, 27);  // a Sunday
  std::vector<Event> events = {
      MakeEvent("a", d, "USAMIL", "IRQMIL", "195", 4),
      MakeEvent("b", d + 9, "", "USAMIL", "183"),
      MakeEvent("c", d + 10, "IRQMIL", "USAMIL", "190", 0),
      MakeEvent("d", d + 10, "IRNGOV", "USAGOV", "112"),
      MakeEvent("e", d + 1, "USAGOV", "IRQGOV", "042"),
  };
  events[0].weapon = Weapon{"airstrike", std::nullopt};
  events[1].weapon = Weapon{"rocket", 14};
  Location erbil;
  erbil.country = "IRQ";
  erbil.admin1 = "Erbil";
  events[1].location = erbil;
  events[1].acled_type = "Explosions/Remote violence";
  return events;
}

TEST(Series, DailyCountsByDyadCoverTheWholeRange) {
  auto series = BuildSeries(Sample(), Options(Bucket::kDay, GroupBy::kDyad));
  ASSERT_EQ(series.size(), 4u);
  EXPECT_EQ(series[0].key, "USA>IRQ");  // most events first
  EXPECT_EQ(series[0].total(), 2);
  EXPECT_EQ(series[0].counts.size(), 11u);
  EXPECT_EQ(series[0].counts[0], 1);
  EXPECT_EQ(series[0].counts[1], 1);
  EXPECT_EQ(series[0].start, Date::FromYmd(2021, 6, 27));
  // Intensity counts conflict only: the 042 visit adds nothing, the airstrike 10.
  EXPECT_DOUBLE_EQ(series[0].intensity[0], 10);
  EXPECT_DOUBLE_EQ(series[0].intensity[1], 0);
  EXPECT_EQ(series[0].fatalities[0], 4);
}

TEST(Series, UnknownSourceIsItsOwnSide) {
  auto series = BuildSeries(Sample(), Options(Bucket::kDay, GroupBy::kDyad));
  bool found = false;
  for (const Series& s : series) found |= s.key == "?>USA";
  EXPECT_TRUE(found);
}

TEST(Series, WeeksStartOnMonday) {
  auto series = BuildSeries(Sample(), Options(Bucket::kWeek, GroupBy::kAll));
  ASSERT_EQ(series.size(), 1u);
  EXPECT_EQ(series[0].start, Date::FromYmd(2021, 6, 21));
  EXPECT_EQ(series[0].BucketStart(1), Date::FromYmd(2021, 6, 28));
  ASSERT_EQ(series[0].counts.size(), 3u);
  EXPECT_EQ(series[0].counts[0], 1);  // Sunday 27 June
  EXPECT_EQ(series[0].counts[1], 1);  // Monday 28 June
  EXPECT_EQ(series[0].counts[2], 3);  // 6 and 7 July
}

TEST(Series, OtherGroupings) {
  auto roots = BuildSeries(Sample(), Options(Bucket::kDay, GroupBy::kRoot));
  EXPECT_EQ(roots.size(), 4u);
  auto areas = BuildSeries(Sample(), Options(Bucket::kDay, GroupBy::kAdmin1));
  std::set<std::string> keys;
  for (const Series& s : areas) keys.insert(s.key);
  EXPECT_TRUE(keys.count("IRQ/Erbil"));
  EXPECT_TRUE(keys.count("?/?"));
  auto acled = BuildSeries(Sample(), Options(Bucket::kDay, GroupBy::kAcledType));
  EXPECT_EQ(acled[0].key, "none");
  EXPECT_EQ(acled[0].total(), 4);
  auto top = BuildSeries(Sample(), Options(Bucket::kDay, GroupBy::kRoot, 2));
  EXPECT_EQ(top.size(), 2u);
}

TEST(Series, FromToClipAndExtend) {
  SeriesOptions o = Options(Bucket::kDay, GroupBy::kAll);
  o.from = Date::FromYmd(2021, 7, 1);
  o.to = Date::FromYmd(2021, 7, 31);
  auto series = BuildSeries(Sample(), o);
  ASSERT_EQ(series.size(), 1u);
  EXPECT_EQ(series[0].counts.size(), 31u);
  EXPECT_EQ(series[0].total(), 3);
}

TEST(Series, SeverityMix) {
  SeverityMix m = ComputeSeverity(Sample());
  EXPECT_EQ(m.events, 5);
  EXPECT_DOUBLE_EQ(m.material_conflict_share, 3.0 / 5);  // 195, 183, 190
  EXPECT_DOUBLE_EQ(m.lethal_share, 1.0 / 5);
  EXPECT_EQ(m.fatalities, 4);
  EXPECT_EQ(m.weapons["rocket"], 1);
  EXPECT_EQ(m.weapons["airstrike"], 1);
  EXPECT_EQ(m.weapons["none"], 3);
}

TEST(Series, JsonCarriesDatesAndCounts) {
  auto series = BuildSeries(Sample(), Options(Bucket::kWeek, GroupBy::kAll));
  nlohmann::json j = ToJson(series[0]);
  EXPECT_EQ(j["dates"][0], "2021-06-21");
  EXPECT_EQ(j["counts"][2], 3);
  EXPECT_EQ(j["bucket"], "week");
  EXPECT_EQ(j["severity"]["fatalities"], 4);
}

TEST(Series, NamesRoundTrip) {
  for (auto g : {GroupBy::kAll, GroupBy::kDyad, GroupBy::kRoot, GroupBy::kAcledType,
                 GroupBy::kCountry, GroupBy::kAdmin1})
    EXPECT_EQ(ParseGroupBy(GroupByName(g)), g);
  EXPECT_EQ(ParseBucket("week"), Bucket::kWeek);
  EXPECT_FALSE(ParseBucket("month"));
}

}  // namespace
}  // namespace sitrep::analyze
