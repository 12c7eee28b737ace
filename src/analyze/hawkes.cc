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

// Exponential kernels make every sum over earlier points a running state: per dimension v,
// R_v = Σ_{j in v} e^{−β(t − t_j)} and L_v = Σ_{j in v} (t − t_j) e^{−β(t − t_j)}. One E-step
// is then O(N · dims) instead of O(N²). Points at the same time see the state before their
// time (they cannot trigger each other).
struct Sweep {
  std::vector<double> background;              // Σ P(background) per dimension
  std::vector<std::vector<double>> triggered;  // Σ P(parent in v) for children in u
  double triggered_total = 0, lag_total = 0;   // Σ p_ij and Σ p_ij (t_i − t_j)
  double log_likelihood = 0;
};

Sweep RunSweep(const std::vector<HawkesPoint>& points, const std::vector<int>& order,
               const HawkesParams& p, double horizon, std::vector<double>* p_background) {
  const int dims = static_cast<int>(p.mu.size());
  Sweep sweep;
  sweep.background.assign(dims, 0);
  sweep.triggered.assign(dims, std::vector<double>(dims, 0));
  std::vector<double> recent(dims, 0), lagged(dims, 0);
  double now = 0;
  for (size_t k = 0; k < order.size();) {
    const double t = points[order[k]].time;
    const double step = t - now, decay = std::exp(-p.beta * step);
    for (int v = 0; v < dims; ++v) {
      lagged[v] = decay * (lagged[v] + step * recent[v]);
      recent[v] *= decay;
    }
    now = t;
    size_t group_end = k;
    while (group_end < order.size() && points[order[group_end]].time == t) ++group_end;
    for (size_t g = k; g < group_end; ++g) {
      const int u = points[order[g]].dim;
      double rate = p.mu[u];
      for (int v = 0; v < dims; ++v) rate += p.alpha[u][v] * p.beta * recent[v];
      rate = std::max(rate, kMinRate);
      sweep.log_likelihood += std::log(rate);
      double p_bg = p.mu[u] / rate;
      sweep.background[u] += p_bg;
      if (p_background) (*p_background)[order[g]] = p_bg;
      for (int v = 0; v < dims; ++v) {
        sweep.triggered[u][v] += p.alpha[u][v] * p.beta * recent[v] / rate;
        sweep.lag_total += p.alpha[u][v] * p.beta * lagged[v] / rate;
      }
      sweep.triggered_total += 1 - p_bg;
    }
    for (size_t g = k; g < group_end; ++g) recent[points[order[g]].dim] += 1;
    k = group_end;
  }
  for (int u = 0; u < dims; ++u) sweep.log_likelihood -= p.mu[u] * horizon;
  for (const HawkesPoint& x : points) {
    double tail = 1 - std::exp(-p.beta * (horizon - x.time));
    for (int u = 0; u < dims; ++u) sweep.log_likelihood -= p.alpha[u][x.dim] * tail;
  }
  return sweep;
}

}  // namespace

double HawkesLogLikelihood(const std::vector<HawkesPoint>& points, const HawkesParams& p,
                           double horizon) {
  return RunSweep(points, TimeOrder(points), p, horizon, nullptr).log_likelihood;
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
  if (!options.excitation_mask.empty()) {
    if (options.excitation_mask.size() != static_cast<size_t>(dims))
      return Error{"Hawkes fit: excitation mask does not match the dimensions"};
    for (int u = 0; u < dims; ++u)
      for (int v = 0; v < dims; ++v)
        if (options.excitation_mask[u].size() != static_cast<size_t>(dims) ||
            !options.excitation_mask[u][v])
          p.alpha[u][v] = 0;  // EM's multiplicative updates keep a zero at zero
  }

  std::vector<int> order = TimeOrder(points);
  HawkesFitResult fit;
  fit.horizon = horizon;
  fit.p_background.assign(points.size(), 1);
  double previous_ll = -HUGE_VAL;
  for (int iteration = 1; iteration <= options.max_iterations; ++iteration) {
    Sweep sweep = RunSweep(points, order, p, horizon, &fit.p_background);
    fit.log_likelihood = sweep.log_likelihood;
    fit.iterations = iteration;
    if (std::abs(sweep.log_likelihood - previous_ll) <=
        options.tolerance * std::max(1.0, std::abs(sweep.log_likelihood)))
      break;
    previous_ll = sweep.log_likelihood;
    // M-step: μ_u = Σ P(bg) / T; α_uv = Σ p_ij / Σ_{j in v} (1 − e^{−β(T − t_j)}).
    std::vector<double> exposure(dims, 0);
    for (const HawkesPoint& x : points)
      exposure[x.dim] += 1 - std::exp(-p.beta * (horizon - x.time));
    for (int u = 0; u < dims; ++u) {
      p.mu[u] = std::max(sweep.background[u] / horizon, kMinRate);
      for (int v = 0; v < dims; ++v)
        p.alpha[u][v] = exposure[v] > 0 ? sweep.triggered[u][v] / exposure[v] : 0;
    }
    if (fit_beta && sweep.lag_total > 0)
      p.beta =
          std::clamp(sweep.triggered_total / sweep.lag_total, options.min_beta, options.max_beta);
  }
  fit.params = p;
  fit.spectral_radius = SpectralRadius(p.alpha);
  // Most likely parent of each point: one explicit pass over the kernel's reach.
  fit.best_parent.assign(points.size(), -1);
  fit.p_best_parent.assign(points.size(), 0);
  const double max_lag = std::log(1 / options.kernel_cutoff) / p.beta;
  Parents parents;
  for (size_t k = 0; k < order.size(); ++k) {
    CollectParents(points, order, k, p, max_lag, parents);
    const HawkesPoint& x = points[order[k]];
    double rate = p.mu[x.dim];
    for (double w : parents.weight) rate += w;
    rate = std::max(rate, kMinRate);
    for (size_t j = 0; j < parents.index.size(); ++j)
      if (parents.weight[j] / rate > fit.p_best_parent[order[k]]) {
        fit.p_best_parent[order[k]] = parents.weight[j] / rate;
        fit.best_parent[order[k]] = parents.index[j];
      }
  }
  return fit;
}

std::vector<double> HawkesExcitationAt(const HawkesParams& p,
                                       const std::vector<HawkesPoint>& history, double start) {
  const int dims = static_cast<int>(p.mu.size());
  std::vector<double> excitation(dims, 0);  // Σ α β e^{−β(t − t_j)} at `start`
  for (const HawkesPoint& h : history)
    if (h.time < start && h.dim >= 0 && h.dim < dims)
      for (int u = 0; u < dims; ++u)
        excitation[u] += p.alpha[u][h.dim] * p.beta * std::exp(-p.beta * (start - h.time));
  return excitation;
}

std::vector<HawkesPoint> SimulateHawkes(const HawkesParams& p, double horizon, uint64_t seed,
                                        const std::vector<HawkesPoint>& history, double start) {
  return SimulateHawkesFrom(p, horizon, seed, HawkesExcitationAt(p, history, start), start);
}

std::vector<HawkesPoint> SimulateHawkesFrom(const HawkesParams& p, double horizon, uint64_t seed,
                                            std::vector<double> excitation, double start) {
  const int dims = static_cast<int>(p.mu.size());
  excitation.resize(dims, 0);
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
