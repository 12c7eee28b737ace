// AppendJsonLine must write exactly what ToJson(e).dump() writes, for every field shape.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <random>

#include "base/event.h"

namespace sitrep {
namespace {

std::string ViaTree(const Event& e) {
  return ToJson(e).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string ViaLine(const Event& e) {
  std::string out;
  AppendJsonLine(e, out);
  return out;
}

Event Full() {
  Event e;
  e.id = "ev-1";
  e.date.begin = *Date::ParseIso("2021-01-13");
  e.date.end = *Date::ParseIso("2021-01-14");
  e.source = Actor{"Iraqi army", "IRQMIL", "IRQ", "MIL"};
  e.target = Actor{"protesters", "CVL", "", ""};
  e.cameo = "190";
  e.root = "19";
  e.quad_class = 4;
  e.goldstein = -10;
  e.acled_type = "Battles";
  e.acled_subtype = "Armed clash";
  e.location = Location{"Mosul", "IRQ", "Nineveh", 36.335, 43.11889, "city"};
  e.fatalities = 3;
  e.injuries = 0;
  e.weapon = Weapon{"rocket", 6};
  e.evidence = {"Six rockets hit \"the\" base,\tkilling 3.\n", 17, 58};
  e.attributed_to = "";
  e.article = {"a-1",    "Title", "https://x.example/a?b=c\\d", Date::ParseIso("2021-01-13"),
               "Ledger", "Anna"};
  e.confidence = 0.7;
  return e;
}

TEST(EventJsonLine, FullEventMatchesTree) {
  Event e = Full();
  EXPECT_EQ(ViaLine(e), ViaTree(e));
  EXPECT_NE(ViaLine(e).find("\"weapon\":{\"count\":6,\"kind\":\"rocket\"}"), std::string::npos);
}

TEST(EventJsonLine, EmptyEventMatchesTree) {
  Event e;
  EXPECT_EQ(ViaLine(e), ViaTree(e));
  EXPECT_NE(ViaLine(e).find("\"location\":null"), std::string::npos);
}

TEST(EventJsonLine, NumbersMatchTree) {
  Event e = Full();
  for (double d : {0.0, -0.0, 1.0, 1e20, 1e-7, 0.1, 123456789.125, -3.5,
                   std::numeric_limits<double>::quiet_NaN(),
                   std::numeric_limits<double>::infinity(), 5e-324, 1.7976931348623157e308}) {
    e.goldstein = d;
    e.confidence = -d;
    e.location->lat = d;
    EXPECT_EQ(ViaLine(e), ViaTree(e)) << d;
  }
  e.fatalities = std::numeric_limits<int>::min();
  e.injuries = std::nullopt;
  e.weapon->count = std::nullopt;
  e.evidence.end = std::numeric_limits<size_t>::max();
  EXPECT_EQ(ViaLine(e), ViaTree(e));
}

TEST(EventJsonLine, StringsMatchTreeIncludingControlAndBrokenUtf8) {
  Event e = Full();
  for (std::string s : {std::string("caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D"),
                        std::string("\x01\x1F\x7F end"), std::string("bad \xC3 tail"),
                        std::string("\xED\xA0\x80 surrogate"), std::string("\xF0\x9F\x92\xA5"),
                        std::string("over\xC0\xAFlong"), std::string("cut \xE2\x80"),
                        std::string("\xF4\x90\x80\x80 too big"), std::string(1, '\0')}) {
    e.evidence.sentence = s;
    e.source->text = s;
    e.article.title = s;
    e.location->text = s;
    EXPECT_EQ(ViaLine(e), ViaTree(e)) << s;
  }
}

TEST(EventJsonLine, RandomStringsMatchTree) {
  std::mt19937 rng(11);
  Event e = Full();
  for (int round = 0; round < 2000; ++round) {
    std::string s(rng() % 12, ' ');
    for (char& c : s) c = static_cast<char>(rng() % 256);
    e.evidence.sentence = s;
    e.acled_type = s;
    e.target->country = s;
    ASSERT_EQ(ViaLine(e), ViaTree(e)) << round;
  }
}

}  // namespace
}  // namespace sitrep
