#include "store/migrations.h"

#include <ctime>
#include <iterator>
#include <string>
#include <vector>

#include "store/file_lock.h"

namespace sitrep::store {

std::string NowUtc() {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buf;
}

namespace {

struct Migration {
  int version;
  const char* sqlite;
  const char* postgres;
};

constexpr const char* kPagingIndexes =
    "CREATE INDEX events_date_id ON events(date_begin, id, date_end, root, location_country, "
    "source_country, target_country); DROP INDEX events_date; DROP INDEX events_bucket;"
    "CREATE INDEX events_lat_lon ON events(lat, lon); DROP INDEX events_lat;"
    "CREATE INDEX events_long_span ON events(date_begin, date_end) "
    "WHERE date_end - date_begin > 31;";

// Version 1. articles: one row per article id, content_hash unique (the same body under two
// ids is stored once). reports: one row per coded event of an article (a source of a merged
// event), with the coded record as JSON. events: the merged events, one row each, with the
// columns the filters need copied from their representative (first) report.
const Migration kMigrations[] = {
    {1,
     R"sql(
CREATE TABLE articles (
  id TEXT PRIMARY KEY,
  content_hash TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL, author TEXT NOT NULL, outlet TEXT NOT NULL, url TEXT NOT NULL,
  published TEXT,
  body TEXT NOT NULL, origin TEXT NOT NULL, format TEXT NOT NULL,
  ingested_at TEXT NOT NULL);
CREATE INDEX articles_url ON articles(url);
CREATE TABLE reports (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id TEXT NOT NULL,
  article_id TEXT NOT NULL,
  report_id TEXT NOT NULL,
  sentence TEXT NOT NULL, start_offset INTEGER NOT NULL, end_offset INTEGER NOT NULL,
  fatalities INTEGER, injuries INTEGER,
  record TEXT NOT NULL,
  UNIQUE (article_id, report_id));
CREATE INDEX reports_event ON reports(event_id);
CREATE TABLE events (
  id TEXT PRIMARY KEY,
  date_begin INTEGER NOT NULL, date_end INTEGER NOT NULL,
  root TEXT NOT NULL, cameo TEXT NOT NULL, quad_class INTEGER NOT NULL, goldstein REAL NOT NULL,
  source_code TEXT, source_country TEXT, source_text TEXT,
  target_code TEXT, target_country TEXT, target_text TEXT,
  acled_type TEXT, acled_subtype TEXT,
  location_text TEXT, location_country TEXT, location_precision TEXT, lat REAL, lon REAL,
  fatalities INTEGER, injuries INTEGER,
  num_sources INTEGER NOT NULL, num_articles INTEGER NOT NULL,
  primary_report INTEGER NOT NULL);
CREATE INDEX events_bucket ON events(root, date_begin);
CREATE INDEX events_date ON events(date_begin);
CREATE INDEX events_lat ON events(lat);
CREATE TABLE state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE VIRTUAL TABLE reports_fts USING fts5(sentence, content='reports', content_rowid='seq');
CREATE TRIGGER reports_fts_insert AFTER INSERT ON reports BEGIN
  INSERT INTO reports_fts(rowid, sentence) VALUES (new.seq, new.sentence);
END;
CREATE TRIGGER reports_fts_delete AFTER DELETE ON reports BEGIN
  INSERT INTO reports_fts(reports_fts, rowid, sentence) VALUES ('delete', old.seq, old.sentence);
END;
)sql",
     R"sql(
CREATE TABLE articles (
  id TEXT PRIMARY KEY,
  content_hash TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL, author TEXT NOT NULL, outlet TEXT NOT NULL, url TEXT NOT NULL,
  published TEXT,
  body TEXT NOT NULL, origin TEXT NOT NULL, format TEXT NOT NULL,
  ingested_at TEXT NOT NULL);
CREATE INDEX articles_url ON articles(url);
CREATE TABLE reports (
  seq BIGSERIAL PRIMARY KEY,
  event_id TEXT NOT NULL,
  article_id TEXT NOT NULL,
  report_id TEXT NOT NULL,
  sentence TEXT NOT NULL, start_offset BIGINT NOT NULL, end_offset BIGINT NOT NULL,
  fatalities INTEGER, injuries INTEGER,
  record TEXT NOT NULL,
  UNIQUE (article_id, report_id));
CREATE INDEX reports_event ON reports(event_id);
CREATE INDEX reports_fts ON reports USING GIN (to_tsvector('simple', sentence));
CREATE TABLE events (
  id TEXT PRIMARY KEY,
  date_begin INTEGER NOT NULL, date_end INTEGER NOT NULL,
  root TEXT NOT NULL, cameo TEXT NOT NULL, quad_class INTEGER NOT NULL,
  goldstein DOUBLE PRECISION NOT NULL,
  source_code TEXT, source_country TEXT, source_text TEXT,
  target_code TEXT, target_country TEXT, target_text TEXT,
  acled_type TEXT, acled_subtype TEXT,
  location_text TEXT, location_country TEXT, location_precision TEXT,
  lat DOUBLE PRECISION, lon DOUBLE PRECISION,
  fatalities INTEGER, injuries INTEGER,
  num_sources INTEGER NOT NULL, num_articles INTEGER NOT NULL,
  primary_report BIGINT NOT NULL);
CREATE INDEX events_bucket ON events(root, date_begin);
CREATE INDEX events_date ON events(date_begin);
CREATE INDEX events_lat ON events(lat);
CREATE TABLE state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
)sql"},
    // Version 2. SQLite: the full-text index is filled once per batch by the store (one
    // INSERT … SELECT), not by a trigger per report, which cost four times as much.
    {2, "DROP TRIGGER IF EXISTS reports_fts_insert;", "SELECT 1;"},
    // Version 3. PostgreSQL: a commit counter for Store::Generation(), bumped by every write
    // transaction of sitrep. The server's snapshot, used before, also moved on commits to the
    // server's other databases, so a shared server never kept a cached answer. One row per
    // slot (the writer's backend pid modulo 64), so concurrent writers rarely wait on each
    // other's row; the generation is the sum. SQLite has PRAGMA data_version instead.
    {3, "SELECT 1;",
     "CREATE TABLE store_generation (slot INTEGER PRIMARY KEY, n BIGINT NOT NULL);"},
    // Version 4. Paging by date reads one index in order (date_begin, id: the sort's tie-break
    // too), which also holds the end date, the root and the countries, so date, type and
    // country filters, and the merge look-up of a root's week, scan the index, not the wide
    // rows; it replaces both the date index and the (root, date) one. "near" searches a
    // latitude and longitude box of one index, replacing the latitude index. A partial index
    // of the events that span over a month (few: it costs ingest little) bounds how far
    // before `from` a date filter must look.
    {4, kPagingIndexes, kPagingIndexes},
    // Version 5. SQLite: the full-text index keeps no per-report size table (columnsize=0:
    // nothing queries rank by length), which made filling it a quarter slower. That table was
    // how far the index had got; a one-row table now says so, written in the transaction that
    // indexes. The index is rebuilt once here.
    {5, R"sql(
DROP TRIGGER IF EXISTS reports_fts_delete;
DROP TABLE IF EXISTS reports_fts;
CREATE VIRTUAL TABLE reports_fts USING fts5(sentence, content='reports', content_rowid='seq',
  columnsize=0);
CREATE TRIGGER reports_fts_delete AFTER DELETE ON reports BEGIN
  INSERT INTO reports_fts(reports_fts, rowid, sentence) VALUES ('delete', old.seq, old.sentence);
END;
INSERT INTO reports_fts (rowid, sentence) SELECT seq, sentence FROM reports;
CREATE TABLE fts_progress (slot INTEGER PRIMARY KEY CHECK (slot = 0),
  indexed_upto INTEGER NOT NULL);
INSERT INTO fts_progress (slot, indexed_upto) SELECT 0, COALESCE(MAX(seq), 0) FROM reports;
)sql",
     "SELECT 1;"},
    // Version 6. SQLite: reports.seq is a plain integer key, no longer AUTOINCREMENT, whose
    // sqlite_sequence row was read and rewritten by every insert (a tenth of a report insert's
    // work). The store gives each report its seq itself, above every seq the table or the
    // full-text index has seen (NextReportSeq), so seqs still only grow. The table is copied,
    // keeping every seq.
    {6, R"sql(
DROP TRIGGER IF EXISTS reports_fts_delete;
CREATE TABLE reports_v6 (
  seq INTEGER PRIMARY KEY,
  event_id TEXT NOT NULL,
  article_id TEXT NOT NULL,
  report_id TEXT NOT NULL,
  sentence TEXT NOT NULL, start_offset INTEGER NOT NULL, end_offset INTEGER NOT NULL,
  fatalities INTEGER, injuries INTEGER,
  record TEXT NOT NULL,
  UNIQUE (article_id, report_id));
INSERT INTO reports_v6 (seq, event_id, article_id, report_id, sentence, start_offset,
  end_offset, fatalities, injuries, record)
  SELECT seq, event_id, article_id, report_id, sentence, start_offset, end_offset, fatalities,
  injuries, record FROM reports ORDER BY seq;
DROP TABLE reports;
ALTER TABLE reports_v6 RENAME TO reports;
CREATE INDEX reports_event ON reports(event_id);
CREATE TRIGGER reports_fts_delete AFTER DELETE ON reports BEGIN
  INSERT INTO reports_fts(reports_fts, rowid, sentence) VALUES ('delete', old.seq, old.sentence);
END;
)sql",
     "SELECT 1;"},
    // Version 7. reports lose their unique key on (article id, report id): an article's reports
    // are only ever written together, and the store drops a report id that comes twice within
    // one article before writing (PrepareArticle), so the key only guarded what cannot happen,
    // at a sixth of a bulk load's writing (a random key over 80-byte entries). Finding an
    // article's reports takes a plain index, a query index that a bulk load builds once at its
    // end. SQLite's full-text index merges its segments 16 at a time, not 4: each batch adds
    // one, and merging them in fours was over a third of the index's work.
    {7, R"sql(
DROP TRIGGER IF EXISTS reports_fts_delete;
CREATE TABLE reports_v7 (
  seq INTEGER PRIMARY KEY,
  event_id TEXT NOT NULL,
  article_id TEXT NOT NULL,
  report_id TEXT NOT NULL,
  sentence TEXT NOT NULL, start_offset INTEGER NOT NULL, end_offset INTEGER NOT NULL,
  fatalities INTEGER, injuries INTEGER,
  record TEXT NOT NULL);
INSERT INTO reports_v7 (seq, event_id, article_id, report_id, sentence, start_offset,
  end_offset, fatalities, injuries, record)
  SELECT seq, event_id, article_id, report_id, sentence, start_offset, end_offset, fatalities,
  injuries, record FROM reports ORDER BY seq;
DROP TABLE reports;
ALTER TABLE reports_v7 RENAME TO reports;
CREATE INDEX reports_event ON reports(event_id);
CREATE INDEX reports_article ON reports(article_id);
CREATE TRIGGER reports_fts_delete AFTER DELETE ON reports BEGIN
  INSERT INTO reports_fts(reports_fts, rowid, sentence) VALUES ('delete', old.seq, old.sentence);
END;
INSERT INTO reports_fts (reports_fts, rank) VALUES ('automerge', 16);
)sql",
     R"sql(
ALTER TABLE reports DROP CONSTRAINT reports_article_id_report_id_key;
CREATE INDEX IF NOT EXISTS reports_article ON reports(article_id);
)sql"},
};

Result<int> CurrentVersion(SqlConnection& db) {
  auto row = db.QueryOne("SELECT COALESCE(MAX(version), 0) FROM schema_version");
  if (!row) return Error{row.error()};
  return static_cast<int>((*row)->I64(0));
}

Status Apply(SqlConnection& db, const Migration& m) {
  if (auto s = db.BeginWrite(); !s) return s;
  // Another process may have migrated while we waited for the write lock.
  auto version = CurrentVersion(db);
  if (!version) {
    db.Rollback();
    return Error{version.error()};
  }
  if (*version >= m.version) {
    db.Rollback();
    return OkStatus();
  }
  auto s = db.ExecScript(db.dialect() == Dialect::kSqlite ? m.sqlite : m.postgres);
  if (s)
    s = db.Exec("INSERT INTO schema_version (version, applied_at) VALUES (?, ?)",
                {Int(m.version), Text(NowUtc())});
  if (s) s = db.Commit();
  if (!s) {
    db.Rollback();
    return Error{"migration " + std::to_string(m.version) + " failed: " + s.error()};
  }
  return OkStatus();
}

}  // namespace

// As created by migrations 1, 4 and 7.
const QueryIndex kQueryIndexes[6] = {
    {"events_date_id",
     "CREATE INDEX IF NOT EXISTS events_date_id ON events(date_begin, id, date_end, root, "
     "location_country, source_country, target_country)"},
    {"events_lat_lon", "CREATE INDEX IF NOT EXISTS events_lat_lon ON events(lat, lon)"},
    {"events_long_span",
     "CREATE INDEX IF NOT EXISTS events_long_span ON events(date_begin, date_end) "
     "WHERE date_end - date_begin > 31"},
    {"reports_event", "CREATE INDEX IF NOT EXISTS reports_event ON reports(event_id)"},
    {"reports_article", "CREATE INDEX IF NOT EXISTS reports_article ON reports(article_id)"},
    {"articles_url", "CREATE INDEX IF NOT EXISTS articles_url ON articles(url)"},
};

Status Migrate(SqlConnection& db) {
  bool pg = db.dialect() == Dialect::kPostgres;
  // Concurrent first opens of one PostgreSQL database take turns (a session-level lock).
  if (pg) {
    if (auto s = db.Exec("SELECT pg_advisory_lock(7401352001)"); !s) return s;
  }
  auto status = db.ExecScript(
      "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
      "applied_at TEXT NOT NULL)");
  if (status) {
    auto version = CurrentVersion(db);
    if (!version) {
      status = Error{version.error()};
    } else if (*version > kSchemaVersion) {
      status = Error{"the database has schema version " + std::to_string(*version) +
                     ", newer than this sitrep knows (" + std::to_string(kSchemaVersion) + ")"};
    } else {
      for (const Migration& m : kMigrations) {
        if (m.version <= *version) continue;
        status = Apply(db, m);
        if (!status) break;
      }
    }
  }
  if (pg) (void)db.Exec("SELECT pg_advisory_unlock(7401352001)");
  if (status && !pg) status = RepairAfterBulkLoad(db);
  return status;
}

Result<int64_t> FtsIndexedUpTo(SqlConnection& db) {
  // Written with the index in one transaction: right after a deferred or killed batch too.
  auto row = db.QueryOne("SELECT COALESCE((SELECT MAX(indexed_upto) FROM fts_progress), 0)");
  if (!row) return Error{row.error()};
  return (*row)->I64(0);
}

namespace {

Result<bool> BulkLoadLeftovers(SqlConnection& db) {
  std::string names;
  std::vector<SqlValue> params;
  for (const QueryIndex& index : kQueryIndexes) {
    names += names.empty() ? "?" : ", ?";
    params.push_back(Text(index.name));
  }
  auto indexes = db.QueryOne(
      "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name IN (" + names + ")",
      params);
  if (!indexes) return Error{indexes.error()};
  if ((*indexes)->I64(0) < static_cast<int64_t>(std::size(kQueryIndexes))) return true;
  auto indexed = FtsIndexedUpTo(db);
  if (!indexed) return Error{indexed.error()};
  auto pending =
      db.QueryOne("SELECT EXISTS (SELECT 1 FROM reports WHERE seq > ?)", {Int(*indexed)});
  if (!pending) return Error{pending.error()};
  return (*pending)->I64(0) != 0;
}

// SQLite's CREATE INDEX sorts on its worker threads (PRAGMA threads) only when its sorter
// writes sorted runs to temporary files, and a run holds as much as the page cache does. The
// store's connections keep temporary data in memory, where the sorter makes a single run and
// sorts it on the calling thread. A rebuild switches to temporary files (which can be done
// only between transactions) and, while it creates the indexes, to a small cache: runs of
// 1 MiB are sorted on the workers while this thread reads on, then merged. A bulk load's
// index creation took 0.31–0.47 s instead of 0.57–0.80 s.
class TemporaryFiles {
 public:
  explicit TemporaryFiles(SqlConnection& db) : db_(db) {
    auto temp = db.QueryOne("PRAGMA temp_store");
    if (!temp || !*temp) return;
    temp_store_ = (**temp).I64(0);
    on_ = static_cast<bool>(db.ExecScript("PRAGMA temp_store=FILE"));
  }
  ~TemporaryFiles() {
    if (on_) (void)db_.ExecScript("PRAGMA temp_store=" + std::to_string(temp_store_));
  }
  bool on() const { return on_; }

 private:
  SqlConnection& db_;
  int64_t temp_store_ = 0;  // the connection's own setting, put back after
  bool on_ = false;
};

// Inside a transaction: sort runs the size of a small cache, when they go to files.
class SmallSortRuns {
 public:
  explicit SmallSortRuns(SqlConnection& db) : db_(db) {
    auto temp = db.QueryOne("PRAGMA temp_store");
    auto cache = db.QueryOne("PRAGMA cache_size");
    if (!temp || !*temp || (**temp).I64(0) == 2 || !cache || !*cache) return;  // 2: memory
    cache_size_ = (**cache).I64(0);
    on_ = static_cast<bool>(db.ExecScript("PRAGMA cache_size=-1024"));
  }
  ~SmallSortRuns() {
    if (on_) (void)db_.ExecScript("PRAGMA cache_size=" + std::to_string(cache_size_));
  }

 private:
  SqlConnection& db_;
  int64_t cache_size_ = 0;
  bool on_ = false;
};

Status RestoreInOneTransaction(SqlConnection& db) {
  if (auto s = db.BeginWrite(); !s) return s;
  auto s = RestoreQueryIndexes(db);
  if (s) s = db.Commit();
  if (!s) db.Rollback();
  return s;
}

}  // namespace

Status RestoreQueryIndexes(SqlConnection& db) {
  if (db.dialect() == Dialect::kPostgres) return OkStatus();
  {
    SmallSortRuns runs(db);
    for (const QueryIndex& index : kQueryIndexes)
      if (auto s = db.Exec(index.create); !s) return s;
  }
  return IndexPendingReports(db);
}

Result<int64_t> NextReportSeq(SqlConnection& db) {
  // Every report at or below the mark was indexed, the deleted ones too (a report leaves the
  // index as it is deleted), so above both the highest stored seq and the mark no seq was used.
  auto row = db.QueryOne(
      "SELECT MAX(COALESCE((SELECT MAX(seq) FROM reports), 0), "
      "COALESCE((SELECT MAX(indexed_upto) FROM fts_progress), 0)) + 1");
  if (!row) return Error{row.error()};
  return (*row)->I64(0);
}

Status IndexPendingReports(SqlConnection& db) {
  auto indexed = FtsIndexedUpTo(db);
  if (!indexed) return Error{indexed.error()};
  // seq only grows (NextReportSeq), so every report above the mark is one the index lacks.
  auto status = db.Exec(
      "INSERT INTO reports_fts (rowid, sentence) SELECT seq, sentence FROM reports WHERE seq > ?",
      {Int(*indexed)});
  if (!status) return status;
  return db.Exec(
      "UPDATE fts_progress SET indexed_upto = MAX(indexed_upto, (SELECT COALESCE(MAX(seq), 0) "
      "FROM reports))");
}

Status RepairAfterBulkLoad(SqlConnection& db) {
  auto leftovers = BulkLoadLeftovers(db);
  if (!leftovers) return Error{leftovers.error()};
  if (!*leftovers) return OkStatus();
  // A load still running (its process holds the lock) rebuilds them itself when it ends.
  FileLock lock;
  std::string lock_path = BulkLockPath(db.FilePath());
  if (!lock_path.empty() && !lock.TryLock(lock_path)) return OkStatus();
  if (auto s = RestoreQueryIndexesInTransaction(db); !s)
    return Error{"restoring the indexes after an unfinished bulk load: " + s.error()};
  return OkStatus();
}

Status RestoreQueryIndexesInTransaction(SqlConnection& db) {
  if (db.dialect() == Dialect::kSqlite) {
    TemporaryFiles files(db);
    // When temporary files cannot be made, the rebuild fails and runs again in memory.
    if (files.on())
      if (auto s = RestoreInOneTransaction(db); s) return s;
  }
  return RestoreInOneTransaction(db);
}

}  // namespace sitrep::store
