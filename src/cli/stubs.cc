// Subcommands whose stage is not built yet. Each moves to its own file when it is.
#include "cli/commands.h"

namespace sitrep::cli {

Runner AddIngest(CLI::App& app) {
  return NotYetAvailable(app, "ingest", "code and store articles and their events");
}
Runner AddEvents(CLI::App& app) {
  return NotYetAvailable(app, "events", "print stored events");
}
Runner AddTrend(CLI::App& app) {
  return NotYetAvailable(app, "trend", "escalation series from the store");
}
Runner AddAlerts(CLI::App& app) {
  return NotYetAvailable(app, "alerts", "escalation alerts from the store");
}
Runner AddServe(CLI::App& app) {
  return NotYetAvailable(app, "serve", "HTTP JSON API and web dashboard");
}

}  // namespace sitrep::cli
