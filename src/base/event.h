// The event record of ../shared/spec/event-record.md as a C++ value, and its JSON form.
// Fields may be added; none may be renamed or dropped.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "base/date.h"
#include "base/result.h"

namespace sitrep {

struct Actor {
  std::string text;     // as written in the article
  std::string code;     // CAMEO-style: ISO alpha-3 then role codes, e.g. USAMIL
  std::string country;  // first three letters of code when it is a country, else ""
  std::string sector;   // the role part, e.g. MIL
};

struct Location {
  std::string text;
  std::string country;  // ISO alpha-3
  std::string admin1;
  double lat = 0;
  double lon = 0;
  std::string precision;  // site, city, admin1, region or country
};

struct Weapon {
  std::string kind;  // rocket, drone, ied, missile, airstrike, gun, artillery, …
  std::optional<int> count;
};

struct Evidence {
  std::string sentence;
  size_t start = 0;  // byte offsets into the article's normalized body
  size_t end = 0;
};

struct ArticleRef {
  std::string id;
  std::string title;
  std::string url;
  std::optional<Date> published;
  std::string outlet;
  std::string author;
};

struct Event {
  std::string id;
  DateRange date;
  std::optional<Actor> source;
  std::optional<Actor> target;
  std::string cameo;
  std::string root;
  int quad_class = 0;
  double goldstein = 0;
  std::optional<std::string> acled_type;
  std::optional<std::string> acled_subtype;
  std::optional<Location> location;
  std::optional<int> fatalities;
  std::optional<int> injuries;
  std::optional<Weapon> weapon;
  Evidence evidence;
  std::optional<std::string> attributed_to;
  ArticleRef article;
  double confidence = 0;
  // Added fields (the contract allows additions).
  int num_sources = 1;   // reports merged into this event (store)
  int num_articles = 1;  // distinct articles among them
};

nlohmann::json ToJson(const Event& e);
Result<Event> EventFromJson(const nlohmann::json& j);
// Appends ToJson(e).dump() (compact, invalid UTF-8 replaced) without building the JSON tree;
// the JSON Lines writer's fast path. Keep it in step with ToJson (tests/base checks both agree).
void AppendJsonLine(const Event& e, std::string& out);
// The same object without the members that EventFromJson reads back as their defaults (nulls,
// empty strings, zeros, counts of 1, date_end equal to date, a day precision, an empty article
// or evidence): it parses to the same event in fewer bytes. For storage, not for output.
void AppendCompactJson(const Event& e, std::string& out);

}  // namespace sitrep
