// Shared by the serve fuzz targets: one SQLite store in a temp folder (on /dev/shm when there
// is one, so commits are cheap), opened once per process and seeded with a few events whose
// text, actors and places the fuzzed filters can hit.
#pragma once

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "base/hash.h"
#include "store/store.h"

namespace sitrep::fuzz {

inline std::string MakeTempDir(const char* name) {
  std::string pattern =
      (access("/dev/shm", W_OK) == 0 ? "/dev/shm/" : "/tmp/") + std::string(name) + ".XXXXXX";
  if (!mkdtemp(pattern.data())) std::abort();
  return pattern;
}

inline Event SeedEvent(const Article& a, const std::string& id, const char* day, const char* cameo,
                       const char* source, const char* target, Location place) {
  Event e;
  e.id = id;
  e.date = DateRange::Day(*Date::ParseIso(day));
  e.source = Actor{source, source, std::string(source).substr(0, 3), std::string(source).substr(3)};
  e.target = Actor{target, target, std::string(target).substr(0, 3), std::string(target).substr(3)};
  e.cameo = cameo;
  e.root = e.cameo.substr(0, 2);
  e.quad_class = 4;
  e.goldstein = -10;
  e.acled_type = "Explosions/Remote violence";
  e.location = std::move(place);
  e.fatalities = 2;
  e.evidence = {a.body, 0, a.body.size()};
  e.article = {a.id, a.title, a.url, a.published, a.outlet, a.author};
  e.confidence = 0.8;
  return e;
}

inline Store& SeededStore() {
  static const std::unique_ptr<Store> store = [] {
    auto opened = Store::Open("sqlite:" + MakeTempDir("sitrep-fuzz-store") + "/store.db");
    if (!opened) {
      std::fprintf(stderr, "fuzz: %s\n", opened.error().c_str());
      std::exit(1);
    }
    Article a;
    a.id = "seed-erbil";
    a.title = "Rockets on Erbil";
    a.outlet = "Fuzz Wire";
    a.published = Date::ParseIso("2021-07-09");
    a.body = "Rockets hit Erbil airport on Wednesday, killing two.";
    a.content_hash = Sha256Hex(a.body);
    a.format = "text";
    std::vector<Event> events = {
        SeedEvent(a, "ev-erbil", "2021-07-07", "195", "IRQREB", "USAMIL",
                  {"Erbil airport", "IRQ", "Erbil", 36.24, 43.96, "site"}),
        SeedEvent(a, "ev-abu-kamal", "2021-06-27", "190", "USAMIL", "SYRREB",
                  {"Abu Kamal", "SYR", "Deir ez-Zor", 34.45, 40.92, "city"})};
    if (auto put = (*opened)->PutArticle(a, events); !put) {
      std::fprintf(stderr, "fuzz: seeding the store: %s\n", put.error().c_str());
      std::exit(1);
    }
    return std::move(opened.value());
  }();
  return *store;
}

}  // namespace sitrep::fuzz
