// The subcommands of the sitrep binary. Each Add* function registers one subcommand on the app
// and returns the function that runs it once the command line is parsed; that function
// returns the exit code (0 ok, 1 some inputs failed, 2 usage error).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace sitrep::cli {

using Runner = std::function<int()>;

Runner AddParse(CLI::App& app);
Runner AddCode(CLI::App& app);
Runner AddGeo(CLI::App& app);
Runner AddIngest(CLI::App& app);
Runner AddEvents(CLI::App& app);
Runner AddTrend(CLI::App& app);
Runner AddAlerts(CLI::App& app);
Runner AddServe(CLI::App& app);
Runner AddWatch(CLI::App& app);

// A subcommand that a later version fills in: it prints so and exits 2.
Runner NotYetAvailable(CLI::App& app, const char* name, const char* what);

}  // namespace sitrep::cli
