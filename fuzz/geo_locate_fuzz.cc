// libFuzzer target: the gazetteer lookup. The real gazetteer (BuildDataDir()/gazetteer.bin,
// or $SITREP_BUILD_DATA) is opened once; each input is analyzed as an article body and its
// places located. Every mention must lie inside the body and its sentence, coordinates must be
// on the globe, and EventLocation must answer for every sentence.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "geo/geocoder.h"

namespace {

const sitrep::Geocoder& TheGeocoder() {
  static const std::unique_ptr<sitrep::Geocoder> geocoder = [] {
    auto opened = sitrep::Geocoder::Open();
    if (!opened) {
      std::fprintf(stderr, "geo_locate_fuzz: %s\n", opened.error().c_str());
      std::exit(1);
    }
    return std::move(opened.value());
  }();
  return *geocoder;
}

bool OnGlobe(const sitrep::Location& l) {
  return l.lat >= -90 && l.lat <= 90 && l.lon >= -180 && l.lon <= 180;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)TheGeocoder();  // load outside the first input's timing
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view body(reinterpret_cast<const char*>(data), size);
  sitrep::AnalyzedText text = sitrep::Analyze(body, sitrep::Date::FromYmd(2021, 7, 9));
  sitrep::ArticlePlaces places = TheGeocoder().Locate(body, text);
  for (const sitrep::PlaceMention& m : places.mentions) {
    if (m.start >= m.end || m.end > body.size()) std::abort();
    if (m.sentence >= text.sentences.size()) std::abort();
    const sitrep::Sentence& s = text.sentences[m.sentence];
    if (m.start < s.start || m.end > s.end) std::abort();
    if (!OnGlobe(m.location)) std::abort();
  }
  for (uint32_t i = 0; i < text.sentences.size(); ++i) {
    auto where = sitrep::EventLocation(places, text, i, text.sentences[i].start);
    if (where && !OnGlobe(*where)) std::abort();
  }
  return 0;
}
