// Store::Open: picks the back end from the URL and brings the schema up to date.
#include "store/store.h"

#include "store/migrations.h"
#include "store/sql_store.h"

namespace sitrep {
namespace {

bool StartsWith(const std::string& s, const char* prefix) {
  return s.rfind(prefix, 0) == 0;
}

}  // namespace

Result<std::unique_ptr<Store>> Store::Open(const std::string& url) {
  if (url.empty()) return Error{"no database given (--db sqlite:PATH or postgresql://…)"};
  Result<std::unique_ptr<store::SqlConnection>> db = Error{""};
  bool pg = StartsWith(url, "postgresql://") || StartsWith(url, "postgres://");
  std::string path = url;
  if (pg) {
    db = store::OpenPostgres(url);
  } else {
    if (StartsWith(path, "sqlite://"))
      path = path.substr(9);
    else if (StartsWith(path, "sqlite:"))
      path = path.substr(7);
    if (path.empty()) return Error{"'" + url + "': no database file after sqlite:"};
    db = store::OpenSqlite(path);
  }
  if (!db) return Error{db.error()};
  if (auto s = store::Migrate(**db); !s) return Error{"'" + url + "': " + s.error()};
  store::ConnectionOpener open_reader;
  if (pg) {
    open_reader = [url] { return store::OpenPostgres(url); };
  } else if (store::SqliteHasReaderPool(path)) {
    open_reader = [path] { return store::OpenSqliteReader(path); };
  }
  return store::MakeSqlStore(std::move(db.value()), std::move(open_reader));
}

}  // namespace sitrep
