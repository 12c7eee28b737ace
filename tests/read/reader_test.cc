#include "read/reader.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

Article Parse(std::string_view text, InputFormat format) {
  auto a = ParseDocument(text, "test", format, ReadOptions{});
  EXPECT_TRUE(a.ok()) << (a.ok() ? "" : a.error());
  return a.ok() ? *a : Article{};
}

TEST(ReadText, ParagraphsAndTitle) {
  Article a = Parse("Storm hits coast\n\nHeavy rain fell on the port city on Monday, officials said.\n\n"
                    "Two bridges were closed to traffic.\n",
                    InputFormat::kText);
  EXPECT_EQ(a.title, "Storm hits coast");
  EXPECT_EQ(a.body,
            "Heavy rain fell on the port city on Monday, officials said.\n\nTwo bridges were "
            "closed to traffic.");
}

}  // namespace
}  // namespace sitrep
