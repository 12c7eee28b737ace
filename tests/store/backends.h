// Test support for the store: a fresh, empty database on each back end. SQLite: a file in a
// temporary directory. PostgreSQL: a new database on the server scripts/with-test-postgres
// started (SITREP_TEST_PG_URL). Without that server the PostgreSQL tests FAIL, loudly, unless
// SITREP_ALLOW_NO_PG=1 asks for them to be skipped.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "base/article.h"
#include "base/event.h"

namespace sitrep::testing {

// A directory under the system temp dir, removed when the value goes.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// A URL for a new empty database of `backend` ("sqlite" or "postgresql"), or "" after
// recording a failure/skip (callers then return).
std::string FreshDatabaseUrl(const std::string& backend, const TempDir& dir);

// Runs `sql` on the database at `url` through a connection of its own, behind the store's
// back (to plant a fault, say): "" or what went wrong.
std::string ExecRawSql(const std::string& url, const std::string& sql);

// Builders for unit tests.
Article MakeArticle(const std::string& id, const std::string& body, const std::string& outlet = "");
Event MakeEvent(const std::string& id, const std::string& day, const std::string& cameo,
                const std::string& source_code, const std::string& target_code,
                const std::string& place, double lat, double lon);

}  // namespace sitrep::testing

// Gets a fresh URL or leaves the test (failure or skip already recorded).
#define SITREP_FRESH_DB(var, backend, dir)                             \
  std::string var = ::sitrep::testing::FreshDatabaseUrl(backend, dir); \
  if (var.empty()) return
