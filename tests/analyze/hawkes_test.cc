// Hawkes processes simulated with known parameters (Ogata thinning) and recovered by EM.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "analyze/analyze.h"

namespace sitrep::analyze {
namespace {

HawkesParams TwoDyads() {
  HawkesParams p;
  p.mu = {0.5, 0.3};
  p.alpha = {{0.3, 0.2}, {0.4, 0.1}};  // spectral radius 0.5
  p.beta = 1.0;
  return p;
}

TEST(Hawkes, SimulationHasTheStationaryRate) {
  // Stationary rates (I − A)^{-1} μ = (0.927, 0.745).
  auto points = SimulateHawkes(TwoDyads(), 20000, 1);
  int n[2] = {0, 0};
  for (const HawkesPoint& x : points) ++n[x.dim];
  EXPECT_NEAR(n[0] / 20000.0, 0.51 / 0.55, 0.05 * 0.927);
  EXPECT_NEAR(n[1] / 20000.0, 0.41 / 0.55, 0.05 * 0.745);
  for (size_t i = 1; i < points.size(); ++i) ASSERT_GT(points[i].time, points[i - 1].time);
}

TEST(Hawkes, SimulationIsDeterministicForASeed) {
  auto a = SimulateHawkes(TwoDyads(), 500, 42), b = SimulateHawkes(TwoDyads(), 500, 42);
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i].time, b[i].time);
  EXPECT_NE(SimulateHawkes(TwoDyads(), 500, 43).size(), a.size());
}

TEST(Hawkes, EmRecoversBaselineAndExcitationWithinTenPercent) {
  const HawkesParams truth = TwoDyads();
  const double horizon = 10000;
  auto points = SimulateHawkes(truth, horizon, 2021);
  auto fit = FitHawkes(points, 2, horizon, HawkesOptions{});
  ASSERT_TRUE(fit) << fit.error();
  const HawkesParams& p = fit->params;
  std::printf(
      "%zu points, %d EM iterations; mu %.3f %.3f; alpha %.3f %.3f / %.3f %.3f; beta %.3f\n",
      points.size(), fit->iterations, p.mu[0], p.mu[1], p.alpha[0][0], p.alpha[0][1], p.alpha[1][0],
      p.alpha[1][1], p.beta);
  for (int u = 0; u < 2; ++u) {
    EXPECT_NEAR(p.mu[u], truth.mu[u], 0.1 * truth.mu[u]) << "mu " << u;
    for (int v = 0; v < 2; ++v)
      EXPECT_NEAR(p.alpha[u][v], truth.alpha[u][v], 0.1 * truth.alpha[u][v]) << "alpha " << u << v;
  }
  EXPECT_NEAR(p.beta, truth.beta, 0.1 * truth.beta);
  EXPECT_NEAR(fit->spectral_radius, 0.5, 0.05);
  // The maximum is at least as likely as the truth.
  EXPECT_GE(fit->log_likelihood,
            HawkesLogLikelihood(points, truth, horizon) - 1e-6 * points.size());
  // Background share: Σμ / Σ stationary rate = 0.8 / 1.673.
  double background = 0;
  for (double pb : fit->p_background) background += pb;
  EXPECT_NEAR(background / points.size(), 0.8 / 1.6727, 0.03);
}

TEST(Hawkes, FixedDecayIsKept) {
  auto points = SimulateHawkes(TwoDyads(), 1000, 5);
  HawkesOptions o;
  o.fixed_beta = 0.5;
  auto fit = FitHawkes(points, 2, 1000, o);
  ASSERT_TRUE(fit);
  EXPECT_EQ(fit->params.beta, 0.5);
}

TEST(Hawkes, PoissonDataHasNoExcitation) {
  HawkesParams poisson;
  poisson.mu = {0.8};
  poisson.alpha = {{0.0}};
  auto points = SimulateHawkes(poisson, 5000, 9);
  auto fit = FitHawkes(points, 1, 5000, HawkesOptions{});
  ASSERT_TRUE(fit);
  EXPECT_LT(fit->params.alpha[0][0], 0.05);
  EXPECT_NEAR(fit->params.mu[0], 0.8, 0.08);
}

TEST(Hawkes, BadInputIsAnError) {
  EXPECT_FALSE(FitHawkes({{5, 0}}, 1, 1, HawkesOptions{}));
  EXPECT_FALSE(FitHawkes({{0.5, 3}}, 1, 1, HawkesOptions{}));
  EXPECT_FALSE(FitHawkes({}, 0, 1, HawkesOptions{}));
}

TEST(Hawkes, HistoryExcitesTheStartOfASimulation) {
  HawkesParams p;
  p.mu = {0.01};
  p.alpha = {{0.9}};
  p.beta = 1;
  std::vector<HawkesPoint> history;
  for (int i = 0; i < 20; ++i) history.push_back({99.9, 0});
  double with = 0, without = 0;
  for (uint64_t seed = 0; seed < 200; ++seed) {
    with += SimulateHawkes(p, 110, seed, history, 100).size();
    without += SimulateHawkes(p, 110, seed, {}, 100).size();
  }
  EXPECT_GT(with / 200, 20 * 0.9 * 0.8);  // ≈ 20·0.9·e^{−0.1}/(1 − 0.9) offspring, mostly in window
  EXPECT_LT(without / 200, 1);
}

}  // namespace
}  // namespace sitrep::analyze

namespace sitrep::analyze {
namespace {

// A hand-made model: the scorer's answers must be the intensity shares of the definition,
// summed directly, for every pair, however many pairs share a response.
TEST(TriggerScorer, SharesAreTheDefinitionsForEveryPair) {
  DyadModel model;
  model.dyads = {"A>B", "B>A"};
  model.fit.params = TwoDyads();
  const double times[] = {0.5, 1.5, 1.5, 2.5, 4.5, 7.5};
  for (int i = 0; i < 6; ++i) {
    DyadEvent d;
    d.event_id = "e" + std::to_string(i);
    d.dyad = model.dyads[i % 2];
    d.time = times[i];
    model.points.push_back(d);
  }
  const HawkesParams& p = model.fit.params;
  auto direct = [&](int cause, int response) -> std::optional<double> {
    const DyadEvent &c = model.points[cause], &r = model.points[response];
    if (c.time >= r.time) return std::nullopt;
    int u = response % 2;
    double rate = p.mu[u], share = 0;
    for (int i = 0; i < 6; ++i) {
      if (model.points[i].time >= r.time) continue;
      double w = p.alpha[u][i % 2] * p.beta * std::exp(-p.beta * (r.time - model.points[i].time));
      rate += w;
      if (i == cause) share = w;
    }
    return share / rate;
  };
  TriggerScorer scorer(model);
  for (int response = 0; response < 6; ++response)
    for (int cause = 0; cause < 6; ++cause) {
      auto got = scorer("e" + std::to_string(cause), "e" + std::to_string(response));
      auto want = direct(cause, response);
      ASSERT_EQ(got.has_value(), want.has_value()) << cause << "→" << response;
      if (want) {
        EXPECT_DOUBLE_EQ(*got, *want) << cause << "→" << response;
      }
    }
  EXPECT_FALSE(scorer("e0", "missing"));
  EXPECT_FALSE(scorer("missing", "e5"));
}

// Forecasts start every run from the history's excitation, summed once: the runs must be the
// ones a simulation from the history itself gives.
TEST(Hawkes, SimulationFromASummedHistoryIsTheSame) {
  std::vector<HawkesPoint> history = {{90.5, 0}, {95.5, 1}, {99.0, 0}};
  auto excitation = HawkesExcitationAt(TwoDyads(), history, 100);
  for (uint64_t seed : {1u, 7u, 99u}) {
    auto a = SimulateHawkes(TwoDyads(), 130, seed, history, 100);
    auto b = SimulateHawkesFrom(TwoDyads(), 130, seed, excitation, 100);
    ASSERT_EQ(a.size(), b.size());
    for (size_t i = 0; i < a.size(); ++i) {
      EXPECT_EQ(a[i].time, b[i].time);
      EXPECT_EQ(a[i].dim, b[i].dim);
    }
  }
}

}  // namespace
}  // namespace sitrep::analyze
