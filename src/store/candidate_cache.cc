#include "store/candidate_cache.h"

#include <functional>

namespace sitrep::store {

int32_t CandidateCache::WeekOf(int32_t day) {
  return day >= 0 ? day / kBucketDays : -((-day + kBucketDays - 1) / kBucketDays);
}

size_t CandidateCache::BlockKeyHash::operator()(const BlockKey& k) const {
  return std::hash<std::string>{}(k.root) * 31 + std::hash<int32_t>{}(k.week);
}

const CandidateCache::Block* CandidateCache::Find(const std::string& root, int32_t week) const {
  auto it = blocks_.find(BlockKey{root, week});
  return it == blocks_.end() ? nullptr : &it->second;
}

void CandidateCache::Put(const std::string& root, int32_t week, Block block) {
  if (size_ + block.size() > max_candidates_) Clear();
  size_ += block.size();
  blocks_[BlockKey{root, week}] = std::move(block);
}

void CandidateCache::Add(const std::string& id, const MergeKey& key) {
  auto it = blocks_.find(BlockKey{key.root, WeekOf(key.begin)});
  if (it == blocks_.end()) return;
  it->second.push_back({id, key});
  ++size_;
}

void CandidateCache::Clear() {
  blocks_.clear();
  size_ = 0;
}

}  // namespace sitrep::store
