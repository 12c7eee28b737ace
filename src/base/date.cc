#include "base/date.h"

#include <fmt/format.h>

#include <charconv>
#include <chrono>

namespace sitrep {
namespace {

std::chrono::year_month_day Ymd(int32_t days) {
  return std::chrono::year_month_day{std::chrono::sys_days{std::chrono::days{days}}};
}

bool ParseInt(std::string_view s, int& out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

}  // namespace

Date Date::FromYmd(int year, int month, int day) {
  using namespace std::chrono;
  sys_days d{std::chrono::year{year} / std::chrono::month{static_cast<unsigned>(month)} /
             std::chrono::day{static_cast<unsigned>(day)}};
  return FromDays(static_cast<int32_t>(d.time_since_epoch().count()));
}

bool Date::IsValidYmd(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= DaysInMonth(year, month);
}

int Date::DaysInMonth(int year, int month) {
  using namespace std::chrono;
  auto last = year_month_day_last{std::chrono::year{year},
                                  month_day_last{std::chrono::month{static_cast<unsigned>(month)}}};
  return static_cast<int>(static_cast<unsigned>(last.day()));
}

std::optional<Date> Date::ParseIso(std::string_view text) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int y, m, d;
  if (!ParseInt(text.substr(0, 4), y) || !ParseInt(text.substr(5, 2), m) ||
      !ParseInt(text.substr(8, 2), d))
    return std::nullopt;
  if (text.size() > 10 && text[10] != 'T' && text[10] != ' ') return std::nullopt;
  if (!IsValidYmd(y, m, d)) return std::nullopt;
  return FromYmd(y, m, d);
}

int Date::year() const {
  return static_cast<int>(Ymd(days_).year());
}
int Date::month() const {
  return static_cast<int>(static_cast<unsigned>(Ymd(days_).month()));
}
int Date::day() const {
  return static_cast<int>(static_cast<unsigned>(Ymd(days_).day()));
}

int Date::weekday() const {
  return static_cast<int>(
      std::chrono::weekday{std::chrono::sys_days{std::chrono::days{days_}}}.c_encoding());
}

std::string Date::Iso() const {
  int y = year(), m = month(), d = day();
  if (y < 0 || y > 9999 || m < 0 || m > 99 || d < 0 || d > 99)
    return fmt::format("{:04d}-{:02d}-{:02d}", y, m, d);
  // Every event line writes several dates: digits by hand, not through fmt.
  char buf[10] = {static_cast<char>('0' + y / 1000),
                  static_cast<char>('0' + y / 100 % 10),
                  static_cast<char>('0' + y / 10 % 10),
                  static_cast<char>('0' + y % 10),
                  '-',
                  static_cast<char>('0' + m / 10),
                  static_cast<char>('0' + m % 10),
                  '-',
                  static_cast<char>('0' + d / 10),
                  static_cast<char>('0' + d % 10)};
  return std::string(buf, sizeof buf);
}

std::string_view PrecisionName(DatePrecision p) {
  switch (p) {
    case DatePrecision::kDay:
      return "day";
    case DatePrecision::kWeek:
      return "week";
    case DatePrecision::kMonth:
      return "month";
    case DatePrecision::kYear:
      return "year";
    case DatePrecision::kRange:
      return "range";
  }
  return "day";
}

std::optional<DatePrecision> ParsePrecision(std::string_view name) {
  for (auto p : {DatePrecision::kDay, DatePrecision::kWeek, DatePrecision::kMonth,
                 DatePrecision::kYear, DatePrecision::kRange})
    if (PrecisionName(p) == name) return p;
  return std::nullopt;
}

}  // namespace sitrep
