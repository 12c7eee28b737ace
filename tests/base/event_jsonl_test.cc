// AppendJsonLine must write exactly what ToJson(e).dump() writes, for every field shape, and
// AppendCompactJson must read back as the same event in fewer bytes.
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

std::string ViaCompact(const Event& e) {
  std::string out;
  AppendCompactJson(e, out);
  return out;
}

// The event a JSON text reads back as, in its full line form (so two reads compare whole).
std::string ReadBack(const std::string& text) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  EXPECT_FALSE(j.is_discarded()) << text;
  auto e = EventFromJson(j);
  EXPECT_TRUE(e.ok()) << text;
  return e.ok() ? ViaLine(*e) : "";
}

TEST(EventCompactJson, ReadsBackAsTheFullLineDoes) {
  Event full = Full();
  EXPECT_EQ(ReadBack(ViaCompact(full)), ReadBack(ViaLine(full)));
  Event empty;
  EXPECT_EQ(ReadBack(ViaCompact(empty)), ReadBack(ViaLine(empty)));
  EXPECT_EQ(ViaCompact(empty), "{\"date\":\"1970-01-01\"}");
}

TEST(EventCompactJson, RandomFieldShapesReadBackTheSame) {
  std::mt19937 rng(5);
  auto coin = [&] { return rng() % 2 == 0; };
  auto text = [&] { return coin() ? std::string() : std::string(rng() % 4 + 1, 'a' + rng() % 26); };
  for (int round = 0; round < 3000; ++round) {
    Event e;
    e.id = text();
    e.date.begin = Date::FromDays(static_cast<int32_t>(rng() % 20000));
    e.date.end = coin() ? e.date.begin : e.date.begin + static_cast<int>(rng() % 40);
    e.date.precision = static_cast<DatePrecision>(rng() % 5);
    if (coin()) e.source = Actor{text(), text(), text(), text()};
    if (coin()) e.target = Actor{text(), text(), text(), text()};
    e.cameo = text();
    e.root = text();
    e.quad_class = static_cast<int>(rng() % 5);
    e.goldstein = coin() ? (coin() ? 0.0 : -0.0) : -10.0 + static_cast<double>(rng() % 200) / 10;
    if (coin()) e.acled_type = text();
    if (coin()) e.acled_subtype = text();
    if (coin())
      e.location =
          Location{text(), text(), text(), coin() ? 0.0 : 33.3, coin() ? -0.0 : -44.4, text()};
    if (coin()) e.fatalities = static_cast<int>(rng() % 3) - 1;
    if (coin()) e.injuries = coin() ? 0 : std::numeric_limits<int>::max();
    if (coin()) e.weapon = Weapon{text(), coin() ? std::optional<int>() : 0};
    if (coin()) e.evidence = {text(), rng() % 3, rng() % 3};
    if (coin()) e.attributed_to = text();
    if (coin())
      e.article = {text(), text(), text(), coin() ? Date::ParseIso("2021-07-07") : std::nullopt,
                   text(), text()};
    e.confidence = coin() ? 0.0 : 0.25;
    e.num_sources = static_cast<int>(rng() % 3);
    e.num_articles = static_cast<int>(rng() % 3);
    std::string compact = ViaCompact(e);
    ASSERT_EQ(ReadBack(compact), ReadBack(ViaLine(e))) << round << ": " << compact;
    ASSERT_LE(compact.size(), ViaLine(e).size());
  }
}

}  // namespace
}  // namespace sitrep
