// libFuzzer target: the API's request handling end to end, through a real ApiServer on a
// loopback port over a seeded SQLite store. The first byte picks the request: a POST
// /api/articles (with the write token) whose body is the rest and whose Content-Type is JSON,
// text, Markdown, HTML or none; or a GET of /api/events, /api/alerts or /api/series with the
// rest as query string. Whatever comes, the answer must be a JSON object and never a 500: a
// 500 means a user's bytes reached an unchecked path.
#include <httplib.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "serve/server.h"
#include "serve_store_common.h"

namespace {

constexpr char kToken[] = "fuzz-token";

// One event per article, evidence = the whole body: enough for the store writes to happen.
std::vector<sitrep::Event> OneEvent(const sitrep::Article& a) {
  return {sitrep::fuzz::SeedEvent(a, "posted-" + a.id, "2021-07-07", "190", "IRQMIL", "IRQREB",
                                  {"Mosul", "IRQ", "Nineveh", 36.34, 43.13, "city"})};
}

int ServerPort() {
  static const int port = [] {
    sitrep::serve::ServeOptions options;
    options.port = 0;
    options.token = kToken;
    options.max_body_bytes = 1 << 20;
    options.web_dir = sitrep::fuzz::MakeTempDir("sitrep-fuzz-web");
    auto* server = new sitrep::serve::ApiServer(sitrep::fuzz::SeededStore(), OneEvent, options);
    auto bound = server->Bind();
    if (!bound) {
      std::fprintf(stderr, "serve_body_fuzz: %s\n", bound.error().c_str());
      std::exit(1);
    }
    std::thread([server] { (void)server->Listen(); }).detach();  // lives as long as the process
    return *bound;
  }();
  return port;
}

const char* const kContentTypes[] = {"application/json", "text/plain; charset=utf-8",
                                     "text/markdown", "text/html", ""};
const char* const kGetPaths[] = {"/api/events?", "/api/alerts?", "/api/series?"};

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)ServerPort();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  std::string rest(reinterpret_cast<const char*>(data + 1), size - 1);
  httplib::Client client("127.0.0.1", ServerPort());
  client.set_read_timeout(30, 0);
  uint8_t selector = data[0] % 8;
  httplib::Result result = [&] {
    if (selector < 5) {
      httplib::Headers headers = {{"Authorization", std::string("Bearer ") + kToken}};
      return client.Post("/api/articles", headers, rest, kContentTypes[selector]);
    }
    for (char& c : rest)  // a request line cannot carry these; httplib would refuse to send
      if (c == ' ' || c == '\r' || c == '\n' || c == '#' || c == '\0') c = '+';
    return client.Get(std::string(kGetPaths[selector - 5]) + rest);
  }();
  if (!result) {
    std::fprintf(stderr, "no answer: %s\n", httplib::to_string(result.error()).c_str());
    std::abort();
  }
  if (result->status >= 500) {
    std::fprintf(stderr, "status %d: %s\n", result->status, result->body.c_str());
    std::abort();
  }
  auto body = nlohmann::json::parse(result->body, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded() || (!body.is_object() && !body.is_array())) {
    std::fprintf(stderr, "not JSON (status %d): %.200s\n", result->status, result->body.c_str());
    std::abort();
  }
  return 0;
}
