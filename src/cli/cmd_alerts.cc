// sitrep alerts: the computed, explained escalation state per dyad and area — levels with their
// reasons, action–reaction chains, the Hawkes excitation between dyads and each event's likely
// trigger, 7- and 30-day forecasts with 80 % intervals — or, with --backtest, the forecasts'
// record on the past.
#include <fmt/format.h>

#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "analyze/analyze.h"
#include "cli/analytics_options.h"
#include "cli/commands.h"
#include "cli/options.h"

namespace sitrep::cli {
namespace {

struct AlertsOptions {
  StoreFilterOptions store;
  std::string format, as_of, unknown_source = "last-attacked", coupling = "pair";
  bool no_forecast = false, backtest = false, model = false;
  int horizon = 7;
  analyze::AlertOptions alerts;
};

void PrintTable(const analyze::AlertReport& r, const analyze::DyadModel* model) {
  std::printf("alerts as of %s\n", r.as_of.Iso().c_str());
  std::printf("%-7s %-5s %-16s %6s %9s %5s  %s\n", "level", "scope", "key", "events", "intensity",
              "fatal", "reasons");
  for (const analyze::Alert& a : r.alerts) {
    std::string first = a.reasons.empty() ? "-" : a.reasons[0].kind + ": " + a.reasons[0].text;
    std::printf("%-7s %-5s %-16s %6d %9.1f %5d  %s\n", analyze::LevelName(a.level).c_str(),
                a.scope.c_str(), a.key.c_str(), a.recent_events, a.recent_intensity,
                a.recent_fatalities, first.c_str());
    for (size_t i = 1; i < a.reasons.size(); ++i)
      std::printf("%-56s %s: %s\n", "", a.reasons[i].kind.c_str(), a.reasons[i].text.c_str());
  }
  if (!r.chains.empty()) std::printf("\naction–reaction chains\n");
  for (const analyze::RetaliationChain& c : r.chains) {
    std::printf("%s <-> %s  %s .. %s  %zu events, strength %.2f\n", c.actor_a.c_str(),
                c.actor_b.c_str(), c.begin.Iso().c_str(), c.end.Iso().c_str(), c.event_ids.size(),
                c.strength);
    for (const analyze::ChainLink& l : c.links)
      std::printf("  %s answered %s after %d days (strength %.2f%s)\n",
                  l.response_date.Iso().c_str(), l.cause_date.Iso().c_str(), l.lag_days, l.strength,
                  l.hawkes_p ? fmt::format(", Hawkes p {:.2f}", *l.hawkes_p).c_str() : "");
  }
  if (!r.forecasts.empty()) std::printf("\nforecast (Hawkes, Monte Carlo, 80%% interval)\n");
  for (const analyze::DyadForecast& f : r.forecasts)
    std::printf("%-16s next %2d days: %5.1f events [%d, %d], P(any) %.2f%s\n", f.dyad.c_str(),
                f.horizon_days, f.mean, f.lower, f.upper, f.p_any, f.damped ? " (damped)" : "");
  if (model) {
    std::printf("\nexcitation matrix alpha[row excited by column], beta %.3f/day\n",
                model->fit.params.beta);
    std::printf("%-16s %8s", "", "mu/day");
    for (const std::string& d : model->dyads) std::printf(" %9s", d.substr(0, 9).c_str());
    std::printf("\n");
    for (size_t u = 0; u < model->dyads.size(); ++u) {
      std::printf("%-16s %8.4f", model->dyads[u].c_str(), model->fit.params.mu[u]);
      for (double a : model->fit.params.alpha[u]) std::printf(" %9.3f", a);
      std::printf("\n");
    }
    for (const analyze::Trigger& t : model->triggers)
      if (!t.parent_id.empty())
        std::printf("%s %s likely triggered by %s %s (p %.2f)\n", t.date.Iso().c_str(),
                    t.dyad.c_str(), t.parent_date.Iso().c_str(), t.parent_dyad.c_str(), t.p_parent);
  }
}

void PrintJsonl(const analyze::AlertReport& r, const analyze::DyadModel* model) {
  auto line = [](nlohmann::json j, const char* type) {
    j["type"] = type;
    std::cout << j.dump() << '\n';
  };
  for (const analyze::Alert& a : r.alerts) line(analyze::ToJson(a), "alert");
  for (const analyze::RetaliationChain& c : r.chains) line(analyze::ToJson(c), "chain");
  for (const analyze::ChangePoint& c : r.change_points) line(analyze::ToJson(c), "change_point");
  for (const analyze::DyadForecast& f : r.forecasts) line(analyze::ToJson(f), "forecast");
  if (model) line(analyze::ToJson(*model), "model");
}

int Run(AlertsOptions& o) {
  if (!o.as_of.empty()) {
    auto d = ParseDayFlag("--as-of", o.as_of);
    if (!d) {
      std::fprintf(stderr, "sitrep alerts: %s\n", d.error().c_str());
      return 2;
    }
    o.alerts.as_of = *d;
  }
  o.alerts.chains.dyads.unknown_source = *analyze::ParseUnknownSource(o.unknown_source);
  o.alerts.model.dyads = o.alerts.chains.dyads;
  using Coupling = analyze::DyadModelOptions::Coupling;
  o.alerts.model.coupling = o.coupling == "all"      ? Coupling::kAll
                            : o.coupling == "shared" ? Coupling::kSharedActor
                                                     : Coupling::kPair;
  o.alerts.with_forecast = !o.no_forecast;
  bool usage_error = false;
  auto events = LoadEvents(o.store, usage_error);
  if (!events) {
    std::fprintf(stderr, "sitrep alerts: %s\n", events.error().c_str());
    return usage_error ? 2 : 1;
  }
  const bool table = (o.format.empty() ? DefaultFormat() : o.format) == "table";
  std::ios::sync_with_stdio(false);
  if (o.backtest) {
    analyze::BacktestOptions b;
    b.model = o.alerts.model;
    b.forecast = o.alerts.forecast;
    b.forecast.horizons_days = {o.horizon};
    auto r = analyze::Backtest(*events, b);
    if (table)
      std::printf(
          "back-test, %d-day horizon: %d origins, %d (origin, dyad) cases; 80%% interval "
          "coverage %.3f; MAE %.2f events (naive 'same as last period' %.2f)\n",
          r.horizon_days, r.origins, r.cases, r.coverage, r.mean_absolute_error, r.naive_mae);
    else
      std::cout << analyze::ToJson(r).dump() << '\n';
    return 0;
  }
  analyze::AlertReport report = analyze::ComputeAlerts(*events, o.alerts);
  std::optional<analyze::DyadModel> model;
  if (o.model) {
    analyze::DyadModelOptions m = o.alerts.model;
    m.as_of = report.as_of;
    auto fitted = analyze::FitDyadModel(*events, m);
    if (fitted) model = std::move(*fitted);
  }
  if (table) {
    PrintTable(report, model ? &*model : nullptr);
    std::fflush(stdout);
  } else {
    PrintJsonl(report, model ? &*model : nullptr);
  }
  return 0;
}

}  // namespace

Runner AddAlerts(CLI::App& app) {
  CLI::App* sub = app.add_subcommand("alerts", "escalation alerts per dyad and area, explained");
  auto o = std::make_shared<AlertsOptions>();
  AddStoreFilterOptions(sub, o->store);
  sub->add_option("--as-of", o->as_of, "assess as of this day (default: the last event's day)");
  sub->add_option("--recent-days", o->alerts.recent_days, "the recent window (default 14)")
      ->check(CLI::Range(1, 3650));
  sub->add_option("--baseline-days", o->alerts.baseline_days,
                  "the baseline before the recent window (default 90)")
      ->check(CLI::Range(1, 36500));
  sub->add_option("--window", o->alerts.chains.window_days,
                  "days within which B>A answers A>B (default 14)")
      ->check(CLI::Range(1, 365));
  sub->add_option("--unknown-source", o->unknown_source,
                  "attacks with no named source: last-attacked (attributed to the actor the "
                  "target most recently hit; default) or drop")
      ->check(CLI::IsMember({"last-attacked", "drop"}));
  sub->add_option("--coupling", o->coupling,
                  "which dyads may excite which in the Hawkes model: pair (A>B and B>A; "
                  "default), shared (dyads sharing an actor) or all")
      ->check(CLI::IsMember({"pair", "shared", "all"}));
  sub->add_option("--arl0", o->alerts.cusum.arl0_days,
                  "CUSUM in-control average run length in days (default 730)")
      ->check(CLI::PositiveNumber);
  sub->add_option("--simulations", o->alerts.forecast.simulations,
                  "Monte Carlo runs for the forecasts (default 2000)")
      ->check(CLI::Range(10, 1000000));
  sub->add_option("--seed", o->alerts.forecast.seed, "random seed of the forecasts");
  sub->add_flag("--no-forecast", o->no_forecast, "skip the Hawkes forecasts");
  sub->add_flag("--model", o->model,
                "also print the fitted Hawkes model: excitation matrix and each event's trigger");
  sub->add_flag("--backtest", o->backtest,
                "fit on the past at rolling origins and score the forecasts on what came next");
  sub->add_option("--horizon", o->horizon, "back-test horizon in days (default 7)")
      ->check(CLI::Range(1, 365));
  AddFormatOption(sub, o->format, "table|jsonl");
  return [o] { return Run(*o); };
}

}  // namespace sitrep::cli
