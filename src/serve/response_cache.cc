#include "serve/response_cache.h"

namespace sitrep::serve {

Result<ResponseCache::Value> ResponseCache::GetOrCompute(
    const std::string& key, const std::string& generation,
    const std::function<Result<std::string>()>& compute) {
  std::unique_lock lock(mu_);
  while (true) {
    auto it = entries_.find(key);
    if (it == entries_.end() || it->second.generation != generation) break;
    if (it->second.ready) return it->second.value;
    done_.wait(lock);  // someone computes it: take theirs (or compute it if they failed)
  }
  if (entries_.size() >= max_entries_) {
    for (auto it = entries_.begin(); it != entries_.end();)
      it = it->second.ready ? entries_.erase(it) : std::next(it);
  }
  entries_[key] = Entry{generation, false, nullptr};
  ++computations_;
  lock.unlock();
  Result<std::string> computed = compute();
  lock.lock();
  auto it = entries_.find(key);
  bool ours = it != entries_.end() && !it->second.ready && it->second.generation == generation;
  Result<Value> out = Error{""};
  if (computed) {
    out = Value(std::make_shared<const std::string>(std::move(*computed)));
    if (ours && (*out)->size() <= max_value_bytes_) {
      it->second.ready = true;
      it->second.value = *out;
    } else if (ours) {
      entries_.erase(it);
    }
  } else {
    out = Error{computed.error()};
    if (ours) entries_.erase(it);
  }
  done_.notify_all();
  return out;
}

size_t ResponseCache::computations() const {
  std::lock_guard lock(mu_);
  return computations_;
}

}  // namespace sitrep::serve
