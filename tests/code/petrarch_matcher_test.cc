// The shallow PETRARCH-style sentence coder on small hand-written dictionaries: subjects and
// objects, agents joined to actors, compounds, passives, patterns with $ + % ^ and synsets,
// date-restricted actors, discards, and the coder behind OpenPetrarchCoder.
#include "code/petrarch_matcher.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <tuple>

#include "code/coder.h"
#include "code/petrarch_cameo.h"

namespace sitrep::petrarch {
namespace {

const char* kVerbs = R"(
&TIETYPES
+MILITARY
+ECONOMIC

--- RESTORE  [064]  ---
RESTORE
- * &TIETYPES TIES [902]

--- WELCOME [041] ---
WELCOME

--- OPPOSE [112] ---
OPPOSE

--- SHOT [223] ---
SHOT
- + WAS * DEAD IN $ [224]

--- MEET [031:031] ---
MEET

--- DELAY [120] ---
DELAY
- % HAVE * [191]

--- WARN [160] ---
WARN
- * THEIR ^ ABOUT + [162]

--- SAID [023] ---
SAID
)";

const char* kActors = R"(
ARNOR [ARN]
GONDOR [GON]
OSGILIATH [OSG]
ERIADOR [ERI]
+ERIADORIAN
UNITED_STATES [USA]
+U.S.
LORIEN [ELR/GAL]
GOLLUM
	[HOB < 950601]
	[HOBGOV > 950601]
)";

const char* kAgents = R"(
GOVERNMENT [~GOV]
SOLDIER [~MIL]
OFFICIAL [~GOV]
MSF {} [NGO~]
)";

const char* kDiscards = "+TYPHOON\n";

class PetrarchMatcher : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(LoadVerbs(kVerbs, "v", d_).ok());
    ASSERT_TRUE(LoadActors(kActors, "a", d_).ok());
    ASSERT_TRUE(LoadAgents(kAgents, "g", d_).ok());
    ASSERT_TRUE(LoadDiscards(kDiscards, "d", d_).ok());
  }
  using Triple = std::tuple<std::string, std::string, std::string>;
  std::set<Triple> Code(const std::string& sentence, int32_t date = 19950101) {
    std::set<Triple> out;
    for (const CodedEvent& e : CodeSentence(d_, TokenizeSentence(sentence), date))
      out.insert({e.source.code, e.target.code, e.code});
    return out;
  }
  Dictionaries d_;
};

TEST_F(PetrarchMatcher, TokenizesLikeTreebank) {
  std::vector<std::string> words;
  for (const Word& w : TokenizeSentence("Gondor's U.S. envoy didn't go (EU), it said."))
    words.push_back(w.text);
  std::vector<std::string> want{"GONDOR", "'S", "U.S.", "ENVOY", "DID", "N'T",  "GO",
                                "(",      "EU", ")",    ",",     "IT",  "SAID", "."};
  EXPECT_EQ(words, want);
}

TEST_F(PetrarchMatcher, SubjectVerbObject) {
  EXPECT_EQ(Code("Arnor is about to restore full diplomatic ties with Gondor."),
            (std::set<Triple>{{"ARN", "GON", "064"}}));
  EXPECT_EQ(Code("Arnor is about to restore full diplomatic ties with Gxndor."),
            std::set<Triple>{});
}

TEST_F(PetrarchMatcher, AgentsJoinActors) {
  EXPECT_EQ(Code("The U.S. government restored ties with Gondor's soldiers."),
            (std::set<Triple>{{"USAGOV", "GONMIL", "064"}}));
  EXPECT_EQ(Code("Soldiers from Gondor restored ties with MSF Arnor."),
            (std::set<Triple>{{"GONMIL", "NGOARN", "064"}}));
  // An agent with no actor still codes, as "---".
  EXPECT_EQ(Code("Government officials restored ties with Gondor."),
            (std::set<Triple>{{"---GOV", "GON", "064"}}));
}

TEST_F(PetrarchMatcher, ConjoinedActorsGiveOneEventEach) {
  EXPECT_EQ(
      Code("Arnor, Eriador and the evil Gondor welcomed ties with Osgiliath."),
      (std::set<Triple>{{"ARN", "OSG", "041"}, {"ERI", "OSG", "041"}, {"GON", "OSG", "041"}}));
  EXPECT_EQ(Code("Arnor welcomed ties with Lorien."),  // one actor, two codes
            (std::set<Triple>{{"ARN", "ELR", "041"}, {"ARN", "GAL", "041"}}));
}

TEST_F(PetrarchMatcher, PassiveWithBySwapsRoles) {
  EXPECT_EQ(Code("Eriador was fiercely opposed by Osgiliath."),
            (std::set<Triple>{{"OSG", "ERI", "112"}}));
  // Without "by" there is no passive agent: the subject stays the source.
  EXPECT_EQ(Code("Eriador opposed Osgiliath."), (std::set<Triple>{{"ERI", "OSG", "112"}}));
}

TEST_F(PetrarchMatcher, PatternSourceAndTargetSlots) {
  EXPECT_EQ(Code("An Eriadorian was shot dead in Osgiliath."),
            (std::set<Triple>{{"OSG", "ERI", "224"}}));
}

TEST_F(PetrarchMatcher, SynsetPatternsAndSkips) {
  EXPECT_EQ(Code("Arnor will restore full economic ties with Gondor."),
            (std::set<Triple>{{"ARN", "GON", "902"}}));
  EXPECT_EQ(Code("Arnor will restore full symbolic ties with Gondor."),
            (std::set<Triple>{{"ARN", "GON", "064"}}));
  EXPECT_EQ(Code("Arnor warned their populations about Gondor."),
            (std::set<Triple>{{"ARN", "GON", "162"}}));
}

TEST_F(PetrarchMatcher, CompoundPatternCodesEachPairBothWays) {
  EXPECT_EQ(Code("Gondor and Osgiliath have delayed their meeting."),
            (std::set<Triple>{{"GON", "OSG", "191"}, {"OSG", "GON", "191"}}));
  EXPECT_EQ(Code("Gondor has delayed the meeting with Osgiliath."),  // no compound: default
            (std::set<Triple>{{"GON", "OSG", "120"}}));
  // A reciprocal code "A:B" gives the reverse event too.
  EXPECT_EQ(Code("Arnor will meet Gondor."),
            (std::set<Triple>{{"ARN", "GON", "031"}, {"GON", "ARN", "031"}}));
}

TEST_F(PetrarchMatcher, DateRestrictedActors) {
  EXPECT_EQ(Code("Gollum welcomed ties with Gondor.", 19920101),
            (std::set<Triple>{{"HOB", "GON", "041"}}));
  EXPECT_EQ(Code("Gollum welcomed ties with Gondor.", 19990101),
            (std::set<Triple>{{"HOBGOV", "GON", "041"}}));
}

TEST_F(PetrarchMatcher, DiscardedSentencesCodeNothing) {
  EXPECT_EQ(Code("Arnor welcomed ties with Gondor after a typhoon."), std::set<Triple>{});
}

TEST_F(PetrarchMatcher, NeedsBothSourceAndTarget) {
  EXPECT_EQ(Code("A senior official said on Saturday."), std::set<Triple>{});
  // A noun after a determiner is not the verb: "an attack" does not end the clause.
  EXPECT_EQ(Code("Arnor welcomed an opposed plan by Gondor."),
            (std::set<Triple>{{"ARN", "GON", "041"}}));
}

TEST_F(PetrarchMatcher, NegatedVerbsCodeOnlyThroughPatterns) {
  EXPECT_EQ(Code("Arnor did not welcome ties with Gondor."), std::set<Triple>{});
  EXPECT_EQ(Code("No Arnor soldiers were shot dead in Osgiliath."), std::set<Triple>{});
  Dictionaries d;
  ASSERT_TRUE(LoadVerbs("--- CLASH [223] ---\nCLASH\n- NOT * [904]\n", "v", d).ok());
  ASSERT_TRUE(LoadActors(kActors, "a", d).ok());
  std::set<Triple> got;
  for (const CodedEvent& e :
       CodeSentence(d, TokenizeSentence("Arnor will not clash with Gondor."), 0))
    got.insert({e.source.code, e.target.code, e.code});
  EXPECT_EQ(got, (std::set<Triple>{{"ARN", "GON", "904"}}));
}

TEST_F(PetrarchMatcher, OddTextCodesWithoutCrashing) {
  for (const char* text : {"", ".", "'s", "N'T", "_ _ _", ",,,, and and", "Arnor", "restored",
                           "Arnor restored", "restored Gondor", "by by by Gondor was shot by",
                           "\xE2\x80\x99s Gondor\xE2\x80\x99s", "U.S. U.S.S.R. K.U."}) {
    auto events = CodeSentence(d_, TokenizeSentence(text), 0);
    EXPECT_LE(events.size(), 4u) << text;
  }
}

TEST(PetrarchCompose, AlignedDuplicateAgentCodesAreSkipped) {
  EXPECT_EQ(ComposeCode("USA", {{"GOV", false}}), "USAGOV");
  EXPECT_EQ(ComposeCode("USAGOV", {{"GOV", false}}), "USAGOV");
  EXPECT_EQ(ComposeCode("GMWGOV", {{"WGO", false}}), "GMWGOVWGO");  // not aligned: added
  EXPECT_EQ(ComposeCode("ARN", {{"NGO", true}, {"GOV", false}}), "NGOARNGOV");
  EXPECT_EQ(ComposeCode("", {{"EDU", false}}), "---EDU");
}

TEST(PetrarchCameo, WeightsAndQuadClasses) {
  EXPECT_EQ(CameoWeightOf("190").quad_class, 4);
  EXPECT_DOUBLE_EQ(CameoWeightOf("190").goldstein, -10.0);
  EXPECT_EQ(CameoWeightOf("064").quad_class, 2);
  EXPECT_EQ(CameoWeightOf("023").quad_class, 1);
  EXPECT_EQ(CameoWeightOf("1721").quad_class, 4);  // falls back to its root
  EXPECT_EQ(CameoWeightOf("+++").quad_class, 0);
  EXPECT_EQ(CameoRoot("174K"), "17");
}

TEST(PetrarchCoder, OpenPetrarchCoderCodesArticles) {
  auto dir = std::filesystem::temp_directory_path() / "sitrep_petrarch_test";
  std::filesystem::create_directories(dir);
  auto write = [&](const char* name, const char* text) {
    std::ofstream(dir / name) << text;
    return (dir / name).string();
  };
  std::vector<std::string> files{write("v.txt", kVerbs), write("a.txt", kActors),
                                 write("g.txt", kAgents)};
  auto coder = OpenPetrarchCoder(files);
  ASSERT_TRUE(coder.ok()) << coder.error();
  Article a;
  a.id = "rec-1";
  a.body = "The Gondor government restored ties with Arnor.";
  a.published = Date::FromYmd(1995, 1, 2);
  AnalyzedText text;
  Sentence whole;
  whole.end = static_cast<uint32_t>(a.body.size());
  text.sentences.push_back(whole);
  auto events = (*coder)->Code(a, text, ArticlePlaces{});
  ASSERT_EQ(events.size(), 1u);
  const Event& e = events[0];
  EXPECT_EQ(e.article.id, "rec-1");
  ASSERT_TRUE(e.source && e.target);
  EXPECT_EQ(e.source->code, "GONGOV");
  EXPECT_EQ(e.source->country, "GON");
  EXPECT_EQ(e.source->sector, "GOV");
  EXPECT_EQ(e.source->text, "Gondor government");
  EXPECT_EQ(e.target->code, "ARN");
  EXPECT_EQ(e.cameo, "064");
  EXPECT_EQ(e.root, "06");
  EXPECT_EQ(e.quad_class, 2);
  EXPECT_EQ(e.date.begin, Date::FromYmd(1995, 1, 2));
  EXPECT_EQ(e.evidence.sentence, a.body);
  EXPECT_FALSE(e.id.empty());
  EXPECT_EQ((*coder)->Code(a, text, ArticlePlaces{})[0].id, e.id);  // stable

  auto bad = OpenPetrarchCoder({write("bad.txt", "--- SIGN [081] ---\n- PACT [053]\n")});
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().find("bad.txt:2:"), std::string::npos) << bad.error();
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace sitrep::petrarch
