// The cross-article de-duplication rule: when two reports describe the same happening, and
// the keys that let concurrent writers merge without races. Documented in docs/store.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/event.h"

namespace sitrep::store {

constexpr double kMergeRadiusKm = 10.0;
constexpr int kMaxMergeSpanDays = 31;  // wider (year-precision) events never merge
constexpr int kBucketDays = 7;         // merge-lock granularity

// What the merge rule looks at, for a stored event or a new report.
struct MergeKey {
  int32_t begin = 0, end = 0;  // days since 1970-01-01, inclusive
  std::string root;
  std::string source_code, target_code;  // "" when the actor is unknown
  bool located = false;
  std::string place, country, precision;
  double lat = 0, lon = 0;
};

MergeKey KeyOf(const Event& e);
// The event's CAMEO root: its own, else the first two digits of its code.
std::string RootOf(const Event& e);
// Whether report `a` and event `b` are the same happening (symmetric).
bool SameHappening(const MergeKey& a, const MergeKey& b);
// How well they match, to choose among several candidates: higher is better.
double MatchScore(const MergeKey& a, const MergeKey& b);
// Whether this report could merge at all (its span is narrow enough).
bool Mergeable(const MergeKey& k);
// The lock keys (root × week buckets its range touches) a writer holds while merging `k`:
// two reports that could merge share at least one key.
std::vector<int64_t> MergeLockKeys(const MergeKey& k);
// The merge bucket (7-day week, floor division) that a day number falls in.
int32_t BucketOf(int32_t day);

}  // namespace sitrep::store
