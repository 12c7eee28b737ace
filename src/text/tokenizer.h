// The tokenizer: one pass over the normalized body producing byte-range tokens with kinds,
// flags and vocabulary ids (see Token in text/analysis.h for what one token covers).
#pragma once

#include <string_view>
#include <vector>

#include "text/analysis.h"

namespace sitrep {

// Appends the tokens of `body` to `out` (cleared first). Offsets are bytes into `body`.
void Tokenize(std::string_view body, std::vector<Token>& out);

}  // namespace sitrep
