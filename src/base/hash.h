// Content hashes: SHA-256 for article identity, a fast 64-bit hash for stable event ids.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace sitrep {

std::string Sha256Hex(std::string_view data);
// FNV-1a, 64 bits: stable across runs and machines (unlike std::hash).
uint64_t Fnv1a64(std::string_view data, uint64_t seed = 0xcbf29ce484222325ULL);

}  // namespace sitrep
