// Geocoding: finds place mentions in an article and resolves them against the gazetteer
// (GeoNames populated places, countries, admin-1 areas and curated conflict sites) to
// coordinates, country, admin-1 area and a precision.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/event.h"
#include "base/result.h"
#include "text/analysis.h"

namespace sitrep {

struct PlaceMention {
  uint32_t start = 0;  // byte offsets into the body
  uint32_t end = 0;
  uint32_t sentence = 0;  // index into AnalyzedText::sentences
  Location location;      // text, country, admin1, lat, lon, precision
  // Added by the geocoder for EventLocation and the geo command:
  uint32_t paragraph = 0;  // index of the "\n\n"-separated block
  bool modifier = false;   // a country naming an actor, not a place: "U.S. troops", "Iran-backed"
  bool relative = false;   // a reference point: "south of Baghdad", "180 km from Basra"
  bool locative = false;   // after "in", "at", "near", "outside", "into", …
  std::string feature;     // the gazetteer's feature: GeoNames code (PPLA, …) or site kind
};

// "the same city", "the base", "there": a later sentence pointing back at an earlier place.
struct PlaceAnaphor {
  uint32_t start = 0;
  uint32_t end = 0;
  std::string wants;  // precision it points back to: "city", "site", or "" for any place
};

struct ArticlePlaces {
  std::vector<PlaceMention> mentions;      // in order of appearance
  std::string focus_country;               // ISO alpha-3 the article is mostly about, or ""
  std::optional<Location> focus;           // that country as a Location (precision "country")
  std::vector<uint32_t> paragraph_starts;  // byte offset where each paragraph begins
  std::vector<PlaceAnaphor> anaphors;      // in order of appearance
};

namespace geo {
class Gazetteer;  // defined in geo/gazetteer.h
}

// The place of an event told in sentence `sentence` around byte offset `near`: a place
// mentioned in that sentence (the one closest to `near`), else the nearest preceding mention in
// the same paragraph, else the article's focus country; nullopt when the article names no place.
std::optional<Location> EventLocation(const ArticlePlaces& places, const AnalyzedText& text,
                                      uint32_t sentence, uint32_t near);
// The same among `mentions` (some of places.mentions, or others, in order of appearance)
// instead of places.mentions: the coder leaves out the places its actors name.
std::optional<Location> EventLocation(const ArticlePlaces& places,
                                      std::span<const PlaceMention* const> mentions,
                                      const AnalyzedText& text, uint32_t sentence, uint32_t near);

class Geocoder {
 public:
  // Loads the gazetteer from `path` (default: BuildDataDir()/gazetteer.bin). A missing
  // gazetteer is an error naming the file and the set-up command that builds it.
  static Result<std::unique_ptr<Geocoder>> Open(const std::string& path = "");
  ~Geocoder();

  ArticlePlaces Locate(std::string_view body, const AnalyzedText& text) const;

  // A Geocoder over an already loaded gazetteer (tests build small ones in memory).
  static std::unique_ptr<Geocoder> FromGazetteer(std::unique_ptr<geo::Gazetteer> gazetteer);
  const geo::Gazetteer& gazetteer() const { return *gazetteer_; }

 private:
  explicit Geocoder(std::unique_ptr<geo::Gazetteer> gazetteer);
  std::unique_ptr<geo::Gazetteer> gazetteer_;
  std::unordered_map<std::string, uint32_t> country_records_;  // ISO alpha-3 -> record
};

}  // namespace sitrep
