// The Store over a SqlConnection: the same logic and statements for SQLite and PostgreSQL.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "store/sql.h"
#include "store/store.h"

namespace sitrep::store {

// Opens another connection to the same database, for the pool of readers.
using ConnectionOpener = std::function<Result<std::unique_ptr<SqlConnection>>()>;

// `db` is the writer's connection. Without `open_reader` (an in-memory SQLite database) every
// read runs on `db` too, under a mutex, and the store is not safe for concurrent use.
std::unique_ptr<Store> MakeSqlStore(std::unique_ptr<SqlConnection> db,
                                    ConnectionOpener open_reader = {});

}  // namespace sitrep::store
