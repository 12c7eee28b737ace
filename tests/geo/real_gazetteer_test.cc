// The gazetteer built at set-up (GeoNames, countries, admin-1 areas, curated sites) on
// sentences of the kind conflict news writes. It must exist: set-up builds it.
#include <gtest/gtest.h>

#include <cmath>

#include "geo/geocoder.h"
#include "geo_test_util.h"
#include "text/analysis.h"

namespace sitrep {
namespace {

struct Expect {
  const char* sentence;
  const char* mention;
  const char* precision;
  const char* country;
  double lat, lon, km;
};

class RealPlaces : public ::testing::TestWithParam<Expect> {};

TEST_P(RealPlaces, Resolves) {
  const Expect& e = GetParam();
  const Geocoder* g = testing::RealGeocoder();
  ASSERT_NE(g, nullptr) << "run scripts/setup to build the gazetteer";
  std::string body = e.sentence;
  AnalyzedText text = Analyze(body, std::nullopt);
  ArticlePlaces places = g->Locate(body, text);
  const PlaceMention* found = nullptr;
  std::string all;
  for (const PlaceMention& m : places.mentions) {
    all += "[" + m.location.text + "] ";
    if (m.location.text == e.mention) found = &m;
  }
  ASSERT_NE(found, nullptr) << e.mention << " not among " << all;
  EXPECT_EQ(found->location.precision, e.precision) << e.mention;
  EXPECT_EQ(found->location.country, e.country) << e.mention;
  constexpr double kRad = M_PI / 180;
  double x = (found->location.lon - e.lon) * kRad * std::cos(e.lat * kRad);
  double y = (found->location.lat - e.lat) * kRad;
  EXPECT_LE(6371 * std::sqrt(x * x + y * y), e.km) << e.mention;
}

INSTANTIATE_TEST_SUITE_P(
    News, RealPlaces,
    ::testing::Values(
        Expect{"Rockets struck Anbar province overnight.", "Anbar province", "admin1", "IRQ", 32.5,
               41.9, 100},
        Expect{"Bombs hit convoys in Dhi Qar and al-Qadisiyah.", "Dhi Qar", "admin1", "IRQ", 31.1,
               46.3, 100},
        Expect{"Bombs hit convoys in Dhi Qar and al-Qadisiyah.", "al-Qadisiyah", "admin1", "IRQ",
               32.0, 45.1, 100},
        Expect{"A bomb targeted a convoy in Babil, the central province.", "Babil", "admin1", "IRQ",
               32.5, 44.5, 100},
        Expect{"A drone fell near Arbil.", "Arbil", "city", "IRQ", 36.19, 44.01, 15},
        Expect{"A drone fell near Hewlêr.", "Hewlêr", "city", "IRQ", 36.19, 44.01, 15},
        Expect{"Shelling hit Deir al-Zour.", "Deir al-Zour", "city", "SYR", 35.33, 40.14, 15},
        Expect{"Shelling hit Deir Ezzor.", "Deir Ezzor", "city", "SYR", 35.33, 40.14, 15},
        Expect{"A bomb went off near Nasiriyah.", "Nasiriyah", "city", "IRQ", 31.05, 46.26, 15},
        Expect{"In Lebanon, gunmen clashed in Tripoli.", "Tripoli", "city", "LBN", 34.43, 35.84,
               15},
        Expect{"Libyan forces clashed in Tripoli.", "Tripoli", "city", "LBY", 32.89, 13.19, 15},
        Expect{"US forces were attacked in eastern Syria.", "eastern Syria", "region", "SYR", 35.0,
               40.2, 150},
        Expect{"Turkish jets bombed northern Iraq.", "northern Iraq", "region", "IRQ", 36.3, 43.5,
               150},
        Expect{"Israel shelled southern Lebanon.", "southern Lebanon", "region", "LBN", 33.3, 35.4,
               80},
        Expect{"Strikes hit the Iraqi-Syrian border.", "Iraqi-Syrian border", "region", "IRQ", 34.4,
               41.0, 50},
        Expect{"Officials in the Kurdistan Region said so.", "Kurdistan Region", "region", "IRQ",
               36.4, 44.3, 100},
        Expect{"Tankers were seized in the Gulf.", "the Gulf", "region", "", 26.5, 52.0, 300},
        Expect{"Rockets hit the US Embassy in Baghdad.", "US Embassy in Baghdad", "site", "IRQ",
               33.30, 44.39, 5},
        Expect{"Drones targeted Erbil airport.", "Erbil airport", "site", "IRQ", 36.24, 43.96, 5},
        Expect{"Rockets hit Ain al-Asad.", "Ain al-Asad", "site", "IRQ", 33.80, 42.44, 5},
        Expect{"A drone hit the al-Omar oil field.", "al-Omar oil field", "site", "SYR", 35.08,
               40.66, 5},
        Expect{"Israeli jets struck Khan Younis.", "Khan Younis", "city", "PSE", 31.34, 34.30, 10},
        Expect{"Houthis fired at Hodeidah port.", "Hodeidah port", "site", "YEM", 14.83, 42.93, 10},
        Expect{"Hezbollah fired at Kiryat Shmona.", "Kiryat Shmona", "city", "ISR", 33.21, 35.57,
               10},
        Expect{"Drones hit the Saudi city of Jazan.", "Jazan", "city", "SAU", 16.89, 42.55, 15},
        Expect{"Gunmen clashed in the Lebanese city of Tripoli.", "Tripoli", "city", "LBN", 34.43,
               35.84, 15},
        // A town with its country after a comma: the country vouches for it.
        Expect{"Militants attacked a checkpoint in Bannu, Pakistan.", "Bannu", "city", "PAK", 32.99,
               70.60, 15},
        // "eastern Congo" is the Democratic Republic's east, and vouches for its towns.
        Expect{"M23 rebels shelled Sake in eastern Congo on Monday.", "Sake", "city", "COD", -1.57,
               29.04, 15},
        // GeoNames' other names: the spellings news use for 'Ayn al 'Arab and Punch.
        Expect{"A drone struck a car near Kobani in Syria.", "Kobani", "city", "SYR", 36.89, 38.35,
               15},
        Expect{"Troops shelled villages in Poonch, India.", "Poonch", "city", "IND", 33.77, 74.09,
               15}));

// GeoNames gives Hamm, Germany, the other name "Hamas": names of actors are never taken from
// other names of places.
TEST(RealGazetteer, ActorNamesAreNotOtherNamesOfPlaces) {
  const Geocoder* g = testing::RealGeocoder();
  ASSERT_NE(g, nullptr) << "run scripts/setup to build the gazetteer";
  std::string body = "Hamas fired rockets on Friday, and Hezbollah answered.";
  AnalyzedText text = Analyze(body, std::nullopt);
  std::string all;
  for (const PlaceMention& m : g->Locate(body, text).mentions)
    all += "[" + m.location.text + " " + m.location.country + "] ";
  EXPECT_TRUE(all.empty()) << all;
}

TEST(RealGazetteer, CommonWordsAndPeopleAreNoPlaces) {
  const Geocoder* g = testing::RealGeocoder();
  ASSERT_NE(g, nullptr) << "run scripts/setup to build the gazetteer";
  std::string body =
      "Reading the report, Police said Man and Hope were Split on Justice. Nice try. Of course "
      "Mobile units moved. President Joe Biden and Barack Obama spoke. The Washington Post "
      "reported it. None of them knew. Change came.";
  AnalyzedText text = Analyze(body, std::nullopt);
  ArticlePlaces places = g->Locate(body, text);
  std::string all;
  for (const PlaceMention& m : places.mentions)
    all += "[" + m.location.text + " " + m.location.country + "] ";
  EXPECT_TRUE(places.mentions.empty()) << all;
}

// "Somali troops": a demonym before a common noun is the adjective, not Ethiopia's Somali
// region; "the Somali region" still is the region.
TEST(RealGazetteer, DemonymBeforeACommonNounIsNoRegion) {
  const Geocoder* g = testing::RealGeocoder();
  ASSERT_NE(g, nullptr) << "run scripts/setup to build the gazetteer";
  for (std::string body : {"Somali troops attacked the town on Monday.",
                           "Somali forces and Somali officials met in the capital."}) {
    AnalyzedText text = Analyze(body, std::nullopt);
    for (const PlaceMention& m : g->Locate(body, text).mentions)
      EXPECT_NE(m.location.country, "ETH") << body << ": " << m.location.text;
  }
  std::string body = "Fighting erupted in the Somali region of Ethiopia.";
  AnalyzedText text = Analyze(body, std::nullopt);
  bool region = false;
  for (const PlaceMention& m : g->Locate(body, text).mentions)
    region |= m.location.precision == "admin1" && m.location.country == "ETH";
  EXPECT_TRUE(region);
}

// A region inside an organization's name is no place: "U.S. Africa Command", "the Sahel Wire
// Service"; the region alone is.
TEST(RealGazetteer, RegionInAnOrganizationsNameIsNoPlace) {
  const Geocoder* g = testing::RealGeocoder();
  ASSERT_NE(g, nullptr) << "run scripts/setup to build the gazetteer";
  for (std::string body : {"U.S. Africa Command said the strike hit militants.",
                           "The Sahel Wire Service reported the attack."}) {
    AnalyzedText text = Analyze(body, std::nullopt);
    for (const PlaceMention& m : g->Locate(body, text).mentions)
      EXPECT_NE(m.location.precision, "region") << body << ": " << m.location.text;
  }
  std::string body = "Fighting spread across the Sahel on Monday.";
  AnalyzedText text = Analyze(body, std::nullopt);
  bool region = false;
  for (const PlaceMention& m : g->Locate(body, text).mentions)
    region |= m.location.precision == "region";
  EXPECT_TRUE(region);
}

TEST(RealGazetteer, FocusIsThePlaceNotTheActor) {
  const Geocoder* g = testing::RealGeocoder();
  ASSERT_NE(g, nullptr) << "run scripts/setup to build the gazetteer";
  std::string body =
      "U.S. troops in Iraq came under fire. The U.S. said U.S. forces and U.S. contractors "
      "at Ain al-Asad were safe. The United States will respond, U.S. officials said. Rockets "
      "also hit Erbil.";
  AnalyzedText text = Analyze(body, std::nullopt);
  EXPECT_EQ(g->Locate(body, text).focus_country, "IRQ");
}

}  // namespace
}  // namespace sitrep
