// Request metrics in the Prometheus text exposition format: requests by route, method and
// status, a latency histogram by route, and the store's sizes at scrape time.
#pragma once

#include <array>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>

#include "store/store.h"

namespace sitrep::serve {

class Metrics {
 public:
  // `route` is the route's pattern name ("/api/events/{id}"), never the raw path, so the number
  // of series stays bounded whatever clients send.
  void Record(std::string_view route, std::string_view method, int status, double seconds);
  std::string Render(const StoreCounts* counts) const;

  static constexpr std::array<double, 9> kBuckets = {0.001, 0.005, 0.01, 0.025, 0.05,
                                                     0.1,   0.25,  1.0,  5.0};

 private:
  struct Latency {
    std::array<uint64_t, kBuckets.size()> buckets{};
    uint64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mu_;
  std::map<std::tuple<std::string, std::string, int>, uint64_t> requests_;
  std::map<std::string, Latency> latency_;
};

}  // namespace sitrep::serve
