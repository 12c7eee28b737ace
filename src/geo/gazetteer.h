// The gazetteer: places (countries, admin-1 areas, regions, cities, curated sites, and
// demonyms as country context) in one compact binary file, memory-mapped and used in place.
// File layout (little-endian, version 1): a header, the records, the name entries sorted by
// key hash, an open-addressing slot table over those hashes, and a string pool. Every
// multi-word key also puts its first word in the slot table with the key's length in words,
// so a reader tries only as many words as some name starting there has.
// The source table (TSV, one place a line) is made at set-up by tools/gazetteer/export.js.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace sitrep::geo {

enum class PlaceKind : uint8_t { kCountry, kAdmin1, kRegion, kCity, kSite, kDemonym };
std::string_view PlaceKindName(PlaceKind k);
bool ParsePlaceKind(std::string_view s, PlaceKind* k);

// One line of the source table.
struct PlaceRow {
  PlaceKind kind = PlaceKind::kCity;
  std::string name;
  std::vector<std::string> variants;
  std::string country;  // ISO alpha-3, "" for places across borders (straits, seas)
  std::string admin1;
  double lat = 0, lon = 0;
  uint32_t population = 0;
  std::string feature;  // GeoNames feature code (PPLA, …) or the site kind (airbase, …)
};

// Parses the TSV source table (kind name variants country admin1 lat lon population feature;
// '#' lines are comments). A malformed line is an error naming its line number.
Result<std::vector<PlaceRow>> ParsePlaceTable(std::string_view tsv);

// The binary file's bytes for these places.
std::string BuildGazetteerBytes(const std::vector<PlaceRow>& rows);

struct Place {
  PlaceKind kind;
  std::string_view name, country, admin1, feature;
  double lat, lon;
  uint32_t population;
};

class Gazetteer {
 public:
  static Result<std::unique_ptr<Gazetteer>> Load(const std::string& path);
  static Result<std::unique_ptr<Gazetteer>> FromBytes(std::string bytes);
  ~Gazetteer();
  Gazetteer(const Gazetteer&) = delete;
  Gazetteer& operator=(const Gazetteer&) = delete;

  // Record ids of places whose name folds to `key` (see fold.h), and through max_words the
  // longest name (in words) that starts with `key`'s word when `key` is one word; 0: none.
  struct Hit {
    std::span<const uint32_t> places;
    uint32_t max_words = 0;
  };
  Hit Find(std::string_view key) const;
  Place Get(uint32_t id) const;
  // Get(id).kind and Get(id).country, without measuring the record's other strings.
  PlaceKind Kind(uint32_t id) const;
  std::string_view Country(uint32_t id) const;
  size_t size() const;
  size_t CountKind(PlaceKind kind) const;

 private:
  Gazetteer();
  Status Attach(const char* data, size_t size);
  Hit Probe(std::string_view key, uint64_t hash) const;

  uint64_t generation_;  // unique for the process' lifetime: keys Find()'s per-thread cache

  std::string owned_;       // bytes when built in memory
  void* mapped_ = nullptr;  // or the mmap of the file
  size_t mapped_size_ = 0;
  const struct FileHeader* header_ = nullptr;
  const struct FileRecord* records_ = nullptr;
  const struct FileSlot* slots_ = nullptr;
  const uint32_t* entry_places_ = nullptr;
  const char* pool_ = nullptr;
};

}  // namespace sitrep::geo
