// The HTTP API end to end: a live server on loopback over a seeded temporary SQLite store.
#include <arpa/inet.h>
#include <ifaddrs.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "base/hash.h"
#include "server_fixture.h"

namespace sitrep::serve::testing {
namespace {

using nlohmann::json;

json Body(const httplib::Result& r) {
  EXPECT_TRUE(r) << "no response";
  if (!r) return nullptr;
  return json::parse(r->body, nullptr, false);
}

httplib::Headers Bearer(const std::string& token) {
  return {{"Authorization", "Bearer " + token}};
}

TEST_F(ServerTest, HealthReportsTheStore) {
  auto r = Client().Get("/health");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  json j = Body(r);
  EXPECT_EQ(j["status"], "ok");
  EXPECT_EQ(j["events"], 4);
  EXPECT_EQ(j["articles"], 3);
}

TEST_F(ServerTest, EventsAsJsonWithTotal) {
  auto r = Client().Get("/api/events");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/json");
  json j = Body(r);
  EXPECT_EQ(j["total"], 4);
  ASSERT_EQ(j["events"].size(), 4u);
  EXPECT_TRUE(j["events"][0].contains("evidence"));
}

TEST_F(ServerTest, EventsFilters) {
  auto count = [&](const std::string& query) -> int {
    auto r = Client().Get("/api/events?" + query);
    if (!r || r->status != 200) return -1;
    return Body(r)["events"].size();
  };
  EXPECT_EQ(count("country=IRQ"), 3);
  EXPECT_EQ(count("country=SYR"), 1);
  EXPECT_EQ(count("from=2021-07-01&to=2021-07-31"), 2);
  EXPECT_EQ(count("near=33.8,42.44,20"), 1);  // Ain al-Asad only
  EXPECT_EQ(count("type=145"), 1);
  EXPECT_EQ(count("actor=IRQCVL"), 1);
  EXPECT_EQ(count("text=embassy"), 1);
  EXPECT_EQ(count("limit=2"), 2);
  EXPECT_EQ(count("limit=2&offset=3"), 1);
  auto sorted = Body(Client().Get("/api/events?sort=-date"));
  EXPECT_EQ(sorted["events"][0]["date"], "2021-07-08");
  // Every sort both ways.
  for (const char* by : {"goldstein", "fatalities", "sources"}) {
    for (std::string sort : {std::string(by), "-" + std::string(by)}) {
      auto r = Client().Get("/api/events?sort=" + sort);
      ASSERT_TRUE(r);
      EXPECT_EQ(r->status, 200) << sort << ": " << r->body;
    }
  }
  auto up = Body(Client().Get("/api/events?sort=goldstein"))["events"];
  auto down = Body(Client().Get("/api/events?sort=-goldstein"))["events"];
  ASSERT_GE(up.size(), 2u);
  ASSERT_EQ(up.size(), down.size());
  for (size_t i = 1; i < up.size(); ++i) {
    EXPECT_LE(up[i - 1]["goldstein"].get<double>(), up[i]["goldstein"].get<double>());
    EXPECT_GE(down[i - 1]["goldstein"].get<double>(), down[i]["goldstein"].get<double>());
  }
  EXPECT_EQ(down.front()["goldstein"], up.back()["goldstein"]);
  auto paged = Body(Client().Get("/api/events?limit=1"));
  EXPECT_EQ(paged["total"], 4);  // total counts all matches, not the page
}

TEST_F(ServerTest, EventsExportFormats) {
  auto jsonl = Client().Get("/api/events?format=jsonl");
  ASSERT_TRUE(jsonl);
  EXPECT_EQ(jsonl->status, 200);
  std::istringstream lines(jsonl->body);
  int n = 0;
  for (std::string line; std::getline(lines, line);)
    if (!line.empty()) {
      EXPECT_FALSE(json::parse(line, nullptr, false).is_discarded());
      ++n;
    }
  EXPECT_EQ(n, 4);
  auto csv = Client().Get("/api/events?format=csv&country=SYR");
  ASSERT_TRUE(csv);
  EXPECT_EQ(csv->status, 200);
  EXPECT_NE(csv->get_header_value("Content-Type").find("text/csv"), std::string::npos);
  EXPECT_NE(csv->body.find("Abu Kamal"), std::string::npos);
  auto geo = Client().Get("/api/events?format=geojson");
  ASSERT_TRUE(geo);
  json fc = json::parse(geo->body, nullptr, false);
  EXPECT_EQ(fc["type"], "FeatureCollection");
  EXPECT_EQ(fc["features"].size(), 4u);
}

TEST_F(ServerTest, BadParametersAre400NamingTheParameter) {
  for (const char* q : {"limit=ten", "near=1,2", "from=2021-02-30", "format=xml", "sort=x",
                        "colour=red", "country=Iraq"}) {
    auto r = Client().Get(std::string("/api/events?") + q);
    ASSERT_TRUE(r) << q;
    EXPECT_EQ(r->status, 400) << q;
    std::string name = std::string(q).substr(0, std::string(q).find('='));
    json j = Body(r);
    ASSERT_TRUE(j.contains("error")) << r->body;
    EXPECT_NE(j["error"].get<std::string>().find("'" + name + "'"), std::string::npos)
        << j["error"];
  }
}

TEST_F(ServerTest, OneEventWithItsSources) {
  auto list = Body(Client().Get("/api/events?country=SYR"));
  std::string id = list["events"][0]["id"];
  auto r = Client().Get("/api/events/" + id);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  json e = Body(r);
  EXPECT_EQ(e["id"], id);
  ASSERT_EQ(e["sources"].size(), 1u);
  EXPECT_EQ(e["sources"][0]["article_id"], "art-syria");
  EXPECT_NE(e["sources"][0]["sentence"].get<std::string>().find("Abu Kamal"), std::string::npos);
  EXPECT_NE(e["evidence"]["sentence"].get<std::string>().find("Abu Kamal"), std::string::npos);
}

TEST_F(ServerTest, UnknownEventAndArticleAre404) {
  auto r = Client().Get("/api/events/no-such-event");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
  EXPECT_TRUE(Body(r).contains("error"));
  auto a = Client().Get("/api/articles/no-such-article");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->status, 404);
  auto endpoint = Client().Get("/api/nothing-here");
  ASSERT_TRUE(endpoint);
  EXPECT_EQ(endpoint->status, 404);
  EXPECT_TRUE(Body(endpoint).contains("error"));
}

TEST_F(ServerTest, ArticleWithBodyAndEvidenceSpans) {
  auto r = Client().Get("/api/articles/art-iraq");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  json j = Body(r);
  EXPECT_EQ(j["article"]["id"], "art-iraq");
  std::string body = j["body"];
  ASSERT_EQ(j["spans"].size(), 2u);
  std::set<std::string> highlighted;
  for (const json& s : j["spans"]) {
    size_t start = s["start"], end = s["end"];
    ASSERT_LE(end, body.size());
    highlighted.insert(body.substr(start, end - start));
  }
  EXPECT_TRUE(highlighted.count("Rockets hit Ain al-Asad air base on Wednesday."));
  EXPECT_TRUE(highlighted.count("A drone struck Erbil airport a day later, killing two."));
  EXPECT_EQ(j["events"].size(), 2u);
}

TEST_F(ServerTest, WritesNeedTheToken) {
  json article = {{"id", "posted-1"},
                  {"text", "Rockets hit the base. Nobody was hurt."},
                  {"published", "2021-07-10"},
                  {"title", "Posted"}};
  auto none = Client().Post("/api/articles", article.dump(), "application/json");
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 401);
  EXPECT_TRUE(Body(none).contains("error"));
  auto wrong =
      Client().Post("/api/articles", Bearer("not-the-token"), article.dump(), "application/json");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 401);
  auto prefix = Client().Post("/api/articles", Bearer(std::string(kToken).substr(0, 5)),
                              article.dump(), "application/json");
  ASSERT_TRUE(prefix);
  EXPECT_EQ(prefix->status, 401);
  EXPECT_EQ(Body(Client().Get("/health"))["articles"], 3);  // nothing was stored
}

TEST_F(ServerTest, PostedArticleIsCodedAndStored) {
  json article = {{"id", "posted-1"},
                  {"text", "Rockets hit the base. Nobody was hurt."},
                  {"published", "2021-07-10"},
                  {"title", "Posted"}};
  auto r = Client().Post("/api/articles", Bearer(kToken), article.dump(), "application/json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 201) << r->body;
  json j = Body(r);
  EXPECT_EQ(j["article_id"], "posted-1");
  EXPECT_EQ(j["outcome"], "new");
  EXPECT_EQ(j["events"], 1);
  auto again = Client().Post("/api/articles", Bearer(kToken), article.dump(), "application/json");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 200);
  EXPECT_EQ(Body(again)["outcome"], "unchanged");
  auto stored = Body(Client().Get("/api/articles/posted-1"));
  EXPECT_NE(stored["body"].get<std::string>().find("Rockets hit the base."), std::string::npos);
  EXPECT_EQ(Body(Client().Get("/health"))["articles"], 4);
  auto raw = Client().Post("/api/articles?published=2021-07-11", Bearer(kToken),
                           "Militants shelled the town. Two died.", "text/plain");
  ASSERT_TRUE(raw);
  EXPECT_EQ(raw->status, 201) << raw->body;
}

TEST_F(ServerTest, MalformedPostsAre400) {
  for (const char* body : {"{not json", "[1,2]", "{\"title\":\"no text\"}",
                           "{\"text\":\"x\",\"published\":\"yesterday\"}"}) {
    auto r = Client().Post("/api/articles", Bearer(kToken), body, "application/json");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 400) << body;
    EXPECT_TRUE(Body(r).contains("error"));
  }
}

TEST_F(ServerTest, OversizedBodyIs413) {
  std::string big(200 * 1024, 'a');  // the fixture's limit is 64 KiB
  auto r = Client().Post("/api/articles", Bearer(kToken), big, "text/plain");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  EXPECT_TRUE(Body(r).contains("error"));
}

// Without Content-Length (chunked), the limit still holds: the body is cut off, not buffered.
// Sends each message on one connection, waiting for a complete response (by Content-Length)
// before the next, and returns all the responses.
std::vector<std::string> RawExchange(int port, const std::vector<std::string>& messages) {
  std::vector<std::string> answers;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return answers;
  }
  timeval timeout{5, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  std::string pending;
  for (const std::string& m : messages) {
    if (write(fd, m.data(), m.size()) != static_cast<ssize_t>(m.size())) break;
    char buf[4096];
    while (true) {
      size_t head = pending.find("\r\n\r\n");
      if (head != std::string::npos) {
        size_t length_at = pending.find("Content-Length: ");
        size_t length = length_at < head ? std::stoul(pending.substr(length_at + 16)) : 0;
        if (pending.size() >= head + 4 + length) {
          answers.push_back(pending.substr(0, head + 4 + length));
          pending.erase(0, head + 4 + length);
          break;
        }
      }
      ssize_t n = read(fd, buf, sizeof buf);
      if (n <= 0) {
        close(fd);
        return answers;
      }
      pending.append(buf, n);
    }
  }
  close(fd);
  return answers;
}

// A chunked upload past the limit is answered 413 and the connection closed. The client sends
// exactly one byte more than the limit and nothing after it, so the server has read all it
// was sent when it closes: its close is a clean FIN, never a reset that could eat the answer.
TEST_F(ServerTest, OversizedChunkedBodyIs413) {
  size_t limit = 64 * 1024;  // DefaultOptions().max_body_bytes
  char size_line[32];
  std::snprintf(size_line, sizeof size_line, "%zx\r\n", limit + 1);
  std::string request = std::string("POST /api/articles HTTP/1.1\r\nHost: x\r\n") +
                        "Authorization: Bearer " + kToken +
                        "\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n" +
                        size_line + std::string(limit + 1, 'a');
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port_);
  inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
  ASSERT_EQ(connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  timeval timeout{10, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  size_t written = 0;
  while (written < request.size()) {
    ssize_t n = write(fd, request.data() + written, request.size() - written);
    ASSERT_GT(n, 0) << "the server stopped reading before the limit";
    written += static_cast<size_t>(n);
  }
  std::string answer;
  char buf[4096];
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) > 0) answer.append(buf, static_cast<size_t>(n));
  int read_errno = errno;
  close(fd);
  EXPECT_EQ(n, 0) << "the connection ended with an error (" << read_errno << "), not closed";
  EXPECT_EQ(answer.rfind("HTTP/1.1 413", 0), 0u) << answer;
  EXPECT_NE(answer.find("request body larger than"), std::string::npos) << answer;
  EXPECT_EQ(Body(Client().Get("/health"))["articles"], 3);
}

// Cached answers (lists, totals, counts, analytics) never outlive a write, whether it comes
// through the API or from another process's connection to the store.
TEST_F(ServerTest, CachedAnswersFollowEveryIngest) {
  auto total = [&] { return Body(Client().Get("/api/events?limit=1"))["total"].get<int>(); };
  auto series_sum = [&] {
    int sum = 0;
    auto body = Body(Client().Get("/api/series?bucket=day"));
    for (const auto& s : body["series"])
      for (const auto& c : s["counts"]) sum += c.get<int>();
    EXPECT_GT(sum, 0) << body.dump();
    return sum;
  };
  int before = total();
  EXPECT_EQ(total(), before);  // now from the cache
  int series_before = series_sum();
  EXPECT_EQ(series_sum(), series_before);
  auto health_before = Body(Client().Get("/health"))["events"].get<int>();
  ASSERT_EQ(Client().Get("/api/alerts")->status, 200);

  // Another connection to the same file, as `sitrep ingest` in another process would use.
  auto other = Store::Open("sqlite:" + (dir_ / "store.db").string());
  ASSERT_TRUE(other.ok()) << other.error();
  Article a;
  a.id = "from-another-process";
  a.body = "Shelling hit Homs on 2021-07-07.";
  a.published = Date::ParseIso("2021-07-07");
  Event e = FakeCoder(a).front();
  e.id = "other-process-event";
  e.date = {*Date::ParseIso("2021-07-07"), *Date::ParseIso("2021-07-07")};
  e.location->lat = 34.73;  // far from every seeded event: no merge
  e.location->lon = 36.72;
  e.location->text = "Homs";
  ASSERT_TRUE((*other)->PutArticle(a, {e}).ok());
  EXPECT_EQ(total(), before + 1);
  EXPECT_EQ(series_sum(), series_before + 1);
  EXPECT_EQ(Body(Client().Get("/health"))["events"].get<int>(), health_before + 1);
  auto alerts = Client().Get("/api/alerts");
  ASSERT_TRUE(alerts);
  EXPECT_EQ(alerts->status, 200);

  // And through the API.
  json posted = {{"id", "posted-1"},
                 {"published", "2022-01-05"},
                 {"text", "Rockets struck Ain al-Asad air base on Wednesday."}};
  auto r = Client().Post("/api/articles", Bearer(kToken), posted.dump(), "application/json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 201) << r->body;
  EXPECT_GE(total(), before + 1);
  auto found = Body(Client().Get("/api/events?from=2022-01-05&to=2022-01-05"));
  EXPECT_EQ(found["total"], 1) << found.dump();
}

// A refused write's body is consumed, never parsed as the next request on the connection.
TEST_F(ServerTest, RefusedBodyIsNotTakenForARequest) {
  std::string smuggled = "GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n";
  std::string post =
      "POST /api/articles HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer wrong\r\n"
      "Content-Type: text/plain\r\nContent-Length: " +
      std::to_string(smuggled.size()) + "\r\n\r\n" + smuggled;
  std::string health = "GET /health HTTP/1.1\r\nHost: x\r\n\r\n";
  auto answers = RawExchange(port_, {post, health});
  ASSERT_GE(answers.size(), 1u);
  EXPECT_EQ(answers[0].rfind("HTTP/1.1 401", 0), 0u) << answers[0];
  for (const std::string& a : answers)
    EXPECT_EQ(a.find("sitrep_http_requests_total"), std::string::npos) << a;
  // The connection either goes on with the next real request or is closed; never desynced.
  if (answers.size() > 1) {
    EXPECT_NE(answers[1].find("\"status\":\"ok\""), std::string::npos);
  }
}

TEST_F(ServerTest, WritesDisabledWithoutConfiguredToken) {
  StopServer();
  ServeOptions o = DefaultOptions();
  o.token.clear();
  Start(o);
  json article = {{"text", "Rockets hit the base."}};
  auto r = Client().Post("/api/articles", Bearer(""), article.dump(), "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403);
  auto guess =
      Client().Post("/api/articles", Bearer("anything"), article.dump(), "application/json");
  ASSERT_TRUE(guess);
  EXPECT_EQ(guess->status, 403);
}

TEST_F(ServerTest, StaticFilesOnlyFromDist) {
  auto index = Client().Get("/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->status, 200);
  EXPECT_NE(index->body.find("<title>sitrep</title>"), std::string::npos);
  EXPECT_EQ(index->get_header_value("Content-Type"), "text/html; charset=utf-8");
  auto js = Client().Get("/assets/app.js");
  ASSERT_TRUE(js);
  EXPECT_EQ(js->status, 200);
  for (const char* p :
       {"/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt",
        "/%252e%252e/secret.txt", "/assets/..%5c..%5csecret.txt", "/leak.txt",
        "/assets/%2e%2e/%2e%2e/secret.txt", "//etc/passwd", "/..", "/nope.js"}) {
    auto r = Client().Get(p);
    ASSERT_TRUE(r) << p;
    EXPECT_TRUE(r->status == 404 || r->status == 400) << p << " -> " << r->status;
    EXPECT_EQ(r->body.find(kSecret), std::string::npos) << p;
    EXPECT_EQ(r->body.find("root:"), std::string::npos) << p;
  }
}

TEST_F(ServerTest, NoCorsHeadersByDefault) {
  httplib::Headers origin = {{"Origin", "http://evil.example"}};
  auto r = Client().Get("/api/events", origin);
  ASSERT_TRUE(r);
  EXPECT_FALSE(r->has_header("Access-Control-Allow-Origin"));
  StopServer();
  ServeOptions o = DefaultOptions();
  o.cors_origin = "http://dash.example";
  Start(o);
  auto allowed = Client().Get("/api/events", origin);
  ASSERT_TRUE(allowed);
  EXPECT_EQ(allowed->get_header_value("Access-Control-Allow-Origin"), "http://dash.example");
}

TEST(ServeDefaultsTest, BindsLoopbackByDefault) {
  EXPECT_EQ(ServeOptions{}.bind, "127.0.0.1");
}

// With the default bind address, the server is not reachable on the machine's other addresses.
TEST_F(ServerTest, NotReachableOnOtherInterfaces) {
  std::string other;
  ifaddrs* addrs = nullptr;
  if (getifaddrs(&addrs) == 0) {
    for (ifaddrs* a = addrs; a; a = a->ifa_next) {
      if (!a->ifa_addr || a->ifa_addr->sa_family != AF_INET) continue;
      char buf[INET_ADDRSTRLEN];
      auto* in = reinterpret_cast<sockaddr_in*>(a->ifa_addr);
      inet_ntop(AF_INET, &in->sin_addr, buf, sizeof buf);
      if (std::string(buf).rfind("127.", 0) != 0) {
        other = buf;
        break;
      }
    }
    freeifaddrs(addrs);
  }
  if (other.empty()) GTEST_SKIP() << "no non-loopback IPv4 address on this machine";
  httplib::Client c(other, port_);
  c.set_connection_timeout(2);
  auto r = c.Get("/health");
  EXPECT_FALSE(r) << "reachable on " << other;
}

TEST_F(ServerTest, MetricsInPrometheusFormat) {
  (void)Client().Get("/api/events");
  (void)Client().Get("/api/events?limit=zz");
  auto r = Client().Get("/metrics");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_NE(r->get_header_value("Content-Type").find("text/plain"), std::string::npos);
  const std::string& m = r->body;
  EXPECT_NE(m.find("# TYPE sitrep_http_requests_total counter"), std::string::npos);
  EXPECT_NE(
      m.find("sitrep_http_requests_total{route=\"/api/events\",method=\"GET\",status=\"200\"} 1"),
      std::string::npos)
      << m;
  EXPECT_NE(
      m.find("sitrep_http_requests_total{route=\"/api/events\",method=\"GET\",status=\"400\"} 1"),
      std::string::npos);
  EXPECT_NE(
      m.find("sitrep_http_request_duration_seconds_bucket{route=\"/api/events\",le=\"+Inf\"} 2"),
      std::string::npos);
  EXPECT_NE(m.find("sitrep_store_events 4"), std::string::npos);
}

TEST_F(ServerTest, OpenApiIsServedAndDescribesEveryRoute) {
  auto r = Client().Get("/api/openapi.json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  json spec = json::parse(r->body, nullptr, false);
  ASSERT_FALSE(spec.is_discarded());
  EXPECT_TRUE(spec["openapi"].get<std::string>().rfind("3.", 0) == 0);
  for (const char* path : {"/health", "/metrics", "/api/events", "/api/events/{id}",
                           "/api/articles/{id}", "/api/articles", "/api/series", "/api/alarms",
                           "/api/chains", "/api/forecast", "/api/alerts"})
    EXPECT_TRUE(spec["paths"].contains(path)) << path;
  EXPECT_TRUE(spec["paths"]["/api/articles"].contains("post"));
}

TEST_F(ServerTest, SeriesCountsTheEvents) {
  auto r = Client().Get("/api/series?by=all&bucket=day");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  json j = Body(r);
  ASSERT_EQ(j["series"].size(), 1u);
  int total = 0;
  for (int c : j["series"][0]["counts"]) total += c;
  EXPECT_EQ(total, 4);
  auto iraq = Body(Client().Get("/api/series?by=all&country=SYR"));
  total = 0;
  for (int c : iraq["series"][0]["counts"]) total += c;
  EXPECT_EQ(total, 1);
  auto bad = Client().Get("/api/series?by=colour");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_NE(Body(bad)["error"].get<std::string>().find("'by'"), std::string::npos);
}

TEST_F(ServerTest, AnalyticsEndpointsAnswer) {
  for (const char* path : {"/api/alarms", "/api/chains", "/api/forecast?simulations=200",
                           "/api/alerts?forecast=false"}) {
    auto r = Client().Get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 200) << path << ": " << r->body;
    EXPECT_FALSE(Body(r).is_discarded()) << path;
  }
  EXPECT_TRUE(Body(Client().Get("/api/alarms")).contains("alarms"));
  EXPECT_TRUE(Body(Client().Get("/api/chains")).contains("chains"));
  EXPECT_TRUE(Body(Client().Get("/api/forecast?simulations=200")).contains("forecasts"));
  json alerts = Body(Client().Get("/api/alerts?forecast=false"));
  ASSERT_TRUE(alerts.contains("alerts"));
  EXPECT_GT(alerts["alerts"].size(), 0u);
  for (const char* path :
       {"/api/chains?window=0", "/api/forecast?horizons=7,x", "/api/alerts?forecast=maybe",
        "/api/alarms?ratio=0.5", "/api/alerts?recent_days=-1"}) {
    auto r = Client().Get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 400) << path;
  }
}

// A long action-reaction chain is cut to its latest links in /api/alerts (the whole one
// made the body of a large store megabytes), with its whole counts; links=all keeps it all.
TEST_F(ServerTest, AlertsKeepEachChainsLatestLinks) {
  Article a;
  a.id = "art-feud";
  a.title = "Feud";
  a.published = Date::ParseIso("2021-09-30");
  a.body = "Strikes and counter-strikes all month.";
  a.content_hash = Sha256Hex(a.body);
  a.format = "text";
  std::vector<Event> events;
  for (int day = 1; day <= 16; ++day) {
    Event e;
    bool usa = day % 2;
    std::string src = usa ? "USAMIL" : "IRNMIL", tgt = usa ? "IRNMIL" : "USAMIL";
    e.id = "feud-" + std::to_string(day);
    e.date = DateRange::Day(Date::FromYmd(2021, 9, day));
    e.source = Actor{src, src, src.substr(0, 3), "MIL"};
    e.target = Actor{tgt, tgt, tgt.substr(0, 3), "MIL"};
    e.cameo = "190";
    e.root = "19";
    e.quad_class = 4;
    e.goldstein = -10;
    e.location = Location{"Gulf " + std::to_string(day), "", "", 26.0 + day, 52.0, "city"};
    e.evidence = {a.body, 0, a.body.size()};
    e.confidence = 0.8;
    events.push_back(e);
  }
  ASSERT_TRUE(store_->PutArticle(a, events).ok());
  auto feud = [](const json& report) -> json {
    for (const json& c : report["chains"])
      if (std::set<std::string>{c["actor_a"], c["actor_b"]} == std::set<std::string>{"USA", "IRN"})
        return c;
    return nullptr;
  };
  json whole = feud(Body(Client().Get("/api/alerts?forecast=false&links=all")));
  ASSERT_TRUE(whole.is_object());
  size_t num_links = whole["links"].size();
  ASSERT_GE(num_links, 10u);
  EXPECT_EQ(whole["num_links"], num_links);
  EXPECT_EQ(whole["truncated"], false);

  json cut = feud(Body(Client().Get("/api/alerts?forecast=false&links=3")));
  ASSERT_TRUE(cut.is_object());
  ASSERT_EQ(cut["links"].size(), 3u);
  EXPECT_EQ(cut["truncated"], true);
  EXPECT_EQ(cut["num_links"], num_links);
  EXPECT_EQ(cut["num_events"], whole["events"].size());
  EXPECT_EQ(cut["links"].back(), whole["links"].back());  // the latest ones are kept
  std::set<std::string> named;
  for (const json& l : cut["links"]) named.insert({l["cause"], l["response"]});
  ASSERT_FALSE(cut["events"].empty());
  for (const json& id : cut["events"]) EXPECT_TRUE(named.count(id)) << id;

  json by_default = feud(Body(Client().Get("/api/alerts?forecast=false")));
  EXPECT_LE(by_default["links"].size(), 20u);
  EXPECT_EQ(Client().Get("/api/alerts?links=some")->status, 400);
}

}  // namespace
}  // namespace sitrep::serve::testing
