// One-sided Poisson CUSUM with a trained baseline; its threshold from a target in-control ARL
// by the Brook–Evans Markov chain on a fine grid of the statistic.
#include <Eigen/Dense>
#include <cmath>
#include <map>
#include <mutex>

#include "analyze/analyze.h"

namespace sitrep::analyze {
namespace {

constexpr int kGridStates = 200;

// Poisson probabilities up to the count whose upper tail is negligible.
std::vector<double> PoissonPmf(double mean) {
  std::vector<double> pmf;
  double p = std::exp(-mean), cumulative = 0;
  for (int k = 0; cumulative < 1 - 1e-12 && k < 10000; ++k) {
    pmf.push_back(p);
    cumulative += p;
    p *= mean / (k + 1);
  }
  return pmf;
}

}  // namespace

double CusumArl(double lambda0, double ratio, double h) {
  if (h <= 0) return 1;
  const double a = std::log(ratio), c = lambda0 * (ratio - 1);
  const int m = kGridStates;
  const double width = h / m;
  std::vector<double> pmf = PoissonPmf(lambda0);
  Eigen::MatrixXd system = Eigen::MatrixXd::Identity(m, m);
  for (int i = 0; i < m; ++i) {
    double s = i * width;
    for (size_t x = 0; x < pmf.size(); ++x) {
      double next = std::max(0.0, s + a * static_cast<double>(x) - c);
      if (next >= h) break;  // larger counts all cross the threshold
      int j = std::min(m - 1, static_cast<int>(std::lround(next / width)));
      system(i, j) -= pmf[x];
    }
  }
  Eigen::VectorXd arl = system.partialPivLu().solve(Eigen::VectorXd::Ones(m));
  return arl(0);
}

double CusumThreshold(double lambda0, double ratio, double arl0_buckets) {
  // Results are cached: alerts ask for the same few baselines over and over.
  static std::mutex mutex;
  static std::map<std::tuple<long, long, long>, double> cache;
  auto key = std::make_tuple(std::lround(lambda0 * 1e4), std::lround(ratio * 1e4),
                             std::lround(arl0_buckets * 10));
  {
    std::lock_guard lock(mutex);
    auto it = cache.find(key);
    if (it != cache.end()) return it->second;
  }
  double low = 0, high = 1;
  while (CusumArl(lambda0, ratio, high) < arl0_buckets && high < 1e3) high *= 2;
  for (int iteration = 0; iteration < 40 && high - low > 1e-4 * high; ++iteration) {
    double mid = (low + high) / 2;
    (CusumArl(lambda0, ratio, mid) < arl0_buckets ? low : high) = mid;
  }
  std::lock_guard lock(mutex);
  cache[key] = high;
  return high;
}

std::vector<ChangePoint> DetectChangePoints(const std::vector<int>& counts, Date start,
                                            int bucket_days, const std::string& key,
                                            const CusumOptions& options) {
  std::vector<ChangePoint> out;
  const size_t n = counts.size();
  const size_t training = static_cast<size_t>(std::max(1, options.training_buckets));
  const double arl0 = options.arl0_days / bucket_days;
  size_t train_begin = 0;
  while (train_begin + training < n) {
    double sum = 0;
    for (size_t i = train_begin; i < train_begin + training; ++i) sum += counts[i];
    double lambda0 = std::max(sum / training, options.min_rate_per_day * bucket_days);
    double h = CusumThreshold(lambda0, options.ratio, arl0);
    double a = std::log(options.ratio), c = lambda0 * (options.ratio - 1);
    double s = 0;
    size_t last_zero = train_begin + training - 1;
    bool alarmed = false;
    for (size_t t = train_begin + training; t < n; ++t) {
      s = std::max(0.0, s + a * counts[t] - c);
      if (s == 0) last_zero = t;
      if (s <= h) continue;
      size_t change = last_zero + 1;
      double after = 0;
      for (size_t i = change; i <= t; ++i) after += counts[i];
      after /= static_cast<double>(t - change + 1);
      ChangePoint cp;
      cp.series = key;
      cp.change = start + static_cast<int>(change) * bucket_days;
      cp.alarm = start + static_cast<int>(t) * bucket_days;
      cp.delay_buckets = static_cast<int>(t - change);
      cp.rate_before = lambda0;
      cp.rate_after = after;
      cp.ratio = after / lambda0;
      cp.statistic = s;
      cp.threshold = h;
      out.push_back(cp);
      // The new regime is the baseline from here on: retrain from the estimated change.
      train_begin = std::max(change, train_begin + 1);
      if (train_begin + training <= t) train_begin = t + 1 - training;
      alarmed = true;
      break;
    }
    if (!alarmed) break;
  }
  return out;
}

std::vector<ChangePoint> DetectChangePoints(const Series& series, const CusumOptions& options) {
  return DetectChangePoints(series.counts, series.start, series.bucket == Bucket::kDay ? 1 : 7,
                            series.key, options);
}

}  // namespace sitrep::analyze
