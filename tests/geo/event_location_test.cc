#include <gtest/gtest.h>

#include "geo/geocoder.h"
#include "geo_test_util.h"
#include "text/analysis.h"

namespace sitrep {
namespace {

class EventLocationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    geocoder_ = testing::GeocoderFromTable(testing::kSmallWorld);
    ASSERT_NE(geocoder_, nullptr);
  }
  // The location of an event told at the first occurrence of `verb` in `body`.
  std::optional<Location> At(const std::string& body, const std::string& verb) {
    body_ = body;
    text_ = Analyze(body_, std::nullopt);
    places_ = geocoder_->Locate(body_, text_);
    size_t near = body_.find(verb);
    EXPECT_NE(near, std::string::npos) << verb;
    uint32_t sentence = 0;
    for (uint32_t i = 0; i < text_.sentences.size(); ++i)
      if (text_.sentences[i].start <= near) sentence = i;
    return EventLocation(places_, text_, sentence, static_cast<uint32_t>(near));
  }
  std::unique_ptr<Geocoder> geocoder_;
  std::string body_;
  AnalyzedText text_;
  ArticlePlaces places_;
};

TEST_F(EventLocationTest, ThePlaceInTheSentenceClosestToTheEvent) {
  auto l = At("Rockets hit Erbil on Monday, while talks went on in Baghdad.", "hit");
  ASSERT_TRUE(l);
  EXPECT_EQ(l->text, "Erbil");
  l = At("Rockets hit Erbil on Monday, while talks went on in Baghdad.", "talks");
  ASSERT_TRUE(l);
  EXPECT_EQ(l->text, "Baghdad");
}

TEST_F(EventLocationTest, TheMostPreciseNestedPlaceWins) {
  auto l = At("In Iraq, rockets hit Ain al-Asad in Anbar.", "rockets");
  ASSERT_TRUE(l);
  EXPECT_EQ(l->precision, "site");
  EXPECT_EQ(l->text, "Ain al-Asad");
  // A site in a city: the site, even when the city stands closer to the verb.
  l = At("Protesters stormed the Green Zone of Baghdad.", "stormed");
  ASSERT_TRUE(l);
  EXPECT_EQ(l->precision, "site");
}

TEST_F(EventLocationTest, ActorsAndReferencePointsAreNotTheEventsPlace) {
  auto l = At("U.S. troops fired tear gas in Baghdad.", "fired");
  ASSERT_TRUE(l);
  EXPECT_EQ(l->text, "Baghdad");
  l = At("A bomb exploded in al-Diwaniyah, 180 kilometers south of Baghdad.", "exploded");
  ASSERT_TRUE(l);
  EXPECT_EQ(l->text, "al-Diwaniyah");
}

TEST_F(EventLocationTest, FallsBackToThePrecedingPlaceOfTheParagraph) {
  auto l = At("Clashes erupted in Nasiriyah. Two people were killed.", "killed");
  ASSERT_TRUE(l);
  EXPECT_EQ(l->text, "Nasiriyah");
  EXPECT_EQ(l->precision, "city");
}

TEST_F(EventLocationTest, SameCityPointsBackAcrossParagraphs) {
  auto l =
      At("A bomb hit a convoy near Nasiriyah in Iraq.\n\nLater another bomb hit a tanker near "
         "the same city.",
         "tanker");
  ASSERT_TRUE(l);
  EXPECT_EQ(l->text, "Nasiriyah");
}

TEST_F(EventLocationTest, ElseTheFocusCountry) {
  auto l =
      At("Iraqi officials said Iraq would respond.\n\nIn Erbil, talks began.\n\nA drone "
         "struck overnight.",
         "struck");
  ASSERT_TRUE(l);
  // The paragraph before named Erbil (in the focus country): the best guess it goes on there.
  EXPECT_EQ(l->text, "Erbil");
  l = At("Iraqi officials said Iraq would respond.\n\nNobody knew.\n\nA drone struck overnight.",
         "struck");
  ASSERT_TRUE(l);
  EXPECT_EQ(l->precision, "country");
  EXPECT_EQ(l->country, "IRQ");
}

TEST_F(EventLocationTest, NoPlaceAtAll) {
  EXPECT_FALSE(At("Somebody attacked somebody.", "attacked").has_value());
}

}  // namespace
}  // namespace sitrep
