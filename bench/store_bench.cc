// Store write throughput: batches of coded articles (256 articles × 8 events, one transaction
// each; 1024 articles in a bulk load, as sitrep ingest batches then) into a growing store, on
// each back end, reported as events/s stored: 262,144 events in all. Events spread
// over three years, 20 CAMEO roots, 200 places and 30 actors, so some merge and most don't.
// PostgreSQL needs a server: run through scripts/with-test-postgres (SITREP_TEST_PG_URL).
//   scripts/with-test-postgres build/sitrep_bench --benchmark_filter=Store
#include <benchmark/benchmark.h>
#include <libpq-fe.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <random>

#include "base/hash.h"
#include "store/store.h"

namespace sitrep {
namespace {

constexpr int kArticlesPerBatch = 256;  // sitrep ingest's default --batch
constexpr int kEventsPerArticle = 8;

std::pair<Article, std::vector<Event>> SyntheticArticle(std::mt19937_64& rng, int64_t n) {
  static const char* kActors[] = {"USAMIL", "IRQMIL", "IRNMIL", "SYRGOV", "ISRMIL", "TURMIL",
                                  "RUSMIL", "UKRMIL", "IRQREB", "SYRREB", "LBNREB", "YEMREB",
                                  "SAUMIL", "USAGOV", "IRQGOV", "IRNGOV", "TURGOV", "RUSGOV",
                                  "UKRGOV", "ISRGOV", "PSEREB", "EGYGOV", "JORGOV", "LBNGOV",
                                  "AFGREB", "PAKMIL", "INDMIL", "NGAREB", "MLIREB", "SDNMIL"};
  Article a;
  a.id = "bench-" + std::to_string(n) + "-" + std::to_string(rng());
  a.title = "Synthetic report " + std::to_string(n);
  a.outlet = "Bench Wire";
  a.url = "https://example.org/bench/" + a.id;
  a.published = Date::FromYmd(2021, 1, 1) + static_cast<int>(rng() % 1000);
  a.body = "Synthetic article " + a.id + ". Rockets hit the base at dawn, officials said.";
  a.content_hash = Sha256Hex(a.body);
  a.format = "text";
  a.origin = "bench";
  std::vector<Event> events;
  for (int i = 0; i < kEventsPerArticle; ++i) {
    Event e;
    e.id = a.id + "-" + std::to_string(i);
    e.date = DateRange::Day(*a.published - static_cast<int>(rng() % 3));
    int root = 1 + static_cast<int>(rng() % 20);
    e.cameo = (root < 10 ? "0" : "") + std::to_string(root) + std::to_string(rng() % 10);
    e.root = e.cameo.substr(0, 2);
    e.quad_class = 1 + static_cast<int>(rng() % 4);
    e.goldstein = -10.0 + static_cast<double>(rng() % 200) / 10;
    const char* s = kActors[rng() % 30];
    const char* t = kActors[rng() % 30];
    e.source = Actor{s, s, std::string(s, 3), s + 3};
    e.target = Actor{t, t, std::string(t, 3), t + 3};
    int place = static_cast<int>(rng() % 200);
    e.location = Location{"Place " + std::to_string(place), "IRQ", "", 29.0 + place % 20 * 0.5,
                          39.0 + place / 20 * 0.5,          "city"};
    if (rng() % 3 == 0) e.fatalities = static_cast<int>(rng() % 20);
    e.evidence = {"Sentence " + std::to_string(i) + " of " + a.id + ": rockets hit the base.", 0,
                  60};
    e.confidence = 0.7;
    events.push_back(std::move(e));
  }
  return {std::move(a), std::move(events)};
}

// A fresh PostgreSQL database on the test server, or "" when there is none.
std::string FreshPostgres() {
  const char* base = std::getenv("SITREP_TEST_PG_URL");
  if (!base || !*base) return "";
  std::string name = "sitrep_bench_" + std::to_string(getpid()) + "_" +
                     std::to_string(std::random_device{}() % 1000000);
  PGconn* conn = PQconnectdb(base);
  if (PQstatus(conn) != CONNECTION_OK) {
    PQfinish(conn);
    return "";
  }
  PQclear(PQexec(conn, ("CREATE DATABASE " + name).c_str()));
  PQfinish(conn);
  std::string url = base;
  return url.substr(0, url.rfind('/') + 1) + name;
}

// `bulk`: the load runs as a bulk load (Store::BeginBulkLoad), and the index rebuild that ends
// it is timed too, inside the last iteration.
void RunStoreBench(benchmark::State& state, const std::string& url, bool bulk = false) {
  const int per_batch =
      bulk ? kArticlesPerBatch * static_cast<int>(kBulkLoadBatchFactor) : kArticlesPerBatch;
  auto store = Store::Open(url);
  if (!store) {
    state.SkipWithError(store.error().c_str());
    return;
  }
  if (bulk) {
    auto started = (*store)->BeginBulkLoad();
    if (!started || !*started) {
      state.SkipWithError(started ? "the bulk load did not start" : started.error().c_str());
      return;
    }
  }
  std::mt19937_64 rng(42);
  int64_t n = 0, events = 0;
  // Made and freed with the clock stopped: the input is not the store's work.
  std::vector<std::pair<Article, std::vector<Event>>> batch;
  for (auto _ : state) {
    state.PauseTiming();
    batch.clear();
    for (int i = 0; i < per_batch; ++i) batch.push_back(SyntheticArticle(rng, n++));
    state.ResumeTiming();
    auto outcomes = (*store)->PutArticles(batch);
    if (!outcomes) {
      state.SkipWithError(outcomes.error().c_str());
      return;
    }
    events += per_batch * kEventsPerArticle;
    if (bulk && static_cast<benchmark::IterationCount>(n / per_batch) == state.max_iterations) {
      auto start = std::chrono::steady_clock::now();
      if (auto s = (*store)->EndBulkLoad(); !s) {
        state.SkipWithError(s.error().c_str());
        return;
      }
      state.counters["rebuild_s"] =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    }
  }
  state.counters["events/s"] =
      benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
  state.counters["articles/s"] =
      benchmark::Counter(static_cast<double>(n), benchmark::Counter::kIsRate);
  auto counts = (*store)->Counts();
  if (counts) state.counters["merged_events"] = static_cast<double>(counts->events);
}

std::filesystem::path BenchDir() {
  auto dir =
      std::filesystem::temp_directory_path() / ("sitrep-store-bench-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  return dir;
}

void BM_StoreSqlite(benchmark::State& state) {
  auto dir = BenchDir();
  RunStoreBench(state, "sqlite:" + (dir / "bench.db").string());
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
}

void BM_StoreSqliteBulk(benchmark::State& state) {
  auto dir = BenchDir();
  RunStoreBench(state, "sqlite:" + (dir / "bench.db").string(), true);
  std::error_code ec;
  if (!std::getenv("SITREP_BENCH_KEEP")) std::filesystem::remove_all(dir, ec);
}

void BM_StorePostgres(benchmark::State& state) {
  std::string url = FreshPostgres();
  if (url.empty()) {
    state.SkipWithError("no PostgreSQL: run under scripts/with-test-postgres (SITREP_TEST_PG_URL)");
    return;
  }
  RunStoreBench(state, url);
}

// A fixed load (128 batches: 262,144 events), so that each run stores the same and the bulk
// load's final index rebuild falls in its timing.
BENCHMARK(BM_StoreSqlite)->Unit(benchmark::kMillisecond)->Iterations(128)->UseRealTime();
BENCHMARK(BM_StoreSqliteBulk)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(128 / kBulkLoadBatchFactor)
    ->UseRealTime();
BENCHMARK(BM_StorePostgres)->Unit(benchmark::kMillisecond)->Iterations(128)->UseRealTime();

}  // namespace
}  // namespace sitrep
