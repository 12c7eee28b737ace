// Publication dates as pages print them: "July 15, 2021", "15 July 2021", "2021-07-15",
// "Thursday, Jul 29, 2021 17:50 UTC", ISO timestamps from meta tags.
#pragma once

#include <optional>
#include <string_view>

#include "base/date.h"

namespace sitrep::read {

// The date when the whole of `text` is a date (with an optional weekday before it and a time
// and zone after it), else nullopt.
std::optional<Date> ParseDateLine(std::string_view text);

// Whether the whole of `text` is a day of a month with no year: "March 3", "3 March", "Oct. 9".
bool IsMonthAndDay(std::string_view text);

}  // namespace sitrep::read
