// sitrep ingest: codes articles and stores them and their events, in batches of one
// transaction each, as the single writer behind the parallel pipeline. A progress line on a
// terminal; a summary at the end; exit 1 when any input failed (each named on stderr).
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/options.h"
#include "store/store.h"

namespace sitrep::cli {
namespace {

using Clock = std::chrono::steady_clock;
using Batch = std::vector<std::pair<Article, std::vector<Event>>>;

// How many articles the inputs hold, when that is cheap to know: plain files count one each;
// JSON Lines files and stdin make the total unknown (0).
size_t CountArticles(const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  size_t n = 0;
  std::error_code ec;
  auto one = [&](const fs::path& p) {
    std::string ext = p.extension().string();
    if (ext == ".jsonl" || ext == ".ndjson") return false;
    ++n;
    return true;
  };
  for (const std::string& path : paths) {
    if (path == "-") return 0;
    if (fs::is_directory(path, ec)) {
      for (fs::recursive_directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file(ec) && !one(it->path())) return 0;
    } else if (!one(path)) {
      return 0;
    }
  }
  return n;
}

class Progress {
 public:
  explicit Progress(size_t total) : enabled_(isatty(STDERR_FILENO)), total_(total) {}
  void Update(size_t articles, size_t events, bool force = false) {
    if (!enabled_) return;
    auto now = Clock::now();
    if (!force && now - last_ < std::chrono::milliseconds(250)) return;
    last_ = now;
    double seconds = std::chrono::duration<double>(now - start_).count();
    double rate = seconds > 0 ? articles / seconds : 0;
    std::string line = "ingest: " + std::to_string(articles);
    if (total_) line += "/" + std::to_string(total_);
    char buf[96];
    std::snprintf(buf, sizeof buf, " articles, %.0f/s, %zu events", rate, events);
    line += buf;
    if (total_ && rate > 0 && articles <= total_) {
      std::snprintf(buf, sizeof buf, ", ETA %.0fs", (total_ - articles) / rate);
      line += buf;
    }
    Show(line);
  }
  // Shows a line in the progress line's place, until the next update or Clear().
  void Show(const std::string& line) {
    if (!enabled_) return;
    std::fprintf(stderr, "\r%-78s", line.c_str());
    shown_ = true;
  }
  // Clears the line so a message can be printed over it.
  void Clear() {
    if (shown_) std::fprintf(stderr, "\r%78s\r", "");
    shown_ = false;
  }

 private:
  bool enabled_;
  size_t total_;
  Clock::time_point start_ = Clock::now(), last_{};
  bool shown_ = false;
};

struct Tally {
  size_t fresh = 0, unchanged = 0, replaced = 0, events = 0, failed = 0, seen = 0;
  void Add(IngestOutcome o, size_t event_count) {
    if (o == IngestOutcome::kUnchanged) {
      ++unchanged;
      return;
    }
    (o == IngestOutcome::kNew ? fresh : replaced)++;
    events += event_count;
  }
};

// When a run turns into a bulk load (Store::BeginBulkLoad): never, from its first batch, or
// once it has stored as many events as the store held when it began (and at least 20,000): by
// then rebuilding the indexes once costs less than keeping them up to date row by row.
enum class BulkMode { kNever, kAlways, kAuto };

class Ingester {
 public:
  Ingester(Store& store, size_t batch_size, Progress& progress, BulkMode bulk,
           size_t events_at_start)
      : store_(store),
        batch_size_(batch_size),
        progress_(progress),
        bulk_(bulk),
        bulk_after_events_(std::max<size_t>(20000, events_at_start)) {}

  void Take(Result<CodedArticle> coded) {
    ++tally_.seen;
    if (!coded) {
      Fail(coded.error());
      return;
    }
    if (std::string w = UndatedEventsWarning(*coded); !w.empty()) {
      progress_.Clear();
      std::fprintf(stderr, "sitrep ingest: warning: %s\n", w.c_str());
    }
    batch_.emplace_back(std::move(coded->article), std::move(coded->events));
    // Back to the usual size once the store ends the load early (another writer, say).
    bool bulk = bulk_started_ && store_.InBulkLoad();
    size_t batch_size = bulk ? batch_size_ * kBulkLoadBatchFactor : batch_size_;
    if (batch_.size() >= batch_size || Clock::now() - last_flush_ > std::chrono::seconds(1))
      Flush();
    progress_.Update(tally_.seen, tally_.events);
  }

  // Commits the pending batch. If the batch fails, its articles are stored one by one so that
  // one bad article fails alone, named.
  void Flush() {
    last_flush_ = Clock::now();
    if (batch_.empty()) return;
    MaybeBeginBulkLoad();
    auto outcomes = store_.PutArticles(batch_);
    if (outcomes) {
      for (size_t i = 0; i < batch_.size(); ++i)
        tally_.Add((*outcomes)[i], batch_[i].second.size());
    } else {
      for (auto& [article, events] : batch_) {
        auto one = store_.PutArticle(article, events);
        if (one)
          tally_.Add(*one, events.size());
        else
          Fail(article.origin + ": cannot store: " + one.error());
      }
    }
    batch_.clear();
  }

  // Rebuilds what a bulk load deferred; false (named on stderr) when that failed, in which case
  // the next open of the store rebuilds it.
  bool EndBulkLoad() {
    if (!bulk_started_) return true;
    progress_.Show("ingest: rebuilding the indexes…");
    auto s = store_.EndBulkLoad();
    progress_.Clear();
    if (!s) std::fprintf(stderr, "sitrep ingest: %s\n", s.error().c_str());
    return static_cast<bool>(s);
  }

  const Tally& tally() const { return tally_; }

 private:
  void MaybeBeginBulkLoad() {
    if (bulk_started_ || bulk_ == BulkMode::kNever) return;
    size_t events = tally_.events;
    for (const auto& [article, coded] : batch_) events += coded.size();
    if (bulk_ == BulkMode::kAuto && events < bulk_after_events_) return;
    auto started = store_.BeginBulkLoad();
    if (!started) {
      progress_.Clear();
      std::fprintf(stderr, "sitrep ingest: warning: no bulk load: %s\n", started.error().c_str());
    }
    bulk_started_ = started && *started;
    bulk_ = BulkMode::kNever;  // one attempt per run
  }

  void Fail(const std::string& message) {
    progress_.Clear();
    std::fprintf(stderr, "sitrep ingest: %s\n", message.c_str());
    ++tally_.failed;
  }

  Store& store_;
  size_t batch_size_;
  Progress& progress_;
  Batch batch_;
  Tally tally_;
  BulkMode bulk_;
  size_t bulk_after_events_;
  bool bulk_started_ = false;
  Clock::time_point last_flush_ = Clock::now();
};

}  // namespace

Runner AddIngest(CLI::App& app) {
  CLI::App* sub = app.add_subcommand("ingest", "code articles and store them and their events");
  auto in = std::make_shared<InputOptions>();
  auto db = std::make_shared<std::string>("sqlite:sitrep.db");
  auto batch = std::make_shared<size_t>(256);
  auto bulk = std::make_shared<std::string>("auto");
  AddInputOptions(sub, *in, true);
  sub->add_option("--db", *db, "sqlite:PATH (default sqlite:sitrep.db) or postgresql://…");
  sub->add_option("--batch", *batch,
                  "articles per transaction (default 256, four times that during a bulk load; a "
                  "batch also closes after a second)")
      ->check(CLI::Range(1, 100000));
  sub->add_option("--bulk", *bulk,
                  "bulk load (SQLite: query indexes rebuilt once at the end): auto (default: once "
                  "this run has added as many events as the store held), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  return [in, db, batch, bulk] {
    auto options = ToPipelineOptions(*in);
    if (!options) {
      std::fprintf(stderr, "sitrep ingest: %s\n", options.error().c_str());
      return 2;
    }
    auto pipeline = Pipeline::Open(*options);
    if (!pipeline) {
      std::fprintf(stderr, "sitrep ingest: %s\n", pipeline.error().c_str());
      return 2;
    }
    auto store = Store::Open(*db);
    if (!store) {
      std::fprintf(stderr, "sitrep ingest: %s\n", store.error().c_str());
      return 1;
    }
    auto before = (*store)->Counts();
    if (!before) {
      std::fprintf(stderr, "sitrep ingest: %s\n", before.error().c_str());
      return 1;
    }
    BulkMode mode = *bulk == "always"  ? BulkMode::kAlways
                    : *bulk == "never" ? BulkMode::kNever
                                       : BulkMode::kAuto;
    Progress progress(isatty(STDERR_FILENO) ? CountArticles(in->paths) : 0);
    Ingester ingester(**store, *batch, progress, mode, before->events);
    (*pipeline)->Run(in->paths,
                     [&](Result<CodedArticle> coded) { ingester.Take(std::move(coded)); });
    ingester.Flush();
    bool rebuilt = ingester.EndBulkLoad();
    const Tally& t = ingester.tally();
    progress.Update(t.seen, t.events, true);
    progress.Clear();
    auto counts = (*store)->Counts();
    std::printf(
        "ingest: %zu articles new, %zu unchanged, %zu replaced; %zu events stored; "
        "%zu failed inputs\n",
        t.fresh, t.unchanged, t.replaced, t.events, t.failed);
    if (counts)
      std::printf("store: %zu articles, %zu events from %zu reports\n", counts->articles,
                  counts->events, counts->reports);
    return t.failed || !rebuilt ? 1 : 0;
  };
}

}  // namespace sitrep::cli
