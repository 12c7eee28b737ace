// Forecasts from the fitted dyad model: the 80 % intervals cover about 80 % of what came next in
// a rolling back-test on data simulated from a known Hawkes process.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "analyze/analyze.h"
#include "helpers.h"

namespace sitrep::analyze {
namespace {

using testing::MakeEvent;

const Date kOrigin = Date::FromYmd(2020, 1, 1);

// Two opposed dyads, A>B and B>A, simulated in days and turned into dated events.
std::vector<Event> SimulatedConflict(double days, uint64_t seed) {
  HawkesParams p;
  p.mu = {0.25, 0.15};
  p.alpha = {{0.2, 0.3}, {0.4, 0.2}};
  p.beta = 0.25;
  std::vector<Event> events;
  int n = 0;
  for (const HawkesPoint& x : SimulateHawkes(p, days, seed)) {
    Date d = kOrigin + static_cast<int>(std::floor(x.time));
    bool ab = x.dim == 0;
    events.push_back(MakeEvent("e" + std::to_string(n++), d, ab ? "AAAMIL" : "BBBMIL",
                               ab ? "BBBMIL" : "AAAMIL", "190"));
  }
  return events;
}

TEST(Forecast, IntervalsAreOrderedAndSized) {
  auto events = SimulatedConflict(400, 3);
  auto model = FitDyadModel(events, DyadModelOptions{});
  ASSERT_TRUE(model) << model.error();
  ForecastOptions o;
  o.simulations = 500;
  auto forecasts = Forecast(*model, o);
  ASSERT_EQ(forecasts.size(), 4u);  // 2 dyads × (7, 30 days)
  for (const DyadForecast& f : forecasts) {
    EXPECT_LE(f.lower, f.mean);
    EXPECT_GE(f.upper, f.mean);
    EXPECT_GE(f.p_any, 0);
    EXPECT_LE(f.p_any, 1);
  }
  // 30 days hold more than 7.
  EXPECT_GT(forecasts[2].mean, 2.5 * forecasts[0].mean);
  nlohmann::json j = ToJson(forecasts[0]);
  EXPECT_EQ(j["horizon_days"], 7);
  // Deterministic for a seed.
  auto again = Forecast(*model, o);
  EXPECT_EQ(again[0].mean, forecasts[0].mean);
}

TEST(Forecast, BacktestCoversAboutEightyPercent) {
  auto events = SimulatedConflict(900, 17);
  BacktestOptions o;
  o.forecast.horizons_days = {7};
  o.forecast.simulations = 400;
  o.min_training_days = 300;
  o.step_days = 14;
  BacktestResult r = Backtest(events, o);
  std::printf("%zu events, %d origins, %d cases: coverage %.3f, MAE %.2f (naive %.2f)\n",
              events.size(), r.origins, r.cases, r.coverage, r.mean_absolute_error, r.naive_mae);
  EXPECT_GE(r.cases, 60);
  EXPECT_GE(r.coverage, 0.72);
  EXPECT_LE(r.coverage, 0.95);
  EXPECT_LT(r.mean_absolute_error, r.naive_mae);  // the model beats "same as last week"
}

}  // namespace
}  // namespace sitrep::analyze
