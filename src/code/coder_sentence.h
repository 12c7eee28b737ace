// One sentence read by sitrep's coder: its actors, weapons and event phrasings, who did what
// to whom in it, the casualties and weapons counted, whether it is asserted, and who said it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/event.h"
#include "code/coder_lexicon.h"
#include "text/analysis.h"

namespace sitrep::coding {

struct ActorSpan {
  size_t begin = 0, end = 0;     // word indices
  uint32_t start = 0, stop = 0;  // body offsets
  Actor actor;
  bool generic = false;     // an agent word alone ("the militia"): to resolve from the article
  bool pronoun = false;     // they, it, he, she
  bool locative = false;    // a country or capital named as a place ("in Iraq")
  bool place_name = false;  // a bare country or capital name ("Israel"), no role word
  bool person = false;      // its head counts people
  bool plural = false;
  bool singular_det = false;  // "a", "an", "the", "one" before a singular person noun
  bool adjective = false;     // a country adjective alone ("Iraqi" of "Iraqi and U.S. forces")
  bool capital = false;       // a capital alone ("Baghdad"): its government, or the city
};

struct WeaponSpan {
  size_t begin = 0, end = 0;
  const WeaponDef* def = nullptr;
  bool plural = false;
};

// An event found in a sentence, before the article context resolves it.
struct Candidate {
  size_t begin = 0, end = 0;  // words of the phrasing
  const TriggerDef* trigger = nullptr;
  std::string cameo;
  std::optional<ActorSpan> source, target;
  // The other actors of a coordinated subject ("Russia and Turkey agreed"): the event is
  // emitted once for each, with that actor in the subject's role.
  std::vector<ActorSpan> co_sources, co_targets;
  const WeaponDef* weapon = nullptr;
  std::optional<int> weapon_count, fatalities, injuries;
  bool anaphoric = false;  // "the strikes", "those airstrikes": an earlier attack told again
  // An anaphor that would be an event by itself ("died in the attack on the base"): one when
  // no earlier attack is there for it to tell again.
  bool stands_alone = false;
  bool hit_or_killed = false;  // the subject of an attack or killing verb ("the strike killed")
  bool distinct = false;       // "another", "a second": a new happening even if it looks the same
  bool summary = false;        // "roadside bombs have exploded in several incidents"
  bool fused = false;          // absorbed into another candidate of the sentence
  bool casualty_only = false;
  // "clashes between the two sides": the two of the last fight told, for the article to fill.
  bool between_sides = false;
  uint32_t near = 0;  // body offset of the phrasing
};

struct SentenceReading {
  std::vector<Candidate> events;
  std::vector<ActorSpan> actors;
  std::optional<std::string> attributed_to;
  // Casualties stated in a sentence without an event of its own ("the driver was injured in
  // the blast"): they belong to an earlier attack.
  std::optional<int> loose_fatalities, loose_injuries;
  // Body spans of who reports the sentence (", the Pentagon said", "according to X"): neither
  // actors of its events nor where they happened.
  std::vector<std::pair<uint32_t, uint32_t>> speakers;
  // "The airport hosts troops of the U.S.-led coalition": who a place just named houses.
  std::optional<Actor> hosted;
  bool refers_back = false;  // names an earlier attack ("the blast", "those strikes")
  bool question = false;
};

// Reads sentence `s` of `body`; `ref` is the day the sentence is about (for leaders' terms).
SentenceReading ReadSentence(const Lexicon& lex, std::string_view body, const Sentence& s,
                             std::optional<Date> ref);

}  // namespace sitrep::coding
