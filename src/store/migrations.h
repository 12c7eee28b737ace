// The store's schema, as numbered migrations per back end. The same tables, columns and keys
// on both; only types and the full-text index differ. Applied versions are recorded in
// schema_version; Migrate applies the missing ones, each in its own transaction.
#pragma once

#include <string>

#include "base/result.h"
#include "store/sql.h"

namespace sitrep::store {

constexpr int kSchemaVersion = 7;

Status Migrate(SqlConnection& db);

// The indexes that only queries use, none of them a key: a SQLite bulk load drops them and
// builds each once at its end (`create` is idempotent: CREATE INDEX IF NOT EXISTS).
struct QueryIndex {
  const char* name;
  const char* create;
};
extern const QueryIndex kQueryIndexes[6];

// Creates whichever query indexes are missing, and indexes the reports the full-text index
// lacks, inside the caller's write transaction (SQLite only: a no-op on PostgreSQL).
Status RestoreQueryIndexes(SqlConnection& db);
// The same in a write transaction of its own.
Status RestoreQueryIndexesInTransaction(SqlConnection& db);
// After a bulk load that did not end (killed): restores them in a transaction of its own, but
// takes the write lock only when something is missing.
Status RepairAfterBulkLoad(SqlConnection& db);
// Adds the reports the full-text index lacks (SQLite; inside the caller's transaction).
Status IndexPendingReports(SqlConnection& db);
// The seq for the next report (SQLite, inside the write transaction that stores it): higher
// than any report ever stored, so the full-text index's mark (all seqs up to it indexed) holds.
Result<int64_t> NextReportSeq(SqlConnection& db);
// The full-text index covers reports.seq up to this (SQLite).
Result<int64_t> FtsIndexedUpTo(SqlConnection& db);

// The current time as ISO 8601 UTC, for ingested_at and applied_at.
std::string NowUtc();

}  // namespace sitrep::store
