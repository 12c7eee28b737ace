// A whole watch round against feed and article fixtures on a loopback server, into a real
// SQLite store: new items stored once, 304s not re-fetched, failures named and retried, state
// kept across restarts, one webhook call for one rising alert.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <map>
#include <mutex>
#include <sstream>

#include "local_server.h"
#include "watch/alert_states.h"
#include "watch/watcher.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;
using testing::LocalServer;

std::string Page(const std::string& title, const std::string& body) {
  return "<html><head><title>" + title +
         "</title><meta property=\"article:published_time\" content=\"2021-07-08\"></head>"
         "<body><nav>Home | World</nav><article><h1>" + title + "</h1><p>" + body +
         "</p></article><footer>(c) 2021 Test Wire</footer></body></html>";
}

class WatchRound : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("sitrep-watch-" + std::to_string(getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    Serve();
    auto pipeline = Pipeline::Open(PipelineOptions{});
    ASSERT_TRUE(pipeline.ok()) << pipeline.error();
    pipeline_ = std::move(pipeline.value());
  }
  void TearDown() override { fs::remove_all(dir_); }

  void Serve() {
    auto& s = server_.server();
    s.Get("/feed.xml", [this](const httplib::Request& req, httplib::Response& res) {
      Hit("/feed.xml");
      if (req.get_header_value("If-None-Match") == "\"feed-v1\"") {
        res.status = 304;
        return;
      }
      res.set_header("ETag", "\"feed-v1\"");
      res.set_content(
          "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Test Wire</title>"
          "<item><title>Rockets hit base</title><link>" + server_.Url("/a1.html") +
              "</link><guid>tw-1</guid><pubDate>Thu, 08 Jul 2021 09:00:00 GMT</pubDate></item>"
              "<item><title>Drone strike</title><link>" + server_.Url("/a2.html") +
              "</link><guid>tw-2</guid></item>"
              "<item><title>Flaky</title><link>" + server_.Url("/gone.html") +
              "</link><guid>tw-3</guid></item></channel></rss>",
          "application/rss+xml");
    });
    s.Get("/a1.html", [this](const httplib::Request&, httplib::Response& res) {
      Hit("/a1.html");
      res.set_content(Page("Rockets hit base in Anbar",
                           "Six rockets struck the Ain al-Asad air base in Iraq on Wednesday, "
                           "July 7, wounding three American soldiers, officials said."),
                      "text/html");
    });
    s.Get("/a2.html", [this](const httplib::Request&, httplib::Response& res) {
      Hit("/a2.html");
      res.set_content(Page("Drone strike in Syria",
                           "U.S. aircraft carried out an air strike on a militia depot near "
                           "Albu Kamal in Syria on Tuesday, July 6, killing two fighters."),
                      "text/html");
    });
    s.Get("/gone.html", [this](const httplib::Request&, httplib::Response& res) {
      Hit("/gone.html");
      if (gone_comes_back_) {
        res.set_content(Page("Quiet day", "Nothing happened in Basra on Monday."), "text/html");
        return;
      }
      res.status = 404;
    });
    s.Get("/broken.xml", [this](const httplib::Request&, httplib::Response& res) {
      Hit("/broken.xml");
      res.set_content("<rss><channel><item><title>oops</channel>", "application/rss+xml");
    });
    s.Get("/error", [this](const httplib::Request&, httplib::Response& res) {
      Hit("/error");
      res.status = 500;
    });
    s.Get("/loop", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/loop"); });
    s.Post("/hook", [this](const httplib::Request& req, httplib::Response& res) {
      std::lock_guard lock(mu_);
      hooks_.push_back(req.body);
      res.set_content("{}", "application/json");
    });
  }

  void Hit(const std::string& path) {
    std::lock_guard lock(mu_);
    ++hits_[path];
  }
  int Hits(const std::string& path) {
    std::lock_guard lock(mu_);
    return hits_[path];
  }

  std::unique_ptr<Store> OpenStore() {
    auto store = Store::Open("sqlite:" + (dir_ / "watch.db").string());
    EXPECT_TRUE(store.ok()) << store.error();
    return store.ok() ? std::move(store.value()) : nullptr;
  }

  std::vector<FeedEntry> Entries() {
    auto list = ParseFeedList(server_.Url("/feed.xml") + " Test Wire\n" + server_.Url("/broken.xml") +
                                  "\n" + server_.Url("/error") + "\n" + server_.Url("/loop") + "\n" +
                                  "http://127.0.0.1:1/nothing-listens\n",
                              "feeds");
    EXPECT_TRUE(list.ok());
    return list.value();
  }

  WatchOptions Options() {
    WatchOptions o;
    o.fetch.per_host_interval_ms = 0;
    o.fetch.backoff_ms = 5;
    o.fetch.retries = 1;
    o.fetch.connect_timeout_ms = 500;
    o.notify.webhook_url = server_.Url("/hook");
    o.notify.webhook_backoff_ms = 5;
    o.log = &log_;
    return o;
  }

  fs::path dir_;
  std::unique_ptr<Pipeline> pipeline_;
  std::mutex mu_;
  std::map<std::string, int> hits_;
  std::vector<std::string> hooks_;
  std::ostringstream log_;
  std::atomic<bool> gone_comes_back_{false};
  LocalServer server_;  // last: stopped first, before the state its handlers touch
};

TEST_F(WatchRound, StoresNewItemsOnceAndNamesEveryFailure) {
  auto store = OpenStore();
  ASSERT_TRUE(store);
  Watcher watcher(*store, *pipeline_, Options(), nullptr);
  RoundReport first = watcher.RunRound(Entries());
  EXPECT_EQ(first.new_articles, 2u);
  EXPECT_EQ(first.failed, 5u) << log_.str();  // gone.html, broken.xml, error, loop, port 1
  std::string log = log_.str();
  EXPECT_NE(log.find("gone.html: HTTP 404"), std::string::npos) << log;
  EXPECT_NE(log.find("malformed"), std::string::npos) << log;
  EXPECT_NE(log.find("HTTP 500"), std::string::npos) << log;
  EXPECT_NE(log.find("redirect"), std::string::npos) << log;
  auto counts = store->Counts();
  ASSERT_TRUE(counts.ok()) << counts.error();
  EXPECT_EQ(counts->articles, 2u);
  EXPECT_GE(counts->events, 1u);

  // The feed failed to deliver gone.html, so its ETag was not kept: the next round asks again,
  // fetches only what is still missing, and stores nothing twice.
  RoundReport second = watcher.RunRound(Entries());
  EXPECT_EQ(second.new_articles, 0u);
  EXPECT_EQ(Hits("/a1.html"), 1);
  EXPECT_EQ(Hits("/a2.html"), 1);
  EXPECT_EQ(Hits("/gone.html"), 2);
  EXPECT_EQ(store->Counts()->articles, 2u);
}

TEST_F(WatchRound, AnsweredNotModifiedIsNotRefetchedEvenAfterARestart) {
  gone_comes_back_ = true;
  std::vector<FeedEntry> feed_only = {Entries()[0]};
  {
    auto store = OpenStore();
    Watcher watcher(*store, *pipeline_, Options(), nullptr);
    RoundReport first = watcher.RunRound(feed_only);
    EXPECT_EQ(first.failed, 0u) << log_.str();
    EXPECT_EQ(first.new_articles, 3u);
    RoundReport second = watcher.RunRound(feed_only);
    EXPECT_EQ(second.unchanged, 1u);
    EXPECT_EQ(second.fetched, 0u);
  }
  auto reopened = OpenStore();  // a restarted watcher: the validators live in the store
  Watcher watcher(*reopened, *pipeline_, Options(), nullptr);
  RoundReport third = watcher.RunRound(feed_only);
  EXPECT_EQ(third.unchanged, 1u);
  EXPECT_EQ(third.fetched, 0u);
  EXPECT_EQ(Hits("/a1.html"), 1);
  EXPECT_EQ(reopened->Counts()->articles, 3u);
}

TEST_F(WatchRound, ARisingAlertFiresExactlyOneWebhookCall) {
  auto store = OpenStore();
  int round = 0;
  AlertSource alerts = [&](Store&) -> Result<std::vector<AlertState>> {
    AlertState s;
    s.key = "dyad:USA>IRQ";
    s.level = round++ == 0 ? 0 : 3;  // green, then red and red again
    s.reasons = {"test reason"};
    return std::vector<AlertState>{s};
  };
  std::vector<FeedEntry> feed_only = {Entries()[0]};
  Watcher watcher(*store, *pipeline_, Options(), alerts);
  watcher.RunRound(feed_only);
  EXPECT_TRUE(hooks_.empty());
  watcher.RunRound(feed_only);
  watcher.RunRound(feed_only);
  ASSERT_EQ(hooks_.size(), 1u);
  EXPECT_NE(hooks_[0].find("\"to\":\"red\""), std::string::npos) << hooks_[0];
  EXPECT_NE(hooks_[0].find("test reason"), std::string::npos);

  // A restarted watcher remembers the level: no second call for the same red.
  Watcher restarted(*store, *pipeline_, Options(), alerts);
  restarted.RunRound(feed_only);
  EXPECT_EQ(hooks_.size(), 1u);
}

TEST_F(WatchRound, AlertsFromTheRealAnalyticsRunOnTheStore) {
  auto store = OpenStore();
  Watcher watcher(*store, *pipeline_, Options(), [](Store& s) { return CurrentAlertStates(s); });
  RoundReport r = watcher.RunRound({Entries()[0]});
  for (const std::string& e : r.errors) EXPECT_EQ(e.find("alerts:"), std::string::npos) << e;
}

}  // namespace
}  // namespace sitrep
