// sitrep serve: the JSON API and the web dashboard over a store.
#include <pthread.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <thread>

#include "cli/commands.h"
#include "pipeline/pipeline.h"
#include "serve/server.h"
#include "store/store.h"

namespace sitrep::cli {
namespace {

struct ServeArgs {
  std::string db = "sqlite:sitrep.db";
  serve::ServeOptions server;
  std::vector<std::string> dictionaries;
  std::string gazetteer;
  bool read_only = false;
};

// SIGINT/SIGTERM stop the server from a thread of its own (stopping is not signal-safe).
std::thread StopOnSignal(serve::ApiServer& server) {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  return std::thread([&server, signals] {
    int received = 0;
    sigwait(&signals, &received);
    std::fprintf(stderr, "sitrep serve: stopping\n");
    server.Stop();
  });
}

int Serve(ServeArgs& args) {
  if (args.server.token.empty())
    if (const char* t = std::getenv("SITREP_TOKEN")) args.server.token = t;
  auto store = Store::Open(args.db);
  if (!store) {
    std::fprintf(stderr, "sitrep serve: %s\n", store.error().c_str());
    return 2;
  }
  serve::ArticleCoder coder;
  std::unique_ptr<Pipeline> pipeline;
  if (!args.read_only) {
    PipelineOptions options;
    options.dictionaries = args.dictionaries;
    options.gazetteer = args.gazetteer;
    auto opened = Pipeline::Open(options);
    if (opened) {
      pipeline = std::move(opened.value());
      coder = [p = pipeline.get()](const Article& a) { return p->Code(a); };
    } else {
      std::fprintf(stderr, "sitrep serve: ingest disabled: %s\n", opened.error().c_str());
    }
  }
  serve::ApiServer server(**store, coder, args.server);
  auto port = server.Bind();
  if (!port) {
    std::fprintf(stderr, "sitrep serve: %s\n", port.error().c_str());
    return 2;
  }
  std::fprintf(stderr, "sitrep serve: listening on http://%s:%d/ (writes %s)\n",
               args.server.bind.c_str(), *port,
               args.server.token.empty() ? "disabled: no token" : "need the token");
  std::thread stopper = StopOnSignal(server);
  Status status = server.Listen();
  if (stopper.joinable()) {
    // The listener may also end on its own; wake the signal thread so it can be joined.
    pthread_kill(stopper.native_handle(), SIGTERM);
    stopper.join();
  }
  if (!status) {
    std::fprintf(stderr, "sitrep serve: %s\n", status.error().c_str());
    return 1;
  }
  return 0;
}

}  // namespace

Runner AddServe(CLI::App& app) {
  CLI::App* sub = app.add_subcommand("serve", "HTTP JSON API and web dashboard");
  auto args = std::make_shared<ServeArgs>();
  sub->add_option("--db", args->db,
                  "store URL: sqlite:PATH or postgresql://… (default "
                  "sqlite:sitrep.db)");
  sub->add_option("--port", args->server.port, "TCP port (0: any free port; default 8080)")
      ->check(CLI::Range(0, 65535));
  sub->add_option("--bind", args->server.bind,
                  "address to listen on (default 127.0.0.1: this machine only)");
  sub->add_option("--token", args->server.token,
                  "bearer token that writes (POST /api/articles) need; also $SITREP_TOKEN; "
                  "without one, writes are disabled");
  sub->add_option("--web", args->server.web_dir, "built dashboard folder (default web/dist)");
  sub->add_option("--cors", args->server.cors_origin,
                  "allow this origin cross-site (no CORS headers otherwise)");
  sub->add_option("--max-body", args->server.max_body_bytes, "largest request body in bytes")
      ->check(CLI::Range(size_t{1024}, size_t{1} << 30));
  sub->add_option("--dictionaries", args->dictionaries,
                  "TABARI/PETRARCH files for coding posted articles (comma-separated)")
      ->delimiter(',');
  sub->add_option("--gazetteer", args->gazetteer, "gazetteer file for coding posted articles");
  sub->add_flag("--read-only", args->read_only, "do not load the coder; POST answers 503");
  return [args] { return Serve(*args); };
}

}  // namespace sitrep::cli
