// The candidate blocks answer overlap look-ups by binary search; they must return exactly what
// a scan of every event would.
#include "store/candidate_cache.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace sitrep::store {
namespace {

MergeCandidate Candidate(int n, int32_t begin, int32_t end) {
  MergeCandidate c;
  c.id = "e" + std::to_string(n);
  c.key.begin = begin;
  c.key.end = end;
  c.key.root = "19";
  return c;
}

std::set<std::string> ScanOverlapping(const std::vector<MergeCandidate>& all, int32_t begin,
                                      int32_t end) {
  std::set<std::string> ids;
  for (const MergeCandidate& c : all)
    if (c.key.begin <= end && c.key.end >= begin && c.key.end - c.key.begin <= kMaxMergeSpanDays)
      ids.insert(c.id);
  return ids;
}

std::set<std::string> Ids(const std::vector<const MergeCandidate*>& found) {
  std::set<std::string> ids;
  for (const MergeCandidate* c : found) ids.insert(c->id);
  EXPECT_EQ(ids.size(), found.size()) << "an event returned twice";
  return ids;
}

TEST(CandidateBlockTest, OverlapLookUpMatchesAFullScan) {
  std::mt19937 rng(11);
  for (int round = 0; round < 50; ++round) {
    std::vector<MergeCandidate> loaded, all;
    int n = 0;
    for (int i = 0; i < 40; ++i) {
      int32_t begin = static_cast<int32_t>(rng() % 14) - 3;  // both sides of day 0
      // Mostly one-day events, some spans, some too wide to merge.
      int32_t span = rng() % 4 == 0 ? static_cast<int32_t>(rng() % 45) : 0;
      loaded.push_back(Candidate(n++, begin, begin + span));
    }
    all = loaded;
    CandidateBlock block(loaded);
    for (int i = 0; i < 20; ++i) {  // events added after the load, in any order
      int32_t begin = static_cast<int32_t>(rng() % 14) - 3;
      int32_t span = rng() % 3 == 0 ? static_cast<int32_t>(rng() % 40) : 0;
      MergeCandidate c = Candidate(n++, begin, begin + span);
      all.push_back(c);
      block.Insert(c);
    }
    EXPECT_EQ(block.size(), all.size());
    for (int32_t begin = -40; begin <= 20; ++begin) {
      for (int32_t end : {begin, begin + 1, begin + 9}) {
        std::vector<const MergeCandidate*> found;
        block.AppendOverlapping(begin, end, found);
        EXPECT_EQ(Ids(found), ScanOverlapping(all, begin, end))
            << "round " << round << " days " << begin << ".." << end;
      }
    }
  }
}

TEST(CandidateBlockTest, WideSpanAddedLaterIsStillFound) {
  CandidateBlock block({Candidate(1, 10, 10)});
  block.Insert(Candidate(2, 0, 20));  // starts long before the look-up day
  std::vector<const MergeCandidate*> found;
  block.AppendOverlapping(15, 15, found);
  EXPECT_EQ(Ids(found), (std::set<std::string>{"e2"}));
}

}  // namespace
}  // namespace sitrep::store
