#include "base/export.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace sitrep {
namespace {

std::string CsvField(std::string_view s) {
  bool quote = s.find_first_of(",\"\n\r") != std::string_view::npos;
  if (!quote) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string TsvField(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return out;
}

std::string Num(std::optional<int> v) { return v ? std::to_string(*v) : std::string(); }
std::string Num(double v) { return fmt::format("{}", v); }

std::vector<std::string> Row(const Event& e) {
  const Actor none;
  const Actor& s = e.source ? *e.source : none;
  const Actor& t = e.target ? *e.target : none;
  const Location noloc;
  const Location& l = e.location ? *e.location : noloc;
  bool has_loc = e.location.has_value();
  return {e.id,
          e.date.begin.Iso(),
          e.date.end.Iso(),
          std::string(PrecisionName(e.date.precision)),
          s.text, s.code, s.country, s.sector,
          t.text, t.code, t.country, t.sector,
          e.cameo, e.root, std::to_string(e.quad_class), Num(e.goldstein),
          e.acled_type.value_or(""), e.acled_subtype.value_or(""),
          l.text, l.country, l.admin1,
          has_loc ? Num(l.lat) : "", has_loc ? Num(l.lon) : "", l.precision,
          Num(e.fatalities), Num(e.injuries),
          e.weapon ? e.weapon->kind : "", e.weapon ? Num(e.weapon->count) : "",
          e.evidence.sentence, std::to_string(e.evidence.start), std::to_string(e.evidence.end),
          e.attributed_to.value_or(""),
          e.article.id, e.article.title, e.article.url,
          e.article.published ? e.article.published->Iso() : "", e.article.outlet,
          e.article.author, Num(e.confidence), std::to_string(e.num_sources),
          std::to_string(e.num_articles)};
}

std::string Clip(std::string_view s, size_t n) {
  if (s.size() <= n) return std::string(s);
  size_t cut = n - 1;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return std::string(s.substr(0, cut)) + "…";
}

}  // namespace

std::optional<ExportFormat> ParseExportFormat(std::string_view name) {
  if (name == "jsonl" || name == "json") return ExportFormat::kJsonl;
  if (name == "csv") return ExportFormat::kCsv;
  if (name == "table") return ExportFormat::kTable;
  if (name == "geojson") return ExportFormat::kGeojson;
  if (name == "gdelt" || name == "tsv") return ExportFormat::kGdelt;
  return std::nullopt;
}

const std::vector<std::string>& CsvColumns() {
  static const std::vector<std::string> kColumns = {
      "id", "date", "date_end", "date_precision",
      "source_text", "source_code", "source_country", "source_sector",
      "target_text", "target_code", "target_country", "target_sector",
      "cameo", "root", "quad_class", "goldstein", "acled_type", "acled_subtype",
      "location_text", "location_country", "location_admin1", "lat", "lon",
      "location_precision", "fatalities", "injuries", "weapon_kind", "weapon_count",
      "evidence_sentence", "evidence_start", "evidence_end", "attributed_to",
      "article_id", "article_title", "article_url", "article_published", "article_outlet",
      "article_author", "confidence", "num_sources", "num_articles"};
  return kColumns;
}

void EventWriter::Begin() {
  switch (format_) {
    case ExportFormat::kCsv: {
      const auto& cols = CsvColumns();
      for (size_t i = 0; i < cols.size(); ++i) out_ << (i ? "," : "") << cols[i];
      out_ << '\n';
      break;
    }
    case ExportFormat::kGeojson:
      out_ << "{\"type\":\"FeatureCollection\",\"features\":[\n";
      break;
    case ExportFormat::kTable:
      out_ << fmt::format("{:<10} {:<5} {:<12} {:<12} {:<32} {:<24} {:>4} {}\n", "DATE", "CAMEO",
                          "SOURCE", "TARGET", "ACLED", "PLACE", "DEAD", "EVIDENCE");
      break;
    default:
      break;
  }
}

void EventWriter::Write(const Event& e) {
  switch (format_) {
    case ExportFormat::kJsonl:
      line_.clear();
      AppendJsonLine(e, line_);
      line_ += '\n';
      out_.write(line_.data(), static_cast<std::streamsize>(line_.size()));
      break;
    case ExportFormat::kCsv: {
      auto row = Row(e);
      for (size_t i = 0; i < row.size(); ++i) out_ << (i ? "," : "") << CsvField(row[i]);
      out_ << '\n';
      break;
    }
    case ExportFormat::kGdelt: {
      auto row = Row(e);
      for (size_t i = 0; i < row.size(); ++i) out_ << (i ? "\t" : "") << TsvField(row[i]);
      out_ << '\n';
      break;
    }
    case ExportFormat::kGeojson: {
      if (!e.location) return;  // GeoJSON features need a geometry
      nlohmann::json props = ToJson(e);
      props.erase("location");
      nlohmann::json f = {
          {"type", "Feature"},
          {"geometry", {{"type", "Point"}, {"coordinates", {e.location->lon, e.location->lat}}}},
          {"properties", props}};
      f["properties"]["place"] = e.location->text;
      f["properties"]["place_precision"] = e.location->precision;
      out_ << (count_ ? ",\n" : "")
           << f.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      break;
    }
    case ExportFormat::kTable: {
      std::string ev = e.evidence.sentence;
      for (char& c : ev)
        if (c == '\n') c = ' ';
      out_ << fmt::format("{:<10} {:<5} {:<12} {:<12} {:<32} {:<24} {:>4} {}\n",
                          e.date.begin.Iso(), e.cameo, e.source ? e.source->code : "-",
                          e.target ? e.target->code : "-",
                          Clip(e.acled_subtype.value_or("-"), 32),
                          Clip(e.location ? e.location->text : "-", 24),
                          e.fatalities ? std::to_string(*e.fatalities) : "", Clip(ev, 80));
      break;
    }
  }
  ++count_;
}

void EventWriter::End() {
  if (format_ == ExportFormat::kGeojson) out_ << "\n]}\n";
  out_.flush();
}

}  // namespace sitrep
