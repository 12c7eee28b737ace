// Micro-benchmarks of each hot stage on the bundled example articles: reader (HTML, Markdown),
// text analysis, geocoding, coding, the whole pipeline for one article, and the start-up cost
// of loading the dictionaries and the gazetteer. Rates: bytes/s and sentences/s.
//   build/sitrep_bench --benchmark_filter=Stage
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <string>

#include "code/coder.h"
#include "geo/geocoder.h"
#include "pipeline/pipeline.h"
#include "read/jsonl.h"
#include "read/reader.h"
#include "text/analysis.h"

namespace sitrep {
namespace {

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string Example(const char* name) {
  return Slurp(std::string(SITREP_SOURCE_DIR) + "/examples/" + name);
}

// The bodies of all bundled examples, read once: the text the later stages work on.
const Article& SampleArticle() {
  static const Article article = [] {
    Article a;
    ReadArticles({std::string(SITREP_SOURCE_DIR) + "/examples"}, ReadOptions{},
                 [&](Result<Article> r) {
                   if (!r) return;
                   if (!a.body.empty()) a.body += "\n\n";
                   a.body += r->body;
                   if (!a.published) a.published = r->published;
                 });
    a.id = "bench";
    return a;
  }();
  return article;
}

void StageReadHtml(benchmark::State& state) {
  std::string html = Example("2021-06-28-border-airstrikes.html");
  for (auto _ : state) {
    auto a = ParseDocument(html, "bench.html", InputFormat::kHtml, ReadOptions{});
    benchmark::DoNotOptimize(a);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * html.size()));
}
BENCHMARK(StageReadHtml);

void StageReadMarkdown(benchmark::State& state) {
  std::string md = Example("2021-06-29-omar-rockets.md");
  for (auto _ : state) {
    auto a = ParseDocument(md, "bench.md", InputFormat::kMarkdown, ReadOptions{});
    benchmark::DoNotOptimize(a);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * md.size()));
}
BENCHMARK(StageReadMarkdown);

// One JSON Lines article (flat object of strings: the fast path of read/jsonl.cc), read and
// cleaned; rate in sentences/s of the article.
void StageReadJsonLine(benchmark::State& state) {
  std::string line =
      R"({"id":"gen-1","outlet":"Gulf Sentinel","published":"2021-07-08","title":"Rockets hit base",)"
      R"("text":"Two rockets hit the Ain al-Asad air base on Monday, a coalition spokesman said.\n\n)"
      R"(Police fired tear gas at protesters who threw stones in Basra. \"No one was hurt,\" he said.)"
      R"(\n\nA roadside bomb exploded near a convoy south of Baghdad, officials said."})";
  for (auto _ : state) benchmark::DoNotOptimize(read::ParseJsonArticle(line, "bench", {}));
  state.counters["sentences/s"] =
      benchmark::Counter(static_cast<double>(state.iterations() * 4), benchmark::Counter::kIsRate);
}
BENCHMARK(StageReadJsonLine);

void StageAnalyze(benchmark::State& state) {
  const Article& a = SampleArticle();
  size_t sentences = 0;
  for (auto _ : state) {
    AnalyzedText t = Analyze(a.body, a.published);
    sentences += t.sentences.size();
    benchmark::DoNotOptimize(t);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * a.body.size()));
  state.counters["sentences/s"] =
      benchmark::Counter(static_cast<double>(sentences), benchmark::Counter::kIsRate);
}
BENCHMARK(StageAnalyze);

void StageLocate(benchmark::State& state) {
  auto geocoder = Geocoder::Open();
  if (!geocoder) return state.SkipWithError(geocoder.error().c_str());
  const Article& a = SampleArticle();
  AnalyzedText t = Analyze(a.body, a.published);
  for (auto _ : state) benchmark::DoNotOptimize((*geocoder)->Locate(a.body, t));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * a.body.size()));
  state.counters["sentences/s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * t.sentences.size()), benchmark::Counter::kIsRate);
}
BENCHMARK(StageLocate);

void StageCode(benchmark::State& state) {
  auto geocoder = Geocoder::Open();
  auto coder = OpenCoder();
  if (!geocoder) return state.SkipWithError(geocoder.error().c_str());
  if (!coder) return state.SkipWithError(coder.error().c_str());
  const Article& a = SampleArticle();
  AnalyzedText t = Analyze(a.body, a.published);
  ArticlePlaces places = (*geocoder)->Locate(a.body, t);
  for (auto _ : state) benchmark::DoNotOptimize((*coder)->Code(a, t, places));
  state.counters["sentences/s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * t.sentences.size()), benchmark::Counter::kIsRate);
}
BENCHMARK(StageCode);

void StagePipelineOneArticle(benchmark::State& state) {
  auto pipeline = Pipeline::Open(PipelineOptions{});
  if (!pipeline) return state.SkipWithError(pipeline.error().c_str());
  const Article& a = SampleArticle();
  size_t sentences = 0;
  for (auto _ : state) {
    size_t n = 0;
    benchmark::DoNotOptimize((*pipeline)->Code(a, &n));
    sentences += n;
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * a.body.size()));
  state.counters["sentences/s"] =
      benchmark::Counter(static_cast<double>(sentences), benchmark::Counter::kIsRate);
}
BENCHMARK(StagePipelineOneArticle);

void StartupOpenGazetteer(benchmark::State& state) {
  for (auto _ : state) {
    auto g = Geocoder::Open();
    if (!g) return state.SkipWithError(g.error().c_str());
    benchmark::DoNotOptimize(g);
  }
}
BENCHMARK(StartupOpenGazetteer)->Unit(benchmark::kMillisecond);

void StartupOpenDictionaries(benchmark::State& state) {
  for (auto _ : state) {
    auto c = OpenCoder();
    if (!c) return state.SkipWithError(c.error().c_str());
    benchmark::DoNotOptimize(c);
  }
}
BENCHMARK(StartupOpenDictionaries)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace sitrep
