// The pipeline: read → text → geo → code, for one article or a stream of them. Workers code
// articles in parallel; results are delivered in input order, so output does not depend on
// the number of threads.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "base/article.h"
#include "base/event.h"
#include "base/result.h"
#include "code/coder.h"
#include "geo/geocoder.h"
#include "read/reader.h"
#include "text/analysis.h"

namespace sitrep {

struct PipelineOptions {
  ReadOptions read;
  std::vector<std::string> dictionaries;  // TABARI/PETRARCH files; empty: sitrep's own
  std::string gazetteer;                  // path; empty: the default
  int threads = 1;
};

struct CodedArticle {
  Article article;
  std::vector<Event> events;
  size_t sentences = 0;  // for throughput figures
};

// A warning for an article with no publication date whose events the text does not date
// either: they carry day 0 (1970-01-01). "" when every event has a date.
std::string UndatedEventsWarning(const CodedArticle& coded);

class Pipeline {
 public:
  static Result<std::unique_ptr<Pipeline>> Open(const PipelineOptions& options);

  // Codes one article already read; `sentences`, when given, gets its sentence count.
  std::vector<Event> Code(const Article& article, size_t* sentences = nullptr) const;
  // Reads and codes everything under `paths`; `sink` gets each article (or the error that
  // stopped it) in input order.
  void Run(const std::vector<std::string>& paths,
           const std::function<void(Result<CodedArticle>)>& sink) const;

  const PipelineOptions& options() const { return options_; }

 private:
  Pipeline() = default;
  PipelineOptions options_;
  std::unique_ptr<Geocoder> geocoder_;
  std::unique_ptr<Coder> coder_;
};

}  // namespace sitrep
