// Answers computed from the store, kept while the store's generation (Store::Generation) is
// the one they were computed at. One computation per key and generation: concurrent requests
// for an answer being computed wait for it instead of computing it again.
#pragma once

#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "base/result.h"

namespace sitrep::serve {

class ResponseCache {
 public:
  using Value = std::shared_ptr<const std::string>;

  // At most `max_entries` answers of at most `max_value_bytes` each (larger ones are computed
  // every time; the server keeps 512 of up to 64 MiB).
  explicit ResponseCache(size_t max_entries = 512, size_t max_value_bytes = 8u << 20)
      : max_entries_(max_entries), max_value_bytes_(max_value_bytes) {}

  // The answer for `key` at `generation`: the kept one, or `compute`'s (errors are not kept).
  Result<Value> GetOrCompute(const std::string& key, const std::string& generation,
                             const std::function<Result<std::string>()>& compute);

  size_t computations() const;  // how many times `compute` ran (for the tests)

 private:
  struct Entry {
    std::string generation;
    bool ready = false;
    Value value;
  };
  const size_t max_entries_;
  const size_t max_value_bytes_;
  mutable std::mutex mu_;
  std::condition_variable done_;
  std::map<std::string, Entry> entries_;
  size_t computations_ = 0;
};

}  // namespace sitrep::serve
