// Metadata lines and page furniture: finds title, author, outlet and publication date in a
// document's header lines (and a few footer lines), and marks as removed every line that is
// metadata or furniture — navigation, tag lines, share prompts, notices, captions, bio boxes —
// so that only the article's own text reaches the body. General rules, not per-site ones.
// A header line may carry several fields ("By Jane Roe, Example Wire, March 3, 2022",
// "3 March 2022 | Example Wire"); an "Updated …" stamp is the date only when none is printed.
#pragma once

#include "read/document.h"

namespace sitrep::read {

// Fills the empty fields of `doc.meta` from the text and marks removed lines in `doc`.
void ExtractMetadataAndStripFurniture(Document& doc);

// Title clean-up shared with metadata from other sources: normalized, "..." becomes "…".
std::string CleanTitle(std::string_view title);

}  // namespace sitrep::read
