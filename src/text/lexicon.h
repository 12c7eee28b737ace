// The closed-class, temporal, quantity and cue vocabulary of the text stage. Every word token is
// looked up once and carries a Lex id, so the later passes (dates, numbers, cues) compare small
// integers instead of strings.
#pragma once

#include <cstdint>
#include <string_view>

namespace sitrep {

enum class Lex : uint8_t {
  kNone = 0,
  // Values in Token::lex_value.
  kMonth,       // 1..12
  kWeekday,     // 0..6, Sunday = 0
  kCardinal,    // 0..90: "zero" … "ninety"
  kMultiplier,  // power of ten: hundred 2, thousand 3, million 6, billion 9
  kOrdinal,     // 1..31: "first" … "thirty-first" style single words ("first", "second", "third")
  // Vague quantities.
  kDozen,
  kDozens,
  kHundreds,
  kThousands,
  kMillions,
  kScores,
  kTens,
  // Determiners and pronouns.
  kA,
  kAn,
  kThe,
  kPossessiveDet,  // its, their, his, her, our, my, your
  kDemonstrative,  // this, these, those ("that" is kThat)
  kPronoun,        // he, she, it, they, we, i, you, there
  // Prepositions.
  kOf,
  kIn,
  kOn,
  kAt,
  kBy,
  kFor,
  kFrom,
  kTo,
  kWith,
  kAs,
  kOver,
  kBetween,
  kThrough,
  kUntil,
  kSince,
  kDuring,
  kAfter,
  kBefore,
  kAbout,
  kAround,
  kUnder,
  kUp,
  kPreposition,  // any other: into, against, near, across, among, within, along, toward …
  // Conjunctions and clause openers.
  kAnd,
  kOr,
  kBut,
  kSubordinator,  // while, although, though, because, whereas, when
  kWhether,
  kIf,
  kUnless,
  kThat,
  kRelative,  // which, who, whom, whose, where
  // Temporal nouns and modifiers.
  kAgo,
  kLater,
  kEarlier,
  kPrevious,
  kFollowing,
  kNext,
  kLast,
  kThis,
  kRecent,
  kPast,
  kEarly,
  kLate,
  kMid,
  kSame,
  kDay,
  kDays,
  kWeek,
  kWeeks,
  kMonthNoun,
  kMonths,
  kYear,
  kYears,
  kWeekend,
  kYesterday,
  kToday,
  kTonight,
  kTomorrow,
  kPartOfDay,   // night, morning, afternoon, evening, overnight, dawn
  kTimeSuffix,  // am, pm, a.m., p.m., gmt, utc, hrs
  kFew,
  kSeveral,
  // Quantity modifiers.
  kLeast,
  kMore,
  kThan,
  kNearly,         // nearly, almost
  kApproximately,  // approximately, roughly, some, estimated
  kPercent,
  // Cues.
  kNo,
  kNot,  // not, n't
  kNever,
  kNoneOf,  // none
  kNeither,
  kNor,
  kWithout,
  kNobody,  // nobody, nothing, cannot
  kDeny,    // denied, denies, deny, denying
  kFail,    // failed, fails, fail
  kModal,   // could, might, may, would, should, 'd
  kCase,
  kWill,  // will, 'll, shall, wo (of "won't")
  kGoing,
  kIntendVerb,    // plans, planned, threatened, vowed, pledged, promised, intends, aims …
  kExpected,      // expected, likely, poised, set
  kPrepared,      // prepared, ready
  kAsk,           // asked, asks, ask
  kReport,        // said, says, told, reported, claimed, announced, stated, added …
  kReportAdverb,  // reportedly, allegedly
  kAccording,
  kBe,
  kHave,
  kDo,
  kVerb,  // common past-tense and event verbs that end a noun phrase: hit, killed, wounded …
  // Words that take a period without ending the sentence.
  kTitle,       // Mr, Mrs, Ms, Dr, Prof, Gen, Lt, Col, Maj, Capt, Sgt, … (with their period)
  kEtc,         // etc, vs, inc, ltd, co, corp, jr, sr: may end a sentence
  kNumberSign,  // No, Nos, Art, Vol, Fig (before a digit)
  // Nouns after which a number is a name, not a count: "brigade 14", "route 1".
  kIdentifierNoun,
};

// Looks `word` up ignoring ASCII case; a trailing period is ignored. kNone when not listed.
struct LexEntry {
  Lex lex = Lex::kNone;
  int8_t value = 0;
};
LexEntry LookUp(std::string_view word);

// Words a sentence often starts with: used to decide whether "U.S." before it ends a sentence.
bool IsSentenceStarter(Lex lex);
// Function words that end a noun phrase when searching for a number's head noun.
bool EndsNounPhrase(Lex lex);

}  // namespace sitrep
