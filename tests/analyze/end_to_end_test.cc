// End to end: the seed article ingested with the bundled examples, then `sitrep alerts`. Skips
// when the binary, its gazetteer or the dev corpus is not there.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;

std::string RunCommand(const std::string& command, int& status) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) {
    status = -1;
    return out;
  }
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  status = pclose(pipe);
  return out;
}

// The seed article ingested with the bundled examples, through the real binary: the 27 June
// strikes and the 6–7 July attacks on U.S. forces form one chain and the dyad is flagged.
TEST(EndToEnd, SeedStrikesAndAttacksAreLinkedAndFlagged) {
  const std::string binary = SITREP_BINARY;
  const std::string seed = SITREP_SOURCE_DIR "/../shared/corpus/dev/red-alert-in-iraq.md";
  const std::string examples = SITREP_SOURCE_DIR "/examples";
  if (!fs::exists(binary)) GTEST_SKIP() << "no sitrep binary at " << binary;
  if (!fs::exists(seed)) GTEST_SKIP() << "dev corpus not found";
  fs::path db =
      fs::temp_directory_path() / ("sitrep-analyze-e2e-" + std::to_string(getpid()) + ".db");
  fs::remove(db);
  int status = 0;
  std::string log = RunCommand(binary + " ingest '" + examples + "' '" + seed +
                                   "' --published 2021-07-15 --db sqlite:" + db.string() + " 2>&1",
                               status);
  if (status != 0 && log.find("gazetteer") != std::string::npos)
    GTEST_SKIP() << "gazetteer not built: " << log;
  ASSERT_EQ(status, 0) << log;
  std::string out = RunCommand(
      binary + " alerts --format jsonl --simulations 200 --db sqlite:" + db.string() + " 2>&1",
      status);
  fs::remove(db);
  ASSERT_EQ(status, 0) << out;
  bool chain = false, flagged = false;
  std::istringstream lines(out);
  std::string line;
  while (std::getline(lines, line)) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << line;
    if (j["type"] == "chain") {
      std::set<std::string> actors = {j["actor_a"], j["actor_b"]};
      if (actors != std::set<std::string>{"USA", "IRQ"}) continue;
      bool strikes = false, attacks = false;
      for (const auto& link : j["links"]) {
        strikes |= link["cause_date"] == "2021-06-27";
        attacks |= link["response_date"] == "2021-07-06" || link["response_date"] == "2021-07-07";
      }
      chain |= strikes && attacks;
    }
    if (j["type"] == "alert" && j["scope"] == "dyad" &&
        (j["key"] == "USA>IRQ" || j["key"] == "IRQ>USA"))
      flagged |= j["level"] == "orange" || j["level"] == "red";
  }
  EXPECT_TRUE(chain) << out;
  EXPECT_TRUE(flagged) << out;
}

}  // namespace
