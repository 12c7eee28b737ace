// Options shared by several subcommands, and the checks that turn them into values.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "base/export.h"
#include "base/result.h"
#include "pipeline/pipeline.h"

namespace sitrep::cli {

struct InputOptions {
  std::vector<std::string> paths;
  std::string published;
  std::string input_format = "auto";
  std::vector<std::string> dictionaries;
  std::string gazetteer;
  int threads = 0;  // 0: all cores
};

void AddInputOptions(CLI::App* sub, InputOptions& in, bool with_coding);
Result<PipelineOptions> ToPipelineOptions(const InputOptions& in);

// "table" on a terminal, "jsonl" otherwise, unless the user chose.
std::string DefaultFormat();
void AddFormatOption(CLI::App* sub, std::string& format, const std::string& allowed);

}  // namespace sitrep::cli
