#include "text/numbers.h"

#include <charconv>
#include <cmath>

namespace sitrep {
namespace {

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}

// A quantity found at a token: its value and the tokens it spans.
struct Quantity {
  double value = 0;
  uint32_t end = 0;  // exclusive token index
  bool approximate = false;
  std::string unit;  // a unit carried by the number itself: "%", "km"
};

Quantity Q(double value, uint32_t end, bool approximate = false) {
  Quantity q;
  q.value = value;
  q.end = end;
  q.approximate = approximate;
  return q;
}

// The value of a word like "twenty-five" or "seven"; -1 when it is not a cardinal.
int HyphenatedCardinal(std::string_view text) {
  int total = 0;
  size_t part_start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != '-') continue;
    LexEntry e = LookUp(text.substr(part_start, i - part_start));
    if (e.lex != Lex::kCardinal) return -1;
    total += e.value;
    part_start = i + 1;
  }
  return total;
}

class NumberFinder {
 public:
  NumberFinder(std::string_view body, Sentence& s, const std::vector<uint8_t>& taken)
      : body_(body), s_(s), t_(s.tokens), taken_(taken) {}

  void Run() {
    const uint32_t n = static_cast<uint32_t>(t_.size());
    for (uint32_t i = 0; i < n; ++i) {
      if (taken_[i]) continue;
      std::optional<Quantity> q = QuantityAt(i);
      if (!q) continue;
      Emit(i, *q);
      i = q->end - 1;
    }
  }

 private:
  const Token* At(uint32_t i) const { return i < t_.size() ? &t_[i] : nullptr; }
  Lex LexAt(uint32_t i) const { return i < t_.size() ? t_[i].lex : Lex::kNone; }
  std::string_view Text(uint32_t i) const { return TokenText(body_, t_[i]); }

  std::optional<Quantity> QuantityAt(uint32_t i) const {
    const Token& t = t_[i];
    if (t.kind == TokenKind::kNumber) return Digits(i);
    if (t.kind != TokenKind::kWord) return std::nullopt;
    switch (t.lex) {
      case Lex::kCardinal:
      case Lex::kMultiplier:
        return Words(i, t.lex == Lex::kMultiplier ? 1.0 : 0.0);
      case Lex::kA:
      case Lex::kAn:
        if (LexAt(i + 1) == Lex::kDozen) return Q(12, i + 2);
        if (LexAt(i + 1) == Lex::kMultiplier) return Words(i + 1, 1.0);
        return std::nullopt;
      case Lex::kDozen:
        return Q(12, i + 1);
      case Lex::kDozens:
        return Vague(i, 24);
      case Lex::kHundreds:
        return Vague(i, 200);
      case Lex::kThousands:
        return Vague(i, 2000);
      case Lex::kMillions:
        return Vague(i, 2e6);
      case Lex::kScores:
        if (LexAt(i + 1) != Lex::kOf) return std::nullopt;
        return Vague(i, 40);
      case Lex::kTens:
        if (LexAt(i + 1) != Lex::kOf) return std::nullopt;
        return Vague(i, 20);
      default:
        if (t.Has(kHyphenated)) {
          int v = HyphenatedCardinal(Text(i));
          if (v >= 0) return Words(i, 0.0, v);
        }
        return std::nullopt;
    }
  }

  // "dozens", "hundreds of thousands", "tens of millions".
  std::optional<Quantity> Vague(uint32_t i, double value) const {
    Quantity q = Q(value, i + 1, true);
    if (LexAt(i + 1) == Lex::kOf) {
      if (LexAt(i + 2) == Lex::kThousands)
        q = Q(value * 1000, i + 3, true);
      else if (LexAt(i + 2) == Lex::kMillions)
        q = Q(value * 1e6, i + 3, true);
    }
    return q;
  }

  // Number words: "two", "twenty-five", "three hundred", "two thousand five hundred".
  std::optional<Quantity> Words(uint32_t i, double implicit, int first_value = -1) const {
    double total = 0, current = implicit;
    uint32_t j = i;
    bool any = false;
    for (; j < t_.size(); ++j) {
      const Token& t = t_[j];
      if (taken_[j] || t.kind != TokenKind::kWord) break;
      if (j == i && first_value >= 0) {
        current += first_value;
      } else if (t.lex == Lex::kCardinal) {
        if (any && current > 0 && std::fmod(current, 100) != 0 && current < 100) {
          if (!(current >= 20 && std::fmod(current, 10) == 0 && t.lex_value < 10)) break;
        }
        current += t.lex_value;
      } else if (t.lex == Lex::kMultiplier) {
        current = (current == 0 ? 1 : current) * std::pow(10.0, t.lex_value);
        if (t.lex_value >= 3) {
          total += current;
          current = 0;
        }
      } else if (t.lex == Lex::kAnd && any && LexAt(j + 1) == Lex::kCardinal) {
        continue;
      } else if (t.Has(kHyphenated) && !any) {
        break;
      } else {
        break;
      }
      any = true;
    }
    if (!any) return std::nullopt;
    return Q(total + current, j);
  }

  std::optional<Quantity> Digits(uint32_t i) const {
    std::string_view text = Text(i);
    size_t k = 0;
    std::string digits;
    bool has_comma = false;
    for (; k < text.size(); ++k) {
      char c = text[k];
      if (IsDigit(c) || c == '.')
        digits.push_back(c);
      else if (c == ',')
        has_comma = true;
      else if (c == ':' || c == '-' || c == '/')
        return std::nullopt;  // a time, an ISO date, a fraction or a date
      else
        break;
    }
    std::string_view suffix = text.substr(k);
    Quantity q;
    auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), q.value);
    if (ec != std::errc()) return std::nullopt;
    q.end = i + 1;
    if (!suffix.empty()) {
      std::string s = Lower(suffix);
      if (s == "st" || s == "nd" || s == "rd" || s == "th" || s == "am" || s == "pm" || s == "s" ||
          s == "h" || s == "hrs")
        return std::nullopt;  // ordinal, time, decade
      if (s == "m" || s == "mn")
        q.value *= 1e6;
      else if (s == "bn" || s == "b")
        q.value *= 1e9;
      else if (s == "k")
        q.value *= 1e3;
      else
        q.unit = s;
    }
    // A following multiplier: "3.5 million".
    uint32_t j = i + 1;
    if (LexAt(j) == Lex::kMultiplier && !taken_[j]) {
      q.value *= std::pow(10.0, t_[j].lex_value);
      q.end = ++j;
    }
    Lex next = LexAt(q.end);
    if (next == Lex::kTimeSuffix) return std::nullopt;  // "2 p.m."
    bool year_like = !has_comma && digits.size() == 4 && q.value >= 1800 && q.value <= 2100 &&
                     q.end == i + 1 && suffix.empty();
    if (year_like) {
      const Token* n = At(q.end);
      bool counts =
          n && n->kind == TokenKind::kWord && LooksPlural(body_, *n) && !EndsNounPhrase(n->lex);
      if (!counts) return std::nullopt;
    }
    return q;
  }

  // "at least", "more than", "nearly", … before the number at `i`; returns the mention start.
  uint32_t Modifiers(uint32_t i, NumberMention& m) const {
    if (i >= 2 && LexAt(i - 2) == Lex::kAt && LexAt(i - 1) == Lex::kLeast) {
      m.lower_bound = true;
      return i - 2;
    }
    if (i >= 2 && (LexAt(i - 2) == Lex::kMore || TokenIs(body_, t_[i - 2], "upwards")) &&
        (LexAt(i - 1) == Lex::kThan || LexAt(i - 1) == Lex::kOf)) {
      m.lower_bound = true;
      return i - 2;
    }
    if (i >= 2 && (TokenIs(body_, t_[i - 2], "less") || TokenIs(body_, t_[i - 2], "fewer")) &&
        LexAt(i - 1) == Lex::kThan) {
      m.approximate = true;
      return i - 2;
    }
    if (i >= 2 && LexAt(i - 2) == Lex::kUp && LexAt(i - 1) == Lex::kTo) {
      m.approximate = true;
      return i - 2;
    }
    if (i >= 3 && LexAt(i - 3) == Lex::kAs && TokenIs(body_, t_[i - 2], "many") &&
        LexAt(i - 1) == Lex::kAs) {
      m.approximate = true;
      return i - 3;
    }
    if (i >= 1) {
      Lex prev = LexAt(i - 1);
      if (prev == Lex::kOver) {
        m.lower_bound = true;
        return i - 1;
      }
      if (prev == Lex::kNearly || prev == Lex::kApproximately || prev == Lex::kAbout ||
          prev == Lex::kAround) {
        m.approximate = true;
        uint32_t start = i - 1;
        if (start >= 1 && (LexAt(start - 1) == Lex::kAn || LexAt(start - 1) == Lex::kA) &&
            TokenIs(body_, t_[start], "estimated"))
          --start;
        return start;
      }
    }
    return i;
  }

  bool IsIdentifierContext(uint32_t start) const {
    if (start == 0) return false;
    const Token& prev = t_[start - 1];
    if (prev.lex == Lex::kIdentifierNoun || prev.lex == Lex::kNumberSign) return true;
    if (prev.lex == Lex::kNo && prev.Has(kAbbreviation)) return true;
    return TokenText(body_, prev) == "#";
  }

  // The head noun of the phrase counted, searched from token `p`: the first plural noun, or the
  // last word before a function word, verb or punctuation.
  std::optional<uint32_t> HeadNoun(uint32_t p, bool singular) const {
    if (LexAt(p) == Lex::kOf) {
      ++p;
      while (p < t_.size() && (LexAt(p) == Lex::kThe || LexAt(p) == Lex::kPossessiveDet ||
                               LexAt(p) == Lex::kDemonstrative))
        ++p;
    }
    std::optional<uint32_t> last;
    constexpr uint32_t kLongestPhrase = 5;
    for (uint32_t k = p; k < t_.size() && k < p + kLongestPhrase; ++k) {
      const Token& t = t_[k];
      if (t.kind != TokenKind::kWord || t.Has(kClitic) || EndsNounPhrase(t.lex)) break;
      if (t.lex == Lex::kCardinal || t.lex == Lex::kMultiplier) break;
      if (last && EndsInEd(t)) break;   // "one soldier killed"
      if (EndsWith(t, "ly")) continue;  // "two fairly heated weeks"
      if (!singular && LooksPlural(body_, t)) return k;
      last = k;
    }
    return last;
  }

  bool EndsWith(const Token& t, std::string_view suffix) const {
    std::string_view s = TokenText(body_, t);
    return s.size() > suffix.size() + 2 && s.substr(s.size() - suffix.size()) == suffix;
  }
  bool EndsInEd(const Token& t) const { return EndsWith(t, "ed"); }

  void Emit(uint32_t i, const Quantity& q) {
    NumberMention m;
    m.value = q.value;
    m.approximate = q.approximate;
    uint32_t start = Modifiers(i, m);
    m.start = t_[start].start;
    m.end = t_[q.end - 1].end;
    m.unit_start = m.unit_end = m.end;
    m.first_token = start;
    bool is_one = t_[i].lex == Lex::kCardinal && q.value == 1 && q.end == i + 1;
    if (IsIdentifierContext(start) && t_[i].kind == TokenKind::kNumber) {
      m.identifier = true;
    } else if (!q.unit.empty()) {
      m.unit = q.unit;
    } else if (const Token* n = At(q.end);
               n && (TokenText(body_, *n) == "%" || n->lex == Lex::kPercent)) {
      m.unit.assign(1, '%');
      m.unit_start = n->start;
      m.unit_end = n->end;
    } else if (auto head = HeadNoun(q.end, q.value == 1 && !q.approximate)) {
      m.unit = Lower(TokenText(body_, t_[*head]));
      m.unit_start = t_[q.end].start;
      m.unit_end = t_[*head].end;
    }
    if (is_one) {
      // "one" is a number only before the noun it counts, and never in "no one".
      if (m.unit.empty() ||
          (start > 0 && (LexAt(start - 1) == Lex::kNo || LexAt(start - 1) == Lex::kThe)))
        return;
    }
    s_.numbers.push_back(std::move(m));
  }

  std::string_view body_;
  Sentence& s_;
  const std::vector<Token>& t_;
  const std::vector<uint8_t>& taken_;
};

}  // namespace

bool LooksPlural(std::string_view body, const Token& t) {
  if (t.kind != TokenKind::kWord || t.Has(kAllCaps) || t.Has(kClitic)) return false;
  std::string_view s = TokenText(body, t);
  if (s.size() < 3) return false;
  auto ends = [&](std::string_view suffix) {
    if (s.size() < suffix.size()) return false;
    for (size_t i = 0; i < suffix.size(); ++i) {
      char c = s[s.size() - suffix.size() + i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      if (c != suffix[i]) return false;
    }
    return true;
  };
  if (ends("men") || ends("people") || ends("children") || ends("police") || ends("personnel") ||
      ends("aircraft") || ends("staff") || ends("crew"))
    return true;
  if (!ends("s")) return false;
  return !(ends("ss") || ends("us") || ends("is") || ends("ous") || ends("'s"));
}

void FindNumbers(std::string_view body, Sentence& sentence, const std::vector<uint8_t>& taken) {
  NumberFinder(body, sentence, taken).Run();
}

}  // namespace sitrep
