// What `sitrep trend` and `sitrep alerts` share: the store URL, the event filters of
// `sitrep events`, and loading the matching events for the analytics.
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
// Usage errors (a bad date, --near) are reported with `usage_error` set; store errors without.
Result<std::vector<Event>> LoadEvents(StoreFilterOptions& o, bool& usage_error);
Result<Date> ParseDayFlag(const std::string& flag, const std::string& text);

}  // namespace sitrep::cli
