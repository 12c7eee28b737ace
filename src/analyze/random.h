// Deterministic random numbers for the simulations (same stream for a seed on every platform:
// the standard's engines are fully specified, its distributions are not, so we draw our own).
#pragma once

#include <cmath>
#include <cstdint>
#include <random>

namespace sitrep::analyze {

class Random {
 public:
  explicit Random(uint64_t seed) : engine_(seed) {}
  // Uniform on (0, 1): never exactly 0, so log() is safe.
  double Uniform() { return ((engine_() >> 11) + 0.5) * (1.0 / 9007199254740992.0); }
  double Exponential(double rate) { return -std::log(Uniform()) / rate; }
  // Knuth's product method for small means, a normal approximation above 30 (tests only need
  // small means; the approximation keeps large ones cheap).
  int Poisson(double mean) {
    if (mean <= 0) return 0;
    if (mean > 30) {
      double z = std::sqrt(-2 * std::log(Uniform())) * std::cos(2 * M_PI * Uniform());
      return std::max(0, static_cast<int>(std::lround(mean + std::sqrt(mean) * z)));
    }
    double limit = std::exp(-mean), product = Uniform();
    int k = 0;
    while (product > limit) {
      product *= Uniform();
      ++k;
    }
    return k;
  }

 private:
  std::mt19937_64 engine_;
};

}  // namespace sitrep::analyze
