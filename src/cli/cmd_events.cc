// sitrep events: prints stored events, filtered, sorted and paged, in any export format.
#include <cstdio>
#include <iostream>
#include <string>

#include "base/export.h"
#include "cli/analytics_options.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "store/store.h"

namespace sitrep::cli {
namespace {

struct EventsOptions {
  StoreFilterOptions filters;
  std::string format;
  bool count = false;
};

}  // namespace

Runner AddEvents(CLI::App& app) {
  CLI::App* sub = app.add_subcommand("events", "print stored events");
  auto o = std::make_shared<EventsOptions>();
  AddStoreFilterOptions(sub, o->filters);
  sub->add_option("--text", o->filters.query.text, "words that the evidence must contain");
  sub->add_option("--sort", o->filters.query.sort,
                  "date, -date, goldstein, -goldstein, fatalities, -fatalities, sources, -sources")
      ->check(CLI::IsMember({"date", "-date", "goldstein", "-goldstein", "fatalities",
                             "-fatalities", "sources", "-sources"}));
  sub->add_option("--limit", o->filters.query.limit, "at most this many events");
  sub->add_option("--offset", o->filters.query.offset, "skip this many events first");
  sub->add_flag("--count", o->count, "print only how many events match");
  AddFormatOption(sub, o->format, "jsonl|csv|table|geojson|gdelt");
  return [o] {
    if (auto s = CompleteQuery(o->filters); !s) {
      std::fprintf(stderr, "sitrep events: %s\n", s.error().c_str());
      return 2;
    }
    if (IsMissingSqliteFile(o->filters.db)) {
      std::fprintf(stderr, "sitrep events: no store at '%s' (run sitrep ingest first, or --db)\n",
                   o->filters.db.c_str());
      return 1;
    }
    auto store = Store::Open(o->filters.db);
    if (!store) {
      std::fprintf(stderr, "sitrep events: %s\n", store.error().c_str());
      return 1;
    }
    if (o->count) {
      auto n = (*store)->CountEvents(o->filters.query);
      if (!n) {
        std::fprintf(stderr, "sitrep events: %s\n", n.error().c_str());
        return 1;
      }
      std::printf("%zu\n", *n);
      return 0;
    }
    std::ios::sync_with_stdio(false);
    EventWriter writer(std::cout,
                       *ParseExportFormat(o->format.empty() ? DefaultFormat() : o->format));
    writer.Begin();
    auto status = (*store)->QueryEvents(o->filters.query, [&](const Event& e) { writer.Write(e); });
    writer.End();
    std::cout.flush();
    if (!status) {
      std::fprintf(stderr, "sitrep events: %s\n", status.error().c_str());
      return 1;
    }
    return 0;
  };
}

}  // namespace sitrep::cli
