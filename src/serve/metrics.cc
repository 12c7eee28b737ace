#include "serve/metrics.h"

#include <fmt/format.h>

namespace sitrep::serve {
namespace {

// Label values are route names we chose, but escape anyway so the output always parses.
std::string Escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

}  // namespace

void Metrics::Record(std::string_view route, std::string_view method, int status, double seconds) {
  std::lock_guard lock(mu_);
  ++requests_[{std::string(route), std::string(method), status}];
  Latency& l = latency_[std::string(route)];
  for (size_t i = 0; i < kBuckets.size(); ++i)
    if (seconds <= kBuckets[i]) ++l.buckets[i];
  ++l.count;
  l.sum += seconds;
}

std::string Metrics::Render(const StoreCounts* counts) const {
  std::lock_guard lock(mu_);
  std::string out;
  out += "# HELP sitrep_http_requests_total HTTP requests served, by route, method and status.\n";
  out += "# TYPE sitrep_http_requests_total counter\n";
  for (const auto& [key, n] : requests_) {
    const auto& [route, method, status] = key;
    out +=
        fmt::format("sitrep_http_requests_total{{route=\"{}\",method=\"{}\",status=\"{}\"}} {}\n",
                    Escape(route), Escape(method), status, n);
  }
  out += "# HELP sitrep_http_request_duration_seconds Time to answer a request, by route.\n";
  out += "# TYPE sitrep_http_request_duration_seconds histogram\n";
  for (const auto& [route, l] : latency_) {
    std::string r = Escape(route);
    for (size_t i = 0; i < kBuckets.size(); ++i)
      out +=
          fmt::format("sitrep_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n",
                      r, kBuckets[i], l.buckets[i]);
    out += fmt::format(
        "sitrep_http_request_duration_seconds_bucket{{route=\"{}\",le=\"+Inf\"}} {}\n", r, l.count);
    out += fmt::format("sitrep_http_request_duration_seconds_sum{{route=\"{}\"}} {}\n", r, l.sum);
    out +=
        fmt::format("sitrep_http_request_duration_seconds_count{{route=\"{}\"}} {}\n", r, l.count);
  }
  if (counts) {
    out += "# HELP sitrep_store_events Merged events in the store.\n";
    out += "# TYPE sitrep_store_events gauge\n";
    out += fmt::format("sitrep_store_events {}\n", counts->events);
    out += "# HELP sitrep_store_articles Articles in the store.\n";
    out += "# TYPE sitrep_store_articles gauge\n";
    out += fmt::format("sitrep_store_articles {}\n", counts->articles);
    out += "# HELP sitrep_store_reports Event reports (sources) in the store.\n";
    out += "# TYPE sitrep_store_reports gauge\n";
    out += fmt::format("sitrep_store_reports {}\n", counts->reports);
  }
  return out;
}

}  // namespace sitrep::serve
