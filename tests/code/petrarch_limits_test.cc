// Bounds of the PETRARCH agent loader on hostile files (found by fuzz/petrarch_dictionaries_fuzz):
// a substitution whose alternative names the marker again used to expand forever (out of
// memory), and markers multiply the variants of a phrase, so their number is capped.
#include <gtest/gtest.h>

#include <string>

#include "code/petrarch_dictionaries.h"

namespace sitrep::petrarch {
namespace {

bool HasAgentPhrase(const Dictionaries& d, const std::vector<std::string>& words) {
  const Phrase* p = d.agent_phrases.LongestAt(words, 0);
  return p && p->words == words;
}

TEST(PetrarchLimits, SubstitutionsStillExpand) {
  Dictionaries d;
  ASSERT_TRUE(LoadAgents("!PERSON! = MAN, MEN\nCONGRESS!PERSON! {} [~LEG]\n", "a.txt", d).ok());
  EXPECT_TRUE(HasAgentPhrase(d, {"CONGRESSMAN"}));
  EXPECT_TRUE(HasAgentPhrase(d, {"CONGRESSMEN"}));
}

TEST(PetrarchLimits, SelfReferentialSubstitutionEnds) {
  Dictionaries d;
  Status s = LoadAgents("!PERSON! = MAN, !PERSON!X\nDEPUTY!PERSON! {} [~LEG]\n", "a.txt", d);
  ASSERT_TRUE(s.ok()) << s.error();
  EXPECT_TRUE(HasAgentPhrase(d, {"DEPUTYMAN"}));
  EXPECT_TRUE(HasAgentPhrase(d, {"DEPUTY!PERSON!X"}));  // inserted as written, not again
}

TEST(PetrarchLimits, TooManyVariantsIsAnErrorNamingTheLine) {
  std::string phrase;
  for (int i = 0; i < 6; ++i) phrase += "!P!_";  // 4^6 = 4096 variants
  Dictionaries d;
  Status s = LoadAgents("!P! = A, B, C, D\n" + phrase + "X [~GOV]\n", "agents.txt", d);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().find("agents.txt"), std::string::npos) << s.error();
  EXPECT_NE(s.error().find("2"), std::string::npos) << s.error();
  EXPECT_NE(s.error().find("substitutions"), std::string::npos) << s.error();
  Dictionaries ok;
  EXPECT_TRUE(LoadAgents("!P! = A, B, C, D\n!P!_!P!_X [~GOV]\n", "agents.txt", ok).ok());
  EXPECT_TRUE(HasAgentPhrase(ok, {"D", "C", "X"}));
}

}  // namespace
}  // namespace sitrep::petrarch
