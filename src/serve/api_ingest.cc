// POST /api/articles: reads one posted article (a JSON object or raw text), codes it and
// stores it with its events. Authorization is checked by the router before this runs.
#include "read/reader.h"
#include "serve/handlers.h"

namespace sitrep::serve {
namespace {

using nlohmann::json;

const char* OutcomeName(IngestOutcome o) {
  switch (o) {
    case IngestOutcome::kNew:
      return "new";
    case IngestOutcome::kUnchanged:
      return "unchanged";
    default:
      return "replaced";
  }
}

// Checks the posted object against the article fields of the contract, so a mistake gets a
// message naming the field rather than whatever the reader makes of it.
Status CheckArticleJson(const json& j) {
  if (!j.is_object()) return Error{"body: expected a JSON object with a 'text' field"};
  if (!j.contains("text") || !j["text"].is_string() || j["text"].get<std::string>().empty())
    return Error{"field 'text': required, a non-empty string"};
  for (const char* field : {"id", "title", "published", "url", "outlet", "author"}) {
    if (j.contains(field) && !j[field].is_string() && !j[field].is_null())
      return Error{std::string("field '") + field + "': expected a string"};
  }
  if (j.contains("published") && j["published"].is_string()) {
    std::string p = j["published"];
    if (p.size() != 10 || !Date::ParseIso(p))
      return Error{"field 'published': expected a date YYYY-MM-DD"};
  }
  return OkStatus();
}

InputFormat FormatOfContentType(const std::string& content_type) {
  if (content_type.find("text/html") == 0) return InputFormat::kHtml;
  if (content_type.find("text/markdown") == 0) return InputFormat::kMarkdown;
  if (content_type.find("text/plain") == 0) return InputFormat::kText;
  return InputFormat::kAuto;
}

Result<Article> ReadPostedArticle(const httplib::Request& req, const std::string& body,
                                  const ReadOptions& read) {
  std::string content_type = req.get_header_value("Content-Type");
  if (content_type.find("application/json") == 0) {
    json j = json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) return Error{"body: not valid JSON"};
    if (auto ok = CheckArticleJson(j); !ok) return Error{ok.error()};
    // One JSON Lines record: the reader then treats it exactly as `sitrep ingest` would.
    return ParseDocument(j.dump(), "api", InputFormat::kJsonl, read);
  }
  if (body.empty()) return Error{"body: empty; send an article as JSON or as text"};
  return ParseDocument(body, "api", FormatOfContentType(content_type), read);
}

}  // namespace

void HandlePostArticle(Context& ctx, const httplib::Request& req, const std::string& body,
                       httplib::Response& res) {
  auto params = ParamsOf(req);
  if (auto ok = CheckParams(params, {"published"}); !ok) return SendError(res, 400, ok.error());
  auto published = DateParam(params, "published");
  if (!published) return SendError(res, 400, published.error());
  if (!ctx.coder) return SendError(res, 503, "coding is not available in this server");
  ReadOptions read;
  read.published = *published;
  read.max_article_bytes = ctx.options.max_body_bytes;
  auto article = ReadPostedArticle(req, body, read);
  if (!article) return SendError(res, 400, article.error());
  std::vector<Event> events;
  {
    std::lock_guard lock(ctx.coder_mu);
    events = ctx.coder(*article);
  }
  std::lock_guard lock(ctx.write_mu);
  auto outcome = ctx.store.PutArticle(*article, events);
  if (!outcome) return SendError(res, 500, outcome.error());
  json ids = json::array();
  for (const Event& e : events) ids.push_back(e.id);
  SendJson(res, *outcome == IngestOutcome::kNew ? 201 : 200,
           {{"article_id", article->id},
            {"outcome", OutcomeName(*outcome)},
            {"events", events.size()},
            {"event_ids", std::move(ids)}});
}

}  // namespace sitrep::serve
