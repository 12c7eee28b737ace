// The HTTP side of sitrep: a JSON API over the store, the analytics and the pipeline, plus
// the built web dashboard as static files. Binds loopback unless told otherwise; writes need
// the bearer token given at start-up; bodies, timeouts and static paths are bounded.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "base/article.h"
#include "base/event.h"
#include "base/result.h"
#include "store/store.h"

namespace sitrep::serve {

struct ServeOptions {
  std::string bind = "127.0.0.1";
  int port = 8080;          // 0: any free port (see ApiServer::port())
  std::string token;        // empty: writes are disabled (403)
  std::string web_dir;      // the built dashboard (web/dist); empty: DefaultWebDir()
  std::string cors_origin;  // empty: no CORS headers at all
  size_t max_body_bytes = 8u << 20;
  int read_timeout_seconds = 10;
  int write_timeout_seconds = 30;
  size_t max_json_events = 10000;  // the dashboard's json list is capped; exports are not
};

// Codes one article into events; the CLI hands in Pipeline::Code, tests a small fake.
using ArticleCoder = std::function<std::vector<Event>(const Article&)>;

// Where the dashboard is built: $SITREP_WEB, else web/dist next to the source tree's data/.
std::string DefaultWebDir();

class ApiServer {
 public:
  // `store` must outlive the server. `coder` may be empty: POST /api/articles then answers 503.
  ApiServer(Store& store, ArticleCoder coder, ServeOptions options);
  ~ApiServer();
  ApiServer(const ApiServer&) = delete;
  ApiServer& operator=(const ApiServer&) = delete;

  // Binds the socket; returns the port (useful with port 0). Errors name the address.
  Result<int> Bind();
  // Serves until Stop(); call after Bind().
  Status Listen();
  void Stop();
  int port() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sitrep::serve
