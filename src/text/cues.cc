#include "text/cues.h"

namespace sitrep {
namespace {

enum class Clause : uint8_t { kMain, kCoordinate, kSubordinate, kRelative, kComplement };

struct Segment {
  uint32_t begin = 0;  // token indices, end exclusive
  uint32_t end = 0;
  Clause kind = Clause::kMain;
};

bool OpensSubordinate(Lex lex) {
  return lex == Lex::kSubordinator || lex == Lex::kIf || lex == Lex::kUnless ||
         lex == Lex::kWhether;
}

class CueFinder {
 public:
  CueFinder(std::string_view body, Sentence& s, const std::vector<uint8_t>& taken)
      : body_(body), s_(s), t_(s.tokens), taken_(taken) {}

  void Run() {
    if (t_.empty()) return;
    SplitClauses();
    for (uint32_t i = 0; i < t_.size(); ++i) {
      if (taken_[i]) continue;
      if (auto kind = CueAt(i)) Add(i, *kind);
    }
    Decide();
  }

 private:
  Lex L(uint32_t i) const { return i < t_.size() ? t_[i].lex : Lex::kNone; }
  bool Text(uint32_t i, std::string_view s) const {
    return i < t_.size() && TokenText(body_, t_[i]) == s;
  }
  bool Comma(uint32_t i) const { return Text(i, ","); }
  bool NextIs(uint32_t i, std::string_view lower) const {
    return i + 1 < t_.size() && TokenIs(body_, t_[i + 1], lower);
  }

  void Open(uint32_t i, Clause kind) {
    if (!segments_.empty()) {
      if (segments_.back().begin == i) {
        segments_.back().kind = kind;
        return;
      }
      segments_.back().end = i;
    }
    segments_.push_back({i, static_cast<uint32_t>(t_.size()), kind});
  }

  // Cuts the sentence into clause segments; a relative or mid-sentence subordinate clause closed
  // by a comma gives way to the clause it interrupted.
  void SplitClauses() {
    const uint32_t n = static_cast<uint32_t>(t_.size());
    bool leading_subordinate = OpensSubordinate(L(0));
    Open(0, leading_subordinate ? Clause::kSubordinate : Clause::kMain);
    Clause resume = Clause::kMain;
    bool seen_main = !leading_subordinate;
    for (uint32_t i = 1; i < n; ++i) {
      Clause current = segments_.back().kind;
      Lex lex = L(i);
      if (Text(i, ";")) {
        Open(i + 1 < n ? i + 1 : i, Clause::kCoordinate);
      } else if (lex == Lex::kBut ||
                 ((lex == Lex::kAnd || lex == Lex::kOr) && Comma(i - 1) && StartsClause(i + 1))) {
        Open(i, Clause::kCoordinate);
      } else if ((OpensSubordinate(lex) && !(lex == Lex::kWhether && L(i + 1) == Lex::kOr)) ||
                 (lex == Lex::kAs && Comma(i - 1))) {
        if (current != Clause::kSubordinate && current != Clause::kRelative) resume = current;
        Open(i, lex == Lex::kWhether ? Clause::kComplement : Clause::kSubordinate);
      } else if (lex == Lex::kRelative || (lex == Lex::kThat && AfterNoun(i))) {
        if (current != Clause::kSubordinate && current != Clause::kRelative) resume = current;
        Open(i, Clause::kRelative);
      } else if (lex == Lex::kReport && i + 1 < n && !Comma(i + 1) && !Text(i + 1, ".") &&
                 (current == Clause::kMain || current == Clause::kCoordinate)) {
        Open(i + 1, Clause::kComplement);
      } else if (Comma(i) && i + 1 < n) {
        if (!seen_main && current == Clause::kSubordinate) {
          seen_main = true;
          Open(i + 1, Clause::kMain);
        } else if (current == Clause::kRelative || current == Clause::kSubordinate) {
          Open(i + 1, resume);
        }
      }
    }
  }

  // A pronoun, determiner or capitalized name after ", and" suggests a new clause.
  bool StartsClause(uint32_t i) const {
    Lex lex = L(i);
    return lex == Lex::kPronoun || lex == Lex::kThe || lex == Lex::kPossessiveDet ||
           lex == Lex::kDemonstrative || lex == Lex::kNo ||
           (i < t_.size() && t_[i].Has(kCapitalized));
  }

  // "that" right after a noun opens a relative clause ("the base that could host"); after a
  // verb it opens a complement ("said that").
  bool AfterNoun(uint32_t i) const {
    if (i == 0) return false;
    const Token& prev = t_[i - 1];
    if (prev.kind != TokenKind::kWord || prev.lex != Lex::kNone) return false;
    std::string_view s = TokenText(body_, prev);
    bool verbish =
        s.size() > 3 && (s.substr(s.size() - 2) == "ed" || s.substr(s.size() - 3) == "ing");
    return !verbish && !TakesThatClause(prev);
  }

  // Verbs and adjectives whose "that" opens a complement, not a relative clause.
  bool TakesThatClause(const Token& t) const {
    static constexpr std::string_view kWords[] = {
        "argue",      "argues", "believe", "believes", "clear",    "feel",    "feels",  "fear",
        "fears",      "found",  "hope",    "hopes",    "know",     "knew",    "knows",  "means",
        "seems",      "show",   "shows",   "suggest",  "suggests", "think",   "thinks", "thought",
        "understand", "agree",  "agrees",  "learn",    "realize",  "realise", "insist", "insists",
        "warn",       "warns",  "fact",    "evident",  "sure",     "certain", "likely", "possible",
        "true",       "so",     "such"};
    for (std::string_view w : kWords)
      if (TokenIs(body_, t, w)) return true;
    return false;
  }

  const Segment& SegmentOf(uint32_t i) const {
    for (const Segment& seg : segments_)
      if (i >= seg.begin && i < seg.end) return seg;
    return segments_.back();
  }

  std::optional<CueKind> CueAt(uint32_t i) const {
    const Token& t = t_[i];
    if (t.kind == TokenKind::kPunct) {
      if (Text(i, "?")) return CueKind::kQuestion;
      return std::nullopt;
    }
    if (t.kind != TokenKind::kWord) return std::nullopt;
    switch (t.lex) {
      case Lex::kNo:
        if (t.Has(kAbbreviation) || NextIs(i, "doubt") || NextIs(i, "matter") ||
            NextIs(i, "longer"))
          return std::nullopt;
        return CueKind::kNegation;
      case Lex::kNot:
        if (NextIs(i, "only") || NextIs(i, "just") || NextIs(i, "far") || NextIs(i, "least") ||
            NextIs(i, "merely") ||
            (L(i + 1) == Lex::kTo && i + 2 < t_.size() && TokenIs(body_, t_[i + 2], "mention")))
          return std::nullopt;
        return CueKind::kNegation;
      case Lex::kNever:
      case Lex::kNoneOf:
      case Lex::kNeither:
      case Lex::kNor:
      case Lex::kWithout:
      case Lex::kNobody:
      case Lex::kDeny:
        return CueKind::kNegation;
      case Lex::kFail:
        return L(i + 1) == Lex::kTo ? std::optional(CueKind::kNegation) : std::nullopt;
      case Lex::kModal:
        if (TokenIs(body_, t, "can") || TokenIs(body_, t, "ca")) return std::nullopt;
        return CueKind::kHypothetical;
      case Lex::kMonth:  // "may" the modal: dates took every "May" that is a month
        if (TokenIs(body_, t, "may") && (!t.Has(kCapitalized) || i == 0))
          return CueKind::kHypothetical;
        return std::nullopt;
      case Lex::kIf:
        if (AskedBefore(i)) return CueKind::kQuestion;
        return CueKind::kHypothetical;
      case Lex::kUnless:
        return CueKind::kHypothetical;
      case Lex::kCase:
        return i > 0 && L(i - 1) == Lex::kIn ? std::optional(CueKind::kHypothetical) : std::nullopt;
      case Lex::kWill:
        if (i > 0 && (L(i - 1) == Lex::kThe || L(i - 1) == Lex::kPossessiveDet ||
                      L(i - 1) == Lex::kA || L(i - 1) == Lex::kOf))
          return std::nullopt;  // "the will of the people"
        if (TokenIs(body_, t, "wo") && L(i + 1) != Lex::kNot) return std::nullopt;
        return CueKind::kFuture;
      case Lex::kGoing:
      case Lex::kIntendVerb:
      case Lex::kExpected:
      case Lex::kPrepared:
        return L(i + 1) == Lex::kTo ? std::optional(CueKind::kFuture) : std::nullopt;
      case Lex::kAbout:
        return i > 0 && L(i - 1) == Lex::kBe && L(i + 1) == Lex::kTo
                   ? std::optional(CueKind::kFuture)
                   : std::nullopt;
      case Lex::kWhether:
        return CueKind::kQuestion;
      case Lex::kReport:
        // A passive "was claimed by" is about the claim, not reported speech; "is said to" is.
        if (i > 0 && L(i - 1) == Lex::kBe && !TokenIs(body_, t, "said")) return std::nullopt;
        return CueKind::kReported;
      case Lex::kReportAdverb:
        return CueKind::kReported;
      case Lex::kAccording:
        return L(i + 1) == Lex::kTo ? std::optional(CueKind::kReported) : std::nullopt;
      default:
        return std::nullopt;
    }
  }

  bool AskedBefore(uint32_t i) const {
    for (uint32_t k = i >= 4 ? i - 4 : 0; k < i; ++k)
      if (L(k) == Lex::kAsk) return true;
    return false;
  }

  void Add(uint32_t i, CueKind kind) {
    Cue c;
    c.start = t_[i].start;
    uint32_t last = i;
    // Two-word cues: "according to", "failed to", "plans to", "in case", "none of".
    if ((kind == CueKind::kReported && L(i) == Lex::kAccording) ||
        (kind == CueKind::kNegation && L(i) == Lex::kFail) ||
        (kind == CueKind::kFuture && L(i + 1) == Lex::kTo) ||
        (kind == CueKind::kNegation && L(i) == Lex::kNoneOf && L(i + 1) == Lex::kOf))
      last = i + 1;
    if (kind == CueKind::kHypothetical && L(i) == Lex::kCase) c.start = t_[i - 1].start;
    c.end = t_[last].end;
    c.kind = kind;
    const Segment& seg = SegmentOf(i);
    c.in_main_clause = seg.kind == Clause::kMain || seg.kind == Clause::kComplement;
    bool whole =
        kind == CueKind::kReported || (kind == CueKind::kQuestion && L(i) != Lex::kWhether);
    c.scope_start = whole ? s_.start : t_[seg.begin].start;
    c.scope_end = whole ? s_.end : t_[seg.end - 1].end;
    s_.cues.push_back(c);
    cue_clause_.push_back(seg.kind);
    cue_lex_.push_back(L(i));
  }

  void Decide() {
    int best = 0;  // 0 asserted, 1 reported, 2 future, 3 hypothetical, 4 question
    for (size_t k = 0; k < s_.cues.size(); ++k) {
      const Cue& c = s_.cues[k];
      if (c.kind == CueKind::kNegation) {
        if (c.in_main_clause && cue_lex_[k] != Lex::kWithout) s_.negated = true;
        continue;
      }
      if (cue_clause_[k] == Clause::kRelative) continue;
      int rank = c.kind == CueKind::kQuestion       ? 4
                 : c.kind == CueKind::kHypothetical ? 3
                 : c.kind == CueKind::kFuture       ? 2
                                                    : 1;
      if (rank > best) best = rank;
    }
    static constexpr Modality kByRank[] = {Modality::kAsserted, Modality::kReported,
                                           Modality::kFuture, Modality::kHypothetical,
                                           Modality::kQuestion};
    s_.modality = kByRank[best];
  }

  std::string_view body_;
  Sentence& s_;
  const std::vector<Token>& t_;
  const std::vector<uint8_t>& taken_;
  std::vector<Segment> segments_;
  std::vector<Clause> cue_clause_;  // parallel to s_.cues
  std::vector<Lex> cue_lex_;
};

}  // namespace

bool InCueScope(const Sentence& s, CueKind kind, uint32_t offset) {
  for (const Cue& c : s.cues)
    if (c.kind == kind && c.scope_start <= offset && offset < c.scope_end) return true;
  return false;
}

void FindCues(std::string_view body, Sentence& sentence, const std::vector<uint8_t>& taken) {
  CueFinder(body, sentence, taken).Run();
}

}  // namespace sitrep
