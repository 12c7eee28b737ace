// Helpers shared by the text-stage tests: sentence texts and mentions as strings.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "text/analysis.h"

namespace sitrep::testing {

inline std::vector<std::string> SentenceTexts(std::string_view body) {
  std::vector<std::string> out;
  for (const Sentence& s : Analyze(body, std::nullopt).sentences)
    out.emplace_back(body.substr(s.start, s.end - s.start));
  return out;
}

inline std::vector<std::string> TokenTexts(std::string_view body) {
  std::vector<std::string> out;
  for (const Sentence& s : Analyze(body, std::nullopt).sentences)
    for (const Token& t : s.tokens) out.emplace_back(TokenText(body, t));
  return out;
}

// All number mentions of `body` (in every sentence).
inline std::vector<NumberMention> Numbers(std::string_view body) {
  std::vector<NumberMention> out;
  for (const Sentence& s : Analyze(body, std::nullopt).sentences)
    out.insert(out.end(), s.numbers.begin(), s.numbers.end());
  return out;
}

}  // namespace sitrep::testing
