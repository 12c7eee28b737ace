// Turns URL query parameters into typed requests, with errors that name the parameter, so the
// API rejects "limit=ten" or "near=1,2" with a 400 the caller can act on.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>

#include "base/date.h"
#include "base/export.h"
#include "base/result.h"
#include "store/store.h"

namespace sitrep::serve {

using QueryParams = std::multimap<std::string, std::string>;  // same as httplib::Params

// Refuses parameters outside `known` and parameters given twice.
Status CheckParams(const QueryParams& params, const std::set<std::string>& known);

// The value of `name`, when given.
std::optional<std::string> Param(const QueryParams& params, const std::string& name);

Result<std::optional<Date>> DateParam(const QueryParams& params, const std::string& name);
// A whole number in [min, max].
Result<std::optional<long>> IntParam(const QueryParams& params, const std::string& name, long min,
                                     long max);
Result<std::optional<double>> NumberParam(const QueryParams& params, const std::string& name,
                                          double min, double max);

enum class ListFormat { kJson, kJsonl, kCsv, kGeojson };

struct EventsRequest {
  EventQuery query;
  ListFormat format = ListFormat::kJson;
  bool limit_given = false;
};

// The filters of `sitrep events`: from, to, actor, country, type, near=LAT,LON,KM, text, sort,
// limit, offset, and format=json|jsonl|csv|geojson.
Result<EventsRequest> ParseEventsRequest(const QueryParams& params);

}  // namespace sitrep::serve
