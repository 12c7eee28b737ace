// Negation and modality cues of a sentence, and the sentence-level verdicts built from them.
//
// The sentence is cut into clauses at ";", ", and"/", but", subordinators (if, while, because,
// when, whether), relative openers (which, who, where, a "that" after a noun) and reporting
// verbs (what follows "said" is its complement). The main clause is the first clause (or the one
// after a leading subordinate clause and its comma), and the complement of a reporting verb.
// `negated`: a negation cue (not "without", not idioms like "not only", "not far") sits in the
// main clause. `modality`: the strongest cue outside relative clauses, question > hypothetical >
// future > reported > asserted.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "text/analysis.h"

namespace sitrep {

// Fills `sentence.cues`, `negated` and `modality`. Tokens marked in `taken` belong to dates and
// are not cues ("May 5").
void FindCues(std::string_view body, Sentence& sentence, const std::vector<uint8_t>& taken);

}  // namespace sitrep
