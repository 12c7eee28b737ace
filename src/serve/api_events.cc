// GET /api/events, /api/events/{id}, /api/articles/{id}.
#include <sstream>

#include "serve/handlers.h"

namespace sitrep::serve {
namespace {

using nlohmann::json;

json SourceJson(const EventSource& s) {
  return {{"article_id", s.article_id},
          {"title", s.title},
          {"outlet", s.outlet},
          {"url", s.url.empty() ? json(nullptr) : json(s.url)},
          {"published", s.published ? json(s.published->Iso()) : json(nullptr)},
          {"sentence", s.sentence},
          {"start", s.start},
          {"end", s.end}};
}

ExportFormat ToExportFormat(ListFormat f) {
  switch (f) {
    case ListFormat::kCsv:
      return ExportFormat::kCsv;
    case ListFormat::kGeojson:
      return ExportFormat::kGeojson;
    default:
      return ExportFormat::kJsonl;
  }
}

const char* ContentTypeOf(ListFormat f) {
  switch (f) {
    case ListFormat::kCsv:
      return "text/csv; charset=utf-8";
    case ListFormat::kGeojson:
      return "application/geo+json";
    case ListFormat::kJsonl:
      return "application/x-ndjson";
    default:
      return "application/json";
  }
}

std::string Dump(const json& body) {
  return body.dump(-1, ' ', false, json::error_handler_t::replace);
}

// The key of the filters alone: the total of a list does not depend on its page or order.
std::string FilterKey(const httplib::Request& req) {
  std::string key = "total?";
  for (const auto& [k, v] : req.params)
    if (k != "sort" && k != "limit" && k != "offset" && k != "format") key += k + "=" + v + "&";
  return key;
}

Result<std::string> EventList(Context& ctx, const httplib::Request& http_req,
                              const EventsRequest& req) {
  EventQuery query = req.query;
  json events = json::array();
  std::ostringstream exported;
  EventWriter writer(exported, ToExportFormat(req.format));
  bool as_json = req.format == ListFormat::kJson;
  if (as_json && (!req.limit_given || query.limit > ctx.options.max_json_events))
    query.limit = ctx.options.max_json_events;
  std::string total;
  if (as_json) {
    auto count = CachedAnswer(ctx, FilterKey(http_req), [&]() -> Result<std::string> {
      EventQuery unpaged = req.query;
      unpaged.limit = 0;
      unpaged.offset = 0;
      auto n = ctx.store.CountEvents(unpaged);
      if (!n) return Error{n.error()};
      return std::to_string(*n);
    });
    if (!count) return Error{count.error()};
    total = **count;
  } else {
    writer.Begin();
  }
  // The total is cached per filter: a page past it (or of a filter nothing matches) needs no
  // search of the store.
  bool past_the_end = as_json && query.offset >= std::stoull(total);
  Status status = past_the_end ? OkStatus() : ctx.store.QueryEvents(query, [&](const Event& e) {
    if (as_json)
      events.push_back(ToJson(e));
    else
      writer.Write(e);
  });
  if (!status) return Error{status.error()};
  if (as_json) {
    return Dump({{"total", std::stoull(total)},
                 {"offset", query.offset},
                 {"limit", query.limit},
                 {"events", std::move(events)}});
  }
  writer.End();
  return exported.str();
}

void SendEventList(Context& ctx, const httplib::Request& http_req, const EventsRequest& req,
                   httplib::Response& res) {
  auto body = CachedAnswer(ctx, CacheKey(http_req), [&] { return EventList(ctx, http_req, req); });
  if (!body) return SendError(res, 500, body.error());
  SendCached(res, *body, ContentTypeOf(req.format));
}

}  // namespace

void HandleEvents(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  auto parsed = ParseEventsRequest(ParamsOf(req));
  if (!parsed) return SendError(res, 400, parsed.error());
  SendEventList(ctx, req, *parsed, res);
}

void HandleEvent(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  if (auto ok = CheckParams(ParamsOf(req), {}); !ok) return SendError(res, 400, ok.error());
  std::string id = req.matches[1];
  auto event = ctx.store.GetEvent(id);
  if (!event) return SendError(res, 500, event.error());
  if (!event->has_value()) return SendError(res, 404, "no event with id '" + id + "'");
  auto sources = ctx.store.GetSources(id);
  if (!sources) return SendError(res, 500, sources.error());
  json body = ToJson(**event);
  json list = json::array();
  for (const EventSource& s : *sources) list.push_back(SourceJson(s));
  body["sources"] = std::move(list);
  SendJson(res, 200, body);
}

void HandleArticle(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  if (auto ok = CheckParams(ParamsOf(req), {}); !ok) return SendError(res, 400, ok.error());
  std::string id = req.matches[1];
  auto stored = ctx.store.GetArticle(id);
  if (!stored) return SendError(res, 500, stored.error());
  if (!stored->has_value()) return SendError(res, 404, "no article with id '" + id + "'");
  const Article& a = (*stored)->article;
  json events = json::array();
  json spans = json::array();
  for (const std::string& event_id : (*stored)->event_ids) {
    auto event = ctx.store.GetEvent(event_id);
    if (!event) return SendError(res, 500, event.error());
    if (!event->has_value()) continue;
    events.push_back(ToJson(**event));
    // A merged event's evidence may come from another article: this article's own report
    // gives the span inside this body.
    auto sources = ctx.store.GetSources(event_id);
    if (!sources) return SendError(res, 500, sources.error());
    for (const EventSource& s : *sources) {
      if (s.article_id != a.id || s.end <= s.start || s.end > a.body.size()) continue;
      spans.push_back(
          {{"event_id", event_id},
           {"start", s.start},
           {"end", s.end},
           {"cameo", (*event)->cameo},
           {"acled_type", (*event)->acled_type ? json(*(*event)->acled_type) : json(nullptr)}});
    }
  }
  json article = {{"id", a.id},
                  {"title", a.title},
                  {"author", a.author},
                  {"outlet", a.outlet},
                  {"url", a.url.empty() ? json(nullptr) : json(a.url)},
                  {"published", a.published ? json(a.published->Iso()) : json(nullptr)},
                  {"content_hash", a.content_hash},
                  {"format", a.format}};
  SendJson(res, 200,
           {{"article", std::move(article)},
            {"body", a.body},
            {"events", std::move(events)},
            {"spans", std::move(spans)}});
}

}  // namespace sitrep::serve
