#include "base/paths.h"

#include <cstdlib>

namespace sitrep {

std::string DataDir() {
  if (const char* d = std::getenv("SITREP_DATA")) return d;
  return SITREP_DATA_DIR;
}

std::string BuildDataDir() {
  if (const char* d = std::getenv("SITREP_BUILD_DATA")) return d;
  return SITREP_BUILD_DATA_DIR;
}

}  // namespace sitrep
