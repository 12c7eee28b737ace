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

void SendEventList(Context& ctx, const EventsRequest& req, httplib::Response& res) {
  EventQuery query = req.query;
  json events = json::array();
  std::ostringstream exported;
  EventWriter writer(exported, ToExportFormat(req.format));
  bool as_json = req.format == ListFormat::kJson;
  if (as_json && (!req.limit_given || query.limit > ctx.options.max_json_events))
    query.limit = ctx.options.max_json_events;
  std::lock_guard lock(ctx.store_mu);
  size_t total = 0;
  if (as_json) {
    EventQuery unpaged = req.query;
    unpaged.limit = 0;
    unpaged.offset = 0;
    auto count = ctx.store.CountEvents(unpaged);
    if (!count) return SendError(res, 500, count.error());
    total = *count;
  } else {
    writer.Begin();
  }
  Status status = ctx.store.QueryEvents(query, [&](const Event& e) {
    if (as_json)
      events.push_back(ToJson(e));
    else
      writer.Write(e);
  });
  if (!status) return SendError(res, 500, status.error());
  if (as_json) {
    SendJson(res, 200,
             {{"total", total},
              {"offset", query.offset},
              {"limit", query.limit},
              {"events", std::move(events)}});
    return;
  }
  writer.End();
  res.status = 200;
  res.set_content(exported.str(), ContentTypeOf(req.format));
}

}  // namespace

void HandleEvents(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  auto parsed = ParseEventsRequest(ParamsOf(req));
  if (!parsed) return SendError(res, 400, parsed.error());
  SendEventList(ctx, *parsed, res);
}

void HandleEvent(Context& ctx, const httplib::Request& req, httplib::Response& res) {
  if (auto ok = CheckParams(ParamsOf(req), {}); !ok) return SendError(res, 400, ok.error());
  std::string id = req.matches[1];
  std::lock_guard lock(ctx.store_mu);
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
  std::lock_guard lock(ctx.store_mu);
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
