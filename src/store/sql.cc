#include "store/sql.h"

#include <cstdlib>

namespace sitrep::store {

SqlValue Null() {
  return std::monostate{};
}
SqlValue Text(std::string_view s) {
  return std::string(s);
}
SqlValue TextOrNull(std::string_view s) {
  return s.empty() ? Null() : Text(s);
}
SqlValue TextView(std::string_view s) {
  return s;
}
SqlValue TextViewOrNull(std::string_view s) {
  return s.empty() ? Null() : TextView(s);
}
SqlValue Int(int64_t v) {
  return v;
}
SqlValue Real(double v) {
  return v;
}

std::string SqlRow::Str(size_t i) const {
  const SqlValue& v = cells[i];
  if (auto* s = std::get_if<std::string>(&v)) return *s;
  if (auto* s = std::get_if<std::string_view>(&v)) return std::string(*s);
  if (auto* n = std::get_if<int64_t>(&v)) return std::to_string(*n);
  if (auto* d = std::get_if<double>(&v)) return std::to_string(*d);
  return "";
}

int64_t SqlRow::I64(size_t i) const {
  const SqlValue& v = cells[i];
  if (auto* n = std::get_if<int64_t>(&v)) return *n;
  if (auto* d = std::get_if<double>(&v)) return static_cast<int64_t>(*d);
  if (auto* s = std::get_if<std::string>(&v)) return std::strtoll(s->c_str(), nullptr, 10);
  if (auto* s = std::get_if<std::string_view>(&v))
    return std::strtoll(std::string(*s).c_str(), nullptr, 10);
  return 0;
}

double SqlRow::F64(size_t i) const {
  const SqlValue& v = cells[i];
  if (auto* d = std::get_if<double>(&v)) return *d;
  if (auto* n = std::get_if<int64_t>(&v)) return static_cast<double>(*n);
  if (auto* s = std::get_if<std::string>(&v)) return std::strtod(s->c_str(), nullptr);
  if (auto* s = std::get_if<std::string_view>(&v))
    return std::strtod(std::string(*s).c_str(), nullptr);
  return 0;
}

std::optional<int64_t> SqlRow::OptI64(size_t i) const {
  if (IsNull(i)) return std::nullopt;
  return I64(i);
}

Result<std::optional<SqlRow>> SqlConnection::QueryOne(std::string_view sql,
                                                      const std::vector<SqlValue>& params) {
  auto rows = Query(sql, params);
  if (!rows) return Error{rows.error()};
  if (rows->empty()) return std::optional<SqlRow>();
  return std::optional<SqlRow>(std::move(rows->front()));
}

Status SqlConnection::Exec(std::string_view sql, const std::vector<SqlValue>& params) {
  auto rows = Query(sql, params);
  if (!rows) return Error{rows.error()};
  return OkStatus();
}

}  // namespace sitrep::store
