// Date mentions in a sentence, resolved to day ranges with a precision: absolute dates
// ("July 7, 2021", "7 July", "2021-07-07", "in May", "in 2015"), dates relative to the
// publication day ("on Sunday", "yesterday", "last week", "two weeks ago", "in recent weeks",
// "over the weekend") and dates relative to the story ("a day before", "the next day"), which
// take the day mentioned last in the article as their anchor.
//
// Choices: a weekday alone is the latest such day on or before publication (news "on Thursday"
// published on a Thursday means that day); "last Thursday" is strictly before. A month and day
// without a year are taken in the publication year unless that lies more than 31 days after
// publication, then the year before. Weeks run Monday to Sunday. A relative date with nothing
// to anchor it (no publication date, or no earlier day for "a day before") is dropped.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "text/analysis.h"

namespace sitrep {

// What the sentences read so far say that later ones may refer to.
struct DateContext {
  std::optional<Date> published;
  std::optional<Date> anchor;  // the day mentioned last
  int year = 0;                // the last year stated outright, for dates without one
};

// Fills `sentence.dates` and marks the tokens each mention covers in `taken`.
void FindDates(std::string_view body, Sentence& sentence, DateContext& context,
               std::vector<uint8_t>& taken);

}  // namespace sitrep
