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

const CandidateCache::Block* CandidateCache::Find(uint32_t root_id, int32_t week) {
  auto it = blocks_.find(BlockKey(root_id, week));
  if (it == blocks_.end()) return nullptr;
  it->second.last_used = epoch_;
  return &it->second.block;
}

void CandidateCache::Put(uint32_t root_id, int32_t week, Block block) {
  Slot& slot = blocks_[BlockKey(root_id, week)];
  size_ -= slot.block.size();
  size_ += block.size();
  slot.block = std::move(block);
  slot.last_used = epoch_;
}

void CandidateCache::Add(std::string id, MergeKey key) {
  uint64_t block = BlockKey(RootId(key.root), BucketOf(key.begin));
  auto it = blocks_.find(block);
  if (it == blocks_.end()) {
    if (!complete_) return;
    it = blocks_.emplace(block, Slot{Block(), epoch_}).first;
  }
  it->second.block.Insert({std::move(id), std::move(key)});
  ++size_;
}

void CandidateCache::Trim() {
  ++epoch_;
  if (size_ <= max_candidates_ || complete_) return;
  std::vector<std::pair<uint64_t, uint64_t>> by_age;  // (last used, key)
  by_age.reserve(blocks_.size());
  for (const auto& [key, slot] : blocks_) by_age.emplace_back(slot.last_used, key);
  std::sort(by_age.begin(), by_age.end());
  const size_t target = max_candidates_ - max_candidates_ / 10;
  for (const auto& [used, key] : by_age) {
    if (size_ <= target) break;
    auto it = blocks_.find(key);
    size_ -= it->second.block.size();
    blocks_.erase(it);
  }
}

void CandidateCache::Clear() {
  blocks_.clear();
  size_ = 0;
  complete_ = false;
}

}  // namespace sitrep::store
