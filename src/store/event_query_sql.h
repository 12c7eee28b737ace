// Turns an EventQuery into the WHERE / ORDER BY / LIMIT of a parameterized statement over the
// events table (alias e), per SQL dialect.
#pragma once

#include <string>
#include <vector>

#include "base/result.h"
#include "store/sql.h"
#include "store/store.h"

namespace sitrep::store {

struct SqlFilter {
  std::string where;                   // "" or " WHERE …"
  std::string order;                   // " ORDER BY …"
  std::string limit;                   // "" or " LIMIT ? OFFSET ?"
  std::vector<SqlValue> params;        // for where
  std::vector<SqlValue> limit_params;  // for limit, bound after `params`
};

Result<SqlFilter> BuildFilter(const EventQuery& q, Dialect dialect);
// The words of a free-text search as an FTS5 query that matches all of them (no operators).
std::string Fts5AllWords(const std::string& text);

}  // namespace sitrep::store
