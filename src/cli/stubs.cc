// Subcommands whose stage is not built yet. Each moves to its own file when it is.
#include "cli/commands.h"

namespace sitrep::cli {


}  // namespace sitrep::cli
