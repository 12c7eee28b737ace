// The candidate blocks answer look-ups by binary search over a compact index; they must return
// exactly what a scan of every event for the same conditions would, and never drop an event
// that SameHappening() accepts.
#include "store/candidate_cache.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace sitrep::store {
namespace {

MergeCandidate Candidate(int n, int32_t begin, int32_t end, std::string source = "",
                         std::string target = "", bool located = false) {
  MergeCandidate c;
  c.id = "e" + std::to_string(n);
  c.key.begin = begin;
  c.key.end = end;
  c.key.root = "19";
  c.key.source_code = std::move(source);
  c.key.target_code = std::move(target);
  c.key.located = located;
  return c;
}

bool ActorsAllow(const std::string& a, const std::string& b) {
  return a.empty() || b.empty() || a == b;
}

std::set<std::string> Scan(const std::vector<MergeCandidate>& all, const MergeKey& q) {
  std::set<std::string> ids;
  for (const MergeCandidate& c : all)
    if (c.key.begin <= q.end && c.key.end >= q.begin &&
        c.key.end - c.key.begin <= kMaxMergeSpanDays && c.key.located == q.located &&
        ActorsAllow(c.key.source_code, q.source_code) &&
        ActorsAllow(c.key.target_code, q.target_code))
      ids.insert(c.id);
  return ids;
}

std::set<std::string> Ids(const std::vector<const MergeCandidate*>& found) {
  std::set<std::string> ids;
  for (const MergeCandidate* c : found) ids.insert(c->id);
  EXPECT_EQ(ids.size(), found.size()) << "an event returned twice";
  return ids;
}

std::set<std::string> Find(const CandidateBlock& block, const MergeKey& q) {
  std::vector<const MergeCandidate*> found;
  block.AppendCandidates(CandidateQuery(q), found);
  return Ids(found);
}

TEST(CandidateBlockTest, LookUpMatchesAFullScan) {
  const std::vector<std::string> actors = {"", "USAMIL", "IRQREB", "IRNMIL"};
  std::mt19937 rng(11);
  auto pick = [&] { return actors[rng() % actors.size()]; };
  for (int round = 0; round < 50; ++round) {
    std::vector<MergeCandidate> loaded, all;
    int n = 0;
    auto random_candidate = [&](int wide_one_in) {
      int32_t begin = static_cast<int32_t>(rng() % 14) - 3;  // both sides of day 0
      // Mostly one-day events, some spans, some too wide to merge.
      int32_t span = rng() % wide_one_in == 0 ? static_cast<int32_t>(rng() % 45) : 0;
      return Candidate(n++, begin, begin + span, pick(), pick(), rng() % 4 != 0);
    };
    for (int i = 0; i < 40; ++i) loaded.push_back(random_candidate(4));
    all = loaded;
    CandidateBlock block(loaded);
    for (int i = 0; i < 20; ++i) {  // events added after the load, in any order
      MergeCandidate c = random_candidate(3);
      all.push_back(c);
      block.Insert(c);
    }
    EXPECT_EQ(block.size(), all.size());
    for (int32_t begin = -40; begin <= 20; ++begin) {
      for (int32_t end : {begin, begin + 1, begin + 9}) {
        MergeKey q = Candidate(-1, begin, end, pick(), pick(), rng() % 2 == 0).key;
        EXPECT_EQ(Find(block, q), Scan(all, q))
            << "round " << round << " days " << begin << ".." << end << " actors " << q.source_code
            << "/" << q.target_code;
      }
    }
  }
}

TEST(CandidateBlockTest, WideSpanAddedLaterIsStillFound) {
  CandidateBlock block({Candidate(1, 10, 10)});
  block.Insert(Candidate(2, 0, 20));  // starts long before the look-up day
  EXPECT_EQ(Find(block, Candidate(0, 15, 15).key), (std::set<std::string>{"e2"}));
}

TEST(CandidateBlockTest, EveryEventSameHappeningAcceptsIsACandidate) {
  // Keys that do merge, each with one field made as loose as the rule allows.
  MergeKey report = Candidate(0, 5, 5, "USAMIL", "IRQREB", true).key;
  report.place = "Erbil";
  report.country = "IRQ";
  report.precision = "city";
  std::vector<MergeCandidate> stored;
  for (int i = 0; i < 4; ++i) {
    MergeCandidate c{"e" + std::to_string(i), report};
    stored.push_back(c);
  }
  stored[1].key.source_code = "";  // unknown source
  stored[2].key.target_code = "";  // unknown target
  stored[3].key.begin = 2;         // a span that covers the day
  stored[3].key.end = 9;
  CandidateBlock block(stored);
  std::set<std::string> found = Find(block, report);
  for (const MergeCandidate& c : stored) {
    ASSERT_TRUE(SameHappening(report, c.key)) << c.id;
    EXPECT_TRUE(found.count(c.id)) << c.id << " is the same happening but was not a candidate";
  }
}

TEST(CandidateBlockTest, DifferentKnownActorsAreNotCandidates) {
  CandidateBlock block({Candidate(1, 5, 5, "USAMIL", "IRQREB", true),
                        Candidate(2, 5, 5, "IRNMIL", "IRQREB", true),
                        Candidate(3, 5, 5, "USAMIL", "SYRGOV", true)});
  EXPECT_EQ(Find(block, Candidate(0, 5, 5, "USAMIL", "IRQREB", true).key),
            (std::set<std::string>{"e1"}));
}

TEST(ActorPrintTest, UnknownIsZeroAndKnownNeverIs) {
  EXPECT_EQ(ActorPrint(""), 0u);
  for (const char* code : {"USA", "IRQREB", "A", "ZZZZZZZZZ"}) EXPECT_NE(ActorPrint(code), 0u);
  EXPECT_EQ(ActorPrint("USAMIL"), ActorPrint(std::string("USA") + "MIL"));
}

CandidateBlock BlockOf(int n, int32_t week) {
  std::vector<MergeCandidate> events;
  for (int i = 0; i < n; ++i) events.push_back(Candidate(week * 100 + i, week * 7, week * 7));
  return CandidateBlock(std::move(events));
}

TEST(CandidateCacheTest, TrimDropsTheBlocksUsedLongestAgoUntilUnderTheBound) {
  CandidateCache cache(100);
  uint32_t root = cache.RootId("19");
  for (int32_t week = 0; week < 10; ++week) cache.Put(root, week, BlockOf(10, week));
  cache.Trim();  // 100 of 100: nothing goes
  EXPECT_EQ(cache.size(), 100u);
  // The next batch uses weeks 0-2 again and adds 10-12.
  for (int32_t week : {0, 1, 2}) ASSERT_NE(cache.Find(root, week), nullptr);
  for (int32_t week = 10; week < 13; ++week) cache.Put(root, week, BlockOf(10, week));
  cache.Trim();  // 130 of 100: down to 90, four of the seven blocks not used since go
  EXPECT_EQ(cache.size(), 90u);
  int unused_kept = 0;
  for (int32_t week = 3; week < 10; ++week) unused_kept += cache.Find(root, week) != nullptr;
  EXPECT_EQ(unused_kept, 3);
  for (int32_t week : {0, 1, 2, 10, 11, 12}) EXPECT_NE(cache.Find(root, week), nullptr) << week;
}

TEST(CandidateCacheTest, ReplacingABlockCountsItsEventsOnce) {
  CandidateCache cache(100);
  uint32_t root = cache.RootId("19");
  cache.Put(root, 3, BlockOf(10, 3));
  cache.Put(root, 3, BlockOf(12, 3));
  EXPECT_EQ(cache.size(), 12u);
}

TEST(CandidateCacheTest, ACompleteCacheIsNeverTrimmed) {
  CandidateCache cache(10);
  uint32_t root = cache.RootId("19");
  cache.SetComplete(true);
  for (int32_t week = 0; week < 5; ++week) cache.Put(root, week, BlockOf(10, week));
  cache.Trim();
  EXPECT_EQ(cache.size(), 50u);
}

// A look-up skips a cached block whose mergeable events all ended before its day, and tells
// that apart from a block that is not cached; weeks may be cached in any order, before the
// first one too, for any root.
TEST(CandidateCacheTest, FindEndingFromSkipsBlocksThatEndedBeforeTheDay) {
  CandidateCache cache(1000);
  uint32_t root = cache.RootId("19"), other = cache.RootId("18");
  cache.Put(root, 10, BlockOf(3, 10));  // events on day 70
  cache.Put(root, 4, BlockOf(3, 4));    // day 28, before the first cached week
  bool cached = false;
  EXPECT_NE(cache.FindEndingFrom(root, 10, 70, cached), nullptr);
  EXPECT_TRUE(cached);
  EXPECT_EQ(cache.FindEndingFrom(root, 10, 71, cached), nullptr);
  EXPECT_TRUE(cached);
  EXPECT_NE(cache.FindEndingFrom(root, 4, 20, cached), nullptr);
  EXPECT_EQ(cache.FindEndingFrom(root, 7, 0, cached), nullptr);  // between: not cached
  EXPECT_FALSE(cached);
  EXPECT_EQ(cache.FindEndingFrom(other, 10, 0, cached), nullptr);
  EXPECT_FALSE(cached);
  // An added event that ends later makes the block a candidate for later days.
  MergeCandidate wide = Candidate(99, 71, 80);
  cache.Add(wide.id, wide.key);
  EXPECT_NE(cache.FindEndingFrom(root, 10, 75, cached), nullptr);
  EXPECT_EQ(cache.size(), 7u);
  // An event too wide to merge does not count.
  MergeCandidate too_wide = Candidate(98, 72, 72 + kMaxMergeSpanDays + 5);
  cache.Add(too_wide.id, too_wide.key);
  EXPECT_EQ(cache.FindEndingFrom(root, 10, 81, cached), nullptr);
  EXPECT_TRUE(cached);
  cache.Clear();
  EXPECT_EQ(cache.FindEndingFrom(root, 10, 0, cached), nullptr);
  EXPECT_FALSE(cached);
  EXPECT_EQ(cache.size(), 0u);
}

}  // namespace
}  // namespace sitrep::store
