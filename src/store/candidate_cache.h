// The stored events a new report could merge with, cached in blocks of one CAMEO root and one
// week of start dates, so that an ingest batch reads each block of the events table once rather
// than once per report. The store owns the cache's validity: it clears it whenever another
// connection may have written (SQLite: data_version moved; PostgreSQL: the generation moved by
// more than its own commit), when a transaction rolls back, and when events are rewritten (an
// article replaced).
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/merge.h"

namespace sitrep::store {

struct MergeCandidate {
  std::string id;
  MergeKey key;
};

// What a look-up needs of a report's key, worked out once for all the blocks it reads.
struct CandidateQuery {
  explicit CandidateQuery(const MergeKey& k);
  int32_t begin, end;
  uint32_t source, target;  // ActorPrint()s
  bool located;
};

// A fingerprint of an actor code: 0 for unknown (""), never 0 otherwise. Two codes with
// different prints differ.
uint32_t ActorPrint(const std::string& code);

// One block's events, with a compact index of their days, actors and place flag, and the widest
// mergeable span among them: a look-up for days [begin, end] reads only index entries starting
// in [begin - max_span, end], and touches the events of those that could be the same happening.
class CandidateBlock {
 public:
  CandidateBlock() = default;
  explicit CandidateBlock(std::vector<MergeCandidate> events);
  void Insert(MergeCandidate c);
  // Appends the mergeable events whose range overlaps the query's, that are located or not as
  // it is, and whose actors do not contradict its: a superset of those SameHappening() accepts.
  void AppendCandidates(const CandidateQuery& q, std::vector<const MergeCandidate*>& out) const;
  size_t size() const { return events_.size(); }
  // The latest end among its mergeable events (INT32_MIN for none).
  int32_t max_end() const { return max_end_; }

 private:
  struct Entry {
    int32_t begin, end;
    uint32_t source, target;
    uint32_t index : 31;  // into events_
    uint32_t located : 1;
  };
  static Entry EntryOf(const MergeKey& k, size_t index);
  // As loaded and added; a deque, so that adding one never moves the others.
  std::deque<MergeCandidate> events_;
  std::vector<Entry> by_start_;  // sorted by begin: small, so searching it stays in cache
  int32_t max_span_ = 0;
  // The latest end among the mergeable events: most look-ups read blocks of the weeks before
  // their own, whose events all ended before their day, and stop here.
  int32_t max_end_ = INT32_MIN;
};

class CandidateCache {
 public:
  using Block = CandidateBlock;

  // A small number standing for a CAMEO root in look-ups, so that the several weeks a look-up
  // reads cost no string hashing. Stable for the cache's life.
  uint32_t RootId(const std::string& root);
  // The cached block of a root for `week`, or nullptr when it is not loaded. Marks it used.
  const Block* Find(uint32_t root_id, int32_t week);
  // As Find, but also nullptr when none of the block's mergeable events ends on or after
  // `day`, which is known without reading the block; `cached` tells the two apart. Most of
  // the weeks a look-up reads (those before its own) are skipped so.
  const Block* FindEndingFrom(uint32_t root_id, int32_t week, int32_t day, bool& cached);
  // Caches a block read from the store (weeks are BucketOf() weeks). Blocks stay put until
  // Trim() or Clear(), so pointers into them hold for a whole look-up.
  void Put(uint32_t root_id, int32_t week, Block block);
  // A newly inserted event joins its block when that block is cached (an uncached block reads
  // it from the store later), or always when the cache is complete.
  void Add(std::string id, MergeKey key);
  // Beyond `max_candidates` cached, drops the blocks used longest ago (the last batch's last)
  // until a tenth of the bound is free: memory stays bounded however large the store, and a
  // batch whose blocks outgrow the bound reloads only some of them, not all. Called between
  // batches, never during a look-up. A complete cache is kept.
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
  // A root's weeks in one array from its first cached week on: a look-up reads a few
  // neighbouring entries, and skips a block by its latest end without touching it.
  struct Week {
    std::unique_ptr<Block> block;  // null: not cached
    int32_t max_end = INT32_MIN;   // the block's max_end()
    uint64_t last_used = 0;        // the Trim() epoch of its last look-up
  };
  struct Weeks {
    int32_t first = 0;
    std::vector<Week> by_week;  // by_week[week - first]
  };
  Week* Cached(uint32_t root_id, int32_t week);  // the entry, if its block is cached
  Week& Entry(uint32_t root_id, int32_t week);   // made when missing
  std::unordered_map<std::string, uint32_t> root_ids_;
  std::vector<Weeks> roots_;  // by root id
  uint64_t epoch_ = 0;
  size_t size_ = 0;
  size_t max_candidates_;
  bool complete_ = false;
};

}  // namespace sitrep::store
