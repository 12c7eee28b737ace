#include "geo/gazetteer.h"

#include <gtest/gtest.h>

#include <fstream>

#include "geo/fold.h"
#include "geo_test_util.h"

namespace sitrep::geo {
namespace {

TEST(Fold, KeysFoldCaseDiacriticsArticlesAndSpelling) {
  EXPECT_EQ(NameKey("Ain al-Assad"), "ain asad");
  EXPECT_EQ(NameKey("Ain al-Asad"), "ain asad");
  EXPECT_EQ(NameKey("AIN AL ASAD"), "ain asad");
  EXPECT_EQ(NameKey("Deir ez-Zor"), "deir zor");
  EXPECT_EQ(NameKey("Ad Dīwānīyah"), "diwaniya");
  EXPECT_EQ(NameKey("al-Diwaniya"), "diwaniya");
  EXPECT_EQ(NameKey("Hewlêr"), "hewler");
  EXPECT_EQ(NameKey("Sana'a"), "sana");
  EXPECT_EQ(NameKey("Iraq's"), "iraq");
  EXPECT_EQ(NameKey("Tall ‘Afar"), "tal afar");
  EXPECT_EQ(NameKey("U.S. Embassy"), "u s embasy");
  // "As" and "At" are articles only before a capitalized word or a hyphen.
  EXPECT_EQ(NameKey("As Sulaymānīyah"), "sulaymaniya");
  EXPECT_EQ(NameKey("Camp as well"), "camp as wel");
}

TEST(Fold, TokensKnowCapitalsAndJoins) {
  auto t = TokenizeNames("the Iran-backed militia, in U.S. hands");
  ASSERT_EQ(t.size(), 8u);  // the Iran backed militia in U S hands
  EXPECT_FALSE(t[0].capitalized);
  EXPECT_TRUE(t[1].capitalized);
  EXPECT_TRUE(t[1].hyphen_after);
  EXPECT_TRUE(t[1].joined_to_next);
  EXPECT_FALSE(t[3].joined_to_next);  // the comma
  EXPECT_TRUE(t[5].joined_to_next);   // "U." abbreviation dot
  EXPECT_TRUE(t[6].joined_to_next);
  EXPECT_TRUE(t[5].all_caps == false);  // one letter is no acronym
}

TEST(PlaceTable, ParsesAndRejectsMalformedLines) {
  auto rows = ParsePlaceTable(
      "# comment\n"
      "city\tErbil\tArbil|Irbil\tIRQ\tErbil\t36.18\t44.01\t932800\tPPLA\n"
      "site\tStrait of Hormuz\tHormuz\t-\t-\t26.57\t56.25\n");
  ASSERT_TRUE(rows.ok()) << rows.error();
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].variants.size(), 2u);
  EXPECT_EQ((*rows)[0].population, 932800u);
  EXPECT_EQ((*rows)[1].country, "");
  EXPECT_EQ((*rows)[1].feature, "site");
  auto bad = ParsePlaceTable("city\tErbil\t\tIRQ\tErbil\tnorth\t44\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().find("line 1"), std::string::npos);
  EXPECT_FALSE(ParsePlaceTable("volcano\tEtna\t\tITA\t\t37.7\t15\n").ok());
}

TEST(GazetteerFormat, RoundTripsThroughBytesAndFile) {
  auto rows = ParsePlaceTable(testing::kSmallWorld);
  ASSERT_TRUE(rows.ok());
  std::string bytes = BuildGazetteerBytes(*rows);
  EXPECT_EQ(bytes, BuildGazetteerBytes(*rows)) << "the build must be deterministic";
  std::string path = ::testing::TempDir() + "/geo_roundtrip.bin";
  std::ofstream(path, std::ios::binary).write(bytes.data(), bytes.size());
  auto g = Gazetteer::Load(path);
  ASSERT_TRUE(g.ok()) << g.error();
  ASSERT_EQ((*g)->size(), rows->size());
  for (uint32_t id = 0; id < (*g)->size(); ++id) {
    Place p = (*g)->Get(id);
    const PlaceRow& r = (*rows)[id];
    EXPECT_EQ(p.name, r.name);
    EXPECT_EQ(p.country, r.country);
    EXPECT_EQ(p.admin1, r.admin1);
    EXPECT_EQ(p.population, r.population);
    EXPECT_EQ(p.kind, r.kind);
    EXPECT_NEAR(p.lat, r.lat, 1e-4);
    EXPECT_NEAR(p.lon, r.lon, 1e-4);
    // Every name and variant finds its place again.
    for (const std::string& v : r.variants) {
      auto hit = (*g)->Find(NameKey(v));
      EXPECT_NE(std::find(hit.places.begin(), hit.places.end(), id), hit.places.end()) << v;
    }
  }
  auto tripoli = (*g)->Find("tripoli");
  EXPECT_EQ(tripoli.places.size(), 3u);
  EXPECT_EQ((*g)->Find("ain").max_words, 4u);  // "ain asad air base": the article drops
  EXPECT_TRUE((*g)->Find("ain").places.empty());
  EXPECT_TRUE((*g)->Find("atlantis").places.empty());
  EXPECT_EQ((*g)->CountKind(PlaceKind::kCountry), 6u);
}

// Find() keeps recent answers per thread: a second gazetteer (or one built at the address of
// a freed one) must never get the first one's answers.
TEST(GazetteerFormat, FindCacheNeverMixesGazetteers) {
  auto rows = ParsePlaceTable(testing::kSmallWorld);
  ASSERT_TRUE(rows.ok());
  std::vector<PlaceRow> fewer;
  for (const PlaceRow& r : *rows)
    if (NameKey(r.name) != "tripoli") fewer.push_back(r);
  ASSERT_LT(fewer.size(), rows->size());
  for (int round = 0; round < 3; ++round) {
    auto full = Gazetteer::FromBytes(BuildGazetteerBytes(*rows));
    auto small = Gazetteer::FromBytes(BuildGazetteerBytes(fewer));
    ASSERT_TRUE(full.ok() && small.ok());
    for (int k = 0; k < 2; ++k) {  // the second time round, from the cache
      EXPECT_EQ((*full)->Find("tripoli").places.size(), 3u);
      EXPECT_TRUE((*small)->Find("tripoli").places.empty());
      EXPECT_TRUE((*full)->Find("atlantis").places.empty());
    }
  }
}

TEST(GazetteerFormat, DamagedFilesAreErrorsNotCrashes) {
  auto rows = ParsePlaceTable(testing::kSmallWorld);
  ASSERT_TRUE(rows.ok());
  std::string bytes = BuildGazetteerBytes(*rows);
  EXPECT_FALSE(Gazetteer::FromBytes(bytes.substr(0, bytes.size() / 2)).ok());
  EXPECT_FALSE(Gazetteer::FromBytes("not a gazetteer at all, just some text here..........").ok());
  std::string wrong_version = bytes;
  wrong_version[8] = 9;
  EXPECT_FALSE(Gazetteer::FromBytes(wrong_version).ok());
}

TEST(BuiltGazetteer, HoldsOverHundredThousandPopulatedPlaces) {
  // scripts/setup builds it: missing is a failure, not a skip.
  const Geocoder* g = testing::RealGeocoder();
  ASSERT_NE(g, nullptr) << "run scripts/setup (tools/gazetteer/build.sh) to build the gazetteer";
  EXPECT_GE(g->gazetteer().CountKind(PlaceKind::kCity), 100000u);
  EXPECT_GE(g->gazetteer().CountKind(PlaceKind::kCountry), 190u);
  EXPECT_GE(g->gazetteer().CountKind(PlaceKind::kAdmin1), 3000u);
  EXPECT_GE(g->gazetteer().CountKind(PlaceKind::kSite), 100u);
}

}  // namespace
}  // namespace sitrep::geo
