// The fetcher against a real HTTP server on loopback: conditional requests, failures, limits.
#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "watch/fetcher.h"
#include "local_server.h"

namespace sitrep {
namespace {

using testing::LocalServer;

FetchOptions FastOptions() {
  FetchOptions o;
  o.backoff_ms = 10;
  o.per_host_interval_ms = 0;
  o.timeout_ms = 5000;
  return o;
}

TEST(Fetcher, ConditionalRequestGets304AndKeepsValidators) {
  LocalServer local;
  local.server().Get("/feed", [](const httplib::Request& req, httplib::Response& res) {
    if (req.get_header_value("If-None-Match") == "\"v1\"") {
      res.status = 304;
      return;
    }
    res.set_header("ETag", "\"v1\"");
    res.set_header("Last-Modified", "Thu, 29 Jul 2021 17:50:00 GMT");
    res.set_content("<rss/>", "application/rss+xml");
  });
  Fetcher f(FastOptions());
  auto first = f.Fetch({local.Url("/feed"), "", ""});
  ASSERT_TRUE(first.ok()) << first.error();
  EXPECT_EQ(first->status, 200);
  EXPECT_EQ(first->etag, "\"v1\"");
  EXPECT_EQ(first->last_modified, "Thu, 29 Jul 2021 17:50:00 GMT");
  auto second = f.Fetch({local.Url("/feed"), first->etag, first->last_modified});
  ASSERT_TRUE(second.ok()) << second.error();
  EXPECT_EQ(second->status, 304);
  EXPECT_TRUE(second->body.empty());
}

TEST(Fetcher, SendsAUserAgent) {
  LocalServer local;
  std::string agent;
  local.server().Get("/", [&](const httplib::Request& req, httplib::Response& res) {
    agent = req.get_header_value("User-Agent");
    res.set_content("ok", "text/plain");
  });
  Fetcher f(FastOptions());
  ASSERT_TRUE(f.Fetch({local.Url("/"), "", ""}).ok());
  EXPECT_EQ(agent.rfind("sitrep/", 0), 0u) << agent;
}

TEST(Fetcher, NotFoundIsAnErrorWithoutRetry) {
  LocalServer local;
  std::atomic<int> hits{0};
  local.server().Get("/gone", [&](const httplib::Request&, httplib::Response& res) {
    ++hits;
    res.status = 404;
  });
  Fetcher f(FastOptions());
  auto r = f.Fetch({local.Url("/gone"), "", ""});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().find("HTTP 404"), std::string::npos) << r.error();
  EXPECT_EQ(hits.load(), 1);
}

TEST(Fetcher, ServerErrorsAreRetriedWithBackoff) {
  LocalServer local;
  std::atomic<int> hits{0};
  local.server().Get("/flaky", [&](const httplib::Request&, httplib::Response& res) {
    if (++hits < 3) {
      res.status = 503;
      return;
    }
    res.set_content("finally", "text/plain");
  });
  Fetcher f(FastOptions());
  auto r = f.Fetch({local.Url("/flaky"), "", ""});
  ASSERT_TRUE(r.ok()) << r.error();
  EXPECT_EQ(r->body, "finally");
  EXPECT_EQ(r->attempts, 3);
}

TEST(Fetcher, GivesUpAfterTheRetries) {
  LocalServer local;
  std::atomic<int> hits{0};
  local.server().Get("/down", [&](const httplib::Request&, httplib::Response& res) {
    ++hits;
    res.status = 500;
  });
  FetchOptions o = FastOptions();
  o.retries = 2;
  Fetcher f(o);
  auto r = f.Fetch({local.Url("/down"), "", ""});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(hits.load(), 3);
  EXPECT_NE(r.error().find("3 attempts"), std::string::npos) << r.error();
}

TEST(Fetcher, RedirectLoopIsNamed) {
  LocalServer local;
  local.server().Get("/loop", [](const httplib::Request&, httplib::Response& res) {
    res.set_redirect("/loop");
  });
  Fetcher f(FastOptions());
  auto r = f.Fetch({local.Url("/loop"), "", ""});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().find("redirect"), std::string::npos) << r.error();
}

TEST(Fetcher, RefusesAPageLargerThanTheCapWithoutReadingItAll) {
  LocalServer local;
  std::atomic<size_t> sent{0};
  local.server().Get("/huge", [&](const httplib::Request&, httplib::Response& res) {
    res.set_chunked_content_provider("text/html", [&](size_t, httplib::DataSink& sink) {
      static const std::string chunk(64 * 1024, 'x');
      for (int i = 0; i < 800 && sink.is_writable(); ++i) {  // 50 MB
        if (!sink.write(chunk.data(), chunk.size())) return false;
        sent += chunk.size();
      }
      sink.done();
      return true;
    });
  });
  FetchOptions o = FastOptions();
  o.max_bytes = 1 << 20;
  Fetcher f(o);
  auto r = f.Fetch({local.Url("/huge"), "", ""});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().find("larger than"), std::string::npos) << r.error();
}

TEST(Fetcher, UnreachableHostIsAnError) {
  FetchOptions o = FastOptions();
  o.retries = 0;
  o.connect_timeout_ms = 500;
  Fetcher f(o);
  auto r = f.Fetch({"http://127.0.0.1:1/", "", ""});  // nothing listens on port 1
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().find("127.0.0.1:1"), std::string::npos) << r.error();
}

TEST(Fetcher, UnresolvableHostIsAnErrorNamingIt) {
  FetchOptions o = FastOptions();
  o.retries = 0;
  o.connect_timeout_ms = 2000;  // name resolution counts against it
  Fetcher f(o);
  auto r = f.Fetch({"http://no-such-host.invalid/feed.xml", "", ""});  // .invalid never resolves
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().find("no-such-host.invalid"), std::string::npos) << r.error();
}

TEST(Fetcher, KeepsTheIntervalBetweenRequestsToOneHost) {
  LocalServer local;
  std::vector<std::chrono::steady_clock::time_point> times;
  local.server().Get("/", [&](const httplib::Request&, httplib::Response& res) {
    times.push_back(std::chrono::steady_clock::now());
    res.set_content("ok", "text/plain");
  });
  FetchOptions o = FastOptions();
  o.per_host_interval_ms = 200;
  Fetcher f(o);
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(f.Fetch({local.Url("/"), "", ""}).ok());
  ASSERT_EQ(times.size(), 3u);
  for (size_t i = 1; i < times.size(); ++i)
    EXPECT_GE(std::chrono::duration_cast<std::chrono::milliseconds>(times[i] - times[i - 1]).count(),
              190);
}

}  // namespace
}  // namespace sitrep
