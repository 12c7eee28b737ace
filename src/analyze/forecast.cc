// Monte Carlo forecasts from a fitted dyad model, and their rolling-origin back-test.
#include <algorithm>
#include <cmath>
#include <map>

#include "analyze/analyze.h"

namespace sitrep::analyze {
namespace {

// Smallest count whose empirical CDF reaches q.
int Quantile(const std::vector<int>& sorted, double q) {
  size_t n = sorted.size();
  size_t rank = static_cast<size_t>(std::ceil(q * static_cast<double>(n)));
  rank = std::clamp<size_t>(rank, 1, n);
  return sorted[rank - 1];
}

}  // namespace

std::vector<DyadForecast> Forecast(const DyadModel& model, const ForecastOptions& options) {
  std::vector<DyadForecast> out;
  if (model.dyads.empty() || options.horizons_days.empty() || options.simulations <= 0) return out;
  const size_t dims = model.dyads.size();
  const double start = (model.as_of - model.origin) + 1;
  const int longest = *std::max_element(options.horizons_days.begin(), options.horizons_days.end());
  std::vector<HawkesPoint> history;
  for (size_t i = 0; i < model.points.size(); ++i) {
    auto it = std::find(model.dyads.begin(), model.dyads.end(), model.points[i].dyad);
    history.push_back({model.points[i].time, static_cast<int>(it - model.dyads.begin())});
  }
  HawkesParams params = model.fit.params;
  const bool damped = model.fit.spectral_radius > options.max_spectral_radius;
  if (damped)
    for (auto& row : params.alpha)
      for (double& a : row) a *= options.max_spectral_radius / model.fit.spectral_radius;
  // counts[h][dim][run]
  std::vector<std::vector<std::vector<int>>> counts(
      options.horizons_days.size(),
      std::vector<std::vector<int>>(dims, std::vector<int>(options.simulations, 0)));
  const std::vector<double> excitation = HawkesExcitationAt(params, history, start);
  for (int run = 0; run < options.simulations; ++run) {
    auto future =
        SimulateHawkesFrom(params, start + longest,
                           options.seed + 0x9E3779B97F4A7C15ull * (run + 1), excitation, start);
    for (const HawkesPoint& x : future)
      for (size_t h = 0; h < options.horizons_days.size(); ++h)
        if (x.time <= start + options.horizons_days[h]) ++counts[h][x.dim][run];
  }
  const double tail = (1 - options.level) / 2;
  for (size_t h = 0; h < options.horizons_days.size(); ++h)
    for (size_t u = 0; u < dims; ++u) {
      std::vector<int>& c = counts[h][u];
      std::sort(c.begin(), c.end());
      DyadForecast f;
      f.dyad = model.dyads[u];
      f.horizon_days = options.horizons_days[h];
      double sum = 0;
      int any = 0;
      for (int n : c) {
        sum += n;
        any += n > 0;
      }
      f.mean = sum / options.simulations;
      f.p_any = static_cast<double>(any) / options.simulations;
      f.lower = Quantile(c, tail);
      f.upper = Quantile(c, 1 - tail);
      f.damped = damped;
      out.push_back(f);
    }
  return out;
}

BacktestResult Backtest(const std::vector<Event>& events, const BacktestOptions& options) {
  BacktestResult result;
  ForecastOptions forecast = options.forecast;
  if (forecast.horizons_days.empty()) forecast.horizons_days = {7};
  forecast.horizons_days.resize(1);
  const int horizon = forecast.horizons_days[0];
  result.horizon_days = horizon;
  std::vector<DyadEvent> points = ToDyadEvents(events, options.model.dyads);
  if (points.empty()) return result;
  const Date first = points.front().date, last = points.back().date;
  const int step = options.step_days > 0 ? options.step_days : horizon;
  double abs_error = 0, naive_error = 0;
  int covered = 0;
  for (Date origin = first + options.min_training_days; origin + (horizon - 1) <= last;
       origin = origin + step) {
    DyadModelOptions model_options = options.model;
    model_options.as_of = origin - 1;
    auto model = FitDyadModel(events, model_options);
    if (!model) continue;
    ++result.origins;
    std::map<std::string, int> actual, previous;
    for (const DyadEvent& d : points) {
      if (d.date >= origin && d.date <= origin + (horizon - 1)) ++actual[d.dyad];
      if (d.date >= origin - horizon && d.date < origin) ++previous[d.dyad];
    }
    for (const DyadForecast& f : Forecast(*model, forecast)) {
      int n = actual[f.dyad];
      ++result.cases;
      covered += n >= f.lower && n <= f.upper;
      abs_error += std::abs(f.mean - n);
      naive_error += std::abs(previous[f.dyad] - n);
    }
  }
  if (result.cases > 0) {
    result.coverage = static_cast<double>(covered) / result.cases;
    result.mean_absolute_error = abs_error / result.cases;
    result.naive_mae = naive_error / result.cases;
  }
  return result;
}

}  // namespace sitrep::analyze
