// Schema migrations on SQLite: a store made by an earlier version opens, is brought up to date,
// and finds through full-text search what it held before and what it is given after; report
// seqs only grow.
#include "store/migrations.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <string>
#include <vector>

#include "backends.h"
#include "store/store.h"

namespace sitrep {
namespace {

using testing::MakeArticle;
using testing::MakeEvent;

void RunSql(const std::string& file, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
  char* message = nullptr;
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
  EXPECT_EQ(rc, SQLITE_OK) << (message ? message : "") << " in " << sql;
  sqlite3_free(message);
  sqlite3_close(db);
}

int64_t QueryInt(const std::string& file, const std::string& sql) {
  sqlite3* db = nullptr;
  sqlite3_open(file.c_str(), &db);
  sqlite3_stmt* st = nullptr;
  int64_t value = -1;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW)
    value = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  sqlite3_close(db);
  return value;
}

std::vector<std::string> TextMatches(Store& store, const std::string& words) {
  EventQuery q;
  q.text = words;
  std::vector<std::string> ids;
  auto status = store.QueryEvents(q, [&](const Event& e) { ids.push_back(e.id); });
  EXPECT_TRUE(status.ok()) << (status.ok() ? "" : status.error());
  return ids;
}

Event EventSaying(const std::string& id, const std::string& day, const std::string& sentence) {
  Event e = MakeEvent(id, day, "190", "USAMIL", "IRQREB", "Erbil", 36.19, 44.01);
  e.evidence.sentence = sentence;
  return e;
}

// Stores one article `id` with one event `id`-0 on `day` whose evidence is `sentence`.
void PutSaying(Store& store, const std::string& id, const std::string& day,
               const std::string& sentence) {
  auto stored = store.PutArticle(MakeArticle(id, "body of " + id + ": " + sentence),
                                 {EventSaying(id + "-0", day, sentence)});
  ASSERT_TRUE(stored.ok()) << stored.error();
}

// Turns a current store back into what version 4 left: a full-text index with its per-report
// size table (whose highest id was the indexing watermark) and no fts_progress.
void DowngradeToVersion4(const std::string& file) {
  RunSql(file, R"sql(
DROP TRIGGER reports_fts_delete;
DROP TABLE reports_fts;
DROP TABLE fts_progress;
CREATE VIRTUAL TABLE reports_fts USING fts5(sentence, content='reports', content_rowid='seq');
CREATE TRIGGER reports_fts_delete AFTER DELETE ON reports BEGIN
  INSERT INTO reports_fts(reports_fts, rowid, sentence) VALUES ('delete', old.seq, old.sentence);
END;
INSERT INTO reports_fts (rowid, sentence) SELECT seq, sentence FROM reports;
DELETE FROM schema_version WHERE version > 4;
)sql");
}

TEST(SqliteMigrationTest, Version4StoreIsUpgradedAndSearchesOldAndNewReports) {
  testing::TempDir dir;
  std::string file = (dir.path() / "old.db").string();
  {
    auto store = Store::Open("sqlite:" + file);
    ASSERT_TRUE(store.ok()) << store.error();
    PutSaying(**store, "a1", "2021-07-07", "Drones struck the airport.");
  }
  DowngradeToVersion4(file);
  ASSERT_EQ(QueryInt(file, "SELECT MAX(version) FROM schema_version"), 4);

  auto store = Store::Open("sqlite:" + file);
  ASSERT_TRUE(store.ok()) << store.error();
  EXPECT_EQ(QueryInt(file, "SELECT MAX(version) FROM schema_version"), store::kSchemaVersion);
  EXPECT_EQ(QueryInt(file,
                     "SELECT COUNT(*) FROM sqlite_master WHERE name = "
                     "'reports_fts_docsize'"),
            0);
  EXPECT_EQ(TextMatches(**store, "drones"), std::vector<std::string>{"a1-0"});
  PutSaying(**store, "a2", "2022-01-02", "Rockets hit the drones hangar.");
  auto matches = TextMatches(**store, "drones");
  std::sort(matches.begin(), matches.end());
  EXPECT_EQ(matches, (std::vector<std::string>{"a1-0", "a2-0"}));
  EXPECT_EQ(TextMatches(**store, "hangar"), std::vector<std::string>{"a2-0"});
}

TEST(SqliteMigrationTest, IndexingMarkNeverMovesBackWhenTheLastReportGoes) {
  testing::TempDir dir;
  std::string file = (dir.path() / "mark.db").string();
  auto store = Store::Open("sqlite:" + file);
  ASSERT_TRUE(store.ok()) << store.error();
  PutSaying(**store, "a1", "2021-07-07", "Drones struck the airport.");
  PutSaying(**store, "a2", "2022-01-02", "Rockets hit the base.");
  int64_t mark = QueryInt(file, "SELECT indexed_upto FROM fts_progress");
  EXPECT_EQ(mark, QueryInt(file, "SELECT MAX(seq) FROM reports"));
  // Replacing the newest article deletes the newest report before storing its new one.
  PutSaying(**store, "a2", "2022-01-02", "Mortars hit the base.");
  EXPECT_GT(QueryInt(file, "SELECT indexed_upto FROM fts_progress"), mark);
  EXPECT_EQ(TextMatches(**store, "mortars"), std::vector<std::string>{"a2-0"});
  EXPECT_TRUE(TextMatches(**store, "rockets").empty());
  EXPECT_EQ(TextMatches(**store, "drones"), std::vector<std::string>{"a1-0"});
}

// Rebuilds a current store's reports table in the form versions 5 and 6 had, with `seq` as
// `seq_column` defines it: a unique key on (article_id, report_id), no reports_article index.
std::string OldReportsTable(const std::string& seq_column) {
  return "DROP TRIGGER reports_fts_delete;\nCREATE TABLE reports_old (\n  " + seq_column +
         R"sql(,
  event_id TEXT NOT NULL, article_id TEXT NOT NULL, report_id TEXT NOT NULL,
  sentence TEXT NOT NULL, start_offset INTEGER NOT NULL, end_offset INTEGER NOT NULL,
  fatalities INTEGER, injuries INTEGER, record TEXT NOT NULL,
  UNIQUE (article_id, report_id));
INSERT INTO reports_old SELECT seq, event_id, article_id, report_id, sentence, start_offset,
  end_offset, fatalities, injuries, record FROM reports;
DROP TABLE reports;
ALTER TABLE reports_old RENAME TO reports;
CREATE INDEX reports_event ON reports(event_id);
CREATE TRIGGER reports_fts_delete AFTER DELETE ON reports BEGIN
  INSERT INTO reports_fts(reports_fts, rowid, sentence) VALUES ('delete', old.seq, old.sentence);
END;
)sql";
}

// Turns a current store's reports table back into what version 5 left: seq AUTOINCREMENT.
void DowngradeToVersion5(const std::string& file) {
  RunSql(file, OldReportsTable("seq INTEGER PRIMARY KEY AUTOINCREMENT") +
                   "DELETE FROM schema_version WHERE version > 5;");
}

TEST(SqliteMigrationTest, Version5StoreKeepsItsReportsAndTheirSeqsWithoutAutoincrement) {
  testing::TempDir dir;
  std::string file = (dir.path() / "v5.db").string();
  {
    auto store = Store::Open("sqlite:" + file);
    ASSERT_TRUE(store.ok()) << store.error();
    PutSaying(**store, "a1", "2021-07-07", "Drones struck the airport.");
    PutSaying(**store, "a2", "2022-01-02", "Rockets hit the base.");
  }
  DowngradeToVersion5(file);
  ASSERT_EQ(QueryInt(file, "SELECT MAX(version) FROM schema_version"), 5);
  ASSERT_EQ(QueryInt(file,
                     "SELECT COUNT(*) FROM sqlite_master WHERE name = 'reports' AND sql "
                     "LIKE '%AUTOINCREMENT%'"),
            1);
  int64_t seqs = QueryInt(file, "SELECT SUM(seq * seq) FROM reports");
  int64_t newest = QueryInt(file, "SELECT MAX(seq) FROM reports");

  auto store = Store::Open("sqlite:" + file);
  ASSERT_TRUE(store.ok()) << store.error();
  EXPECT_EQ(QueryInt(file, "SELECT MAX(version) FROM schema_version"), store::kSchemaVersion);
  EXPECT_EQ(QueryInt(file,
                     "SELECT COUNT(*) FROM sqlite_master WHERE name = 'reports' AND sql "
                     "LIKE '%AUTOINCREMENT%'"),
            0);
  EXPECT_EQ(QueryInt(file, "SELECT SUM(seq * seq) FROM reports"), seqs);
  // Every event still finds its representative report, the index its sentences.
  EXPECT_EQ(QueryInt(file,
                     "SELECT COUNT(*) FROM events e JOIN reports r ON r.seq = "
                     "e.primary_report"),
            2);
  EXPECT_EQ(TextMatches(**store, "drones"), std::vector<std::string>{"a1-0"});
  // The delete trigger came back: replacing the newest article takes its words out of the
  // index, and the new report is numbered above every earlier one.
  PutSaying(**store, "a2", "2022-01-02", "Mortars hit the base.");
  EXPECT_GT(QueryInt(file, "SELECT MAX(seq) FROM reports"), newest);
  EXPECT_TRUE(TextMatches(**store, "rockets").empty());
  EXPECT_EQ(TextMatches(**store, "mortars"), std::vector<std::string>{"a2-0"});
}

// Turns a current store back into what version 6 left: the old reports table, and the
// full-text index merging in fours.
void DowngradeToVersion6(const std::string& file) {
  RunSql(file, OldReportsTable("seq INTEGER PRIMARY KEY") +
                   "DELETE FROM reports_fts_config WHERE k = 'automerge';"
                   "DELETE FROM schema_version WHERE version > 6;");
}

TEST(SqliteMigrationTest, Version6StoreDropsTheReportKeyAndStillFindsAnArticlesReports) {
  testing::TempDir dir;
  std::string file = (dir.path() / "v6.db").string();
  {
    auto store = Store::Open("sqlite:" + file);
    ASSERT_TRUE(store.ok()) << store.error();
    PutSaying(**store, "a1", "2021-07-07", "Drones struck the airport.");
    PutSaying(**store, "a2", "2022-01-02", "Rockets hit the base.");
  }
  DowngradeToVersion6(file);
  ASSERT_EQ(QueryInt(file, "SELECT MAX(version) FROM schema_version"), 6);
  ASSERT_EQ(QueryInt(file,
                     "SELECT COUNT(*) FROM sqlite_master WHERE tbl_name = 'reports' AND "
                     "name LIKE 'sqlite_autoindex_%'"),
            1);
  int64_t seqs = QueryInt(file, "SELECT SUM(seq * seq) FROM reports");

  auto store = Store::Open("sqlite:" + file);
  ASSERT_TRUE(store.ok()) << store.error();
  EXPECT_EQ(QueryInt(file, "SELECT MAX(version) FROM schema_version"), store::kSchemaVersion);
  EXPECT_EQ(QueryInt(file,
                     "SELECT COUNT(*) FROM sqlite_master WHERE tbl_name = 'reports' AND "
                     "name LIKE 'sqlite_autoindex_%'"),
            0);
  EXPECT_EQ(QueryInt(file, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'reports_article'"), 1);
  EXPECT_EQ(QueryInt(file, "SELECT v FROM reports_fts_config WHERE k = 'automerge'"), 16);
  EXPECT_EQ(QueryInt(file, "SELECT SUM(seq * seq) FROM reports"), seqs);
  auto article = (*store)->GetArticle("a2");
  ASSERT_TRUE(article.ok() && article->has_value());
  EXPECT_EQ((*article)->event_ids, std::vector<std::string>{"a2-0"});
  EXPECT_EQ(TextMatches(**store, "drones"), std::vector<std::string>{"a1-0"});
  // Replacing an article finds its old reports through the new index and takes them out.
  PutSaying(**store, "a2", "2022-01-02", "Mortars hit the base.");
  EXPECT_TRUE(TextMatches(**store, "rockets").empty());
  EXPECT_EQ(TextMatches(**store, "mortars"), std::vector<std::string>{"a2-0"});
  EXPECT_EQ(QueryInt(file, "SELECT COUNT(*) FROM reports"), 2);
  // The delete trigger came back: the replaced report's words left the index with it (an
  // index still holding them fails FTS5's own check).
  RunSql(file, "INSERT INTO reports_fts(reports_fts, rank) VALUES ('integrity-check', 1)");
}

TEST(SqliteMigrationTest, ReportSeqsKeepGrowingWhenTheNewestReportsAreDeleted) {
  testing::TempDir dir;
  std::string file = (dir.path() / "grow.db").string();
  auto store = Store::Open("sqlite:" + file);
  ASSERT_TRUE(store.ok()) << store.error();
  PutSaying(**store, "a1", "2021-07-07", "Drones struck the airport.");
  PutSaying(**store, "a2", "2022-01-02", "Rockets hit the base.");
  std::vector<int64_t> newest;
  for (const char* sentence :
       {"Mortars hit the base.", "Shells hit the base.", "Drones hit the base."}) {
    // Each replacement deletes the newest report, then stores one: a plain integer key would
    // hand out the deleted seq again.
    PutSaying(**store, "a2", "2022-01-02", sentence);
    newest.push_back(QueryInt(file, "SELECT MAX(seq) FROM reports"));
  }
  EXPECT_LT(newest[0], newest[1]);
  EXPECT_LT(newest[1], newest[2]);
  auto matches = TextMatches(**store, "drones");
  std::sort(matches.begin(), matches.end());
  EXPECT_EQ(matches, (std::vector<std::string>{"a1-0", "a2-0"}));
  EXPECT_TRUE(TextMatches(**store, "shells").empty());
}

}  // namespace
}  // namespace sitrep
