// The router: every route is registered here with its metric name, then wrapped with timing,
// exception containment, CORS (only when configured) and the write-token check.
#include "serve/server.h"

#include <fmt/format.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

#include "base/paths.h"
#include "serve/auth.h"
#include "serve/handlers.h"
#include "serve/metrics.h"
#include "serve/static_files.h"

namespace sitrep::serve {

namespace fs = std::filesystem;
using nlohmann::json;

void SendJson(httplib::Response& res, int status, const json& body) {
  res.status = status;
  res.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace), "application/json");
}

void SendError(httplib::Response& res, int status, const std::string& message) {
  SendJson(res, status, {{"error", message}});
}

void SendCached(httplib::Response& res, const ResponseCache::Value& body,
                const std::string& content_type) {
  res.status = 200;
  if (body->size() < 64 * 1024) return res.set_content(*body, content_type);
  res.set_content_provider(
      body->size(), content_type, [body](size_t offset, size_t length, httplib::DataSink& sink) {
        return sink.write(body->data() + offset, std::min(length, body->size() - offset));
      });
}

std::string CacheKey(const httplib::Request& req) {
  std::string key = req.path + "?";
  for (const auto& [k, v] : req.params) key += k + "=" + v + "&";
  return key;
}

Result<ResponseCache::Value> CachedAnswer(Context& ctx, const std::string& key,
                                          const std::function<Result<std::string>()>& compute) {
  // The generation is read before the data, so an answer is never older than its generation.
  auto generation = ctx.store.Generation();
  if (!generation) return Error{generation.error()};
  return ctx.answers.GetOrCompute(key, *generation, compute);
}

QueryParams ParamsOf(const httplib::Request& req) {
  return QueryParams(req.params.begin(), req.params.end());
}

std::string DefaultWebDir() {
  if (const char* dir = std::getenv("SITREP_WEB")) return dir;
  return (fs::path(DataDir()).parent_path() / "web" / "dist").string();
}

constexpr size_t kServerThreads = 64;
constexpr size_t kKeepAliveRequests = 1000;

struct ApiServer::Impl {
  Context ctx;
  httplib::Server http;
  Metrics metrics;
  fs::path web_root;
  int port = 0;
  // httplib's stop() only reaches a server already running, so Stop() before or while Listen()
  // starts must wait for it (or keep it from starting).
  std::mutex run_mu;
  bool stop_requested = false;
  std::atomic<bool> listening{false};

  Impl(Store& store, ArticleCoder coder, ServeOptions options)
      : ctx{store, std::move(coder), std::move(options), {}, {}, ResponseCache(512, 64u << 20)} {
    web_root = fs::path(ctx.options.web_dir.empty() ? DefaultWebDir() : ctx.options.web_dir);
  }

  using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;

  // Wraps a handler so that it is timed and counted under `route`, and so that nothing thrown
  // inside leaves as anything but a JSON 500.
  Handler Wrap(std::string route, Handler handler) {
    return [this, route = std::move(route), handler = std::move(handler)](
               const httplib::Request& req, httplib::Response& res) {
      auto start = std::chrono::steady_clock::now();
      try {
        handler(req, res);
      } catch (const std::exception& e) {
        SendError(res, 500, std::string("internal error: ") + e.what());
      } catch (...) {
        SendError(res, 500, "internal error");
      }
      std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
      metrics.Record(route, req.method, res.status, took.count());
    };
  }

  // Writes need the configured token; without one configured, writes are off entirely.
  // Sends the 401/403 itself and returns false when the request may not write.
  bool Authorized(const httplib::Request& req, httplib::Response& res) {
    if (ctx.options.token.empty()) {
      SendError(res, 403, "writes are disabled: start the server with --token");
      return false;
    }
    std::string authorization = req.get_header_value("Authorization");
    std::string_view given = BearerToken(authorization);
    if (given.empty() || !ConstantTimeEquals(given, ctx.options.token)) {
      res.set_header("WWW-Authenticate", "Bearer");
      SendError(res, 401, "missing or wrong bearer token");
      return false;
    }
    return true;
  }

  Handler With(void (*fn)(Context&, const httplib::Request&, httplib::Response&)) {
    return [this, fn](const httplib::Request& req, httplib::Response& res) { fn(ctx, req, res); };
  }

  // The store's counts at its current generation (three COUNT(*) scans when it moved).
  Result<StoreCounts> CurrentCounts() {
    auto cached = CachedAnswer(ctx, "counts", [&]() -> Result<std::string> {
      auto counts = ctx.store.Counts();
      if (!counts) return Error{counts.error()};
      return fmt::format("{} {} {}", counts->articles, counts->events, counts->reports);
    });
    if (!cached) return Error{cached.error()};
    StoreCounts counts;
    std::istringstream in(**cached);
    in >> counts.articles >> counts.events >> counts.reports;
    return counts;
  }

  void HandleHealth(httplib::Response& res) {
    auto counts = CurrentCounts();
    if (!counts) return SendJson(res, 503, {{"status", "error"}, {"error", counts.error()}});
    SendJson(res, 200,
             {{"status", "ok"},
              {"version", "0.1.0"},
              {"articles", counts->articles},
              {"events", counts->events},
              {"reports", counts->reports},
              {"writes", !ctx.options.token.empty()}});
  }

  void HandleMetrics(httplib::Response& res) {
    std::optional<StoreCounts> counts;
    if (auto c = CurrentCounts()) counts = *c;
    res.status = 200;
    res.set_content(metrics.Render(counts ? &*counts : nullptr),
                    "text/plain; version=0.0.4; charset=utf-8");
  }

  void ServeFile(const fs::path& file, httplib::Response& res) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return SendError(res, 404, "not found");
    std::ostringstream content;
    content << in.rdbuf();
    res.status = 200;
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Content-Security-Policy",
                   "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                   "connect-src 'self'; frame-ancestors 'none'");
    res.set_content(content.str(), MimeTypeFor(file));
  }

  void HandleStatic(const httplib::Request& req, httplib::Response& res) {
    StaticLookup found = ResolveStaticPath(web_root, req.path);
    if (found.status == 400) return SendError(res, 400, "malformed path");
    if (found.status != 200) {
      if (req.path == "/")
        return SendError(res, 404, "the dashboard is not built: run npm run build in web/");
      return SendError(res, 404, "not found");
    }
    ServeFile(found.file, res);
  }

  // The OpenAPI description ships with the dashboard (web/public/openapi.json).
  void HandleOpenApi(httplib::Response& res) {
    StaticLookup found = ResolveStaticPath(web_root, "/openapi.json");
    if (found.status != 200) return SendError(res, 404, "openapi.json not found under the web dir");
    ServeFile(found.file, res);
  }

  // Reads the body here, chunk by chunk, so that a chunked upload without Content-Length is
  // cut off at the limit instead of being buffered whole. A refused request's body is still
  // consumed (and discarded), so that it can never be taken for the next request on the
  // connection; a body cut off at the limit closes the connection.
  void PostArticle(const httplib::Request& req, const httplib::ContentReader& reader,
                   httplib::Response& res) {
    bool authorized = Authorized(req, res);
    std::string body;
    size_t seen = 0;
    bool too_large = false;
    reader([&](const char* data, size_t length) {
      seen += length;
      if (seen > ctx.options.max_body_bytes) {
        too_large = true;
        return false;
      }
      if (authorized) body.append(data, length);
      return true;
    });
    if (too_large) {
      res.set_header("Connection", "close");
      if (authorized)
        SendError(
            res, 413,
            "request body larger than " + std::to_string(ctx.options.max_body_bytes) + " bytes");
      return;
    }
    if (authorized) HandlePostArticle(ctx, req, body, res);
  }

  void Routes() {
    auto& h = http;
    h.Get("/health", Wrap("/health", [this](auto&, auto& res) { HandleHealth(res); }));
    h.Get("/metrics", Wrap("/metrics", [this](auto&, auto& res) { HandleMetrics(res); }));
    h.Get("/api/openapi.json",
          Wrap("/api/openapi.json", [this](auto&, auto& res) { HandleOpenApi(res); }));
    h.Get("/api/events", Wrap("/api/events", With(HandleEvents)));
    h.Get(R"(/api/events/(.+))", Wrap("/api/events/{id}", With(HandleEvent)));
    h.Get(R"(/api/articles/(.+))", Wrap("/api/articles/{id}", With(HandleArticle)));
    h.Post("/api/articles", [this](const httplib::Request& req, httplib::Response& res,
                                   const httplib::ContentReader& reader) {
      Wrap("/api/articles", [&](const httplib::Request& r, httplib::Response& out) {
        PostArticle(r, reader, out);
      })(req, res);
    });
    h.Get("/api/series", Wrap("/api/series", With(HandleSeries)));
    h.Get("/api/alarms", Wrap("/api/alarms", With(HandleAlarms)));
    h.Get("/api/chains", Wrap("/api/chains", With(HandleChains)));
    h.Get("/api/forecast", Wrap("/api/forecast", With(HandleForecast)));
    h.Get("/api/alerts", Wrap("/api/alerts", With(HandleAlerts)));
    h.Get(R"(/api/.*)", Wrap("/api/*", [](const httplib::Request& req, httplib::Response& res) {
            SendError(res, 404, "no such endpoint: " + req.path);
          }));
    h.Get(R"(/.*)", Wrap("static", [this](auto& req, auto& res) { HandleStatic(req, res); }));
    if (!ctx.options.cors_origin.empty())
      h.Options(R"(/.*)", Wrap("preflight", [](auto&, auto& res) { res.status = 204; }));
  }

  void Limits() {
    http.set_payload_max_length(ctx.options.max_body_bytes);
    http.set_read_timeout(ctx.options.read_timeout_seconds, 0);
    http.set_write_timeout(ctx.options.write_timeout_seconds, 0);
    http.set_keep_alive_timeout(5);
    // httplib gives each connection a thread of a fixed pool for as long as it is kept alive:
    // enough threads that a few dozen clients are served at once (idle ones hold a thread for
    // the keep-alive timeout at most), and enough requests per connection that a client
    // isn't made to reconnect every five.
    http.new_task_queue = [] { return new httplib::ThreadPool(kServerThreads); };
    http.set_keep_alive_max_count(kKeepAliveRequests);
    http.set_tcp_nodelay(true);  // small JSON answers must not wait on Nagle + delayed ACK
    // Refuse a declared oversized body before reading it.
    http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
      AddCors(res);
      if (req.has_header("Content-Length")) {
        std::string length = req.get_header_value("Content-Length");
        if (length.size() > 15 || std::stoull("0" + length) > ctx.options.max_body_bytes) {
          SendError(
              res, 413,
              "request body larger than " + std::to_string(ctx.options.max_body_bytes) + " bytes");
          metrics.Record("oversized", req.method, 413, 0);
          return httplib::Server::HandlerResponse::Handled;
        }
      }
      return httplib::Server::HandlerResponse::Unhandled;
    });
    // httplib's own errors (unmatched method, malformed request, body limit) come with an
    // empty body: give them the JSON shape of ours.
    http.set_error_handler([this](const httplib::Request& req, httplib::Response& res) {
      if (!res.body.empty()) return;
      const char* message = res.status == 413   ? "request body too large"
                            : res.status == 404 ? "not found"
                            : res.status == 405 ? "method not allowed"
                                                : "bad request";
      SendError(res, res.status, message);
      metrics.Record("other", req.method, res.status, 0);
    });
    http.set_exception_handler([](const httplib::Request&, httplib::Response& res,
                                  std::exception_ptr) { SendError(res, 500, "internal error"); });
  }

  void AddCors(httplib::Response& res) {
    if (ctx.options.cors_origin.empty()) return;
    res.set_header("Access-Control-Allow-Origin", ctx.options.cors_origin);
    res.set_header("Vary", "Origin");
    res.set_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
    res.set_header("Access-Control-Allow-Headers", "Authorization, Content-Type");
  }
};

ApiServer::ApiServer(Store& store, ArticleCoder coder, ServeOptions options)
    : impl_(std::make_unique<Impl>(store, std::move(coder), std::move(options))) {
  impl_->Limits();
  impl_->Routes();
}

ApiServer::~ApiServer() {
  Stop();
}

Result<int> ApiServer::Bind() {
  const ServeOptions& o = impl_->ctx.options;
  int port = o.port == 0 ? impl_->http.bind_to_any_port(o.bind)
                         : (impl_->http.bind_to_port(o.bind, o.port) ? o.port : -1);
  if (port <= 0) return Error{"cannot listen on " + o.bind + ":" + std::to_string(o.port)};
  impl_->port = port;
  return port;
}

Status ApiServer::Listen() {
  {
    std::lock_guard lock(impl_->run_mu);
    if (impl_->stop_requested) return OkStatus();
    impl_->listening = true;
  }
  bool ok = impl_->http.listen_after_bind();
  impl_->listening = false;
  if (!ok) return Error{"the server stopped with an error"};
  return OkStatus();
}

void ApiServer::Stop() {
  if (!impl_) return;
  {
    std::lock_guard lock(impl_->run_mu);
    impl_->stop_requested = true;
  }
  while (impl_->listening && !impl_->http.is_running())
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  impl_->http.stop();
}

int ApiServer::port() const {
  return impl_->port;
}

}  // namespace sitrep::serve
