#include "watch/fetcher.h"

#include <curl/curl.h>

#include <memory>
#include <mutex>
#include <thread>

#include "watch/feed_list.h"

namespace sitrep {
namespace {

void GlobalInitOnce() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct Sink {
  std::string body;
  size_t max_bytes = 0;
  bool too_large = false;
  std::string etag;
  std::string last_modified;
};

size_t OnBody(char* data, size_t size, size_t n, void* user) {
  auto* sink = static_cast<Sink*>(user);
  size_t bytes = size * n;
  if (sink->body.size() + bytes > sink->max_bytes) {
    sink->too_large = true;
    return 0;  // aborts the transfer
  }
  sink->body.append(data, bytes);
  return bytes;
}

std::string HeaderValue(std::string_view line, std::string_view name) {
  if (line.size() <= name.size() || line[name.size()] != ':') return "";
  for (size_t i = 0; i < name.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(line[i])) != name[i]) return "";
  std::string_view v = line.substr(name.size() + 1);
  while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
  while (!v.empty() && (v.back() == '\r' || v.back() == '\n' || v.back() == ' ')) v.remove_suffix(1);
  return std::string(v);
}

size_t OnHeader(char* data, size_t size, size_t n, void* user) {
  auto* sink = static_cast<Sink*>(user);
  std::string_view line(data, size * n);
  if (line.rfind("HTTP/", 0) == 0) {  // a new response (after a redirect): forget the last one
    sink->etag.clear();
    sink->last_modified.clear();
  }
  if (auto v = HeaderValue(line, "etag"); !v.empty()) sink->etag = v;
  if (auto v = HeaderValue(line, "last-modified"); !v.empty()) sink->last_modified = v;
  return size * n;
}

struct CurlFree {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct SlistFree {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

}  // namespace

Fetcher::Fetcher(FetchOptions options) : options_(std::move(options)) { GlobalInitOnce(); }

void Fetcher::WaitForHost(const std::string& host) {
  auto now = std::chrono::steady_clock::now();
  auto it = last_request_.find(host);
  if (it != last_request_.end()) {
    auto ready = it->second + std::chrono::milliseconds(options_.per_host_interval_ms);
    if (ready > now) std::this_thread::sleep_for(ready - now);
  }
  last_request_[host] = std::chrono::steady_clock::now();
}

Result<FetchResponse> Fetcher::FetchOnce(const FetchRequest& request, bool& transient) {
  transient = false;
  std::unique_ptr<CURL, CurlFree> curl(curl_easy_init());
  if (!curl) return Error{request.url + ": cannot start an HTTP client"};
  Sink sink;
  sink.max_bytes = options_.max_bytes;
  std::unique_ptr<curl_slist, SlistFree> headers;
  auto add_header = [&](const std::string& h) {
    headers.reset(curl_slist_append(headers.release(), h.c_str()));
  };
  if (!request.etag.empty()) add_header("If-None-Match: " + request.etag);
  if (!request.last_modified.empty()) add_header("If-Modified-Since: " + request.last_modified);
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(c, CURLOPT_MAXREDIRS, options_.max_redirects);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, options_.connect_timeout_ms);
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, options_.timeout_ms);
  curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options_.max_bytes));
  curl_easy_setopt(c, CURLOPT_USERAGENT, options_.user_agent.c_str());
  curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");  // whatever curl can decode
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, OnBody);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &sink);
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, OnHeader);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, &sink);
  if (headers) curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());

  CURLcode rc = curl_easy_perform(c);
  if (sink.too_large || rc == CURLE_FILESIZE_EXCEEDED)
    return Error{request.url + ": page larger than " + std::to_string(options_.max_bytes) +
                 " bytes, refused"};
  if (rc == CURLE_TOO_MANY_REDIRECTS)
    return Error{request.url + ": more than " + std::to_string(options_.max_redirects) +
                 " redirects (a redirect loop?)"};
  if (rc != CURLE_OK) {
    transient = rc != CURLE_UNSUPPORTED_PROTOCOL && rc != CURLE_URL_MALFORMAT;
    return Error{request.url + ": " + curl_easy_strerror(rc)};
  }
  FetchResponse r;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r.status);
  char* final_url = nullptr;
  curl_easy_getinfo(c, CURLINFO_EFFECTIVE_URL, &final_url);
  r.final_url = final_url ? final_url : request.url;
  char* type = nullptr;
  curl_easy_getinfo(c, CURLINFO_CONTENT_TYPE, &type);
  r.content_type = type ? type : "";
  if (r.status != 200 && r.status != 304) {
    transient = r.status >= 500 || r.status == 429 || r.status == 408;
    return Error{request.url + ": HTTP " + std::to_string(r.status)};
  }
  r.body = std::move(sink.body);
  r.etag = std::move(sink.etag);
  r.last_modified = std::move(sink.last_modified);
  return r;
}

Result<FetchResponse> Fetcher::Fetch(const FetchRequest& request) {
  std::string host = UrlHost(request.url);
  if (host.empty()) return Error{request.url + ": not an http:// or https:// URL"};
  int delay_ms = options_.backoff_ms;
  for (int attempt = 1;; ++attempt) {
    WaitForHost(host);
    bool transient = false;
    auto r = FetchOnce(request, transient);
    if (r) {
      r->attempts = attempt;
      return r;
    }
    if (!transient || attempt > options_.retries)
      return Error{r.error() + (attempt > 1 ? " (after " + std::to_string(attempt) + " attempts)" : "")};
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    delay_ms *= 2;
  }
}

}  // namespace sitrep
