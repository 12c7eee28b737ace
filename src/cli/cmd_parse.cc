// sitrep parse: what the reader and the text stage understood of each article.
#include <fmt/format.h>

#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/options.h"
#include "read/reader.h"
#include "text/analysis.h"

namespace sitrep::cli {
namespace {

using nlohmann::json;

json NullIfEmpty(const std::string& s) {
  return s.empty() ? json(nullptr) : json(s);
}

json ParseJson(const Article& a, const AnalyzedText& text) {
  json sentences = json::array();
  for (const Sentence& s : text.sentences) {
    json dates = json::array(), numbers = json::array();
    for (const DateMention& d : s.dates)
      dates.push_back({{"text", a.body.substr(d.start, d.end - d.start)},
                       {"date", d.range.begin.Iso()},
                       {"date_end", d.range.end.Iso()},
                       {"precision", std::string(PrecisionName(d.range.precision))},
                       {"relative", d.relative},
                       {"background", d.background},
                       {"start", d.start},
                       {"end", d.end}});
    for (const NumberMention& n : s.numbers)
      numbers.push_back({{"text", a.body.substr(n.start, n.end - n.start)},
                         {"value", n.value},
                         {"unit", n.unit},
                         {"approximate", n.approximate},
                         {"lower_bound", n.lower_bound}});
    sentences.push_back({{"text", a.body.substr(s.start, s.end - s.start)},
                         {"start", s.start},
                         {"end", s.end},
                         {"paragraph", s.paragraph},
                         {"tokens", s.tokens.size()},
                         {"dates", dates},
                         {"numbers", numbers},
                         {"negated", s.negated},
                         {"modality", std::string(ModalityName(s.modality))}});
  }
  json article = {{"id", a.id},
                  {"title", NullIfEmpty(a.title)},
                  {"author", NullIfEmpty(a.author)},
                  {"outlet", NullIfEmpty(a.outlet)},
                  {"published", a.published ? json(a.published->Iso()) : json(nullptr)},
                  {"url", NullIfEmpty(a.url)},
                  {"origin", a.origin},
                  {"format", a.format},
                  {"content_hash", a.content_hash},
                  {"bytes", a.body.size()}};
  return {{"article", article}, {"sentences", sentences}};
}

void PrintTable(const Article& a, const AnalyzedText& text) {
  fmt::print("{}\n  title:     {}\n  author:    {}\n  outlet:    {}\n  published: {}\n", a.origin,
             a.title, a.author, a.outlet, a.published ? a.published->Iso() : "-");
  for (const Sentence& s : text.sentences) {
    std::string t = a.body.substr(s.start, s.end - s.start);
    for (char& c : t)
      if (c == '\n') c = ' ';
    fmt::print(
        "  [{:>6}-{:<6}] {}{}{}\n", s.start, s.end, s.negated ? "(negated) " : "",
        s.modality != Modality::kAsserted ? fmt::format("({}) ", ModalityName(s.modality)) : "", t);
    for (const DateMention& d : s.dates)
      fmt::print("      date   {:<28} {} .. {} ({})\n", a.body.substr(d.start, d.end - d.start),
                 d.range.begin.Iso(), d.range.end.Iso(), PrecisionName(d.range.precision));
    for (const NumberMention& n : s.numbers)
      fmt::print("      number {:<28} {} {}\n", a.body.substr(n.start, n.end - n.start), n.value,
                 n.unit);
  }
}

}  // namespace

Runner AddParse(CLI::App& app) {
  CLI::App* sub = app.add_subcommand(
      "parse",
      "show what the reader and text stages understood: metadata, sentences, dates, numbers");
  auto in = std::make_shared<InputOptions>();
  auto format = std::make_shared<std::string>();
  AddInputOptions(sub, *in, false);
  AddFormatOption(sub, *format, "jsonl|table");
  return [in, format] {
    auto options = ToPipelineOptions(*in);
    if (!options) {
      std::fprintf(stderr, "sitrep parse: %s\n", options.error().c_str());
      return 2;
    }
    std::string fmt_name = format->empty() ? DefaultFormat() : *format;
    int failures = 0;
    ReadArticles(in->paths, options->read, [&](Result<Article> a) {
      if (!a) {
        std::fprintf(stderr, "sitrep: %s\n", a.error().c_str());
        ++failures;
        return;
      }
      AnalyzedText text = Analyze(a->body, a->published);
      if (fmt_name == "jsonl")
        std::cout << ParseJson(*a, text).dump(-1, ' ', false, json::error_handler_t::replace)
                  << '\n';
      else
        PrintTable(*a, text);
    });
    std::cout.flush();
    return failures ? 1 : 0;
  };
}

}  // namespace sitrep::cli
