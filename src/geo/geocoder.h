// Geocoding: finds place mentions in an article and resolves them against the gazetteer
// (GeoNames populated places, countries, admin-1 areas and curated conflict sites) to
// coordinates, country, admin-1 area and a precision.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/event.h"
#include "base/result.h"
#include "text/analysis.h"

namespace sitrep {

struct PlaceMention {
  uint32_t start = 0;  // byte offsets into the body
  uint32_t end = 0;
  uint32_t sentence = 0;   // index into AnalyzedText::sentences
  Location location;       // text, country, admin1, lat, lon, precision
};

struct ArticlePlaces {
  std::vector<PlaceMention> mentions;  // in order of appearance
  std::string focus_country;           // ISO alpha-3 the article is mostly about, or ""
  std::optional<Location> focus;       // that country as a Location (precision "country")
};

class Gazetteer;  // defined in geo/gazetteer.h

// The place of an event told in sentence `sentence` around byte offset `near`: a place
// mentioned in that sentence (the one closest to `near`), else the nearest preceding mention in
// the same paragraph, else the article's focus country; nullopt when the article names no place.
std::optional<Location> EventLocation(const ArticlePlaces& places, const AnalyzedText& text,
                                      uint32_t sentence, uint32_t near);

class Geocoder {
 public:
  // Loads the gazetteer from `path` (default: BuildDataDir()/gazetteer.bin). A missing
  // gazetteer is an error naming the file and the set-up command that builds it.
  static Result<std::unique_ptr<Geocoder>> Open(const std::string& path = "");
  ~Geocoder();

  ArticlePlaces Locate(std::string_view body, const AnalyzedText& text) const;

 private:
  explicit Geocoder(std::unique_ptr<Gazetteer> gazetteer);
  std::unique_ptr<Gazetteer> gazetteer_;
};

}  // namespace sitrep
