// gencorpus: writes a reproducible benchmark corpus of news-like articles as JSON Lines.
//
//   sitrep_gencorpus --sentences 100000 [--seed 7] [--out corpus.jsonl]
//
// Articles mix sentence shapes the coder meets in real news: attacks with numbers and weapons,
// air strikes, protests, talks and statements, negated and hypothetical sentences, quotes,
// background, and page furniture. Each article keeps to one theatre, as a news report does: one
// country, its cities and sites (data/sites.tsv, the curated gazetteer sources) and the forces
// and groups fighting there; the same seed gives the same bytes on every machine
// (its own generator, not <random>'s distributions, whose output varies between libraries).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/date.h"
#include "base/paths.h"

namespace {

class Rng {  // splitmix64: tiny, fast, identical everywhere
 public:
  explicit Rng(uint64_t seed) : s_(seed) {}
  uint64_t Next() {
    uint64_t z = (s_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }
  template <class T>
  const T& Pick(const std::vector<T>& v) { return v[Below(v.size())]; }
  bool Chance(int percent) { return Below(100) < static_cast<size_t>(percent); }

 private:
  uint64_t s_;
};

struct Place {
  std::string name;
  std::string country;  // a country name as news writes it; for sites the ISO alpha-3 code
};

// Where an article is set: the country, its code (for data/sites.tsv), and who fights there
// (indices into kSides and kGroups).
struct Theatre {
  std::string country;
  std::string iso3;
  std::vector<size_t> sides;
  std::vector<size_t> groups;
};

struct Side {
  std::string forces;  // "U.S. troops", "Iraqi security forces"
  std::string government;
  std::string official;
};

const std::vector<Place> kCities = {
    {"Baghdad", "Iraq"},  {"Basra", "Iraq"},      {"Mosul", "Iraq"},       {"Kirkuk", "Iraq"},
    {"Erbil", "Iraq"},    {"Nasiriyah", "Iraq"},  {"Fallujah", "Iraq"},    {"Ramadi", "Iraq"},
    {"Damascus", "Syria"}, {"Aleppo", "Syria"},   {"Deir ez-Zor", "Syria"}, {"Raqqa", "Syria"},
    {"Idlib", "Syria"},   {"Homs", "Syria"},      {"Beirut", "Lebanon"},   {"Tyre", "Lebanon"},
    {"Sanaa", "Yemen"},   {"Aden", "Yemen"},      {"Marib", "Yemen"},      {"Hodeidah", "Yemen"},
    {"Kabul", "Afghanistan"}, {"Kandahar", "Afghanistan"}, {"Herat", "Afghanistan"},
    {"Tehran", "Iran"},   {"Isfahan", "Iran"},    {"Gaza City", "the Gaza Strip"},
    {"Khan Younis", "the Gaza Strip"}, {"Jenin", "the West Bank"}, {"Tripoli", "Libya"},
    {"Benghazi", "Libya"}, {"Mogadishu", "Somalia"}, {"Kismayo", "Somalia"}};

const std::vector<Side> kSides = {
    {"U.S. troops", "the Pentagon", "a U.S. defense official"},
    {"American forces", "Washington", "a senior U.S. official"},
    {"Iraqi security forces", "the Iraqi government", "an Iraqi army spokesman"},
    {"Syrian government forces", "Damascus", "Syria's state news agency"},
    {"Israeli troops", "the Israeli military", "an Israeli army spokesman"},
    {"Turkish forces", "Ankara", "Turkey's defense ministry"},
    {"Saudi-led coalition forces", "the coalition", "coalition spokesman Turki al-Maliki"},
    {"Afghan forces", "the Afghan government", "an interior ministry spokesman"},
    {"Somali troops", "the Somali government", "a regional police officer"}};

const std::vector<std::string> kGroups = {
    "Kataib Hezbollah", "Hezbollah",      "Hamas",          "the Houthi rebels",
    "Islamic State militants", "al-Shabaab fighters", "the Taliban", "Iran-backed militias",
    "the Popular Mobilization Forces", "Asaib Ahl al-Haq", "Kurdish fighters", "PKK militants"};

const std::vector<std::string> kCount = {"two", "three", "four", "five", "six", "seven",
                                         "eight", "nine", "ten", "12", "14", "17", "20", "dozens of"};
const std::vector<std::string> kWeekdays = {"Monday", "Tuesday", "Wednesday", "Thursday",
                                            "Friday", "Saturday", "Sunday"};
const std::vector<std::string> kOutlets = {"Tigris Wire", "Levant Ledger", "Gulf Sentinel",
                                           "Meridian Letters", "Eastern Front Monitor",
                                           "Horn Dispatch"};
const std::vector<std::string> kAuthors = {"Leila Karim", "Dana Haddad", "Omar Farouk",
                                           "Anna Weiss", "Karim Nasser", "Sahra Abdi"};

const std::vector<Theatre> kTheatres = {
    {"Iraq", "IRQ", {0, 1, 2, 5}, {0, 5, 7, 8, 9, 4, 10, 11}},
    {"Syria", "SYR", {0, 1, 3, 4, 5}, {4, 10, 11, 1, 7}},
    {"Lebanon", "LBN", {4}, {1}},
    {"Yemen", "YEM", {0, 6}, {3}},
    {"Afghanistan", "AFG", {0, 1, 7}, {6, 4}},
    {"Iran", "IRN", {0, 4}, {7}},
    {"the Gaza Strip", "PSE", {4}, {2}},
    {"the West Bank", "PSE", {4}, {2}},
    {"Libya", "LBY", {5}, {4}},
    {"Somalia", "SOM", {0, 8}, {5}}};

std::vector<Place> LoadSites() {
  std::vector<Place> sites;
  std::ifstream in(sitrep::DataDir() + "/sites.tsv");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#' || line.rfind("name\t", 0) == 0) continue;
    std::istringstream cols(line);
    std::string name, kind, country;
    std::getline(cols, name, '\t');
    std::getline(cols, kind, '\t');
    std::getline(cols, country, '\t');
    if (kind == "region" || kind == "strait") continue;
    sites.push_back({name, country});
  }
  return sites;
}

class Writer {
 public:
  Writer(Rng& rng, std::vector<Place> sites) : rng_(rng), all_sites_(std::move(sites)) {}

  // Sets the theatre of the next article: its cities, sites, forces and groups.
  void StartArticle() {
    const Theatre& t = rng_.Pick(kTheatres);
    cities_.clear();
    for (const Place& c : kCities)
      if (c.country == t.country) cities_.push_back(c);
    sites_.clear();
    for (const Place& site : all_sites_)
      if (site.country == t.iso3) sites_.push_back(site);
    sides_ = t.sides;
    groups_ = t.groups;
  }

  // One paragraph of 1–3 sentences; returns the number of sentences written.
  int Paragraph(std::string& out, const sitrep::Date& published) {
    int n = 1 + static_cast<int>(rng_.Below(3));
    for (int i = 0; i < n; ++i) {
      if (i) out += ' ';
      out += Sentence(published);
    }
    return n;
  }

 private:
  std::string When(const sitrep::Date& published) {
    switch (rng_.Below(5)) {
      case 0: return "on " + rng_.Pick(kWeekdays);
      case 1: {
        sitrep::Date d = published - static_cast<int>(rng_.Below(10));
        static const char* kMonths[] = {"January", "February", "March", "April", "May", "June",
                                        "July", "August", "September", "October", "November",
                                        "December"};
        return "on " + rng_.Pick(kWeekdays) + ", " + kMonths[d.month() - 1] + " " +
               std::to_string(d.day());
      }
      case 2: return "late on " + rng_.Pick(kWeekdays);
      case 3: return "a day earlier";
      default: return "over the weekend";
    }
  }
  std::string Where() {
    if (!sites_.empty() && rng_.Chance(35)) return "the " + rng_.Pick(sites_).name;
    const Place& c = City();
    return rng_.Chance(50) ? c.name : c.name + " in " + c.country;
  }

  const Place& City() { return rng_.Pick(cities_); }

  std::string Sentence(const sitrep::Date& published) {
    const Side& side = kSides[rng_.Pick(sides_)];
    const std::string& group = kGroups[rng_.Pick(groups_)];
    const std::string& n = rng_.Pick(kCount);
    switch (rng_.Below(14)) {
      case 0: return Cap(n) + " rockets hit " + Where() + " " + When(published) + ", wounding " +
                     rng_.Pick(kCount) + " soldiers, " + side.official + " said.";
      case 1: return "A drone attack " + When(published) + " targeted " + side.forces +
                     " based near " + Where() + ".";
      case 2: return Cap(side.forces) + " carried out air strikes on " + group +
                     " positions near " + Where() + " " + When(published) + ", killing " + n +
                     " fighters.";
      case 3: return "A roadside bomb exploded as a convoy carrying supplies for " + side.forces +
                     " passed near " + Where() + ", " + side.official + " told reporters.";
      case 4: return "Hundreds of protesters rallied in " + City().name + " " +
                     When(published) + ", demanding jobs and an end to power cuts.";
      case 5: return "Police fired tear gas at demonstrators who threw stones at government "
                     "buildings in " + City().name + ".";
      case 6: return Cap(side.government) + " condemned the attack and vowed to respond.";
      case 7: return "Foreign ministers met in " + City().name + " " +
                     When(published) + " to discuss a ceasefire, " + side.official + " said.";
      case 8: return "No casualties were reported in the attack on " + Where() + ".";
      case 9: return "Analysts warned that " + group + " could strike again if the talks fail.";
      case 10: return "\"We will not stand by while our people are attacked,\" " + side.official +
                      " told reporters.";
      case 11: return Cap(group) + " clashed with " + side.forces + " near " + Where() +
                      " for several hours, according to local residents.";
      case 12: return "The region has seen repeated violence since " +
                      std::to_string(2003 + rng_.Below(18)) + ", when " + group +
                      " first appeared there.";
      default: return "Both sides agreed to exchange prisoners under a deal brokered by the "
                      "United Nations.";
    }
  }
  static std::string Cap(std::string s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
  }

  Rng& rng_;
  std::vector<Place> all_sites_;
  std::vector<Place> cities_, sites_;  // of the current theatre
  std::vector<size_t> sides_, groups_;
};

int Usage() {
  std::fprintf(stderr, "usage: sitrep_gencorpus --sentences N [--seed S] [--out FILE]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  long long sentences = 0;
  uint64_t seed = 7;
  std::string out_path = "-";
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (i + 1 >= argc) return Usage();
    if (a == "--sentences") sentences = std::atoll(argv[++i]);
    else if (a == "--seed") seed = std::strtoull(argv[++i], nullptr, 10);
    else if (a == "--out") out_path = argv[++i];
    else return Usage();
  }
  if (sentences <= 0) return Usage();
  std::ofstream file;
  if (out_path != "-") {
    file.open(out_path, std::ios::binary);
    if (!file) {
      std::fprintf(stderr, "sitrep_gencorpus: cannot write %s\n", out_path.c_str());
      return 1;
    }
  }
  std::ostream& out = out_path == "-" ? std::cout : file;
  Rng rng(seed);
  Writer writer(rng, LoadSites());
  sitrep::Date first = sitrep::Date::FromYmd(2021, 1, 1);
  long long written = 0, articles = 0;
  while (written < sentences) {
    sitrep::Date published = first + static_cast<int>(rng.Below(365));
    std::string body;
    writer.StartArticle();
    int paragraphs = 3 + static_cast<int>(rng.Below(8));
    for (int p = 0; p < paragraphs && written < sentences; ++p) {
      if (p) body += "\n\n";
      written += writer.Paragraph(body, published);
    }
    if (rng.Chance(40)) body += "\n\nShare this article on social media. Copyright 2021, all rights reserved.";
    nlohmann::json j = {{"id", "gen-" + std::to_string(seed) + "-" + std::to_string(articles++)},
                        {"published", published.Iso()},
                        {"title", "Report " + std::to_string(articles)},
                        {"outlet", rng.Pick(kOutlets)},
                        {"author", rng.Pick(kAuthors)},
                        {"text", body}};
    out << j.dump() << '\n';
  }
  std::fprintf(stderr, "sitrep_gencorpus: %lld articles, %lld sentences\n", articles, written);
  return 0;
}
