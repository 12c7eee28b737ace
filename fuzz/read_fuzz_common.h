// Shared body of the reader fuzz targets: any bytes, one format, the reader must return an
// Article or an Error, and every offset it reports must stay inside the body.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "read/reader.h"
#include "text/analysis.h"

namespace sitrep::fuzz {

inline void ReadAndAnalyze(const uint8_t* data, size_t size, InputFormat format) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  ReadOptions options;
  options.max_article_bytes = 1 << 20;
  Result<Article> article = ParseDocument(input, "fuzz", format, options);
  if (!article) return;
  AnalyzedText text = Analyze(article->body, article->published);
  for (const Sentence& s : text.sentences)
    if (s.start > s.end || s.end > article->body.size()) std::abort();
}

}  // namespace sitrep::fuzz
