// sitrep code: read articles, print their events; stores nothing.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <iostream>

#include "cli/commands.h"
#include "cli/options.h"

namespace sitrep::cli {
namespace {

struct Throughput {
  size_t articles = 0, sentences = 0, bytes = 0, events = 0;
  std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();

  void Add(const CodedArticle& a) {
    ++articles;
    sentences += a.sentences;
    bytes += a.article.body.size();
    events += a.events.size();
  }
  // One line on stderr: what a corpus run measures (bench/README.md).
  void Print(int threads) const {
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::fprintf(stderr,
                 "sitrep code: %d threads, %zu articles, %zu sentences, %.1f MB, %zu events in "
                 "%.2f s: %.0f articles/s, %.0f sentences/s, %.2f MB/s, peak memory %.1f MB\n",
                 threads, articles, sentences, bytes / 1e6, events, s, articles / s, sentences / s,
                 bytes / 1e6 / s, usage.ru_maxrss / 1024.0);
  }
};

}  // namespace

Runner AddCode(CLI::App& app) {
  CLI::App* sub =
      app.add_subcommand("code", "read articles and print their events (stores nothing)");
  auto in = std::make_shared<InputOptions>();
  auto format = std::make_shared<std::string>();
  AddInputOptions(sub, *in, true);
  AddFormatOption(sub, *format, "jsonl|csv|table|geojson|gdelt");
  auto stats = std::make_shared<bool>(false);
  sub->add_flag("--stats", *stats,
                "print throughput (articles/s, sentences/s, MB/s) and peak memory on stderr");
  return [in, format, stats] {
    auto options = ToPipelineOptions(*in);
    if (!options) {
      std::fprintf(stderr, "sitrep code: %s\n", options.error().c_str());
      return 2;
    }
    auto pipeline = Pipeline::Open(*options);
    if (!pipeline) {
      std::fprintf(stderr, "sitrep code: %s\n", pipeline.error().c_str());
      return 2;
    }
    std::ios::sync_with_stdio(false);
    EventWriter writer(std::cout, *ParseExportFormat(format->empty() ? DefaultFormat() : *format));
    writer.Begin();
    int failures = 0;
    Throughput throughput;
    (*pipeline)->Run(in->paths, [&](Result<CodedArticle> coded) {
      if (!coded) {
        std::fprintf(stderr, "sitrep: %s\n", coded.error().c_str());
        ++failures;
        return;
      }
      if (std::string w = UndatedEventsWarning(*coded); !w.empty())
        std::fprintf(stderr, "sitrep code: warning: %s\n", w.c_str());
      for (const Event& e : coded->events) writer.Write(e);
      throughput.Add(*coded);
    });
    writer.End();
    if (*stats) {
      std::cout.flush();
      throughput.Print((*pipeline)->options().threads);
    }
    return failures ? 1 : 0;
  };
}

}  // namespace sitrep::cli
