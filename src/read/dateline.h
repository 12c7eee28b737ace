// Wire-copy datelines that open a story's first paragraph: "BAGHDAD, March 3 (Reuters) - ",
// "KHARTOUM, Sudan, April 16, 2023 (AP) — ", "GAZA CITY — ". The place, date and outlet are the
// article's metadata, not its text: left in, the dateline's date would date the first
// sentence's events instead of its own "on Monday".
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/date.h"

namespace sitrep::read {

struct Dateline {
  size_t length = 0;         // bytes of `line` the dateline and its dash take
  std::string place;         // "BAGHDAD", "KHARTOUM, Sudan"
  std::string outlet;        // "Reuters", or ""
  std::optional<Date> date;  // when the dateline gives a year
};

// The dateline `line` opens with, if any. A place in capitals ("BAGHDAD") needs only the dash
// after it to be one when the dash is long (—, –, --); otherwise a date or an outlet in
// parentheses must follow the place.
std::optional<Dateline> FindDateline(std::string_view line);

}  // namespace sitrep::read
