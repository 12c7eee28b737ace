// Body normalization and the map from body offsets back to source bytes.
#include <gtest/gtest.h>

#include "read/source_map.h"
#include "test_util.h"

namespace sitrep {
namespace {

using read::SourceOffset;
using testing::MustParse;

TEST(Normalize, QuotesSpacesDashes) {
  Article a = MustParse(
      "Officials said \xE2\x80\x9Cthe road is closed\xE2\x80\x9D and it\xE2\x80\x99s "
      "unsafe\xC2\xA0"
      "for\xE2\x80\x89"
      "cars \xE2\x80\x93 for now \xE2\x80\x94 until May\xE2\x80\xA6   "
      "the end.",
      InputFormat::kText);
  EXPECT_EQ(a.body,
            "Officials said \"the road is closed\" and it's unsafe for cars - for now "
            "\xE2\x80\x94 until May\xE2\x80\xA6 the end.");
}

TEST(Normalize, NfcComposesAccents) {
  // "Mose" + U+0301 (combining acute) + "l" becomes the single code point é.
  Article a = MustParse("Shelling hit Mose\xCC\x81l and the nearby villages on Monday.",
                        InputFormat::kText);
  EXPECT_EQ(a.body, "Shelling hit Mos\xC3\xA9l and the nearby villages on Monday.");
}

TEST(Normalize, ZeroWidthAndControlCharacters) {
  Article a = MustParse("Aid\xE2\x80\x8B trucks\x01 crossed\t\tthe border.", InputFormat::kText);
  EXPECT_EQ(a.body, "Aid trucks crossed the border.");
}

TEST(Normalize, ParagraphsSeparatedByExactlyTwoNewlines) {
  Article a = MustParse(
      "First paragraph of the report, which is long enough to count as text.\n\n\n\n   \n"
      "  Second paragraph, indented and padded with spaces.   \n",
      InputFormat::kText);
  EXPECT_EQ(a.body,
            "First paragraph of the report, which is long enough to count as text.\n\nSecond "
            "paragraph, indented and padded with spaces.");
}

TEST(Normalize, InlineHelper) {
  EXPECT_EQ(read::NormalizeInline("  a\xC2\xA0 \xE2\x80\x98"
                                  "b\xE2\x80\x99  "),
            "a 'b'");
}

// Every word of the body, looked up through the source map, stands at that offset in the source.
void ExpectWordsMapBack(const Article& a, std::string_view source) {
  ASSERT_FALSE(a.source_map.empty());
  size_t pos = 0, checked = 0;
  while (pos < a.body.size()) {
    size_t end = a.body.find_first_of(" \n", pos);
    if (end == std::string::npos) end = a.body.size();
    std::string word = a.body.substr(pos, end - pos);
    bool ascii_word = !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c));
    });
    if (ascii_word) {
      uint32_t at = SourceOffset(a.source_map, static_cast<uint32_t>(pos));
      ASSERT_LE(at + word.size(), source.size()) << word;
      EXPECT_EQ(source.substr(at, word.size()), word) << "body offset " << pos;
      ++checked;
    }
    pos = end + 1;
  }
  EXPECT_GT(checked, 5u);
}

TEST(SourceMap, PlainTextWithTypography) {
  std::string src =
      "Title line here\n\n\xE2\x80\x9CWe are ready,\xE2\x80\x9D the commander said\xC2\xA0on "
      "Monday.\n\nTroops   moved \xE2\x80\x93 slowly \xE2\x80\x93 toward the hills.\n";
  Article a = MustParse(src, InputFormat::kText);
  ExpectWordsMapBack(a, src);
}

TEST(SourceMap, MarkdownWithLinksAndEmphasis) {
  std::string src =
      "# Heading of the piece\n\nBy [Jo Smith](#)\n\nThe [army said](https://x.org/y) that "
      "**two** rockets hit the *old* airport on Tuesday.\n\n- One item in the list\n- Another "
      "item \\*escaped\\*\n";
  Article a = MustParse(src, InputFormat::kMarkdown);
  ExpectWordsMapBack(a, src);
}

TEST(SourceMap, HtmlWithEntities) {
  std::string src =
      "<html><body><article><p>Rockets &amp; mortars hit the <b>base</b> on Friday, "
      "officials&nbsp;said.</p><p>Nobody was hurt in the attack, the army added.</p>"
      "</article></body></html>";
  Article a = MustParse(src, InputFormat::kHtml);
  ExpectWordsMapBack(a, src);
}

TEST(SourceMap, RepairedBytesMapToTheOriginalOffsets) {
  std::string src = "Gunfire was heard near the \xFF station late on Sunday, witnesses said.";
  Article a = MustParse(src, InputFormat::kText);
  EXPECT_NE(a.body.find("\xEF\xBF\xBD"), std::string::npos);
  ExpectWordsMapBack(a, src);
}

TEST(SourceMap, LookupBetweenCheckpoints) {
  read::SourceMap map = {{0, 10}, {5, 20}};
  EXPECT_EQ(SourceOffset(map, 0), 10u);
  EXPECT_EQ(SourceOffset(map, 4), 14u);
  EXPECT_EQ(SourceOffset(map, 5), 20u);
  EXPECT_EQ(SourceOffset(map, 9), 24u);
}

}  // namespace
}  // namespace sitrep
