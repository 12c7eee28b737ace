// Sentence segmentation over the token stream: terminal punctuation with abbreviation, initial,
// ellipsis and quote handling; a paragraph break always ends a sentence and a list item or
// bullet at the start of a line starts one.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "text/analysis.h"

namespace sitrep {

struct SentenceSpan {
  uint32_t first_token = 0;
  uint32_t end_token = 0;  // exclusive
  uint32_t paragraph = 0;
};

// Splits `tokens` (from Tokenize over `body`) into sentences, appended to `out` (cleared first).
void Segment(std::string_view body, const std::vector<Token>& tokens,
             std::vector<SentenceSpan>& out);

}  // namespace sitrep
