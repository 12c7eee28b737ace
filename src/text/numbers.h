// Number and quantity mentions in a sentence: digits and number words, vague quantities
// ("dozens", "scores of"), bounds ("at least", "more than"), approximations ("nearly", "some"),
// and the noun they count. Years, times, dates and ordinals are not counts and are skipped;
// a number naming a thing ("brigade 14", "No. 5") is kept flagged `identifier`.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "text/analysis.h"

namespace sitrep {

// Fills `sentence.numbers`. `taken[i]` marks tokens already claimed by a date mention.
void FindNumbers(std::string_view body, Sentence& sentence, const std::vector<uint8_t>& taken);

// Whether a word looks like a plural noun ("soldiers", "people", "militiamen"); acronyms are not.
bool LooksPlural(std::string_view body, const Token& t);

}  // namespace sitrep
