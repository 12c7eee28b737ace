// The PostgreSQL back end of SqlConnection, through libpq: statements are prepared once per
// connection and executed with their values bound as text parameters; `?` placeholders
// become $1, $2, ….
#include <libpq-fe.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <unordered_map>

#include "store/sql.h"

namespace sitrep::store {
namespace {

// Rewrites `?` to `$n`. The store's SQL never has `?` inside string literals.
std::string Numbered(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  for (char c : sql) {
    if (c == '?')
      out += '$' + std::to_string(++n);
    else
      out += c;
  }
  return out;
}

std::string ParamText(const SqlValue& v) {
  if (auto* n = std::get_if<int64_t>(&v)) return std::to_string(*n);
  if (auto* d = std::get_if<double>(&v)) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.17g", *d);
    return buf;
  }
  if (auto* view = std::get_if<std::string_view>(&v)) return std::string(*view);
  return std::get<std::string>(v);
}

// Result cells arrive as text; numbers are converted by type OID so rows read alike on both
// back ends.
SqlValue Cell(PGresult* r, int row, int col) {
  if (PQgetisnull(r, row, col)) return std::monostate{};
  const char* text = PQgetvalue(r, row, col);
  switch (PQftype(r, col)) {
    case 20:
    case 21:
    case 23:  // int8, int2, int4
      return int64_t{std::strtoll(text, nullptr, 10)};
    case 700:
    case 701:
    case 1700:  // float4, float8, numeric
      return std::strtod(text, nullptr);
    case 16:  // bool
      return int64_t{text[0] == 't' ? 1 : 0};
    default:
      return std::string(text, PQgetlength(r, row, col));
  }
}

class PgConnection : public SqlConnection {
 public:
  explicit PgConnection(PGconn* conn) : conn_(conn) {}
  ~PgConnection() override { PQfinish(conn_); }

  Dialect dialect() const override { return Dialect::kPostgres; }

  Result<std::vector<SqlRow>> Query(std::string_view sql,
                                    const std::vector<SqlValue>& params) override {
    PGresult* r = Run(sql, params);
    auto status = Check(r);
    if (!status) return Error{status.error()};
    std::vector<SqlRow> rows(PQntuples(r));
    int cols = PQnfields(r);
    for (size_t i = 0; i < rows.size(); ++i) {
      rows[i].cells.reserve(cols);
      for (int c = 0; c < cols; ++c) rows[i].cells.push_back(Cell(r, static_cast<int>(i), c));
    }
    PQclear(r);
    return rows;
  }

  Result<std::optional<int64_t>> InsertKey(std::string_view sql,
                                           const std::vector<SqlValue>& params,
                                           std::string_view key_column) override {
    auto row = QueryOne(std::string(sql) + " RETURNING " + std::string(key_column), params);
    if (!row) return Error{row.error()};
    if (!*row) return std::optional<int64_t>();
    return std::optional<int64_t>((*row)->I64(0));
  }

  Status QueryEach(std::string_view sql, const std::vector<SqlValue>& params,
                   const std::function<void(const SqlRow&)>& row) override {
    // A cursor in its own transaction (or the caller's) keeps memory bounded and leaves the
    // connection free for queries that `row` may run.
    bool own_transaction = PQtransactionStatus(conn_) == PQTRANS_IDLE;
    if (own_transaction) {
      if (auto s = Exec("BEGIN"); !s) return s;
    }
    std::string cursor = "sitrep_cursor_" + std::to_string(++cursor_count_);
    auto status = Exec("DECLARE " + cursor + " NO SCROLL CURSOR FOR " + std::string(sql), params);
    while (status) {
      auto rows = Query("FETCH 1000 FROM " + cursor, {});
      if (!rows) {
        status = Error{rows.error()};
        break;
      }
      for (const SqlRow& r : *rows) row(r);
      if (rows->size() < 1000) break;
    }
    if (status) status = Exec("CLOSE " + cursor);
    if (own_transaction) {
      if (status)
        status = Commit();
      else
        Rollback();
    }
    return status;
  }

  Status ExecScript(std::string_view sql) override {
    PGresult* r = PQexec(conn_, std::string(sql).c_str());
    auto status = Check(r);
    if (status) PQclear(r);
    return status;
  }

  // Read committed whatever the server's or role's default: a batch reads the generation and
  // its merge candidates after its advisory locks are granted, and must see what the writers
  // it waited for committed (an older snapshot would merge nothing with them).
  Status BeginWrite() override { return Exec("BEGIN ISOLATION LEVEL READ COMMITTED"); }
  Status Commit() override { return Exec("COMMIT"); }
  void Rollback() override {
    if (PQtransactionStatus(conn_) != PQTRANS_IDLE) PQclear(PQexec(conn_, "ROLLBACK"));
  }
  bool LastErrorTransient() const override { return last_transient_; }

 private:
  // Statements with parameters are prepared once per connection and then only executed: the
  // server parses and plans the store's few statement texts once, not once per row. Those
  // without (DDL, BEGIN), cursor declarations (a new name each) and, past kMaxPrepared
  // distinct texts (query filters combine), the rest run directly.
  static constexpr size_t kMaxPrepared = 200;
  PGresult* Run(std::string_view sql, const std::vector<SqlValue>& params) {
    std::vector<std::string> texts(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    for (size_t i = 0; i < params.size(); ++i) {
      if (std::holds_alternative<std::monostate>(params[i])) continue;
      texts[i] = ParamText(params[i]);
      values[i] = texts[i].c_str();
    }
    const int n = static_cast<int>(params.size());
    auto it = prepared_.find(sql);
    if (it == prepared_.end() &&
        (params.empty() || sql.starts_with("DECLARE") || prepared_.size() >= kMaxPrepared))
      return PQexecParams(conn_, Numbered(sql).c_str(), n, nullptr, values.data(), nullptr, nullptr,
                          0);
    if (it == prepared_.end()) {
      std::string name = "sitrep_" + std::to_string(prepared_.size() + 1);
      PGresult* r = PQprepare(conn_, name.c_str(), Numbered(sql).c_str(), n, nullptr);
      if (PQresultStatus(r) != PGRES_COMMAND_OK) return r;  // Check reports the error
      PQclear(r);
      it = prepared_.emplace(std::string(sql), std::move(name)).first;
    }
    return PQexecPrepared(conn_, it->second.c_str(), n, values.data(), nullptr, nullptr, 0);
  }

  // On failure clears `r` and returns the server's message; on success leaves `r` to the caller.
  Status Check(PGresult* r) {
    ExecStatusType st = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) {
      last_transient_ = false;
      return OkStatus();
    }
    const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
    // 40001 serialization failure, 40P01 deadlock, 23505 unique violation from a concurrent
    // writer that got there first: all resolved by running the transaction again.
    last_transient_ = state && (!std::strcmp(state, "40001") || !std::strcmp(state, "40P01") ||
                                !std::strcmp(state, "23505"));
    std::string message = r ? PQresultErrorMessage(r) : PQerrorMessage(conn_);
    while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
      message.pop_back();
    PQclear(r);
    if (PQstatus(conn_) == CONNECTION_BAD) {
      // The server went away (restart, failover, network). The transaction is lost, but every
      // write goes in one idempotent transaction, so once connected again it is simply redone.
      if (Reconnect()) {
        last_transient_ = true;
        return Error{"postgresql: " + message + " (reconnected; the transaction is redone)"};
      }
      last_transient_ = false;
      return Error{"postgresql: " + message + " (connection lost; no reconnection within " +
                   std::to_string(kReconnectSeconds) + " s)"};
    }
    return Error{"postgresql: " + message};
  }

  static constexpr int kReconnectSeconds = 30;

  bool Reconnect() {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(kReconnectSeconds);
    while (true) {
      PQreset(conn_);
      prepared_.clear();  // a new session has none of them
      if (PQstatus(conn_) == CONNECTION_OK) return true;
      if (std::chrono::steady_clock::now() >= deadline) return false;
      std::this_thread::sleep_for(std::chrono::milliseconds(250));
    }
  }

  PGconn* conn_;
  struct TextHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::string, TextHash, std::equal_to<>> prepared_;
  bool last_transient_ = false;
  int cursor_count_ = 0;
};

void IgnoreNotice(void*, const char*) {}

}  // namespace

Result<std::unique_ptr<SqlConnection>> OpenPostgres(const std::string& url) {
  PGconn* conn = PQconnectdb(url.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string message = PQerrorMessage(conn);
    while (!message.empty() && message.back() == '\n') message.pop_back();
    PQfinish(conn);
    return Error{"cannot connect to '" + url + "': " + message};
  }
  PQsetNoticeProcessor(conn, IgnoreNotice, nullptr);  // "relation exists, skipping" and such
  return std::unique_ptr<SqlConnection>(std::make_unique<PgConnection>(conn));
}

}  // namespace sitrep::store
