// A minimal SQL connection interface that both back ends (SQLite, PostgreSQL) implement, so the
// store's logic is written once. Statements use `?` placeholders and always bind their values;
// the PostgreSQL connection rewrites them to $1, $2, ….
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "base/result.h"

namespace sitrep::store {

// A bound parameter or a result cell. Null is std::monostate. A std::string_view is text bound
// without a copy: its owner keeps it alive until the statement has run. Cells are never views.
using SqlValue = std::variant<std::monostate, int64_t, double, std::string, std::string_view>;

SqlValue Null();
SqlValue Text(std::string_view s);        // "" stays ""
SqlValue TextOrNull(std::string_view s);  // "" becomes NULL
SqlValue TextView(std::string_view s);    // not copied: see SqlValue
SqlValue TextViewOrNull(std::string_view s);
SqlValue Int(int64_t v);
SqlValue Real(double v);
template <class T>
SqlValue IntOrNull(const std::optional<T>& v) {
  return v ? Int(static_cast<int64_t>(*v)) : Null();
}

struct SqlRow {
  std::vector<SqlValue> cells;
  bool IsNull(size_t i) const { return std::holds_alternative<std::monostate>(cells[i]); }
  std::string Str(size_t i) const;  // NULL -> ""
  int64_t I64(size_t i) const;      // NULL -> 0
  double F64(size_t i) const;       // NULL -> 0
  std::optional<int64_t> OptI64(size_t i) const;
};

enum class Dialect { kSqlite, kPostgres };

// Why a statement failed, so callers can retry transient conflicts (PostgreSQL deadlock or
// serialization failure) and nothing else.
struct SqlError {
  std::string message;
  bool transient = false;
};

class SqlConnection {
 public:
  virtual ~SqlConnection() = default;
  virtual Dialect dialect() const = 0;
  // Runs one statement; rows come back only for statements that return them.
  virtual Result<std::vector<SqlRow>> Query(std::string_view sql,
                                            const std::vector<SqlValue>& params = {}) = 0;
  // Streams the rows of one query to `row` without holding them all (large exports).
  virtual Status QueryEach(std::string_view sql, const std::vector<SqlValue>& params,
                           const std::function<void(const SqlRow&)>& row) = 0;
  // Runs an INSERT … ON CONFLICT DO NOTHING and says whether it inserted: the new row's integer
  // key `key_column` (SQLite: its rowid, read without a RETURNING clause, which costs a
  // temporary table per row), or nullopt when the row conflicted.
  virtual Result<std::optional<int64_t>> InsertKey(std::string_view sql,
                                                   const std::vector<SqlValue>& params,
                                                   std::string_view key_column) = 0;
  // Runs a script of several statements with no parameters (migrations only).
  virtual Status ExecScript(std::string_view sql) = 0;
  // BEGIN for a write transaction (SQLite: BEGIN IMMEDIATE, so the write lock is taken first).
  virtual Status BeginWrite() = 0;
  virtual Status Commit() = 0;
  virtual void Rollback() = 0;
  // Whether the last failure was a transient conflict worth retrying the transaction for.
  virtual bool LastErrorTransient() const = 0;
  // The database file (SQLite; "" in memory and on PostgreSQL).
  virtual std::string FilePath() const { return ""; }

  // Convenience: one row, or nullopt when the statement returned none.
  Result<std::optional<SqlRow>> QueryOne(std::string_view sql,
                                         const std::vector<SqlValue>& params = {});
  Status Exec(std::string_view sql, const std::vector<SqlValue>& params = {});
};

Result<std::unique_ptr<SqlConnection>> OpenSqlite(const std::string& path);
// Whether a SQLite store at `path` reads through a pool of connections of its own (a file);
// else (":memory:", "file:" URIs) its one connection serves every call.
bool SqliteHasReaderPool(const std::string& path);
// A connection for the store's pool of readers: the database must exist already; pages are
// read through a memory map (shared by every reader) and the private page cache is small.
Result<std::unique_ptr<SqlConnection>> OpenSqliteReader(const std::string& path);
Result<std::unique_ptr<SqlConnection>> OpenPostgres(const std::string& url);

}  // namespace sitrep::store
