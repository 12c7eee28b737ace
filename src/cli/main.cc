// sitrep: news articles in, conflict event data and escalation alerts out.
#include <cstdio>
#include <map>

#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"sitrep: reads news articles and codes them into conflict events and alerts"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "sitrep 0.1.0");
  std::map<CLI::App*, sitrep::cli::Runner> runners;
  auto add = [&](sitrep::cli::Runner (*adder)(CLI::App&)) {
    size_t before = app.get_subcommands({}).size();
    sitrep::cli::Runner run = adder(app);
    runners[app.get_subcommands({})[before]] = std::move(run);
  };
  add(sitrep::cli::AddParse);
  add(sitrep::cli::AddCode);
  add(sitrep::cli::AddGeo);
  add(sitrep::cli::AddIngest);
  add(sitrep::cli::AddEvents);
  add(sitrep::cli::AddTrend);
  add(sitrep::cli::AddAlerts);
  add(sitrep::cli::AddServe);
  add(sitrep::cli::AddWatch);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  for (CLI::App* sub : app.get_subcommands()) return runners.at(sub)();
  return 2;
}
