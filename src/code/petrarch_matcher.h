// Shallow TABARI/PETRARCH-style coding of one sentence: upper-case word tokens, actor and agent
// phrases (longest match) grouped into noun phrases and conjoined lists, verbs with their
// inflections, and verb patterns ($ source, + target, % compound, ^ skip, &synsets, '_'
// adjacency) matched around the verb. No parser: the noun phrases are found heuristically.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "code/petrarch_dictionaries.h"

namespace sitrep::petrarch {

struct Word {
  std::string text;    // upper case, Treebank-like split: "GONDOR" "'S", "DID" "N'T", ","
  uint32_t start = 0;  // byte offsets into the sentence
  uint32_t end = 0;
};

std::vector<Word> TokenizeSentence(std::string_view sentence);

struct CodedActor {
  std::string code;    // e.g. "ARNGOV", "---GOV"
  uint32_t start = 0;  // word indexes [start, end) of its noun phrase
  uint32_t end = 0;
};

struct CodedEvent {
  CodedActor source;
  CodedActor target;
  std::string code;  // the event code as the verb file gives it
};

// The events of one sentence; `date` (yyyymmdd, 0 = unknown) selects date-restricted codes.
std::vector<CodedEvent> CodeSentence(const Dictionaries& dicts, const std::vector<Word>& words,
                                     int32_t date);

// Joins an actor code with agent codes the CAMEO way ("USA" + "GOV" → "USAGOV"), skipping an
// agent code already present at a three-letter boundary ("USAGOV" + "GOV" → "USAGOV").
std::string ComposeCode(const std::string& actor, const std::vector<Agent>& agents);

}  // namespace sitrep::petrarch
