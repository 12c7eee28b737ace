// sitrep code: read articles, print their events; stores nothing.
#include <cstdio>
#include <iostream>

#include "cli/commands.h"
#include "cli/options.h"

namespace sitrep::cli {

Runner AddCode(CLI::App& app) {
  CLI::App* sub = app.add_subcommand("code", "read articles and print their events (stores nothing)");
  auto in = std::make_shared<InputOptions>();
  auto format = std::make_shared<std::string>();
  AddInputOptions(sub, *in, true);
  AddFormatOption(sub, *format, "jsonl|csv|table|geojson|gdelt");
  return [in, format] {
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
    (*pipeline)->Run(in->paths, [&](Result<CodedArticle> coded) {
      if (!coded) {
        std::fprintf(stderr, "sitrep: %s\n", coded.error().c_str());
        ++failures;
        return;
      }
      for (const Event& e : coded->events) writer.Write(e);
    });
    writer.End();
    return failures ? 1 : 0;
  };
}

}  // namespace sitrep::cli
