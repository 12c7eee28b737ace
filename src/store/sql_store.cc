#include "store/sql_store.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <thread>
#include <unordered_set>

#include "base/hash.h"
#include "store/batch_prep.h"
#include "store/candidate_cache.h"
#include "store/event_query_sql.h"
#include "store/file_lock.h"
#include "store/merge.h"
#include "store/migrations.h"
#include "store/pg_rows.h"

namespace sitrep::store {
namespace {

constexpr int kMaxAttempts = 20;

// PostgreSQL: one step of the commit counter that Generation() sums (migration 3), taken
// inside every write transaction. `kBumpGenerationFrom` takes a FROM clause: a step only
// when that relation has a row.
constexpr const char* kBumpGenerationFrom =
    "INSERT INTO store_generation (slot, n) SELECT pg_backend_pid() % 64, 1 ";
constexpr const char* kBumpGenerationConflict =
    " ON CONFLICT (slot) DO UPDATE SET n = store_generation.n + 1";

std::optional<int> MaxOpt(std::optional<int> a, std::optional<int64_t> b) {
  if (!b) return a;
  if (!a || *b > *a) return static_cast<int>(*b);
  return a;
}

// The columns of an events row, in the order of kUpsertEvent.
constexpr const char* kUpsertEvent = R"sql(
INSERT INTO events (id, date_begin, date_end, root, cameo, quad_class, goldstein,
  source_code, source_country, source_text, target_code, target_country, target_text,
  acled_type, acled_subtype, location_text, location_country, location_precision, lat, lon,
  fatalities, injuries, num_sources, num_articles, primary_report)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (id) DO UPDATE SET date_begin = excluded.date_begin, date_end = excluded.date_end,
  root = excluded.root, cameo = excluded.cameo, quad_class = excluded.quad_class,
  goldstein = excluded.goldstein, source_code = excluded.source_code,
  source_country = excluded.source_country, source_text = excluded.source_text,
  target_code = excluded.target_code, target_country = excluded.target_country,
  target_text = excluded.target_text, acled_type = excluded.acled_type,
  acled_subtype = excluded.acled_subtype, location_text = excluded.location_text,
  location_country = excluded.location_country,
  location_precision = excluded.location_precision, lat = excluded.lat, lon = excluded.lon,
  fatalities = excluded.fatalities, injuries = excluded.injuries,
  num_sources = excluded.num_sources, num_articles = excluded.num_articles,
  primary_report = excluded.primary_report)sql";

constexpr const char* kInsertReport =
    "INSERT INTO reports (event_id, article_id, report_id, sentence, start_offset, end_offset, "
    "fatalities, injuries, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
// The same with the seq given, last.
constexpr const char* kInsertNumberedReport =
    "INSERT INTO reports (event_id, article_id, report_id, sentence, start_offset, end_offset, "
    "fatalities, injuries, record, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

constexpr const char* kInsertEvent = R"sql(
INSERT INTO events (id, date_begin, date_end, root, cameo, quad_class, goldstein,
  source_code, source_country, source_text, target_code, target_country, target_text,
  acled_type, acled_subtype, location_text, location_country, location_precision, lat, lon,
  fatalities, injuries, num_sources, num_articles, primary_report)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (id) DO NOTHING)sql";

// PostgreSQL: a batch's rows many at a time, read out of unnest() over one array per column
// (see pg_rows.h), in the column orders of EventRowParams and kInsertNumberedReport.
constexpr const char* kInsertEventsFromArrays = R"sql(
INSERT INTO events (id, date_begin, date_end, root, cameo, quad_class, goldstein,
  source_code, source_country, source_text, target_code, target_country, target_text,
  acled_type, acled_subtype, location_text, location_country, location_precision, lat, lon,
  fatalities, injuries, num_sources, num_articles, primary_report)
SELECT * FROM unnest(?::text[], ?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::bigint[],
  ?::float8[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
  ?::text[], ?::text[], ?::text[], ?::text[], ?::float8[], ?::float8[], ?::bigint[],
  ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[])
ON CONFLICT (id) DO NOTHING RETURNING id)sql";
constexpr size_t kEventColumnCount = 25;
constexpr const char* kInsertReportsFromArrays = R"sql(
INSERT INTO reports (event_id, article_id, report_id, sentence, start_offset, end_offset,
  fatalities, injuries, record, seq)
SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[],
  ?::bigint[], ?::bigint[], ?::text[], ?::bigint[]))sql";
constexpr size_t kReportColumnCount = 10;
// Reports merged into stored events, summed per event (as AddReport's UPDATE, row by row).
constexpr const char* kMergeIntoEventsFromArrays = R"sql(
UPDATE events e SET num_sources = e.num_sources + u.sources,
  num_articles = e.num_articles + u.articles,
  fatalities = CASE WHEN COALESCE(e.fatalities, -1) >= COALESCE(u.fatalities, -1)
    THEN e.fatalities ELSE u.fatalities END,
  injuries = CASE WHEN COALESCE(e.injuries, -1) >= COALESCE(u.injuries, -1)
    THEN e.injuries ELSE u.injuries END
FROM unnest(?::text[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[])
  AS u(id, sources, articles, fatalities, injuries)
WHERE e.id = u.id RETURNING e.id)sql";

class SqlStore : public Store {
 public:
  SqlStore(std::unique_ptr<SqlConnection> db, ConnectionOpener open_reader)
      : db_(std::move(db)),
        pg_(db_->dialect() == Dialect::kPostgres),
        open_reader_(std::move(open_reader)) {}

  Result<IngestOutcome> PutArticle(const Article& article,
                                   const std::vector<Event>& events) override {
    auto outcomes = PutArticles({{article, events}});
    if (!outcomes) return Error{outcomes.error()};
    return outcomes->front();
  }

  Result<std::vector<IngestOutcome>> PutArticles(
      const std::vector<std::pair<Article, std::vector<Event>>>& batch) override {
    std::mt19937 jitter(std::random_device{}());
    std::string last_error;
    bool send_together = pg_;
    for (int attempt = 0; attempt < kMaxAttempts; ++attempt) {
      deferring_ = send_together;
      auto outcomes = TryBatch(batch);
      deferring_ = false;
      if (outcomes) return outcomes;
      last_error = outcomes.error();
      if (deferred_id_taken_) {
        // A new event's id was taken (rare: a replaced article's events): its reports may
        // have merged into it under that id already, so the batch goes again row by row
        // (once: not counted as an attempt).
        deferred_id_taken_ = false;
        send_together = false;
        --attempt;
        continue;
      }
      bool lost_race = merge_target_vanished_;
      merge_target_vanished_ = false;
      if (!lost_race && !db_->LastErrorTransient()) break;
      // Another writer won a race (deadlock, unique key): back off a little and redo it all.
      std::this_thread::sleep_for(
          std::chrono::milliseconds(5 + jitter() % (20 << std::min(attempt, 4))));
    }
    return Error{last_error};
  }

  Status QueryEvents(const EventQuery& query,
                     const std::function<void(const Event&)>& sink) override {
    auto filter = BuildFilter(query, db_->dialect());
    if (!filter) return Error{filter.error()};
    std::string sql = std::string(kEventColumns) + "FROM events e " + kEventJoins;
    if (filter->limit.empty()) {
      sql += filter->where + filter->order;
    } else {
      // A page is found on the events alone and only its rows fetch their record: joined
      // first, every row skipped by the offset read its report too.
      sql += " WHERE e.id IN (SELECT e.id FROM events e" + filter->where + filter->order +
             filter->limit + ")" + filter->order;
    }
    auto params = filter->params;
    params.insert(params.end(), filter->limit_params.begin(), filter->limit_params.end());
    Status inner = OkStatus();
    auto status = WithReader([&](SqlConnection& db) {
      return db.QueryEach(sql, params, [&](const SqlRow& row) {
        if (!inner) return;
        auto e = EventFromRow(row);
        if (!e) {
          inner = Error{e.error()};
          return;
        }
        sink(*e);
      });
    });
    if (!status) return status;
    return inner;
  }

  Result<size_t> CountEvents(const EventQuery& query) override {
    auto filter = BuildFilter(query, db_->dialect());
    if (!filter) return Error{filter.error()};
    std::string sql = "SELECT COUNT(*) FROM events e" + filter->where;
    if (!filter->limit.empty())  // count what the page would hold
      sql = "SELECT COUNT(*) FROM (SELECT e.id FROM events e" + filter->where + filter->order +
            filter->limit + ") page";
    auto params = filter->params;
    params.insert(params.end(), filter->limit_params.begin(), filter->limit_params.end());
    return WithReader([&](SqlConnection& db) -> Result<size_t> {
      auto row = db.QueryOne(sql, params);
      if (!row) return Error{row.error()};
      return static_cast<size_t>((*row)->I64(0));
    });
  }

  Result<std::optional<Event>> GetEvent(const std::string& id) override {
    auto row = WithReader([&](SqlConnection& db) {
      return db.QueryOne(
          std::string(kEventColumns) + "FROM events e " + kEventJoins + " WHERE e.id = ?",
          {Text(id)});
    });
    if (!row) return Error{row.error()};
    if (!*row) return std::optional<Event>();
    auto e = EventFromRow(**row);
    if (!e) return Error{e.error()};
    return std::optional<Event>(std::move(e.value()));
  }

  Result<std::vector<EventSource>> GetSources(const std::string& event_id) override {
    auto rows = WithReader([&](SqlConnection& db) {
      return db.Query(
          "SELECT r.article_id, a.title, a.outlet, a.url, a.published, r.sentence, "
          "r.start_offset, r.end_offset FROM reports r JOIN articles a ON a.id = r.article_id "
          "WHERE r.event_id = ? ORDER BY r.seq",
          {Text(event_id)});
    });
    if (!rows) return Error{rows.error()};
    std::vector<EventSource> out;
    for (const SqlRow& r : *rows)
      out.push_back({r.Str(0), r.Str(1), r.Str(2), r.Str(3), Date::ParseIso(r.Str(4)), r.Str(5),
                     static_cast<size_t>(r.I64(6)), static_cast<size_t>(r.I64(7))});
    return out;
  }

  Result<std::optional<StoredArticle>> GetArticle(const std::string& id) override {
    return WithReader([&](SqlConnection& db) -> Result<std::optional<StoredArticle>> {
      auto row = db.QueryOne(
          "SELECT id, title, author, outlet, url, published, body, content_hash, origin, "
          "format FROM articles WHERE id = ?",
          {Text(id)});
      if (!row) return Error{row.error()};
      if (!*row) return std::optional<StoredArticle>();
      const SqlRow& r = **row;
      StoredArticle stored;
      Article& a = stored.article;
      a.id = r.Str(0);
      a.title = r.Str(1);
      a.author = r.Str(2);
      a.outlet = r.Str(3);
      a.url = r.Str(4);
      a.published = Date::ParseIso(r.Str(5));
      a.body = r.Str(6);
      a.content_hash = r.Str(7);
      a.origin = r.Str(8);
      a.format = r.Str(9);
      auto events = db.Query(
          "SELECT event_id FROM reports WHERE article_id = ? GROUP BY event_id ORDER BY "
          "MIN(seq)",
          {Text(id)});
      if (!events) return Error{events.error()};
      for (const SqlRow& e : *events) stored.event_ids.push_back(e.Str(0));
      return std::optional<StoredArticle>(std::move(stored));
    });
  }

  Result<bool> HasArticleUrl(const std::string& url) override {
    if (url.empty()) return false;
    auto row = db_->QueryOne("SELECT 1 FROM articles WHERE url = ? LIMIT 1", {Text(url)});
    if (!row) return Error{row.error()};
    return row->has_value();
  }

  Result<StoreCounts> Counts() override {
    return WithReader([&](SqlConnection& db) -> Result<StoreCounts> {
      auto row = db.QueryOne(
          "SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM events), "
          "(SELECT COUNT(*) FROM reports)");
      if (!row) return Error{row.error()};
      const SqlRow& r = **row;
      return StoreCounts{static_cast<size_t>(r.I64(0)), static_cast<size_t>(r.I64(1)),
                         static_cast<size_t>(r.I64(2))};
    });
  }

  Result<std::string> Generation() override {
    if (pg_) {
      // Every write transaction bumps one counter in the same transaction, so the sum moves
      // exactly when a write becomes visible.
      return WithReader([&](SqlConnection& db) -> Result<std::string> {
        auto row = db.QueryOne("SELECT COALESCE(SUM(n), 0)::text FROM store_generation");
        if (!row) return Error{row.error()};
        return "pg:" + (*row)->Str(0);
      });
    }
    std::lock_guard lock(watch_mu_);
    if (!open_reader_) {
      // One connection for everything: its own writes don't move its data_version.
      std::lock_guard db_lock(fallback_mu_);
      auto row = db_->QueryOne(
          "SELECT (SELECT COUNT(*) FROM articles), (SELECT COALESCE(MAX(seq), 0) FROM reports), "
          "(SELECT COUNT(*) FROM reports)");
      if (!row) return Error{row.error()};
      return "mem:" + (*row)->Str(0) + "/" + (*row)->Str(1) + "/" + (*row)->Str(2);
    }
    if (!watcher_) {
      auto opened = open_reader_();
      if (!opened) return Error{opened.error()};
      watcher_ = std::move(*opened);
    }
    // data_version moves whenever another connection (the writer, another process) commits;
    // the watcher itself never writes.
    auto row = watcher_->QueryOne("PRAGMA data_version");
    if (!row) return Error{row.error()};
    int64_t version = (*row)->I64(0);
    if (version != watched_version_) {
      watched_version_ = version;
      ++generation_;
    }
    return "sqlite:" + std::to_string(generation_);
  }

  Result<bool> BeginBulkLoad() override {
    if (pg_ || bulk_) return bulk_;
    // One bulk load at a time per database; the lock also tells other processes this one is
    // alive (see RepairAfterBulkLoad).
    std::string lock_path = BulkLockPath(db_->FilePath());
    if (!lock_path.empty() && !bulk_lock_.held() && !bulk_lock_.TryLock(lock_path)) return false;
    if (auto s = db_->BeginWrite(); !s) return Error{s.error()};
    auto started = StartBulk();
    if (started && *started) {
      if (auto s = db_->Commit(); !s) started = Error{s.error()};
    }
    if (!started || !*started) {
      db_->Rollback();
      bulk_ = false;
      candidates_.Clear();
      bulk_lock_.Release();
      return started;
    }
    indexes_missing_ = true;
    return true;
  }

  bool InBulkLoad() const override { return bulk_; }

  Status EndBulkLoad() override {
    if (pg_) return OkStatus();
    if (!bulk_ && !indexes_missing_) {  // ended early, indexes already rebuilt
      bulk_lock_.Release();
      return OkStatus();
    }
    LeaveBulk();
    if (auto s = RestoreQueryIndexesInTransaction(*db_); !s)
      return Error{"rebuilding the indexes after a bulk load: " + s.error()};
    indexes_missing_ = false;
    bulk_lock_.Release();
    return OkStatus();
  }

  Result<std::optional<std::string>> GetState(const std::string& key) override {
    auto row = db_->QueryOne("SELECT value FROM state WHERE key = ?", {Text(key)});
    if (!row) return Error{row.error()};
    if (!*row) return std::optional<std::string>();
    return std::optional<std::string>((*row)->Str(0));
  }

  Status PutState(const std::string& key, const std::string& value) override {
    static constexpr char kUpsert[] =
        "INSERT INTO state (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value";
    if (!pg_) return db_->Exec(kUpsert, {Text(key), Text(value)});
    // One statement, so the state and the generation commit together.
    return db_->Exec(std::string("WITH put AS (") + kUpsert + " RETURNING 1) " +
                         kBumpGenerationFrom + "FROM put" + kBumpGenerationConflict,
                     {Text(key), Text(value)});
  }

 private:
  // Runs `f` on a reader connection of the pool: an idle one, a new one while fewer than
  // kMaxReaders are open, else the next one given back. Without a pool, on the writer's
  // connection under a mutex.
  template <class F>
  auto WithReader(F&& f) -> decltype(f(std::declval<SqlConnection&>())) {
    if (!open_reader_) {
      std::lock_guard lock(fallback_mu_);
      return f(*db_);
    }
    std::unique_ptr<SqlConnection> conn;
    {
      std::unique_lock lock(pool_mu_);
      pool_cv_.wait(lock, [&] { return !idle_.empty() || open_readers_ < kMaxReaders; });
      if (!idle_.empty()) {
        conn = std::move(idle_.back());
        idle_.pop_back();
      } else {
        ++open_readers_;
      }
    }
    if (!conn) {
      auto opened = open_reader_();
      if (!opened) {
        std::lock_guard lock(pool_mu_);
        --open_readers_;
        pool_cv_.notify_one();
        return Error{opened.error()};
      }
      conn = std::move(*opened);
    }
    auto result = f(*conn);
    {
      std::lock_guard lock(pool_mu_);
      idle_.push_back(std::move(conn));
    }
    pool_cv_.notify_one();
    return result;
  }

  Result<std::vector<IngestOutcome>> TryBatch(const ArticleBatch& batch) {
    if (auto s = db_->BeginWrite(); !s) return Error{s.error()};
    if (auto s = ValidateCandidates(); !s) {
      db_->Rollback();
      return Error{s.error()};
    }
    if (!pg_) {
      auto next = NextReportSeq(*db_);
      if (!next) {
        db_->Rollback();
        return Error{next.error()};
      }
      next_seq_ = *next;
    }
    bool restore = indexes_missing_ && !bulk_;
    if (restore) {
      if (auto s = RestoreQueryIndexes(*db_); !s) {
        db_->Rollback();
        return Error{s.error()};
      }
    }
    auto outcomes = BatchBody(batch);
    if (outcomes && !bulk_) {
      if (auto s = IndexPendingFts(); !s) outcomes = Error{s.error()};
    }
    if (outcomes && pg_) {
      if (auto s = db_->Exec(std::string(kBumpGenerationFrom) + kBumpGenerationConflict); !s)
        outcomes = Error{s.error()};
    }
    if (outcomes) {
      if (auto s = db_->Commit(); !s) outcomes = Error{s.error()};
    }
    if (!outcomes) {
      db_->Rollback();
      LeaveBulk();
      candidates_.Clear();  // it may hold events of the rolled-back batch
      pg_generation_after_commit_ = -1;
    } else {
      if (!bulk_) indexes_missing_ = false;  // restored in this batch
      // The sum it saw, and the step its own commit added.
      if (pg_) pg_generation_after_commit_ = pg_batch_generation_ + 1;
    }
    return outcomes;
  }

  // Inside a write transaction: drops the query indexes and caches every stored event.
  // False (nothing changed) when the store holds more events than the cache may.
  Result<bool> StartBulk() {
    auto count = db_->QueryOne("SELECT COUNT(*) FROM events");
    if (!count) return Error{count.error()};
    if (static_cast<size_t>((*count)->I64(0)) > candidates_.capacity() / 2) return false;
    auto version = db_->QueryOne("PRAGMA data_version");
    if (!version) return Error{version.error()};
    for (const QueryIndex& index : kQueryIndexes)
      if (auto s = db_->Exec(std::string("DROP INDEX IF EXISTS ") + index.name); !s)
        return Error{s.error()};
    candidates_.Clear();
    std::vector<MergeCandidate> block;
    auto flush = [&] {
      if (block.empty()) return;
      uint32_t root = candidates_.RootId(block.front().key.root);
      int32_t week = BucketOf(block.front().key.begin);
      candidates_.Put(root, week, CandidateCache::Block(std::move(block)));
      block.clear();
    };
    // Streamed: a copy of every row at once would double what the cache itself holds.
    auto loaded = db_->QueryEach(
        std::string(kCandidateColumns) + " ORDER BY root, date_begin", {}, [&](const SqlRow& r) {
          MergeCandidate c = CandidateOf(r);
          if (!block.empty() && (c.key.root != block.front().key.root ||
                                 BucketOf(c.key.begin) != BucketOf(block.front().key.begin)))
            flush();
          block.push_back(std::move(c));
        });
    if (!loaded) return Error{loaded.error()};
    flush();
    candidates_.SetComplete(true);
    data_version_ = (*version)->I64(0);
    bulk_ = true;
    return true;
  }

  // Back to normal writing: the cache is no longer known to hold every event. The indexes
  // come back in this transaction (RemoveReportsOf) or at the start of the next.
  void LeaveBulk() {
    bulk_ = false;
    candidates_.SetComplete(false);
  }

  // Keeps the candidate cache only while no other connection can have written since it was
  // filled: SQLite's data_version moves exactly when another connection commits (this one holds
  // the write lock from here on). PostgreSQL writers run concurrently: there the check waits
  // for the batch's locks (ValidatePgCandidates).
  Status ValidateCandidates() {
    if (pg_) return OkStatus();
    auto row = db_->QueryOne("PRAGMA data_version");
    if (!row) return Error{row.error()};
    int64_t version = (*row)->I64(0);
    if (version != data_version_) {
      LeaveBulk();
      candidates_.Clear();
    }
    if (bulk_ && candidates_.size() > candidates_.capacity()) LeaveBulk();
    candidates_.Trim();
    data_version_ = version;
    return OkStatus();
  }

  Result<std::vector<IngestOutcome>> BatchBody(const ArticleBatch& batch) {
    BatchPreparer prepared(batch);
    ClearDeferred();
    if (pg_) {
      if (auto s = LockForBatch(prepared); !s) return Error{s.error()};
      if (auto s = ValidatePgCandidates(); !s) return Error{s.error()};
      if (deferring_) {
        if (auto s = NumberReports(prepared); !s) return Error{s.error()};
      }
    }
    std::vector<IngestOutcome> outcomes;
    for (size_t i = 0; i < batch.size(); ++i) {
      auto article = prepared.Get(i);
      if (!article) return Error{article.error()};
      auto outcome = PutOne(**article);
      if (!outcome)
        return Error{"article '" + std::string((*article)->id()) + "': " + outcome.error()};
      outcomes.push_back(*outcome);
      prepared.Done(i);
    }
    if (auto s = SendDeferred(); !s) return Error{s.error()};
    return outcomes;
  }

  // PostgreSQL, rows sent together: a number from the reports' sequence for every report the
  // batch may store, taken in one query (numbers of reports not stored are just skipped).
  Status NumberReports(BatchPreparer& prepared) {
    int64_t reports = 0;
    for (size_t i = 0; i < prepared.size(); ++i) {
      auto article = prepared.Get(i);
      if (!article) return Error{article.error()};
      reports += static_cast<int64_t>((*article)->reports.size());
    }
    auto rows = db_->Query(
        "SELECT nextval(pg_get_serial_sequence('reports', 'seq')) FROM generate_series(1, ?)",
        {Int(reports)});
    if (!rows) return Error{rows.error()};
    for (const SqlRow& r : *rows) report_numbers_.push_back(r.I64(0));
    std::sort(report_numbers_.begin(), report_numbers_.end());
    return OkStatus();
  }

  static int64_t BlockKey(uint32_t root, int32_t week) {
    return static_cast<int64_t>(root) << 32 | static_cast<uint32_t>(week);
  }

  // What AddReport adds to a stored event, summed over the reports of a batch.
  struct DeferredMerge {
    int64_t sources = 0, articles = 0;
    std::optional<int> fatalities, injuries;
  };

  void ClearDeferred() {
    deferred_events_.Clear();
    deferred_reports_.Clear();
    deferred_event_ids_ = 0;
    deferred_event_blocks_.clear();
    deferred_merges_.clear();
    report_numbers_.clear();
    next_report_number_ = 0;
  }

  // PostgreSQL: the batch's rows so far, in three statements. Called before anything reads
  // the events or reports (a block of candidates loaded, an article's reports taken out) and
  // at the end of the batch.
  Status SendDeferred() {
    if (deferred_events_.rows() > 0) {
      auto inserted = db_->Query(kInsertEventsFromArrays, deferred_events_.TakeParams());
      if (!inserted) return Error{inserted.error()};
      if (inserted->size() != deferred_event_ids_) {
        deferred_id_taken_ = true;
        return Error{"a new event's id is taken"};
      }
      deferred_event_ids_ = 0;
      deferred_event_blocks_.clear();
    }
    if (deferred_reports_.rows() > 0) {
      if (auto s = db_->Exec(kInsertReportsFromArrays, deferred_reports_.TakeParams()); !s)
        return s;
    }
    if (deferred_merges_.empty()) return OkStatus();
    ColumnArrays merges(5);
    for (const auto& [id, m] : deferred_merges_)
      merges.AddRow({TextView(id), Int(m.sources), Int(m.articles), IntOrNull(m.fatalities),
                     IntOrNull(m.injuries)});
    auto updated = db_->Query(kMergeIntoEventsFromArrays, merges.TakeParams());
    if (!updated) return Error{updated.error()};
    if (updated->size() != deferred_merges_.size()) {
      std::set<std::string> found;
      for (const SqlRow& row : *updated) found.insert(row.Str(0));
      for (const auto& [id, m] : deferred_merges_)
        if (!found.count(id)) return MergeTargetVanished(id);
    }
    deferred_merges_.clear();
    return OkStatus();
  }

  // Another writer took out the event a report merged into (replacing the article of its
  // only report) after this batch read it: a lost race, so the batch is tried again, and
  // the other writer's commit has made this one forget the event.
  Status MergeTargetVanished(std::string_view event_id) {
    merge_target_vanished_ = true;
    return Error{"event " + std::string(event_id) + " vanished while merging"};
  }

  // PostgreSQL: the cache outlives a batch only while no other writer has committed since this
  // one last did: every write transaction adds one to the generation's sum, so it is then the
  // sum this writer saw at its last batch plus its own commit. Read once the batch holds its
  // locks: a writer that stored into a bucket this batch locks has committed (and moved the
  // sum) before the lock came free; one that commits later cannot touch those buckets.
  Status ValidatePgCandidates() {
    auto row = db_->QueryOne("SELECT COALESCE(SUM(n), 0)::bigint FROM store_generation");
    if (!row) return Error{row.error()};
    if (!*row) return Error{"the store's generation could not be read"};
    int64_t generation = (*row)->I64(0);
    if (generation != pg_generation_after_commit_) candidates_.Clear();
    candidates_.Trim();
    pg_batch_generation_ = generation;
    return OkStatus();
  }

  // PostgreSQL: every lock the batch needs, taken up front in one sorted order so concurrent
  // writers can't deadlock on them: one per article id and content hash (same article from two
  // processes), and the merge buckets (root × week) of every event (race-free merging).
  Status LockForBatch(BatchPreparer& prepared) {
    std::set<int64_t> keys;
    for (size_t i = 0; i < prepared.size(); ++i) {
      auto article = prepared.Get(i);
      if (!article) return Error{article.error()};
      const PreparedArticle& p = **article;
      keys.insert(LockSlot(Fnv1a64("article:" + std::string(p.id()))));
      keys.insert(LockSlot(Fnv1a64("hash:" + std::string(p.content_hash()))));
      for (const PreparedReport& r : p.reports)
        for (int64_t k : MergeLockKeys(r.key)) keys.insert(LockSlot(k));
    }
    std::string array = "{";
    for (int64_t k : keys) array += (array.size() > 1 ? "," : "") + std::to_string(k);
    array += "}";
    return db_->Exec(
        "SELECT COUNT(pg_advisory_xact_lock(k)) FROM unnest(?::bigint[]) WITH ORDINALITY AS t(k, "
        "n)",
        {Text(array)});
  }

  // Lock keys folded into a fixed number of slots: a batch then holds at most that many locks,
  // however large, and several writers together stay well inside PostgreSQL's shared lock
  // table (max_locks_per_transaction × max_connections, 6,400 by default). Two keys in one
  // slot only make their writers wait for each other.
  static constexpr uint64_t kLockSlots = 1024;
  static int64_t LockSlot(uint64_t key) {
    return static_cast<int64_t>(0x5172'6570'0000'0000ULL | (key % kLockSlots));
  }

  // What a clashing article is to the store: the same body under its id or another
  // (kUnchanged), or its id with another body (kReplaced: its events are to be replaced).
  // Nothing when neither clashes any more: on PostgreSQL another writer may have replaced the
  // article that held this body since the insert looked.
  Result<std::optional<IngestOutcome>> StoredUnder(const PreparedArticle& prepared) {
    std::string_view id = prepared.id(), hash = prepared.content_hash();
    auto existing = db_->QueryOne("SELECT content_hash FROM articles WHERE id = ?", {TextView(id)});
    if (!existing) return Error{existing.error()};
    if (*existing && (*existing)->Str(0) == hash) return {IngestOutcome::kUnchanged};
    auto same_body =
        db_->QueryOne("SELECT 1 FROM articles WHERE content_hash = ?", {TextView(hash)});
    if (!same_body) return Error{same_body.error()};
    if (*same_body) return {IngestOutcome::kUnchanged};  // the same body under another id
    if (*existing) return {IngestOutcome::kReplaced};
    return std::optional<IngestOutcome>();
  }

  // Stores the article's row, or finds it stored: kNew, kUnchanged, or kReplaced once its old
  // reports are taken out and the row rewritten.
  Result<IngestOutcome> PutArticleRow(PreparedArticle& prepared) {
    for (int attempt = 0; attempt < kMaxAttempts; ++attempt) {
      // Most articles are new: inserting first lets the unique keys on id and content hash
      // do the look-ups, and only a clash asks which of the two it was.
      auto inserted = db_->InsertKey(
          "INSERT INTO articles (title, author, outlet, url, published, body, origin, format, "
          "ingested_at, content_hash, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
          "ON CONFLICT DO NOTHING",
          prepared.row, "1");
      if (!inserted) return Error{inserted.error()};
      if (*inserted) return IngestOutcome::kNew;
      auto stored = StoredUnder(prepared);
      if (!stored) return Error{stored.error()};
      if (!*stored) continue;  // the clash is gone: try again
      if (**stored != IngestOutcome::kReplaced) return **stored;
      if (auto s = RemoveReportsOf(std::string(prepared.id())); !s) return Error{s.error()};
      auto s = db_->Exec(
          "UPDATE articles SET title = ?, author = ?, outlet = ?, url = ?, published = ?, "
          "body = ?, origin = ?, format = ?, ingested_at = ?, content_hash = ? WHERE id = ?",
          prepared.row);
      if (!s) return Error{s.error()};
      return IngestOutcome::kReplaced;
    }
    return Error{"the stored article it clashes with keeps changing"};
  }

  Result<IngestOutcome> PutOne(PreparedArticle& prepared) {
    auto outcome = PutArticleRow(prepared);
    if (!outcome || *outcome == IngestOutcome::kUnchanged) return outcome;
    // The events this article's reports joined so far. Its reports are all written here (a new
    // article has none stored, a replaced one had them taken out above), so whether the
    // article is new to an event is known without asking the store.
    std::vector<std::string> joined;
    for (PreparedReport& report : prepared.reports) {
      if (auto s = AddReport(report, joined); !s) return Error{s.error()};
    }
    return outcome;
  }

  // The stored events that could be the same happening as report `k` (their range overlaps,
  // starting within a merge span before it, and their actors and place flag allow it), read
  // block by block through the cache, into `out` (reused from report to report).
  Status Candidates(const MergeKey& k, std::vector<const MergeCandidate*>& out) {
    out.clear();
    if (!Mergeable(k)) return OkStatus();
    CandidateQuery query(k);
    uint32_t root = candidates_.RootId(k.root);
    int32_t first = k.begin - kMaxMergeSpanDays;
    for (int32_t week = BucketOf(first); week <= BucketOf(k.end); ++week) {
      bool cached;
      const CandidateCache::Block* block = candidates_.FindEndingFrom(root, week, k.begin, cached);
      if (!cached && !candidates_.complete()) {
        // A block read from the store must hold the batch's new events in it.
        if (deferred_event_blocks_.count(BlockKey(root, week))) {
          if (auto s = SendDeferred(); !s) return s;
        }
        auto loaded = LoadBlock(k.root, week);
        if (!loaded) return Status{Error{loaded.error()}};
        candidates_.Put(root, week, std::move(*loaded));
        block = candidates_.FindEndingFrom(root, week, k.begin, cached);
      }
      // Not cached in a complete cache: no event stored there.
      if (block) block->AppendCandidates(query, out);
    }
    return OkStatus();
  }

  Result<CandidateCache::Block> LoadBlock(const std::string& root, int32_t week) {
    auto rows = db_->Query(
        std::string(kCandidateColumns) + " WHERE root = ? AND date_begin BETWEEN ? AND ?",
        {Text(root), Int(int64_t{week} * kBucketDays), Int(int64_t{week} * kBucketDays + 6)});
    if (!rows) return Error{rows.error()};
    std::vector<MergeCandidate> block;
    block.reserve(rows->size());
    for (const SqlRow& r : *rows) block.push_back(CandidateOf(r));
    return CandidateCache::Block(std::move(block));
  }

  static constexpr const char* kCandidateColumns =
      "SELECT id, date_begin, date_end, source_code, target_code, location_text, "
      "location_country, location_precision, lat, lon, root FROM events";

  static MergeCandidate CandidateOf(const SqlRow& r) {
    MergeCandidate c;
    c.id = r.Str(0);
    c.key.begin = static_cast<int32_t>(r.I64(1));
    c.key.end = static_cast<int32_t>(r.I64(2));
    c.key.root = r.Str(10);
    c.key.source_code = r.Str(3);
    c.key.target_code = r.Str(4);
    c.key.located = !r.IsNull(8);
    c.key.place = r.Str(5);
    c.key.country = r.Str(6);
    c.key.precision = r.Str(7);
    c.key.lat = r.F64(8);
    c.key.lon = r.F64(9);
    return c;
  }

  // The best-matching stored event for a report, or null for none. Ties go to the smaller id,
  // so the outcome never depends on row order. It stays put until the cache is trimmed or
  // cleared, between batches.
  Result<const MergeCandidate*> MergeTarget(const MergeKey& k) {
    if (auto s = Candidates(k, candidate_scratch_); !s) return Error{s.error()};
    const MergeCandidate* best = nullptr;
    double best_score = -1e9;
    for (const MergeCandidate* c : candidate_scratch_) {
      if (!SameHappening(k, c->key)) continue;
      double score = MatchScore(k, c->key);
      if (!best || score > best_score || (score == best_score && c->id < best->id)) {
        best = c;
        best_score = score;
      }
    }
    return best;
  }

  Status AddReport(PreparedReport& r, std::vector<std::string>& joined) {
    auto target = MergeTarget(r.key);
    if (!target) return Error{target.error()};

    // A new event takes the report's id; the rare clash (the id already names an event that
    // this report did not merge with) is resolved after the insert, not checked before it.
    std::string_view event_id = *target ? std::string_view((*target)->id) : r.report_id();
    r.report_row[kReportRowEventId] = TextView(event_id);
    if (deferring_) return DeferReport(r, *target != nullptr, std::string(event_id), joined);
    // SQLite: the store numbers reports itself (see NextReportSeq); PostgreSQL's concurrent
    // writers take numbers from a sequence.
    if (!pg_) r.report_row.push_back(Int(next_seq_));
    auto inserted =
        db_->InsertKey(pg_ ? kInsertReport : kInsertNumberedReport, r.report_row, "seq");
    if (!inserted) return Error{inserted.error()};
    if (!*inserted) return Error{"report " + std::string(r.report_id()) + " was not stored"};
    int64_t seq = **inserted;
    if (!pg_) ++next_seq_;

    if (!*target) return InsertEvent(event_id, r, seq, joined);
    bool article_is_new_to_event =
        std::find(joined.begin(), joined.end(), event_id) == joined.end();
    if (article_is_new_to_event) joined.emplace_back(event_id);
    // One statement reads and updates the row (and, on PostgreSQL, locks it): the casualty
    // counts become the highest any report gives, a missing count never lowers one.
    auto updated = db_->InsertKey(
        "UPDATE events SET num_sources = num_sources + 1, num_articles = num_articles + ?, "
        "fatalities = CASE WHEN COALESCE(fatalities, -1) >= COALESCE(?, -1) THEN fatalities "
        "ELSE ? END, "
        "injuries = CASE WHEN COALESCE(injuries, -1) >= COALESCE(?, -1) THEN injuries "
        "ELSE ? END WHERE id = ?",
        {Int(article_is_new_to_event ? 1 : 0), r.report_row[kReportRowFatalities],
         r.report_row[kReportRowFatalities], r.report_row[kReportRowInjuries],
         r.report_row[kReportRowInjuries], TextView(event_id)},
        "1");
    if (!updated) return Error{updated.error()};
    if (!*updated) return MergeTargetVanished(event_id);
    return OkStatus();
  }

  // PostgreSQL: AddReport with the rows kept for SendDeferred. A new event is a merge
  // candidate at once, under its id (SendDeferred finds out if that id was taken).
  Status DeferReport(PreparedReport& r, bool merged, std::string event_id,
                     std::vector<std::string>& joined) {
    if (next_report_number_ >= report_numbers_.size())
      return Error{"more reports than numbers taken for the batch"};
    int64_t seq = report_numbers_[next_report_number_++];
    r.report_row.push_back(Int(seq));
    deferred_reports_.AddRow(r.report_row);
    if (!merged) {
      r.event_row[kEventRowId] = TextView(event_id);
      r.event_row[kEventRowPrimaryReport] = Int(seq);
      deferred_events_.AddRow(r.event_row);
      r.event_row[kEventRowId] = Null();  // it viewed event_id, which goes to the cache
      ++deferred_event_ids_;
      deferred_event_blocks_.insert(
          BlockKey(candidates_.RootId(r.key.root), BucketOf(r.key.begin)));
      joined.push_back(event_id);
      candidates_.Add(std::move(event_id), std::move(r.key));
      return OkStatus();
    }
    bool article_is_new_to_event =
        std::find(joined.begin(), joined.end(), event_id) == joined.end();
    if (article_is_new_to_event) joined.push_back(event_id);
    DeferredMerge& m = deferred_merges_[std::move(event_id)];
    m.sources += 1;
    m.articles += article_is_new_to_event ? 1 : 0;
    auto count = [](const SqlValue& v) -> std::optional<int64_t> {
      if (auto* n = std::get_if<int64_t>(&v)) return *n;
      return std::nullopt;
    };
    m.fatalities = MaxOpt(m.fatalities, count(r.report_row[kReportRowFatalities]));
    m.injuries = MaxOpt(m.injuries, count(r.report_row[kReportRowInjuries]));
    return OkStatus();
  }

  // SQLite's full-text index takes the reports a batch adds in one statement before it commits
  // (PostgreSQL's GIN index needs nothing).
  Status IndexPendingFts() { return pg_ ? OkStatus() : IndexPendingReports(*db_); }

  // Inserts a new event for report `seq` under `id`, or, when that id is taken, under the id
  // with the first free counter suffix (and points the report there).
  Status InsertEvent(std::string_view id, PreparedReport& r, int64_t seq,
                     std::vector<std::string>& joined) {
    std::vector<SqlValue>& params = r.event_row;
    params[kEventRowPrimaryReport] = Int(seq);
    std::string suffixed;
    for (int n = 1;; ++n) {
      if (n > 1) suffixed = std::string(id) + "-" + std::to_string(n);
      std::string_view candidate = n == 1 ? id : std::string_view(suffixed);
      params[kEventRowId] = TextView(candidate);
      auto inserted = db_->InsertKey(kInsertEvent, params, "1");
      if (!inserted) return Error{inserted.error()};
      if (!*inserted) continue;  // taken
      candidates_.Add(std::string(candidate), std::move(r.key));
      joined.emplace_back(candidate);
      if (n == 1) return OkStatus();
      return db_->Exec("UPDATE reports SET event_id = ? WHERE seq = ?",
                       {TextView(candidate), Int(seq)});
    }
  }

  // Takes an article's reports out of their events (for a replacement); events left with no
  // report go, the others get their counts and representative recomputed.
  Status RemoveReportsOf(const std::string& article_id) {
    if (bulk_) {
      // Looking up the article's reports and events needs the indexes back.
      LeaveBulk();
      if (auto s = RestoreQueryIndexes(*db_); !s) return s;
    }
    if (auto s = SendDeferred(); !s) return s;  // the reports and counts read below
    candidates_.Clear();                        // the events it touches are rewritten or deleted
    // The delete trigger takes rows out of the full-text index: they must be in it first.
    if (auto s = IndexPendingFts(); !s) return s;
    auto events = db_->Query("SELECT DISTINCT event_id FROM reports WHERE article_id = ?",
                             {Text(article_id)});
    if (!events) return Error{events.error()};
    if (auto s = db_->Exec("DELETE FROM reports WHERE article_id = ?", {Text(article_id)}); !s)
      return s;
    std::vector<std::string> ids;
    for (const SqlRow& r : *events) ids.push_back(r.Str(0));
    std::sort(ids.begin(), ids.end());  // one lock order for all writers
    for (const std::string& id : ids)
      if (auto s = RefreshEvent(id); !s) return s;
    return OkStatus();
  }

  Status RefreshEvent(const std::string& event_id) {
    if (pg_) {
      if (auto s = db_->Exec("SELECT 1 FROM events WHERE id = ? FOR UPDATE", {Text(event_id)}); !s)
        return s;
    }
    auto reports = db_->Query(
        "SELECT seq, article_id, fatalities, injuries, record FROM reports WHERE event_id = ? "
        "ORDER BY seq",
        {Text(event_id)});
    if (!reports) return Error{reports.error()};
    if (reports->empty()) return db_->Exec("DELETE FROM events WHERE id = ?", {Text(event_id)});
    const SqlRow& first = reports->front();
    auto representative = ParseRecord(first.Str(4));
    if (!representative) return Error{representative.error()};
    EventRowCounts counts;
    counts.primary_report = first.I64(0);
    counts.num_sources = static_cast<int>(reports->size());
    std::set<std::string> articles;
    for (const SqlRow& r : *reports) {
      articles.insert(r.Str(1));
      counts.fatalities = MaxOpt(counts.fatalities, r.OptI64(2));
      counts.injuries = MaxOpt(counts.injuries, r.OptI64(3));
    }
    counts.num_articles = static_cast<int>(articles.size());
    return db_->Exec(kUpsertEvent, EventRowParams(event_id, *representative, counts));
  }

  static Result<Event> ParseRecord(const std::string& record) {
    auto j = nlohmann::json::parse(record, nullptr, false);
    if (j.is_discarded()) return Error{"a stored event record is not valid JSON"};
    return EventFromJson(j);
  }

  // An event as queries read it: the row's id and counts, its representative report's record,
  // and what the record leaves out (see StoredRecord) from the report and its article.
  static constexpr const char* kEventColumns =
      "SELECT e.id, e.num_sources, e.num_articles, e.fatalities, e.injuries, r.record, "
      "r.sentence, a.id, a.title, a.url, a.published, a.outlet, a.author, r.start_offset, "
      "r.end_offset ";
  static constexpr const char* kEventJoins =
      "JOIN reports r ON r.seq = e.primary_report JOIN articles a ON a.id = r.article_id";

  static Result<Event> EventFromRow(const SqlRow& row) {
    auto e = ParseRecord(row.Str(5));
    if (!e) return e;
    e->evidence = {row.Str(6), static_cast<size_t>(row.I64(13)), static_cast<size_t>(row.I64(14))};
    e->article = {row.Str(7),  row.Str(8), row.Str(9), Date::ParseIso(row.Str(10)),
                  row.Str(11), row.Str(12)};
    e->id = row.Str(0);
    e->num_sources = static_cast<int>(row.I64(1));
    e->num_articles = static_cast<int>(row.I64(2));
    e->fatalities = row.IsNull(3) ? std::nullopt : std::optional<int>(static_cast<int>(row.I64(3)));
    e->injuries = row.IsNull(4) ? std::nullopt : std::optional<int>(static_cast<int>(row.I64(4)));
    return e;
  }

  std::unique_ptr<SqlConnection> db_;
  bool pg_;
  // The readers (see WithReader) and the SQLite generation watcher.
  static constexpr size_t kMaxReaders = 8;
  ConnectionOpener open_reader_;
  std::mutex pool_mu_;
  std::condition_variable pool_cv_;
  std::vector<std::unique_ptr<SqlConnection>> idle_;
  size_t open_readers_ = 0;
  std::mutex fallback_mu_;
  std::mutex watch_mu_;
  std::unique_ptr<SqlConnection> watcher_;
  int64_t watched_version_ = -1;
  int64_t generation_ = 0;
  CandidateCache candidates_;
  std::vector<const MergeCandidate*> candidate_scratch_;  // MergeTarget's, kept for its capacity
  int64_t next_seq_ = 0;  // SQLite: the seq of the next report this batch stores
  int64_t data_version_ = -1;
  // PostgreSQL: the generation the batch saw once locked, and what it is after this writer's
  // last commit if no other writer has committed since (-1: unknown).
  int64_t pg_batch_generation_ = -1;
  int64_t pg_generation_after_commit_ = -1;
  // PostgreSQL: this batch's rows go to the server together (SendDeferred), not one by one.
  bool deferring_ = false;
  bool deferred_id_taken_ = false;      // ... and one of its new events' ids was taken
  bool merge_target_vanished_ = false;  // the batch lost a race (MergeTargetVanished)
  ColumnArrays deferred_events_{kEventColumnCount};
  size_t deferred_event_ids_ = 0;                      // rows of deferred_events_ not yet sent
  std::unordered_set<int64_t> deferred_event_blocks_;  // their blocks (BlockKey)
  ColumnArrays deferred_reports_{kReportColumnCount};
  std::map<std::string, DeferredMerge> deferred_merges_;
  std::vector<int64_t> report_numbers_;
  size_t next_report_number_ = 0;
  // A bulk load is on: every stored event is cached, the full-text index waits (SQLite).
  bool bulk_ = false;
  // This connection dropped the query indexes and has not yet committed their rebuild.
  bool indexes_missing_ = false;
  FileLock bulk_lock_;
};

}  // namespace

std::unique_ptr<Store> MakeSqlStore(std::unique_ptr<SqlConnection> db,
                                    ConnectionOpener open_reader) {
  return std::make_unique<SqlStore>(std::move(db), std::move(open_reader));
}

}  // namespace sitrep::store
