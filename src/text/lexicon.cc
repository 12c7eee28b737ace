#include "text/lexicon.h"

#include <algorithm>
#include <array>
#include <vector>

namespace sitrep {
namespace {

struct Row {
  std::string_view word;  // lower case
  Lex lex;
  int8_t value;
};

// Grouped for reading; hashed once on first use.
constexpr Row kRows[] = {
    // Months, full and abbreviated.
    {"january", Lex::kMonth, 1},
    {"jan", Lex::kMonth, 1},
    {"february", Lex::kMonth, 2},
    {"feb", Lex::kMonth, 2},
    {"march", Lex::kMonth, 3},
    {"mar", Lex::kMonth, 3},
    {"april", Lex::kMonth, 4},
    {"apr", Lex::kMonth, 4},
    {"may", Lex::kMonth, 5},
    {"june", Lex::kMonth, 6},
    {"jun", Lex::kMonth, 6},
    {"july", Lex::kMonth, 7},
    {"jul", Lex::kMonth, 7},
    {"august", Lex::kMonth, 8},
    {"aug", Lex::kMonth, 8},
    {"september", Lex::kMonth, 9},
    {"sep", Lex::kMonth, 9},
    {"sept", Lex::kMonth, 9},
    {"october", Lex::kMonth, 10},
    {"oct", Lex::kMonth, 10},
    {"november", Lex::kMonth, 11},
    {"nov", Lex::kMonth, 11},
    {"december", Lex::kMonth, 12},
    {"dec", Lex::kMonth, 12},
    // Weekdays.
    {"sunday", Lex::kWeekday, 0},
    {"monday", Lex::kWeekday, 1},
    {"tuesday", Lex::kWeekday, 2},
    {"wednesday", Lex::kWeekday, 3},
    {"thursday", Lex::kWeekday, 4},
    {"friday", Lex::kWeekday, 5},
    {"saturday", Lex::kWeekday, 6},
    // Cardinals.
    {"zero", Lex::kCardinal, 0},
    {"one", Lex::kCardinal, 1},
    {"two", Lex::kCardinal, 2},
    {"three", Lex::kCardinal, 3},
    {"four", Lex::kCardinal, 4},
    {"five", Lex::kCardinal, 5},
    {"six", Lex::kCardinal, 6},
    {"seven", Lex::kCardinal, 7},
    {"eight", Lex::kCardinal, 8},
    {"nine", Lex::kCardinal, 9},
    {"ten", Lex::kCardinal, 10},
    {"eleven", Lex::kCardinal, 11},
    {"twelve", Lex::kCardinal, 12},
    {"thirteen", Lex::kCardinal, 13},
    {"fourteen", Lex::kCardinal, 14},
    {"fifteen", Lex::kCardinal, 15},
    {"sixteen", Lex::kCardinal, 16},
    {"seventeen", Lex::kCardinal, 17},
    {"eighteen", Lex::kCardinal, 18},
    {"nineteen", Lex::kCardinal, 19},
    {"twenty", Lex::kCardinal, 20},
    {"thirty", Lex::kCardinal, 30},
    {"forty", Lex::kCardinal, 40},
    {"fifty", Lex::kCardinal, 50},
    {"sixty", Lex::kCardinal, 60},
    {"seventy", Lex::kCardinal, 70},
    {"eighty", Lex::kCardinal, 80},
    {"ninety", Lex::kCardinal, 90},
    {"hundred", Lex::kMultiplier, 2},
    {"thousand", Lex::kMultiplier, 3},
    {"million", Lex::kMultiplier, 6},
    {"billion", Lex::kMultiplier, 9},
    {"trillion", Lex::kMultiplier, 12},
    {"first", Lex::kOrdinal, 1},
    {"second", Lex::kOrdinal, 2},
    {"third", Lex::kOrdinal, 3},
    // Vague quantities.
    {"dozen", Lex::kDozen, 0},
    {"dozens", Lex::kDozens, 0},
    {"hundreds", Lex::kHundreds, 0},
    {"thousands", Lex::kThousands, 0},
    {"millions", Lex::kMillions, 0},
    {"scores", Lex::kScores, 0},
    {"tens", Lex::kTens, 0},
    // Determiners, pronouns.
    {"a", Lex::kA, 0},
    {"an", Lex::kAn, 0},
    {"the", Lex::kThe, 0},
    {"its", Lex::kPossessiveDet, 0},
    {"their", Lex::kPossessiveDet, 0},
    {"his", Lex::kPossessiveDet, 0},
    {"her", Lex::kPossessiveDet, 0},
    {"our", Lex::kPossessiveDet, 0},
    {"my", Lex::kPossessiveDet, 0},
    {"your", Lex::kPossessiveDet, 0},
    {"these", Lex::kDemonstrative, 0},
    {"those", Lex::kDemonstrative, 0},
    {"he", Lex::kPronoun, 0},
    {"she", Lex::kPronoun, 0},
    {"it", Lex::kPronoun, 0},
    {"they", Lex::kPronoun, 0},
    {"we", Lex::kPronoun, 0},
    {"i", Lex::kPronoun, 0},
    {"you", Lex::kPronoun, 0},
    {"there", Lex::kPronoun, 0},
    {"them", Lex::kPronoun, 0},
    {"him", Lex::kPronoun, 0},
    {"other", Lex::kPreposition, 0},
    // Prepositions.
    {"of", Lex::kOf, 0},
    {"in", Lex::kIn, 0},
    {"on", Lex::kOn, 0},
    {"at", Lex::kAt, 0},
    {"by", Lex::kBy, 0},
    {"for", Lex::kFor, 0},
    {"from", Lex::kFrom, 0},
    {"to", Lex::kTo, 0},
    {"with", Lex::kWith, 0},
    {"as", Lex::kAs, 0},
    {"over", Lex::kOver, 0},
    {"between", Lex::kBetween, 0},
    {"through", Lex::kThrough, 0},
    {"until", Lex::kUntil, 0},
    {"till", Lex::kUntil, 0},
    {"since", Lex::kSince, 0},
    {"during", Lex::kDuring, 0},
    {"after", Lex::kAfter, 0},
    {"before", Lex::kBefore, 0},
    {"about", Lex::kAbout, 0},
    {"around", Lex::kAround, 0},
    {"under", Lex::kUnder, 0},
    {"up", Lex::kUp, 0},
    {"into", Lex::kPreposition, 0},
    {"against", Lex::kPreposition, 0},
    {"near", Lex::kPreposition, 0},
    {"across", Lex::kPreposition, 0},
    {"among", Lex::kPreposition, 0},
    {"within", Lex::kPreposition, 0},
    {"along", Lex::kPreposition, 0},
    {"toward", Lex::kPreposition, 0},
    {"towards", Lex::kPreposition, 0},
    {"outside", Lex::kPreposition, 0},
    {"inside", Lex::kPreposition, 0},
    {"including", Lex::kPreposition, 0},
    {"per", Lex::kPreposition, 0},
    {"onto", Lex::kPreposition, 0},
    {"behind", Lex::kPreposition, 0},
    {"amid", Lex::kPreposition, 0},
    {"via", Lex::kPreposition, 0},
    {"off", Lex::kPreposition, 0},
    // Conjunctions, clause openers.
    {"and", Lex::kAnd, 0},
    {"or", Lex::kOr, 0},
    {"but", Lex::kBut, 0},
    {"while", Lex::kSubordinator, 0},
    {"although", Lex::kSubordinator, 0},
    {"though", Lex::kSubordinator, 0},
    {"because", Lex::kSubordinator, 0},
    {"whereas", Lex::kSubordinator, 0},
    {"when", Lex::kSubordinator, 0},
    {"yet", Lex::kSubordinator, 0},
    {"whether", Lex::kWhether, 0},
    {"if", Lex::kIf, 0},
    {"unless", Lex::kUnless, 0},
    {"that", Lex::kThat, 0},
    {"which", Lex::kRelative, 0},
    {"who", Lex::kRelative, 0},
    {"whom", Lex::kRelative, 0},
    {"whose", Lex::kRelative, 0},
    {"where", Lex::kRelative, 0},
    // Temporal words.
    {"ago", Lex::kAgo, 0},
    {"later", Lex::kLater, 0},
    {"earlier", Lex::kEarlier, 0},
    {"previous", Lex::kPrevious, 0},
    {"prior", Lex::kPrevious, 0},
    {"following", Lex::kFollowing, 0},
    {"next", Lex::kNext, 0},
    {"last", Lex::kLast, 0},
    {"this", Lex::kThis, 0},
    {"recent", Lex::kRecent, 0},
    {"past", Lex::kPast, 0},
    {"early", Lex::kEarly, 0},
    {"late", Lex::kLate, 0},
    {"mid", Lex::kMid, 0},
    {"same", Lex::kSame, 0},
    {"day", Lex::kDay, 0},
    {"days", Lex::kDays, 0},
    {"week", Lex::kWeek, 0},
    {"weeks", Lex::kWeeks, 0},
    {"month", Lex::kMonthNoun, 0},
    {"months", Lex::kMonths, 0},
    {"year", Lex::kYear, 0},
    {"years", Lex::kYears, 0},
    {"weekend", Lex::kWeekend, 0},
    {"yesterday", Lex::kYesterday, 0},
    {"today", Lex::kToday, 0},
    {"tonight", Lex::kTonight, 0},
    {"tomorrow", Lex::kTomorrow, 0},
    {"night", Lex::kPartOfDay, 0},
    {"morning", Lex::kPartOfDay, 0},
    {"afternoon", Lex::kPartOfDay, 0},
    {"evening", Lex::kPartOfDay, 0},
    {"overnight", Lex::kPartOfDay, 0},
    {"dawn", Lex::kPartOfDay, 0},
    {"am", Lex::kTimeSuffix, 0},
    {"pm", Lex::kTimeSuffix, 0},
    {"a.m", Lex::kTimeSuffix, 0},
    {"p.m", Lex::kTimeSuffix, 0},
    {"gmt", Lex::kTimeSuffix, 0},
    {"utc", Lex::kTimeSuffix, 0},
    {"hrs", Lex::kTimeSuffix, 0},
    {"few", Lex::kFew, 0},
    {"several", Lex::kSeveral, 0},
    // Quantity modifiers.
    {"least", Lex::kLeast, 0},
    {"more", Lex::kMore, 0},
    {"than", Lex::kThan, 0},
    {"nearly", Lex::kNearly, 0},
    {"almost", Lex::kNearly, 0},
    {"approximately", Lex::kApproximately, 0},
    {"roughly", Lex::kApproximately, 0},
    {"some", Lex::kApproximately, 0},
    {"estimated", Lex::kApproximately, 0},
    {"percent", Lex::kPercent, 0},
    // Negation.
    {"no", Lex::kNo, 0},
    {"not", Lex::kNot, 0},
    {"n't", Lex::kNot, 0},
    {"never", Lex::kNever, 0},
    {"none", Lex::kNoneOf, 0},
    {"neither", Lex::kNeither, 0},
    {"nor", Lex::kNor, 0},
    {"without", Lex::kWithout, 0},
    {"nobody", Lex::kNobody, 0},
    {"nothing", Lex::kNobody, 0},
    {"cannot", Lex::kNobody, 0},
    {"denied", Lex::kDeny, 0},
    {"denies", Lex::kDeny, 0},
    {"deny", Lex::kDeny, 0},
    {"denying", Lex::kDeny, 0},
    {"failed", Lex::kFail, 0},
    {"fails", Lex::kFail, 0},
    {"fail", Lex::kFail, 0},
    // Hypothetical and future.
    {"could", Lex::kModal, 0},
    {"might", Lex::kModal, 0},
    {"may", Lex::kModal, 0},
    {"would", Lex::kModal, 0},
    {"should", Lex::kModal, 0},
    {"'d", Lex::kModal, 0},
    {"case", Lex::kCase, 0},
    {"will", Lex::kWill, 0},
    {"'ll", Lex::kWill, 0},
    {"shall", Lex::kWill, 0},
    {"wo", Lex::kWill, 0},
    {"going", Lex::kGoing, 0},
    {"plans", Lex::kIntendVerb, 0},
    {"plan", Lex::kIntendVerb, 0},
    {"planned", Lex::kIntendVerb, 0},
    {"planning", Lex::kIntendVerb, 0},
    {"threatened", Lex::kIntendVerb, 0},
    {"threatens", Lex::kIntendVerb, 0},
    {"threaten", Lex::kIntendVerb, 0},
    {"threatening", Lex::kIntendVerb, 0},
    {"vowed", Lex::kIntendVerb, 0},
    {"vows", Lex::kIntendVerb, 0},
    {"vow", Lex::kIntendVerb, 0},
    {"pledged", Lex::kIntendVerb, 0},
    {"pledges", Lex::kIntendVerb, 0},
    {"promised", Lex::kIntendVerb, 0},
    {"promises", Lex::kIntendVerb, 0},
    {"intends", Lex::kIntendVerb, 0},
    {"intend", Lex::kIntendVerb, 0},
    {"intended", Lex::kIntendVerb, 0},
    {"aims", Lex::kIntendVerb, 0},
    {"vowing", Lex::kIntendVerb, 0},
    {"expected", Lex::kExpected, 0},
    {"likely", Lex::kExpected, 0},
    {"poised", Lex::kExpected, 0},
    {"set", Lex::kExpected, 0},
    {"prepared", Lex::kPrepared, 0},
    {"ready", Lex::kPrepared, 0},
    {"asked", Lex::kAsk, 0},
    {"asks", Lex::kAsk, 0},
    {"ask", Lex::kAsk, 0},
    {"asking", Lex::kAsk, 0},
    {"wondered", Lex::kAsk, 0},
    // Reporting.
    {"said", Lex::kReport, 0},
    {"says", Lex::kReport, 0},
    {"say", Lex::kReport, 0},
    {"saying", Lex::kReport, 0},
    {"told", Lex::kReport, 0},
    {"tells", Lex::kReport, 0},
    {"reported", Lex::kReport, 0},
    {"reports", Lex::kReport, 0},
    {"claimed", Lex::kReport, 0},
    {"claims", Lex::kReport, 0},
    {"claiming", Lex::kReport, 0},
    {"announced", Lex::kReport, 0},
    {"announces", Lex::kReport, 0},
    {"stated", Lex::kReport, 0},
    {"added", Lex::kReport, 0},
    {"adds", Lex::kReport, 0},
    {"explained", Lex::kReport, 0},
    {"explains", Lex::kReport, 0},
    {"noted", Lex::kReport, 0},
    {"notes", Lex::kReport, 0},
    {"alleged", Lex::kReport, 0},
    {"confirmed", Lex::kReport, 0},
    {"wrote", Lex::kReport, 0},
    {"writes", Lex::kReport, 0},
    {"tweeted", Lex::kReport, 0},
    {"insisted", Lex::kReport, 0},
    {"warned", Lex::kReport, 0},
    {"acknowledged", Lex::kReport, 0},
    {"declared", Lex::kReport, 0},
    {"quoted", Lex::kReport, 0},
    {"stressed", Lex::kReport, 0},
    {"reportedly", Lex::kReportAdverb, 0},
    {"allegedly", Lex::kReportAdverb, 0},
    {"purportedly", Lex::kReportAdverb, 0},
    {"according", Lex::kAccording, 0},
    // Auxiliaries.
    {"is", Lex::kBe, 0},
    {"are", Lex::kBe, 0},
    {"was", Lex::kBe, 0},
    {"were", Lex::kBe, 0},
    {"be", Lex::kBe, 0},
    {"been", Lex::kBe, 0},
    {"being", Lex::kBe, 0},
    {"'re", Lex::kBe, 0},
    {"'m", Lex::kBe, 0},
    {"has", Lex::kHave, 0},
    {"have", Lex::kHave, 0},
    {"had", Lex::kHave, 0},
    {"'ve", Lex::kHave, 0},
    {"do", Lex::kDo, 0},
    {"does", Lex::kDo, 0},
    {"did", Lex::kDo, 0},
    {"ca", Lex::kModal, 0},
    {"can", Lex::kModal, 0},
    // Common verbs that follow a counted noun.
    {"hit", Lex::kVerb, 0},
    {"struck", Lex::kVerb, 0},
    {"killed", Lex::kVerb, 0},
    {"wounded", Lex::kVerb, 0},
    {"injured", Lex::kVerb, 0},
    {"died", Lex::kVerb, 0},
    {"fell", Lex::kVerb, 0},
    {"landed", Lex::kVerb, 0},
    {"exploded", Lex::kVerb, 0},
    {"attacked", Lex::kVerb, 0},
    {"targeted", Lex::kVerb, 0},
    {"launched", Lex::kVerb, 0},
    {"fired", Lex::kVerb, 0},
    {"left", Lex::kVerb, 0},
    {"remain", Lex::kVerb, 0},
    {"remained", Lex::kVerb, 0},
    {"arrested", Lex::kVerb, 0},
    {"detained", Lex::kVerb, 0},
    {"dead", Lex::kVerb, 0},
    {"missing", Lex::kVerb, 0},
    {"kill", Lex::kVerb, 0},
    {"got", Lex::kVerb, 0},
    {"went", Lex::kVerb, 0},
    {"came", Lex::kVerb, 0},
    {"took", Lex::kVerb, 0},
    {"held", Lex::kVerb, 0},
    {"stormed", Lex::kVerb, 0},
    // Titles and other abbreviations that keep their period.
    {"mr", Lex::kTitle, 0},
    {"mrs", Lex::kTitle, 0},
    {"ms", Lex::kTitle, 0},
    {"dr", Lex::kTitle, 0},
    {"prof", Lex::kTitle, 0},
    {"gen", Lex::kTitle, 0},
    {"lt", Lex::kTitle, 0},
    {"col", Lex::kTitle, 0},
    {"maj", Lex::kTitle, 0},
    {"capt", Lex::kTitle, 0},
    {"sgt", Lex::kTitle, 0},
    {"cpl", Lex::kTitle, 0},
    {"pvt", Lex::kTitle, 0},
    {"adm", Lex::kTitle, 0},
    {"brig", Lex::kTitle, 0},
    {"cmdr", Lex::kTitle, 0},
    {"gov", Lex::kTitle, 0},
    {"sen", Lex::kTitle, 0},
    {"rep", Lex::kTitle, 0},
    {"rev", Lex::kTitle, 0},
    {"hon", Lex::kTitle, 0},
    {"st", Lex::kTitle, 0},
    {"mt", Lex::kTitle, 0},
    {"ft", Lex::kTitle, 0},
    {"pres", Lex::kTitle, 0},
    {"gens", Lex::kTitle, 0},
    {"lieut", Lex::kTitle, 0},
    {"sgt", Lex::kTitle, 0},
    {"cmdt", Lex::kTitle, 0},
    {"supt", Lex::kTitle, 0},
    {"e.g", Lex::kTitle, 0},
    {"i.e", Lex::kTitle, 0},
    {"approx", Lex::kTitle, 0},
    {"etc", Lex::kEtc, 0},
    {"vs", Lex::kEtc, 0},
    {"inc", Lex::kEtc, 0},
    {"ltd", Lex::kEtc, 0},
    {"co", Lex::kEtc, 0},
    {"corp", Lex::kEtc, 0},
    {"jr", Lex::kEtc, 0},
    {"sr", Lex::kEtc, 0},
    {"nos", Lex::kNumberSign, 0},
    {"art", Lex::kNumberSign, 0},
    {"vol", Lex::kNumberSign, 0},
    {"fig", Lex::kNumberSign, 0},
    // Nouns naming a numbered thing.
    {"brigade", Lex::kIdentifierNoun, 0},
    {"division", Lex::kIdentifierNoun, 0},
    {"route", Lex::kIdentifierNoun, 0},
    {"tower", Lex::kIdentifierNoun, 0},
    {"highway", Lex::kIdentifierNoun, 0},
    {"battalion", Lex::kIdentifierNoun, 0},
    {"regiment", Lex::kIdentifierNoun, 0},
    {"resolution", Lex::kIdentifierNoun, 0},
    {"article", Lex::kIdentifierNoun, 0},
    {"flight", Lex::kIdentifierNoun, 0},
    {"camp", Lex::kIdentifierNoun, 0},
    {"road", Lex::kIdentifierNoun, 0},
    {"chapter", Lex::kIdentifierNoun, 0},
    {"section", Lex::kIdentifierNoun, 0},
    {"page", Lex::kIdentifierNoun, 0},
    {"sector", Lex::kIdentifierNoun, 0},
    {"zone", Lex::kIdentifierNoun, 0},
    {"gate", Lex::kIdentifierNoun, 0},
    {"squadron", Lex::kIdentifierNoun, 0},
    {"corps", Lex::kIdentifierNoun, 0},
    {"fleet", Lex::kIdentifierNoun, 0},
    {"precinct", Lex::kIdentifierNoun, 0},
    {"block", Lex::kIdentifierNoun, 0},
    {"building", Lex::kIdentifierNoun, 0},
    {"room", Lex::kIdentifierNoun, 0},
    {"number", Lex::kIdentifierNoun, 0},
    {"station", Lex::kIdentifierNoun, 0},
    {"level", Lex::kIdentifierNoun, 0},
    {"phase", Lex::kIdentifierNoun, 0},
    {"category", Lex::kIdentifierNoun, 0},
    {"terminal", Lex::kIdentifierNoun, 0},
    {"checkpoint", Lex::kIdentifierNoun, 0},
    {"street", Lex::kIdentifierNoun, 0},
    {"platform", Lex::kIdentifierNoun, 0},
    {"hangar", Lex::kIdentifierNoun, 0},
    {"runway", Lex::kIdentifierNoun, 0},
    {"exit", Lex::kIdentifierNoun, 0},
    {"line", Lex::kIdentifierNoun, 0},
    {"unit", Lex::kIdentifierNoun, 0},
    {"district", Lex::kIdentifierNoun, 0},
    {"army", Lex::kIdentifierNoun, 0},

    {"model", Lex::kIdentifierNoun, 0},
    {"version", Lex::kIdentifierNoun, 0},
    {"item", Lex::kIdentifierNoun, 0},
    {"paragraph", Lex::kIdentifierNoun, 0},
    {"bloc", Lex::kIdentifierNoun, 0},
    {"hall", Lex::kIdentifierNoun, 0},
};

uint32_t Hash(std::string_view s) {
  uint32_t h = 2166136261u;  // FNV-1a
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return h;
}

// Open addressing over a power-of-two table at most a quarter full, so a miss (the common case:
// open-class words) costs one hash and usually one empty slot.
class Table {
 public:
  Table() {
    size_t size = 1;
    while (size < 4 * std::size(kRows)) size *= 2;
    slots_.assign(size, nullptr);
    mask_ = static_cast<uint32_t>(size - 1);
    for (const Row& row : kRows) {
      uint32_t k = Hash(row.word) & mask_;
      while (slots_[k] && slots_[k]->word != row.word) k = (k + 1) & mask_;
      if (!slots_[k]) slots_[k] = &row;  // a duplicate keeps its first listing
    }
  }

  // `hash`: Hash(key), which the caller computes as it lower-cases the word.
  const Row* Find(std::string_view key, uint32_t hash) const {
    for (uint32_t k = hash & mask_; slots_[k]; k = (k + 1) & mask_)
      if (slots_[k]->word == key) return slots_[k];
    return nullptr;
  }

 private:
  std::vector<const Row*> slots_;
  uint32_t mask_ = 0;
};

const Table& GetTable() {
  static const Table table;
  return table;
}

}  // namespace

LexEntry LookUp(std::string_view word) {
  if (!word.empty() && word.back() == '.') word.remove_suffix(1);
  constexpr size_t kLongest = 16;
  if (word.empty() || word.size() > kLongest) return {};
  std::array<char, kLongest> lower;
  uint32_t hash = 2166136261u;  // Hash() of the lower-cased word, in the same pass
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    lower[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    hash = (hash ^ static_cast<unsigned char>(lower[i])) * 16777619u;
  }
  std::string_view key(lower.data(), word.size());
  const Row* row = GetTable().Find(key, hash);
  if (!row) return {};
  return {row->lex, row->value};
}

bool IsSentenceStarter(Lex lex) {
  switch (lex) {
    case Lex::kA:
    case Lex::kAn:
    case Lex::kThe:
    case Lex::kPossessiveDet:
    case Lex::kDemonstrative:
    case Lex::kPronoun:
    case Lex::kThis:
    case Lex::kThat:
    case Lex::kBut:
    case Lex::kAnd:
    case Lex::kSubordinator:
    case Lex::kIf:
    case Lex::kIn:
    case Lex::kOn:
    case Lex::kAt:
    case Lex::kAfter:
    case Lex::kBefore:
    case Lex::kSince:
    case Lex::kDuring:
    case Lex::kAccording:
    case Lex::kNo:
    case Lex::kCardinal:
    case Lex::kTitle:
    case Lex::kFor:
    case Lex::kAs:
    case Lex::kBy:
    case Lex::kFrom:
    case Lex::kWith:
    case Lex::kRelative:
    case Lex::kLast:
    case Lex::kYesterday:
    case Lex::kToday:
    case Lex::kApproximately:
    case Lex::kNearly:
    case Lex::kMore:
    case Lex::kDozens:
    case Lex::kHundreds:
    case Lex::kThousands:
    case Lex::kSeveral:
    case Lex::kReportAdverb:
    case Lex::kNoneOf:
    case Lex::kNeither:
    case Lex::kUntil:
      return true;
    default:
      return false;
  }
}

bool EndsNounPhrase(Lex lex) {
  switch (lex) {
    case Lex::kOf:
    case Lex::kIn:
    case Lex::kOn:
    case Lex::kAt:
    case Lex::kBy:
    case Lex::kFor:
    case Lex::kFrom:
    case Lex::kTo:
    case Lex::kWith:
    case Lex::kAs:
    case Lex::kOver:
    case Lex::kBetween:
    case Lex::kThrough:
    case Lex::kUntil:
    case Lex::kSince:
    case Lex::kDuring:
    case Lex::kAfter:
    case Lex::kBefore:
    case Lex::kAbout:
    case Lex::kAround:
    case Lex::kUnder:
    case Lex::kUp:
    case Lex::kPreposition:
    case Lex::kAnd:
    case Lex::kOr:
    case Lex::kBut:
    case Lex::kSubordinator:
    case Lex::kWhether:
    case Lex::kIf:
    case Lex::kUnless:
    case Lex::kThat:
    case Lex::kRelative:
    case Lex::kBe:
    case Lex::kHave:
    case Lex::kDo:
    case Lex::kModal:
    case Lex::kWill:
    case Lex::kVerb:
    case Lex::kReport:
    case Lex::kReportAdverb:
    case Lex::kA:
    case Lex::kAn:
    case Lex::kThe:
    case Lex::kPossessiveDet:
    case Lex::kPronoun:
    case Lex::kNot:
    case Lex::kNo:
    case Lex::kNever:
    case Lex::kAgo:
    case Lex::kLater:
    case Lex::kEarlier:
    case Lex::kYesterday:
    case Lex::kToday:
    case Lex::kTonight:
    case Lex::kTomorrow:
    case Lex::kWeekday:
    case Lex::kMonth:
    case Lex::kAccording:
    case Lex::kDeny:
    case Lex::kFail:
    case Lex::kThan:
    case Lex::kDemonstrative:
    case Lex::kThis:
      return true;
    default:
      return false;
  }
}

}  // namespace sitrep
