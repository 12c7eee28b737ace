// Internal to the serve stage: the state the route handlers share, and the handlers themselves
// (one file per area: events and articles, ingest, analytics). Not a public contract.
#pragma once

#include <httplib.h>

#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>

#include "serve/query_params.h"
#include "serve/server.h"

namespace sitrep::serve {

struct Context {
  Store& store;
  ArticleCoder coder;
  ServeOptions options;
  std::mutex store_mu;  // the store back ends are not promised to be thread-safe
  std::mutex coder_mu;
  // Analytics results by request, valid while the store's counts are unchanged.
  std::mutex cache_mu;
  std::map<std::string, std::pair<std::string, nlohmann::json>> analytics_cache;
};

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
