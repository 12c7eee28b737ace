// What the commands that read the store share (`sitrep events`, `trend`, `alerts`): the store
// URL, the event filters, and loading the matching events for the analytics.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "base/event.h"
#include "base/result.h"
#include "store/store.h"

namespace sitrep::cli {

struct StoreFilterOptions {
  std::string db = "sqlite:sitrep.db";
  std::string from, to, near;
  EventQuery query;
};

void AddStoreFilterOptions(CLI::App* sub, StoreFilterOptions& o);
// Turns the --from, --to and --near flags into the query; a usage error names the flag.
Status CompleteQuery(StoreFilterOptions& o);
// True for a SQLite URL whose file does not exist (opening it would create an empty store).
bool IsMissingSqliteFile(const std::string& url);
// Usage errors (a bad date, --near) are reported with `usage_error` set; store errors without.
Result<std::vector<Event>> LoadEvents(StoreFilterOptions& o, bool& usage_error);
Result<Date> ParseDayFlag(const std::string& flag, const std::string& text);

}  // namespace sitrep::cli
