// Metadata lines and page furniture, in all the shapes the reader knows.
#include "read/cleanup.h"

#include <gtest/gtest.h>

#include "read/date_line.h"
#include "test_util.h"

namespace sitrep {
namespace {

using testing::MustParse;

constexpr const char* kLead =
    "Security forces clashed with protesters outside the parliament on Tuesday, leaving at "
    "least twelve people injured, medics said.";
constexpr const char* kSecond =
    "The protesters had gathered to demand early elections and an end to power cuts.";

TEST(Metadata, OutletAndDateLine) {
  Article a = MustParse(std::string("# Protest turns violent\n\nBy [Nadia Karim](#)\n\n"
                                    "The Example Courier, March 3, 2022\n\n") +
                            kLead,
                        InputFormat::kMarkdown);
  EXPECT_EQ(a.title, "Protest turns violent");
  EXPECT_EQ(a.author, "Nadia Karim");
  EXPECT_EQ(a.outlet, "The Example Courier");
  ASSERT_TRUE(a.published);
  EXPECT_EQ(a.published->Iso(), "2022-03-03");
  EXPECT_EQ(a.body, kLead);
}

// One header line carrying several fields: the author, outlet and date are all kept, and the
// line leaves the body.
struct HeaderLineCase {
  const char* line;
  const char* author;
  const char* outlet;
  const char* published;  // "" when none
};

TEST(Metadata, HeaderLinesOfSeveralFields) {
  const HeaderLineCase cases[] = {
      {"*By Jane Roe, Example Wire, March 3, 2022*", "Jane Roe", "Example Wire", "2022-03-03"},
      {"By Jane Roe | March 3, 2022", "Jane Roe", "", "2022-03-03"},
      {"By Jane Roe for Example Wire \xC2\xB7 3 March 2022", "Jane Roe", "Example Wire",
       "2022-03-03"},
      {"By Jane Roe, Published March 3, 2022", "Jane Roe", "", "2022-03-03"},
      {"Jane Roe, Example Wire, March 3, 2022", "Jane Roe", "Example Wire", "2022-03-03"},
      {"3 March 2022 | Example Wire", "", "Example Wire", "2022-03-03"},
      {"Example Wire | Middle East | March 3, 2022", "", "Example Wire", "2022-03-03"},
      {"Example Wire - March 3, 2022", "", "Example Wire", "2022-03-03"},
      {"3 March 2022 \xE2\x80\x93 Example Wire", "", "Example Wire", "2022-03-03"},
      {"Updated 2022-03-03 14:00 UTC", "", "", "2022-03-03"},
      {"By Jane Roe", "Jane Roe", "", ""},
  };
  for (const HeaderLineCase& c : cases) {
    Article a = MustParse(std::string("# Protest turns violent\n\n") + c.line + "\n\n" + kLead,
                          InputFormat::kMarkdown);
    EXPECT_EQ(a.author, c.author) << c.line;
    EXPECT_EQ(a.outlet, c.outlet) << c.line;
    EXPECT_EQ(a.published ? a.published->Iso() : "", c.published) << c.line;
    EXPECT_EQ(a.body, kLead) << c.line;
  }
}

TEST(Metadata, PublishedDateBeatsAnUpdatedStamp) {
  Article a = MustParse(std::string("# Protest turns violent\n\nUpdated March 5, 2022\n\n"
                                    "Published: March 3, 2022\n\n") +
                            kLead,
                        InputFormat::kMarkdown);
  ASSERT_TRUE(a.published);
  EXPECT_EQ(a.published->Iso(), "2022-03-03");
}

TEST(Metadata, FieldsThatAreNotMetadataStayText) {
  // Short " | " fields without a date give no outlet; a date in a sentence is no header date.
  Article a = MustParse(std::string("# Protest turns violent\n\nReporting | Analysis\n\n") + kLead +
                            "\n\nBy March 3, 2022 | the city had calmed.\n\n" + kSecond,
                        InputFormat::kMarkdown);
  EXPECT_FALSE(a.published);
  EXPECT_EQ(a.outlet, "");
}

TEST(Metadata, TimestampLineAndRepeatedTitle) {
  Article a = MustParse(std::string("# Protest turns violent\n\nJul 29, 2021 17:50 UTC\n"
                                    "  • Protest turns violent\n\nProtest turns violent\n\n") +
                            kLead,
                        InputFormat::kMarkdown);
  ASSERT_TRUE(a.published);
  EXPECT_EQ(a.published->Iso(), "2021-07-29");
  EXPECT_EQ(a.body, kLead);
}

TEST(Metadata, TitleEllipsisBecomesOneCharacter) {
  Article a = MustParse(std::string("# Unrest in the north... What next?\n\n") + kLead,
                        InputFormat::kMarkdown);
  EXPECT_EQ(a.title, "Unrest in the north\xE2\x80\xA6 What next?");
  EXPECT_EQ(read::CleanTitle("A \xE2\x80\x9Cquoted\xE2\x80\x9D title..."),
            "A \"quoted\" title\xE2\x80\xA6");
}

TEST(Metadata, FooterAuthorLine) {
  Article a = MustParse(std::string(kLead) + "\n\n" + kSecond + "\n\nArticles by: Omar Haddad\n",
                        InputFormat::kText);
  EXPECT_EQ(a.author, "Omar Haddad");
  EXPECT_EQ(a.body.find("Articles by"), std::string::npos);
}

TEST(Metadata, DateLines) {
  using read::ParseDateLine;
  EXPECT_EQ(ParseDateLine("July 15, 2021")->Iso(), "2021-07-15");
  EXPECT_EQ(ParseDateLine("15 July 2021")->Iso(), "2021-07-15");
  EXPECT_EQ(ParseDateLine("2021-07-15")->Iso(), "2021-07-15");
  EXPECT_EQ(ParseDateLine("2021-07-15T10:22:00+03:00")->Iso(), "2021-07-15");
  EXPECT_EQ(ParseDateLine("Jul 29, 2021 17:50 UTC")->Iso(), "2021-07-29");
  EXPECT_EQ(ParseDateLine("Thursday, 29th July 2021 at 5:50 pm")->Iso(), "2021-07-29");
  EXPECT_EQ(ParseDateLine("Sept 3, 2020")->Iso(), "2020-09-03");
  EXPECT_FALSE(ParseDateLine("July 15, 2021, rockets hit the base"));
  EXPECT_FALSE(ParseDateLine("February 30, 2021"));
  EXPECT_FALSE(ParseDateLine("Rockets hit the base"));
  EXPECT_FALSE(ParseDateLine("2021-13-01"));
}

TEST(Furniture, HeaderTagLinesSharePromptsAndSeparators) {
  Article a = MustParse(std::string("# Protest turns violent\n\n"
                                    "Region: [Middle East](#), [Asia](#)\n\n"
                                    "Theme: [Politics](#)\n\n"
                                    "In-depth Report: [UNREST](#)\n\n"
                                    "Home > World > Middle East\n\n"
                                    "All our articles can be read in 20 languages with the "
                                    "\"Translate Website\" menu.\n\n"
                                    "Visit and follow us on Instagram at @example.\n\n"
                                    "\\*\\*\\*\n\n") +
                            kLead + "\n\n" + kSecond,
                        InputFormat::kMarkdown);
  EXPECT_EQ(a.body, std::string(kLead) + "\n\n" + kSecond);
}

TEST(Furniture, TailNoticesBioAndLinks) {
  std::string md = std::string("# Protest turns violent\n\n") + kLead + "\n\n" + kSecond +
                   "\n\nWitnesses said police used water cannon to push the crowd back from "
                   "the gates of the building.\n\n"
                   "\\*\n\n"
                   "Note to readers: Please click the share buttons above. Forward this article "
                   "to your email lists.\n\n"
                   "*Omar Haddad is an independent writer and researcher based in Amman.*\n\n"
                   "*Featured image: Protesters outside parliament. Credit: public domain*\n\n"
                   "The original source of this article is The Example Courier\n"
                   "Copyright \xC2\xA9 [Omar Haddad](#), The Example Courier, 2022\n\n"
                   "---\n\n"
                   "[Comment on our articles on our Facebook page](#)\n\n"
                   "[Become a Member](#)\n\n"
                   "**Disclaimer:** The contents of this article are the sole responsibility "
                   "of the author.\n\n"
                   "[www.example.org](#) contains copyrighted material the use of which has not "
                   "been authorized, under the provisions of \"fair use\".\n\n"
                   "For media inquiries: [press@example.org](mailto:press@example.org)";
  Article a = MustParse(md, InputFormat::kMarkdown);
  EXPECT_TRUE(a.body.starts_with(kLead)) << a.body;
  EXPECT_TRUE(a.body.ends_with("the gates of the building.")) << a.body;
  for (const char* gone : {"share buttons", "independent writer", "Featured image", "Copyright",
                           "Facebook", "Member", "Disclaimer", "fair use", "media inquiries"})
    EXPECT_EQ(a.body.find(gone), std::string::npos) << gone;
}

TEST(Furniture, LinesAnywhereInTheText) {
  std::string text = std::string(kLead) +
                     "\n\nSubscribe to our newsletter for daily updates\n\n"
                     "Photo: Police vans outside the parliament building.\n\n"
                     "Read more: Earlier protests in the capital\n\n" +
                     kSecond +
                     "\n\nAdvertisement\n\nThe interior minister said an inquiry "
                     "would be opened into the use of force.\n";
  Article a = MustParse(text, InputFormat::kText);
  EXPECT_EQ(a.body, std::string(kLead) + "\n\n" + kSecond +
                        "\n\nThe interior minister said an inquiry would be opened into the use "
                        "of force.");
}

TEST(Furniture, CaptionWithCreditAndItsDuplicate) {
  std::string md = std::string("# Truce holds\n\n") +
                   "Children play beside a damaged building in the city, May 21, 2021.\n"
                   "Children play beside a damaged building in the city, May 21, 2021. "
                   "\xC2\xA9 Jane Roe, Example Agency\n\n" +
                   kLead;
  Article a = MustParse(md, InputFormat::kMarkdown);
  EXPECT_EQ(a.body, kLead);
}

TEST(Furniture, ArticleSentencesAreKept) {
  // Sentences that mention the same words as notices are still article text.
  std::string text = std::string(kLead) +
                     "\n\nThe opposition said it would share its evidence with the courts.\n\n"
                     "By Thursday, the crowds had grown to several thousand people, organisers "
                     "said.\n\n"
                     "The minister, a former journalist, is a member of the ruling party.\n";
  Article a = MustParse(text, InputFormat::kText);
  EXPECT_NE(a.body.find("share its evidence"), std::string::npos);
  EXPECT_NE(a.body.find("By Thursday"), std::string::npos);
  EXPECT_NE(a.body.find("former journalist"), std::string::npos);
  EXPECT_EQ(a.author, "");
}

TEST(Furniture, BioBoxAtTheEndWithoutANotice) {
  std::string md = std::string("# Protest turns violent\n\n") + kLead + "\n\n" + kSecond +
                   "\n\n*Lina Haddad is a journalist based in Beirut who covers the region for "
                   "several outlets.*\n";
  Article a = MustParse(md, InputFormat::kMarkdown);
  EXPECT_EQ(a.body, std::string(kLead) + "\n\n" + kSecond);
}

TEST(Furniture, PromptWordsStartingLongSentencesAreKept) {
  std::string text = std::string(kLead) +
                     "\n\nSponsored by the regional bloc, the talks are meant to bring both "
                     "sides back to the table before the end of the month, diplomats said.\n";
  Article a = MustParse(text, InputFormat::kText);
  EXPECT_NE(a.body.find("Sponsored by the regional bloc"), std::string::npos);
}

TEST(Furniture, HtmlCommentsInMarkdownVanish) {
  Article a = MustParse(std::string("# Truce holds\nPublished: 2021-05-20\n"
                                    "<!-- the editor's note about the date -->\n\n") +
                            kLead,
                        InputFormat::kMarkdown);
  EXPECT_EQ(a.body, kLead);
  EXPECT_EQ(a.published->Iso(), "2021-05-20");
}

TEST(SeedArticle, RedAlertInIraq) {
  std::string path = SITREP_SOURCE_DIR "/../shared/corpus/dev/red-alert-in-iraq.md";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "dev corpus not present";
  auto all = testing::ReadAll({path});
  ASSERT_EQ(all.size(), 1u);
  ASSERT_TRUE(all[0].ok()) << all[0].error();
  const Article& a = *all[0];
  EXPECT_TRUE(a.body.starts_with("'President Joe Biden may be nearly done"))
      << a.body.substr(0, 80);
  EXPECT_TRUE(a.body.ends_with("nor in the favour of \"Israel\" its closest ally."))
      << a.body.substr(a.body.size() - 80);
  for (const char* gone :
       {"share buttons", "Disclaimer", "fair use", "Copyright", "Become a Member", "Featured image",
        "Region:", "Translate Website", "independent Palestinian writer", "***"})
    EXPECT_EQ(a.body.find(gone), std::string::npos) << gone;
  EXPECT_EQ(a.title, "Red Alert in Iraq\xE2\x80\xA6 Time for the U.S. to Decide");
  EXPECT_EQ(a.author, "Amro Allan");
  EXPECT_EQ(a.outlet, "Global Research");
  ASSERT_TRUE(a.published);
  EXPECT_EQ(a.published->Iso(), "2021-07-15");
  EXPECT_EQ(a.body.find("\n\n\n"), std::string::npos);
}

// "Headline - date" (or "Headline - Outlet - date") opening a page: the headline is the title,
// not the outlet; a name before the date is still the outlet.
TEST(Metadata, HeadlineBeforeADashIsTheTitleNotTheOutlet) {
  std::string rest = std::string("\n\n") + kLead + "\n\n" + kSecond;
  Article a = MustParse("Protest turns violent - March 3, 2022" + rest, InputFormat::kText);
  EXPECT_EQ(a.title, "Protest turns violent");
  EXPECT_EQ(a.outlet, "");
  ASSERT_TRUE(a.published);
  EXPECT_EQ(a.published->Iso(), "2022-03-03");
  a = MustParse("Protest turns violent - Example Wire - March 3, 2022" + rest, InputFormat::kText);
  EXPECT_EQ(a.title, "Protest turns violent");
  EXPECT_EQ(a.outlet, "Example Wire");
  a = MustParse("Voice of America - March 3, 2022" + rest, InputFormat::kText);
  EXPECT_EQ(a.title, "");
  EXPECT_EQ(a.outlet, "Voice of America");
  EXPECT_EQ(a.body, std::string(kLead) + "\n\n" + kSecond);
}

}  // namespace
}  // namespace sitrep
