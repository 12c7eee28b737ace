// Text analysis: sentences, tokens, numbers, dates resolved against the publication date,
// negation and modality cues. All offsets are byte offsets into the article's normalized body.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"

namespace sitrep {

enum class TokenKind : uint8_t { kWord, kNumber, kPunct, kSymbol };

struct Token {
  uint32_t start = 0;
  uint32_t end = 0;
  TokenKind kind = TokenKind::kWord;
};

struct DateMention {
  uint32_t start = 0;
  uint32_t end = 0;
  DateRange range;
};

struct NumberMention {
  uint32_t start = 0;
  uint32_t end = 0;
  double value = 0;           // "at least two" → 2, "dozens" → 24 (approximate)
  std::string unit;           // the noun counted, lower-case: "rockets", "soldiers"; "" if none
  uint32_t unit_start = 0;    // offsets of the unit word(s), equal to end when there is no unit
  uint32_t unit_end = 0;
  bool approximate = false;   // "about", "dozens", "some"
  bool lower_bound = false;   // "at least", "more than"
};

enum class Modality : uint8_t { kAsserted, kHypothetical, kFuture, kQuestion, kReported };
std::string_view ModalityName(Modality m);

enum class CueKind : uint8_t {
  kNegation,      // no, not, never, none of, neither, without, denied
  kHypothetical,  // could, might, may, would, if, unless, should
  kFuture,        // will, going to, plans to, threatened to, vowed to
  kQuestion,      // a question, "whether"
  kReported,      // said, according to, reported, told
};

struct Cue {
  uint32_t start = 0;
  uint32_t end = 0;
  CueKind kind = CueKind::kNegation;
};

struct Sentence {
  uint32_t start = 0;
  uint32_t end = 0;
  uint32_t paragraph = 0;  // index of the paragraph ("\n\n"-separated block) it belongs to
  std::vector<Token> tokens;
  std::vector<DateMention> dates;
  std::vector<NumberMention> numbers;
  std::vector<Cue> cues;
  bool negated = false;  // the main clause is negated
  Modality modality = Modality::kAsserted;
};

struct AnalyzedText {
  std::vector<Sentence> sentences;
};

// Analyzes `body`. Dates relative to the publication day ("on Sunday" = the latest Sunday before
// it, "last week", "two weeks ago", "in recent weeks") resolve against `published`; dates relative
// to the story ("a day before", "the next day") against the date mentioned just before them.
// A relative date with nothing to anchor it is dropped.
AnalyzedText Analyze(std::string_view body, std::optional<Date> published);

}  // namespace sitrep
