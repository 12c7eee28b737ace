// JSON Lines objects of strings and nulls take a fast path that builds no JSON tree; it must
// read exactly what nlohmann::json reads. Each case is compared with the same object plus a
// numeric field, which only the nlohmann path accepts (and which FromObject ignores).
#include "read/jsonl.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sitrep {
namespace {

std::string Describe(const Result<Article>& r) {
  if (!r) return "error: " + r.error();
  return r->id + "|" + r->title + "|" + r->url + "|" + r->outlet + "|" + r->author + "|" +
         (r->published ? r->published->Iso() : "-") + "|" + r->format + "|" + r->body;
}

std::string ViaTree(const std::string& line) {
  size_t brace = line.find('{');
  std::string slow = line.substr(0, brace + 1) + "\"zz_slow\": 0" +
                     (line.find('"', brace) != std::string::npos ? ", " : "") +
                     line.substr(brace + 1);
  return Describe(read::ParseJsonArticle(slow, "in.jsonl:1", {}));
}

TEST(ReadJsonlFastPath, SameAsTreeParser) {
  const std::vector<std::string> lines = {
      R"({"text": "Rockets hit the base on Monday, officials said."})",
      R"(  {"id":"a-1","title":"T","url":"https://x.org/a","outlet":"O","author":"A","published":"2021-07-08","text":"Two rockets hit the base."}  )",
      R"({"text": "Quote \"inside\" and a \\ backslash\/slash.\n\nSecond paragraph\twith tab."})",
      R"({"te\u0078t": "Caf\u00e9 and \u20ac and \u0041 escaped."})",
      R"({"text": "Non-ASCII: café, «quotes», — dash, 😀 emoji."})",
      R"({"text": "Surrogates \ud83d\ude00 go to the tree parser."})",
      R"({"text": "Null fields.", "title": null, "id": null, "published": null})",
      R"({"text": "Duplicate keys: the last wins.", "title": "first", "title": "second"})",
      R"({"text": null})",
      R"({"title": "no text"})",
      R"({})",
      R"({"text": "Bad date.", "published": "July 8"})",
      R"({"text": "Trailing garbage."} x)",
      R"({"text": "Unterminated)",
      R"({"text": "Raw control)"
      "\x01"
      R"( byte."})",
      R"({"text": "Bad escape \q."})",
      "{\"text\": \"Invalid UTF-8 \xC3\x28 here.\"}",
      "{\"text\": \"Overlong \xC0\xAF slash.\"}",
      R"({"text": "Integer id.", "id": 42})",
      R"({"text": ["an", "array"]})",
      R"({"text": "x", "extra": {"nested": true}})",
  };
  for (const std::string& line : lines) {
    EXPECT_EQ(Describe(read::ParseJsonArticle(line, "in.jsonl:1", {})), ViaTree(line)) << line;
  }
}

TEST(ReadJsonlFastPath, ReadsFieldsAndUnescapes) {
  auto r = read::ParseJsonArticle(
      R"({"id":"x","published":"2021-07-08","text":"Caf\u00e9 owners said \"A\" was shut on Monday after the attack, police said."})",
      "t", {});
  ASSERT_TRUE(r) << r.error();
  EXPECT_EQ(r->id, "x");
  EXPECT_EQ(r->published->Iso(), "2021-07-08");
  EXPECT_EQ(r->format, "jsonl");
  EXPECT_NE(r->body.find("Caf\xC3\xA9 owners said \"A\""), std::string::npos) << r->body;
}

}  // namespace
}  // namespace sitrep
