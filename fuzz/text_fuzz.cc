// libFuzzer target: the text stage (segmenter, tokens, numbers, date resolver, cues) on any
// bytes as a body, against a publication date taken from the first two bytes.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "text/analysis.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  int offset = (data[0] << 8) | data[1];  // days after 1990-01-01: any date up to 2169
  sitrep::Date published = sitrep::Date::FromYmd(1990, 1, 1) + offset;
  std::string_view body(reinterpret_cast<const char*>(data + 2), size - 2);
  sitrep::AnalyzedText text = sitrep::Analyze(body, published);
  uint32_t last_end = 0;
  for (const sitrep::Sentence& s : text.sentences) {
    if (s.start > s.end || s.end > body.size() || s.start < last_end) std::abort();
    last_end = s.end;
    for (const sitrep::Token& t : s.tokens)
      if (t.start < s.start || t.end > s.end || t.start >= t.end) std::abort();
    for (const sitrep::DateMention& d : s.dates)
      if (d.range.end < d.range.begin) std::abort();
  }
  return 0;
}
