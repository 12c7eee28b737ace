// Odd input must give an Article or a one-line Error, never a crash: every prefix of documents
// in each format, and pseudo-random bytes.
#include <gtest/gtest.h>

#include <string_view>

#include <random>

#include "read/reader.h"
#include "read/source_map.h"

namespace sitrep {
namespace {

constexpr const char* kHtml =
    "<!DOCTYPE html><html><head><title>T</title><meta property=\"og:title\" content=\"A &amp; "
    "B\"></head><body><article><h1>Heading</h1><p>By <a href=\"#\">Jo Roe</a></p><p>Rockets "
    "&ldquo;hit&rdquo; the <b>base</b> on Monday.<br>Second line &#x2014; here.</p><!-- c -->"
    "<ul><li>One</li><li>Two</li></ul></article></body></html>";
constexpr const char* kMarkdown =
    "# Title\n\nBy [Jo Roe](#)\n\nPublished: 2021-07-29\n\n*Lead* with **bold** and a "
    "[link](http://x).\n\n> quote\n\n- item\n- item \\*two\\*\n\n```\ncode\n```\n\n---\n\n"
    "<!-- comment -->\n\n![img](x.png)\n";
constexpr const char* kJson =
    R"({"id":"x","text":"Some \u201ctext\u201d here.","published":"2021-01-02"})";

void ExpectSane(const Result<Article>& r, std::string_view origin) {
  if (!r.ok()) {
    EXPECT_TRUE(r.error().starts_with(std::string(origin) + ": ")) << r.error();
    EXPECT_EQ(r.error().find('\n'), std::string::npos) << r.error();
    return;
  }
  EXPECT_FALSE(r->body.empty());
  EXPECT_FALSE(r->body.starts_with(" "));
  EXPECT_FALSE(r->body.ends_with(" "));
  EXPECT_EQ(r->body.find("\n\n\n"), std::string::npos);
  for (size_t i = 1; i < r->source_map.size(); ++i)
    EXPECT_LT(r->source_map[i - 1].first, r->source_map[i].first);
}

TEST(Robustness, EveryPrefixOfEachFormat) {
  for (auto [doc, format] : {std::pair{kHtml, InputFormat::kHtml},
                             {kMarkdown, InputFormat::kMarkdown},
                             {kMarkdown, InputFormat::kText},
                             {kJson, InputFormat::kJsonl},
                             {kHtml, InputFormat::kAuto}}) {
    std::string_view all(doc);
    for (size_t n = 0; n <= all.size(); ++n)
      ExpectSane(ParseDocument(all.substr(0, n), "p", format, {}), "p");
  }
}

TEST(Robustness, RandomBytes) {
  std::mt19937 rng(42);
  for (int round = 0; round < 300; ++round) {
    std::string bytes(rng() % 400, '\0');
    bool texty = round % 2 == 0;  // half of them mostly printable, to get past the binary check
    static constexpr std::string_view kTexty = " <>&#*[]()!-_\n\\abcxyzABC.,;:\"'{}0123456789";
    for (char& c : bytes)
      c = texty ? kTexty[rng() % kTexty.size()] : static_cast<char>(rng() % 256);
    for (InputFormat f : {InputFormat::kAuto, InputFormat::kHtml, InputFormat::kMarkdown,
                          InputFormat::kText, InputFormat::kJsonl})
      ExpectSane(ParseDocument(bytes, "r", f, {}), "r");
  }
}

}  // namespace
}  // namespace sitrep
