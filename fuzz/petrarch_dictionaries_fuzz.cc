// libFuzzer target: the TABARI/PETRARCH dictionary loaders on any bytes. The first byte picks
// the loader (verbs, actors, agents, discards, or kind detection); a load must return a Status,
// never crash, and what loaded must answer lookups.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "code/petrarch_dictionaries.h"

namespace {

using sitrep::petrarch::Dictionaries;

sitrep::Status LoadWith(uint8_t selector, std::string_view text, Dictionaries& dicts) {
  namespace p = sitrep::petrarch;
  switch (selector % 5) {
    case 0:
      return p::LoadVerbs(text, "fuzz.verbs", dicts);
    case 1:
      return p::LoadActors(text, "fuzz.actors", dicts);
    case 2:
      return p::LoadAgents(text, "fuzz.agents", dicts);
    case 3:
      return p::LoadDiscards(text, "fuzz.discards", dicts);
    default:
      return p::LoadDictionaryText(text, "fuzz.txt", dicts);
  }
}

// Lookups over whatever loaded: every index a phrase carries must point into its table.
void CheckLookups(Dictionaries& dicts) {
  dicts.verbs.Finish();
  dicts.actor_phrases.Finish();
  dicts.agent_phrases.Finish();
  dicts.discards.Finish();
  const std::vector<std::string> tokens = {"THE", "POLICE", "BROKE", "WITH", "GONDOR", "MEN"};
  for (size_t pos = 0; pos < tokens.size(); ++pos) {
    if (auto* v = dicts.verbs.LongestAt(tokens, pos); v && v->index >= dicts.verb_forms.size())
      std::abort();
    if (auto* a = dicts.actor_phrases.LongestAt(tokens, pos)) {
      if (a->index >= dicts.actors.size()) std::abort();
      (void)dicts.actors[a->index].CodeOn(20210707);
    }
    if (auto* g = dicts.agent_phrases.LongestAt(tokens, pos); g && g->index >= dicts.agents.size())
      std::abort();
    (void)dicts.discards.AllAt(tokens, pos);
  }
  for (const auto& form : dicts.verb_forms)
    if (form.block >= dicts.blocks.size()) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  Dictionaries dicts;
  (void)LoadWith(data[0], text, dicts);  // an error is a fine answer; a crash is not
  CheckLookups(dicts);
  (void)sitrep::petrarch::DetectKind(text);
  if (size <= 9) (void)sitrep::petrarch::ParseDictionaryDate(text);
  for (const std::string& inflected :
       sitrep::petrarch::VerbInflections(std::string(text.substr(0, 64))))
    (void)inflected;
  return 0;
}
