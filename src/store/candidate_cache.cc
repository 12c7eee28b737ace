#include "store/candidate_cache.h"

#include <functional>

namespace sitrep::store {

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

void CandidateCache::Add(const std::string& id, const MergeKey& key) {
  auto it = blocks_.find(BlockKey{key.root, BucketOf(key.begin)});
  if (it == blocks_.end()) return;
  it->second.push_back({id, key});
  ++size_;
}

void CandidateCache::Trim() {
  if (size_ > max_candidates_) Clear();
}

void CandidateCache::Clear() {
  blocks_.clear();
  size_ = 0;
}

}  // namespace sitrep::store
