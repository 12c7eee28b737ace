// Array literals for PostgreSQL's multi-row statements: every value one element, text quoted
// so that nothing in it reads as array syntax. (Round trips through a server are in
// store_test.cc: TextWithQuotesBracesAndBackslashesIsStoredAsGiven.)
#include "store/pg_rows.h"

#include <gtest/gtest.h>

namespace sitrep::store {
namespace {

std::string Element(const SqlValue& v) {
  std::string out;
  AppendArrayElement(v, out);
  return out;
}

TEST(PgArrayElementTest, NullIsBareAndTheWordNullIsText) {
  EXPECT_EQ(Element(Null()), "NULL");
  EXPECT_EQ(Element(Text("NULL")), "\"NULL\"");
  EXPECT_EQ(Element(Text("")), "\"\"");
}

TEST(PgArrayElementTest, QuotesAndBackslashesAreEscapedAndSyntaxIsQuoted) {
  EXPECT_EQ(Element(TextView("a \"b\" \\c")), "\"a \\\"b\\\" \\\\c\"");
  EXPECT_EQ(Element(Text("{x,y}")), "\"{x,y}\"");
  EXPECT_EQ(Element(Text(" padded ")), "\" padded \"");
}

TEST(PgArrayElementTest, NumbersAreWrittenInFull) {
  EXPECT_EQ(Element(Int(-42)), "-42");
  EXPECT_EQ(Element(Int(INT64_MAX)), "9223372036854775807");
  EXPECT_EQ(std::stod(Element(Real(20.123456789012345))), 20.123456789012345);
}

TEST(ColumnArraysTest, EachColumnBecomesOneArrayInRowOrder) {
  ColumnArrays arrays(3);
  arrays.AddRow({Int(1), Text("a"), Null()});
  arrays.AddRow({Int(2), Null(), Real(0.5), Int(99)});  // past the columns: not taken
  EXPECT_EQ(arrays.rows(), 2u);
  std::vector<SqlValue> params = arrays.TakeParams();
  ASSERT_EQ(params.size(), 3u);
  EXPECT_EQ(std::get<std::string>(params[0]), "{1,2}");
  EXPECT_EQ(std::get<std::string>(params[1]), "{\"a\",NULL}");
  EXPECT_EQ(std::get<std::string>(params[2]), "{NULL,0.5}");
  EXPECT_EQ(arrays.rows(), 0u);  // taken: it starts again empty
  arrays.AddRow({Int(3), Text("b"), Null()});
  EXPECT_EQ(std::get<std::string>(arrays.TakeParams()[0]), "{3}");
}

TEST(ColumnArraysTest, NoRowsAreEmptyArrays) {
  ColumnArrays arrays(2);
  std::vector<SqlValue> params = arrays.TakeParams();
  ASSERT_EQ(params.size(), 2u);
  EXPECT_EQ(std::get<std::string>(params[0]), "{}");
}

}  // namespace
}  // namespace sitrep::store
