// The stored events a new report could merge with, cached in blocks of one CAMEO root and one
// week of start dates, so that an ingest batch reads each block of the events table once rather
// than once per report. The store owns the cache's validity: it clears it whenever another
// connection may have written (SQLite's data_version moved; PostgreSQL: every batch), when a
// transaction rolls back, and when events are rewritten (an article replaced).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/merge.h"

namespace sitrep::store {

struct MergeCandidate {
  std::string id;
  MergeKey key;
};

class CandidateCache {
 public:
  using Block = std::vector<MergeCandidate>;

  // The cached block of `root` for `week`, or nullptr when it is not loaded.
  const Block* Find(const std::string& root, int32_t week) const;
  // Caches a block read from the store (weeks are BucketOf() weeks). Blocks stay put until
  // Trim() or Clear(), so pointers into them hold for a whole look-up.
  void Put(const std::string& root, int32_t week, Block block);
  // A newly inserted event joins its block when that block is cached (an uncached block reads
  // it from the store later).
  void Add(const std::string& id, const MergeKey& key);
  // Beyond `max_candidates` cached, starts afresh: memory stays bounded however large the
  // store. Called between batches, never during a look-up.
  void Trim();
  void Clear();
  size_t size() const { return size_; }

  explicit CandidateCache(size_t max_candidates = 1'000'000) : max_candidates_(max_candidates) {}

 private:
  struct BlockKey {
    std::string root;
    int32_t week;
    bool operator==(const BlockKey&) const = default;
  };
  struct BlockKeyHash {
    size_t operator()(const BlockKey& k) const;
  };
  std::unordered_map<BlockKey, Block, BlockKeyHash> blocks_;
  size_t size_ = 0;
  size_t max_candidates_;
};

}  // namespace sitrep::store
