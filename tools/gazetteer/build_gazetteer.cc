// sitrep_gazetteer_build TABLE.tsv OUT.bin: turns the place table that export.js writes into
// the binary gazetteer the geocoder maps at start-up (format in src/geo/gazetteer.h).
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "geo/gazetteer.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: sitrep_gazetteer_build TABLE.tsv OUT.bin\n");
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "sitrep_gazetteer_build: cannot read %s\n", argv[1]);
    return 1;
  }
  std::stringstream tsv;
  tsv << in.rdbuf();
  auto rows = sitrep::geo::ParsePlaceTable(tsv.str());
  if (!rows) {
    std::fprintf(stderr, "sitrep_gazetteer_build: %s: %s\n", argv[1], rows.error().c_str());
    return 1;
  }
  std::string bytes = sitrep::geo::BuildGazetteerBytes(*rows);
  std::string tmp = std::string(argv[2]) + ".tmp";
  std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out || std::rename(tmp.c_str(), argv[2]) != 0) {
    std::fprintf(stderr, "sitrep_gazetteer_build: cannot write %s\n", argv[2]);
    return 1;
  }
  auto g = sitrep::geo::Gazetteer::FromBytes(bytes);
  if (!g) {
    std::fprintf(stderr, "sitrep_gazetteer_build: %s\n", g.error().c_str());
    return 1;
  }
  std::fprintf(stderr,
               "sitrep_gazetteer_build: %zu places (%zu cities, %zu countries, %zu admin-1, %zu "
               "sites, %zu regions), %zu bytes -> %s\n",
               (*g)->size(), (*g)->CountKind(sitrep::geo::PlaceKind::kCity),
               (*g)->CountKind(sitrep::geo::PlaceKind::kCountry),
               (*g)->CountKind(sitrep::geo::PlaceKind::kAdmin1),
               (*g)->CountKind(sitrep::geo::PlaceKind::kSite),
               (*g)->CountKind(sitrep::geo::PlaceKind::kRegion), bytes.size(), argv[2]);
  return 0;
}
