#include "store/pg_rows.h"

#include <cstdio>

namespace sitrep::store {

void AppendArrayElement(const SqlValue& v, std::string& out) {
  if (std::holds_alternative<std::monostate>(v)) {
    out += "NULL";
  } else if (auto* n = std::get_if<int64_t>(&v)) {
    out += std::to_string(*n);
  } else if (auto* d = std::get_if<double>(&v)) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.17g", *d);  // as single values are bound
    out += buf;
  } else {
    auto* view = std::get_if<std::string_view>(&v);
    std::string_view text = view ? *view : std::string_view(std::get<std::string>(v));
    out += '"';
    for (char c : text) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
}

void ColumnArrays::AddRow(const std::vector<SqlValue>& row) {
  if (arrays_.empty()) arrays_.assign(columns_, "{");
  for (size_t i = 0; i < columns_; ++i) {
    if (rows_ > 0) arrays_[i] += ',';
    AppendArrayElement(i < row.size() ? row[i] : SqlValue(), arrays_[i]);
  }
  ++rows_;
}

std::vector<SqlValue> ColumnArrays::TakeParams() {
  if (arrays_.empty()) arrays_.assign(columns_, "{");
  std::vector<SqlValue> params;
  params.reserve(columns_);
  for (std::string& a : arrays_) params.emplace_back(std::move(a += '}'));
  Clear();
  return params;
}

void ColumnArrays::Clear() {
  arrays_.clear();
  rows_ = 0;
}

}  // namespace sitrep::store
