#include "store/candidate_cache.h"

#include <algorithm>

#include "base/hash.h"

namespace sitrep::store {
namespace {

int32_t SpanOf(const MergeKey& k) {
  return k.end - k.begin;
}

// Whether two actor prints allow the same actor: either unknown, or the same print.
bool PrintsCompatible(uint32_t a, uint32_t b) {
  return a == 0 || b == 0 || a == b;
}

}  // namespace

uint32_t ActorPrint(const std::string& code) {
  if (code.empty()) return 0;
  return static_cast<uint32_t>(Fnv1a64(code)) | 1;
}

CandidateQuery::CandidateQuery(const MergeKey& k)
    : begin(k.begin),
      end(k.end),
      source(ActorPrint(k.source_code)),
      target(ActorPrint(k.target_code)),
      located(k.located) {}

CandidateBlock::Entry CandidateBlock::EntryOf(const MergeKey& k, size_t index) {
  return {k.begin,
          k.end,
          ActorPrint(k.source_code),
          ActorPrint(k.target_code),
          static_cast<uint32_t>(index),
          k.located ? 1u : 0u};
}

CandidateBlock::CandidateBlock(std::vector<MergeCandidate> events)
    : events_(std::make_move_iterator(events.begin()), std::make_move_iterator(events.end())) {
  by_start_.reserve(events_.size());
  for (size_t i = 0; i < events_.size(); ++i) {
    const MergeKey& k = events_[i].key;
    if (SpanOf(k) <= kMaxMergeSpanDays) {
      max_span_ = std::max(max_span_, SpanOf(k));
      max_end_ = std::max(max_end_, k.end);
    }
    by_start_.push_back(EntryOf(k, i));
  }
  std::stable_sort(by_start_.begin(), by_start_.end(),
                   [](const Entry& a, const Entry& b) { return a.begin < b.begin; });
}

void CandidateBlock::Insert(MergeCandidate c) {
  if (SpanOf(c.key) <= kMaxMergeSpanDays) {
    max_span_ = std::max(max_span_, SpanOf(c.key));
    max_end_ = std::max(max_end_, c.key.end);
  }
  Entry entry = EntryOf(c.key, events_.size());
  events_.push_back(std::move(c));
  auto at = std::upper_bound(by_start_.begin(), by_start_.end(), entry.begin,
                             [](int32_t day, const Entry& e) { return day < e.begin; });
  by_start_.insert(at, entry);
}

void CandidateBlock::AppendCandidates(const CandidateQuery& q,
                                      std::vector<const MergeCandidate*>& out) const {
  if (max_end_ < q.begin) return;
  // An event starting before begin - max_span_ ends before begin, or is too wide to merge.
  auto it = std::lower_bound(by_start_.begin(), by_start_.end(), q.begin - max_span_,
                             [](const Entry& e, int32_t day) { return e.begin < day; });
  for (; it != by_start_.end() && it->begin <= q.end; ++it) {
    if (it->end < q.begin || it->end - it->begin > kMaxMergeSpanDays) continue;
    if ((it->located != 0) != q.located) continue;
    if (!PrintsCompatible(it->source, q.source) || !PrintsCompatible(it->target, q.target))
      continue;
    out.push_back(&events_[it->index]);
  }
}

uint32_t CandidateCache::RootId(const std::string& root) {
  auto [it, added] = root_ids_.try_emplace(root, static_cast<uint32_t>(root_ids_.size()));
  return it->second;
}

CandidateCache::Week* CandidateCache::Cached(uint32_t root_id, int32_t week) {
  if (root_id >= roots_.size()) return nullptr;
  Weeks& weeks = roots_[root_id];
  int64_t at = int64_t{week} - weeks.first;
  if (at < 0 || at >= static_cast<int64_t>(weeks.by_week.size())) return nullptr;
  Week& entry = weeks.by_week[static_cast<size_t>(at)];
  return entry.block ? &entry : nullptr;
}

CandidateCache::Week& CandidateCache::Entry(uint32_t root_id, int32_t week) {
  if (root_id >= roots_.size()) roots_.resize(root_id + 1);
  Weeks& weeks = roots_[root_id];
  if (weeks.by_week.empty()) weeks.first = week;
  if (week < weeks.first) {
    std::vector<Week> earlier(static_cast<size_t>(int64_t{weeks.first} - week));
    weeks.by_week.insert(weeks.by_week.begin(), std::make_move_iterator(earlier.begin()),
                         std::make_move_iterator(earlier.end()));
    weeks.first = week;
  }
  size_t at = static_cast<size_t>(int64_t{week} - weeks.first);
  if (at >= weeks.by_week.size()) weeks.by_week.resize(at + 1);
  return weeks.by_week[at];
}

const CandidateCache::Block* CandidateCache::Find(uint32_t root_id, int32_t week) {
  bool cached;
  return FindEndingFrom(root_id, week, INT32_MIN, cached);  // every block ends after that
}

const CandidateCache::Block* CandidateCache::FindEndingFrom(uint32_t root_id, int32_t week,
                                                            int32_t day, bool& cached) {
  Week* entry = Cached(root_id, week);
  cached = entry != nullptr;
  if (!entry) return nullptr;
  entry->last_used = epoch_;
  return entry->max_end >= day ? entry->block.get() : nullptr;
}

void CandidateCache::Put(uint32_t root_id, int32_t week, Block block) {
  Week& entry = Entry(root_id, week);
  if (entry.block) size_ -= entry.block->size();
  size_ += block.size();
  entry.block = std::make_unique<Block>(std::move(block));
  entry.max_end = entry.block->max_end();
  entry.last_used = epoch_;
}

void CandidateCache::Add(std::string id, MergeKey key) {
  uint32_t root_id = RootId(key.root);
  int32_t week = BucketOf(key.begin);
  Week* entry = Cached(root_id, week);
  if (!entry) {
    if (!complete_) return;
    entry = &Entry(root_id, week);
    entry->block = std::make_unique<Block>();
    entry->last_used = epoch_;
  }
  entry->block->Insert({std::move(id), std::move(key)});
  entry->max_end = entry->block->max_end();
  ++size_;
}

void CandidateCache::Trim() {
  ++epoch_;
  if (size_ <= max_candidates_ || complete_) return;
  struct Aged {
    uint64_t last_used;
    uint32_t root_id;
    int32_t week;
    bool operator<(const Aged& o) const { return last_used < o.last_used; }
  };
  std::vector<Aged> by_age;
  for (uint32_t root_id = 0; root_id < roots_.size(); ++root_id) {
    const Weeks& weeks = roots_[root_id];
    for (size_t i = 0; i < weeks.by_week.size(); ++i)
      if (weeks.by_week[i].block)
        by_age.push_back(
            {weeks.by_week[i].last_used, root_id, weeks.first + static_cast<int32_t>(i)});
  }
  std::stable_sort(by_age.begin(), by_age.end());
  const size_t target = max_candidates_ - max_candidates_ / 10;
  for (const Aged& aged : by_age) {
    if (size_ <= target) break;
    Week* entry = Cached(aged.root_id, aged.week);
    size_ -= entry->block->size();
    entry->block.reset();
    entry->max_end = INT32_MIN;
  }
}

void CandidateCache::Clear() {
  roots_.clear();
  size_ = 0;
  complete_ = false;
}

}  // namespace sitrep::store
