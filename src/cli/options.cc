#include "cli/options.h"

#include <unistd.h>

#include <thread>

namespace sitrep::cli {

void AddInputOptions(CLI::App* sub, InputOptions& in, bool with_coding) {
  sub->add_option("inputs", in.paths, "files, folders (recursive) or - for stdin")->required();
  sub->add_option("--published", in.published,
                  "publication date (YYYY-MM-DD) for articles that carry none");
  sub->add_option("--input-format", in.input_format, "auto, text, markdown, html or jsonl")
      ->check(CLI::IsMember({"auto", "text", "markdown", "html", "jsonl"}));
  if (!with_coding) return;
  sub->add_option("--dictionaries", in.dictionaries,
                  "TABARI/PETRARCH verb, actor, agent and discard files instead of the built-in "
                  "dictionaries (comma-separated)")
      ->delimiter(',')
      ->take_all()
      ->expected(1);  // one comma-separated value: the inputs after it are not dictionaries
  sub->add_option("--gazetteer", in.gazetteer, "gazetteer file (default: build/data/gazetteer.bin)");
  sub->add_option("-j,--threads", in.threads, "worker threads (default: all cores)")
      ->check(CLI::Range(0, 256));
}

Result<PipelineOptions> ToPipelineOptions(const InputOptions& in) {
  PipelineOptions o;
  if (!in.published.empty()) {
    auto d = Date::ParseIso(in.published);
    if (!d || in.published.size() != 10)
      return Error{"--published: '" + in.published + "' is not a date of the form YYYY-MM-DD"};
    o.read.published = *d;
  }
  static const std::pair<const char*, InputFormat> kFormats[] = {
      {"auto", InputFormat::kAuto}, {"text", InputFormat::kText},
      {"markdown", InputFormat::kMarkdown}, {"html", InputFormat::kHtml},
      {"jsonl", InputFormat::kJsonl}};
  for (auto& [name, f] : kFormats)
    if (in.input_format == name) o.read.format = f;
  o.dictionaries = in.dictionaries;
  o.gazetteer = in.gazetteer;
  o.threads = in.threads > 0 ? in.threads
                             : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  return o;
}

std::string DefaultFormat() { return isatty(STDOUT_FILENO) ? "table" : "jsonl"; }

void AddFormatOption(CLI::App* sub, std::string& format, const std::string& allowed) {
  std::vector<std::string> names;
  size_t pos = 0;
  while (pos <= allowed.size()) {
    size_t bar = allowed.find('|', pos);
    if (bar == std::string::npos) bar = allowed.size();
    names.push_back(allowed.substr(pos, bar - pos));
    pos = bar + 1;
  }
  sub->add_option("--format", format, "output format: " + allowed)->check(CLI::IsMember(names));
}

}  // namespace sitrep::cli
