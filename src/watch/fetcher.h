// Polite HTTP fetching with libcurl: conditional requests (ETag / If-Modified-Since), a
// per-host rate limit, timeouts, a size cap, bounded redirects, retries with back-off on
// network errors and 5xx/429, and a User-Agent that says who is asking.
#pragma once

#include <chrono>
#include <map>
#include <string>

#include "base/result.h"

namespace sitrep {

struct FetchOptions {
  long connect_timeout_ms = 10'000;
  long timeout_ms = 30'000;
  size_t max_bytes = 8u << 20;  // a larger page is refused, not truncated
  long max_redirects = 5;
  int retries = 2;              // further attempts after the first, for transient failures
  int backoff_ms = 1'000;       // doubled at each retry
  int per_host_interval_ms = 1'000;
  std::string user_agent = "sitrep/0.1 (news event coder; +https://github.com/sitrep)";
};

struct FetchRequest {
  std::string url;
  std::string etag;           // sent as If-None-Match when set
  std::string last_modified;  // sent as If-Modified-Since when set
};

struct FetchResponse {
  long status = 0;  // 200, or 304 when the conditional request found nothing new
  std::string body;
  std::string etag;
  std::string last_modified;
  std::string final_url;  // after redirects
  std::string content_type;
  int attempts = 0;
};

class Fetcher {
 public:
  explicit Fetcher(FetchOptions options = {});
  // A response with status 200 or 304, or an Error naming the URL and the reason (DNS,
  // timeout, HTTP 404, redirect loop, too large, …) after the retries are spent.
  Result<FetchResponse> Fetch(const FetchRequest& request);

 private:
  Result<FetchResponse> FetchOnce(const FetchRequest& request, bool& transient);
  void WaitForHost(const std::string& host);

  FetchOptions options_;
  std::map<std::string, std::chrono::steady_clock::time_point> last_request_;
};

}  // namespace sitrep
