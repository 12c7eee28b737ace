#include "watch/watcher.h"

#include "read/reader.h"
#include "watch/feed_parser.h"

namespace sitrep {
namespace {

std::string EtagKey(const std::string& url) { return "watch:etag:" + url; }
std::string ModifiedKey(const std::string& url) { return "watch:modified:" + url; }
std::string SeenKey(const std::string& guid) { return "watch:seen:" + guid; }
constexpr const char* kAlertsKey = "watch:alerts";

std::string StateOr(Store& store, const std::string& key) {
  auto v = store.GetState(key);
  return v && v->has_value() ? **v : std::string();
}

}  // namespace

Watcher::Watcher(Store& store, const Pipeline& pipeline, WatchOptions options, AlertSource alerts)
    : store_(store),
      pipeline_(pipeline),
      options_(std::move(options)),
      alerts_(std::move(alerts)),
      fetcher_(options_.fetch) {}

void Watcher::Fail(RoundReport& report, std::string message) {
  ++report.failed;
  if (options_.log) *options_.log << "sitrep watch: " << message << '\n' << std::flush;
  report.errors.push_back(std::move(message));
}

RoundReport Watcher::RunRound(const std::vector<FeedEntry>& entries) {
  RoundReport report;
  for (const FeedEntry& entry : entries) WatchEntry(entry, report);
  NotifyAlerts(report);
  return report;
}

void Watcher::WatchEntry(const FeedEntry& entry, RoundReport& report) {
  ++report.feeds;
  FetchRequest request{entry.url, StateOr(store_, EtagKey(entry.url)),
                       StateOr(store_, ModifiedKey(entry.url))};
  auto response = fetcher_.Fetch(request);
  if (!response) return Fail(report, response.error());
  if (response->status == 304) {
    ++report.unchanged;
    return;
  }
  bool all_ok = true;
  if (LooksLikeFeed(response->body)) {
    auto items = ParseFeed(response->body, entry.url);
    if (!items) return Fail(report, items.error());
    for (const FeedItem& item : *items) {
      ++report.items;
      auto known = store_.HasArticleUrl(item.link);
      if (known && *known) continue;
      if (StateOr(store_, SeenKey(item.guid)) != "") continue;
      auto page = fetcher_.Fetch({item.link, "", ""});
      if (!page) {
        Fail(report, page.error());
        all_ok = false;
        continue;
      }
      ++report.fetched;
      if (!IngestPage(entry, item.link, page->body, item.title, item.published, report)) {
        all_ok = false;
        continue;
      }
      (void)store_.PutState(SeenKey(item.guid), "1");
    }
  } else {
    ++report.fetched;
    all_ok = IngestPage(entry, entry.url, response->body, "", std::nullopt, report);
  }
  // Validators are kept only when everything the response listed was ingested: otherwise the
  // next round would get 304 and never retry the pages that failed.
  if (all_ok) {
    if (!response->etag.empty()) (void)store_.PutState(EtagKey(entry.url), response->etag);
    if (!response->last_modified.empty())
      (void)store_.PutState(ModifiedKey(entry.url), response->last_modified);
  }
}

bool Watcher::IngestPage(const FeedEntry& entry, const std::string& url, const std::string& body,
                         const std::string& title, std::optional<Date> published,
                         RoundReport& report) {
  ReadOptions read = pipeline_.options().read;
  if (published) read.published = published;
  auto article = ParseDocument(body, url, InputFormat::kHtml, read);
  if (!article) {
    Fail(report, article.error());
    return false;
  }
  article->url = url;
  if (article->outlet.empty()) article->outlet = entry.outlet;
  if (article->title.empty()) article->title = title;
  std::vector<Event> events = pipeline_.Code(*article);
  auto stored = store_.PutArticle(*article, events);
  if (!stored) {
    Fail(report, url + ": " + stored.error());
    return false;
  }
  if (*stored != IngestOutcome::kUnchanged) {
    ++report.new_articles;
    report.events += events.size();
  }
  return true;
}

void Watcher::NotifyAlerts(RoundReport& report) {
  if (!alerts_) return;
  auto current = alerts_(store_);
  if (!current) return Fail(report, "alerts: " + current.error());
  std::vector<AlertState> previous = DecodeAlertStates(StateOr(store_, kAlertsKey));
  for (const Notification& n : CompareAlerts(previous, *current)) {
    Status sent = Notify(n, options_.notify);
    ++report.notifications;
    if (!sent) Fail(report, sent.error());
  }
  Status saved = store_.PutState(kAlertsKey, EncodeAlertStates(*current));
  if (!saved) Fail(report, "saving alert levels: " + saved.error());
}

}  // namespace sitrep
