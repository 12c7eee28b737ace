// JSON forms of the analytics results (the API serves these, `--format jsonl` prints them).
#include <nlohmann/json.hpp>

#include "analyze/analyze.h"

namespace sitrep::analyze {

using nlohmann::json;

json ToJson(const SeverityMix& m) {
  return {{"events", m.events},
          {"material_conflict_share", m.material_conflict_share},
          {"lethal_share", m.lethal_share},
          {"fatalities", m.fatalities},
          {"weapons", m.weapons}};
}

json ToJson(const Series& s) {
  json dates = json::array();
  for (size_t i = 0; i < s.counts.size(); ++i) dates.push_back(s.BucketStart(i).Iso());
  return {{"key", s.key},
          {"by", GroupByName(s.by)},
          {"bucket", BucketName(s.bucket)},
          {"start", s.start.Iso()},
          {"dates", dates},
          {"counts", s.counts},
          {"intensity", s.intensity},
          {"fatalities", s.fatalities},
          {"total", s.total()},
          {"severity", ToJson(s.mix)}};
}

json ToJson(const ChangePoint& c) {
  return {{"series", c.series},
          {"change", c.change.Iso()},
          {"alarm", c.alarm.Iso()},
          {"delay_buckets", c.delay_buckets},
          {"rate_before", c.rate_before},
          {"rate_after", c.rate_after},
          {"ratio", c.ratio},
          {"statistic", c.statistic},
          {"threshold", c.threshold}};
}

json ToJson(const ChainLink& l) {
  return {{"cause", l.cause_id},
          {"response", l.response_id},
          {"cause_date", l.cause_date.Iso()},
          {"response_date", l.response_date.Iso()},
          {"lag_days", l.lag_days},
          {"strength", l.strength},
          {"hawkes_p", l.hawkes_p ? json(*l.hawkes_p) : json(nullptr)}};
}

json ToJson(const RetaliationChain& c) {
  json links = json::array();
  for (const ChainLink& l : c.links) links.push_back(ToJson(l));
  return {{"actor_a", c.actor_a},  {"actor_b", c.actor_b},   {"events", c.event_ids},
          {"links", links},        {"begin", c.begin.Iso()}, {"end", c.end.Iso()},
          {"strength", c.strength}};
}

json ToJson(const Trigger& t) {
  json j = {{"event", t.event_id},
            {"dyad", t.dyad},
            {"date", t.date.Iso()},
            {"p_background", t.p_background},
            {"parent", nullptr}};
  if (!t.parent_id.empty())
    j["parent"] = {{"event", t.parent_id},
                   {"dyad", t.parent_dyad},
                   {"date", t.parent_date.Iso()},
                   {"p", t.p_parent}};
  return j;
}

json ToJson(const DyadModel& m) {
  json triggers = json::array();
  for (const Trigger& t : m.triggers) triggers.push_back(ToJson(t));
  return {{"dyads", m.dyads},
          {"origin", m.origin.Iso()},
          {"as_of", m.as_of.Iso()},
          {"mu", m.fit.params.mu},
          {"alpha", m.fit.params.alpha},
          {"beta", m.fit.params.beta},
          {"log_likelihood", m.fit.log_likelihood},
          {"iterations", m.fit.iterations},
          {"spectral_radius", m.fit.spectral_radius},
          {"triggers", triggers}};
}

json ToJson(const DyadForecast& f) {
  return {{"dyad", f.dyad},   {"horizon_days", f.horizon_days},
          {"mean", f.mean},   {"lower", f.lower},
          {"upper", f.upper}, {"p_any", f.p_any}};
}

json ToJson(const BacktestResult& b) {
  return {{"horizon_days", b.horizon_days},
          {"origins", b.origins},
          {"cases", b.cases},
          {"coverage", b.coverage},
          {"mean_absolute_error", b.mean_absolute_error},
          {"naive_mae", b.naive_mae}};
}

json ToJson(const Reason& r) {
  return {{"kind", r.kind}, {"level", LevelName(r.level)}, {"text", r.text}};
}

json ToJson(const Alert& a) {
  json reasons = json::array();
  for (const Reason& r : a.reasons) reasons.push_back(ToJson(r));
  return {{"scope", a.scope},
          {"key", a.key},
          {"level", LevelName(a.level)},
          {"reasons", reasons},
          {"recent_events", a.recent_events},
          {"recent_intensity", a.recent_intensity},
          {"recent_fatalities", a.recent_fatalities},
          {"baseline_intensity", a.baseline_intensity}};
}

json ToJson(const AlertReport& r) {
  json alerts = json::array(), chains = json::array(), cps = json::array(),
       forecasts = json::array();
  for (const Alert& a : r.alerts) alerts.push_back(ToJson(a));
  for (const RetaliationChain& c : r.chains) chains.push_back(ToJson(c));
  for (const ChangePoint& c : r.change_points) cps.push_back(ToJson(c));
  for (const DyadForecast& f : r.forecasts) forecasts.push_back(ToJson(f));
  return {{"as_of", r.as_of.Iso()},
          {"alerts", alerts},
          {"chains", chains},
          {"change_points", cps},
          {"forecasts", forecasts}};
}

}  // namespace sitrep::analyze
