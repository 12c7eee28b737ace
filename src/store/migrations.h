// The store's schema, as numbered migrations per back end. The same tables, columns and keys
// on both; only types and the full-text index differ. Applied versions are recorded in
// schema_version; Migrate applies the missing ones, each in its own transaction.
#pragma once

#include <string>

#include "base/result.h"
#include "store/sql.h"

namespace sitrep::store {

constexpr int kSchemaVersion = 4;

Status Migrate(SqlConnection& db);

// The current time as ISO 8601 UTC, for ingested_at and applied_at.
std::string NowUtc();

}  // namespace sitrep::store
