// Text analysis: sentences, tokens, numbers, dates resolved against the publication date,
// negation and modality cues. All offsets are byte offsets into the article's normalized body.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "text/lexicon.h"

namespace sitrep {

enum class TokenKind : uint8_t { kWord, kNumber, kPunct, kSymbol };

// Bits of Token::flags.
enum TokenFlag : uint8_t {
  kCapitalized = 1 << 0,     // first byte is an ASCII capital
  kAllCaps = 1 << 1,         // two or more letters, all capitals ("ISIS", "U.S.")
  kClitic = 1 << 2,          // split-off "'s", "n't", "'re", "'ve", "'ll", "'d", "'m"
  kAbbreviation = 1 << 3,    // the token ends with a period that belongs to it ("Gen.", "U.S.")
  kLineStart = 1 << 4,       // first token of a line
  kParagraphStart = 1 << 5,  // first token of a paragraph
  kSpaceBefore = 1 << 6,     // whitespace precedes the token
  kHyphenated = 1 << 7,      // an inner hyphen ("al-Assad", "twenty-five", "Iran-backed")
};

// A token is a byte range of the body; its text is body.substr(start, end - start). Words carry
// the id of their entry in the closed vocabulary (text/lexicon.h), kNone for open-class words.
// Possessive "'s" and other clitics are split off as their own kWord tokens flagged kClitic
// ("Biden's" = "Biden" + "'s"; "aren't" = "are" + "n't"; "can't" = "ca" + "n't").
// Numbers keep inner ",", ".", ":" and "/" ("1,200", "3.5", "17:50", "9/11"), an ISO date
// ("2021-07-07") and a letter suffix ("2am", "14th", "1990s", "10km"); "25-year-old" is one kWord.
struct Token {
  uint32_t start = 0;
  uint32_t end = 0;
  TokenKind kind = TokenKind::kWord;
  uint8_t flags = 0;     // TokenFlag bits
  Lex lex = Lex::kNone;  // vocabulary id
  int8_t lex_value = 0;  // month 1..12, weekday 0..6, cardinal value, multiplier exponent

  uint32_t size() const { return end - start; }
  bool Has(TokenFlag f) const { return (flags & f) != 0; }
};

// The token's text inside `body`.
inline std::string_view TokenText(std::string_view body, const Token& t) {
  return body.substr(t.start, t.end - t.start);
}
// Case-insensitive (ASCII) comparison of a token with a lower-case word.
bool TokenIs(std::string_view body, const Token& t, std::string_view lower_word);

struct DateMention {
  uint32_t start = 0;
  uint32_t end = 0;
  DateRange range;
  bool relative = false;  // resolved against the publication day or an earlier mention
  // "..., a week after Russian forces opened a new front": the day of what follows the phrase
  // (the front opened), not of the sentence's telling; no anchor for later sentences.
  bool background = false;
};

struct NumberMention {
  uint32_t start = 0;
  uint32_t end = 0;
  double value = 0;         // "at least two" → 2, "dozens" → 24 (approximate)
  std::string unit;         // the noun counted, lower-case: "rockets", "soldiers"; "" if none
  uint32_t unit_start = 0;  // offsets of the unit word(s), equal to end when there is no unit
  uint32_t unit_end = 0;
  bool approximate = false;  // "about", "dozens", "some"
  bool lower_bound = false;  // "at least", "more than"
  bool identifier = false;   // a name, not a count: "brigade 14", "No. 5" (unit is "")
  uint32_t first_token = 0;  // index in Sentence::tokens of the mention's first token
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
  // The cue's scope: its clause (cut at ";", ", but", ", and <subject>", relative and
  // subordinate openers; see text/cues.h), or the whole sentence for reporting and question cues.
  uint32_t scope_start = 0;
  uint32_t scope_end = 0;
  bool in_main_clause = false;  // the cue sits in the sentence's main clause
};

struct Sentence {
  uint32_t start = 0;
  uint32_t end = 0;
  uint32_t paragraph = 0;  // index of the paragraph ("\n\n"-separated block) it belongs to
  std::vector<Token> tokens;
  std::vector<DateMention> dates;
  std::vector<NumberMention> numbers;
  std::vector<Cue> cues;
  bool negated = false;  // the main clause (or what its reporting verb reports) is negated
  Modality modality = Modality::kAsserted;
};

// Whether byte `offset` (say, an event verb) lies in the scope of a cue of `kind` in `s`.
bool InCueScope(const Sentence& s, CueKind kind, uint32_t offset);

struct AnalyzedText {
  std::vector<Sentence> sentences;
};

// Analyzes `body`. Dates relative to the publication day ("on Sunday" = the latest Sunday on or
// before it, "last week", "two weeks ago", "in recent weeks") resolve against `published`; dates
// relative to the story ("a day before", "the next day") against the day mentioned last before
// them, in this sentence or an earlier one. A relative date with nothing to anchor it is dropped.
// The rules in detail: text/dates.h (dates), text/numbers.h (numbers), text/cues.h (negation,
// modality), text/segmenter.h (sentences).
AnalyzedText Analyze(std::string_view body, std::optional<Date> published);

}  // namespace sitrep
