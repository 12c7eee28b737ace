// GET /api/series, /api/alarms, /api/chains, /api/forecast, /api/alerts: the analytics of
// src/analyze over the events that match the same filters as /api/events.
#include <fmt/format.h>

#include <set>

#include "analyze/analyze.h"
#include "serve/handlers.h"

namespace sitrep::serve {
namespace {

using nlohmann::json;
namespace an = sitrep::analyze;

const std::set<std::string> kFilterParams = {"from", "to",   "actor", "country",
                                             "type", "near", "text"};

std::set<std::string> With(std::set<std::string> extra) {
  extra.insert(kFilterParams.begin(), kFilterParams.end());
  return extra;
}

Error BadParam(const std::string& name, const std::string& why) {
  return Error{fmt::format("parameter '{}': {}", name, why)};
}

// The event filters of the request, checked by the /api/events parser.
Result<EventQuery> FilterQuery(const QueryParams& params) {
  QueryParams filters;
  for (const auto& [k, v] : params)
    if (kFilterParams.count(k)) filters.emplace(k, v);
  auto parsed = ParseEventsRequest(filters);
  if (!parsed) return Error{parsed.error()};
  return parsed->query;
}

Result<std::vector<Event>> LoadEvents(Context& ctx, const EventQuery& query) {
  std::vector<Event> events;
  Status status = ctx.store.QueryEvents(query, [&](const Event& e) { events.push_back(e); });
  if (!status) return Error{status.error()};
  return events;
}

Result<an::SeriesOptions> SeriesOptionsOf(const QueryParams& params, const EventQuery& q) {
  an::SeriesOptions o;
  if (auto b = Param(params, "bucket")) {
    auto bucket = an::ParseBucket(*b);
    if (!bucket) return BadParam("bucket", "expected day or week");
    o.bucket = *bucket;
  }
  if (auto g = Param(params, "by")) {
    auto by = an::ParseGroupBy(*g);
    if (!by) return BadParam("by", "expected all, dyad, root, acled, country or admin1");
    o.by = *by;
  }
  auto top = IntParam(params, "top", 0, 1000);
  if (!top) return Error{top.error()};
  o.top = static_cast<size_t>(top->value_or(0));
  o.from = q.from;
  o.to = q.to;
  return o;
}

Result<an::CusumOptions> CusumOptionsOf(const QueryParams& params) {
  an::CusumOptions o;
  auto training = IntParam(params, "training", 1, 3650);
  if (!training) return Error{training.error()};
  auto ratio = NumberParam(params, "ratio", 1.01, 100);
  if (!ratio) return Error{ratio.error()};
  auto arl0 = NumberParam(params, "arl0", 1, 1e7);
  if (!arl0) return Error{arl0.error()};
  if (*training) o.training_buckets = static_cast<int>(**training);
  if (*ratio) o.ratio = **ratio;
  if (*arl0) o.arl0_days = **arl0;
  return o;
}

Result<an::ChainOptions> ChainOptionsOf(const QueryParams& params) {
  an::ChainOptions o;
  auto window = IntParam(params, "window", 1, 365);
  if (!window) return Error{window.error()};
  if (*window) o.window_days = static_cast<int>(**window);
  if (auto u = Param(params, "unknown_source")) {
    auto rule = an::ParseUnknownSource(*u);
    if (!rule) return BadParam("unknown_source", "expected drop or last-attacked");
    o.dyads.unknown_source = *rule;
  }
  return o;
}

Result<std::vector<int>> HorizonsOf(const QueryParams& params) {
  auto value = Param(params, "horizons");
  if (!value) return std::vector<int>{7, 30};
  std::vector<int> horizons;
  size_t pos = 0;
  while (pos <= value->size()) {
    size_t comma = value->find(',', pos);
    if (comma == std::string::npos) comma = value->size();
    QueryParams one = {{"horizons", value->substr(pos, comma - pos)}};
    auto h = IntParam(one, "horizons", 1, 365);
    if (!h) return Error{h.error()};
    horizons.push_back(static_cast<int>(**h));
    pos = comma + 1;
  }
  if (horizons.size() > 8) return BadParam("horizons", "at most 8 horizons");
  return horizons;
}

Result<an::ForecastOptions> ForecastOptionsOf(const QueryParams& params) {
  an::ForecastOptions o;
  auto horizons = HorizonsOf(params);
  if (!horizons) return Error{horizons.error()};
  o.horizons_days = *horizons;
  auto sims = IntParam(params, "simulations", 100, 20000);
  if (!sims) return Error{sims.error()};
  if (*sims) o.simulations = static_cast<int>(**sims);
  auto level = NumberParam(params, "level", 0.5, 0.99);
  if (!level) return Error{level.error()};
  if (*level) o.level = **level;
  return o;
}

// Runs `compute` unless the same request was answered at the store's current generation;
// concurrent identical requests share one computation.
void Cached(Context& ctx, const httplib::Request& req, httplib::Response& res,
            const std::function<Result<json>()>& compute) {
  auto body = CachedAnswer(ctx, CacheKey(req), [&]() -> Result<std::string> {
    auto computed = compute();
    if (!computed) return Error{computed.error()};
    return computed->dump(-1, ' ', false, json::error_handler_t::replace);
  });
  if (!body) return SendError(res, 500, body.error());
  SendCached(res, *body, "application/json");
}

// Parameter errors are 400 before any work; a store failure is a 500.
struct Prepared {
  QueryParams params;
  EventQuery query;
};
std::optional<Prepared> Prepare(const httplib::Request& req, httplib::Response& res,
                                const std::set<std::string>& known) {
  Prepared p{ParamsOf(req), {}};
  if (auto ok = CheckParams(p.params, known); !ok) {
    SendError(res, 400, ok.error());
    return std::nullopt;
  }
  auto query = FilterQuery(p.params);
  if (!query) {
    SendError(res, 400, query.error());
    return std::nullopt;
  }
  p.query = *query;
  return p;
}

json Array(const auto& items) {
  json out = json::array();
  for (const auto& item : items) out.push_back(an::ToJson(item));
  return out;
}

}  // namespace

void HandleSeries(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  auto p = Prepare(req, res, With({"bucket", "by", "top"}));
  if (!p) return;
  auto options = SeriesOptionsOf(p->params, p->query);
  if (!options) return SendError(res, 400, options.error());
  Cached(ctx, req, res, [&]() -> Result<json> {
    auto events = LoadEvents(ctx, p->query);
    if (!events) return Error{events.error()};
    auto series = an::BuildSeries(*events, *options);
    return json{{"bucket", an::BucketName(options->bucket)},
                {"by", an::GroupByName(options->by)},
                {"series", Array(series)}};
  });
}

void HandleAlarms(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  auto p = Prepare(req, res, With({"bucket", "by", "top", "training", "ratio", "arl0"}));
  if (!p) return;
  auto options = SeriesOptionsOf(p->params, p->query);
  if (!options) return SendError(res, 400, options.error());
  auto cusum = CusumOptionsOf(p->params);
  if (!cusum) return SendError(res, 400, cusum.error());
  Cached(ctx, req, res, [&]() -> Result<json> {
    auto events = LoadEvents(ctx, p->query);
    if (!events) return Error{events.error()};
    std::vector<an::ChangePoint> alarms;
    for (const an::Series& s : an::BuildSeries(*events, *options))
      for (an::ChangePoint& c : an::DetectChangePoints(s, *cusum)) alarms.push_back(c);
    return json{{"alarms", Array(alarms)}};
  });
}

void HandleChains(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  auto p = Prepare(req, res, With({"window", "unknown_source"}));
  if (!p) return;
  auto options = ChainOptionsOf(p->params);
  if (!options) return SendError(res, 400, options.error());
  Cached(ctx, req, res, [&]() -> Result<json> {
    auto events = LoadEvents(ctx, p->query);
    if (!events) return Error{events.error()};
    return json{{"chains", Array(an::FindRetaliationChains(*events, *options))}};
  });
}

void HandleForecast(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  auto p = Prepare(req, res, With({"horizons", "simulations", "level", "as_of", "max_dyads"}));
  if (!p) return;
  auto forecast = ForecastOptionsOf(p->params);
  if (!forecast) return SendError(res, 400, forecast.error());
  an::DyadModelOptions model_options;
  auto as_of = DateParam(p->params, "as_of");
  if (!as_of) return SendError(res, 400, as_of.error());
  model_options.as_of = *as_of;
  auto max_dyads = IntParam(p->params, "max_dyads", 1, 200);
  if (!max_dyads) return SendError(res, 400, max_dyads.error());
  if (*max_dyads) model_options.max_dyads = static_cast<size_t>(**max_dyads);
  Cached(ctx, req, res, [&]() -> Result<json> {
    auto events = LoadEvents(ctx, p->query);
    if (!events) return Error{events.error()};
    auto model = an::FitDyadModel(*events, model_options);
    // Too few events to fit is an answer about the data, not a bad request.
    if (!model)
      return json{{"model", nullptr}, {"forecasts", json::array()}, {"message", model.error()}};
    return json{{"model", an::ToJson(*model)},
                {"forecasts", Array(an::Forecast(*model, *forecast))}};
  });
}

// A chain of a long conflict names thousands of events and links (all of them made the
// /api/alerts body of 100k events 11 MB): each keeps its latest `keep` links and the events
// they join, with its whole counts, and says when it was cut.
void KeepLatestLinks(json& chains, size_t keep) {
  for (json& chain : chains) {
    json& links = chain["links"];
    json& events = chain["events"];
    chain["num_links"] = links.size();
    chain["num_events"] = events.size();
    chain["truncated"] = links.size() > keep;
    if (links.size() <= keep) continue;
    json latest(links.end() - static_cast<std::ptrdiff_t>(keep), links.end());
    std::set<std::string> named;
    for (const json& l : latest) {
      named.insert(l.value("cause", ""));
      named.insert(l.value("response", ""));
    }
    json kept = json::array();
    for (const json& id : events)
      if (named.count(id.get<std::string>())) kept.push_back(id);
    links = std::move(latest);
    events = std::move(kept);
  }
}

void HandleAlerts(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  auto p = Prepare(req, res, With({"as_of", "recent_days", "baseline_days", "forecast", "links"}));
  if (!p) return;
  size_t keep_links = 20;
  if (auto links = Param(p->params, "links"); links && *links != "all") {
    auto n = IntParam(p->params, "links", 0, 1000000);
    if (!n) return SendError(res, 400, n.error() + " (or 'all')");
    keep_links = static_cast<size_t>(**n);
  } else if (links) {
    keep_links = SIZE_MAX;
  }
  an::AlertOptions options;
  auto as_of = DateParam(p->params, "as_of");
  if (!as_of) return SendError(res, 400, as_of.error());
  options.as_of = *as_of;
  auto recent = IntParam(p->params, "recent_days", 1, 365);
  if (!recent) return SendError(res, 400, recent.error());
  if (*recent) options.recent_days = static_cast<int>(**recent);
  auto baseline = IntParam(p->params, "baseline_days", 1, 3650);
  if (!baseline) return SendError(res, 400, baseline.error());
  if (*baseline) options.baseline_days = static_cast<int>(**baseline);
  if (auto f = Param(p->params, "forecast")) {
    if (*f != "true" && *f != "false")
      return SendError(res, 400, "parameter 'forecast': expected true or false");
    options.with_forecast = *f == "true";
  }
  Cached(ctx, req, res, [&]() -> Result<json> {
    auto events = LoadEvents(ctx, p->query);
    if (!events) return Error{events.error()};
    if (events->empty())
      return json{{"as_of", nullptr},
                  {"alerts", json::array()},
                  {"chains", json::array()},
                  {"change_points", json::array()},
                  {"forecasts", json::array()}};
    json report = an::ToJson(an::ComputeAlerts(*events, options));
    KeepLatestLinks(report["chains"], keep_links);
    return report;
  });
}

}  // namespace sitrep::serve
