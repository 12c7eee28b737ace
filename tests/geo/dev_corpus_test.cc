// The real gazetteer on the dev articles: the places their gold events name must come out
// within the gold radius. The articles are read from ../shared (skipped when absent); the
// phrases below only say where in the text each gold event is told.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "geo/geocoder.h"
#include "geo_test_util.h"
#include "text/analysis.h"

namespace sitrep {
namespace {

const std::string kDev = SITREP_SOURCE_DIR "/../shared/corpus/dev/";

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

double Km(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = M_PI / 180;
  double x = (lon2 - lon1) * kRad * std::cos((lat1 + lat2) / 2 * kRad);
  double y = (lat2 - lat1) * kRad;
  return 6371.0 * std::sqrt(x * x + y * y);
}

struct Case {
  const char* article;
  const char* gold_id;
  const char* phrase;  // where the event is told; its sentence is the event's
};

class DevCorpus : public ::testing::TestWithParam<Case> {};

TEST_P(DevCorpus, EventPlaceWithinGoldRadius) {
  const Case& c = GetParam();
  std::string body = ReadFile(kDev + c.article + ".md");
  std::string gold = ReadFile(kDev + c.article + ".gold.jsonl");
  if (body.empty() || gold.empty()) GTEST_SKIP() << "dev corpus not found at " << kDev;
  const Geocoder* geocoder = testing::RealGeocoder();
  ASSERT_NE(geocoder, nullptr);
  nlohmann::json place;
  std::istringstream lines(gold);
  for (std::string line; std::getline(lines, line);) {
    if (line.empty()) continue;
    auto j = nlohmann::json::parse(line);
    if (j.value("id", "") == c.gold_id) place = j["place"];
  }
  ASSERT_TRUE(place.is_object()) << c.gold_id;
  AnalyzedText text = Analyze(body, std::nullopt);
  ArticlePlaces places = geocoder->Locate(body, text);
  size_t near = body.find(c.phrase);
  ASSERT_NE(near, std::string::npos) << c.phrase;
  uint32_t sentence = 0;
  for (uint32_t i = 0; i < text.sentences.size(); ++i)
    if (text.sentences[i].start <= near) sentence = i;
  auto l = EventLocation(places, text, sentence, static_cast<uint32_t>(near));
  ASSERT_TRUE(l.has_value()) << c.gold_id;
  double km = Km(l->lat, l->lon, place["lat"], place["lon"]);
  EXPECT_LE(km, place["km"].get<double>()) << c.gold_id << ": got " << l->text << " (" << l->lat
                                           << "," << l->lon << ", " << l->precision << ")";
}

INSTANTIATE_TEST_SUITE_P(
    Gold, DevCorpus,
    ::testing::Values(
        Case{"convoy-ieds-2021-07", "ied-nasiriyah-convoy", "a bomb detonated"},
        Case{"convoy-ieds-2021-07", "ied-nasiriyah-tanker", "a second bomb hit"},
        Case{"convoy-ieds-2021-07", "ied-diwaniyah", "A further explosion struck"},
        Case{"convoy-ieds-2021-07", "ied-babil", "A fourth roadside bomb"},
        Case{"gaza-ceasefire-2021-05", "rocket-salvoes", "rocket salvoes"},
        Case{"gaza-ceasefire-2021-05", "israeli-air-strike", "conducted at least"},
        Case{"us-embassy-baghdad-protest-2020-01", "embassy-rock-throwing", "threw rocks"},
        Case{"us-embassy-baghdad-protest-2020-01", "us-tear-gas", "were met with tear gas"},
        Case{"us-embassy-baghdad-protest-2020-01", "green-zone-storming", "breaking on Tuesday"},
        Case{"us-embassy-baghdad-protest-2020-01", "protest-camp", "spent the night"},
        Case{"red-alert-in-iraq", "ain-al-assad-rockets", "14 rockets hit"},
        Case{"red-alert-in-iraq", "erbil-airport-drone", "targeted U.S. forces"},
        Case{"red-alert-in-iraq", "al-omar-oilfield", "targeting al-Omar"},
        Case{"red-alert-in-iraq", "june-27-airstrikes", "they targeted a static"}));

}  // namespace
}  // namespace sitrep
