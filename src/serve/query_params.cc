#include "serve/query_params.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>

namespace sitrep::serve {
namespace {

Error BadParam(const std::string& name, const std::string& why) {
  return Error{fmt::format("parameter '{}': {}", name, why)};
}

std::optional<double> ParseNumber(const std::string& s) {
  if (s.empty()) return std::nullopt;
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

bool IsAlpha3(const std::string& s) {
  if (s.size() != 3) return false;
  for (char c : s)
    if (!std::isalpha(static_cast<unsigned char>(c))) return false;
  return true;
}

Result<std::optional<EventQuery::Near>> NearParam(const QueryParams& params) {
  auto value = Param(params, "near");
  if (!value) return std::optional<EventQuery::Near>{};
  std::vector<std::string> parts;
  size_t pos = 0;
  while (true) {
    size_t comma = value->find(',', pos);
    parts.push_back(value->substr(pos, comma == std::string::npos ? comma : comma - pos));
    if (comma == std::string::npos) break;
    pos = comma + 1;
  }
  if (parts.size() != 3) return BadParam("near", "expected LAT,LON,KM");
  auto lat = ParseNumber(parts[0]), lon = ParseNumber(parts[1]), km = ParseNumber(parts[2]);
  if (!lat || !lon || !km) return BadParam("near", "expected three numbers LAT,LON,KM");
  if (*lat < -90 || *lat > 90) return BadParam("near", "latitude must be in [-90, 90]");
  if (*lon < -180 || *lon > 180) return BadParam("near", "longitude must be in [-180, 180]");
  if (*km <= 0 || *km > 20040) return BadParam("near", "radius must be in (0, 20040] km");
  return std::optional<EventQuery::Near>{EventQuery::Near{*lat, *lon, *km}};
}

Result<ListFormat> FormatParam(const QueryParams& params) {
  auto value = Param(params, "format");
  if (!value || *value == "json") return ListFormat::kJson;
  if (*value == "jsonl") return ListFormat::kJsonl;
  if (*value == "csv") return ListFormat::kCsv;
  if (*value == "geojson") return ListFormat::kGeojson;
  return BadParam("format", fmt::format("'{}' is not one of json, jsonl, csv, geojson", *value));
}

}  // namespace

Status CheckParams(const QueryParams& params, const std::set<std::string>& known) {
  for (auto it = params.begin(); it != params.end(); it = params.upper_bound(it->first)) {
    if (!known.count(it->first)) return BadParam(it->first, "unknown parameter");
    if (params.count(it->first) > 1) return BadParam(it->first, "given more than once");
  }
  return OkStatus();
}

std::optional<std::string> Param(const QueryParams& params, const std::string& name) {
  auto it = params.find(name);
  if (it == params.end()) return std::nullopt;
  return it->second;
}

Result<std::optional<Date>> DateParam(const QueryParams& params, const std::string& name) {
  auto value = Param(params, name);
  if (!value) return std::optional<Date>{};
  auto date = value->size() == 10 ? Date::ParseIso(*value) : std::nullopt;
  if (!date) return BadParam(name, fmt::format("expected a date YYYY-MM-DD, got '{}'", *value));
  return std::optional<Date>{*date};
}

Result<std::optional<long>> IntParam(const QueryParams& params, const std::string& name, long min,
                                     long max) {
  auto value = Param(params, name);
  if (!value) return std::optional<long>{};
  long v = 0;
  auto [end, ec] = std::from_chars(value->data(), value->data() + value->size(), v);
  if (ec != std::errc() || end != value->data() + value->size())
    return BadParam(name, fmt::format("expected a whole number, got '{}'", *value));
  if (v < min || v > max) return BadParam(name, fmt::format("must be in [{}, {}]", min, max));
  return std::optional<long>{v};
}

Result<std::optional<double>> NumberParam(const QueryParams& params, const std::string& name,
                                          double min, double max) {
  auto value = Param(params, name);
  if (!value) return std::optional<double>{};
  auto v = ParseNumber(*value);
  if (!v) return BadParam(name, fmt::format("expected a number, got '{}'", *value));
  if (*v < min || *v > max) return BadParam(name, fmt::format("must be in [{}, {}]", min, max));
  return std::optional<double>{*v};
}

Result<EventsRequest> ParseEventsRequest(const QueryParams& params) {
  static const std::set<std::string> kKnown = {"from", "to",   "actor", "country", "type",  "near",
                                               "text", "sort", "limit", "offset",  "format"};
  if (auto ok = CheckParams(params, kKnown); !ok) return Error{ok.error()};
  EventsRequest req;
  auto from = DateParam(params, "from");
  if (!from) return Error{from.error()};
  auto to = DateParam(params, "to");
  if (!to) return Error{to.error()};
  if (*from && *to && **to < **from) return BadParam("to", "is before 'from'");
  req.query.from = *from;
  req.query.to = *to;
  req.query.actor = Param(params, "actor").value_or("");
  req.query.country = Param(params, "country").value_or("");
  if (!req.query.country.empty()) {
    if (!IsAlpha3(req.query.country))
      return BadParam("country", "expected an ISO 3166 alpha-3 code such as IRQ");
    for (char& c : req.query.country) c = std::toupper(static_cast<unsigned char>(c));
  }
  req.query.type = Param(params, "type").value_or("");
  req.query.text = Param(params, "text").value_or("");
  if (req.query.text.size() > 500) return BadParam("text", "longer than 500 characters");
  // The store's full-text search needs a word; refuse punctuation-only text here as the
  // caller's mistake it is, rather than as a store failure.
  if (!req.query.text.empty() &&
      std::none_of(req.query.text.begin(), req.query.text.end(),
                   [](unsigned char c) { return std::isalnum(c) || c >= 0x80; }))
    return BadParam("text", "has no words to search for");
  auto near = NearParam(params);
  if (!near) return Error{near.error()};
  req.query.near = *near;
  if (auto sort = Param(params, "sort")) {
    static const std::set<std::string> kSorts = {"date",       "-date",      "goldstein",
                                                 "-goldstein", "fatalities", "-fatalities",
                                                 "sources",    "-sources"};
    if (!kSorts.count(*sort))
      return BadParam("sort",
                      "expected one of date, -date, goldstein, -goldstein, fatalities, "
                      "-fatalities, sources, -sources");
    req.query.sort = *sort;
  }
  auto limit = IntParam(params, "limit", 0, 1000000);
  if (!limit) return Error{limit.error()};
  auto offset = IntParam(params, "offset", 0, 100000000);
  if (!offset) return Error{offset.error()};
  req.limit_given = limit->has_value();
  req.query.limit = static_cast<size_t>(limit->value_or(0));
  req.query.offset = static_cast<size_t>(offset->value_or(0));
  auto format = FormatParam(params);
  if (!format) return Error{format.error()};
  req.format = *format;
  return req;
}

}  // namespace sitrep::serve
