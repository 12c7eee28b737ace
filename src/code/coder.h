// The event coder: who did what to whom, when, where, how many. Consumes an analyzed article
// and its places; produces event records (CAMEO code, QuadClass, Goldstein, ACLED type,
// fatalities, injuries, weapon, evidence). Dictionaries are sitrep's own (data/) or
// TABARI/PETRARCH-format files given with --dictionaries.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/article.h"
#include "base/event.h"
#include "base/result.h"
#include "geo/geocoder.h"
#include "text/analysis.h"

namespace sitrep {

class Coder {
 public:
  virtual ~Coder() = default;
  virtual std::vector<Event> Code(const Article& article, const AnalyzedText& text,
                                  const ArticlePlaces& places) const = 0;
};

// sitrep's own coder on the dictionaries in `data_dir` (default: DataDir()).
Result<std::unique_ptr<Coder>> OpenCoder(const std::string& data_dir = "");
// A coder on TABARI/PETRARCH verb, actor, agent and discard files (kind told by content).
Result<std::unique_ptr<Coder>> OpenPetrarchCoder(const std::vector<std::string>& files);

}  // namespace sitrep
