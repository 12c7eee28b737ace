// The event store: one interface, two back ends (embedded SQLite, PostgreSQL through libpq).
// Articles are kept with their metadata, normalized body and content hash; ingest is
// idempotent; the same happening reported by several articles is merged into one event that
// keeps every report as a source. All SQL is parameterized.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/article.h"
#include "base/date.h"
#include "base/event.h"
#include "base/result.h"

namespace sitrep {

// Filters shared by `sitrep events`, the API and the analytics.
struct EventQuery {
  std::optional<Date> from;  // events whose date range overlaps [from, to]
  std::optional<Date> to;
  std::string actor;    // matches source or target code prefix or actor text (case-insensitive)
  std::string country;  // ISO alpha-3: location country, source or target country
  std::string type;     // CAMEO code prefix ("19", "195"), or ACLED type / sub-type name
  std::string text;     // full-text search over the evidence sentences
  struct Near {
    double lat = 0, lon = 0, km = 0;
  };
  std::optional<Near> near;
  // date, goldstein (ascending), fatalities, sources (most first); a leading '-' reverses the
  // order: -date, -goldstein, -fatalities (fewest first, unknown last), -sources.
  std::string sort = "date";
  size_t limit = 0;  // 0: no limit
  size_t offset = 0;
};

// One report of an event: the article and sentence it came from.
struct EventSource {
  std::string article_id;
  std::string title;
  std::string outlet;
  std::string url;
  std::optional<Date> published;
  std::string sentence;
  size_t start = 0;
  size_t end = 0;
};

struct StoredArticle {
  Article article;
  std::vector<std::string> event_ids;  // events this article reports (after merging)
};

enum class IngestOutcome { kNew, kUnchanged, kReplaced };

struct StoreCounts {
  size_t articles = 0;
  size_t events = 0;   // merged events
  size_t reports = 0;  // event sources
};

// During a bulk load, batches this many times the usual size store faster: every commit rewrites
// each page of the key indexes that its random keys touched, which at 256 articles was most of
// them, so fewer, larger commits write less (store benchmark: 1024-article batches stored ~10%
// more events/s than 256-article ones).
constexpr size_t kBulkLoadBatchFactor = 4;

// Threads: the read methods (QueryEvents, CountEvents, GetEvent, GetSources, GetArticle, Counts,
// Generation) may be called from several threads at once, and while one thread writes: each
// runs on a connection of its own from a small pool (SQLite in WAL mode and PostgreSQL both
// let readers run beside a writer). The writes (PutArticle, PutArticles, PutState) and
// GetState / HasArticleUrl share the writer's connection: callers serialize those.
// (A SQLite ":memory:" database has no pool: there every call must be serialized.)
class Store {
 public:
  // "sqlite:PATH" (also a bare path), or "postgresql://…" / "postgres://…". Creates or migrates
  // the schema. Errors name the URL and what failed.
  static Result<std::unique_ptr<Store>> Open(const std::string& url);
  virtual ~Store() = default;

  // Stores one coded article and its events in one transaction. Same content hash as stored:
  // nothing changes (kUnchanged). Same article id with another hash: its events are replaced
  // atomically (kReplaced). Events are merged with matching events from other articles.
  virtual Result<IngestOutcome> PutArticle(const Article& article,
                                           const std::vector<Event>& events) = 0;
  // Several articles in one transaction (a batch); outcomes in order.
  virtual Result<std::vector<IngestOutcome>> PutArticles(
      const std::vector<std::pair<Article, std::vector<Event>>>& batch) = 0;

  // Streams matching events (merged, with num_sources/num_articles) to `sink`, which must not
  // call the store (it runs while the query holds a reader).
  virtual Status QueryEvents(const EventQuery& query,
                             const std::function<void(const Event&)>& sink) = 0;
  virtual Result<size_t> CountEvents(const EventQuery& query) = 0;
  virtual Result<std::optional<Event>> GetEvent(const std::string& id) = 0;
  virtual Result<std::vector<EventSource>> GetSources(const std::string& event_id) = 0;
  virtual Result<std::optional<StoredArticle>> GetArticle(const std::string& id) = 0;
  virtual Result<bool> HasArticleUrl(const std::string& url) = 0;  // for the feed watcher
  virtual Result<StoreCounts> Counts() = 0;
  // An opaque token of the stored data's state: it changes whenever any connection, of this
  // process or another, commits a change, so an answer computed after reading token T stays
  // valid while the token is T (read the token before the data). Cheap: no table is read
  // (SQLite: PRAGMA data_version of a connection that never writes; PostgreSQL: a commit
  // counter that every sitrep write transaction bumps, so writes to the server's other
  // databases, or by hand outside sitrep, do not move it).
  virtual Result<std::string> Generation() = 0;

  // A bulk load, for ingests that add much more than the store holds: SQLite drops the indexes
  // that only queries use (events by date and place, reports by event, articles by URL) and
  // defers the full-text index, reads every stored event into memory once so that merging needs
  // no reads, and rebuilds them all in EndBulkLoad(), each in one pass instead of one B-tree
  // insert per row. Meanwhile queries stay correct but slow, and --text does not see the load's
  // reports. A crash in between loses nothing: the next Open (or write) restores the indexes.
  // Another connection writing, an article replaced, or the cache outgrowing its bound ends the
  // bulk load early, restoring the indexes. False when not started (PostgreSQL, whose writers
  // run concurrently; a store too large to cache). Batches of a bulk load are best
  // kBulkLoadBatchFactor times the usual size.
  virtual Result<bool> BeginBulkLoad() { return false; }
  // Whether a bulk load is on: begun and not ended, early or by EndBulkLoad().
  virtual bool InBulkLoad() const { return false; }
  virtual Status EndBulkLoad() { return OkStatus(); }

  // A small key-value table for state that must survive restarts (feed ETags, alert levels).
  virtual Result<std::optional<std::string>> GetState(const std::string& key) = 0;
  virtual Status PutState(const std::string& key, const std::string& value) = 0;
};

}  // namespace sitrep
