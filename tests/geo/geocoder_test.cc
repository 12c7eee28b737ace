#include "geo/geocoder.h"

#include <gtest/gtest.h>

#include "geo_test_util.h"
#include "text/analysis.h"

namespace sitrep {
namespace {

using testing::GeocoderFromTable;
using testing::kSmallWorld;

class GeocoderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    geocoder_ = GeocoderFromTable(kSmallWorld);
    ASSERT_NE(geocoder_, nullptr);
  }
  ArticlePlaces Locate(const std::string& body) {
    body_ = body;
    text_ = Analyze(body_, std::nullopt);
    return geocoder_->Locate(body_, text_);
  }
  // The mention whose text is `what`, or a failure.
  const PlaceMention* Find(const ArticlePlaces& p, std::string_view what) {
    for (const auto& m : p.mentions)
      if (m.location.text == what) return &m;
    ADD_FAILURE() << "no mention \"" << what << "\" in: " << Describe(p);
    return nullptr;
  }
  static std::string Describe(const ArticlePlaces& p) {
    std::string s;
    for (const auto& m : p.mentions)
      s += "[" + m.location.text + " " + m.location.country + " " + m.location.precision + "] ";
    return s;
  }
  std::unique_ptr<Geocoder> geocoder_;
  std::string body_;
  AnalyzedText text_;
};

TEST_F(GeocoderTest, VariantsAndTransliterationsMeetOnOneKey) {
  for (std::string name :
       {"Ain al-Assad", "Ain al-Asad", "Al Asad Airbase", "Ayn al-Asad", "AIN AL-ASAD"}) {
    auto p = Locate("Rockets hit " + name + " on Wednesday.");
    ASSERT_EQ(p.mentions.size(), 1u) << name << ": " << Describe(p);
    EXPECT_EQ(p.mentions[0].location.text, name);
    EXPECT_EQ(p.mentions[0].location.precision, "site");
    EXPECT_NEAR(p.mentions[0].location.lat, 33.80, 0.01);
  }
  for (std::string name : {"Erbil", "Arbil", "Hewlêr", "HEWLER"}) {
    auto p = Locate("A drone fell in " + name + ".");
    ASSERT_EQ(p.mentions.size(), 1u) << name << ": " << Describe(p);
    EXPECT_EQ(p.mentions[0].location.precision, "city") << name;
    EXPECT_NEAR(p.mentions[0].location.lon, 44.01, 0.01) << name;
  }
  for (std::string name : {"Deir ez-Zor", "Deir al-Zour", "Deir Ezzor", "Deir el-Zour"}) {
    auto p = Locate("Clashes broke out in " + name + " city.");
    ASSERT_EQ(p.mentions.size(), 1u) << name << ": " << Describe(p);
    EXPECT_EQ(p.mentions[0].location.country, "SYR") << name;
  }
}

TEST_F(GeocoderTest, DiacriticsArticlesAndPossessivesFold) {
  auto p = Locate("A blast struck al-Diwaniyah and Iraq's south.");
  const PlaceMention* d = Find(p, "al-Diwaniyah");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->location.precision, "city");
  EXPECT_NE(Find(p, "Iraq"), nullptr);
}

TEST_F(GeocoderTest, LongestMatchWins) {
  auto p = Locate("A drone targeted forces based in Erbil airport.");
  ASSERT_EQ(p.mentions.size(), 1u) << Describe(p);
  EXPECT_EQ(p.mentions[0].location.text, "Erbil airport");
  EXPECT_EQ(p.mentions[0].location.precision, "site");
  EXPECT_EQ(p.mentions[0].location.admin1, "Erbil");
}

TEST_F(GeocoderTest, AmbiguousNamesFollowTheArticlesCountries) {
  auto lebanon = Locate("Lebanese troops deployed in Tripoli, north Lebanon, on Friday.");
  const PlaceMention* t = Find(lebanon, "Tripoli");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->location.country, "LBN");
  auto libya = Locate("Fighting in Libya reached Tripoli.");
  t = Find(libya, "Tripoli");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->location.country, "LBY");
  // Without context the capital (larger, PPLC) wins over the Lebanese city and the Iowa town.
  auto bare = Locate("Tripoli was quiet.");
  t = Find(bare, "Tripoli");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->location.country, "LBY");
}

TEST_F(GeocoderTest, SmallTownsNeedTheArticlesCountry) {
  EXPECT_TRUE(Locate("Nothing happened in Smallville.").mentions.empty());
  auto p = Locate("In Syria, shells fell on Smallville.");
  const PlaceMention* s = Find(p, "Smallville");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->location.country, "SYR");
}

// A city that stands on its own but shares its name with a village elsewhere ("Goma") is, once
// chosen, the country support a small town beside it needs.
TEST(GeocoderSupport, ChosenCityOfASharedNameSupportsTownsOfItsCountry) {
  auto g = GeocoderFromTable(
      "# kind\tname\tvariants\tcountry\tadmin1\tlat\tlon\tpopulation\tfeature\n"
      "country\tDR Congo\t\tCOD\t\t0\t25\t0\tcountry\n"
      "city\tGoma\t\tCOD\tNord-Kivu\t-1.67\t29.23\t670000\tPPLA\n"
      "city\tGoma\t\tNGA\tKano\t11.9\t8.5\t600\tPPL\n"
      "city\tSake\t\tCOD\tNord-Kivu\t-1.57\t29.04\t17151\tPPL\n");
  ASSERT_NE(g, nullptr);
  std::string body = "Rebels fought around Sake, about 25 km west of Goma, on Monday.";
  AnalyzedText text = Analyze(body, std::nullopt);
  ArticlePlaces p = g->Locate(body, text);
  bool sake = false;
  for (const auto& m : p.mentions)
    if (m.location.text == "Sake") sake = m.location.country == "COD";
  EXPECT_TRUE(sake);
  body = "Rebels fought around Sake on Monday.";
  text = Analyze(body, std::nullopt);
  EXPECT_TRUE(g->Locate(body, text).mentions.empty());
}

TEST_F(GeocoderTest, PrecisionLevels) {
  auto p = Locate(
      "In Iraq, a bomb hit a convoy in Babil province, another near Nasiriyah, and rockets hit "
      "Ain al-Asad; strikes hit the Iraqi-Syrian border.");
  const PlaceMention* iraq = Find(p, "Iraq");
  const PlaceMention* babil = Find(p, "Babil province");
  const PlaceMention* nas = Find(p, "Nasiriyah");
  const PlaceMention* ain = Find(p, "Ain al-Asad");
  const PlaceMention* border = Find(p, "Iraqi-Syrian border");
  ASSERT_TRUE(iraq && babil && nas && ain && border) << Describe(p);
  EXPECT_EQ(iraq->location.precision, "country");
  EXPECT_EQ(babil->location.precision, "admin1");
  EXPECT_EQ(nas->location.precision, "city");
  EXPECT_EQ(nas->location.admin1, "Dhi Qar");
  EXPECT_EQ(ain->location.precision, "site");
  EXPECT_EQ(border->location.precision, "region");
  EXPECT_NEAR(border->location.lat, 34.40, 0.01);
}

TEST_F(GeocoderTest, CountryPlaceWordOfNameIsTheNamedPlaceInThatCountry) {
  // "the Lebanese city of Tripoli": the Lebanese Tripoli, over the larger Libyan capital.
  auto p = Locate("Fighting broke out in the Lebanese city of Tripoli.");
  const PlaceMention* t = Find(p, "Tripoli");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->location.country, "LBN");
  EXPECT_EQ(t->location.precision, "city");
  // A country name, not only a demonym, before the place word; the place word is no place of
  // its own ("US town" was read as the country), and a small town needs no more support.
  p = Locate("A tornado hit the US town of Tripoli on Monday.");
  t = Find(p, "Tripoli");
  ASSERT_NE(t, nullptr) << Describe(p);
  EXPECT_EQ(t->location.country, "USA");
  for (const auto& m : p.mentions) EXPECT_EQ(m.location.text.find("town"), std::string::npos);
  p = Locate("Shells fell on the Syrian town of Smallville.");
  t = Find(p, "Smallville");
  ASSERT_NE(t, nullptr) << Describe(p);
  EXPECT_EQ(t->location.country, "SYR");
  // A name the gazetteer does not know leaves the country, named as itself.
  p = Locate("A drone hit the US city of Nowhereville.");
  ASSERT_EQ(p.mentions.size(), 1u) << Describe(p);
  EXPECT_EQ(p.mentions[0].location.text, "US");
  EXPECT_EQ(p.mentions[0].location.precision, "country");
}

TEST_F(GeocoderTest, RegionPhrasesMayStartLowercase) {
  auto p = Locate("Meanwhile, in eastern Syria, drones attacked al-Omar oilfield.");
  const PlaceMention* east = Find(p, "eastern Syria");
  const PlaceMention* omar = Find(p, "al-Omar oilfield");
  ASSERT_TRUE(east && omar) << Describe(p);
  EXPECT_EQ(east->location.precision, "region");
  EXPECT_EQ(omar->location.precision, "site");
}

TEST_F(GeocoderTest, AvoidsFalseHits) {
  // Lower-case words, common words, acronyms and people are no towns.
  auto p = Locate(
      "Of the police who split up, some hope for mobile units. Police said Mobile units and "
      "Joe Biden spoke. The Washington Post wrote it. OF COURSE.");
  EXPECT_TRUE(p.mentions.empty()) << Describe(p);
  // A country beats the Maine town of the same name.
  auto israel = Locate("Israel conducted an air strike.");
  ASSERT_EQ(israel.mentions.size(), 1u);
  EXPECT_EQ(israel.mentions[0].location.country, "ISR");
  EXPECT_EQ(israel.mentions[0].location.precision, "country");
}

TEST_F(GeocoderTest, DemonymsAreContextNotPlaces) {
  auto p = Locate("Iraqi and Syrian officials met. Iraqis protested.");
  EXPECT_TRUE(p.mentions.empty()) << Describe(p);
  EXPECT_EQ(p.focus_country, "IRQ");
  ASSERT_TRUE(p.focus.has_value());
  EXPECT_EQ(p.focus->precision, "country");
  EXPECT_EQ(p.focus->text, "Iraq");
}

TEST_F(GeocoderTest, CountriesNamingActorsAreModifiers) {
  auto p = Locate("U.S. troops fired at Iran-backed men in Iraq. The US-led coalition left.");
  const PlaceMention* us = Find(p, "U.S.");
  const PlaceMention* iraq = Find(p, "Iraq");
  ASSERT_TRUE(us && iraq) << Describe(p);
  EXPECT_TRUE(us->modifier);
  EXPECT_FALSE(iraq->modifier);
  EXPECT_TRUE(iraq->locative);
  EXPECT_EQ(p.focus_country, "IRQ");
}

TEST_F(GeocoderTest, ReferencePointsAreRelative) {
  auto p = Locate("A bomb exploded in al-Diwaniyah, 180 kilometers south of Baghdad.");
  const PlaceMention* baghdad = Find(p, "Baghdad");
  ASSERT_NE(baghdad, nullptr);
  EXPECT_TRUE(baghdad->relative);
}

TEST_F(GeocoderTest, UnknownPlacesAreNoError) {
  auto p = Locate("Fighting raged in Xyzzyville and Qwertystan.");
  EXPECT_TRUE(p.mentions.empty());
  EXPECT_EQ(p.focus_country, "");
  EXPECT_FALSE(p.focus.has_value());
  EXPECT_TRUE(Locate("").mentions.empty());
}

TEST_F(GeocoderTest, MentionsStayInsideTheirSentence) {
  auto p =
      Locate("Rockets were fired by the U.S. Iraq condemned it.\nBaghdad\nErbil airport shut.");
  ASSERT_FALSE(p.mentions.empty());
  for (const PlaceMention& m : p.mentions) {
    ASSERT_LT(m.sentence, text_.sentences.size());
    EXPECT_GE(m.start, text_.sentences[m.sentence].start) << m.location.text;
    EXPECT_LE(m.end, text_.sentences[m.sentence].end) << m.location.text;
    EXPECT_LT(m.start, m.end);
  }
}

TEST(GeocoderOpen, MissingGazetteerIsAnErrorNamingTheFileAndSetup) {
  auto g = Geocoder::Open("/nonexistent/gazetteer.bin");
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.error().find("/nonexistent/gazetteer.bin"), std::string::npos);
  EXPECT_NE(g.error().find("scripts/setup"), std::string::npos);
}

// ", Country" after a place says where that place is ("Tripoli, Lebanon": the Lebanese one);
// after a name that is no place ("on Monday, Syria said") it names no place as such.
TEST_F(GeocoderTest, CommaCountryAttachesOnlyToAPlaceBeforeIt) {
  auto p = Locate("Protesters gathered in Tripoli, Lebanon, on Monday.");
  const PlaceMention* tripoli = Find(p, "Tripoli");
  const PlaceMention* lebanon = Find(p, "Lebanon");
  ASSERT_TRUE(tripoli && lebanon) << Describe(p);
  EXPECT_EQ(tripoli->location.country, "LBN");
  EXPECT_TRUE(lebanon->locative);
  p = Locate("The talks ended without a deal on Monday, Syria said in a statement.");
  const PlaceMention* syria = Find(p, "Syria");
  ASSERT_NE(syria, nullptr);
  EXPECT_FALSE(syria->locative);
}

}  // namespace
}  // namespace sitrep
