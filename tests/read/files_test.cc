// Files, folders, stdin and bad input through ReadArticles.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>

#include "test_util.h"

namespace sitrep {
namespace {

using testing::ReadAll;
using testing::TempDir;

constexpr const char* kStory =
    "Rebel fighters attacked an army post near the dam on Saturday, killing two soldiers, a "
    "military spokesman said.";

bool Says(const Result<Article>& r, std::string_view prefix, std::string_view what) {
  return !r.ok() && r.error().starts_with(prefix) && r.error().find(what) != std::string::npos &&
         r.error().find('\n') == std::string::npos;
}

TEST(Folders, RecursiveSortedSkippingHidden) {
  TempDir dir;
  dir.Write("b.txt", std::string("Second story\n\n") + kStory);
  dir.Write("a.md", std::string("# First story\n\n") + kStory);
  dir.Write("sub/c.html", std::string("<p>") + kStory + "</p>");
  dir.Write("c.txt", std::string("Last story\n\n") + kStory);
  dir.Write(".hidden.txt", kStory);
  dir.Write(".git/config.txt", kStory);
  auto all = ReadAll({dir.path()});
  ASSERT_EQ(all.size(), 4u);
  std::vector<std::string> origins;
  for (auto& r : all) {
    ASSERT_TRUE(r.ok()) << r.error();
    origins.push_back(r->origin.substr(dir.path().size() + 1));
  }
  EXPECT_EQ(origins, (std::vector<std::string>{"a.md", "b.txt", "c.txt", "sub/c.html"}));
  EXPECT_EQ(all[0]->format, "markdown");
  EXPECT_EQ(all[3]->format, "html");
}

TEST(Folders, UnknownExtensionIsSniffed) {
  TempDir dir;
  std::string path = dir.Write("story.article", std::string("# Title here\n\n") + kStory);
  auto all = ReadAll({path});
  ASSERT_EQ(all.size(), 1u);
  ASSERT_TRUE(all[0].ok()) << all[0].error();
  EXPECT_EQ(all[0]->format, "markdown");
  EXPECT_EQ(all[0]->origin, path);
}

TEST(BadInput, BinaryFilesAreNamedAndOthersGoOn) {
  TempDir dir;
  std::string pdf = dir.Write("a.pdf", std::string("%PDF-1.4\n\x00\x01\x02", 12));
  std::string blob = dir.Write("b.txt", std::string("abc\x00\x00\x00"
                                                    "def",
                                                    9));
  std::string good = dir.Write("c.txt", kStory);
  auto all = ReadAll({dir.path()});
  ASSERT_EQ(all.size(), 3u);
  EXPECT_TRUE(Says(all[0], pdf + ": ", "binary content (PDF)")) << all[0].error();
  EXPECT_TRUE(Says(all[1], blob + ": ", "NUL byte at offset 3")) << all[1].error();
  ASSERT_TRUE(all[2].ok());
  EXPECT_EQ(all[2]->body, kStory);
}

TEST(BadInput, EmptyAndBlankFiles) {
  TempDir dir;
  std::string empty = dir.Write("empty.txt", "");
  std::string blank = dir.Write("blank.md", "\n\n   \n");
  std::string furniture = dir.Write("only-links.md", "[Home](#) [World](#)\n\n---\n");
  auto all = ReadAll({empty, blank, furniture});
  ASSERT_EQ(all.size(), 3u);
  EXPECT_TRUE(Says(all[0], empty + ": ", "empty")) << all[0].error();
  EXPECT_TRUE(Says(all[1], blank + ": ", "empty")) << all[1].error();
  EXPECT_TRUE(Says(all[2], furniture + ": ", "no article text")) << all[2].error();
}

TEST(BadInput, HugeSparseFileIsRefusedBySize) {
  TempDir dir;
  std::string path = dir.path() + "/huge.txt";
  int fd = ::open(path.c_str(), O_CREAT | O_WRONLY, 0644);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::ftruncate(fd, 100 << 20), 0);
  ::close(fd);
  auto all = ReadAll({path});
  ASSERT_EQ(all.size(), 1u);
  EXPECT_TRUE(Says(all[0], path + ": ", "larger than")) << all[0].error();
}

TEST(BadInput, InvalidUtf8) {
  TempDir dir;
  std::string latin1;
  for (int i = 0; i < 200; ++i) latin1 += "caf\xE9 ";
  std::string mostly = dir.Write("latin1.txt", latin1);
  std::string stray =
      dir.Write("stray.txt", std::string("Clashes erupted in the \xC3 square on Monday.\n"));
  auto all = ReadAll({mostly, stray});
  ASSERT_EQ(all.size(), 2u);
  EXPECT_TRUE(Says(all[0], mostly + ": ", "invalid UTF-8 at byte 3")) << all[0].error();
  ASSERT_TRUE(all[1].ok()) << all[1].error();
  EXPECT_EQ(all[1]->body, "Clashes erupted in the \xEF\xBF\xBD square on Monday.");
}

TEST(BadInput, MissingPathAndUtf16) {
  TempDir dir;
  std::string utf16 = dir.Write("u16.txt", std::string("\xFF\xFEh\0i\0", 6));
  auto all = ReadAll({dir.path() + "/nope.txt", utf16});
  ASSERT_EQ(all.size(), 2u);
  EXPECT_TRUE(Says(all[0], dir.path() + "/nope.txt: ", "cannot read")) << all[0].error();
  EXPECT_TRUE(Says(all[1], utf16 + ": ", "UTF-16")) << all[1].error();
}

TEST(BadInput, TruncatedHtmlFile) {
  TempDir dir;
  std::string path =
      dir.Write("cut.html", std::string("<html><body><article><p>") + kStory + "<p>And then th");
  auto all = ReadAll({path});
  ASSERT_EQ(all.size(), 1u);
  ASSERT_TRUE(all[0].ok()) << all[0].error();
  EXPECT_TRUE(all[0]->body.starts_with(kStory));
}

TEST(Jsonl, OneBadLineAmongGoodOnes) {
  TempDir dir;
  std::string path = dir.Write(
      "batch.jsonl",
      std::string(R"({"id":"one","text":"Police dispersed the crowd with tear gas on Friday."})") +
          "\n" + R"({"id":"two","published":"2021-02-31","text":"Bad date line."})" + "\n\n" +
          "{broken\n" + R"({"id":"four","text":"Talks resumed in Geneva on Monday."})" + "\n");
  auto all = ReadAll({path});
  ASSERT_EQ(all.size(), 4u);
  ASSERT_TRUE(all[0].ok());
  EXPECT_EQ(all[0]->id, "one");
  EXPECT_EQ(all[0]->origin, path + ":1");
  EXPECT_TRUE(Says(all[1], path + ":2: ", "YYYY-MM-DD")) << all[1].error();
  EXPECT_TRUE(Says(all[2], path + ":4: ", "not valid JSON")) << all[2].error();
  ASSERT_TRUE(all[3].ok());
  EXPECT_EQ(all[3]->id, "four");
  EXPECT_EQ(all[3]->origin, path + ":5");
}

TEST(Jsonl, OverlongLineIsAnErrorAndReadingGoesOn) {
  TempDir dir;
  ReadOptions options;
  options.max_article_bytes = 1000;
  std::string big = R"({"text":")" + std::string(5000, 'a') + "\"}";
  std::string path = dir.Write(
      "big.jsonl", big + "\n" + R"({"text":"Short line about a raid on a village."})" + "\n");
  auto all = ReadAll({path}, options);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_TRUE(Says(all[0], path + ":1: ", "longer than 1000 bytes")) << all[0].error();
  EXPECT_TRUE(all[1].ok());
}

TEST(Jsonl, JsonDocumentWithAnArray) {
  TempDir dir;
  std::string path = dir.Write("set.json",
                               "[\n  {\"text\": \"Troops left the base on Monday.\"},\n"
                               "  {\"title\": \"no text\"}\n]\n");
  auto all = ReadAll({path});
  ASSERT_EQ(all.size(), 2u);
  EXPECT_TRUE(all[0].ok());
  EXPECT_TRUE(Says(all[1], path + "[1]: ", "missing \"text\"")) << all[1].error();
}

// Runs ReadArticles({"-"}) with stdin read from a file holding `content`.
std::vector<Result<Article>> ReadStdin(const std::string& content, ReadOptions options = {}) {
  TempDir dir;
  std::string path = dir.Write("stdin", content);
  std::fflush(stdin);
  int saved = ::dup(0);
  EXPECT_NE(std::freopen(path.c_str(), "r", stdin), nullptr);
  auto all = ReadAll({"-"}, options);
  std::fflush(stdin);
  ::dup2(saved, 0);
  ::close(saved);
  std::clearerr(stdin);
  return all;
}

TEST(Stdin, DocumentFromStdin) {
  auto all = ReadStdin(std::string("# Raid on the village\n\n") + kStory);
  ASSERT_EQ(all.size(), 1u);
  ASSERT_TRUE(all[0].ok()) << all[0].error();
  EXPECT_EQ(all[0]->origin, "stdin");
  EXPECT_EQ(all[0]->format, "markdown");
  EXPECT_EQ(all[0]->title, "Raid on the village");
}

TEST(Stdin, JsonLinesFromStdin) {
  auto all = ReadStdin(std::string(R"({"text":"Aid reached the town."})") + "\nnope\n");
  ASSERT_EQ(all.size(), 2u);
  ASSERT_TRUE(all[0].ok());
  EXPECT_EQ(all[0]->origin, "stdin:1");
  EXPECT_TRUE(Says(all[1], "stdin:2: ", "not valid JSON")) << all[1].error();
}

TEST(Stdin, EmptyAndTooLarge) {
  auto empty = ReadStdin("");
  ASSERT_EQ(empty.size(), 1u);
  EXPECT_TRUE(Says(empty[0], "stdin: ", "empty")) << empty[0].error();
  ReadOptions small;
  small.max_article_bytes = 100;
  auto big = ReadStdin(std::string(500, 'x'), small);
  ASSERT_EQ(big.size(), 1u);
  EXPECT_TRUE(Says(big[0], "stdin: ", "larger than")) << big[0].error();
}

}  // namespace
}  // namespace sitrep
