// Count, intensity and fatality series per bucket and group, and the severity mix.
#include <algorithm>
#include <map>

#include "analyze/analyze.h"

namespace sitrep::analyze {
namespace {

Date BucketOf(Date d, Bucket b) {
  if (b == Bucket::kDay) return d;
  return d - (d.weekday() + 6) % 7;  // back to Monday
}

int BucketDays(Bucket b) {
  return b == Bucket::kDay ? 1 : 7;
}

std::string GroupKey(const Event& e, GroupBy by) {
  switch (by) {
    case GroupBy::kAll:
      return "all";
    case GroupBy::kDyad:
      return DyadKey(e);
    case GroupBy::kRoot:
      return e.root.empty() ? "?" : e.root;
    case GroupBy::kAcledType:
      return e.acled_type ? *e.acled_type : "none";
    case GroupBy::kCountry:
      return e.location && !e.location->country.empty() ? e.location->country : "?";
    case GroupBy::kAdmin1: {
      if (!e.location) return "?/?";
      const Location& l = *e.location;
      return (l.country.empty() ? "?" : l.country) + "/" + (l.admin1.empty() ? "?" : l.admin1);
    }
  }
  return "?";
}

}  // namespace

std::optional<Bucket> ParseBucket(const std::string& name) {
  if (name == "day") return Bucket::kDay;
  if (name == "week") return Bucket::kWeek;
  return std::nullopt;
}

std::optional<GroupBy> ParseGroupBy(const std::string& name) {
  for (GroupBy g : {GroupBy::kAll, GroupBy::kDyad, GroupBy::kRoot, GroupBy::kAcledType,
                    GroupBy::kCountry, GroupBy::kAdmin1})
    if (GroupByName(g) == name) return g;
  return std::nullopt;
}

std::string BucketName(Bucket b) {
  return b == Bucket::kDay ? "day" : "week";
}

std::string GroupByName(GroupBy g) {
  switch (g) {
    case GroupBy::kAll:
      return "all";
    case GroupBy::kDyad:
      return "dyad";
    case GroupBy::kRoot:
      return "root";
    case GroupBy::kAcledType:
      return "acled";
    case GroupBy::kCountry:
      return "country";
    case GroupBy::kAdmin1:
      return "admin1";
  }
  return "all";
}

int Series::total() const {
  int n = 0;
  for (int c : counts) n += c;
  return n;
}

Date Series::BucketStart(size_t i) const {
  return start + static_cast<int>(i) * BucketDays(bucket);
}

std::string ActorKey(const std::optional<Actor>& a) {
  if (!a) return "?";
  if (!a->country.empty()) return a->country;
  if (!a->code.empty()) return a->code;
  return "?";
}

std::string DyadKey(const Event& e) {
  return ActorKey(e.source) + ">" + ActorKey(e.target);
}

bool IsConflict(const Event& e) {
  return e.quad_class == 3 || e.quad_class == 4;
}

SeverityMix ComputeSeverity(const std::vector<Event>& events) {
  SeverityMix m;
  int material = 0, lethal = 0;
  for (const Event& e : events) {
    ++m.events;
    if (e.quad_class == 4) ++material;
    if (e.fatalities.value_or(0) > 0) ++lethal;
    m.fatalities += e.fatalities.value_or(0);
    ++m.weapons[e.weapon && !e.weapon->kind.empty() ? e.weapon->kind : "none"];
  }
  if (m.events > 0) {
    m.material_conflict_share = static_cast<double>(material) / m.events;
    m.lethal_share = static_cast<double>(lethal) / m.events;
  }
  return m;
}

std::vector<Series> BuildSeries(const std::vector<Event>& events, const SeriesOptions& options) {
  if (events.empty() && (!options.from || !options.to)) return {};
  Date first = options.from ? *options.from : events.front().date.begin;
  Date last = options.to ? *options.to : events.front().date.begin;
  if (!options.from || !options.to)
    for (const Event& e : events) {
      if (!options.from) first = std::min(first, e.date.begin);
      if (!options.to) last = std::max(last, e.date.begin);
    }
  Date start = BucketOf(first, options.bucket);
  Date end = BucketOf(last, options.bucket);
  if (end < start) return {};
  size_t buckets = static_cast<size_t>((end - start) / BucketDays(options.bucket)) + 1;

  std::map<std::string, std::vector<const Event*>> groups;
  for (const Event& e : events)
    if (e.date.begin >= first && e.date.begin <= last)
      groups[GroupKey(e, options.by)].push_back(&e);

  std::vector<Series> out;
  for (auto& [key, members] : groups) {
    Series s;
    s.key = key;
    s.by = options.by;
    s.bucket = options.bucket;
    s.start = start;
    s.counts.assign(buckets, 0);
    s.intensity.assign(buckets, 0);
    s.fatalities.assign(buckets, 0);
    std::vector<Event> copies;
    for (const Event* e : members) {
      size_t i = static_cast<size_t>((BucketOf(e->date.begin, options.bucket) - start) /
                                     BucketDays(options.bucket));
      ++s.counts[i];
      if (IsConflict(*e)) s.intensity[i] += -e->goldstein;
      s.fatalities[i] += e->fatalities.value_or(0);
      copies.push_back(*e);
    }
    s.mix = ComputeSeverity(copies);
    out.push_back(std::move(s));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Series& a, const Series& b) { return a.total() > b.total(); });
  if (options.top > 0 && out.size() > options.top) out.resize(options.top);
  return out;
}

}  // namespace sitrep::analyze
