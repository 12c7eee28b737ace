#include "store/candidate_cache.h"

#include <algorithm>
#include <functional>

namespace sitrep::store {
namespace {

int32_t SpanOf(const MergeKey& k) {
  return k.end - k.begin;
}

}  // namespace

CandidateBlock::CandidateBlock(std::vector<MergeCandidate> events) : events_(std::move(events)) {
  by_start_.reserve(events_.size());
  for (size_t i = 0; i < events_.size(); ++i) {
    const MergeKey& k = events_[i].key;
    if (SpanOf(k) <= kMaxMergeSpanDays) max_span_ = std::max(max_span_, SpanOf(k));
    by_start_.push_back({k.begin, static_cast<uint32_t>(i)});
  }
  std::sort(by_start_.begin(), by_start_.end(),
            [](const Start& a, const Start& b) { return a.day < b.day; });
}

void CandidateBlock::Insert(MergeCandidate c) {
  if (SpanOf(c.key) <= kMaxMergeSpanDays) max_span_ = std::max(max_span_, SpanOf(c.key));
  Start start{c.key.begin, static_cast<uint32_t>(events_.size())};
  events_.push_back(std::move(c));
  auto at = std::upper_bound(by_start_.begin(), by_start_.end(), start.day,
                             [](int32_t day, const Start& s) { return day < s.day; });
  by_start_.insert(at, start);
}

void CandidateBlock::AppendOverlapping(int32_t begin, int32_t end,
                                       std::vector<const MergeCandidate*>& out) const {
  // An event starting before begin - max_span_ ends before begin, or is too wide to merge.
  auto it = std::lower_bound(by_start_.begin(), by_start_.end(), begin - max_span_,
                             [](const Start& s, int32_t day) { return s.day < day; });
  for (; it != by_start_.end() && it->day <= end; ++it) {
    const MergeCandidate& c = events_[it->index];
    if (c.key.end >= begin && SpanOf(c.key) <= kMaxMergeSpanDays) out.push_back(&c);
  }
}

size_t CandidateCache::BlockKeyHash::operator()(const BlockKey& k) const {
  return std::hash<std::string>{}(k.root) * 31 + std::hash<int32_t>{}(k.week);
}

const CandidateCache::Block* CandidateCache::Find(const std::string& root, int32_t week) const {
  auto it = blocks_.find(BlockKey{root, week});
  return it == blocks_.end() ? nullptr : &it->second;
}

void CandidateCache::Put(const std::string& root, int32_t week, Block block) {
  size_ += block.size();
  blocks_[BlockKey{root, week}] = std::move(block);
}

void CandidateCache::Add(const std::string& id, MergeKey key) {
  BlockKey block{key.root, BucketOf(key.begin)};
  auto it = blocks_.find(block);
  if (it == blocks_.end()) {
    if (!complete_) return;
    it = blocks_.emplace(std::move(block), Block()).first;
  }
  it->second.Insert({id, std::move(key)});
  ++size_;
}

void CandidateCache::Trim() {
  if (size_ > max_candidates_ && !complete_) Clear();
}

void CandidateCache::Clear() {
  blocks_.clear();
  size_ = 0;
  complete_ = false;
}

}  // namespace sitrep::store
