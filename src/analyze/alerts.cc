// Alert levels per dyad and per area, each set by named, checkable reasons.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "analyze/analyze.h"

namespace sitrep::analyze {
namespace {

struct Point {  // one conflict event as the alert rules see it
  std::string id;
  Date date;
  double intensity = 0;
  int fatalities = 0;
};

struct Windows {
  Date as_of, recent_start, baseline_start;
  bool Recent(Date d) const { return d >= recent_start && d <= as_of; }
  bool Baseline(Date d) const { return d >= baseline_start && d < recent_start; }
};

void AddReason(Alert& alert, std::string kind, Level level, std::string text) {
  alert.level = std::max(alert.level, level);
  alert.reasons.push_back({std::move(kind), level, std::move(text)});
}

std::string Ratio(double x) {
  return fmt::format("×{:.1f}", x);
}

// Change point, intensity and lethality: the rules dyads and areas share.
Alert Assess(const std::string& scope, const std::string& key, const std::vector<Point>& points,
             const Windows& w, const AlertOptions& o, std::vector<ChangePoint>& change_points) {
  Alert a;
  a.scope = scope;
  a.key = key;
  double baseline = 0;
  for (const Point& p : points) {
    if (w.Recent(p.date)) {
      ++a.recent_events;
      a.recent_intensity += p.intensity;
      a.recent_fatalities += p.fatalities;
    } else if (w.Baseline(p.date)) {
      baseline += p.intensity;
    }
  }
  a.baseline_intensity = baseline * o.recent_days / std::max(1, o.baseline_days);

  Date first = points.front().date;
  std::vector<int> daily(static_cast<size_t>(w.as_of - first) + 1, 0);
  for (const Point& p : points) ++daily[static_cast<size_t>(p.date - first)];
  for (const ChangePoint& cp : DetectChangePoints(daily, first, 1, key, o.cusum)) {
    change_points.push_back(cp);
    if (!w.Recent(cp.alarm)) continue;
    AddReason(a, "change_point", cp.ratio >= o.change_ratio_red ? Level::kRed : Level::kOrange,
              fmt::format("event rate rose from {:.2f} to {:.2f} a day ({}) from {}; Poisson "
                          "CUSUM alarm on {} (S={:.2f} > h={:.2f}, ARL0 {:.0f} days)",
                          cp.rate_before, cp.rate_after, Ratio(cp.ratio), cp.change.Iso(),
                          cp.alarm.Iso(), cp.statistic, cp.threshold, o.cusum.arl0_days));
  }
  double ratio = a.recent_intensity / std::max(a.baseline_intensity, o.intensity_floor);
  if (ratio >= o.intensity_yellow)
    AddReason(a, "intensity", ratio >= o.intensity_orange ? Level::kOrange : Level::kYellow,
              fmt::format("conflict intensity {:.1f} in the last {} days vs {:.1f} expected "
                          "from the {} days before ({} the floored baseline)",
                          a.recent_intensity, o.recent_days, a.baseline_intensity, o.baseline_days,
                          Ratio(ratio)));
  if (a.recent_fatalities > 0)
    AddReason(
        a, "lethality", a.recent_fatalities >= o.fatalities_red ? Level::kRed : Level::kOrange,
        fmt::format("{} reported deaths in the last {} days", a.recent_fatalities, o.recent_days));
  return a;
}

void AddChainReasons(Alert& a, const std::string& source, const std::string& target,
                     const std::vector<RetaliationChain>& chains, const Windows& w,
                     const AlertOptions& o) {
  for (const RetaliationChain& c : chains) {
    bool ours = (c.actor_a == source && c.actor_b == target) ||
                (c.actor_a == target && c.actor_b == source);
    if (!ours) continue;
    const ChainLink* recent = nullptr;
    for (const ChainLink& l : c.links)
      if (w.Recent(l.response_date)) recent = &l;
    if (!recent) continue;
    std::string p = recent->hawkes_p
                        ? fmt::format(", Hawkes P(triggered) {:.2f}", *recent->hawkes_p)
                        : std::string();
    AddReason(a, "retaliation",
              static_cast<int>(c.links.size()) >= o.chain_links_red ? Level::kRed : Level::kOrange,
              fmt::format("action–reaction chain {}↔{} of {} events since {}; latest: {} answered "
                          "{} after {} days (strength {:.2f}{})",
                          c.actor_a, c.actor_b, c.event_ids.size(), c.begin.Iso(),
                          recent->response_date.Iso(), recent->cause_date.Iso(), recent->lag_days,
                          recent->strength, p));
    return;
  }
}

void AddForecastReason(Alert& a, const std::vector<DyadForecast>& forecasts, int baseline_events,
                       const AlertOptions& o) {
  for (const DyadForecast& f : forecasts) {
    if (f.dyad != a.key) continue;
    double expected =
        baseline_events * static_cast<double>(f.horizon_days) / std::max(1, o.baseline_days);
    if (f.mean >= 1 && f.mean >= 2 * std::max(expected, 0.25))
      AddReason(a, "forecast", Level::kYellow,
                fmt::format("Hawkes model expects {:.1f} events in the next {} days (80 % "
                            "interval {}–{}) vs {:.1f} at the baseline rate",
                            f.mean, f.horizon_days, f.lower, f.upper, expected));
    return;  // the first (shortest) horizon decides
  }
}

bool ByLevel(const Alert& x, const Alert& y) {
  if (x.level != y.level) return x.level > y.level;
  if (x.recent_intensity != y.recent_intensity) return x.recent_intensity > y.recent_intensity;
  return x.key < y.key;
}

}  // namespace

std::string LevelName(Level l) {
  switch (l) {
    case Level::kGreen:
      return "green";
    case Level::kYellow:
      return "yellow";
    case Level::kOrange:
      return "orange";
    case Level::kRed:
      return "red";
  }
  return "green";
}

AlertReport ComputeAlerts(const std::vector<Event>& all_events, const AlertOptions& o) {
  AlertReport report;
  if (all_events.empty()) return report;
  Date last = all_events.front().date.begin;
  for (const Event& e : all_events) last = std::max(last, e.date.begin);
  Windows w;
  w.as_of = o.as_of ? *o.as_of : last;
  w.recent_start = w.as_of - (o.recent_days - 1);
  w.baseline_start = w.recent_start - o.baseline_days;
  report.as_of = w.as_of;
  std::vector<Event> events;
  for (const Event& e : all_events)
    if (e.date.begin <= w.as_of) events.push_back(e);
  if (events.empty()) return report;

  report.chains = FindRetaliationChains(events, o.chains);
  DyadModelOptions model_options = o.model;
  model_options.dyads = o.chains.dyads;
  model_options.as_of = w.as_of;
  auto model = FitDyadModel(events, model_options);
  if (model) {
    TriggerScorer trigger_probability(*model);
    for (RetaliationChain& c : report.chains)
      for (ChainLink& l : c.links) l.hawkes_p = trigger_probability(l.cause_id, l.response_id);
    if (o.with_forecast) report.forecasts = Forecast(*model, o.forecast);
  }

  std::map<std::string, std::vector<Point>> dyads;
  std::map<std::string, std::pair<std::string, std::string>> sides;
  for (const DyadEvent& d : ToDyadEvents(events, o.chains.dyads)) {
    dyads[d.dyad].push_back({d.event_id, d.date, -d.goldstein, d.fatalities});
    sides[d.dyad] = {d.source, d.target};
  }
  std::vector<Alert> dyad_alerts, area_alerts;
  for (auto& [key, points] : dyads) {
    if (points.back().date < w.baseline_start) continue;
    Alert a = Assess("dyad", key, points, w, o, report.change_points);
    AddChainReasons(a, sides[key].first, sides[key].second, report.chains, w, o);
    int baseline_events = 0;
    for (const Point& p : points) baseline_events += w.Baseline(p.date);
    AddForecastReason(a, report.forecasts, baseline_events, o);
    dyad_alerts.push_back(std::move(a));
  }

  std::map<std::string, std::vector<Point>> areas;
  for (const Event& e : events) {
    if (!IsConflict(e) || !e.location || e.location->country.empty()) continue;
    Point p{e.id, e.date.begin, -e.goldstein, e.fatalities.value_or(0)};
    areas[e.location->country].push_back(p);
    if (!e.location->admin1.empty())
      areas[e.location->country + "/" + e.location->admin1].push_back(p);
  }
  for (auto& [key, points] : areas) {
    std::stable_sort(points.begin(), points.end(),
                     [](const Point& a, const Point& b) { return a.date < b.date; });
    if (points.back().date < w.baseline_start) continue;
    area_alerts.push_back(Assess("area", key, points, w, o, report.change_points));
  }
  std::sort(dyad_alerts.begin(), dyad_alerts.end(), ByLevel);
  std::sort(area_alerts.begin(), area_alerts.end(), ByLevel);
  report.alerts = std::move(dyad_alerts);
  report.alerts.insert(report.alerts.end(), area_alerts.begin(), area_alerts.end());
  return report;
}

}  // namespace sitrep::analyze
