// libFuzzer target: the API's query-string handling for GET /api/events. The input is a raw
// query string ("actor=x%27+OR+1%3D1&sort=-date"); httplib decodes it as the server does,
// ParseEventsRequest turns it into an EventQuery, and that query runs against a seeded SQLite
// store. A query the parser accepts must build valid SQL: any SQL error is a finding, since
// it would mean user text reached the statement text (or an unchecked value reached SQLite).
#include <httplib.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "serve/query_params.h"
#include "serve_store_common.h"
#include "store/event_query_sql.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)sitrep::fuzz::SeededStore();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string query(reinterpret_cast<const char*>(data), size);
  httplib::Params decoded;
  httplib::detail::parse_query_text(query, decoded);
  sitrep::serve::QueryParams params(decoded.begin(), decoded.end());
  auto request = sitrep::serve::ParseEventsRequest(params);
  if (!request) return 0;  // a 400 naming the parameter
  sitrep::EventQuery& q = request->query;
  if (q.limit == 0 || q.limit > 50) q.limit = 50;  // bound the work per input, not the check
  auto sqlite_filter = sitrep::store::BuildFilter(q, sitrep::store::Dialect::kSqlite);
  (void)sitrep::store::BuildFilter(q, sitrep::store::Dialect::kPostgres);
  if (auto count = sitrep::fuzz::SeededStore().CountEvents(q); !count && sqlite_filter) {
    std::fprintf(stderr, "accepted query failed to count: %s\n", count.error().c_str());
    std::abort();
  }
  size_t seen = 0;
  sitrep::Status status =
      sitrep::fuzz::SeededStore().QueryEvents(q, [&](const sitrep::Event&) { ++seen; });
  if (!status && sqlite_filter) {
    std::fprintf(stderr, "accepted query failed in the store: %s\n", status.error().c_str());
    std::abort();
  }
  if (seen > 2) std::abort();  // the store holds two events
  return 0;
}
