// Hand-built events for the analytics tests.
#pragma once

#include <optional>
#include <string>

#include "base/event.h"

namespace sitrep::analyze::testing {

inline std::optional<Actor> MakeActor(const std::string& code) {
  if (code.empty()) return std::nullopt;
  Actor a;
  a.code = code;
  a.text = code;
  if (code.size() >= 3 && code != "IRQMILITIA") a.country = code.substr(0, 3);
  if (code.size() > 3) a.sector = code.substr(3);
  return a;
}

inline Event MakeEvent(const std::string& id, Date date, const std::string& source,
                       const std::string& target, const std::string& cameo = "190",
                       std::optional<int> fatalities = std::nullopt) {
  Event e;
  e.id = id;
  e.date = DateRange::Day(date);
  e.source = MakeActor(source);
  e.target = MakeActor(target);
  e.cameo = cameo;
  e.root = cameo.substr(0, 2);
  int root = std::stoi(e.root);
  e.quad_class = root <= 5 ? 1 : root <= 9 ? 2 : root <= 17 ? 3 : 4;
  e.goldstein = e.quad_class == 4 ? -10 : e.quad_class == 3 ? -4 : 3;
  e.fatalities = fatalities;
  return e;
}

}  // namespace sitrep::analyze::testing
