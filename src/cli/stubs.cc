// Subcommands whose stage is not built yet. Each moves to its own file when it is.
#include "cli/commands.h"

namespace sitrep::cli {

Runner AddTrend(CLI::App& app) {
  return NotYetAvailable(app, "trend", "escalation series from the store");
}
Runner AddAlerts(CLI::App& app) {
  return NotYetAvailable(app, "alerts", "escalation alerts from the store");
}

}  // namespace sitrep::cli
