// sitrep geo: the places the geocoder finds in a text, and the country it is mostly about.
#include <fmt/format.h>

#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/options.h"
#include "geo/geocoder.h"
#include "read/reader.h"
#include "text/analysis.h"

namespace sitrep::cli {
namespace {

using nlohmann::json;

struct GeoArgs {
  std::string text;
  std::string file;
  std::string gazetteer;
  std::string format;
};

json LocationJson(const Location& l) {
  return {{"text", l.text}, {"country", l.country}, {"admin1", l.admin1},
          {"lat", l.lat},   {"lon", l.lon},         {"precision", l.precision}};
}

void PrintJsonl(const ArticlePlaces& places) {
  for (const PlaceMention& m : places.mentions) {
    json j = {{"kind", "mention"},
              {"start", m.start},
              {"end", m.end},
              {"sentence", m.sentence},
              {"paragraph", m.paragraph},
              {"location", LocationJson(m.location)},
              {"feature", m.feature},
              {"modifier", m.modifier},
              {"relative", m.relative},
              {"locative", m.locative}};
    std::cout << j.dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
  }
  json focus = {{"kind", "focus"},
                {"focus_country", places.focus_country},
                {"location", places.focus ? LocationJson(*places.focus) : json(nullptr)}};
  std::cout << focus.dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
}

void PrintTable(const ArticlePlaces& places) {
  fmt::print("{:<32} {:<9} {:<4} {:<22} {:>9} {:>10} {:<10} {}\n", "mention", "precision", "ctry",
             "admin1", "lat", "lon", "feature", "notes");
  for (const PlaceMention& m : places.mentions) {
    std::string notes;
    if (m.modifier) notes += "actor ";
    if (m.relative) notes += "reference ";
    if (m.locative) notes += "locative ";
    fmt::print("{:<32} {:<9} {:<4} {:<22} {:>9.4f} {:>10.4f} {:<10} {}\n", m.location.text,
               m.location.precision, m.location.country, m.location.admin1, m.location.lat,
               m.location.lon, m.feature, notes);
  }
  fmt::print("focus country: {}\n", places.focus_country.empty() ? "-" : places.focus_country);
}

// The body to geocode: the text given, or the article the reader makes of --file.
Result<std::string> BodyOf(const GeoArgs& args) {
  if (args.file.empty()) return args.text;
  std::optional<Result<Article>> article;
  ReadArticles({args.file}, ReadOptions{}, [&](Result<Article> a) {
    if (!article) article = std::move(a);
  });
  if (!article) return Error{args.file + ": no article in it"};
  if (!*article) return Error{article->error()};
  return (*article)->body;
}

}  // namespace

Runner AddGeo(CLI::App& app) {
  CLI::App* sub = app.add_subcommand("geo", "show the places found in a text");
  auto args = std::make_shared<GeoArgs>();
  auto* text = sub->add_option("text", args->text, "the text to geocode");
  auto* file = sub->add_option("--file", args->file, "read the text from this article file");
  text->excludes(file);
  sub->add_option("--gazetteer", args->gazetteer,
                  "gazetteer file (default: build/data/gazetteer.bin)");
  AddFormatOption(sub, args->format, "table|jsonl");
  return [args] {
    if (args->text.empty() && args->file.empty()) {
      std::fprintf(stderr, "sitrep geo: give a TEXT or --file FILE\n");
      return 2;
    }
    auto geocoder = Geocoder::Open(args->gazetteer);
    if (!geocoder) {
      std::fprintf(stderr, "sitrep geo: %s\n", geocoder.error().c_str());
      return 1;
    }
    auto body = BodyOf(*args);
    if (!body) {
      std::fprintf(stderr, "sitrep geo: %s\n", body.error().c_str());
      return 1;
    }
    AnalyzedText analyzed = Analyze(*body, std::nullopt);
    ArticlePlaces places = (*geocoder)->Locate(*body, analyzed);
    std::string format = args->format.empty() ? DefaultFormat() : args->format;
    if (format == "jsonl")
      PrintJsonl(places);
    else
      PrintTable(places);
    std::cout.flush();
    return 0;
  };
}

}  // namespace sitrep::cli
