#include <gtest/gtest.h>

#include "text_test_util.h"

namespace sitrep {
namespace {

Sentence First(std::string_view body) {
  AnalyzedText a = Analyze(body, Date::FromYmd(2021, 7, 15));
  EXPECT_EQ(a.sentences.size(), 1u) << body;
  return a.sentences.empty() ? Sentence{} : a.sentences[0];
}

std::string Verdict(std::string_view body) {
  Sentence s = First(body);
  return std::string(s.negated ? "negated " : "") + std::string(ModalityName(s.modality));
}

std::vector<std::string> CueTexts(std::string_view body, CueKind kind) {
  std::vector<std::string> out;
  for (const Cue& c : First(body).cues)
    if (c.kind == kind) out.emplace_back(body.substr(c.start, c.end - c.start));
  return out;
}

TEST(Cues, ModalityNames) {
  EXPECT_EQ(ModalityName(Modality::kAsserted), "asserted");
  EXPECT_EQ(ModalityName(Modality::kHypothetical), "hypothetical");
  EXPECT_EQ(ModalityName(Modality::kFuture), "future");
  EXPECT_EQ(ModalityName(Modality::kQuestion), "question");
  EXPECT_EQ(ModalityName(Modality::kReported), "reported");
}

TEST(Cues, PlainStatementIsAsserted) {
  EXPECT_EQ(Verdict("14 rockets hit Ain al-Assad Air Base, wounding two soldiers."), "asserted");
}

TEST(Cues, NegatedSubject) {
  EXPECT_EQ(Verdict("No American soldiers have been killed in these attacks."), "negated asserted");
  EXPECT_EQ(Verdict("None of the rockets hit the base."), "negated asserted");
  EXPECT_EQ(Verdict("Neither side fired."), "negated asserted");
}

TEST(Cues, NegatedVerb) {
  EXPECT_EQ(Verdict("The attack has not been claimed."), "negated asserted");
  EXPECT_EQ(Verdict("Militias never attacked the convoy."), "negated asserted");
  EXPECT_EQ(Verdict("Iran denied involvement."), "negated asserted");
  EXPECT_EQ(Verdict("The drone failed to reach the base."), "negated asserted");
  EXPECT_EQ(CueTexts("The drone failed to reach the base.", CueKind::kNegation),
            (std::vector<std::string>{"failed to"}));
}

TEST(Cues, NegatedAndHypothetical) {
  std::string body =
      "The strikes aren't killing people, but they could, easily, if they want them to.";
  EXPECT_EQ(Verdict(body), "negated hypothetical");
  EXPECT_EQ(CueTexts(body, CueKind::kNegation), (std::vector<std::string>{"n't"}));
  EXPECT_EQ(CueTexts(body, CueKind::kHypothetical), (std::vector<std::string>{"could", "if"}));
}

TEST(Cues, ReportedAndHypothetical) {
  std::string body = "Trump said such a war would not be a good idea.";
  Sentence s = First(body);
  EXPECT_EQ(s.modality, Modality::kHypothetical);
  bool reported = false;
  for (const Cue& c : s.cues) reported = reported || c.kind == CueKind::kReported;
  EXPECT_TRUE(reported);
}

TEST(Cues, Question) {
  EXPECT_EQ(Verdict("Reporters asked Trump about whether the US was going to war with Iran."),
            "question");
  EXPECT_EQ(Verdict("Who fired the rockets?"), "question");
  EXPECT_EQ(Verdict("They asked him if the base was hit."), "question");
}

TEST(Cues, Future) {
  EXPECT_EQ(Verdict("The militias will attack again."), "future");
  EXPECT_EQ(Verdict("Iran threatened to retaliate."), "future");
  EXPECT_EQ(Verdict("The US plans to withdraw."), "future");
  EXPECT_EQ(Verdict("The group vowed to continue its attacks."), "future");
  EXPECT_EQ(Verdict("Washington is expected to respond."), "future");
  EXPECT_EQ(Verdict("They'll respond."), "future");
  EXPECT_EQ(Verdict("It was the will of the people."), "asserted");
}

TEST(Cues, Hypothetical) {
  EXPECT_EQ(Verdict("The strikes could escalate."), "hypothetical");
  EXPECT_EQ(Verdict("Iran may respond."), "hypothetical");
  EXPECT_EQ(Verdict("If attacked, Iran will respond."), "hypothetical");
  EXPECT_EQ(Verdict("Nothing happens unless they agree."), "negated hypothetical");
  EXPECT_EQ(Verdict("Troops stay in case of attack."), "hypothetical");
  EXPECT_EQ(Verdict("On May 5 rockets hit the base."), "asserted");
}

TEST(Cues, Reported) {
  EXPECT_EQ(Verdict("Rockets hit the base, officials said."), "reported");
  EXPECT_EQ(Verdict("According to the ministry, rockets hit the base."), "reported");
  EXPECT_EQ(Verdict("Rockets reportedly hit the base."), "reported");
  EXPECT_EQ(Verdict("The group claimed the attack."), "reported");
  EXPECT_EQ(Verdict("Iraq announced a curfew."), "reported");
}

TEST(Cues, ReportedNegationCountsForTheSentence) {
  EXPECT_EQ(Verdict("Officials said no soldiers were hurt."), "negated reported");
}

TEST(Cues, NegationOutsideTheMainClauseDoesNotNegate) {
  EXPECT_EQ(Verdict("The attack, which has not been claimed, killed three guards."), "asserted");
  EXPECT_EQ(Verdict("A drone targeted U.S. forces in Erbil, not far from the consulate."),
            "asserted");
  EXPECT_EQ(Verdict("Gunmen attacked without warning."), "asserted");
  EXPECT_EQ(Verdict("It is not only a military matter."), "asserted");
}

TEST(Cues, IdiomsAreNotNegation) {
  EXPECT_EQ(Verdict("Not to mention that rockets hit the base."), "asserted");
  EXPECT_EQ(Verdict("There is no doubt rockets hit the base."), "asserted");
}

TEST(Cues, ThatAfterAVerbOpensAComplement) {
  EXPECT_EQ(Verdict("Biden found that he could not withdraw."), "negated hypothetical");
}

TEST(Cues, CommaAsOpensASubordinateClause) {
  EXPECT_EQ(Verdict("Rockets hit the base, as talks are not going well."), "asserted");
}

TEST(Cues, LeadingSubordinateClause) {
  EXPECT_EQ(Verdict("When rockets hit the base, no one was hurt."), "negated asserted");
  EXPECT_EQ(Verdict("Although nobody was hurt, the base was damaged."), "asserted");
}

TEST(Cues, HypotheticalInRelativeClauseDoesNotChangeModality) {
  EXPECT_EQ(Verdict("Rockets hit a base that could host 500 troops."), "asserted");
}

TEST(Cues, ScopeEndsAtTheClause) {
  std::string body = "The strikes aren't killing people, but they could kill.";
  Sentence s = First(body);
  ASSERT_FALSE(s.cues.empty());
  const Cue& neg = s.cues[0];
  EXPECT_EQ(neg.kind, CueKind::kNegation);
  EXPECT_TRUE(neg.in_main_clause);
  EXPECT_EQ(body.substr(neg.scope_start, neg.scope_end - neg.scope_start),
            "The strikes aren't killing people,");
  uint32_t killing = static_cast<uint32_t>(body.find("killing"));
  uint32_t kill = static_cast<uint32_t>(body.rfind("kill"));
  EXPECT_TRUE(InCueScope(s, CueKind::kNegation, killing));
  EXPECT_FALSE(InCueScope(s, CueKind::kNegation, kill));
  EXPECT_TRUE(InCueScope(s, CueKind::kHypothetical, kill));
  EXPECT_FALSE(InCueScope(s, CueKind::kHypothetical, killing));
}

TEST(Cues, RelativeClauseScopeLeavesTheMainVerbOut) {
  std::string body = "The attack, which has not been claimed, killed three guards.";
  Sentence s = First(body);
  EXPECT_TRUE(InCueScope(s, CueKind::kNegation, static_cast<uint32_t>(body.find("claimed"))));
  EXPECT_FALSE(InCueScope(s, CueKind::kNegation, static_cast<uint32_t>(body.find("killed"))));
}

TEST(Cues, ReportingScopesOverTheWholeSentence) {
  std::string body = "Rockets hit the base, officials said.";
  Sentence s = First(body);
  EXPECT_TRUE(InCueScope(s, CueKind::kReported, static_cast<uint32_t>(body.find("hit"))));
}

}  // namespace
}  // namespace sitrep
