// Bulk loads (Store::BeginBulkLoad / EndBulkLoad): they store exactly what normal batches
// store, queries stay right while one runs, its end (or the next open after a kill) brings back
// every index and the full-text search, and whatever interrupts one (another writer, an article
// replaced) leaves the store as if it had never run.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <unistd.h>

#include <map>
#include <random>
#include <set>

#include "backends.h"
#include "store/store.h"

namespace sitrep {
namespace {

using testing::MakeArticle;
using testing::MakeEvent;
using Batch = std::vector<std::pair<Article, std::vector<Event>>>;

// Articles whose events often report the same happenings (few places, roots and days), so that
// merging is exercised, and sometimes report something alone.
std::vector<Batch> SyntheticBatches(int batches, int per_batch, uint64_t seed) {
  static const char* kPlaces[] = {"Baghdad", "Erbil", "Basra", "Mosul", "Kirkuk"};
  static const char* kActors[] = {"USAMIL", "IRQMIL", "IRQREB", "IRNMIL"};
  std::mt19937_64 rng(seed);
  std::vector<Batch> out;
  int n = 0;
  for (int b = 0; b < batches; ++b) {
    Batch batch;
    for (int i = 0; i < per_batch; ++i, ++n) {
      std::string id = "art" + std::to_string(n);
      std::vector<Event> events;
      for (int k = 0; k < 3; ++k) {
        int place = static_cast<int>(rng() % 5);
        std::string day = "2021-07-" + std::to_string(10 + rng() % 9);
        const char* cameo = rng() % 2 ? "190" : "183";
        Event e = MakeEvent(id + "-" + std::to_string(k), day, cameo, kActors[rng() % 4],
                            kActors[rng() % 4], kPlaces[place], 30.0 + place, 44.0 + place);
        if (rng() % 3 == 0) e.fatalities = static_cast<int>(rng() % 9);
        events.push_back(std::move(e));
      }
      batch.emplace_back(MakeArticle(id, "body of " + id), std::move(events));
    }
    out.push_back(std::move(batch));
  }
  return out;
}

// Everything a reader can see of a store, as text: events with their counts, their sources.
std::string Snapshot(Store& store) {
  std::string out;
  std::vector<Event> events;
  auto status = store.QueryEvents({}, [&](const Event& e) { events.push_back(e); });
  EXPECT_TRUE(status.ok()) << (status.ok() ? "" : status.error());
  for (const Event& e : events) {
    out += e.id + " " + e.cameo + " " + e.date.begin.Iso() + " n=" + std::to_string(e.num_sources) +
           "/" + std::to_string(e.num_articles) +
           " f=" + (e.fatalities ? std::to_string(*e.fatalities) : "-") + " by " + e.article.id +
           ": " + e.evidence.sentence + "\n";
    auto sources = store.GetSources(e.id);
    EXPECT_TRUE(sources.ok());
    if (sources.ok())
      for (const EventSource& s : *sources) out += "  " + s.article_id + " " + s.sentence + "\n";
  }
  return out;
}

EventQuery Text(const std::string& words) {
  EventQuery q;
  q.text = words;
  return q;
}

EventQuery Country(const std::string& code) {
  EventQuery q;
  q.country = code;
  return q;
}

std::vector<std::string> Matching(Store& store, const EventQuery& q) {
  std::vector<std::string> ids;
  auto status = store.QueryEvents(q, [&](const Event& e) { ids.push_back(e.id); });
  EXPECT_TRUE(status.ok()) << (status.ok() ? "" : status.error());
  return ids;
}

class BulkLoadTest : public ::testing::TestWithParam<std::string> {
 protected:
  std::unique_ptr<Store> Open(const std::string& url) {
    auto store = Store::Open(url);
    EXPECT_TRUE(store.ok()) << (store.ok() ? "" : store.error());
    return store.ok() ? std::move(store.value()) : nullptr;
  }
  void Load(Store& store, const std::vector<Batch>& batches) {
    for (const Batch& b : batches) {
      auto r = store.PutArticles(b);
      ASSERT_TRUE(r.ok()) << r.error();
    }
  }
  testing::TempDir dir_;
};

TEST_P(BulkLoadTest, StoresWhatNormalBatchesStore) {
  SITREP_FRESH_DB(normal_url, GetParam(), dir_);
  SITREP_FRESH_DB(bulk_url, GetParam(), dir_);
  auto batches = SyntheticBatches(6, 40, 7);
  auto normal = Open(normal_url);
  auto bulk = Open(bulk_url);
  ASSERT_TRUE(normal && bulk);
  // Both start from the same stored events, so the bulk load also merges into events it read.
  Load(*normal, {batches[0]});
  Load(*bulk, {batches[0]});
  auto started = bulk->BeginBulkLoad();
  ASSERT_TRUE(started.ok()) << started.error();
  EXPECT_EQ(*started, GetParam() == "sqlite");  // PostgreSQL has no bulk mode
  Load(*normal, {batches.begin() + 1, batches.end()});
  Load(*bulk, {batches.begin() + 1, batches.end()});
  ASSERT_TRUE(bulk->EndBulkLoad().ok());
  std::string expected = Snapshot(*normal);
  EXPECT_GT(std::count(expected.begin(), expected.end(), '\n'), 100);
  EXPECT_EQ(Snapshot(*bulk), expected);
  auto a = normal->Counts(), b = bulk->Counts();
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_LT(a->events, a->reports);  // some reports merged
  EXPECT_EQ(b->events, a->events);
  EXPECT_EQ(b->reports, a->reports);
  EventQuery text, type, near;
  text.text = "Erbil";
  type.country = "IRQ";
  type.type = "18";
  near.near = EventQuery::Near{32.0, 46.0, 50};
  for (const EventQuery& q : {text, type, near}) {
    auto ids = Matching(*normal, q);
    EXPECT_FALSE(ids.empty());
    EXPECT_EQ(Matching(*bulk, q), ids);
  }
}

class SqliteBulkLoadTest : public BulkLoadTest {
 protected:
  std::string url() const { return "sqlite:" + file(); }
  std::string file() const { return (dir_.path() / "bulk.db").string(); }
  std::set<std::string> Indexes() {
    sqlite3* db = nullptr;
    std::set<std::string> out;
    if (sqlite3_open_v2(file().c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
      sqlite3_stmt* st = nullptr;
      sqlite3_prepare_v2(db, "SELECT name FROM sqlite_master WHERE type = 'index'", -1, &st,
                         nullptr);
      while (st && sqlite3_step(st) == SQLITE_ROW)
        out.insert(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
      sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return out;
  }
  static bool HasAllQueryIndexes(const std::set<std::string>& indexes) {
    for (const char* name : {"events_date_id", "events_lat_lon", "events_long_span",
                             "reports_event", "reports_article", "articles_url"})
      if (!indexes.count(name)) return false;
    return true;
  }
};

TEST_F(SqliteBulkLoadTest, DropsTheQueryIndexesAndEndRebuildsThem) {
  auto store = Open(url());
  ASSERT_TRUE(store);
  auto batches = SyntheticBatches(3, 20, 11);
  ASSERT_TRUE(HasAllQueryIndexes(Indexes()));
  ASSERT_TRUE(*store->BeginBulkLoad());
  Load(*store, batches);
  EXPECT_FALSE(Indexes().count("events_date_id"));
  EXPECT_FALSE(Indexes().count("reports_event"));
  // Queries stay right meanwhile (only the full-text index waits for the end).
  EXPECT_FALSE(Matching(*store, Country("IRQ")).empty());
  EXPECT_TRUE(Matching(*store, Text("Kirkuk")).empty());
  ASSERT_TRUE(store->EndBulkLoad().ok());
  EXPECT_TRUE(HasAllQueryIndexes(Indexes()));
  EXPECT_FALSE(Matching(*store, Text("Kirkuk")).empty());
}

TEST_F(SqliteBulkLoadTest, AnUnfinishedLoadIsRepairedByTheNextOpen) {
  std::string expected;
  {
    SITREP_FRESH_DB(normal_url, "sqlite", dir_);
    auto normal = Open(normal_url);
    ASSERT_TRUE(normal);
    Load(*normal, SyntheticBatches(3, 20, 13));
    expected = Snapshot(*normal);
  }
  {
    auto store = Open(url());
    ASSERT_TRUE(store);
    ASSERT_TRUE(*store->BeginBulkLoad());
    Load(*store, SyntheticBatches(3, 20, 13));
    // While the load's process lives, another open leaves its indexes to it.
    auto other = Open(url());
    ASSERT_TRUE(other);
    EXPECT_FALSE(HasAllQueryIndexes(Indexes()));
  }  // gone without EndBulkLoad, as if killed
  EXPECT_FALSE(HasAllQueryIndexes(Indexes()));
  auto reopened = Open(url());
  ASSERT_TRUE(reopened);
  EXPECT_TRUE(HasAllQueryIndexes(Indexes()));
  EXPECT_EQ(Snapshot(*reopened), expected);
  EXPECT_FALSE(Matching(*reopened, Text("Kirkuk")).empty());
}

TEST_F(SqliteBulkLoadTest, AnotherWriterEndsTheLoadAndItsEventsAreMergedInto) {
  auto store = Open(url());
  auto other = Open(url());
  ASSERT_TRUE(store && other);
  ASSERT_TRUE(*store->BeginBulkLoad());
  EXPECT_TRUE(store->InBulkLoad());
  Event first = MakeEvent("x1", "2021-07-07", "190", "USAMIL", "IRQMIL", "Baghdad", 33.31, 44.36);
  ASSERT_TRUE(store->PutArticle(MakeArticle("a", "a"), {first}).ok());
  EXPECT_TRUE(store->InBulkLoad());
  // Another connection stores a report of a new happening while the load runs: the load's cache
  // does not hold it, so the load must stop trusting its cache and read it.
  Event second = MakeEvent("y1", "2021-08-01", "183", "IRQREB", "", "Erbil", 36.19, 44.01);
  ASSERT_TRUE(other->PutArticle(MakeArticle("b", "b"), {second}).ok());
  Event again = MakeEvent("y2", "2021-08-01", "183", "IRQREB", "", "Erbil", 36.19, 44.01);
  ASSERT_TRUE(store->PutArticle(MakeArticle("c", "c"), {again}).ok());
  auto merged = store->GetEvent("y1");
  ASSERT_TRUE(merged.ok() && merged->has_value());
  EXPECT_EQ((*merged)->num_sources, 2);
  EXPECT_FALSE(store->InBulkLoad());           // ended early
  EXPECT_TRUE(HasAllQueryIndexes(Indexes()));  // rebuilt at once, not at the end
  EXPECT_FALSE(Matching(*store, Text("Baghdad")).empty());
  EXPECT_TRUE(store->EndBulkLoad().ok());
  // Ended early, it still gives up its lock at the end: another load may start.
  auto next = other->BeginBulkLoad();
  ASSERT_TRUE(next.ok());
  EXPECT_TRUE(*next);
  EXPECT_TRUE(other->EndBulkLoad().ok());
}

TEST_F(SqliteBulkLoadTest, ReplacingAnArticleDuringTheLoadReplacesItsEvents) {
  auto store = Open(url());
  ASSERT_TRUE(store);
  ASSERT_TRUE(*store->BeginBulkLoad());
  Event baghdad = MakeEvent("b1", "2021-07-07", "190", "USAMIL", "", "Baghdad", 33.31, 44.36);
  Event again = MakeEvent("b2", "2021-07-07", "190", "USAMIL", "", "Baghdad", 33.31, 44.36);
  ASSERT_TRUE(store->PutArticle(MakeArticle("a", "first"), {baghdad}).ok());
  ASSERT_TRUE(store->PutArticle(MakeArticle("b", "second"), {again}).ok());
  Event mosul = MakeEvent("m1", "2021-07-07", "190", "", "", "Mosul", 36.34, 43.13);
  auto r = store->PutArticle(MakeArticle("a", "first, corrected"), {mosul});
  ASSERT_TRUE(r.ok()) << r.error();
  EXPECT_EQ(*r, IngestOutcome::kReplaced);
  ASSERT_TRUE(store->EndBulkLoad().ok());
  auto kept = store->GetEvent("b1");
  ASSERT_TRUE(kept.ok() && kept->has_value());
  EXPECT_EQ((*kept)->num_sources, 1);
  EXPECT_EQ((*kept)->article.id, "b");
  EXPECT_EQ(Matching(*store, Text("Mosul")), std::vector<std::string>{"m1"});
  EXPECT_EQ(Matching(*store, Text("Baghdad")), std::vector<std::string>{"b1"});
  EXPECT_TRUE(HasAllQueryIndexes(Indexes()));
}

TEST_F(SqliteBulkLoadTest, OneLoadAtATimePerDatabase) {
  auto store = Open(url());
  auto other = Open(url());
  ASSERT_TRUE(store && other);
  ASSERT_TRUE(*store->BeginBulkLoad());
  auto second = other->BeginBulkLoad();
  ASSERT_TRUE(second.ok());
  EXPECT_FALSE(*second);
  EXPECT_FALSE(other->InBulkLoad());
  ASSERT_TRUE(store->EndBulkLoad().ok());
  EXPECT_FALSE(store->InBulkLoad());
  EXPECT_TRUE(*other->BeginBulkLoad());
  EXPECT_TRUE(other->InBulkLoad());
  EXPECT_TRUE(other->EndBulkLoad().ok());
}

// Stored records leave out what the report's row and its article hold; an event still comes
// back whole, and so does one whose record an earlier version stored whole.
TEST_F(SqliteBulkLoadTest, RecordsAreStoredCompactAndWholeOldOnesReadTheSame) {
  auto store = Open(url());
  ASSERT_TRUE(store);
  Event e = MakeEvent("r1", "2021-07-07", "190", "USAMIL", "", "Baghdad", 33.31, 44.36);
  e.fatalities = 2;
  ASSERT_TRUE(store->PutArticle(MakeArticle("ra", "ra", "Wire"), {e}).ok());
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(file().c_str(), &db), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "SELECT record FROM reports", -1, &st, nullptr);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  std::string record = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  // What the report's row, its article and its event hold is not repeated, nor are nulls.
  for (const char* held :
       {"Rockets hit", "example.org", "\"r1\"", "fatalities", "num_sources", "null"})
    EXPECT_EQ(record.find(held), std::string::npos) << held << " in " << record;
  auto got = store->GetEvent("r1");
  ASSERT_TRUE(got.ok() && got->has_value());
  EXPECT_EQ((*got)->evidence.sentence, e.evidence.sentence);
  EXPECT_EQ((*got)->evidence.start, e.evidence.start);
  EXPECT_EQ((*got)->evidence.end, e.evidence.end);
  EXPECT_EQ((*got)->article.outlet, "Wire");
  EXPECT_EQ((*got)->article.url, "https://example.org/ra");
  EXPECT_EQ((*got)->fatalities, 2);
  EXPECT_EQ((*got)->location->text, "Baghdad");
  std::string compact_read;
  AppendJsonLine(**got, compact_read);

  // Earlier versions stored the whole line, article and sentence included.
  Event whole = **got;
  std::string old_record;
  AppendJsonLine(whole, old_record);
  ASSERT_GT(old_record.size(), 2 * record.size());
  sqlite3_prepare_v2(db, "UPDATE reports SET record = ?", -1, &st, nullptr);
  sqlite3_bind_text(st, 1, old_record.c_str(), -1, SQLITE_TRANSIENT);
  ASSERT_EQ(sqlite3_step(st), SQLITE_DONE);
  sqlite3_finalize(st);
  sqlite3_close(db);
  got = store->GetEvent("r1");
  ASSERT_TRUE(got.ok() && got->has_value());
  std::string whole_read;
  AppendJsonLine(**got, whole_read);
  EXPECT_EQ(whole_read, compact_read);
}

// While one lives, this process can open no file (its file descriptors are all it has).
class NoNewFiles {
 public:
  NoNewFiles() {
    getrlimit(RLIMIT_NOFILE, &saved_);
    int lowest_free = dup(0);  // the number the next open would get
    close(lowest_free);
    rlimit blocked = saved_;
    blocked.rlim_cur = static_cast<rlim_t>(lowest_free);
    ok_ = setrlimit(RLIMIT_NOFILE, &blocked) == 0 && dup(0) < 0;
  }
  ~NoNewFiles() { setrlimit(RLIMIT_NOFILE, &saved_); }
  bool ok() const { return ok_; }

 private:
  rlimit saved_{};
  bool ok_ = false;
};

// The rebuild sorts in runs written to temporary files; when none can be made, it sorts in
// memory instead of failing the load.
TEST_F(SqliteBulkLoadTest, TheRebuildSortsInMemoryWhenNoTemporaryFileCanBeMade) {
  auto store = Open(url());
  ASSERT_TRUE(store);
  ASSERT_TRUE(*store->BeginBulkLoad());
  // Enough distinct events that each index is several of the rebuild's 1 MiB runs.
  for (int b = 0; b < 10; ++b) {
    Batch batch;
    for (int i = 0; i < 400; ++i) {
      std::string id = "spill" + std::to_string(b) + "-" + std::to_string(i);
      std::vector<Event> events;
      for (int k = 0; k < 10; ++k) {
        Date day = *Date::ParseIso("2015-01-01") + (b * 4000 + i * 10 + k) % 3000;
        events.push_back(MakeEvent(id + "-" + std::to_string(k), day.Iso(), "190", "USAMIL",
                                   "IRQREB", "Erbil", 36.19 + k * 0.01, 44.01 + i * 0.001));
      }
      batch.emplace_back(MakeArticle(id, "body of " + id), std::move(events));
    }
    Load(*store, {batch});
  }
  {
    NoNewFiles blocked;
    ASSERT_TRUE(blocked.ok());
    auto ended = store->EndBulkLoad();
    EXPECT_TRUE(ended.ok()) << ended.error();
  }
  EXPECT_TRUE(HasAllQueryIndexes(Indexes()));
  EventQuery near;
  near.near = EventQuery::Near{36.2, 44.2, 5};
  EXPECT_FALSE(Matching(*store, near).empty());
  auto counts = store->Counts();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->reports, 40000u);
}

INSTANTIATE_TEST_SUITE_P(Backends, BulkLoadTest, ::testing::Values("sqlite", "postgresql"));

}  // namespace
}  // namespace sitrep
