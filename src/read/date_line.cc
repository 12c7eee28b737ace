#include "read/date_line.h"

#include <cctype>
#include <string>
#include <vector>

namespace sitrep::read {
namespace {

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) out.push_back(cur);
    cur.clear();
  };
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c == ':' || c >= 0x80) {
      cur += static_cast<char>(std::tolower(c));
    } else {
      flush();
    }
  }
  flush();
  return out;
}

int MonthNumber(const std::string& w) {
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  static constexpr std::string_view kFull[] = {"january",   "february", "march",    "april",
                                               "may",       "june",     "july",     "august",
                                               "september", "october",  "november", "december"};
  for (int i = 0; i < 12; ++i)
    if (w == kMonths[i] || w == kFull[i] || (w == "sept" && i == 8)) return i + 1;
  return 0;
}

bool IsWeekday(const std::string& w) {
  for (std::string_view d :
       {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
        "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"})
    if (w == d) return true;
  return false;
}

int Number(const std::string& w) {
  std::string digits = w;
  for (std::string_view suffix : {"st", "nd", "rd", "th"})
    if (digits.size() > 2 && digits.ends_with(suffix)) digits.resize(digits.size() - 2);
  if (digits.empty() || digits.size() > 4) return -1;
  for (char c : digits)
    if (!std::isdigit(static_cast<unsigned char>(c))) return -1;
  return std::stoi(digits);
}

// Words allowed after the date: times, zones, "at", "updated".
bool IsTimeWord(const std::string& w) {
  if (w.find(':') != std::string::npos) {
    for (char c : w)
      if (!std::isdigit(static_cast<unsigned char>(c)) && c != ':') return false;
    return true;
  }
  for (std::string_view t : {"am",  "pm",  "a",   "m",   "p",   "at",    "utc",  "gmt", "est",
                             "edt", "cst", "cdt", "pst", "pdt", "cet",   "cest", "bst", "ist",
                             "ast", "msk", "et",  "pt",  "z",   "local", "time"})
    if (w == t) return true;
  int n = Number(w);
  return n >= 0 && w.size() <= 4;  // "+0300", "17"
}

std::optional<Date> Make(int y, int m, int d) {
  if (y < 1900 || y > 2100 || !Date::IsValidYmd(y, m, d)) return std::nullopt;
  return Date::FromYmd(y, m, d);
}

}  // namespace

std::optional<Date> ParseDateLine(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
    text.remove_prefix(1);
  if (text.size() > 80) return std::nullopt;
  if (auto iso = Date::ParseIso(text); iso && text.size() <= 10) return iso;
  if (text.size() > 10 && text[4] == '-' && text[7] == '-' && (text[10] == 'T' || text[10] == ' '))
    if (auto iso = Date::ParseIso(text)) return iso;
  std::vector<std::string> w = Words(text);
  size_t i = 0;
  if (i < w.size() && IsWeekday(w[i])) ++i;
  if (w.size() < i + 3) return std::nullopt;
  std::optional<Date> date;
  int m = MonthNumber(w[i]);
  if (m) {  // July 15, 2021
    date = Make(Number(w[i + 2]), m, Number(w[i + 1]));
  } else if (int m2 = MonthNumber(w[i + 1])) {  // 15 July 2021
    date = Make(Number(w[i + 2]), m2, Number(w[i]));
  }
  if (!date) return std::nullopt;
  for (i += 3; i < w.size(); ++i)
    if (!IsTimeWord(w[i])) return std::nullopt;
  return date;
}

bool IsMonthAndDay(std::string_view text) {
  std::vector<std::string> w = Words(text);
  if (w.size() != 2) return false;
  int day = MonthNumber(w[0]) ? Number(w[1]) : MonthNumber(w[1]) ? Number(w[0]) : -1;
  return day >= 1 && day <= 31;
}

}  // namespace sitrep::read
