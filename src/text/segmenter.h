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

// A run of more tokens than this with no sentence end (a table, a 5 MB line without a period)
// is cut into sentences of this many tokens: the stages that work sentence by sentence (dates,
// cues, the coder) are then linear in the body however it is punctuated.
inline constexpr uint32_t kMaxSentenceTokens = 1000;

// Splits `tokens` (from Tokenize over `body`) into sentences, appended to `out` (cleared first).
void Segment(std::string_view body, const std::vector<Token>& tokens,
             std::vector<SentenceSpan>& out);

}  // namespace sitrep
