// sitrep trend: event series from the store (per day or week, by dyad, CAMEO root, ACLED type,
// country or admin-1 area) with Poisson CUSUM change points; a table, JSON Lines, or an SVG.
#include <fmt/format.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "analyze/analyze.h"
#include "cli/analytics_options.h"
#include "cli/commands.h"
#include "cli/options.h"

namespace sitrep::cli {
namespace {

struct TrendOptions {
  StoreFilterOptions store;
  std::string by = "dyad", bucket = "day", format, svg;
  size_t top = 10;
  analyze::CusumOptions cusum;
};

std::string Percent(double share) {
  return fmt::format("{:.0f}%", 100 * share);
}

std::string Weapons(const analyze::SeverityMix& m) {
  std::string out;
  for (const auto& [kind, n] : m.weapons)
    if (kind != "none") out += fmt::format("{}{} {}", out.empty() ? "" : ", ", kind, n);
  return out.empty() ? "-" : out;
}

void PrintTable(const std::vector<analyze::Series>& series,
                const std::vector<analyze::ChangePoint>& alarms, const TrendOptions& o) {
  std::string header = fmt::format("{} per {}", o.by, o.bucket);
  std::printf("%-22s %7s %9s %6s %8s %7s  %-24s %s\n", header.c_str(), "events", "intensity",
              "fatal", "material", "lethal", "weapons", "change points");
  for (const analyze::Series& s : series) {
    double intensity = 0;
    for (double x : s.intensity) intensity += x;
    std::string marks;
    for (const analyze::ChangePoint& cp : alarms)
      if (cp.series == s.key)
        marks += fmt::format("{}{} ×{:.1f}", marks.empty() ? "" : "; ", cp.alarm.Iso(), cp.ratio);
    std::printf("%-22s %7d %9.1f %6d %8s %7s  %-24s %s\n", s.key.c_str(), s.total(), intensity,
                s.mix.fatalities, Percent(s.mix.material_conflict_share).c_str(),
                Percent(s.mix.lethal_share).c_str(), Weapons(s.mix).c_str(),
                marks.empty() ? "-" : marks.c_str());
  }
  if (series.empty()) std::printf("(no events)\n");
  for (const analyze::ChangePoint& cp : alarms)
    std::printf(
        "change point %s: from %s, alarm %s, %.2f -> %.2f per %s (×%.1f), S=%.2f > h=%.2f\n",
        cp.series.c_str(), cp.change.Iso().c_str(), cp.alarm.Iso().c_str(), cp.rate_before,
        cp.rate_after, o.bucket.c_str(), cp.ratio, cp.statistic, cp.threshold);
}

void PrintJsonl(const std::vector<analyze::Series>& series,
                const std::vector<analyze::ChangePoint>& alarms) {
  for (const analyze::Series& s : series) {
    nlohmann::json j = analyze::ToJson(s);
    j["type"] = "series";
    std::cout << j.dump() << '\n';
  }
  for (const analyze::ChangePoint& cp : alarms) {
    nlohmann::json j = analyze::ToJson(cp);
    j["type"] = "change_point";
    std::cout << j.dump() << '\n';
  }
}

int Run(TrendOptions& o) {
  auto bucket = analyze::ParseBucket(o.bucket);
  auto by = analyze::ParseGroupBy(o.by);
  bool usage_error = false;
  auto events = LoadEvents(o.store, usage_error);
  if (!events) {
    std::fprintf(stderr, "sitrep trend: %s\n", events.error().c_str());
    return usage_error ? 2 : 1;
  }
  analyze::SeriesOptions series_options;
  series_options.bucket = *bucket;
  series_options.by = *by;
  series_options.from = o.store.query.from;
  series_options.to = o.store.query.to;
  series_options.top = o.top;
  auto series = analyze::BuildSeries(*events, series_options);
  std::vector<analyze::ChangePoint> alarms;
  for (const analyze::Series& s : series)
    for (const analyze::ChangePoint& cp : analyze::DetectChangePoints(s, o.cusum))
      alarms.push_back(cp);
  if (!o.svg.empty()) {
    analyze::SvgOptions svg;
    svg.title = fmt::format("sitrep: events per {} by {}", o.bucket, o.by);
    std::ofstream out(o.svg);
    out << analyze::RenderSvg(series, alarms, svg);
    if (!out) {
      std::fprintf(stderr, "sitrep trend: cannot write '%s'\n", o.svg.c_str());
      return 1;
    }
  }
  std::ios::sync_with_stdio(false);
  if ((o.format.empty() ? DefaultFormat() : o.format) == "table") {
    PrintTable(series, alarms, o);
    std::fflush(stdout);
  } else {
    PrintJsonl(series, alarms);
  }
  return 0;
}

}  // namespace

Runner AddTrend(CLI::App& app) {
  CLI::App* sub = app.add_subcommand("trend", "escalation series and change points from the store");
  auto o = std::make_shared<TrendOptions>();
  AddStoreFilterOptions(sub, o->store);
  sub->add_option("--by", o->by,
                  "series per dyad, root (CAMEO), acled (type), country, admin1 "
                  "or all (default dyad)")
      ->check(CLI::IsMember({"dyad", "root", "acled", "country", "admin1", "all"}));
  sub->add_option("--bucket", o->bucket, "day or week (default day)")
      ->check(CLI::IsMember({"day", "week"}));
  sub->add_option("--top", o->top, "the N series with most events (default 10, 0: all)");
  sub->add_option("--svg", o->svg, "also draw the series and change points to this SVG file");
  sub->add_option("--arl0", o->cusum.arl0_days,
                  "CUSUM in-control average run length in days: one false alarm per this many "
                  "days and series (default 730)")
      ->check(CLI::PositiveNumber);
  sub->add_option("--ratio", o->cusum.ratio, "rate increase the CUSUM is tuned to (default 2)")
      ->check(CLI::Range(1.05, 100.0));
  sub->add_option("--training", o->cusum.training_buckets,
                  "buckets of the baseline training window (default 28)")
      ->check(CLI::Range(1, 10000));
  AddFormatOption(sub, o->format, "table|jsonl");
  return [o] { return Run(*o); };
}

}  // namespace sitrep::cli
