// Where sitrep finds its data files: dictionaries in data/ and the gazetteer built at set-up.
// SITREP_DATA overrides both; otherwise the source tree's data/ and build/data/ are used.
#pragma once

#include <string>

namespace sitrep {

std::string DataDir();       // dictionaries and curated sources (the repo's data/)
std::string BuildDataDir();  // generated data (the gazetteer), build/data/

}  // namespace sitrep
