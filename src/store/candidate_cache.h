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

// One block's events, with an index of their start days and the widest mergeable span among
// them: a look-up for days [begin, end] then reads only starts in [begin - max_span, end].
class CandidateBlock {
 public:
  CandidateBlock() = default;
  explicit CandidateBlock(std::vector<MergeCandidate> events);
  void Insert(MergeCandidate c);
  // Appends the mergeable events whose range overlaps [begin, end].
  void AppendOverlapping(int32_t begin, int32_t end, std::vector<const MergeCandidate*>& out) const;
  size_t size() const { return events_.size(); }

 private:
  struct Start {
    int32_t day;
    uint32_t index;  // into events_
  };
  std::vector<MergeCandidate> events_;  // as loaded and added
  std::vector<Start> by_start_;         // sorted by day: small, so searching it stays in cache
  int32_t max_span_ = 0;
};

class CandidateCache {
 public:
  using Block = CandidateBlock;

  // The cached block of `root` for `week`, or nullptr when it is not loaded.
  const Block* Find(const std::string& root, int32_t week) const;
  // Caches a block read from the store (weeks are BucketOf() weeks). Blocks stay put until
  // Trim() or Clear(), so pointers into them hold for a whole look-up.
  void Put(const std::string& root, int32_t week, Block block);
  // A newly inserted event joins its block when that block is cached (an uncached block reads
  // it from the store later), or always when the cache is complete.
  void Add(const std::string& id, MergeKey key);
  // Beyond `max_candidates` cached, starts afresh: memory stays bounded however large the
  // store. Called between batches, never during a look-up. A complete cache is kept.
  void Trim();
  void Clear();  // also ends completeness
  // Complete: every stored event is cached (a bulk load read them all), so a block that is
  // not cached has no events and nothing needs reading.
  void SetComplete(bool complete) { complete_ = complete; }
  bool complete() const { return complete_; }
  size_t size() const { return size_; }
  size_t capacity() const { return max_candidates_; }

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
  bool complete_ = false;
};

}  // namespace sitrep::store
