// Loaders of TABARI/PETRARCH dictionaries: kind detection, verb blocks and patterns, synsets,
// date-restricted actors, agents with plurals and substitutions, discards, malformed files.
#include "code/petrarch_dictionaries.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace sitrep::petrarch {
namespace {

const char* kVerbs = R"(<!-- a comment -->
&TIES
+MILITARY
+GOLDEN_GOBLIN GALLEONS
&NESTED
+&TIES
+CLOSER

--- RESTORE  [064]  ---
RESTORE    # comment
- * FULL_&TIES TIES [902]
- + WAS * DEAD IN $ [224]
- IN_* [075]
- * WITH % [031]

--- BREAK [1717] ---
BREAK { BROKE BROKEN }
+BREAK_DOWN {+BROKE_DOWN}
WIRE_+TAP [1711]
)";

const char* kActors = R"(GONDOR [GON]
+MINAS_TIRITH
ARNOR_  [ARN]
GOLLUM  # a comment
+SMEAGOL
	[HOB < 950601]
	[HOBGOV 19950601 - 19990815]
	[HOBREB > 990816]
LORIEN [ELR/GAL]
BOROMIR [---]
)";

const char* kAgents = R"(!PERSON! = MAN, MEN
GOVERNMENT [~GOV]
POLICE {} [ ~COP]
GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]
MSF {} [NGO~]
CONGRESS!PERSON! [~LEG]
)";

const char* kDiscards = R"(# Story-level discards are marked '+'
MONTHS LATER
+World Golf Championships
)";

Dictionaries LoadAll() {
  Dictionaries d;
  EXPECT_TRUE(LoadDictionaryText(kVerbs, "v.txt", d).ok());
  EXPECT_TRUE(LoadDictionaryText(kActors, "a.txt", d).ok());
  EXPECT_TRUE(LoadDictionaryText(kAgents, "g.txt", d).ok());
  EXPECT_TRUE(LoadDictionaryText(kDiscards, "d.txt", d).ok());
  return d;
}

std::vector<std::string> Split(const std::string& s) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= s.size()) {
    size_t sp = s.find(' ', pos);
    if (sp == std::string::npos) sp = s.size();
    out.push_back(s.substr(pos, sp - pos));
    pos = sp + 1;
  }
  return out;
}

TEST(PetrarchDictionaries, DetectsEachKindFromContent) {
  EXPECT_EQ(DetectKind(kVerbs), FileKind::kVerbs);
  EXPECT_EQ(DetectKind(kActors), FileKind::kActors);
  EXPECT_EQ(DetectKind(kAgents), FileKind::kAgents);
  EXPECT_EQ(DetectKind(kDiscards), FileKind::kDiscards);
}

TEST(PetrarchDictionaries, VerbBlocksFormsAndInflections) {
  Dictionaries d = LoadAll();
  ASSERT_EQ(d.blocks.size(), 2u);
  EXPECT_EQ(d.blocks[0].name, "RESTORE");
  EXPECT_EQ(d.blocks[0].code, "064");
  for (const char* form :
       {"RESTORE", "RESTORES", "RESTORED", "RESTORING", "BROKE", "BROKEN", "BREAKS", "BREAKING"})
    EXPECT_NE(d.verbs.LongestAt({form}, 0), nullptr) << form;
  EXPECT_EQ(d.verbs.LongestAt({"RESTORX"}, 0), nullptr);
  const Phrase* broke_down = d.verbs.LongestAt(Split("BROKE DOWN THE DOOR"), 0);
  ASSERT_NE(broke_down, nullptr);
  EXPECT_EQ(broke_down->words.size(), 2u);  // the multi-word form wins over "BROKE"
  const Phrase* tapped = d.verbs.LongestAt(Split("WIRE TAPPED"), 0);
  ASSERT_NE(tapped, nullptr);  // '+' marks the inflected word of "WIRE_+TAP"
  EXPECT_EQ(d.verb_forms[tapped->index].code, "1711");
}

TEST(PetrarchDictionaries, PatternElementsAndAdjacency) {
  Dictionaries d = LoadAll();
  const auto& p = d.blocks[0].patterns;
  ASSERT_EQ(p.size(), 4u);
  // "* FULL_&TIES TIES [902]"
  ASSERT_EQ(p[0].after.size(), 3u);
  EXPECT_EQ(p[0].after[0].word, "FULL");
  EXPECT_FALSE(p[0].after[0].joined);
  EXPECT_EQ(p[0].after[1].kind, PatternElement::kSynset);
  EXPECT_TRUE(p[0].after[1].joined);
  EXPECT_EQ(d.synsets[p[0].after[1].synset].name, "TIES");
  EXPECT_EQ(p[0].code, "902");
  // "+ WAS * DEAD IN $"
  ASSERT_EQ(p[1].before.size(), 2u);
  EXPECT_EQ(p[1].before[0].kind, PatternElement::kTarget);
  EXPECT_EQ(p[1].after.back().kind, PatternElement::kSource);
  // "IN_*": joined to the verb
  ASSERT_EQ(p[2].before.size(), 1u);
  EXPECT_TRUE(p[2].before[0].joined);
  EXPECT_EQ(p[3].after.back().kind, PatternElement::kCompound);
}

TEST(PetrarchDictionaries, SynsetsHoldPhrasesAndNestedSets) {
  Dictionaries d = LoadAll();
  const Synset& ties = d.synsets[d.synset_by_name.at("TIES")];
  ASSERT_EQ(ties.members.size(), 2u);
  EXPECT_EQ(ties.members[1].size(), 3u);  // GOLDEN GOBLIN GALLEONS
  const Synset& nested = d.synsets[d.synset_by_name.at("NESTED")];
  ASSERT_EQ(nested.members.size(), 2u);
  EXPECT_EQ(nested.members[0][0].kind, PatternElement::kSynset);
  EXPECT_EQ(nested.members[0][0].synset, d.synset_by_name.at("TIES"));
}

TEST(PetrarchDictionaries, ActorsWithSynonymsAndDateRestrictions) {
  Dictionaries d = LoadAll();
  auto code = [&](const std::string& name, int32_t date) {
    const Phrase* p = d.actor_phrases.LongestAt(Split(name), 0);
    return p ? d.actors[p->index].CodeOn(date) : std::string("none");
  };
  EXPECT_EQ(code("MINAS TIRITH", 0), "GON");
  EXPECT_EQ(code("ARNOR", 0), "ARN");  // a trailing '_' is not part of the name
  EXPECT_EQ(code("SMEAGOL", 19920102), "HOB");
  EXPECT_EQ(code("GOLLUM", 19950601), "HOBGOV");
  EXPECT_EQ(code("GOLLUM", 19990815), "HOBGOV");
  EXPECT_EQ(code("GOLLUM", 20010101), "HOBREB");
  EXPECT_EQ(code("LORIEN", 0), "ELR/GAL");
  EXPECT_EQ(code("BOROMIR", 0), "");  // the null code
}

TEST(PetrarchDictionaries, AgentsPluralsPrefixesAndSubstitutions) {
  Dictionaries d = LoadAll();
  auto agent = [&](const std::string& name) -> const Agent* {
    const Phrase* p = d.agent_phrases.LongestAt(Split(name), 0);
    return p && p->words.size() == Split(name).size() ? &d.agents[p->index] : nullptr;
  };
  ASSERT_NE(agent("GOVERNMENTS"), nullptr);  // regular plural made
  EXPECT_EQ(agent("GOVERNMENTS")->code, "GOV");
  EXPECT_FALSE(agent("GOVERNMENTS")->prefix);
  ASSERT_NE(agent("POLICE"), nullptr);
  EXPECT_EQ(agent("POLICE")->code, "COP");
  EXPECT_EQ(agent("POLICES"), nullptr);  // "{}": no plural
  ASSERT_NE(agent("GOLDEN GEESE"), nullptr);
  ASSERT_NE(agent("MSF"), nullptr);
  EXPECT_TRUE(agent("MSF")->prefix);
  ASSERT_NE(agent("CONGRESSMEN"), nullptr);
  EXPECT_EQ(agent("CONGRESSMEN")->code, "LEG");
}

TEST(PetrarchDictionaries, Discards) {
  Dictionaries d = LoadAll();
  EXPECT_NE(d.discards.LongestAt(Split("WORLD GOLF CHAMPIONSHIPS"), 0), nullptr);
  EXPECT_NE(d.discards.LongestAt(Split("MONTHS LATER"), 0), nullptr);
  EXPECT_EQ(d.discards.LongestAt(Split("MONTHS"), 0), nullptr);
}

TEST(PetrarchDictionaries, MalformedFilesNameFileAndLine) {
  Dictionaries d;
  Status s = LoadVerbs("# c\n- * TIES [064]\n", "verbs.txt", d);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().find("verbs.txt:2:"), std::string::npos) << s.error();
  s = LoadVerbs("&LOOP\n+&LOOP\n--- SIGN [081] ---\nSIGN\n", "v.txt", d);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().find("v.txt:2:"), std::string::npos) << s.error();
  EXPECT_NE(s.error().find("LOOP"), std::string::npos);
  s = LoadVerbs("--- SIGN [081] ---\nSIGN\n- * [081\n", "v.txt", d);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().find("v.txt:3:"), std::string::npos) << s.error();
  s = LoadVerbs("--- SIGN ---\n", "v.txt", d);
  EXPECT_FALSE(s.ok());
  s = LoadVerbs("--- SIGN [081] ---\n- PACT [053]\n", "v.txt", d);  // no '*'
  EXPECT_FALSE(s.ok());
  s = LoadActors("GONDOR [GON\n", "a.txt", d);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().find("a.txt:1:"), std::string::npos) << s.error();
  s = LoadActors("+GONDOR [GON]\n", "a.txt", d);
  EXPECT_FALSE(s.ok());
  s = LoadAgents("!PERSON! = \n", "g.txt", d);
  EXPECT_FALSE(s.ok());
  s = LoadAgents("GOVERNMENT\n", "g.txt", d);  // a name whose code never comes
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().find("g.txt:1:"), std::string::npos) << s.error();
}

TEST(PetrarchDictionaries, MissingFileIsAnError) {
  auto d = LoadDictionaryFiles({"/nonexistent/verbs.txt"});
  ASSERT_FALSE(d.ok());
  EXPECT_NE(d.error().find("/nonexistent/verbs.txt"), std::string::npos);
}

TEST(PetrarchDictionaries, DatesAndInflections) {
  EXPECT_EQ(ParseDictionaryDate("950601"), 19950601);
  EXPECT_EQ(ParseDictionaryDate("080120"), 20080120);
  EXPECT_EQ(ParseDictionaryDate("20121109"), 20121109);
  EXPECT_EQ(ParseDictionaryDate("9008223"), -1);
  EXPECT_EQ(ParseDictionaryDate("951301"), -1);
  auto has = [](const std::vector<std::string>& v, const char* w) {
    return std::find(v.begin(), v.end(), w) != v.end();
  };
  auto stop = VerbInflections("STOP");
  EXPECT_TRUE(has(stop, "STOPPED") && has(stop, "STOPS") && has(stop, "STOPPING"));
  auto deny = VerbInflections("DENY");
  EXPECT_TRUE(has(deny, "DENIED") && has(deny, "DENIES"));
  auto depart = VerbInflections("DEPART");
  EXPECT_TRUE(has(depart, "DEPARTS"));
  EXPECT_FALSE(has(depart, "DEPARTES"));
  auto march = VerbInflections("MARCH");
  EXPECT_TRUE(has(march, "MARCHES") && has(march, "MARCHED"));
}

// Any prefix of a well-formed file either loads or fails with a message: never a crash.
TEST(PetrarchDictionaries, TruncatedFilesNeverCrash) {
  for (const char* text : {kVerbs, kActors, kAgents, kDiscards}) {
    std::string full = text;
    for (size_t n = 0; n <= full.size(); ++n) {
      Dictionaries d;
      Status s = LoadDictionaryText(std::string_view(full).substr(0, n), "t.txt", d);
      if (!s.ok()) {
        EXPECT_EQ(s.error().rfind("t.txt:", 0), 0u) << s.error();
      }
    }
  }
}

// The distributed PETRARCH/Phoenix dictionaries (read-only test data beside the repository).
TEST(PetrarchDictionaries, DistributedFilesLoad) {
  std::string dir = SITREP_SOURCE_DIR "/../shared/petrarch/";
  if (!std::filesystem::exists(dir + "Phoenix.Countries.actors.txt"))
    GTEST_SKIP() << "no PETRARCH dictionaries at " << dir;
  auto d = LoadDictionaryFiles(
      {dir + "PETR.Validate.verbs.txt", dir + "Phoenix.Countries.actors.txt",
       dir + "Phoenix.International.actors.txt", dir + "Phoenix.MilNonState.actors.txt",
       dir + "Phoenix.agents.txt", dir + "Phoenix.discards.txt"});
  ASSERT_TRUE(d.ok()) << d.error();
  EXPECT_GT(d->actor_phrases.size(), 30000u);
  EXPECT_GT(d->agent_phrases.size(), 3000u);
  const Phrase* afg = d->actor_phrases.LongestAt({"AFGHANISTAN"}, 0);
  ASSERT_NE(afg, nullptr);
  EXPECT_EQ(d->actors[afg->index].CodeOn(20100101), "AFG");
}

}  // namespace
}  // namespace sitrep::petrarch
