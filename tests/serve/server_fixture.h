// A live ApiServer on an ephemeral loopback port over a temporary SQLite store seeded with a
// few events, a temporary dashboard folder, and a secret file beside it that must never leak.
#pragma once

#include <gtest/gtest.h>
#include <httplib.h>

#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "serve/server.h"
#include "store/store.h"

namespace sitrep::serve::testing {

inline constexpr char kSecret[] = "TOP-SECRET-OUTSIDE-DIST";
inline constexpr char kToken[] = "s3cret-token-for-tests";

// Events made by hand so that the API layer is tested on known values: three in Iraq (one at
// Ain al-Asad, one in Erbil, one in Baghdad), one in Syria.
std::vector<std::pair<Article, std::vector<Event>>> SeedArticles();
// A coder for posted articles: one event per article at Ain al-Asad, evidence = first sentence.
std::vector<Event> FakeCoder(const Article& a);

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override { Start(DefaultOptions()); }
  void TearDown() override { StopServer(); }

  ServeOptions DefaultOptions() const;
  void Start(ServeOptions options);
  void StopServer();
  httplib::Client Client() const;

  std::filesystem::path dir_;  // temp root: dist/, secret.txt, store.db
  std::unique_ptr<Store> store_;
  std::unique_ptr<ApiServer> server_;
  std::thread thread_;
  int port_ = 0;
};

}  // namespace sitrep::serve::testing
