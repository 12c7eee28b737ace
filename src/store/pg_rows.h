// PostgreSQL: many rows in one statement. Each column's values become one array literal, and
// the statement reads the rows back out of unnest() over those arrays, so a batch's thousands
// of rows take a few round trips to the server instead of one each, under one statement text
// (prepared once) whatever the number of rows.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "store/sql.h"

namespace sitrep::store {

// Appends `v` to a PostgreSQL array literal as one element: NULL, a number, or text in double
// quotes with `"` and `\` escaped (so commas, braces, quotes and spaces stay text).
void AppendArrayElement(const SqlValue& v, std::string& out);

// The rows added so far, column by column, as array literals.
class ColumnArrays {
 public:
  explicit ColumnArrays(size_t columns) : columns_(columns) {}
  // The first `columns` values of `row` (copied: the row may go once this returns).
  void AddRow(const std::vector<SqlValue>& row);
  size_t rows() const { return rows_; }
  // One array literal per column, to bind as text and cast (`?::bigint[]`); empties this.
  std::vector<SqlValue> TakeParams();
  void Clear();

 private:
  size_t columns_;
  size_t rows_ = 0;
  std::vector<std::string> arrays_;  // each without its closing brace
};

}  // namespace sitrep::store
