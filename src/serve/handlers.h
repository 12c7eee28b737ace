// Internal to the serve stage: the state the route handlers share, and the handlers themselves
// (one file per area: events and articles, ingest, analytics). Not a public contract.
#pragma once

#include <httplib.h>

#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>

#include "serve/query_params.h"
#include "serve/response_cache.h"
#include "serve/server.h"

namespace sitrep::serve {

struct Context {
  Store& store;
  ArticleCoder coder;
  ServeOptions options;
  // The store's reads run concurrently (each on a pooled connection); its writes are
  // serialized here (Store's thread contract).
  std::mutex write_mu;
  std::mutex coder_mu;
  // Answers by request (path and parameters), valid while the store's generation is the one
  // they were computed at: event lists and exports, list totals, /health counts, analytics.
  ResponseCache answers;
};

// Sends a cached answer with status 200; a large one is streamed from the cache's copy.
void SendCached(httplib::Response& res, const ResponseCache::Value& body,
                const std::string& content_type);
// The request as a cache key: path, then the parameters in order.
std::string CacheKey(const httplib::Request& req);
// `compute`'s answer for this key at the store's current generation, computed once per
// generation; a store failure is an error.
Result<ResponseCache::Value> CachedAnswer(Context& ctx, const std::string& key,
                                          const std::function<Result<std::string>()>& compute);

void SendJson(httplib::Response& res, int status, const nlohmann::json& body);
void SendError(httplib::Response& res, int status, const std::string& message);
// The request's query parameters in the form query_params.h takes.
QueryParams ParamsOf(const httplib::Request& req);

// events and articles
void HandleEvents(Context& ctx, const httplib::Request& req, httplib::Response& res);
void HandleEvent(Context& ctx, const httplib::Request& req, httplib::Response& res);
void HandleArticle(Context& ctx, const httplib::Request& req, httplib::Response& res);
// ingest
// `body` is the request body, read by the router within the size limit.
void HandlePostArticle(Context& ctx, const httplib::Request& req, const std::string& body,
                       httplib::Response& res);
// analytics
void HandleSeries(Context& ctx, const httplib::Request& req, httplib::Response& res);
void HandleAlarms(Context& ctx, const httplib::Request& req, httplib::Response& res);
void HandleChains(Context& ctx, const httplib::Request& req, httplib::Response& res);
void HandleForecast(Context& ctx, const httplib::Request& req, httplib::Response& res);
void HandleAlerts(Context& ctx, const httplib::Request& req, httplib::Response& res);

}  // namespace sitrep::serve
