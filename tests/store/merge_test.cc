// The merge rule on its own: which pairs of reports are the same happening, and the lock keys
// that make merging race-free (reports that could merge always share one).
#include "store/merge.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace sitrep::store {
namespace {

MergeKey Key(int begin, int end, std::string root, std::string source, std::string target,
             double lat, double lon, std::string place = "", std::string precision = "city") {
  MergeKey k;
  k.begin = begin;
  k.end = end;
  k.root = std::move(root);
  k.source_code = std::move(source);
  k.target_code = std::move(target);
  k.located = true;
  k.lat = lat;
  k.lon = lon;
  k.place = std::move(place);
  k.country = "IRQ";
  k.precision = std::move(precision);
  return k;
}

TEST(MergeRule, SameDayNearbyCompatibleActorsMerge) {
  MergeKey a = Key(100, 100, "19", "USAMIL", "IRQMIL", 33.31, 44.37);
  EXPECT_TRUE(SameHappening(a, Key(100, 100, "19", "USAMIL", "IRQMIL", 33.35, 44.40)));
  EXPECT_TRUE(SameHappening(a, Key(100, 100, "19", "", "IRQMIL", 33.31, 44.37)));  // one null
  EXPECT_TRUE(SameHappening(a, Key(98, 104, "19", "USAMIL", "", 33.31, 44.37)));   // in range
}

TEST(MergeRule, DistinctHappeningsStayApart) {
  MergeKey a = Key(100, 100, "19", "USAMIL", "IRQMIL", 33.31, 44.37);
  EXPECT_FALSE(SameHappening(a, Key(100, 100, "19", "USAMIL", "IRQMIL", 36.19, 44.01)));  // city
  EXPECT_FALSE(SameHappening(a, Key(100, 100, "18", "USAMIL", "IRQMIL", 33.31, 44.37)));  // root
  EXPECT_FALSE(SameHappening(a, Key(100, 100, "19", "IRNMIL", "IRQMIL", 33.31, 44.37)));  // actor
  EXPECT_FALSE(SameHappening(a, Key(101, 101, "19", "USAMIL", "IRQMIL", 33.31, 44.37)));  // day
  EXPECT_FALSE(SameHappening(a, Key(100, 100, "19", "USAMIL", "IRQMIL", 33.31, 44.50)));  // 12 km
  // A year-wide report overlaps everything and matches nothing.
  EXPECT_FALSE(SameHappening(a, Key(0, 364, "19", "USAMIL", "IRQMIL", 33.31, 44.37)));
}

TEST(MergeRule, CoarsePlacesMatchByNameOnly) {
  MergeKey iraq = Key(100, 100, "19", "USAMIL", "", 33.0, 44.0, "Iraq", "country");
  EXPECT_TRUE(
      SameHappening(iraq, Key(100, 100, "19", "USAMIL", "", 33.0, 44.0, "iraq", "country")));
  // A city that happens to sit next to the country's centroid is not "in Iraq, somewhere".
  EXPECT_FALSE(SameHappening(iraq, Key(100, 100, "19", "USAMIL", "", 33.0, 44.01, "Town", "city")));
}

TEST(MergeRule, UnlocatedReportsNeedTheFullActorPair) {
  MergeKey a = Key(100, 100, "19", "USAMIL", "IRQMIL", 0, 0);
  a.located = false;
  MergeKey b = a;
  EXPECT_TRUE(SameHappening(a, b));
  b.target_code = "";
  EXPECT_FALSE(SameHappening(a, b));
  MergeKey located = Key(100, 100, "19", "USAMIL", "IRQMIL", 33.31, 44.37);
  EXPECT_FALSE(SameHappening(a, located));
}

TEST(MergeRule, ReportsThatCanMergeShareALockKey) {
  for (int begin = 0; begin < 30; ++begin)
    for (int len = 0; len < 10; ++len) {
      MergeKey a = Key(begin, begin + len, "19", "", "", 0, 0);
      MergeKey b = Key(begin + len, begin + len + 3, "19", "", "", 0, 0);  // overlap one day
      auto ka = MergeLockKeys(a), kb = MergeLockKeys(b);
      bool shared = std::any_of(ka.begin(), ka.end(), [&](int64_t k) {
        return std::find(kb.begin(), kb.end(), k) != kb.end();
      });
      EXPECT_TRUE(shared) << begin << "+" << len;
    }
  EXPECT_NE(MergeLockKeys(Key(10, 10, "19", "", "", 0, 0)),
            MergeLockKeys(Key(10, 10, "18", "", "", 0, 0)));
  EXPECT_TRUE(MergeLockKeys(Key(0, 300, "19", "", "", 0, 0)).empty());  // never merges
}

}  // namespace
}  // namespace sitrep::store

namespace sitrep::store {
namespace {

// Merge locks and the writer's candidate blocks share one week boundary, before 1970 too.
TEST(MergeBuckets, WeeksAreFloorDividedOnBothSidesOfTheEpoch) {
  EXPECT_EQ(BucketOf(0), 0);
  EXPECT_EQ(BucketOf(6), 0);
  EXPECT_EQ(BucketOf(7), 1);
  EXPECT_EQ(BucketOf(-1), -1);
  EXPECT_EQ(BucketOf(-7), -1);
  EXPECT_EQ(BucketOf(-8), -2);
}

}  // namespace
}  // namespace sitrep::store
