// The serve stage's pure parts: static path resolution, token checks, query parsing.
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <fstream>

#include "serve/auth.h"
#include "serve/query_params.h"
#include "serve/static_files.h"

namespace sitrep::serve {
namespace {
namespace fs = std::filesystem;

class StaticPathTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("sitrep-static-" + std::to_string(getpid()) + "-" +
             std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
    fs::create_directories(root_ / "dist" / "assets");
    std::ofstream(root_ / "dist" / "index.html") << "index";
    std::ofstream(root_ / "dist" / "assets" / "a.js") << "js";
    std::ofstream(root_ / "secret") << "secret";
    fs::create_directories(root_ / "dist-evil");
    std::ofstream(root_ / "dist-evil" / "x") << "x";
    fs::create_symlink(root_ / "secret", root_ / "dist" / "link");
  }
  void TearDown() override { fs::remove_all(root_); }
  StaticLookup Find(std::string_view p) { return ResolveStaticPath(root_ / "dist", p); }
  fs::path root_;
};

TEST_F(StaticPathTest, FindsFilesInside) {
  EXPECT_EQ(Find("/").status, 200);
  EXPECT_EQ(Find("/").file.filename(), "index.html");
  EXPECT_EQ(Find("/assets/a.js").status, 200);
  EXPECT_EQ(Find("/assets/").status, 404);  // no index there
  EXPECT_EQ(Find("/missing.js").status, 404);
}

TEST_F(StaticPathTest, RefusesEverythingThatLeaves) {
  for (const char* p : {"/../secret", "/assets/../../secret", "/..", "/./index.html",
                        "/%2e%2e/secret", "/..%2fsecret", "/assets\\..\\..\\secret"})
    EXPECT_EQ(Find(p).status, 400) << p;
  EXPECT_EQ(Find("relative").status, 400);
  EXPECT_EQ(Find(std::string_view("/index.html\0.js", 15)).status, 400);
  // A symlink inside that points outside resolves outside: not served.
  EXPECT_EQ(Find("/link").status, 404);
  // A sibling whose name starts with the root's name is not inside it.
  EXPECT_EQ(ResolveStaticPath(root_ / "dist", "/../dist-evil/x").status, 400);
}

TEST(MimeTypeTest, KnownAndUnknown) {
  EXPECT_EQ(MimeTypeFor("a/index.html"), "text/html; charset=utf-8");
  EXPECT_EQ(MimeTypeFor("x.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(MimeTypeFor("x.bin"), "application/octet-stream");
}

TEST(AuthTest, ConstantTimeEqualsIsEquality) {
  EXPECT_TRUE(ConstantTimeEquals("abc", "abc"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abd"));
  EXPECT_FALSE(ConstantTimeEquals("abc", std::string_view("abc\0", 4)));
  EXPECT_FALSE(ConstantTimeEquals("abc", "ab"));
  EXPECT_FALSE(ConstantTimeEquals("", "a"));
  EXPECT_TRUE(ConstantTimeEquals("", ""));
}

TEST(AuthTest, BearerToken) {
  EXPECT_EQ(BearerToken("Bearer abc"), "abc");
  EXPECT_EQ(BearerToken("bearer abc"), "abc");
  EXPECT_EQ(BearerToken("Basic abc"), "");
  EXPECT_EQ(BearerToken("Bearer "), "");
  EXPECT_EQ(BearerToken(""), "");
}

QueryParams P(std::initializer_list<std::pair<const std::string, std::string>> l) {
  return QueryParams(l);
}

TEST(EventsRequestTest, ParsesEveryFilter) {
  auto r = ParseEventsRequest(P({{"from", "2021-07-01"},
                                 {"to", "2021-07-31"},
                                 {"actor", "USAMIL"},
                                 {"country", "irq"},
                                 {"type", "19"},
                                 {"near", "33.8,42.4,50"},
                                 {"text", "rocket"},
                                 {"sort", "-date"},
                                 {"limit", "10"},
                                 {"offset", "5"},
                                 {"format", "csv"}}));
  ASSERT_TRUE(r.ok()) << r.error();
  EXPECT_EQ(r->query.from->Iso(), "2021-07-01");
  EXPECT_EQ(r->query.to->Iso(), "2021-07-31");
  EXPECT_EQ(r->query.actor, "USAMIL");
  EXPECT_EQ(r->query.country, "IRQ");
  EXPECT_EQ(r->query.type, "19");
  ASSERT_TRUE(r->query.near);
  EXPECT_DOUBLE_EQ(r->query.near->lat, 33.8);
  EXPECT_DOUBLE_EQ(r->query.near->km, 50);
  EXPECT_EQ(r->query.text, "rocket");
  EXPECT_EQ(r->query.sort, "-date");
  EXPECT_EQ(r->query.limit, 10u);
  EXPECT_EQ(r->query.offset, 5u);
  EXPECT_EQ(r->format, ListFormat::kCsv);
  EXPECT_TRUE(r->limit_given);
}

TEST(EventsRequestTest, ErrorsNameTheParameter) {
  struct Case {
    const char* name;
    const char* value;
  };
  for (Case c :
       {Case{"from", "2021-13-01"}, Case{"to", "July"}, Case{"limit", "ten"}, Case{"limit", "-1"},
        Case{"offset", "1.5"}, Case{"near", "1,2"}, Case{"near", "91,0,10"}, Case{"near", "0,0,-3"},
        Case{"sort", "random"}, Case{"format", "xml"}, Case{"country", "Iraq"}, Case{"text", "((("},
        Case{"bogus", "1"}}) {
    auto r = ParseEventsRequest(P({{c.name, c.value}}));
    ASSERT_FALSE(r.ok()) << c.name << "=" << c.value;
    EXPECT_NE(r.error().find(std::string("'") + c.name + "'"), std::string::npos) << r.error();
  }
  auto reversed = ParseEventsRequest(P({{"from", "2021-07-02"}, {"to", "2021-07-01"}}));
  EXPECT_FALSE(reversed.ok());
  QueryParams twice = {{"limit", "1"}, {"limit", "2"}};
  EXPECT_FALSE(ParseEventsRequest(twice).ok());
}

}  // namespace
}  // namespace sitrep::serve
