#include <cstdio>

#include "cli/commands.h"

namespace sitrep::cli {

Runner NotYetAvailable(CLI::App& app, const char* name, const char* what) {
  CLI::App* sub = app.add_subcommand(name, std::string(what) + " (not yet available)");
  sub->allow_extras();
  std::string n = name;
  return [n] {
    std::fprintf(stderr, "sitrep %s: not yet available in this version\n", n.c_str());
    return 2;
  };
}

}  // namespace sitrep::cli
