// Multivariate Hawkes process with exponential kernels: EM fit, log-likelihood, and Ogata
// thinning simulation.
#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <numeric>

#include "analyze/analyze.h"
#include "analyze/random.h"

namespace sitrep::analyze {
namespace {

constexpr double kMinRate = 1e-10;

std::vector<int> TimeOrder(const std::vector<HawkesPoint>& points) {
  std::vector<int> order(points.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](int a, int b) { return points[a].time < points[b].time; });
  return order;
}

double SpectralRadius(const std::vector<std::vector<double>>& alpha) {
  int n = static_cast<int>(alpha.size());
  if (n == 0) return 0;
  Eigen::MatrixXd m(n, n);
  for (int u = 0; u < n; ++u)
    for (int v = 0; v < n; ++v) m(u, v) = alpha[u][v];
  return m.eigenvalues().cwiseAbs().maxCoeff();
}

// Intensity of point i's dimension just before it, and each earlier point's share of it.
struct Parents {
  std::vector<int> index;
  std::vector<double> weight;  // α β e^{−βΔ}
};

void CollectParents(const std::vector<HawkesPoint>& points, const std::vector<int>& order, size_t k,
                    const HawkesParams& p, double max_lag, Parents& out) {
  out.index.clear();
  out.weight.clear();
  const HawkesPoint& child = points[order[k]];
  for (size_t j = k; j-- > 0;) {
    const HawkesPoint& parent = points[order[j]];
    double lag = child.time - parent.time;
    if (lag > max_lag) break;
    if (lag <= 0) continue;  // simultaneous points cannot trigger each other
    out.index.push_back(order[j]);
    out.weight.push_back(p.alpha[child.dim][parent.dim] * p.beta * std::exp(-p.beta * lag));
  }
}

}  // namespace

double HawkesLogLikelihood(const std::vector<HawkesPoint>& points, const HawkesParams& p,
                           double horizon) {
  std::vector<int> order = TimeOrder(points);
  const int dims = static_cast<int>(p.mu.size());
  double ll = 0;
  for (int u = 0; u < dims; ++u) ll -= p.mu[u] * horizon;
  Parents parents;
  const double max_lag = 40 / p.beta;
  for (size_t k = 0; k < order.size(); ++k) {
    CollectParents(points, order, k, p, max_lag, parents);
    const HawkesPoint& x = points[order[k]];
    double rate = p.mu[x.dim];
    for (double w : parents.weight) rate += w;
    ll += std::log(std::max(rate, kMinRate));
    double tail = 1 - std::exp(-p.beta * (horizon - x.time));
    for (int u = 0; u < dims; ++u) ll -= p.alpha[u][x.dim] * tail;
  }
  return ll;
}

Result<HawkesFitResult> FitHawkes(const std::vector<HawkesPoint>& points, int dims, double horizon,
                                  const HawkesOptions& options) {
  if (dims <= 0) return Error{"Hawkes fit: no dimensions"};
  if (horizon <= 0) return Error{"Hawkes fit: empty observation window"};
  std::vector<int> count(dims, 0);
  for (const HawkesPoint& x : points) {
    if (x.dim < 0 || x.dim >= dims) return Error{"Hawkes fit: point in an unknown dimension"};
    if (x.time < 0 || x.time > horizon) return Error{"Hawkes fit: point outside [0, T]"};
    ++count[x.dim];
  }
  const bool fit_beta = !options.fixed_beta && points.size() >= 50;
  HawkesParams p;
  p.beta = options.fixed_beta ? *options.fixed_beta : options.default_beta;
  for (int u = 0; u < dims; ++u) p.mu.push_back(std::max(0.5 * count[u] / horizon, kMinRate));
  p.alpha.assign(dims, std::vector<double>(dims, 0.5 / dims));

  std::vector<int> order = TimeOrder(points);
  HawkesFitResult fit;
  fit.horizon = horizon;
  fit.p_background.assign(points.size(), 1);
  fit.best_parent.assign(points.size(), -1);
  fit.p_best_parent.assign(points.size(), 0);
  double previous_ll = -HUGE_VAL;
  Parents parents;
  for (int iteration = 1; iteration <= options.max_iterations; ++iteration) {
    std::vector<double> background(dims, 0);
    std::vector<std::vector<double>> triggered(dims, std::vector<double>(dims, 0));
    double lag_weight = 0, lag_sum = 0;
    const double max_lag = std::log(1 / options.kernel_cutoff) / p.beta;
    double ll = 0;
    for (size_t k = 0; k < order.size(); ++k) {
      CollectParents(points, order, k, p, max_lag, parents);
      const HawkesPoint& x = points[order[k]];
      double rate = p.mu[x.dim];
      for (double w : parents.weight) rate += w;
      rate = std::max(rate, kMinRate);
      ll += std::log(rate);
      double p_bg = p.mu[x.dim] / rate;
      background[x.dim] += p_bg;
      fit.p_background[order[k]] = p_bg;
      fit.best_parent[order[k]] = -1;
      fit.p_best_parent[order[k]] = 0;
      for (size_t j = 0; j < parents.index.size(); ++j) {
        double share = parents.weight[j] / rate;
        const HawkesPoint& parent = points[parents.index[j]];
        triggered[x.dim][parent.dim] += share;
        lag_weight += share;
        lag_sum += share * (x.time - parent.time);
        if (share > fit.p_best_parent[order[k]]) {
          fit.p_best_parent[order[k]] = share;
          fit.best_parent[order[k]] = parents.index[j];
        }
      }
    }
    // Compensator, for the log-likelihood of the parameters this E-step used.
    std::vector<double> exposure(dims, 0);  // Σ_{j in v} (1 − e^{−β(T − t_j)})
    for (const HawkesPoint& x : points)
      exposure[x.dim] += 1 - std::exp(-p.beta * (horizon - x.time));
    for (int u = 0; u < dims; ++u) {
      ll -= p.mu[u] * horizon;
      for (int v = 0; v < dims; ++v) ll -= p.alpha[u][v] * exposure[v];
    }
    fit.log_likelihood = ll;
    fit.iterations = iteration;
    if (std::abs(ll - previous_ll) <= options.tolerance * std::max(1.0, std::abs(ll))) break;
    previous_ll = ll;
    // M-step.
    for (int u = 0; u < dims; ++u) {
      p.mu[u] = std::max(background[u] / horizon, kMinRate);
      for (int v = 0; v < dims; ++v)
        p.alpha[u][v] = exposure[v] > 0 ? triggered[u][v] / exposure[v] : 0;
    }
    if (fit_beta && lag_sum > 0) p.beta = lag_weight / lag_sum;
  }
  fit.params = p;
  fit.spectral_radius = SpectralRadius(p.alpha);
  return fit;
}

std::vector<HawkesPoint> SimulateHawkes(const HawkesParams& p, double horizon, uint64_t seed,
                                        const std::vector<HawkesPoint>& history, double start) {
  const int dims = static_cast<int>(p.mu.size());
  std::vector<double> excitation(dims, 0);  // Σ α β e^{−β(t − t_j)} at the current time
  for (const HawkesPoint& h : history)
    if (h.time < start && h.dim >= 0 && h.dim < dims)
      for (int u = 0; u < dims; ++u)
        excitation[u] += p.alpha[u][h.dim] * p.beta * std::exp(-p.beta * (start - h.time));
  double base = std::accumulate(p.mu.begin(), p.mu.end(), 0.0);
  Random random(seed);
  std::vector<HawkesPoint> out;
  double t = start;
  constexpr size_t kMaxPoints = 1000000;  // an explosive fit must not hang the caller
  while (out.size() < kMaxPoints) {
    double bound = base + std::accumulate(excitation.begin(), excitation.end(), 0.0);
    double wait = random.Exponential(bound);
    t += wait;
    if (t > horizon) break;
    double decay = std::exp(-p.beta * wait);
    for (double& e : excitation) e *= decay;
    double total = base + std::accumulate(excitation.begin(), excitation.end(), 0.0);
    double pick = random.Uniform() * bound;
    if (pick > total) continue;  // thinned
    int dim = 0;
    for (double cumulative = 0; dim < dims; ++dim) {
      cumulative += p.mu[dim] + excitation[dim];
      if (pick <= cumulative) break;
    }
    dim = std::min(dim, dims - 1);
    out.push_back({t, dim});
    for (int u = 0; u < dims; ++u) excitation[u] += p.alpha[u][dim] * p.beta;
  }
  return out;
}

}  // namespace sitrep::analyze
