// sitrep watch: follow news feeds, code what arrives, notify when an alert rises.
#include <csignal>
#include <cstdio>
#include <iostream>
#include <thread>

#include "cli/commands.h"
#include "cli/options.h"
#include "store/store.h"
#include "watch/alert_states.h"
#include "watch/watcher.h"

namespace sitrep::cli {
namespace {

volatile std::sig_atomic_t g_stop = 0;
void OnSignal(int) { g_stop = 1; }

// "15m", "30s", "1h", "900" (seconds) → seconds; 0 when malformed.
long ParseInterval(const std::string& text) {
  if (text.empty()) return 0;
  size_t used = 0;
  long n = 0;
  try {
    n = std::stol(text, &used);
  } catch (...) {
    return 0;
  }
  std::string unit = text.substr(used);
  if (unit.empty() || unit == "s") return n;
  if (unit == "m") return n * 60;
  if (unit == "h") return n * 3600;
  return 0;
}

struct WatchArgs {
  std::string feeds;
  std::string every = "15m";
  std::string db = "sqlite:sitrep.db";
  bool once = false;
  std::string notify_url;
  std::string notify_cmd;
  bool no_stdout = false;
  int rate_ms = 1000;
  int timeout_s = 30;
  size_t max_page_bytes = 8u << 20;
  std::string published;
};

void PrintSummary(const RoundReport& r) {
  std::fprintf(stderr,
               "sitrep watch: %zu feeds (%zu unchanged, %zu failed), %zu items, %zu pages fetched, "
               "%zu new articles, %zu events, %zu notifications\n",
               r.feeds, r.unchanged, r.failed, r.items, r.fetched, r.new_articles, r.events,
               r.notifications);
}

}  // namespace

Runner AddWatch(CLI::App& app) {
  CLI::App* sub = app.add_subcommand("watch", "follow news feeds, code what arrives, push alerts");
  auto a = std::make_shared<WatchArgs>();
  sub->add_option("--feeds", a->feeds, "watch list: one feed or page URL a line, [outlet] [lang=xx]")
      ->required();
  sub->add_option("--every", a->every, "time between rounds: 30s, 15m, 1h (default 15m)");
  sub->add_option("--db", a->db, "store URL (default sqlite:sitrep.db)");
  sub->add_flag("--once", a->once, "do one round and exit (for cron or systemd timers)");
  sub->add_option("--notify-url", a->notify_url, "webhook: POST each notification as JSON");
  sub->add_option("--notify-cmd", a->notify_cmd, "command: gets each notification on stdin");
  sub->add_flag("--no-stdout", a->no_stdout, "do not print notifications on stdout");
  sub->add_option("--rate-limit-ms", a->rate_ms, "minimum time between requests to one host")
      ->check(CLI::Range(0, 600000));
  sub->add_option("--timeout", a->timeout_s, "seconds allowed for one request")
      ->check(CLI::Range(1, 3600));
  sub->add_option("--max-page-bytes", a->max_page_bytes, "larger pages are refused");
  sub->add_option("--published", a->published, "publication date for pages that carry none");
  return [a] {
    long every = ParseInterval(a->every);
    if (every <= 0) {
      std::fprintf(stderr, "sitrep watch: --every '%s' is not an interval like 30s, 15m or 1h\n",
                   a->every.c_str());
      return 2;
    }
    auto entries = LoadFeedList(a->feeds);
    if (!entries) {
      std::fprintf(stderr, "sitrep watch: %s\n", entries.error().c_str());
      return 2;
    }
    InputOptions in;
    in.published = a->published;
    in.threads = 1;
    auto options = ToPipelineOptions(in);
    if (!options) {
      std::fprintf(stderr, "sitrep watch: %s\n", options.error().c_str());
      return 2;
    }
    auto pipeline = Pipeline::Open(*options);
    if (!pipeline) {
      std::fprintf(stderr, "sitrep watch: %s\n", pipeline.error().c_str());
      return 2;
    }
    auto store = Store::Open(a->db);
    if (!store) {
      std::fprintf(stderr, "sitrep watch: %s\n", store.error().c_str());
      return 1;
    }
    WatchOptions w;
    w.fetch.per_host_interval_ms = a->rate_ms;
    w.fetch.timeout_ms = a->timeout_s * 1000L;
    w.fetch.max_bytes = a->max_page_bytes;
    w.notify.stream = a->no_stdout ? nullptr : &std::cout;
    w.notify.webhook_url = a->notify_url;
    w.notify.command = a->notify_cmd;
    w.log = &std::cerr;
    Watcher watcher(**store, **pipeline, w, [](Store& s) { return CurrentAlertStates(s); });
    std::signal(SIGINT, OnSignal);
    std::signal(SIGTERM, OnSignal);
    for (;;) {
      RoundReport report = watcher.RunRound(*entries);
      PrintSummary(report);
      if (a->once) return report.failed ? 1 : 0;
      for (long waited = 0; waited < every * 10 && !g_stop; ++waited)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      if (g_stop) return 0;
    }
  };
}

}  // namespace sitrep::cli
