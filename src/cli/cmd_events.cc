// sitrep events: prints stored events, filtered, sorted and paged, in any export format.
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>

#include "base/export.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "store/store.h"

namespace sitrep::cli {
namespace {

struct EventsOptions {
  std::string db = "sqlite:sitrep.db";
  std::string from, to, near, format;
  bool count = false;
  EventQuery query;
};

Result<Date> ParseDay(const std::string& flag, const std::string& text) {
  auto d = Date::ParseIso(text);
  if (!d || text.size() != 10) return Error{flag + ": '" + text + "' is not a date YYYY-MM-DD"};
  return *d;
}

Result<EventQuery::Near> ParseNear(const std::string& text) {
  EventQuery::Near n;
  char extra = 0;
  if (std::sscanf(text.c_str(), "%lf,%lf,%lf%c", &n.lat, &n.lon, &n.km, &extra) != 3)
    return Error{"--near: '" + text + "' is not LAT,LON,KM (e.g. 36.19,44.01,25)"};
  if (n.lat < -90 || n.lat > 90 || n.lon < -180 || n.lon > 180 || n.km <= 0)
    return Error{"--near: '" + text + "': latitude, longitude or radius out of range"};
  return n;
}

// Completes the query from the flags; a usage error names the flag.
Status Finish(EventsOptions& o) {
  if (!o.from.empty()) {
    auto d = ParseDay("--from", o.from);
    if (!d) return Error{d.error()};
    o.query.from = *d;
  }
  if (!o.to.empty()) {
    auto d = ParseDay("--to", o.to);
    if (!d) return Error{d.error()};
    o.query.to = *d;
  }
  if (!o.near.empty()) {
    auto n = ParseNear(o.near);
    if (!n) return Error{n.error()};
    o.query.near = *n;
  }
  return OkStatus();
}

bool IsMissingSqliteFile(const std::string& url) {
  if (url.rfind("postgres", 0) == 0) return false;
  std::string path = url.rfind("sqlite:", 0) == 0 ? url.substr(7) : url;
  if (path.rfind("//", 0) == 0) path = path.substr(2);
  std::error_code ec;
  return !std::filesystem::exists(path, ec);
}

}  // namespace

Runner AddEvents(CLI::App& app) {
  CLI::App* sub = app.add_subcommand("events", "print stored events");
  auto o = std::make_shared<EventsOptions>();
  sub->add_option("--db", o->db, "sqlite:PATH (default sqlite:sitrep.db) or postgresql://…");
  sub->add_option("--from", o->from, "events on or after this day (YYYY-MM-DD)");
  sub->add_option("--to", o->to, "events on or before this day (YYYY-MM-DD)");
  sub->add_option("--actor", o->query.actor, "source or target: code prefix or name");
  sub->add_option("--country", o->query.country, "ISO alpha-3 of the place or an actor");
  sub->add_option("--type", o->query.type, "CAMEO code prefix, or ACLED type or sub-type");
  sub->add_option("--near", o->near, "LAT,LON,KM: within KM of a point");
  sub->add_option("--text", o->query.text, "words that the evidence must contain");
  sub->add_option("--sort", o->query.sort,
                  "date, -date, goldstein, -goldstein, fatalities, sources")
      ->check(CLI::IsMember({"date", "-date", "goldstein", "-goldstein", "fatalities", "sources"}));
  sub->add_option("--limit", o->query.limit, "at most this many events");
  sub->add_option("--offset", o->query.offset, "skip this many events first");
  sub->add_flag("--count", o->count, "print only how many events match");
  AddFormatOption(sub, o->format, "jsonl|csv|table|geojson|gdelt");
  return [o] {
    if (auto s = Finish(*o); !s) {
      std::fprintf(stderr, "sitrep events: %s\n", s.error().c_str());
      return 2;
    }
    if (IsMissingSqliteFile(o->db)) {
      std::fprintf(stderr, "sitrep events: no store at '%s' (run sitrep ingest first, or --db)\n",
                   o->db.c_str());
      return 1;
    }
    auto store = Store::Open(o->db);
    if (!store) {
      std::fprintf(stderr, "sitrep events: %s\n", store.error().c_str());
      return 1;
    }
    if (o->count) {
      auto n = (*store)->CountEvents(o->query);
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
    auto status = (*store)->QueryEvents(o->query, [&](const Event& e) { writer.Write(e); });
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
