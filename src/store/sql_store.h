// The Store over a SqlConnection: the same logic and statements for SQLite and PostgreSQL.
#pragma once

#include <memory>
#include <string>

#include "store/sql.h"
#include "store/store.h"

namespace sitrep::store {

std::unique_ptr<Store> MakeSqlStore(std::unique_ptr<SqlConnection> db);

}  // namespace sitrep::store
