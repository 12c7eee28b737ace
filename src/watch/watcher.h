// One round of `sitrep watch`: fetch every feed and page of the watch list, ingest the
// articles not seen before, then compare the alerts with the last round's and notify what
// rose. What was seen, the feeds' validators (ETag, Last-Modified) and the alert levels live
// in the store, so a restarted watcher neither re-fetches nor re-notifies.
#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "pipeline/pipeline.h"
#include "store/store.h"
#include "watch/feed_list.h"
#include "watch/fetcher.h"
#include "watch/notifier.h"

namespace sitrep {

struct WatchOptions {
  FetchOptions fetch;
  NotifyTargets notify;
  std::ostream* log = nullptr;  // one line per failure and a summary per round
};

struct RoundReport {
  size_t feeds = 0;
  size_t unchanged = 0;  // answered 304
  size_t failed = 0;     // feeds and pages that failed this round (retried next round)
  size_t items = 0;      // feed items listed
  size_t fetched = 0;    // article pages fetched
  size_t new_articles = 0;
  size_t events = 0;
  size_t notifications = 0;
  std::vector<std::string> errors;
};

// Computes the current alert states from the store (the analytics, wired by the CLI).
using AlertSource = std::function<Result<std::vector<AlertState>>(Store&)>;

class Watcher {
 public:
  Watcher(Store& store, const Pipeline& pipeline, WatchOptions options, AlertSource alerts);
  RoundReport RunRound(const std::vector<FeedEntry>& entries);

 private:
  void WatchEntry(const FeedEntry& entry, RoundReport& report);
  bool IngestPage(const FeedEntry& entry, const std::string& url, const std::string& body,
                  const std::string& title, std::optional<Date> published, RoundReport& report);
  void NotifyAlerts(RoundReport& report);
  void Fail(RoundReport& report, std::string message);

  Store& store_;
  const Pipeline& pipeline_;
  WatchOptions options_;
  AlertSource alerts_;
  Fetcher fetcher_;
};

}  // namespace sitrep
