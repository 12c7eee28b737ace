#include "geo/geocoder.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>

#include "base/paths.h"
#include "geo/fold.h"
#include "geo/gazetteer.h"
#include "geo/words.h"

namespace sitrep {
namespace {

using geo::NameToken;
using geo::Place;
using geo::PlaceKind;

constexpr size_t kMaxNameWords = 8;

std::string_view PrecisionOf(PlaceKind k) {
  switch (k) {
    case PlaceKind::kCountry:
      return "country";
    case PlaceKind::kAdmin1:
      return "admin1";
    case PlaceKind::kRegion:
      return "region";
    case PlaceKind::kSite:
      return "site";
    default:
      return "city";
  }
}

// A name found in the text, before choosing among the places that bear it.
struct Match {
  size_t first = 0, last = 0;  // token range [first, last)
  uint32_t start = 0, end = 0;
  std::vector<uint32_t> places;
  bool demonym_only = false;
  bool wants_admin1 = false;  // "… province"
  bool wants_city = false;    // "… city"
  bool modifier = false, relative = false, locative = false;
  bool after_comma = false;  // right after "Name, ": where that name is, if it is a place
  bool single_word = false;
  int chosen = -1;  // index into places
  // "the Saudi city of Jazan": a country or demonym before a place word and "of" names the
  // country of the place that follows; `named_at` is that place's first content token.
  size_t named_at = 0;
  bool names_place = false;
  std::string_view place_word;
  // The place named after "the Saudi city of": its country, and that the text vouches for it.
  std::string_view country_hint;
};

// How much a town needs the article's support to be believed: a capital or a large city
// stands on its own; a town needs its country named as a place; a hamlet needs more.
enum class Standing { kOwn, kCountry, kStrongCountry };

Standing StandingOf(const Place& p, bool single_word) {
  // Curated rows (data/sites.tsv) carry their kind, not a GeoNames code: they stand alone.
  if (p.kind != PlaceKind::kCity || !p.feature.starts_with("PPL")) return Standing::kOwn;
  if (p.feature == "PPLC" || p.feature == "PPLA") return Standing::kOwn;
  if (p.population >= (single_word ? 100000u : 15000u)) return Standing::kOwn;
  if (p.population >= 1000 || p.feature.starts_with("PPLA")) return Standing::kCountry;
  return Standing::kStrongCountry;
}

bool Supported(Standing s, double country_weight) {
  switch (s) {
    case Standing::kOwn:
      return true;
    case Standing::kCountry:
      return country_weight >= 1;
    case Standing::kStrongCountry:
      return country_weight >= 2;
  }
  return false;
}

class Locator {
 public:
  Locator(const geo::Gazetteer& g, std::string_view body) : g_(g), body_(body) {}

  std::vector<Match> FindMatches(const std::vector<NameToken>& t) const {
    std::vector<Match> out;
    for (size_t i = 0; i < t.size();) {
      Match m;
      if (!t[i].key.empty() && MatchAt(t, i, &m)) {
        if (!out.empty() && out.back().names_place && out.back().named_at == m.first) {
          const Match& by = out.back();
          m.country_hint = g_.Country(by.places[0]);
          if (geo::IsAdmin1Word(by.place_word))
            m.wants_admin1 = true;
          else
            m.wants_city = true;
        }
        // "in Sake, Congo", "Bannu, Pakistan": the country is where the place before the comma
        // is, a place named as such. After a name that is no place ("on Monday, Burkina Faso
        // officials said") it is named as nothing more than itself.
        if (m.after_comma) {
          size_t b = m.first;
          while (b > 0 && t[b - 1].key.empty() && t[b - 1].joined_to_next) --b;
          if (!out.empty() && out.back().last == b) {
            m.locative = true;
            Match& place = out.back();
            if (place.country_hint.empty() && g_.Get(m.places[0]).kind == PlaceKind::kCountry)
              place.country_hint = g_.Country(m.places[0]);
          }
        }
        out.push_back(std::move(m));
        i = out.back().last;
      } else {
        ++i;
      }
    }
    return out;
  }

 private:
  // The longest name starting at content token i, if it passes the capitalization checks.
  bool MatchAt(const std::vector<NameToken>& t, size_t i, Match* m) const {
    if (!t[i].capitalized && !CapitalFollows(t, i)) return false;  // names have a capital
    auto hit = g_.Find(t[i].key);
    if (hit.max_words == 0) return false;
    std::array<size_t, kMaxNameWords> content;  // content tokens that may follow, in one run
    size_t count = 0;
    content[count++] = i;
    for (size_t j = i;
         j + 1 < t.size() && count < std::min<size_t>(hit.max_words, kMaxNameWords);) {
      if (!t[j].joined_to_next) break;
      ++j;
      if (!t[j].key.empty()) content[count++] = j;
    }
    for (size_t n = count; n >= 1; --n) {
      size_t last = content[n - 1] + 1;
      auto places = n == 1 ? hit.places : g_.Find(JoinedKey(t, i, last)).places;
      if (places.empty()) continue;
      Match cand;
      cand.first = i;
      cand.last = last;
      cand.single_word = n == 1;
      if (!Plausible(t, cand, places)) continue;
      Finish(t, &cand);
      *m = std::move(cand);
      return true;
    }
    return false;
  }

  // geo::JoinKeys(t, begin, end), in a buffer kept for the next name.
  std::string_view JoinedKey(const std::vector<NameToken>& t, size_t begin, size_t end) const {
    key_.clear();
    for (size_t k = begin; k < end; ++k) {
      if (t[k].key.empty()) continue;
      if (!key_.empty()) key_ += ' ';
      key_ += t[k].key;
    }
    return key_;
  }

  // "the Gulf", "eastern Syria": a lower-case word starts a name only before a capital.
  static bool CapitalFollows(const std::vector<NameToken>& t, size_t i) {
    for (size_t j = i, n = 0; n < 3 && j + 1 < t.size() && t[j].joined_to_next; ++j, ++n)
      if (t[j + 1].capitalized) return true;
    return false;
  }

  // Keeps the places a reader could mean here: capitalized names, no common English words
  // standing for towns, no acronyms standing for towns.
  bool Plausible(const std::vector<NameToken>& t, Match& m,
                 std::span<const uint32_t> places) const {
    const NameToken& head = t[m.first];
    bool any_caps = false;
    for (size_t k = m.first; k < m.last; ++k) any_caps |= t[k].capitalized;
    if (!any_caps) return false;
    bool common = m.single_word && geo::IsCommonWord(head.key);
    bool acronym = m.single_word && head.all_caps && head.end - head.start <= 4;
    bool person = m.single_word && NextToName(t, m);
    bool compound = InCompound(t, m);  // "Mar-a-Lago", "Iran-backed"
    bool numbered = m.last < t.size() && t[m.last - 1].joined_to_next && !t[m.last].key.empty() &&
                    t[m.last].key[0] >= '0' && t[m.last].key[0] <= '9';
    compound |= numbered;  // "France 24", "Arabi 21": names of outlets
    // "Somali troops", "Afghan government": a demonym before a common noun is the adjective,
    // not the region or town of that name ("the Somali region" still is one).
    bool adjective = false;
    if (m.last < t.size() && !t[m.last].key.empty() && !t[m.last].capitalized &&
        !geo::IsPlaceTypeWord(t[m.last].key))
      for (uint32_t id : places) adjective |= g_.Kind(id) == PlaceKind::kDemonym;
    bool only_demonyms = true;
    for (uint32_t id : places) {
      Place p = g_.Get(id);
      bool is_town = p.kind == PlaceKind::kCity;
      if (adjective && p.kind != PlaceKind::kDemonym) continue;
      // "U.S. Africa Command", "the Sahel Wire Service": a region inside an organization's name.
      if ((p.kind == PlaceKind::kRegion || p.kind == PlaceKind::kSite) && NextToName(t, m))
        continue;
      if (is_town && (!head.capitalized || common || acronym || person || compound)) continue;
      if (p.kind == PlaceKind::kAdmin1 &&
          (common || acronym || person || compound || !head.capitalized))
        continue;
      if (p.kind == PlaceKind::kDemonym && !head.capitalized) continue;
      if (p.kind == PlaceKind::kCountry && m.single_word && (common || !head.capitalized))
        continue;  // "Man" (Isle of Man)
      m.places.push_back(id);
      only_demonyms &= p.kind == PlaceKind::kDemonym;
    }
    m.demonym_only = only_demonyms;
    return !m.places.empty();
  }

  // A capitalized word right before or after that is no place word: "Joe Biden", "Washington
  // Post" — a person's or an organization's name, not a town.
  static bool NextToName(const std::vector<NameToken>& t, const Match& m) {
    auto name_like = [](const NameToken& x) {
      return x.capitalized && !x.key.empty() && !geo::IsPlaceTypeWord(x.key) &&
             !geo::IsDirectionWord(x.key);
    };
    size_t a = m.last;
    while (a < t.size() && t[a].key.empty() && t[a - 1].joined_to_next) ++a;  // "Rai Al-Youm"
    if (a < t.size() && t[a - 1].joined_to_next && name_like(t[a])) return true;
    size_t b = m.first;
    while (b > 0 && t[b - 1].key.empty() && t[b - 1].joined_to_next) --b;  // "al-"
    // Before the name, "In", "The", "On" are capitalized too: only a name-like word counts.
    return b > 0 && t[b - 1].joined_to_next && name_like(t[b - 1]) &&
           !geo::IsCommonWord(t[b - 1].key);
  }

  // Hyphened to a lower-case word that is no article: part of a compound word.
  static bool InCompound(const std::vector<NameToken>& t, const Match& m) {
    if (m.last < t.size() && t[m.last - 1].hyphen_after && !t[m.last].key.empty() &&
        !t[m.last].capitalized)
      return true;
    size_t b = m.first;
    while (b > 0 && t[b - 1].key.empty() && t[b - 1].joined_to_next) --b;
    return b > 0 && t[b - 1].hyphen_after && !t[b - 1].key.empty() && !t[b - 1].capitalized;
  }

  // "the Saudi city of Jazan", "the Iraqi port city of Basra", "the Syrian province of Idlib":
  // a country (or its demonym), one or two place words, "of", and a capitalized name.
  bool NamesPlaceAfter(const std::vector<NameToken>& t, Match* m) const {
    for (uint32_t id : m->places) {
      PlaceKind k = g_.Kind(id);
      if (k != PlaceKind::kCountry && k != PlaceKind::kDemonym) return false;
    }
    size_t k = m->last;
    if (k >= t.size() || !t[k - 1].joined_to_next || !geo::IsSettlementWord(t[k].key)) return false;
    std::string_view word = t[k].key;
    if (k + 1 < t.size() && t[k].joined_to_next && geo::IsSettlementWord(t[k + 1].key)) {
      ++k;  // "port city": the last place word says what the place is
      word = t[k].key;
    }
    if (k + 1 >= t.size() || !t[k].joined_to_next || std::string_view(t[k + 1].key) != "of")
      return false;
    size_t n = k + 2;
    while (n < t.size() && t[n].key.empty() && t[n - 1].joined_to_next) ++n;  // "of al-Bab"
    if (n >= t.size() || !t[n - 1].joined_to_next || !t[n].capitalized) return false;
    m->names_place = true;
    m->named_at = n;
    m->place_word = word;
    return true;
  }

  // Span, trailing place word ("province", "city") and the context flags.
  void Finish(const std::vector<NameToken>& t, Match* m) const {
    size_t b = m->first;
    while (b > 0 && t[b - 1].key.empty() && t[b - 1].joined_to_next) --b;
    m->start = t[b].start;
    m->end = t[m->last - 1].end;
    // "U.S.": the abbreviation's last dot belongs to the name.
    if (t[m->last - 1].end - t[m->last - 1].start == 1 && m->end < body_.size() &&
        body_[m->end] == '.' && m->last - m->first > 1)
      ++m->end;
    if (NamesPlaceAfter(t, m)) {
      // "the Saudi city of": the name after "of" is the place; this one stays the country.
    } else if (m->last < t.size() && t[m->last - 1].joined_to_next) {
      std::string_view next = t[m->last].key;
      if (next == "province" || next == "governorate" || next == "provinces") {
        m->wants_admin1 = true;
      } else if (next == "city" || next == "town") {
        m->wants_city = true;
      }
      if (m->wants_admin1 || m->wants_city) {
        m->end = t[m->last].end;
        ++m->last;
      }
    }
    if (m->last < t.size() && t[m->last - 1].joined_to_next) {
      const NameToken& next = t[m->last];
      bool compound = t[m->last - 1].hyphen_after && !next.capitalized;  // "Iran-backed"
      bool numbered = !next.key.empty() && next.key[0] >= '0' && next.key[0] <= '9';
      m->modifier =
          compound || numbered || geo::IsActorNoun(next.key) ||
          (next.capitalized && !geo::IsCommonWord(next.key) && !geo::IsPlaceTypeWord(next.key));
    }
    if (b >= 1) {
      std::string_view prev = t[b - 1].key;
      std::string_view before = b >= 2 ? std::string_view(t[b - 2].key) : std::string_view();
      m->locative = geo::IsLocativeWord(prev);
      if (prev == "of" && b >= 2 && geo::IsDirectionWord(before)) m->relative = true;
      if (prev == "from" && b >= 2 &&
          (before == "kilometers" || before == "kilometres" || before == "km" || before == "miles"))
        m->relative = true;
      if (prev == "of" && b >= 2 && (before == "outskirts" || before == "edge")) m->locative = true;
      // "Bannu, Pakistan": a name after a capitalized name and a comma may say where that one
      // is; FindMatches decides, once it knows whether that name is a place.
      if (t[b - 1].capitalized && t[b - 1].end + 2 == t[b].start &&
          body_.substr(t[b - 1].end, 2) == ", ")
        m->after_comma = true;
    }
  }

  const geo::Gazetteer& g_;
  std::string_view body_;
  mutable std::string key_;  // JoinedKey()'s buffer
};

double DistanceKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = M_PI / 180;
  double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  double a = std::sin(dlat / 2) * std::sin(dlat / 2) + std::cos(lat1 * kRad) *
                                                           std::cos(lat2 * kRad) *
                                                           std::sin(dlon / 2) * std::sin(dlon / 2);
  return 6371.0 * 2 * std::atan2(std::sqrt(a), std::sqrt(1 - a));
}

// How likely a reader means this place, before and after the article's context.
double Prior(const Place& p, const Match& m) {
  switch (p.kind) {
    case PlaceKind::kSite:
      return 9;
    case PlaceKind::kCountry:
      return 8;
    case PlaceKind::kRegion:
      return 7.5;
    case PlaceKind::kAdmin1:
      return m.wants_admin1 ? 10 : 5.5;
    case PlaceKind::kDemonym:
      return 0;
    case PlaceKind::kCity:
      break;
  }
  if (!p.feature.starts_with("PPL")) return m.wants_city ? 9 : 6;  // a curated city
  double s = std::log10(p.population + 10.0);
  if (p.feature == "PPLC")
    s += 2.5;
  else if (p.feature == "PPLA")
    s += 0.8;
  else if (p.feature == "PPLA2")
    s += 0.3;
  if (m.wants_city) s += 3;
  return s;
}

// Countries the article is about: one vote per place named in them, less for adjectives.
class CountryContext {
 public:
  void Add(std::string_view country, double weight) {
    if (!country.empty()) weights_[std::string(country)] += weight;
  }
  double Weight(std::string_view country) const {
    auto it = weights_.find(std::string(country));
    return it == weights_.end() ? 0 : it->second;
  }
  std::string Top() const {
    std::string best;
    double w = 0;
    for (const auto& [c, v] : weights_)
      if (v > w) {
        w = v;
        best = c;
      }
    return best;
  }

 private:
  std::map<std::string, double> weights_;
};

// A name's vote for its country as the article's place context: places named as places
// count, countries named as actors ("U.S. troops") or demonyms hardly.
double ContextVote(const Place& p, const Match& m) {
  switch (p.kind) {
    case PlaceKind::kDemonym:
      return 0.3;
    case PlaceKind::kCountry:
      return m.modifier ? 0.1 : m.locative ? 1 : 0.5;
    case PlaceKind::kCity:
      return StandingOf(p, m.single_word) == Standing::kOwn ? 1.5 : 0;
    default:
      return 1.5;
  }
}

// A resolved place's vote for the article's focus country: precise places weigh most.
double FocusVote(const Place& p, const Match& m) {
  switch (p.kind) {
    case PlaceKind::kDemonym:
      return 0.3;
    case PlaceKind::kCountry:
      return m.modifier ? 0.1 : m.locative ? 1 : 0.5;
    case PlaceKind::kRegion:
      return 2;
    default:
      return 3;
  }
}

bool IsAnchor(const Place& p) {
  return p.kind != PlaceKind::kCountry && p.kind != PlaceKind::kDemonym;
}

void Resolve(const geo::Gazetteer& g, std::vector<Match>& matches, CountryContext& context) {
  // Names whose places all lie in one country vote first, without any choosing; so do names
  // whose likeliest place is no town ("Lebanon" the country, not Lebanon, Pennsylvania).
  std::vector<bool> voted(matches.size(), false);
  for (size_t i = 0; i < matches.size(); ++i) {
    const Match& m = matches[i];
    std::string_view country = g.Country(m.places[0]);
    bool one_country = true;
    for (uint32_t id : m.places) one_country &= g.Country(id) == country;
    if (one_country) {
      context.Add(country, ContextVote(g.Get(m.places[0]), m));
      voted[i] = true;
      continue;
    }
    const uint32_t* likeliest = nullptr;
    double best = -1e9;
    for (const uint32_t& id : m.places) {
      double prior = Prior(g.Get(id), m);
      if (prior > best) {
        best = prior;
        likeliest = &id;
      }
    }
    Place p = g.Get(*likeliest);
    if (p.kind != PlaceKind::kCity && p.kind != PlaceKind::kDemonym)
      context.Add(p.country, ContextVote(p, m));
  }
  std::string top = context.Top();
  std::vector<Place> anchors;  // places of one-place names
  for (Match& m : matches)
    if (m.places.size() == 1 && IsAnchor(g.Get(m.places[0]))) anchors.push_back(g.Get(m.places[0]));
  auto choose = [&](Match& m) {
    double best = -1e9;
    // "the Saudi city of X": only X in Saudi Arabia, when the gazetteer has one; the text vouches
    // for it, however small.
    bool in_hint = false;
    for (uint32_t id : m.places)
      in_hint |= !m.country_hint.empty() && g.Country(id) == m.country_hint;
    for (size_t k = 0; k < m.places.size(); ++k) {
      Place p = g.Get(m.places[k]);
      double w = context.Weight(p.country);
      if (in_hint && p.country != m.country_hint) continue;
      if (!(in_hint && p.kind != PlaceKind::kDemonym) &&
          !Supported(StandingOf(p, m.single_word), w))
        continue;
      double s = Prior(p, m) + 2.5 * std::min(1.0, w) + (!top.empty() && p.country == top ? 1 : 0);
      if (p.kind == PlaceKind::kDemonym) s = m.demonym_only ? 1 : -1e8;
      for (const Place& q : anchors)
        if (q.name != p.name && std::abs(p.lat - q.lat) < 3 && std::abs(p.lon - q.lon) < 4 &&
            DistanceKm(p.lat, p.lon, q.lat, q.lon) < 300) {
          s += 1.5;
          break;
        }
      if (s > best) {
        best = s;
        m.chosen = static_cast<int>(k);
      }
    }
  };
  for (Match& m : matches) choose(m);
  // "around Sake, 25 km west of Goma": a city that stands on its own but whose name other
  // countries have too ("Goma") vouches for its country once chosen, and the towns that wanted
  // their country named get another look.
  bool more = false;
  for (size_t i = 0; i < matches.size(); ++i) {
    const Match& m = matches[i];
    if (voted[i] || m.chosen < 0) continue;
    Place p = g.Get(m.places[static_cast<size_t>(m.chosen)]);
    if (p.kind != PlaceKind::kCity || StandingOf(p, m.single_word) != Standing::kOwn) continue;
    context.Add(p.country, ContextVote(p, m));
    more = true;
  }
  if (more)
    for (Match& m : matches)
      if (m.chosen < 0) choose(m);
}

uint32_t ParagraphOf(const std::vector<uint32_t>& starts, uint32_t offset) {
  auto it = std::upper_bound(starts.begin(), starts.end(), offset);
  return it == starts.begin() ? 0 : static_cast<uint32_t>(it - starts.begin() - 1);
}

std::vector<uint32_t> ParagraphStarts(std::string_view body) {
  std::vector<uint32_t> starts{0};
  for (size_t i = body.find("\n\n"); i != std::string_view::npos; i = body.find("\n\n", i)) {
    while (i < body.size() && (body[i] == '\n' || body[i] == ' ' || body[i] == '\r')) ++i;
    if (i < body.size()) starts.push_back(static_cast<uint32_t>(i));
  }
  return starts;
}

uint32_t SentenceOf(const AnalyzedText& text, uint32_t offset) {
  const auto& s = text.sentences;
  auto it = std::upper_bound(s.begin(), s.end(), offset,
                             [](uint32_t off, const Sentence& x) { return off < x.start; });
  return it == s.begin() ? 0 : static_cast<uint32_t>(it - s.begin() - 1);
}

// "the same city", "the base", "there": places a later sentence points back at.
std::vector<PlaceAnaphor> FindAnaphors(const std::vector<NameToken>& t) {
  std::vector<PlaceAnaphor> out;
  for (size_t i = 0; i + 1 < t.size(); ++i) {
    if (std::string_view(t[i].key) != "the" || !t[i].joined_to_next) continue;
    size_t j = i + 1;
    if (std::string_view(t[j].key) == "same" && t[j].joined_to_next && j + 1 < t.size()) ++j;
    std::string_view noun = t[j].key;
    std::string wants;
    if (noun == "city" || noun == "town")
      wants = "city";
    else if (noun == "base" || noun == "airport" || noun == "embassy" || noun == "compound" ||
             noun == "facility" || noun == "site" || noun == "camp" || noun == "airbase" ||
             noun == "crossing" || noun == "oilfield" || noun == "refinery")
      wants = "site";
    else if (noun == "area" || noun == "region" || noun == "province")
      wants = "";
    else
      continue;
    out.push_back({t[i].start, t[j].end, wants});
  }
  return out;
}

// A name never runs from one sentence of the text stage into the next.
void SplitAtSentences(const AnalyzedText& text, std::vector<NameToken>& tokens) {
  if (text.sentences.empty()) return;
  size_t s = 0;
  for (size_t k = 0; k + 1 < tokens.size(); ++k) {
    while (s + 1 < text.sentences.size() && text.sentences[s + 1].start <= tokens[k].start) ++s;
    if (s + 1 < text.sentences.size() && tokens[k + 1].start >= text.sentences[s + 1].start)
      tokens[k].joined_to_next = false;
  }
}

Location ToLocation(const Place& p, std::string_view text) {
  Location l;
  l.text = std::string(text);
  l.country = std::string(p.country);
  l.admin1 = p.kind == PlaceKind::kCountry ? "" : std::string(p.admin1);
  l.lat = std::round(p.lat * 1e4) / 1e4;
  l.lon = std::round(p.lon * 1e4) / 1e4;
  l.precision = std::string(PrecisionOf(p.kind));
  return l;
}

}  // namespace

Geocoder::Geocoder(std::unique_ptr<geo::Gazetteer> gazetteer) : gazetteer_(std::move(gazetteer)) {
  for (uint32_t id = 0; id < gazetteer_->size(); ++id)
    if (gazetteer_->Kind(id) == PlaceKind::kCountry)
      country_records_.emplace(std::string(gazetteer_->Country(id)), id);
}

Geocoder::~Geocoder() = default;

Result<std::unique_ptr<Geocoder>> Geocoder::Open(const std::string& path) {
  std::string file = path.empty() ? BuildDataDir() + "/gazetteer.bin" : path;
  auto g = geo::Gazetteer::Load(file);
  if (!g) return Error{g.error()};
  return FromGazetteer(std::move(g.value()));
}

std::unique_ptr<Geocoder> Geocoder::FromGazetteer(std::unique_ptr<geo::Gazetteer> gazetteer) {
  return std::unique_ptr<Geocoder>(new Geocoder(std::move(gazetteer)));
}

ArticlePlaces Geocoder::Locate(std::string_view body, const AnalyzedText& text) const {
  ArticlePlaces out;
  auto tokens = geo::TokenizeNames(body);
  SplitAtSentences(text, tokens);
  std::vector<Match> matches = Locator(*gazetteer_, body).FindMatches(tokens);
  CountryContext context;
  Resolve(*gazetteer_, matches, context);

  out.paragraph_starts = ParagraphStarts(body);
  out.anaphors = FindAnaphors(tokens);
  CountryContext focus;
  for (const Match& m : matches) {
    if (m.chosen < 0) continue;
    Place p = gazetteer_->Get(m.places[m.chosen]);
    focus.Add(p.country, FocusVote(p, m));
    if (p.kind == PlaceKind::kDemonym) continue;
    PlaceMention pm;
    pm.start = m.start;
    pm.end = m.end;
    pm.sentence = SentenceOf(text, m.start);
    if (pm.sentence < text.sentences.size()) {
      // The text stage's sentence ends where its last token does: "U.S." may lose its dot.
      uint32_t sentence_end = text.sentences[pm.sentence].end;
      if (pm.start >= sentence_end || pm.start < text.sentences[pm.sentence].start)
        continue;  // outside every sentence: page furniture
      pm.end = std::min(pm.end, sentence_end);
    }
    pm.paragraph = ParagraphOf(out.paragraph_starts, m.start);
    pm.location = ToLocation(p, body.substr(pm.start, pm.end - pm.start));
    pm.modifier = m.modifier && p.kind == PlaceKind::kCountry;
    pm.relative = m.relative;
    pm.locative = m.locative;
    pm.feature = std::string(p.feature);
    out.mentions.push_back(std::move(pm));
  }
  out.focus_country = focus.Top();
  auto it = country_records_.find(out.focus_country);
  if (it != country_records_.end()) {
    Place p = gazetteer_->Get(it->second);
    out.focus = ToLocation(p, p.name);
  }
  return out;
}

}  // namespace sitrep
