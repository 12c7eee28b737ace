// Civil dates as day numbers, and date ranges with a precision, as the event record needs them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sitrep {

// A proleptic Gregorian calendar day, stored as days since 1970-01-01.
class Date {
 public:
  Date() = default;
  static Date FromDays(int32_t days) { Date d; d.days_ = days; return d; }
  static Date FromYmd(int year, int month, int day);
  // Accepts YYYY-MM-DD (and a longer ISO timestamp, whose date part it takes).
  static std::optional<Date> ParseIso(std::string_view text);
  static bool IsValidYmd(int year, int month, int day);
  static int DaysInMonth(int year, int month);

  int32_t days() const { return days_; }
  int year() const;
  int month() const;
  int day() const;
  int weekday() const;  // 0 = Sunday … 6 = Saturday
  std::string Iso() const;

  Date operator+(int n) const { return FromDays(days_ + n); }
  Date operator-(int n) const { return FromDays(days_ - n); }
  int operator-(Date o) const { return days_ - o.days_; }
  auto operator<=>(const Date&) const = default;

 private:
  int32_t days_ = 0;
};

enum class DatePrecision { kDay, kWeek, kMonth, kYear, kRange };
std::string_view PrecisionName(DatePrecision p);
std::optional<DatePrecision> ParsePrecision(std::string_view name);

// An inclusive range of days; a single day has begin == end and precision kDay.
struct DateRange {
  Date begin;
  Date end;
  DatePrecision precision = DatePrecision::kDay;

  static DateRange Day(Date d) { return {d, d, DatePrecision::kDay}; }
  bool operator==(const DateRange&) const = default;
};

}  // namespace sitrep
