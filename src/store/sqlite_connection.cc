// The SQLite back end of SqlConnection: WAL journal, prepared statements cached per SQL text,
// and a `sitrep_km` SQL function (great-circle distance) for --near queries.
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>

#include "store/geo_math.h"
#include "store/sql.h"

namespace sitrep::store {
namespace {

void KmFunction(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  for (int i = 0; i < argc; ++i)
    if (sqlite3_value_type(argv[i]) == SQLITE_NULL) return sqlite3_result_null(ctx);
  sqlite3_result_double(ctx,
                        HaversineKm(sqlite3_value_double(argv[0]), sqlite3_value_double(argv[1]),
                                    sqlite3_value_double(argv[2]), sqlite3_value_double(argv[3])));
}

class SqliteConnection : public SqlConnection {
 public:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  ~SqliteConnection() override {
    for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
    sqlite3_close(db_);
  }

  Dialect dialect() const override { return Dialect::kSqlite; }
  std::string FilePath() const override {
    const char* file = sqlite3_db_filename(db_, "main");
    return file ? file : "";
  }

  Result<std::vector<SqlRow>> Query(std::string_view sql,
                                    const std::vector<SqlValue>& params) override {
    auto stmt = Prepare(sql);
    if (!stmt) return Error{stmt.error()};
    sqlite3_stmt* s = *stmt;
    for (size_t i = 0; i < params.size(); ++i) Bind(s, static_cast<int>(i + 1), params[i]);
    std::vector<SqlRow> rows;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) rows.push_back(ReadRow(s));
    sqlite3_clear_bindings(s);
    sqlite3_reset(s);
    if (rc != SQLITE_DONE) return Failure("statement failed");
    return rows;
  }

  Result<std::optional<int64_t>> InsertKey(std::string_view sql,
                                           const std::vector<SqlValue>& params,
                                           std::string_view) override {
    auto stmt = Prepare(sql);
    if (!stmt) return Error{stmt.error()};
    sqlite3_stmt* s = *stmt;
    for (size_t i = 0; i < params.size(); ++i) Bind(s, static_cast<int>(i + 1), params[i]);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    }
    sqlite3_clear_bindings(s);
    sqlite3_reset(s);
    if (rc != SQLITE_DONE) return Failure("insert failed");
    if (sqlite3_changes(db_) == 0) return std::optional<int64_t>();
    return std::optional<int64_t>(sqlite3_last_insert_rowid(db_));
  }

  Status QueryEach(std::string_view sql, const std::vector<SqlValue>& params,
                   const std::function<void(const SqlRow&)>& row) override {
    // Its own statement, so that `row` may run other queries meanwhile.
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &s, nullptr) != SQLITE_OK)
      return Error{"sqlite: " + std::string(sqlite3_errmsg(db_)) + " in: " + std::string(sql)};
    for (size_t i = 0; i < params.size(); ++i) Bind(s, static_cast<int>(i + 1), params[i]);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) row(ReadRow(s));
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE) return Failure("query failed");
    return OkStatus();
  }

  Status ExecScript(std::string_view sql) override {
    char* message = nullptr;
    if (sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
      std::string m = message ? message : "unknown error";
      sqlite3_free(message);
      return Error{"sqlite: " + m};
    }
    return OkStatus();
  }

  Status BeginWrite() override { return Exec("BEGIN IMMEDIATE"); }
  Status Commit() override { return Exec("COMMIT"); }
  void Rollback() override {
    if (!sqlite3_get_autocommit(db_)) (void)Exec("ROLLBACK");
  }
  bool LastErrorTransient() const override { return last_transient_; }

 private:
  Result<sqlite3_stmt*> Prepare(std::string_view sql) {
    if (auto it = statements_.find(sql); it != statements_.end()) return it->second;
    std::string key(sql);
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(db_, key.c_str(), static_cast<int>(key.size()),
                           SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK)
      return Error{"sqlite: " + std::string(sqlite3_errmsg(db_)) + " in: " + key};
    statements_.emplace(std::move(key), stmt);
    return stmt;
  }

  // Text is bound without a copy: every caller clears the bindings before `v` goes away.
  static void Bind(sqlite3_stmt* s, int i, const SqlValue& v) {
    if (auto* n = std::get_if<int64_t>(&v)) {
      sqlite3_bind_int64(s, i, *n);
    } else if (auto* d = std::get_if<double>(&v)) {
      sqlite3_bind_double(s, i, *d);
    } else if (auto* t = std::get_if<std::string>(&v)) {
      sqlite3_bind_text(s, i, t->data(), static_cast<int>(t->size()), SQLITE_STATIC);
    } else if (auto* view = std::get_if<std::string_view>(&v)) {
      // A null pointer would bind NULL, and an empty view may have one.
      const char* text = view->data() ? view->data() : "";
      sqlite3_bind_text(s, i, text, static_cast<int>(view->size()), SQLITE_STATIC);
    } else {
      sqlite3_bind_null(s, i);
    }
  }

  static SqlRow ReadRow(sqlite3_stmt* s) {
    SqlRow row;
    int n = sqlite3_column_count(s);
    row.cells.reserve(n);
    for (int i = 0; i < n; ++i) {
      switch (sqlite3_column_type(s, i)) {
        case SQLITE_INTEGER:
          row.cells.emplace_back(int64_t{sqlite3_column_int64(s, i)});
          break;
        case SQLITE_FLOAT:
          row.cells.emplace_back(sqlite3_column_double(s, i));
          break;
        case SQLITE_NULL:
          row.cells.emplace_back(std::monostate{});
          break;
        default: {
          const char* text = reinterpret_cast<const char*>(sqlite3_column_text(s, i));
          row.cells.emplace_back(std::string(text, sqlite3_column_bytes(s, i)));
        }
      }
    }
    return row;
  }

  Error Failure(const char* what) {
    int code = sqlite3_extended_errcode(db_);
    last_transient_ = (code & 0xff) == SQLITE_BUSY;
    return Error{std::string("sqlite: ") + what + ": " + sqlite3_errmsg(db_)};
  }

  sqlite3* db_;
  // Looked up by string_view: no copy of the SQL text per call. Hashes the length and the
  // text's two ends only: hashing all of a long statement for every row was 1.5% of a bulk
  // load's work, and the few statements a store runs differ in length or at an end.
  struct TextHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const {
      constexpr size_t kEnd = 24;
      if (s.size() <= 2 * kEnd) return std::hash<std::string_view>{}(s);
      size_t head = std::hash<std::string_view>{}(s.substr(0, kEnd));
      size_t tail = std::hash<std::string_view>{}(s.substr(s.size() - kEnd));
      return head ^ (tail * 0x9E3779B97F4A7C15ULL) ^ s.size();
    }
  };
  std::unordered_map<std::string, sqlite3_stmt*, TextHash, std::equal_to<>> statements_;
  bool last_transient_ = false;
};

// Process-wide settings, which must precede SQLite's initialization (afterwards the calls fail
// and change nothing, which is harmless):
// - no allocation statistics: SQLite counts every allocation under a global mutex, for
//   statistics nothing here reads; off, a bulk load's allocations take no lock;
// - the sorter's runs may be as small as 16 pages (1 MiB at the store's page size, not 250
//   pages, 16 MiB), so that an index rebuild's sort splits into runs for the worker threads
//   (see RestoreQueryIndexes).
void ConfigureSqlite() {
  static std::once_flag once;
  std::call_once(once, [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    sqlite3_config(SQLITE_CONFIG_PMASZ, 16u);
  });
}

// Runs a script that may need the database's write lock, retrying while another connection
// holds it. Turning a new database to WAL does, and when several processes open it at once
// SQLite reports the loser busy at once, without waiting on the busy timeout (waiting could
// deadlock in rollback-journal mode). The scripts given are idempotent.
Status ExecWhileBusy(SqlConnection& conn, sqlite3* db, std::string_view script) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  for (;;) {
    auto status = conn.ExecScript(script);
    int code = sqlite3_errcode(db) & 0xff;
    if (status || (code != SQLITE_BUSY && code != SQLITE_LOCKED) ||
        std::chrono::steady_clock::now() > deadline)
      return status;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

}  // namespace

bool SqliteHasReaderPool(const std::string& path) {
  return path != ":memory:" && path.rfind("file:", 0) != 0;
}

Result<std::unique_ptr<SqlConnection>> OpenSqlite(const std::string& path) {
  sqlite3* db = nullptr;
  // With a pool of readers, each connection is used by one thread at a time (the writer's
  // callers serialize, a reader belongs to one query), so SQLite's own locking of every call
  // (two mutex operations per bound value) is dropped. Without, one connection serves all.
  ConfigureSqlite();
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  if (SqliteHasReaderPool(path)) flags |= SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return Error{"cannot open sqlite database '" + path + "': " + message};
  }
  auto conn = std::make_unique<SqliteConnection>(db);
  sqlite3_busy_timeout(db, 60000);
  sqlite3_create_function(db, "sitrep_km", 4, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                          KmFunction, nullptr, nullptr);
  // A new database gets 64 KiB pages (the pragma does nothing to an existing one): a commit
  // writes one WAL frame per dirty page, and with 4 KiB pages the per-frame work, not the
  // bytes, was most of an ingest's commit (store benchmark 45k → 66k events/s).
  // WAL + synchronous=NORMAL: a killed process never loses a committed transaction (only a
  // power cut could lose the last few), and writers don't block readers.
  // secure_delete=OFF: Debian's SQLite zeroes every byte it frees by default; the store
  // frees cells as pages split and rows are rewritten (3% of an ingest's work). The bytes of
  // deleted rows (a replaced article's old body and reports) may then stay in free pages.
  auto status =
      ExecWhileBusy(*conn, db,
                    "PRAGMA page_size=65536; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                    "PRAGMA foreign_keys=OFF; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536;"
                    "PRAGMA threads=2; PRAGMA secure_delete=OFF;");
  // Checkpoint every 128 MiB of WAL, whatever the page size: random-key index pages rewritten
  // by many batches are then copied back once.
  if (status) {
    auto page = conn->QueryOne("PRAGMA page_size");
    int64_t page_size = page && *page ? (**page).I64(0) : 4096;
    status = conn->ExecScript("PRAGMA wal_autocheckpoint=" +
                              std::to_string((128 << 20) / std::max<int64_t>(page_size, 512)));
  }
  if (!status) return Error{"cannot open sqlite database '" + path + "': " + status.error()};
  return std::unique_ptr<SqlConnection>(std::move(conn));
}

Result<std::unique_ptr<SqlConnection>> OpenSqliteReader(const std::string& path) {
  auto conn = OpenSqlite(path);
  if (!conn) return conn;
  auto status = (*conn)->ExecScript("PRAGMA cache_size=-8192; PRAGMA mmap_size=1073741824;");
  if (!status) return Error{"cannot open sqlite database '" + path + "': " + status.error()};
  return conn;
}

}  // namespace sitrep::store
