#include "text/dates.h"

namespace sitrep {
namespace {

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

Date Monday(Date d) {
  return d - ((d.weekday() + 6) % 7);
}
DateRange WeekOf(Date d) {
  return {Monday(d), Monday(d) + 6, DatePrecision::kWeek};
}
DateRange Span(Date b, Date e) {
  return {b, e, DatePrecision::kRange};
}

DateRange MonthOf(int year, int month) {
  while (month < 1) month += 12, --year;
  while (month > 12) month -= 12, ++year;
  return {Date::FromYmd(year, month, 1), Date::FromYmd(year, month, Date::DaysInMonth(year, month)),
          DatePrecision::kMonth};
}

DateRange YearOf(int year) {
  return {Date::FromYmd(year, 1, 1), Date::FromYmd(year, 12, 31), DatePrecision::kYear};
}

// A date expression over tokens [first, end).
struct Match {
  uint32_t first = 0;
  uint32_t end = 0;
  DateRange range;
  bool relative = false;
  bool background = false;  // the day of what follows it, not of the sentence's own telling
};

Match Make(uint32_t first, uint32_t end, DateRange range, bool relative) {
  Match m;
  m.first = first;
  m.end = end;
  m.range = range;
  m.relative = relative;
  return m;
}

bool StartsWithLower(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c != prefix[i]) return false;
  }
  return true;
}

class DateFinder {
 public:
  DateFinder(std::string_view body, Sentence& s, DateContext& ctx, std::vector<uint8_t>& taken)
      : body_(body), s_(s), t_(s.tokens), ctx_(ctx), taken_(taken) {}

  void Run() {
    const uint32_t n = static_cast<uint32_t>(t_.size());
    for (uint32_t i = 0; i < n; ++i) {
      std::optional<Match> m = At(i);
      if (!m) continue;
      DateMention d;
      d.start = t_[m->first].start;
      d.end = t_[m->end - 1].end;
      d.range = m->range;
      d.relative = m->relative;
      d.background = m->background;
      s_.dates.push_back(d);
      for (uint32_t k = m->first; k < m->end; ++k) taken_[k] = 1;
      if (m->range.precision == DatePrecision::kDay && !m->background) ctx_.anchor = m->range.begin;
      i = m->end - 1;
    }
  }

 private:
  using Opt = std::optional<Match>;

  Lex L(uint32_t i) const { return i < t_.size() ? t_[i].lex : Lex::kNone; }
  bool Text(uint32_t i, std::string_view s) const {
    return i < t_.size() && TokenText(body_, t_[i]) == s;
  }
  bool Dash(uint32_t i) const { return Text(i, "-") || Text(i, "\u2013"); }
  const std::optional<Date>& Pub() const { return ctx_.published; }

  // A day of the month: "7", "7th".
  int DayAt(uint32_t i) const {
    if (i >= t_.size() || t_[i].kind != TokenKind::kNumber) return 0;
    std::string_view s = TokenText(body_, t_[i]);
    int v = 0;
    size_t k = 0;
    // Three digits are enough to refuse; reading on would overflow on a long digit run.
    for (; k < s.size() && k < 3 && IsDigit(s[k]); ++k) v = v * 10 + (s[k] - '0');
    if (k == 0 || k > 2) return 0;
    std::string_view rest = s.substr(k);
    if (!rest.empty() && rest != "st" && rest != "nd" && rest != "rd" && rest != "th") return 0;
    return v >= 1 && v <= 31 ? v : 0;
  }

  // A year written out: four digits between 1900 and 2100.
  int YearAt(uint32_t i) const {
    if (i >= t_.size() || t_[i].kind != TokenKind::kNumber) return 0;
    std::string_view s = TokenText(body_, t_[i]);
    if (s.size() != 4) return 0;
    int v = 0;
    for (char c : s) {
      if (!IsDigit(c)) return 0;
      v = v * 10 + (c - '0');
    }
    return v >= 1900 && v <= 2100 ? v : 0;
  }

  // A month name spelled so that it cannot be something else: capitalized, and an abbreviation
  // only with its period ("Jan.") or before a day number.
  int MonthAt(uint32_t i) const {
    if (L(i) != Lex::kMonth || !t_[i].Has(kCapitalized)) return 0;
    std::string_view s = TokenText(body_, t_[i]);
    bool abbreviated = s.size() <= 4 && !StartsWithLower(s, "may") && !StartsWithLower(s, "june") &&
                       !StartsWithLower(s, "july");
    if (abbreviated && !t_[i].Has(kAbbreviation) && !DayAt(i + 1)) return 0;
    return t_[i].lex_value;
  }

  std::optional<Date> Ymd(int y, int m, int d) const {
    if (!Date::IsValidYmd(y, m, d)) return std::nullopt;
    return Date::FromYmd(y, m, d);
  }

  // A month and day without a year: the publication year unless that is well after publication.
  std::optional<Date> InferYear(int m, int d) const {
    if (Pub()) {
      int y = Pub()->year();
      if (auto c = Ymd(y, m, d); c && *c <= *Pub() + 31) return c;
      return Ymd(y - 1, m, d);
    }
    if (ctx_.year) return Ymd(ctx_.year, m, d);
    return std::nullopt;
  }

  int InferMonthYear(int m) const {
    if (Pub()) {
      int y = Pub()->year();
      return Date::FromYmd(y, m, 1) <= *Pub() + 31 ? y : y - 1;
    }
    return ctx_.year;
  }

  Opt At(uint32_t i) const {
    const Token& t = t_[i];
    if (t.kind == TokenKind::kNumber) {
      if (Opt m = Iso(i)) return m;
      if (Opt m = DayRangeMonth(i, i, false)) return m;
      if (Opt m = DayMonth(i, i)) return m;
      if (Opt m = Count(i)) return m;
      return Year(i, i);
    }
    if (t.kind != TokenKind::kWord) return std::nullopt;
    switch (t.lex) {
      case Lex::kWeekday:
        return Weekday(i);
      case Lex::kMonth:
        return Month(i, i, false);
      case Lex::kYesterday:
        return Simple(i, -1);
      case Lex::kToday:
      case Lex::kTonight:
        return Simple(i, 0);
      case Lex::kTomorrow:
        return Simple(i, 1);
      case Lex::kLast:
      case Lex::kNext:
      case Lex::kThis:
        return ThisLastNext(i, i);
      case Lex::kEarlier:
      case Lex::kLater:
        return EarlierLater(i);
      case Lex::kRecent:
        return Recent(i);
      case Lex::kPast:
        return Past(i, i);
      case Lex::kThe:
        return The(i);
      case Lex::kA:
      case Lex::kAn:
      case Lex::kCardinal:
      case Lex::kFew:
      case Lex::kSeveral:
        return Count(i);
      case Lex::kBetween:
      case Lex::kFrom:
        return Between(i);
      case Lex::kOver:
        if (L(i + 1) == Lex::kThe && L(i + 2) == Lex::kWeekend) return Weekend(i, i + 3);
        return std::nullopt;
      case Lex::kThat:
        return That(i);
      case Lex::kEarly:
      case Lex::kLate:
      case Lex::kMid:
        return EarlyLate(i);
      default:
        if (t.Has(kHyphenated)) return Hyphenated(i);
        return std::nullopt;
    }
  }

  Opt Iso(uint32_t i) const {
    std::string_view s = TokenText(body_, t_[i]);
    if (s.size() != 10 || s[4] != '-') return std::nullopt;
    auto d = Date::ParseIso(s);
    if (!d) return std::nullopt;
    return Make(i, i + 1, DateRange::Day(*d), false);
  }

  // "7 July", "7 July 2021".
  Opt DayMonth(uint32_t i, uint32_t first) const {
    int d = DayAt(i);
    if (!d) return std::nullopt;
    uint32_t j = i + 1;
    if (L(j) == Lex::kOf) ++j;  // "7th of July"
    int m = MonthAt(j);
    if (!m) return std::nullopt;
    ++j;
    std::optional<Date> date;
    if (int y = YearAt(j)) {
      date = Ymd(y, m, d);
      ++j;
    } else {
      date = InferYear(m, d);
    }
    if (!date) return std::nullopt;
    return Make(first, j, DateRange::Day(*date), false);
  }

  // A month name and what follows it: a day, a day range, a year, or nothing.
  Opt Month(uint32_t i, uint32_t first, bool between) const {
    int m = MonthAt(i);
    if (!m) return std::nullopt;
    uint32_t j = i + 1;
    if (int d = DayAt(j)) {
      ++j;
      int y = 0;
      if (Text(j, ",") && YearAt(j + 1))
        y = YearAt(j + 1), j += 2;
      else if (YearAt(j))
        y = YearAt(j), ++j;
      if (y) ctx_.year = y;
      std::optional<Date> begin = y ? Ymd(y, m, d) : InferYear(m, d);
      if (!begin) return std::nullopt;
      if (Opt r = RangeEnd(j, first, *begin, m, y, between)) return r;
      return Make(between ? i : first, j, DateRange::Day(*begin), false);
    }
    if (int y = YearAt(j)) {
      ctx_.year = y;
      return Make(first, j + 1, MonthOf(y, m), false);
    }
    if (Text(j, ",") && YearAt(j + 1)) return Make(first, j + 2, MonthOf(YearAt(j + 1), m), false);
    // A month alone needs words that make it a time ("in May", not "Iran may respond").
    Lex prev = i > 0 ? L(i - 1) : Lex::kNone;
    switch (prev) {
      case Lex::kIn:
      case Lex::kOf:
      case Lex::kSince:
      case Lex::kUntil:
      case Lex::kBy:
      case Lex::kDuring:
      case Lex::kBefore:
      case Lex::kAfter:
      case Lex::kFrom:
      case Lex::kThrough:
      case Lex::kEarly:
      case Lex::kLate:
      case Lex::kMid:
      case Lex::kLast:
      case Lex::kNext:
      case Lex::kThis:
      case Lex::kBetween:
        break;
      default:
        return std::nullopt;
    }
    int y = InferMonthYear(m);
    if (Pub() && prev == Lex::kLast) {
      y = Pub()->year();
      if (m >= Pub()->month()) --y;
    } else if (Pub() && prev == Lex::kNext) {
      y = Pub()->year();
      if (m <= Pub()->month()) ++y;
    }
    if (!y) return std::nullopt;
    return Make(first, j, MonthOf(y, m), !YearAt(j));
  }

  // After "June 20": "-27", "to 27", "and 27" (after "between"), "to July 2".
  Opt RangeEnd(uint32_t j, uint32_t first, Date begin, int m, int y, bool between) const {
    bool connector = Dash(j) || L(j) == Lex::kTo || L(j) == Lex::kThrough || L(j) == Lex::kUntil ||
                     (between && L(j) == Lex::kAnd);
    if (!connector) return std::nullopt;
    uint32_t k = j + 1;
    int end_month = m;
    if (int m2 = MonthAt(k)) end_month = m2, ++k;
    int d2 = DayAt(k);
    if (!d2) return std::nullopt;
    ++k;
    int y2 = y ? y : begin.year();
    bool year_after = false;  // "July 8-14, 2005": the year closes the range, both days take it
    if (Text(k, ",") && YearAt(k + 1))
      y2 = YearAt(k + 1), k += 2, year_after = true;
    else if (YearAt(k))
      y2 = YearAt(k), ++k, year_after = true;
    std::optional<Date> end = Ymd(y2, end_month, d2);
    if (!end) return std::nullopt;
    std::optional<Date> start = begin;
    if (year_after && !y) {
      start = Ymd(y2, m, begin.day());
      // "December 28 - January 3, 2021": the range began the year before.
      if (start && *end < *start) start = Ymd(y2 - 1, m, begin.day());
    } else if (*end < begin) {
      end = Ymd(y2 + 1, end_month, d2);
    }
    if (!start || !end || *end < *start) return std::nullopt;
    return Make(first, k, Span(*start, *end), false);
  }

  // "between June 20 and 27", "from May 10 to 21", "between 2015 and 2018".
  // "1-5 March", "3 to 5 March 2025"; with "between", also "1 and 5 March". `first` is where the
  // mention starts ("between"), `i` the first day.
  Opt DayRangeMonth(uint32_t i, uint32_t first, bool between) const {
    int d1 = DayAt(i);
    bool connector = Dash(i + 1) || L(i + 1) == Lex::kTo || (between && L(i + 1) == Lex::kAnd);
    int d2 = connector ? DayAt(i + 2) : 0;
    int m = d2 ? MonthAt(i + 3) : 0;
    if (!d1 || !m || d2 < d1) return std::nullopt;
    uint32_t j = i + 4;
    std::optional<Date> a, b;
    if (int y = YearAt(j)) {
      a = Ymd(y, m, d1), b = Ymd(y, m, d2);
      ++j;
    } else {
      a = InferYear(m, d1), b = InferYear(m, d2);
    }
    if (!a || !b || *b < *a) return std::nullopt;
    return Make(first, j, Span(*a, *b), false);
  }

  Opt Between(uint32_t i) const {
    if (Opt r = DayRangeMonth(i + 1, i, L(i) == Lex::kBetween)) return r;
    if (MonthAt(i + 1)) {
      Opt m = Month(i + 1, i, true);
      if (m && m->range.precision == DatePrecision::kRange) return m;
      return std::nullopt;
    }
    int y1 = YearAt(i + 1);
    bool connector =
        L(i + 2) == Lex::kTo || Dash(i + 2) || (L(i) == Lex::kBetween && L(i + 2) == Lex::kAnd);
    int y2 = connector ? YearAt(i + 3) : 0;
    if (y1 && y2 && y2 >= y1) return Make(i, i + 4, Span(YearOf(y1).begin, YearOf(y2).end), false);
    return std::nullopt;
  }

  // "in 2015", "since 2015", "the 2015 deal", "early 2020".
  Opt Year(uint32_t i, uint32_t first) const {
    int y = YearAt(i);
    if (!y || i == 0) return std::nullopt;
    switch (L(i - 1)) {
      case Lex::kIn:
      case Lex::kSince:
      case Lex::kOf:
      case Lex::kBy:
      case Lex::kUntil:
      case Lex::kFrom:
      case Lex::kDuring:
      case Lex::kEarly:
      case Lex::kLate:
      case Lex::kMid:
      case Lex::kBefore:
      case Lex::kAfter:
      case Lex::kThe:
      case Lex::kThrough:
        break;
      default:
        return std::nullopt;
    }
    if (i + 1 < t_.size() && t_[i + 1].kind == TokenKind::kWord && L(i + 1) == Lex::kNone) {
      // "in 2015 protests": a count of a plural noun is not a year.
      std::string_view next = TokenText(body_, t_[i + 1]);
      if (next.size() > 3 && next.back() == 's' && L(i - 1) != Lex::kThe &&
          !t_[i + 1].Has(kCapitalized))
        return std::nullopt;
    }
    ctx_.year = y;
    return Make(first, i + 1, YearOf(y), false);
  }

  Opt Simple(uint32_t i, int offset) const {
    if (!Pub()) return std::nullopt;
    uint32_t end = i + 1;
    if (L(end) == Lex::kPartOfDay) ++end;  // "yesterday morning"
    return Make(i, end, DateRange::Day(*Pub() + offset), true);
  }

  // "on Sunday", "Thursday night", "last Friday", "Wednesday, July 7".
  Opt Weekday(uint32_t i) const {
    if (!t_[i].Has(kCapitalized)) return std::nullopt;
    uint32_t j = i + 1;
    if (Text(j, ",")) ++j;
    if (Opt m = Month(j, i, false); m && m->range.precision == DatePrecision::kDay) {
      m->first = i;
      return m;
    }
    if (Opt m = DayMonth(j, i)) return m;
    if (!Pub()) return std::nullopt;
    int wd = t_[i].lex_value;
    Lex prev = i > 0 ? L(i - 1) : Lex::kNone;
    uint32_t first = (prev == Lex::kLast || prev == Lex::kNext || prev == Lex::kThis) ? i - 1 : i;
    Date d = *Pub() - ((Pub()->weekday() - wd + 7) % 7);
    if (prev == Lex::kLast && d == *Pub()) d = d - 7;
    if (prev == Lex::kNext) d = *Pub() + ((wd - Pub()->weekday() + 6) % 7 + 1);
    uint32_t end = i + 1;
    if (L(end) == Lex::kPartOfDay) ++end;
    return Make(first, end, DateRange::Day(d), true);
  }

  Opt Weekend(uint32_t first, uint32_t end) const {
    if (!Pub()) return std::nullopt;
    Date sat = *Pub() - ((Pub()->weekday() + 1) % 7);
    if (sat == *Pub()) sat = sat - 7;
    return Make(first, end, Span(sat, sat + 1), true);
  }

  // "last week", "this month", "next year", "last night", "last May", "last few days".
  Opt ThisLastNext(uint32_t i, uint32_t first) const {
    Lex which = L(i);
    uint32_t j = i + 1;
    if (L(j) == Lex::kWeekday) {
      Opt m = Weekday(j);
      if (m) m->first = first;
      return m;
    }
    if (L(j) == Lex::kMonth) {
      Opt m = Month(j, first, false);
      return m;
    }
    if (!Pub()) return std::nullopt;
    const Date p = *Pub();
    int step = which == Lex::kLast ? -1 : which == Lex::kNext ? 1 : 0;
    switch (L(j)) {
      case Lex::kWeek:
        return Make(first, j + 1, WeekOf(p + 7 * step), true);
      case Lex::kMonthNoun:
        return Make(first, j + 1, MonthOf(p.year(), p.month() + step), true);
      case Lex::kYear:
        return Make(first, j + 1, YearOf(p.year() + step), true);
      case Lex::kWeekend:
        if (which == Lex::kNext) {
          Date sat = p + ((6 - p.weekday() + 7) % 7);
          if (sat == p) sat = sat + 7;
          return Make(first, j + 1, Span(sat, sat + 1), true);
        }
        return Weekend(first, j + 1);
      case Lex::kPartOfDay:
        if (which == Lex::kLast) return Make(first, j + 1, DateRange::Day(p - 1), true);
        if (which == Lex::kThis) return Make(first, j + 1, DateRange::Day(p), true);
        return std::nullopt;
      case Lex::kFew:
      case Lex::kCardinal:
        if (which == Lex::kLast) return Past(i, first);
        return std::nullopt;
      default:
        return std::nullopt;
    }
  }

  // "earlier this month", "later this week", "earlier today".
  Opt EarlierLater(uint32_t i) const {
    if (!Pub()) return std::nullopt;
    const Date p = *Pub();
    bool earlier = L(i) == Lex::kEarlier;
    if (L(i + 1) == Lex::kToday) return Make(i, i + 2, DateRange::Day(p), true);
    if (L(i + 1) != Lex::kThis && L(i + 1) != Lex::kIn) return std::nullopt;
    uint32_t j = i + 2;
    if (L(i + 1) == Lex::kIn && L(j) == Lex::kThe) ++j;  // "earlier in the week"
    DateRange r;
    switch (L(j)) {
      case Lex::kWeek:
        r = WeekOf(p);
        break;
      case Lex::kMonthNoun:
        r = MonthOf(p.year(), p.month());
        break;
      case Lex::kYear:
        r = YearOf(p.year());
        break;
      default:
        return std::nullopt;
    }
    if (earlier)
      r.end = p;
    else
      r.begin = p;
    return Make(i, j + 1, r, true);
  }

  // "in recent weeks" = the four weeks before publication; "in recent days" = the week before.
  Opt Recent(uint32_t i) const {
    if (!Pub()) return std::nullopt;
    int days = 0;
    switch (L(i + 1)) {
      case Lex::kDays:
        days = 7;
        break;
      case Lex::kWeeks:
        days = 28;
        break;
      case Lex::kMonths:
        days = 90;
        break;
      default:
        return std::nullopt;
    }
    uint32_t first = i > 0 && L(i - 1) == Lex::kIn ? i - 1 : i;
    return Make(first, i + 2, Span(*Pub() - days, *Pub()), true);
  }

  // "the past week", "the past few days", "the past two weeks", "last few days".
  Opt Past(uint32_t i, uint32_t first) const {
    if (!Pub()) return std::nullopt;
    if (first == i && i > 0 && L(i - 1) == Lex::kThe) first = i - 1;
    uint32_t j = i + 1;
    int count = 1;
    bool few = false;
    if (L(j) == Lex::kFew || L(j) == Lex::kSeveral)
      few = true, ++j;
    else if (L(j) == Lex::kCardinal)
      count = t_[j].lex_value, ++j;
    else if (int n = SmallNumber(j))
      count = n, ++j;
    int unit = 0;
    switch (L(j)) {
      case Lex::kDay:
      case Lex::kDays:
        unit = 1;
        break;
      case Lex::kWeek:
      case Lex::kWeeks:
        unit = 7;
        break;
      case Lex::kMonthNoun:
      case Lex::kMonths:
        unit = 30;
        break;
      case Lex::kYear:
      case Lex::kYears:
        unit = 365;
        break;
      default:
        return std::nullopt;
    }
    int days = few ? (unit == 1 ? 7 : unit * 4) : unit * count;
    return Make(first, j + 1, Span(*Pub() - days, *Pub()), true);
  }

  int SmallNumber(uint32_t j) const {
    if (j >= t_.size() || t_[j].kind != TokenKind::kNumber) return 0;
    std::string_view s = TokenText(body_, t_[j]);
    int v = 0;
    for (char c : s) {
      if (!IsDigit(c) || v > 1000) return 0;
      v = v * 10 + (c - '0');
    }
    return v;
  }

  // Story-relative expressions that open with "the".
  Opt The(uint32_t i) const {
    uint32_t j = i + 1;
    switch (L(j)) {
      case Lex::kDay:
        if (L(j + 1) == Lex::kBefore || L(j + 1) == Lex::kEarlier || L(j + 1) == Lex::kPrevious)
          return FromAnchor(i, j + 2, -1, false);
        if (L(j + 1) == Lex::kAfter || L(j + 1) == Lex::kLater)
          return FromAnchor(i, j + 2, 1, false);
        return std::nullopt;
      case Lex::kPartOfDay:
        if (L(j + 1) == Lex::kBefore) return FromAnchor(i, j + 2, -1, false);
        return std::nullopt;
      case Lex::kNext:
      case Lex::kFollowing:
      case Lex::kPrevious: {
        int sign = L(j) == Lex::kPrevious ? -1 : 1;
        if (L(j + 1) == Lex::kDay || L(j + 1) == Lex::kPartOfDay)
          return FromAnchor(i, j + 2, sign, false);
        if (L(j + 1) == Lex::kWeek) return FromAnchor(i, j + 2, 7 * sign, true);
        return std::nullopt;
      }
      case Lex::kSame:
        if (L(j + 1) == Lex::kDay || L(j + 1) == Lex::kPartOfDay)
          return FromAnchor(i, j + 2, 0, false);
        return std::nullopt;
      case Lex::kWeekend: {
        uint32_t first = i > 0 && (L(i - 1) == Lex::kOver || L(i - 1) == Lex::kDuring) ? i - 1 : i;
        return Weekend(first, j + 1);
      }
      case Lex::kPast:
        return Past(j, i);
      default:
        return std::nullopt;
    }
  }

  // "that day", "that night".
  Opt That(uint32_t i) const {
    if (L(i + 1) != Lex::kDay && L(i + 1) != Lex::kPartOfDay) return std::nullopt;
    uint32_t first = i > 0 && L(i - 1) == Lex::kLater ? i - 1 : i;
    return FromAnchor(first, i + 2, 0, false);
  }

  Opt FromAnchor(uint32_t first, uint32_t end, int days, bool week) const {
    if (!ctx_.anchor) return std::nullopt;
    Date d = *ctx_.anchor + days;
    return Make(first, end, week ? WeekOf(d) : DateRange::Day(d), true);
  }

  // "two weeks ago", "a day before", "three days later", "48 hours later".
  Opt Count(uint32_t i) const {
    int n = 0;
    switch (L(i)) {
      case Lex::kA:
      case Lex::kAn:
        n = 1;
        break;
      case Lex::kCardinal:
        n = t_[i].lex_value;
        break;
      default:
        n = SmallNumber(i);
    }
    if (n <= 0) return std::nullopt;
    uint32_t j = i + 1;
    enum { kDays, kWeeks, kMonths, kYears, kHours } unit;
    switch (L(j)) {
      case Lex::kDay:
      case Lex::kDays:
        unit = kDays;
        break;
      case Lex::kWeek:
      case Lex::kWeeks:
        unit = kWeeks;
        break;
      case Lex::kMonthNoun:
      case Lex::kMonths:
        unit = kMonths;
        break;
      case Lex::kYear:
      case Lex::kYears:
        unit = kYears;
        break;
      default:
        if (j < t_.size() && TokenIs(body_, t_[j], "hours")) {
          unit = kHours;
          break;
        }
        return std::nullopt;
    }
    Lex dir = L(j + 1);
    int sign = 0;
    bool from_publication = false;
    switch (dir) {
      case Lex::kAgo:
        sign = -1;
        from_publication = true;
        break;
      case Lex::kBefore:
      case Lex::kEarlier:
      case Lex::kPrevious:
        sign = -1;
        break;
      case Lex::kAfter:
      case Lex::kLater:
        sign = 1;
        break;
      default:
        return std::nullopt;
    }
    uint32_t end = j + 2;
    std::optional<Date> base = from_publication ? Pub() : ctx_.anchor;
    if (!base) return std::nullopt;
    // "fought in Vovchansk on Thursday, a week after Russian forces opened a new front", "the
    // attack came a day after troops killed 17 militants": after the sentence's own telling,
    // "N days after X" dates X, N days before the day told (and "before X" after it). At the
    // head of the sentence ("A day after the raid, police arrested ...") it dates what follows.
    bool complement = end < t_.size() && t_[end].kind != TokenKind::kPunct;
    bool backward = complement && i >= 2 && (dir == Lex::kAfter || dir == Lex::kBefore);
    if (backward) sign = -sign;
    const Date b = *base;
    Opt m;
    switch (unit) {
      case kHours:
        m = Make(i, end, DateRange::Day(b + sign * (n / 24)), true);
        break;
      case kDays:
        m = Make(i, end, DateRange::Day(b + sign * n), true);
        break;
      case kWeeks:
        m = from_publication ? Make(i, end, WeekOf(b - 7 * n), true)
                             : Make(i, end, DateRange::Day(b + sign * 7 * n), true);
        break;
      case kMonths:
        m = Make(i, end, MonthOf(b.year(), b.month() + sign * n), true);
        break;
      case kYears:
        m = Make(i, end, YearOf(b.year() + sign * n), true);
        break;
    }
    if (m) m->background = backward;
    return m;
  }

  // "early June", "late 2020", "mid July".
  Opt EarlyLate(uint32_t i) const {
    if (MonthAt(i + 1)) {
      Opt m = Month(i + 1, i, false);
      if (m && m->range.precision == DatePrecision::kMonth) return m;
      return std::nullopt;
    }
    if (YearAt(i + 1)) return Year(i + 1, i);
    return std::nullopt;
  }

  // "mid-July", "mid-2015", "early-2020".
  Opt Hyphenated(uint32_t i) const {
    std::string_view s = TokenText(body_, t_[i]);
    size_t dash = s.find('-');
    std::string_view head = s.substr(0, dash), rest = s.substr(dash + 1);
    if (!StartsWithLower(head, "mid") && !StartsWithLower(head, "early") &&
        !StartsWithLower(head, "late"))
      return std::nullopt;
    if (head.size() != 3 && head.size() != 5 && head.size() != 4) return std::nullopt;
    LexEntry e = LookUp(rest);
    if (e.lex == Lex::kMonth && rest.size() >= 3 && rest[0] >= 'A' && rest[0] <= 'Z') {
      int y = InferMonthYear(e.value);
      if (!y) return std::nullopt;
      return Make(i, i + 1, MonthOf(y, e.value), true);
    }
    if (rest.size() == 4 && IsDigit(rest[0])) {
      int y = 0;
      for (char c : rest) y = IsDigit(c) ? y * 10 + (c - '0') : -100000;
      if (y >= 1900 && y <= 2100) return Make(i, i + 1, YearOf(y), false);
    }
    return std::nullopt;
  }

  std::string_view body_;
  Sentence& s_;
  const std::vector<Token>& t_;
  DateContext& ctx_;
  std::vector<uint8_t>& taken_;
};

}  // namespace

void FindDates(std::string_view body, Sentence& sentence, DateContext& context,
               std::vector<uint8_t>& taken) {
  DateFinder(body, sentence, context, taken).Run();
}

}  // namespace sitrep
