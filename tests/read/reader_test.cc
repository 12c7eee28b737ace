// The three document formats and JSON Lines, through ParseDocument.
#include "read/reader.h"

#include <gtest/gtest.h>

#include "base/hash.h"
#include "test_util.h"

namespace sitrep {
namespace {

using testing::MustParse;

TEST(ReadText, TitleFromFirstShortLineAndParagraphs) {
  Article a = MustParse(
      "Storm hits coast\n\nHeavy rain fell on the port city on Monday, officials said.\n\n"
      "Two bridges were closed to traffic.\n",
      InputFormat::kText);
  EXPECT_EQ(a.title, "Storm hits coast");
  EXPECT_EQ(a.body,
            "Heavy rain fell on the port city on Monday, officials said.\n\nTwo bridges were "
            "closed to traffic.");
  EXPECT_EQ(a.format, "text");
  EXPECT_EQ(a.origin, "test");
  EXPECT_EQ(a.content_hash, Sha256Hex(a.body));
  EXPECT_EQ(a.id, a.content_hash);
}

TEST(ReadText, HardWrappedLinesJoinIntoOneParagraph) {
  Article a = MustParse(
      "Militants fired several mortar rounds at an army base outside the\n"
      "northern town late on Tuesday, wounding three soldiers and damaging\n"
      "two vehicles, a local police officer told reporters.\n\n"
      "The army said it had returned fire.\n",
      InputFormat::kText);
  EXPECT_EQ(a.body,
            "Militants fired several mortar rounds at an army base outside the northern town "
            "late on Tuesday, wounding three soldiers and damaging two vehicles, a local police "
            "officer told reporters.\n\nThe army said it had returned fire.");
}

TEST(ReadText, HeaderLinesGiveMetadataAndLeaveTheBody) {
  Article a = MustParse(
      "Ceasefire talks resume in the capital\nBy Maria Gomez\nOutlet: The Example Herald\n"
      "Published: 2023-04-05\n\nNegotiators from both sides met again on Wednesday after a "
      "week-long pause, mediators said.\n",
      InputFormat::kText);
  EXPECT_EQ(a.title, "Ceasefire talks resume in the capital");
  EXPECT_EQ(a.author, "Maria Gomez");
  EXPECT_EQ(a.outlet, "The Example Herald");
  ASSERT_TRUE(a.published);
  EXPECT_EQ(a.published->Iso(), "2023-04-05");
  EXPECT_EQ(a.body,
            "Negotiators from both sides met again on Wednesday after a week-long pause, "
            "mediators said.");
}

TEST(ReadText, PublishedOptionIsTheFallback) {
  ReadOptions options;
  options.published = Date::FromYmd(2020, 2, 2);
  Article a = MustParse("Troops were deployed to the river crossing on Friday, the ministry said.",
                        InputFormat::kText, options);
  ASSERT_TRUE(a.published);
  EXPECT_EQ(a.published->Iso(), "2020-02-02");
  Article dated = MustParse(
      "Published: 2019-11-30\n\nTroops were deployed to the river crossing on Friday, the "
      "ministry said.",
      InputFormat::kText, options);
  EXPECT_EQ(dated.published->Iso(), "2019-11-30");
}

TEST(ReadMarkdown, RendersToPlainText) {
  Article a = MustParse(
      "# Drone strike hits depot\n\n"
      "A [drone](https://example.org/d) struck a **fuel depot** near the _airport_ on Sunday, "
      "the governor said.\n\n"
      "## What we know\n\n"
      "- Two guards were hurt in the blast.\n- The fire was put out by noon.\n\n"
      "![a burning depot](x.jpg)\n\n"
      "<!-- editor: check the numbers -->\n\n"
      "> Officials called it \"a cowardly attack\" on civilians.\n",
      InputFormat::kMarkdown);
  EXPECT_EQ(a.title, "Drone strike hits depot");
  EXPECT_EQ(a.format, "markdown");
  EXPECT_EQ(a.body,
            "A drone struck a fuel depot near the airport on Sunday, the governor said.\n\n"
            "What we know\n\n"
            "Two guards were hurt in the blast.\n\n"
            "The fire was put out by noon.\n\n"
            "Officials called it \"a cowardly attack\" on civilians.");
}

TEST(ReadMarkdown, SoftBreaksJoinWithOneSpace) {
  Article a = MustParse(
      "# Port reopens\n\nThe harbour reopened on Monday after\nthree days of closure, "
      "the port authority said.\n",
      InputFormat::kMarkdown);
  EXPECT_EQ(a.body,
            "The harbour reopened on Monday after three days of closure, the port authority "
            "said.");
}

TEST(ReadHtml, ArticleBodyWithoutPageChrome) {
  const char* html = R"(<!DOCTYPE html><html><head><title>Clashes | Daily Example</title>
<meta property="og:title" content="Clashes near the border leave three dead">
<meta property="og:site_name" content="Daily Example">
<meta name="author" content="Lena Park">
<meta property="article:published_time" content="2022-03-04T08:15:00Z">
<script>var x = "<p>script text</p>";</script><style>p{color:red}</style></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<header><p>Site banner text that is not the article at all, really.</p></header>
<article><h1>Clashes near the border leave three dead</h1>
<p>Three soldiers were killed on Thursday when fighters attacked a checkpoint near the border
town, the army said.</p>
<div class="share-buttons"><a href="#">Tweet this</a></div>
<p>The attackers fled after a two&#8209;hour gun battle. &ldquo;We will respond,&rdquo; a
spokesman&nbsp;said.</p>
<figure><img src="x.jpg"><figcaption>Soldiers at the checkpoint</figcaption></figure>
<form><p>Your email for our updates, which are very frequent and good</p></form>
</article><aside><p>Other stories that you might like to read later today</p></aside>
<footer><p>Everything on this site belongs to the company that runs it.</p></footer>
</body></html>)";
  Article a = MustParse(html, InputFormat::kHtml);
  EXPECT_EQ(a.title, "Clashes near the border leave three dead");
  EXPECT_EQ(a.author, "Lena Park");
  EXPECT_EQ(a.outlet, "Daily Example");
  ASSERT_TRUE(a.published);
  EXPECT_EQ(a.published->Iso(), "2022-03-04");
  EXPECT_EQ(a.format, "html");
  EXPECT_EQ(a.body,
            "Three soldiers were killed on Thursday when fighters attacked a checkpoint near the "
            "border town, the army said.\n\nThe attackers fled after a two-hour gun battle. \"We "
            "will respond,\" a spokesman said.");
}

TEST(ReadHtml, MainAndTimeElementWithoutArticle) {
  Article a = MustParse(
      "<html><body><div class=\"menu\">Home News Sport</div><main><h1>Flood waters rise</h1>"
      "<time datetime=\"2021-09-12\">12 Sep</time><p>Rivers burst their banks across the "
      "province on Saturday, forcing thousands from their homes.</p></main></body></html>",
      InputFormat::kHtml);
  EXPECT_EQ(a.title, "Flood waters rise");
  ASSERT_TRUE(a.published);
  EXPECT_EQ(a.published->Iso(), "2021-09-12");
  EXPECT_EQ(a.body,
            "Rivers burst their banks across the province on Saturday, forcing thousands from "
            "their homes.");
}

TEST(ReadHtml, TruncatedHtmlStillParses) {
  auto a = ParseDocument(
      "<html><body><article><p>Gunmen opened fire on a market in the north of the city on "
      "Monday evening, police said.<p>Another paragraph that stops in the mid",
      "cut.html", InputFormat::kHtml, {});
  ASSERT_TRUE(a.ok()) << a.error();
  EXPECT_NE(a->body.find("Gunmen opened fire"), std::string::npos);
  EXPECT_NE(a->body.find("stops in the mid"), std::string::npos);
  for (const char* broken :
       {"<", "<html><body><p", "<div><div><div><span>x", "<!--", "<script>alert(1)"}) {
    auto r = ParseDocument(broken, "broken.html", InputFormat::kHtml, {});
    if (!r.ok()) {
      EXPECT_EQ(r.error().rfind("broken.html: ", 0), 0u) << r.error();
    }
  }
}

TEST(ReadHtml, DeeplyNestedHtmlDoesNotCrash) {
  std::string html;
  for (int i = 0; i < 5000; ++i) html += "<div>";
  html += "Deep text that is nested very far down in the page, the reader keeps going.";
  auto r = ParseDocument(html, "deep.html", InputFormat::kHtml, {});
  if (!r.ok()) {
    EXPECT_NE(r.error().find("deep.html"), std::string::npos);
  }
}

TEST(ReadJsonl, OneObjectWithMetadata) {
  Article a =
      MustParse(R"({"id":"wire-17","text":"Rebels shelled the town on Monday, residents said.",)"
                R"("published":"2021-02-03","title":"Town shelled","url":"https://example.org/a",)"
                R"("outlet":"Example Wire","author":"Sam Lee"})",
                InputFormat::kJsonl);
  EXPECT_EQ(a.id, "wire-17");
  EXPECT_EQ(a.title, "Town shelled");
  EXPECT_EQ(a.url, "https://example.org/a");
  EXPECT_EQ(a.outlet, "Example Wire");
  EXPECT_EQ(a.author, "Sam Lee");
  EXPECT_EQ(a.published->Iso(), "2021-02-03");
  EXPECT_EQ(a.format, "jsonl");
  EXPECT_EQ(a.body, "Rebels shelled the town on Monday, residents said.");
  EXPECT_EQ(a.content_hash, Sha256Hex(a.body));
}

TEST(ReadJsonl, IdDefaultsToContentHash) {
  Article a = MustParse(R"({"text":"Police arrested four men after the riot, a spokesman said."})",
                        InputFormat::kJsonl);
  EXPECT_EQ(a.id, Sha256Hex(a.body));
}

TEST(ReadJsonl, BadObjectsAreNamedErrors) {
  struct Case {
    const char* json;
    const char* says;
  };
  for (Case c : {Case{R"({"title":"x"})", "missing \"text\""},
                 Case{R"({"text":5})", "\"text\" must be a string"},
                 Case{R"({"text":"Fine words here.","published":"July 5"})", "YYYY-MM-DD"},
                 Case{R"({"text":"Fine words here.","title":7})", "\"title\" must be a string"},
                 Case{"{not json", "not valid JSON"}, Case{"[1,2]", "expected a JSON object"}}) {
    auto r = ParseDocument(c.json, "in.jsonl:3", InputFormat::kJsonl, {});
    ASSERT_FALSE(r.ok()) << c.json;
    EXPECT_NE(r.error().find("in.jsonl:3: "), std::string::npos) << r.error();
    EXPECT_NE(r.error().find(c.says), std::string::npos) << r.error();
  }
}

TEST(ReadAuto, SniffsTheFormat) {
  EXPECT_EQ(MustParse("<html><body><p>Aid convoys reached the besieged city on Friday, the UN "
                      "said.</p></body></html>",
                      InputFormat::kAuto)
                .format,
            "html");
  EXPECT_EQ(MustParse("# Aid arrives\n\nAid convoys reached the city on Friday, the UN said.",
                      InputFormat::kAuto)
                .format,
            "markdown");
  EXPECT_EQ(
      MustParse("Aid convoys reached the city on Friday, the UN said.", InputFormat::kAuto).format,
      "text");
  EXPECT_EQ(
      MustParse(R"({"text":"Aid convoys reached the city on Friday."})", InputFormat::kAuto).format,
      "jsonl");
}

// The body drops a list's bullets; where its items start is kept, so that a short item is not
// taken for a heading.
TEST(ReadMarkdown, ListItemsAreNamedByWhereTheyStart) {
  const std::string md =
      "# Attacks overnight\n\nOfficials listed the attacks:\n\n"
      "- Rebels shelled the town\n- Militants fired rockets at a base\n\nNo one was hurt.\n";
  Article a = MustParse(md, InputFormat::kMarkdown);
  ASSERT_EQ(a.list_items.size(), 2u) << a.body;
  EXPECT_EQ(a.body.substr(a.list_items[0], 6), "Rebels");
  EXPECT_EQ(a.body.substr(a.list_items[1], 9), "Militants");
  Article h = MustParse(
      "<html><body><h1>Attacks</h1><p>Officials listed the attacks:</p><ul><li>Rebels shelled "
      "the town</li><li>Militants fired rockets at a base</li></ul></body></html>",
      InputFormat::kHtml);
  ASSERT_EQ(h.list_items.size(), 2u) << h.body;
  EXPECT_EQ(h.body.substr(h.list_items[1], 9), "Militants");
  EXPECT_TRUE(MustParse("Attacks\n\nRebels shelled the town on Monday, officials said.\n",
                        InputFormat::kText)
                  .list_items.empty());
}

}  // namespace
}  // namespace sitrep
