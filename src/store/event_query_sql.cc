#include "store/event_query_sql.h"

#include <cctype>
#include <cmath>

namespace sitrep::store {
namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}
std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}
// Escapes LIKE wildcards so user text matches literally (ESCAPE '\').
std::string LikeLiteral(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}
bool AllDigits(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

constexpr const char* kPgKm =
    "(2 * 6371.0088 * asin(least(1.0, sqrt(power(sin(radians(? - e.lat) / 2), 2) + "
    "cos(radians(e.lat)) * cos(radians(?)) * power(sin(radians(? - e.lon) / 2), 2)))))";

}  // namespace

std::string Fts5AllWords(const std::string& text) {
  std::string query, word;
  auto flush = [&] {
    if (word.empty()) return;
    if (!query.empty()) query += ' ';
    query += '"' + word + '"';
    word.clear();
  };
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80)
      word += c;
    else
      flush();
  }
  flush();
  return query;
}

Result<SqlFilter> BuildFilter(const EventQuery& q, Dialect dialect) {
  SqlFilter f;
  std::vector<std::string> clauses;
  auto& p = f.params;
  if (q.from) {
    // The same condition, plus a lower bound on date_begin that the (date_begin, …) index can
    // start from: no event began earlier than `from` minus the longest span stored, which the
    // partial index of spans over a month finds at once (a month when there are none).
    clauses.push_back(
        "e.date_end >= ? AND e.date_begin >= ? - (SELECT COALESCE(MAX(l.date_end - "
        "l.date_begin), 31) FROM events l WHERE l.date_end - l.date_begin > 31)");
    p.push_back(Int(q.from->days()));
    p.push_back(Int(q.from->days()));
  }
  if (q.to) {
    clauses.push_back("e.date_begin <= ?");
    p.push_back(Int(q.to->days()));
  }
  if (!q.actor.empty()) {
    clauses.push_back(
        "(e.source_code LIKE ? ESCAPE '\\' OR e.target_code LIKE ? ESCAPE '\\' OR "
        "lower(e.source_text) LIKE ? ESCAPE '\\' OR lower(e.target_text) LIKE ? ESCAPE '\\')");
    std::string code = LikeLiteral(Upper(q.actor)) + "%";
    std::string text = "%" + LikeLiteral(Lower(q.actor)) + "%";
    p.insert(p.end(), {Text(code), Text(code), Text(text), Text(text)});
  }
  if (!q.country.empty()) {
    clauses.push_back("(e.location_country = ? OR e.source_country = ? OR e.target_country = ?)");
    std::string c = Upper(q.country);
    p.insert(p.end(), {Text(c), Text(c), Text(c)});
  }
  if (!q.type.empty()) {
    if (AllDigits(q.type)) {
      clauses.push_back("e.cameo LIKE ?");
      p.push_back(Text(q.type + "%"));
      if (q.type.size() >= 2) {  // the same, but the root can use the (root, date) index
        clauses.push_back("e.root = ?");
        p.push_back(Text(q.type.substr(0, 2)));
      }
    } else {
      clauses.push_back("(lower(e.acled_type) = ? OR lower(e.acled_subtype) = ?)");
      p.insert(p.end(), {Text(Lower(q.type)), Text(Lower(q.type))});
    }
  }
  if (!q.text.empty()) {
    if (dialect == Dialect::kSqlite) {
      std::string match = Fts5AllWords(q.text);
      if (match.empty()) return Error{"--text: '" + q.text + "' has no words to search for"};
      clauses.push_back(
          "e.id IN (SELECT r2.event_id FROM reports r2 WHERE r2.seq IN "
          "(SELECT rowid FROM reports_fts WHERE reports_fts MATCH ?))");
      p.push_back(Text(match));
    } else {
      if (Fts5AllWords(q.text).empty())
        return Error{"--text: '" + q.text + "' has no words to search for"};
      clauses.push_back(
          "e.id IN (SELECT r2.event_id FROM reports r2 WHERE "
          "to_tsvector('simple', r2.sentence) @@ plainto_tsquery('simple', ?))");
      p.push_back(Text(q.text));
    }
  }
  if (q.near) {
    const auto& n = *q.near;
    if (n.lat < -90 || n.lat > 90 || n.lon < -180 || n.lon > 180 || n.km < 0)
      return Error{"--near: latitude, longitude or radius out of range"};
    double dlat = n.km / 111.0 + 0.01;  // a degree of latitude is ~111 km everywhere
    clauses.push_back("e.lat BETWEEN ? AND ?");
    p.insert(p.end(), {Real(n.lat - dlat), Real(n.lat + dlat)});
    // A longitude band too, so the (lat, lon) index leaves out the rest of the latitude's
    // circle; it wraps across the antimeridian, and near a pole there is none.
    double widest_lat = std::abs(n.lat) + dlat;
    if (widest_lat < 89) {
      double dlon = dlat / std::cos(widest_lat * 3.14159265358979323846 / 180);
      double west = n.lon - dlon, east = n.lon + dlon;
      if (dlon >= 180) {
        // the band is the whole circle
      } else if (west < -180 || east > 180) {
        clauses.push_back("(e.lon >= ? OR e.lon <= ?)");
        p.insert(p.end(),
                 {Real(west < -180 ? west + 360 : west), Real(east > 180 ? east - 360 : east)});
      } else {
        clauses.push_back("e.lon BETWEEN ? AND ?");
        p.insert(p.end(), {Real(west), Real(east)});
      }
    }
    if (dialect == Dialect::kSqlite) {
      clauses.push_back("sitrep_km(e.lat, e.lon, ?, ?) <= ?");
      p.insert(p.end(), {Real(n.lat), Real(n.lon), Real(n.km)});
    } else {
      clauses.push_back(std::string(kPgKm) + " <= ?");
      p.insert(p.end(), {Real(n.lat), Real(n.lat), Real(n.lon), Real(n.km)});
    }
  }
  for (size_t i = 0; i < clauses.size(); ++i) f.where += (i ? " AND " : " WHERE ") + clauses[i];

  static const std::pair<const char*, const char*> kSorts[] = {
      {"date", "e.date_begin, e.id"},
      {"-date", "e.date_begin DESC, e.id"},
      {"goldstein", "e.goldstein, e.date_begin, e.id"},
      {"-goldstein", "e.goldstein DESC, e.date_begin, e.id"},
      {"fatalities", "e.fatalities DESC NULLS LAST, e.date_begin, e.id"},
      {"-fatalities", "e.fatalities ASC NULLS LAST, e.date_begin, e.id"},
      {"sources", "e.num_sources DESC, e.date_begin, e.id"},
      {"-sources", "e.num_sources ASC, e.date_begin, e.id"},
  };
  for (auto& [name, order] : kSorts)
    if (q.sort == name || (q.sort.empty() && std::string(name) == "date"))
      f.order = std::string(" ORDER BY ") + order;
  if (f.order.empty())
    return Error{"--sort: '" + q.sort +
                 "' is not one of date, -date, goldstein, -goldstein, fatalities, -fatalities, "
                 "sources, -sources"};

  if (q.limit || q.offset) {
    if (q.limit) {
      f.limit = " LIMIT ?";
      f.limit_params.push_back(Int(static_cast<int64_t>(q.limit)));
    } else {
      f.limit = dialect == Dialect::kSqlite ? " LIMIT -1" : " LIMIT ALL";
    }
    f.limit += " OFFSET ?";
    f.limit_params.push_back(Int(static_cast<int64_t>(q.offset)));
  }
  return f;
}

}  // namespace sitrep::store
