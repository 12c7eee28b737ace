// Writers for event lists: JSON Lines, CSV (flat, one column per field, loads straight into
// pandas or R), GeoJSON, a GDELT-2.0-style tab-separated layout, and a readable table.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "base/event.h"

namespace sitrep {

enum class ExportFormat { kJsonl, kCsv, kTable, kGeojson, kGdelt };
std::optional<ExportFormat> ParseExportFormat(std::string_view name);

// Streams events one at a time; Begin/End write what comes before and after (headers, the
// GeoJSON collection), so a million events never sit in memory at once.
class EventWriter {
 public:
  EventWriter(std::ostream& out, ExportFormat format) : out_(out), format_(format) {}
  void Begin();
  void Write(const Event& e);
  void End();

 private:
  std::ostream& out_;
  ExportFormat format_;
  size_t count_ = 0;
  std::string line_;  // reused by the JSON Lines format
};

// The flat CSV columns, in order (also the GDELT-style layout's, which has no header).
const std::vector<std::string>& CsvColumns();

}  // namespace sitrep
