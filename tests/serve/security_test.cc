// Hostile clients of the API (docs/security.md): SQL injection in every filter, through the
// API and straight into the store; path traversal sent as exact bytes on a raw socket (no
// client library normalizing it first); malformed, oversized and slow requests; writes with
// missing or wrong tokens. After each attack the store must be intact and the server serving.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>

#include "server_fixture.h"

namespace sitrep::serve::testing {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

int Connect(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

// Whether `response` holds a whole HTTP response (headers and a Content-Length body).
bool Complete(const std::string& response) {
  size_t end = response.find("\r\n\r\n");
  if (end == std::string::npos) return false;
  std::string head = response.substr(0, end);
  for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  size_t at = head.find("content-length:");
  size_t length = at == std::string::npos ? 0 : std::strtoul(head.c_str() + at + 15, nullptr, 10);
  return response.size() >= end + 4 + length;
}

// Reads one response: until it is complete, the server closes, or `seconds` pass.
std::string ReadAll(int fd, int seconds) {
  std::string out;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  char buf[8192];
  while (std::chrono::steady_clock::now() < deadline && !Complete(out)) {
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, 200) <= 0) continue;
    ssize_t n = read(fd, buf, sizeof buf);
    if (n <= 0) break;
    out.append(buf, static_cast<size_t>(n));
  }
  return out;
}

// Sends `request` byte for byte and returns the raw response.
std::string Raw(int port, const std::string& request) {
  int fd = Connect(port);
  if (fd < 0) return "";
  size_t sent = 0;
  while (sent < request.size()) {
    ssize_t n = send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;  // the server may stop reading an oversized request: fine
    sent += static_cast<size_t>(n);
  }
  // No half-close: httplib takes a peer that shut down its side as gone and does not answer.
  std::string response = ReadAll(fd, 10);
  close(fd);
  return response;
}

int StatusOf(const std::string& response) {
  if (response.rfind("HTTP/1.", 0) != 0 || response.size() < 12) return 0;
  return std::atoi(response.c_str() + 9);
}

std::string Get(const std::string& target) {
  return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
}

json Body(const httplib::Result& r) {
  EXPECT_TRUE(r) << "no response";
  if (!r) return nullptr;
  return json::parse(r->body, nullptr, false);
}

const char* const kInjections[] = {
    "x' OR 1=1 --",
    "x\" OR \"1\"=\"1",
    "'; DROP TABLE events; --",
    "IRQ') OR ('a'='a",
    "%' OR '%'='",
    "\\' OR 1=1 --",
    "1; DELETE FROM articles",
    "' UNION SELECT id, id, id FROM articles --",
    "Rockets\" OR \"x",
    "rockets OR bombed NOT x",
    "NEAR(rockets drone, 2)",
    "sentence:rockets",
    "rock*",
    "\"unbalanced",
    "(((",
    "rockets & drone | !x",  // PostgreSQL tsquery operators
};

class SecurityTest : public ServerTest {
 protected:
  void ExpectStoreIntact() {
    auto counts = store_->Counts();
    ASSERT_TRUE(counts.ok()) << counts.error();
    EXPECT_EQ(counts->articles, 3u);
    EXPECT_EQ(counts->events, 4u);
    auto health = Client().Get("/health");
    ASSERT_TRUE(health) << "the server stopped answering";
    EXPECT_EQ(health->status, 200);
  }
};

// Each filter value is data: an injection matches nothing (or is refused with a 400) and
// never reaches the SQL text, so it can neither widen the result nor change the store.
TEST_F(SecurityTest, InjectionInEveryApiFilterMatchesNothing) {
  for (const char* attack : kInjections) {
    for (const char* filter : {"actor", "country", "type", "text"}) {
      httplib::Params params = {{filter, attack}};
      auto r = Client().Get("/api/events", params, httplib::Headers{});
      ASSERT_TRUE(r) << filter << "=" << attack;
      ASSERT_TRUE(r->status == 200 || r->status == 400)
          << filter << "=" << attack << " -> " << r->status << " " << r->body;
      json j = json::parse(r->body, nullptr, false);
      ASSERT_TRUE(j.is_object()) << r->body;
      if (r->status == 200) {
        EXPECT_EQ(j["events"].size(), 0u) << filter << "=" << attack;
      } else {
        EXPECT_TRUE(j.contains("error"));
      }
    }
    for (const char* filter : {"sort", "near", "from", "to", "limit", "offset", "format"}) {
      httplib::Params params = {{filter, attack}};
      auto r = Client().Get("/api/events", params, httplib::Headers{});
      ASSERT_TRUE(r);
      EXPECT_EQ(r->status, 400) << filter << "=" << attack << " -> " << r->body;
    }
  }
  ExpectStoreIntact();
}

TEST_F(SecurityTest, InjectionInPathIdsIs404) {
  for (const char* id :
       {"x'%20OR%201=1%20--", "art-iraq'%20OR%20'1'='1", "%27%3B%20DROP%20TABLE%20events"}) {
    for (std::string route : std::vector<std::string>{"/api/events/", "/api/articles/"}) {
      std::string response = Raw(port_, Get(route + id));
      EXPECT_EQ(StatusOf(response), 404) << route << id << ": " << response.substr(0, 200);
    }
  }
  ExpectStoreIntact();
}

TEST_F(SecurityTest, SortIsAWhitelistNotSql) {
  for (const char* sort : {"date; DROP TABLE events", "date--", "e.id", "1", "date DESC",
                           "(SELECT 1)", "-date,goldstein"}) {
    auto r = Client().Get("/api/events", httplib::Params{{"sort", sort}}, httplib::Headers{});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 400) << sort;
    EXPECT_NE(Body(r)["error"].get<std::string>().find("sort"), std::string::npos);
  }
  ExpectStoreIntact();
}

// The same attacks straight into the store, below the API's parameter checks.
TEST_F(SecurityTest, InjectionIntoTheStoreMatchesNothing) {
  for (const char* attack : kInjections) {
    for (int field = 0; field < 4; ++field) {
      EventQuery q;
      (field == 0 ? q.actor : field == 1 ? q.country : field == 2 ? q.type : q.text) = attack;
      size_t seen = 0;
      Status s = store_->QueryEvents(q, [&](const Event&) { ++seen; });
      if (field == 3 && !s) {  // a text with no words to search is refused by name
        EXPECT_NE(s.error().find("text"), std::string::npos) << s.error();
        continue;
      }
      ASSERT_TRUE(s.ok()) << attack << ": " << s.error();
      // FTS syntax is not interpreted: every word must occur; "rockets OR bombed" needs "OR".
      EXPECT_EQ(seen, 0u) << "field " << field << " = " << attack;
    }
    EventQuery sorted;
    sorted.sort = attack;
    EXPECT_FALSE(store_->QueryEvents(sorted, [](const Event&) {}).ok()) << attack;
  }
  // Operators are not interpreted: "^Rockets" finds what "Rockets" finds.
  for (const char* plain : {"^Rockets", "Rockets*", "Rockets:", "(Rockets)"}) {
    EventQuery q;
    q.text = plain;
    size_t n = 0;
    ASSERT_TRUE(store_->QueryEvents(q, [&](const Event&) { ++n; }).ok()) << plain;
    EXPECT_EQ(n, 1u) << plain;
  }
  EventQuery words;
  words.text = "Rockets\" \"Wednesday";  // quotes are separators: both words occur in one event
  size_t seen = 0;
  ASSERT_TRUE(store_->QueryEvents(words, [&](const Event&) { ++seen; }).ok());
  EXPECT_EQ(seen, 1u);
  ExpectStoreIntact();
}

// Traversal in the exact bytes of the request line, as an attacker's own client sends them.
TEST_F(SecurityTest, RawTraversalNeverLeavesDist) {
  fs::create_directories(dir_ / "outside");
  std::ofstream(dir_ / "outside" / "inner.txt") << kSecret;
  fs::create_directory_symlink(dir_ / "outside", dir_ / "dist" / "linked");
  std::string absolute = (dir_ / "secret.txt").string();
  for (const std::string& target : std::vector<std::string>{"/../secret.txt",
                                                            "/assets/../../secret.txt",
                                                            "/%2e%2e/secret.txt",
                                                            "/%2e%2e%2fsecret.txt",
                                                            "/..%2fsecret.txt",
                                                            "/%252e%252e%252fsecret.txt",
                                                            "/assets/%2e%2e/%2e%2e/secret.txt",
                                                            "/..\\secret.txt",
                                                            "/%5c..%5csecret.txt",
                                                            "/.%2e/secret.txt",
                                                            "/%c0%ae%c0%ae/secret.txt",
                                                            "/leak.txt",
                                                            "/linked/inner.txt",
                                                            "/linked/../../secret.txt",
                                                            "//etc/passwd",
                                                            "/%2fetc%2fpasswd",
                                                            "/etc/passwd",
                                                            "/" + absolute,
                                                            "/." + absolute,
                                                            "/index.html%00.txt",
                                                            "/assets/app.js/..",
                                                            "/./../secret.txt",
                                                            "/...",
                                                            "/%2e",
                                                            "/assets/%2e%2e"}) {
    std::string response = Raw(port_, Get(target));
    int status = StatusOf(response);
    EXPECT_TRUE(status == 400 || status == 404) << target << " -> " << status;
    EXPECT_EQ(response.find(kSecret), std::string::npos) << target;
    EXPECT_EQ(response.find("root:"), std::string::npos) << target;
  }
  // A request target that is not a path at all.
  for (const std::string& target :
       std::vector<std::string>{"secret.txt", "../secret.txt", "http://127.0.0.1/../secret.txt"}) {
    std::string response = Raw(port_, Get(target));
    EXPECT_EQ(response.find(kSecret), std::string::npos) << target;
  }
  EXPECT_EQ(StatusOf(Raw(port_, Get("/assets/app.js"))), 200);  // the real files still serve
  ExpectStoreIntact();
}

// Garbage on the wire is answered with a 4xx (or a closed connection), never a crash.
TEST_F(SecurityTest, MalformedRequestsAre4xx) {
  std::string long_header(64 * 1024, 'a');
  std::string long_uri = "/api/events?actor=" + std::string(64 * 1024, 'x');
  for (const std::string& request : std::vector<std::string>{
           std::string("GARBAGE\r\n\r\n"), std::string("GET\r\n\r\n"),
           std::string("GET / HTTP/9.9\r\n\r\n"), std::string("\r\n\r\n\r\n"),
           std::string("GET /health HTTP/1.1\r\nHost: x\r\nX-Long: ") + long_header + "\r\n\r\n",
           Get(long_uri), std::string("BREW /api/events HTTP/1.1\r\nHost: x\r\n\r\n"),
           std::string("POST /api/articles HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\nabc"),
           std::string("POST /api/articles HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n"),
           std::string("POST /api/articles HTTP/1.1\r\nHost: x\r\nContent-Length: "
                       "99999999999999999999999\r\n\r\n"),
           std::string("POST /api/articles HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                       "\r\nZZZ\r\nabc\r\n0\r\n\r\n"),
           std::string("POST /api/articles HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n"
                       "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
           std::string("GET /api/events?limit=%zz&from=%00 HTTP/1.1\r\nHost: x\r\n\r\n"),
           std::string(1 << 20, '\0')}) {
    std::string response = Raw(port_, request);
    int status = StatusOf(response);
    EXPECT_TRUE(status == 0 || (status >= 400 && status < 500))
        << request.substr(0, 80) << " -> " << response.substr(0, 120);
  }
  // Odd but harmless: answered normally (httplib skips a header line without a colon, empty
  // parameters are no parameters), never with a 5xx.
  for (const std::string& request : std::vector<std::string>{
           "GET /health HTTP/1.1\r\nNoColonHeader\r\n\r\n",
           "GET /api/events?" + std::string(5000, '&') + " HTTP/1.1\r\nHost: x\r\n\r\n"}) {
    int status = StatusOf(Raw(port_, request));
    EXPECT_TRUE(status > 0 && status < 500) << request.substr(0, 60) << " -> " << status;
  }
  ExpectStoreIntact();
}

// A declared body over the limit is refused before it is read, with a JSON error.
TEST_F(SecurityTest, DeclaredOversizedBodyIs413BeforeReading) {
  std::string response =
      Raw(port_, "POST /api/articles HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                     std::string(kToken) + "\r\nContent-Type: text/plain\r\n" +
                     "Content-Length: 1000000000\r\n\r\nRockets hit the base.");
  EXPECT_EQ(StatusOf(response), 413) << response.substr(0, 200);
  EXPECT_NE(response.find("\"error\""), std::string::npos);
  ExpectStoreIntact();
}

// A client that sends half a request and then nothing is cut off at the read timeout, and does
// not keep others from being served meanwhile.
TEST_F(SecurityTest, SlowClientIsCutOffAndOthersAreServed) {
  StopServer();
  ServeOptions o = DefaultOptions();
  o.read_timeout_seconds = 1;
  Start(o);
  int slow = Connect(port_);
  ASSERT_GE(slow, 0);
  std::string partial = "GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: ";
  ASSERT_EQ(send(slow, partial.data(), partial.size(), MSG_NOSIGNAL),
            static_cast<ssize_t>(partial.size()));
  auto health = Client().Get("/health");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  // Within a generous bound (not a speed test): the server closes the half request.
  auto start = std::chrono::steady_clock::now();
  std::string got = ReadAll(slow, 20);
  std::chrono::duration<double> waited = std::chrono::steady_clock::now() - start;
  EXPECT_LT(waited.count(), 15.0) << "the half-sent request was never timed out";
  EXPECT_EQ(StatusOf(got) == 0 || StatusOf(got) >= 400, true) << got;
  close(slow);
}

TEST_F(SecurityTest, WritesNeedExactlyTheBearerToken) {
  json article = {{"id", "sneaky"}, {"text", "Rockets hit the base. Nobody was hurt."}};
  std::string token = kToken;
  for (const std::string& authorization :
       std::vector<std::string>{std::string(""), "Bearer", "Bearer ", "Bearer " + token.substr(1),
                                "Bearer " + token + "x", "Basic " + token, token,
                                "Bearer  x" + token, "Bearer " + token.substr(0, token.size() - 1),
                                "Token " + token, "Bearer " + std::string(10000, 'a')}) {
    httplib::Headers headers;
    if (!authorization.empty()) headers.emplace("Authorization", authorization);
    auto r = Client().Post("/api/articles", headers, article.dump(), "application/json");
    ASSERT_TRUE(r) << authorization;
    // A header too long for httplib is refused as a bad request before it reaches the check.
    if (authorization.size() > 8000) {
      EXPECT_TRUE(r->status == 400 || r->status == 401) << r->status;
    } else {
      EXPECT_EQ(r->status, 401) << "'" << authorization << "'";
    }
  }
  // The token is not taken from the query string or a cookie either.
  auto query = Client().Post("/api/articles?token=" + token, article.dump(), "application/json");
  ASSERT_TRUE(query);
  EXPECT_TRUE(query->status == 400 || query->status == 401) << query->status;
  httplib::Headers cookie = {{"Cookie", "token=" + token}};
  auto c = Client().Post("/api/articles", cookie, article.dump(), "application/json");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->status, 401);
  // Only POST writes: other methods on the write route are refused.
  std::string put = Raw(port_, "PUT /api/articles HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                                   token + "\r\nContent-Length: 2\r\n\r\n{}");
  EXPECT_GE(StatusOf(put), 400);
  ExpectStoreIntact();
  auto ok = Client().Post("/api/articles", httplib::Headers{{"Authorization", "Bearer " + token}},
                          article.dump(), "application/json");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 201) << ok->body;  // the right token does write
}

TEST(ServeSecurityDefaults, LoopbackBindAndBoundedRequests) {
  ServeOptions o;
  EXPECT_EQ(o.bind, "127.0.0.1");
  EXPECT_TRUE(o.token.empty());        // writes off unless a token is given
  EXPECT_TRUE(o.cors_origin.empty());  // no cross-origin reads unless asked
  EXPECT_GT(o.max_body_bytes, 0u);
  EXPECT_GT(o.read_timeout_seconds, 0);
  EXPECT_GT(o.write_timeout_seconds, 0);
}

}  // namespace
}  // namespace sitrep::serve::testing
