// The part of storing a batch that needs no database, done ahead of the writer: each article
// normalized with its row's values, each report's merge key, id, stored record and rows. A
// large batch is prepared on a second thread while the writer stores the articles before,
// so the two cores share an ingest's store work; the writer still writes alone.
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "base/article.h"
#include "base/event.h"
#include "base/result.h"
#include "store/merge.h"
#include "store/sql.h"

namespace sitrep::store {

using ArticleBatch = std::vector<std::pair<Article, std::vector<Event>>>;

// The events row's counts, as EventRowParams writes them.
struct EventRowCounts {
  int64_t primary_report = 0;
  int num_sources = 1, num_articles = 1;
  std::optional<int> fatalities, injuries;
};

// The values of an events row, in the column order of the store's event upserts.
std::vector<SqlValue> EventRowParams(const std::string& id, const Event& e,
                                     const EventRowCounts& c);
constexpr size_t kEventRowId = 0, kEventRowPrimaryReport = 24;

// A report's record as stored: the event's compact JSON without what the report's row, its
// article and its event hold already (the report id, the evidence, the casualty counts, the
// article's fields and the merge counts).
std::string StoredRecord(const Event& e, const std::string& root);

// The rows' text is bound from the batch itself (views: the batch outlives its statements);
// only what preparing computes (records, missing ids and hashes) is owned here.
struct PreparedReport {
  MergeKey key;
  // The reports row (its event id, first, is set by the writer once merging has chosen it)
  // and the events row it starts when it merges with nothing (id and primary report unset).
  std::vector<SqlValue> report_row;
  std::vector<SqlValue> event_row;
  std::string_view report_id() const;
};
constexpr size_t kReportRowEventId = 0, kReportRowReportId = 2, kReportRowFatalities = 6,
                 kReportRowInjuries = 7;
// Room for the seq that the SQLite writer appends.
constexpr size_t kReportRowCapacity = 10;

struct PreparedArticle {
  // title … content_hash, id: the store's article columns, with the hash and id filled in.
  std::vector<SqlValue> row;
  std::vector<PreparedReport> reports;
  std::string_view id() const;
  std::string_view content_hash() const;
};

// Prepares a batch in order, on a thread of its own when it is large enough to pay for one.
// Get(i) waits for article i. The batch must outlive the preparer. That thread also frees what
// the writer is done with (Done), so the writer's thread spends no time freeing it.
class BatchPreparer {
 public:
  explicit BatchPreparer(const ArticleBatch& batch);
  ~BatchPreparer();
  BatchPreparer(const BatchPreparer&) = delete;
  BatchPreparer& operator=(const BatchPreparer&) = delete;

  // Article i, or why it could not be prepared (out of memory: the batch then fails).
  Result<PreparedArticle*> Get(size_t i);
  // The writer will not touch articles 0 … i again. Called in order.
  void Done(size_t i);
  size_t size() const { return prepared_.size(); }

 private:
  void Prepare() noexcept;
  void FreeDone() noexcept;
  const ArticleBatch& batch_;
  std::vector<PreparedArticle> prepared_;
  std::atomic<size_t> ready_{0};
  // Articles before it may be freed; kClosing once the preparer is being destroyed.
  std::atomic<size_t> done_{0};
  static constexpr size_t kClosing = SIZE_MAX;
  size_t failed_at_ = SIZE_MAX;  // written before ready_ is released past it
  std::string failure_;
  std::thread thread_;
};

}  // namespace sitrep::store
