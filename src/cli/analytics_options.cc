#include "cli/analytics_options.h"

#include <cstdio>
#include <filesystem>

namespace sitrep::cli {

Result<Date> ParseDayFlag(const std::string& flag, const std::string& text) {
  auto d = Date::ParseIso(text);
  if (!d || text.size() != 10) return Error{flag + ": '" + text + "' is not a date YYYY-MM-DD"};
  return *d;
}

void AddStoreFilterOptions(CLI::App* sub, StoreFilterOptions& o) {
  sub->add_option("--db", o.db, "sqlite:PATH (default sqlite:sitrep.db) or postgresql://…");
  sub->add_option("--from", o.from, "events on or after this day (YYYY-MM-DD)");
  sub->add_option("--to", o.to, "events on or before this day (YYYY-MM-DD)");
  sub->add_option("--actor", o.query.actor, "source or target: code prefix or name");
  sub->add_option("--country", o.query.country, "ISO alpha-3 of the place or an actor");
  sub->add_option("--type", o.query.type, "CAMEO code prefix, or ACLED type or sub-type");
  sub->add_option("--near", o.near, "LAT,LON,KM: within KM of a point");
}

Status CompleteQuery(StoreFilterOptions& o) {
  if (!o.from.empty()) {
    auto d = ParseDayFlag("--from", o.from);
    if (!d) return Error{d.error()};
    o.query.from = *d;
  }
  if (!o.to.empty()) {
    auto d = ParseDayFlag("--to", o.to);
    if (!d) return Error{d.error()};
    o.query.to = *d;
  }
  if (!o.near.empty()) {
    EventQuery::Near n;
    char extra = 0;
    if (std::sscanf(o.near.c_str(), "%lf,%lf,%lf%c", &n.lat, &n.lon, &n.km, &extra) != 3)
      return Error{"--near: '" + o.near + "' is not LAT,LON,KM (e.g. 36.19,44.01,25)"};
    if (n.lat < -90 || n.lat > 90 || n.lon < -180 || n.lon > 180 || n.km <= 0)
      return Error{"--near: '" + o.near + "': latitude, longitude or radius out of range"};
    o.query.near = n;
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

Result<std::vector<Event>> LoadEvents(StoreFilterOptions& o, bool& usage_error) {
  usage_error = false;
  if (auto s = CompleteQuery(o); !s) {
    usage_error = true;
    return Error{s.error()};
  }
  if (IsMissingSqliteFile(o.db))
    return Error{"no store at '" + o.db + "' (run sitrep ingest first, or --db)"};
  auto store = Store::Open(o.db);
  if (!store) return Error{store.error()};
  std::vector<Event> events;
  o.query.sort = "date";
  auto status = (*store)->QueryEvents(o.query, [&](const Event& e) { events.push_back(e); });
  if (!status) return Error{status.error()};
  return events;
}

}  // namespace sitrep::cli
