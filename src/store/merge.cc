#include "store/merge.h"

#include <algorithm>
#include <cctype>

#include "base/hash.h"
#include "store/geo_math.h"

namespace sitrep::store {
namespace {

bool Coarse(const std::string& precision) {
  return precision == "admin1" || precision == "region" || precision == "country";
}

bool SameName(const std::string& a, const std::string& b) {
  if (a.empty() || a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

bool ActorsCompatible(const std::string& a, const std::string& b) {
  return a.empty() || b.empty() || a == b;
}

bool PlacesCompatible(const MergeKey& a, const MergeKey& b) {
  if (!a.located && !b.located) {
    // No place on either side: only an exact, fully known actor pair is evidence enough.
    return !a.source_code.empty() && !a.target_code.empty() && a.source_code == b.source_code &&
           a.target_code == b.target_code;
  }
  if (a.located != b.located) return false;
  bool same_site = SameName(a.place, b.place) && a.country == b.country;
  // A country or province centroid says nothing about distance: those match by name only.
  if (Coarse(a.precision) || Coarse(b.precision)) return same_site && a.precision == b.precision;
  return same_site || HaversineKm(a.lat, a.lon, b.lat, b.lon) <= kMergeRadiusKm;
}

}  // namespace

std::string RootOf(const Event& e) {
  return e.root.empty() ? e.cameo.substr(0, std::min<size_t>(2, e.cameo.size())) : e.root;
}

MergeKey KeyOf(const Event& e) {
  MergeKey k;
  k.begin = e.date.begin.days();
  k.end = e.date.end.days();
  k.root = RootOf(e);
  if (e.source) k.source_code = e.source->code;
  if (e.target) k.target_code = e.target->code;
  if (e.location) {
    k.located = true;
    k.place = e.location->text;
    k.country = e.location->country;
    k.precision = e.location->precision;
    k.lat = e.location->lat;
    k.lon = e.location->lon;
  }
  return k;
}

bool Mergeable(const MergeKey& k) {
  return k.end - k.begin <= kMaxMergeSpanDays && !k.root.empty();
}

bool SameHappening(const MergeKey& a, const MergeKey& b) {
  return Mergeable(a) && Mergeable(b) && a.root == b.root && a.begin <= b.end && b.begin <= a.end &&
         ActorsCompatible(a.source_code, b.source_code) &&
         ActorsCompatible(a.target_code, b.target_code) && PlacesCompatible(a, b);
}

double MatchScore(const MergeKey& a, const MergeKey& b) {
  double score = 0;
  if (!a.source_code.empty() && a.source_code == b.source_code) score += 2;
  if (!a.target_code.empty() && a.target_code == b.target_code) score += 2;
  if (a.begin == b.begin && a.end == b.end) score += 1;
  if (a.located && b.located) score += 1 - HaversineKm(a.lat, a.lon, b.lat, b.lon) / 100;
  return score;
}

int32_t BucketOf(int32_t day) {
  return day >= 0 ? day / kBucketDays : (day - kBucketDays + 1) / kBucketDays;
}

std::vector<int64_t> MergeLockKeys(const MergeKey& k) {
  std::vector<int64_t> keys;
  if (!Mergeable(k)) return keys;
  for (int32_t b = BucketOf(k.begin); b <= BucketOf(k.end); ++b)
    keys.push_back(static_cast<int64_t>(Fnv1a64("merge:" + k.root + ":" + std::to_string(b))));
  return keys;
}

}  // namespace sitrep::store
