// Pieces of the reader shared between its files: the document-to-Article assembly and a
// bounded line reader for streams.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

#include "base/article.h"
#include "base/result.h"
#include "read/document.h"
#include "read/reader.h"

namespace sitrep::read {

// Checks, parses, cleans and normalizes one document; `given` metadata wins over what the text
// says. Errors are "origin: what is wrong".
Result<Article> BuildArticle(std::string_view content, std::string_view origin, InputFormat format,
                             const ReadOptions& options, const Metadata& given);

// Reads lines of at most `max_bytes` without ever holding more than that in memory.
class LineReader {
 public:
  enum Status { kLine, kTooLong, kEnd };
  LineReader(std::FILE* file, size_t max_bytes) : file_(file), max_(max_bytes) {}
  Status Next(std::string& line);
  bool failed() const { return std::ferror(file_) != 0; }

 private:
  std::FILE* file_;
  size_t max_;
};

}  // namespace sitrep::read
