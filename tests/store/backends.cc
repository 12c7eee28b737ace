#include "backends.h"

#include <libpq-fe.h>
#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <random>

#include "base/hash.h"

namespace sitrep::testing {

TempDir::TempDir() {
  std::random_device rd;
  path_ = std::filesystem::temp_directory_path() /
          ("sitrep-store-test-" + std::to_string(getpid()) + "-" + std::to_string(rd()));
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

namespace {

void SkipLoudly() {
  GTEST_SKIP() << "\n*** SITREP_TEST_PG_URL is not set: PostgreSQL store test SKIPPED because "
                  "SITREP_ALLOW_NO_PG=1. This is NOT a pass. ***";
}

std::string PostgresUrl() {
  const char* base = std::getenv("SITREP_TEST_PG_URL");
  if (!base || !*base) {
    const char* allow = std::getenv("SITREP_ALLOW_NO_PG");
    if (allow && std::string(allow) == "1") {
      SkipLoudly();
      return "";
    }
    ADD_FAILURE() << "\n*** SITREP_TEST_PG_URL is not set: no PostgreSQL server to test the "
                     "PostgreSQL back end against. Run the tests through scripts/test or "
                     "scripts/with-test-postgres (or set SITREP_ALLOW_NO_PG=1 to skip). ***";
    return "";
  }
  static std::atomic<int> counter{0};
  std::random_device rd;
  std::string name = "sitrep_test_" + std::to_string(getpid()) + "_" + std::to_string(counter++) +
                     "_" + std::to_string(rd() % 100000);
  PGconn* conn = PQconnectdb(base);
  if (PQstatus(conn) != CONNECTION_OK) {
    ADD_FAILURE() << "cannot connect to SITREP_TEST_PG_URL " << base << ": "
                  << PQerrorMessage(conn);
    PQfinish(conn);
    return "";
  }
  PGresult* r = PQexec(conn, ("CREATE DATABASE " + name).c_str());
  bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
  if (!ok) ADD_FAILURE() << "CREATE DATABASE failed: " << PQresultErrorMessage(r);
  PQclear(r);
  PQfinish(conn);
  if (!ok) return "";
  std::string url = base;
  return url.substr(0, url.rfind('/') + 1) + name;
}

}  // namespace

std::string FreshDatabaseUrl(const std::string& backend, const TempDir& dir) {
  if (backend == "sqlite") {
    static std::atomic<int> counter{0};
    return "sqlite:" + (dir.path() / ("store" + std::to_string(counter++) + ".db")).string();
  }
  return PostgresUrl();
}

std::string ExecRawSql(const std::string& url, const std::string& sql) {
  if (url.rfind("sqlite:", 0) == 0) {
    sqlite3* db = nullptr;
    std::string error;
    if (sqlite3_open(url.substr(7).c_str(), &db) != SQLITE_OK) {
      error = "cannot open " + url + ": " + sqlite3_errmsg(db);
    } else if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
      error = sqlite3_errmsg(db);
    }
    sqlite3_close(db);
    return error;
  }
  PGconn* conn = PQconnectdb(url.c_str());
  std::string error;
  if (PQstatus(conn) != CONNECTION_OK) {
    error = "cannot connect to " + url + ": " + PQerrorMessage(conn);
  } else {
    PGresult* r = PQexec(conn, sql.c_str());
    if (PQresultStatus(r) != PGRES_COMMAND_OK && PQresultStatus(r) != PGRES_TUPLES_OK)
      error = PQresultErrorMessage(r);
    PQclear(r);
  }
  PQfinish(conn);
  return error;
}

Article MakeArticle(const std::string& id, const std::string& body, const std::string& outlet) {
  Article a;
  a.id = id;
  a.title = "Title of " + id;
  a.outlet = outlet.empty() ? "Outlet " + id : outlet;
  a.url = "https://example.org/" + id;
  a.published = Date::ParseIso("2021-07-15");
  a.body = body;
  a.content_hash = Sha256Hex(body);
  a.origin = "test";
  a.format = "text";
  return a;
}

Event MakeEvent(const std::string& id, const std::string& day, const std::string& cameo,
                const std::string& source_code, const std::string& target_code,
                const std::string& place, double lat, double lon) {
  Event e;
  e.id = id;
  e.date = DateRange::Day(*Date::ParseIso(day));
  if (!source_code.empty())
    e.source = Actor{"source " + source_code, source_code, source_code.substr(0, 3),
                     source_code.size() > 3 ? source_code.substr(3) : ""};
  if (!target_code.empty())
    e.target = Actor{"target " + target_code, target_code, target_code.substr(0, 3),
                     target_code.size() > 3 ? target_code.substr(3) : ""};
  e.cameo = cameo;
  e.root = cameo.substr(0, 2);
  e.quad_class = 4;
  e.goldstein = -10;
  if (!place.empty()) e.location = Location{place, "IRQ", "", lat, lon, "city"};
  e.evidence = {"Rockets hit " + place + " on " + day + " (" + id + ").", 0, 10};
  e.confidence = 0.8;
  return e;
}

}  // namespace sitrep::testing
