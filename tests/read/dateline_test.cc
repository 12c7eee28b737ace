// Wire datelines opening the first paragraph: their outlet and dated day become the article's,
// and the body starts after their dash; lines that only look like one keep their text.
#include "read/dateline.h"

#include <gtest/gtest.h>

#include "read/source_map.h"
#include "test_util.h"

namespace sitrep {
namespace {

using testing::MustParse;

constexpr const char* kLead =
    "At least ten rockets struck the air base on Monday, the coalition said.";

struct DatelineCase {
  const char* dateline;
  const char* outlet;
  const char* published;  // "" when the dateline gives no year
};

TEST(Dateline, OutletAndDatedDayAreTakenAndTheBodyStartsAfterTheDash) {
  const DatelineCase cases[] = {
      {"BAGHDAD, March 3, 2021 (Reuters) - ", "Reuters", "2021-03-03"},
      {"BAGHDAD, March 3 (Reuters) - ", "Reuters", ""},
      {"KHARTOUM, Sudan, April 16, 2023 (AP) \xE2\x80\x94 ", "AP", "2023-04-16"},
      {"GAZA CITY \xE2\x80\x94 ", "", ""},
      {"ERBIL, Iraq - ", "", ""},
      {"ST. LOUIS, Oct. 9 -- ", "", ""},
      {"Baghdad, 3 March 2021 (Example Wire) - ", "Example Wire", "2021-03-03"},
      {"N'DJAMENA (AFP) - ", "AFP", ""},
      // An organisation's acronym stands for where its story was filed, as a capital does.
      {"NATO \xE2\x80\x93 ", "", ""},
      {"UN \xE2\x80\x93 ", "", ""},
      {"U.N. \xE2\x80\x94 ", "", ""},
      {"EU (Reuters) - ", "Reuters", ""},
  };
  for (const DatelineCase& c : cases) {
    Article a = MustParse(std::string("Rockets hit base\n\n") + c.dateline + kLead + "\n\n" +
                              "Officials gave no further details.",
                          InputFormat::kText);
    EXPECT_EQ(a.outlet, c.outlet) << c.dateline;
    EXPECT_EQ(a.published ? a.published->Iso() : "", c.published) << c.dateline;
    EXPECT_TRUE(a.body.starts_with(kLead)) << c.dateline << " -> " << a.body;
  }
}

TEST(Dateline, TextThatOnlyLooksLikeOneIsKept) {
  for (const char* line : {
           "NATO said on Monday - in a statement - that it would send more troops.",
           "Iraq - the country's second city - was quiet on Monday, residents said.",
           "BREAKING - rockets struck the base on Monday, officials said.",
           "The UN, in a statement, said aid - food and water - had reached the city.",
           "US-led forces struck militia sites on Monday, officials said.",
       }) {
    Article a = MustParse(std::string("Rockets hit base\n\n") + line, InputFormat::kText);
    EXPECT_EQ(a.body, line);
    EXPECT_EQ(a.outlet, "") << line;
  }
}

TEST(Dateline, AnOutletOrDateInTheHeaderIsNotReplaced) {
  Article a = MustParse(std::string("Rockets hit base\n\nExample Courier, March 5, 2021\n\n") +
                            "BAGHDAD, March 3, 2021 (Reuters) - " + kLead,
                        InputFormat::kText);
  EXPECT_EQ(a.outlet, "Example Courier");
  ASSERT_TRUE(a.published);
  EXPECT_EQ(a.published->Iso(), "2021-03-05");
  EXPECT_EQ(a.body, kLead);
}

TEST(Dateline, BodyOffsetsStillMapToTheSource) {
  std::string source = std::string("Rockets hit base\n\nBAGHDAD (Reuters) - ") + kLead;
  Article a = MustParse(source, InputFormat::kText);
  ASSERT_EQ(a.body, kLead);
  for (const char* word : {"At least", "rockets", "coalition"}) {
    size_t in_body = a.body.find(word);
    EXPECT_EQ(read::SourceOffset(a.source_map, static_cast<uint32_t>(in_body)), source.find(word))
        << word;
  }
}

}  // namespace
}  // namespace sitrep
