// sitrep's own coder: reads each sentence with the dictionaries, resolves what the article
// context tells (earlier actors, dates, places, attacks told again), and builds event records.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <memory>
#include <tuple>

#include "base/hash.h"
#include "base/paths.h"
#include "base/phrase_set.h"
#include "code/coder.h"
#include "code/coder_lexicon.h"
#include "code/coder_sentence.h"

namespace sitrep {
namespace {

using coding::ActorSpan;
using coding::Candidate;
using coding::Lexicon;

// ASCII only, as std::tolower in the "C" locale sitrep runs in, without a library call a byte.
char LowerAscii(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = LowerAscii(c);
  return out;
}

std::string_view TrimTitle(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == '#' || std::isspace(static_cast<unsigned char>(s[b])))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return s.substr(b, e - b);
}

bool EqualIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (LowerAscii(a[i]) != LowerAscii(b[i])) return false;
  return true;
}

struct Pending {
  Event event;
  Candidate cand;
  size_t sentence = 0;
  uint32_t paragraph = 0;
  bool date_from_text = false;
  bool dropped = false;
};

// Whether a speech verb ("said", "told") stands between body offsets `from` and `to`.
bool SpeechVerbBetween(std::string_view body, uint32_t from, uint32_t to) {
  static constexpr std::string_view kSaid[] = {"said",    "says",     "told",   "announced",
                                               "stated",  "reported", "added",  "claimed",
                                               "alleged", "insisted", "argued", "accused"};
  size_t k = from;
  while (k < to && k < body.size()) {
    while (k < to && !std::isalpha(static_cast<unsigned char>(body[k]))) ++k;
    size_t e = k;
    while (e < to && std::isalpha(static_cast<unsigned char>(body[e]))) ++e;
    std::string_view word = body.substr(k, e - k);
    if (std::find(std::begin(kSaid), std::end(kSaid), word) != std::end(kSaid)) return true;
    k = e;
  }
  return false;
}

// Whether date `d` is when someone said something: "said on Saturday", "announced Tuesday".
bool SaidOn(std::string_view body, uint32_t sentence_start, const DateMention& d) {
  size_t k = d.start;
  auto skip_spaces = [&] {
    while (k > sentence_start && body[k - 1] == ' ') --k;
  };
  auto word_before = [&] {
    skip_spaces();
    size_t e = k;
    while (k > sentence_start && std::isalpha(static_cast<unsigned char>(body[k - 1]))) --k;
    return body.substr(k, e - k);
  };
  std::string_view w = word_before();
  if (w == "on" || w == "late" || w == "early") w = word_before();
  static constexpr std::string_view kSaid[] = {"said",    "says",      "announced", "reported",
                                               "stated",  "confirmed", "told",      "added",
                                               "claimed", "declared"};
  return std::find(std::begin(kSaid), std::end(kSaid), w) != std::end(kSaid);
}

// "Security forces killed eight militants in North Waziristan": a role the article never tied
// to a country (no such group named before, none of the sentence's places) is that of the
// country where the event happened, as ACLED codes "Military Forces of Pakistan". Foreign
// armies are named ("U.S. troops"), and so resolved before this.
void OfTheCountry(std::optional<Actor>& a, const std::string& country) {
  static constexpr std::string_view kLocalRoles[] = {"COP", "GOV", "REB", "OPP", "CVL"};
  if (!a || country.empty() || !a->country.empty() || a->code != a->sector) return;
  bool local =
      std::find(std::begin(kLocalRoles), std::end(kLocalRoles), a->sector) != std::end(kLocalRoles);
  // Of soldiers, only the country's own army: "the army said", not "a convoy" or "troops",
  // which in Iraq or Syria may as well be a foreign army's.
  if (a->sector == "MIL") {
    std::string text = Lower(a->text);
    for (std::string_view own : {"army", "military", "armed forces", "air force", "junta"})
      local |= text.find(own) != std::string::npos;
  }
  if (!local) return;
  a->country = country;
  a->code = country + a->sector;
}

bool In3(const std::string& sector, std::initializer_list<std::string_view> roles) {
  std::string_view head = std::string_view(sector).substr(0, 3);
  return std::find(roles.begin(), roles.end(), head) != roles.end();
}

// "Clashes between the two sides": the two of the latest fight told in the sentences before,
// in its order (who attacked first stays the source).
void TheTwoSides(const std::vector<Pending>& pending, size_t sentence, Candidate& c) {
  // Sides that fight: not the civilians one side shelled.
  auto armed = [](const std::optional<Actor>& a) {
    return a && !In3(a->sector, {"CVL", "EDU", "MED", "HLH", "REF", "JRN", "NGO", "BUS", "REL"});
  };
  for (auto it = pending.rbegin(); it != pending.rend(); ++it) {
    if (sentence - it->sentence > 12) return;  // the article's belligerents, told not long ago
    const Event& e = it->event;
    if (it->dropped || e.root < "18" || !armed(e.source) || !armed(e.target)) continue;
    if (e.source->code == e.target->code) continue;
    for (auto [side, actor] : {std::pair{&c.source, &*e.source}, {&c.target, &*e.target}}) {
      ActorSpan span;
      span.actor = *actor;
      *side = span;
    }
    return;
  }
}

class SitrepCoder : public Coder {
 public:
  SitrepCoder(Lexicon lex, std::vector<std::string> discard)
      : lex_(std::move(lex)), discard_(discard, /*fold_case=*/true) {}

  std::vector<Event> Code(const Article& article, const AnalyzedText& text,
                          const ArticlePlaces& places) const override;

 private:
  bool Furniture(const Article& article, std::string_view sentence) const;
  void Classify(Event& e, const Candidate& c) const;
  const Lexicon lex_;
  const PhraseSet discard_;  // data/discard.txt, lower-cased; matched ignoring ASCII case
};

// A paragraph of a few words with no closing punctuation: a section heading ("Colombia: drone
// attack on army base") or a live blog's time stamp line ("10:45 GMT – Houthis claim missile
// attack"). It announces what the paragraphs after it tell, so it is not coded itself. A list
// item ("- Rebels shelled the town", or an item of a Markdown or HTML list, `list_items`) is
// body text, however short and unpunctuated.
bool IsHeadingParagraph(std::string_view body, const Sentence& s,
                        const std::vector<uint32_t>& list_items) {
  auto blank_or_edge = [&](size_t at, int step) {
    while (at > 0 && at < body.size() && body[at - (step < 0)] == ' ') at += step;
    if (step < 0) return at == 0 || (at >= 2 && body.substr(at - 2, 2) == "\n\n");
    return at >= body.size() || body.substr(at, 2) == "\n\n";
  };
  if (!blank_or_edge(s.start, -1) || !blank_or_edge(s.end, +1)) return false;
  std::string_view text = body.substr(s.start, s.end - s.start);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text.empty()) return false;
  if (std::binary_search(list_items.begin(), list_items.end(), s.start)) return false;
  static constexpr std::string_view kBullets[] = {
      "- ", "* ", "+ ", "\xE2\x80\xA2 ", "\xE2\x80\x93 ", "\xE2\x80\x94 ", "\xC2\xB7 "};
  for (std::string_view bullet : kBullets)
    if (text.starts_with(bullet)) return false;
  static constexpr std::string_view kClosers[] = {
      ".", "!", "?", "\"", "'", ")", ":", "\xE2\x80\x9D", "\xE2\x80\x99"};
  for (std::string_view closer : kClosers)
    if (text.ends_with(closer)) return false;
  size_t words = 1 + static_cast<size_t>(std::count(text.begin(), text.end(), ' '));
  return words <= 14;
}

bool SitrepCoder::Furniture(const Article& article, std::string_view sentence) const {
  if (discard_.FoundIn(sentence)) return true;
  return !article.title.empty() && EqualIgnoringCase(TrimTitle(sentence), TrimTitle(article.title));
}

// QuadClass, Goldstein and the ACLED type of the event's CAMEO code and weapon.
void SitrepCoder::Classify(Event& e, const Candidate& c) const {
  e.cameo = c.cameo;
  e.root = c.cameo.substr(0, 2);
  int root = std::atoi(e.root.c_str());
  e.quad_class = root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
  const coding::CameoDef* def = lex_.Cameo(c.cameo);
  if (!def && c.cameo.size() > 3) def = lex_.Cameo(c.cameo.substr(0, 3));
  if (!def) def = lex_.Cameo(e.root + "0");
  if (def) e.goldstein = def->goldstein;
  std::string type = def ? def->acled_type : "", sub = def ? def->acled_subtype : "";
  if (c.weapon && root >= 18 && c.weapon->cameo.substr(0, 3) == c.cameo.substr(0, 3)) {
    type = c.weapon->acled_type;
    sub = c.weapon->acled_subtype;
  }
  if (!c.weapon && (c.cameo == "190" || c.cameo == "180") && e.target &&
      e.target->sector.rfind("CVL", 0) == 0) {
    type = "Violence against civilians";
    sub = "Attack";
  }
  // Security forces shooting at protesters: ACLED's excessive force against protesters.
  if (root >= 18 && root <= 20 && e.target && e.target->sector.rfind("OPP", 0) == 0 && e.source &&
      (e.source->sector.rfind("COP", 0) == 0 || e.source->sector.rfind("MIL", 0) == 0)) {
    type = "Protests";
    sub = "Excessive force against protesters";
  }
  if (!c.trigger->acled_type.empty()) {
    type = c.trigger->acled_type;
    sub = c.trigger->acled_subtype;
  }
  if (!type.empty()) {
    e.acled_type = type;
    e.acled_subtype = sub;
  }
}

// Article context: actors mentioned so far, for "the militia" and "they".
struct Context {
  std::vector<Actor> named;  // with a country or group code, in order of mention
  std::optional<Actor> last_subject;

  // The countries of the places the current sentence names (not as actors): a generic
  // "militants" there is not an actor of another country mentioned earlier.
  std::vector<std::string> sentence_countries;

  // Only for the groups that act at home: armies, governments and militias fight abroad
  // ("the coalition" striking Sanaa, U.S. troops in Iraq), rebels, protesters, police and
  // civilians seldom do.
  static bool ActsAtHome(const Actor& actor) {
    std::string_view sector = std::string_view(actor.sector).substr(0, 3);
    return sector == "REB" || sector == "OPP" || sector == "COP" || sector == "CVL";
  }

  bool InSentenceCountries(const Actor& actor) const {
    return !ActsAtHome(actor) || sentence_countries.empty() || actor.country.empty() ||
           std::find(sentence_countries.begin(), sentence_countries.end(), actor.country) !=
               sentence_countries.end();
  }

  void Resolve(std::optional<ActorSpan>& a) const {
    if (!a) return;
    if (a->pronoun) {
      if (!last_subject) {
        a.reset();
        return;
      }
      std::string text = a->actor.text;
      a->actor = *last_subject;
      a->actor.text = text;
      a->pronoun = false;
      return;
    }
    if (!a->generic) return;
    for (auto it = named.rbegin(); it != named.rend(); ++it) {
      if (it->sector.substr(0, 3) != a->actor.sector.substr(0, 3)) continue;
      if (!InSentenceCountries(*it)) continue;
      std::string text = a->actor.text;
      a->actor = *it;
      a->actor.text = text;
      a->generic = false;
      return;
    }
    // "Insurgents shelled Kabul": no such actor of that country named before, so the group
    // is of the one country where the sentence is set (not soldiers: a convoy in Iraq may be
    // a foreign army's).
    if (sentence_countries.size() == 1 && a->actor.country.empty() && ActsAtHome(a->actor)) {
      a->actor.country = sentence_countries.front();
      a->actor.code = a->actor.country + a->actor.sector;
      a->generic = false;
    }
  }
};

// The country of an event's target (else source) as its sentence names it, when the place
// the event was given lies in neither actor's country; nullopt otherwise.
std::optional<Location> ActorCountryPlace(const Event& e, const ArticlePlaces& places,
                                          size_t sentence) {
  std::string target = e.target ? e.target->country : "",
              source = e.source ? e.source->country : "";
  if (target.empty() && source.empty()) return std::nullopt;
  if (e.location->country == target || e.location->country == source) return std::nullopt;
  for (const std::string& country : {target, source}) {
    if (country.empty()) continue;
    for (const PlaceMention& m : places.mentions)
      if (m.sentence == sentence && m.location.country == country &&
          m.location.precision == "country")
        return m.location;
  }
  return std::nullopt;
}

// "the Pentagon said", "according to the Pentagon", "Pentagon spokesman John Kirby": an
// institution named as who reports is not where the event happened.
bool ReportingPlace(std::string_view body, const PlaceMention& m) {
  size_t k = m.end;
  while (k < body.size() && (body[k] == ' ' || body[k] == ',')) ++k;
  size_t e = k;
  while (e < body.size() && std::isalpha(static_cast<unsigned char>(body[e]))) ++e;
  std::string_view next = body.substr(k, e - k);
  static constexpr std::string_view kReportingWords[] = {
      "said",     "says",      "spokesman", "spokeswoman", "spokesperson",
      "official", "officials", "statement", "announced",   "reported"};
  for (std::string_view v : kReportingWords)
    if (EqualIgnoringCase(next, v)) return true;
  size_t b = m.start;
  std::string_view before = body.substr(b >= 20 ? b - 20 : 0, b >= 20 ? 20 : b);
  auto ends_with = [&](std::string_view suffix) {
    return before.size() >= suffix.size() &&
           EqualIgnoringCase(before.substr(before.size() - suffix.size()), suffix);
  };
  return ends_with("according to ") || ends_with("according to the ");
}

// "were taken to a hospital in Basra": where the wounded were brought, not where they were hurt.
bool WhereTheWoundedWent(std::string_view body, uint32_t sentence_start, const PlaceMention& m) {
  uint32_t from = m.start >= sentence_start + 40 ? m.start - 40 : sentence_start;
  std::string before = Lower(body.substr(from, m.start - from));
  for (std::string_view cue : {"hospital", "taken to", "evacuated", "transferred", "flown to",
                               "rushed to", "treated in", "treated at"})
    if (before.find(cue) != std::string::npos) return true;
  return false;
}

bool Overlap(const DateRange& a, const DateRange& b) {
  return a.begin <= b.end && b.begin <= a.end;
}

bool SamePlace(const std::optional<Location>& a, const std::optional<Location>& b) {
  if (!a || !b) return !a && !b;
  if (a->precision == "country" || b->precision == "country") return a->country == b->country;
  double dlat = a->lat - b->lat, dlon = a->lon - b->lon;
  return std::sqrt(dlat * dlat + dlon * dlon) < 0.3;
}

// Whether two places cannot be where one happening was: different countries, or two places
// more than ~50 km apart of which neither contains the other.
bool Apart(const Location& a, const Location& b) {
  if (!a.country.empty() && !b.country.empty() && a.country != b.country) return true;
  if (a.precision == "country" || b.precision == "country" || a.country.empty() ||
      b.country.empty())
    return false;
  bool area = a.precision == "admin1" || a.precision == "region" || b.precision == "admin1" ||
              b.precision == "region";
  if (area && !a.admin1.empty() && a.admin1 == b.admin1) return false;
  if (area && (a.admin1.empty() || b.admin1.empty())) return false;  // a region across borders
  double dlat = a.lat - b.lat, dlon = (a.lon - b.lon) * std::cos(a.lat * M_PI / 180);
  return std::sqrt(dlat * dlat + dlon * dlon) > 0.45;
}

bool SameActor(const std::optional<Actor>& a, const std::optional<Actor>& b) {
  if (!a || !b) return true;
  if (a->code == b->code) return true;
  // Two bare roles of no known country ("MIL", "CVL") are two different groups.
  auto bare_role = [](const Actor& x) { return x.country.empty() && x.code == x.sector; };
  if (bare_role(*a) && bare_role(*b)) return false;
  return a->country.empty() && b->country.empty();
}

// Looser than SameActor: "President Biden ordered air strikes" and "U.S. warplanes" are one
// side.
bool SameSide(const std::optional<Actor>& a, const std::optional<Actor>& b) {
  return SameActor(a, b) || a->country == b->country;
}

std::string Hex(uint64_t v) {
  return fmt::format("{:016x}", v);
}

std::vector<Event> SitrepCoder::Code(const Article& article, const AnalyzedText& text,
                                     const ArticlePlaces& places) const {
  std::vector<Pending> pending;
  // About an event a sentence: room for a typical article's, so that growing the vector does
  // not move each event (an Event is ~1 KB of strings and optionals) once more.
  pending.reserve(std::min<size_t>(text.sentences.size(), 64));
  Context ctx;
  std::optional<DateRange> carried;         // the latest precise date the article has told so far
  std::optional<DateRange> last_told;       // the last date of the sentence before, if any
  std::optional<std::string> last_speaker;  // for "..., he said."
  std::vector<std::tuple<uint32_t, uint32_t, bool>> actor_names;  // spans naming actors
  // Per mention: whether one of actor_names[0, names_checked) names it (the list only grows, so
  // each name is checked against each mention once).
  std::vector<uint8_t> named_as_actor(places.mentions.size(), 0);
  size_t names_checked = 0;
  const std::string& body = article.body;
  std::vector<int8_t> reporting(places.mentions.size(), -1);     // ReportingPlace, once a mention
  std::vector<int8_t> wounded_went(places.mentions.size(), -1);  // WhereTheWoundedWent, once
  auto where_the_wounded_went = [&](size_t mi) {
    const PlaceMention& m = places.mentions[mi];
    if (wounded_went[mi] < 0)
      wounded_went[mi] = m.sentence < text.sentences.size() &&
                         WhereTheWoundedWent(body, text.sentences[m.sentence].start, m);
    return wounded_went[mi] == 1;
  };
  std::vector<const PlaceMention*> sentence_mentions;  // where a sentence's events may be
  ArticlePlaces focus_only;  // the article's focus, without mentions, paragraphs or anaphors
  focus_only.focus_country = places.focus_country;
  focus_only.focus = places.focus;
  // "In a separate development, the United States last week imposed sanctions ...": an aside
  // paragraph's dates stay in it; the story after it goes on from the day told before it.
  int64_t aside_paragraph = -1;  // the paragraph of the aside being read, or -1
  std::optional<DateRange> carried_before_aside;
  for (size_t si = 0; si < text.sentences.size(); ++si) {
    const Sentence& s = text.sentences[si];
    if (s.end > body.size() || s.start >= s.end) continue;
    std::string_view stext(body.data() + s.start, s.end - s.start);
    if (aside_paragraph >= 0 && s.paragraph != aside_paragraph) {
      carried = carried_before_aside;
      aside_paragraph = -1;
    }
    bool opens_paragraph = si == 0 || text.sentences[si - 1].paragraph != s.paragraph;
    if (opens_paragraph && aside_paragraph < 0)
      for (std::string_view opener : {"In a separate development", "Separately,", "Elsewhere,",
                                      "In other news", "In an unrelated"})
        if (stext.starts_with(opener)) {
          aside_paragraph = s.paragraph;
          carried_before_aside = carried;
        }
    auto update_carry = [&] {
      last_told.reset();
      for (const DateMention& d : s.dates) {
        if (d.background) continue;
        if (d.range.end - d.range.begin <= 14) carried = d.range;
        last_told = d.range;
      }
    };
    // "The memory of January hangs over all of this. Then, a drone attack ...": "then" at the
    // head of a sentence is the time the sentence before named, however wide.
    std::optional<DateRange> then;
    if (s.dates.empty() && last_told) {
      std::string_view head = stext.substr(0, 16);
      for (std::string_view opener :
           {"Then,", "Then ", "At the time,", "At that time,", "Back then,"})
        if (head.starts_with(opener)) then = last_told;
    }
    if (Furniture(article, stext) || IsHeadingParagraph(body, s, article.list_items)) continue;
    std::optional<Date> ref = !s.dates.empty() ? std::optional<Date>(s.dates.front().range.begin)
                              : carried        ? std::optional<Date>(carried->begin)
                                               : article.published;
    coding::SentenceReading reading = coding::ReadSentence(lex_, body, s, ref);
    // "U.S. troops responded with artillery fire, he said.": he is whoever spoke before.
    if (reading.attributed_to) {
      std::string who = Lower(*reading.attributed_to);
      if (who == "he" || who == "she" || who == "they" || who == "it")
        reading.attributed_to = last_speaker;
      else
        last_speaker = reading.attributed_to;
    }

    // "In Basra, four people were injured.": casualties told at a place of their own are not
    // those of an attack told at another place just before.
    auto told_elsewhere = [&](const std::optional<Location>& there) {
      if (!there) return false;
      bool any = false;
      for (size_t mi = 0; mi < places.mentions.size(); ++mi) {
        const PlaceMention& m = places.mentions[mi];
        if (m.start < s.start || m.start >= s.end || m.modifier || m.relative) continue;
        bool actor = false;
        for (const ActorSpan& a : reading.actors)
          if (!a.locative && !a.pronoun && m.start < a.stop && a.start < m.end) actor = true;
        for (const auto& [start, stop] : reading.speakers)
          if (m.start < stop && start < m.end) actor = true;
        if (actor || where_the_wounded_went(mi)) continue;
        if (reporting[mi] < 0) reporting[mi] = ReportingPlace(body, m);
        if (reporting[mi]) continue;
        if (!Apart(m.location, *there)) return false;
        any = true;
      }
      return any;
    };

    // "At least 12 people were injured": casualties alone, with no one named who caused them,
    // right after an attack or a clash belong to it.
    bool casualties_only =
        !reading.events.empty() &&
        std::all_of(reading.events.begin(), reading.events.end(), [](const Candidate& c) {
          return c.casualty_only && !c.source && !c.weapon && (!c.target || c.target->generic);
        });
    // "... the unrest of December 2022, when dozens were killed": casualties dated apart from
    // an attack are not its own.
    auto dated_apart = [&](const DateRange& when) {
      bool dated = false;
      for (const DateMention& d : s.dates) {
        if (d.background) continue;
        dated = true;
        if (Overlap(d.range, when)) return false;
      }
      return dated;
    };
    if (casualties_only) {
      for (auto it = pending.rbegin(); it != pending.rend(); ++it) {
        if (it->dropped) continue;
        // (A protest's clashes count too: "12 officers had been hurt by stones".)
        if (si - it->sentence > 2 || (it->event.quad_class != 4 && it->event.root != "14")) break;
        if (told_elsewhere(it->event.location) || dated_apart(it->event.date)) break;
        for (const Candidate& c : reading.events) {
          if (c.injuries && !it->event.injuries) it->event.injuries = c.injuries;
          if (c.fatalities && !it->event.fatalities) it->event.fatalities = c.fatalities;
        }
        reading.events.clear();
        break;
      }
    }
    // "The airport hosts troops of the U.S.-led coalition": the attack just told hit them.
    if (reading.hosted && reading.events.empty() && !pending.empty()) {
      Pending& last = pending.back();
      if (!last.dropped && si - last.sentence == 1 && last.event.root >= "18" &&
          (!last.event.target || last.event.target->country.empty()))
        last.event.target = reading.hosted;
    }
    // Casualties told after the attack ("The driver was injured in the blast.").
    if ((reading.loose_injuries || reading.loose_fatalities) && reading.events.empty()) {
      for (auto it = pending.rbegin(); it != pending.rend(); ++it) {
        if (it->dropped) continue;
        // (A protest's clashes count too: "12 officers had been hurt by stones".)
        if (si - it->sentence > 2 || (it->event.quad_class != 4 && it->event.root != "14")) break;
        if (told_elsewhere(it->event.location) || dated_apart(it->event.date)) break;
        if (reading.loose_injuries && !it->event.injuries)
          it->event.injuries = reading.loose_injuries;
        if (reading.loose_fatalities && !it->event.fatalities)
          it->event.fatalities = reading.loose_fatalities;
        break;
      }
    }

    for (const ActorSpan& a : reading.actors)
      if (!a.locative && !a.pronoun) actor_names.push_back({a.start, a.stop, a.place_name});
    // A country or city named as an actor ("Israel conducted an air strike") is not where the
    // event happened: the article's mentions less those (pointers into places.mentions);
    // EventLocation sees them with the article's focus only, as an ArticlePlaces of these mentions
    // alone would be.
    sentence_mentions.clear();
    if (!reading.events.empty()) {
      for (size_t mi = 0; mi < places.mentions.size(); ++mi) {
        const PlaceMention& m = places.mentions[mi];
        for (size_t k = names_checked; k < actor_names.size() && !named_as_actor[mi]; ++k) {
          const auto& [start, stop, name] = actor_names[k];
          // ... nor a place inside a group's name ("Islamic State West Africa Province",
          // "Kurdistan Workers' Party").
          bool inside_name = m.start >= start && m.end <= stop && stop - start > m.end - m.start;
          if (m.start < stop && start < m.end &&
              (name || m.location.precision == "country" || inside_name))
            named_as_actor[mi] = 1;
        }
        bool actor = named_as_actor[mi];
        for (const auto& [start, stop] : reading.speakers)
          if (m.start < stop && start < m.end) actor = true;  // ", the Pentagon said"
        if (actor) continue;
        if (reporting[mi] < 0) reporting[mi] = ReportingPlace(body, m);
        // "were being treated at Madina and Erdogan hospitals": where the wounded went is not
        // where anything happened, in this sentence or after it.
        if (reporting[mi] || where_the_wounded_went(mi)) continue;
        sentence_mentions.push_back(&m);
      }
      names_checked = actor_names.size();
    }
    int slot = 0;
    std::vector<std::string> countries;
    for (const PlaceMention* m : sentence_mentions) {
      const std::string& country = m->location.country;
      if (m->sentence == si && !country.empty() &&
          std::find(countries.begin(), countries.end(), country) == countries.end())
        countries.push_back(country);
    }
    // Which of the sentence's dates are when someone said something, and whether one is not.
    std::vector<bool> said_on(reading.events.empty() ? 0 : s.dates.size());
    for (size_t di = 0; di < said_on.size(); ++di) said_on[di] = SaidOn(body, s.start, s.dates[di]);
    bool other_date = std::find(said_on.begin(), said_on.end(), false) != said_on.end();
    for (Candidate& c : reading.events) {
      // Protests, coercion and violence happen where the sentence says; a statement or a
      // vote may only mention a place ("accepted a proposal from Egypt").
      if (c.cameo.substr(0, 2) >= "14")
        ctx.sentence_countries = countries;
      else
        ctx.sentence_countries.clear();
      ctx.Resolve(c.source);
      ctx.Resolve(c.target);
      if (c.between_sides) TheTwoSides(pending, si, c);
      Pending p;
      p.cand = c;
      p.sentence = si;
      p.paragraph = s.paragraph;
      Event& e = p.event;
      if (c.source) e.source = c.source->actor;
      if (c.target) e.target = c.target->actor;
      if (e.source && e.target && e.source->code == e.target->code && !e.source->country.empty())
        e.target.reset();
      // Date: the sentence's date nearest the phrasing, else the article's latest, else the day
      // of publication.
      // "The command said on Saturday it had carried out an air strike two days earlier":
      // the day of a statement is not that of the act it reports, when another date is there.
      bool material = c.cameo.substr(0, 2) >= "06";
      const DateMention* best = nullptr;
      for (size_t di = 0; di < s.dates.size(); ++di) {
        const DateMention& d = s.dates[di];
        if (material && other_date && said_on[di] && d.end <= c.near) continue;
        // "called on workers to join a strike beginning on March 5": a day after publication is
        // that of a plan, not of what the article reports.
        if (article.published && d.range.begin > *article.published) continue;
        // "At a news conference on Thursday, the spokeswoman said the police had attacked a
        // march": a day told before a speech verb is the statement's, not that of the act
        // reported after it.
        if (material && d.end <= c.near && SpeechVerbBetween(body, d.end, c.near)) continue;
        // ", a week after Russian forces opened a new front": that day is the front's, not
        // the day of what the sentence told before it.
        if (d.background && c.near < d.start) continue;
        auto dist = [&](const DateMention& m) {
          return m.start > c.near ? m.start - c.near : c.near - m.end;
        };
        if (!best || dist(d) < dist(*best)) best = &d;
      }
      // ... and what follows that phrase is of its day, whatever the sentence dated before.
      for (const DateMention& d : s.dates)
        if (d.background && d.end <= c.near && best && best->start < d.start) best = &d;
      if (best) {
        e.date = best->range;
        p.date_from_text = true;
      } else if (then) {
        e.date = *then;
        p.date_from_text = true;
      } else if (carried) {
        e.date = *carried;
      } else if (article.published) {
        e.date = DateRange::Day(*article.published);
      }
      // "At least two air strikes on health facilities in the past week": counted strikes over
      // days are a summary; "air strikes on Mogoke on Saturday killed 11 civilians", "dropped
      // bombs on a clinic on 3 March, killing five": a day's strikes with their dead are one
      // happening told in detail.
      bool one_day = p.date_from_text && e.date.begin == e.date.end;
      if (c.weapon_count && *c.weapon_count >= 2 && e.date.end > e.date.begin)
        p.cand.summary = true;
      if (one_day && (c.fatalities || c.injuries)) p.cand.summary = false;
      Classify(e, c);
      // Verbal events need a speaker the text names.
      if (e.quad_class <= 3 && (!c.source || c.source->generic || c.source->actor.code.empty()))
        continue;
      // So do non-violent material acts (sanctions, arrests, deployments); protests and attacks
      // may have an unnamed perpetrator.
      if (e.quad_class == 4 && e.root < "18" && e.root != "14" && !c.source) continue;
      if (c.weapon) e.weapon = Weapon{c.weapon->kind, c.weapon_count};
      e.fatalities = c.fatalities;
      e.injuries = c.injuries;
      e.location =
          EventLocation(focus_only, sentence_mentions, text, static_cast<uint32_t>(si), c.near);
      // "The United States imposed sanctions on Iran", after a paragraph on Kyiv: for
      // statements, talks and sanctions, a place carried from elsewhere in neither actor's
      // country yields to the country of the target (else the source) as the sentence names
      // it. Protests, force and attacks keep the carried place: an air strike is seldom in its
      // source's country.
      bool on_the_ground = e.root >= "14" && e.root != "16";
      if (countries.empty() && e.location && !on_the_ground)
        if (auto own = ActorCountryPlace(e, places, si)) e.location = own;
      if (on_the_ground && e.location) {
        OfTheCountry(e.source, e.location->country);
        OfTheCountry(e.target, e.location->country);
      }
      e.evidence = Evidence{std::string(stext), s.start, s.end};
      if (reading.attributed_to) e.attributed_to = reading.attributed_to;
      e.article = ArticleRef{article.id,        article.title,  article.url,
                             article.published, article.outlet, article.author};
      e.id =
          Hex(Fnv1a64(article.id + "|" + std::to_string(s.start) + "|" + std::to_string(slot++)));
      double conf = 0.45;
      if (e.source) conf += 0.15;
      if (e.target) conf += 0.15;
      if (p.date_from_text) conf += 0.1;
      if (e.location) conf += 0.1;
      if (c.trigger->needs_force || c.casualty_only) conf -= 0.1;
      e.confidence = std::clamp(conf, 0.05, 0.99);
      pending.push_back(std::move(p));
    }
    // Remember who acted, for pronouns and "the militia" later.
    for (const ActorSpan& a : reading.actors)
      if (!a.generic && !a.pronoun && !a.locative && !a.actor.code.empty())
        ctx.named.push_back(a.actor);
    for (const Pending& p : pending)
      if (p.sentence == si && p.event.source) ctx.last_subject = p.event.source;
    if (!ctx.last_subject || std::none_of(pending.begin(), pending.end(), [&](const Pending& p) {
          return p.sentence == si && p.event.source;
        })) {
      for (const ActorSpan& a : reading.actors)
        if (!a.locative && !a.pronoun) {
          ctx.last_subject = a.actor;
          break;
        }
    }
    update_carry();
  }

  // An attack told again ("the strikes", "those airstrikes ... they targeted"): its details go
  // to the latest earlier attack within a few sentences.
  for (size_t i = 0; i < pending.size(); ++i) {
    Pending& p = pending[i];
    if (!p.cand.anaphoric) continue;
    // With nothing before it to tell again, "the attack on the base" is the attack itself.
    p.dropped = true;
    bool antecedent = false;
    for (size_t j = i; j-- > 0 && !antecedent;) {
      Pending& q = pending[j];
      // "the rocket attacks" refer to an attack, not to arrests made over them.
      if (q.dropped || q.event.quad_class != 4 || q.event.root < "18") continue;
      if (p.sentence - q.sentence > 4) break;
      // "the unrest of December 2022" is not the attack told for last Wednesday.
      if (p.date_from_text && !Overlap(p.event.date, q.event.date)) continue;
      antecedent = true;
      if (!q.event.target && p.event.target) q.event.target = p.event.target;
      // "The Islamic State group claimed responsibility for the attack."
      if (!q.event.source && p.event.source) q.event.source = p.event.source;
      // "The number of people killed in the Dnipro strike has risen to four": a later count of
      // the same happening is the larger one.
      if (p.event.fatalities && (!q.event.fatalities || *q.event.fatalities < *p.event.fatalities))
        q.event.fatalities = p.event.fatalities;
      if (p.event.injuries && (!q.event.injuries || *q.event.injuries < *p.event.injuries))
        q.event.injuries = p.event.injuries;
      if (!q.event.weapon) q.event.weapon = p.event.weapon;
      if (p.event.location && (!q.event.location || (q.event.location->precision == "country" &&
                                                     p.event.location->precision != "country")))
        q.event.location = p.event.location;
      q.event.confidence = std::min(0.99, q.event.confidence + 0.05);
    }
    bool told_before = false;  // any attack earlier in the article, even beyond reach
    for (size_t j = 0; j < i && !told_before; ++j)
      told_before = pending[j].event.root >= "18" && pending[j].event.quad_class == 4;
    if (!antecedent && !told_before && p.cand.stands_alone) p.dropped = false;
  }
  // "Gunmen stormed a neighbourhood ... Several homes were set on fire": damage no one is
  // named for, told right after an attack in its paragraph, is that attack's.
  for (size_t i = 0; i < pending.size(); ++i) {
    Pending& p = pending[i];
    if (p.dropped || p.event.source || p.event.target ||
        (p.event.cameo != "145" && p.event.cameo.substr(0, 3) != "171"))
      continue;
    for (size_t j = i; j-- > 0;) {
      const Pending& q = pending[j];
      if (q.paragraph != p.paragraph || p.sentence - q.sentence > 2) break;
      if (q.dropped || q.event.root < "18" || q.event.quad_class != 4) continue;
      p.dropped = true;
      break;
    }
  }
  // "A car bomb exploded in Mogadishu. Al-Shabaab claimed responsibility.": a claim with no
  // attack of its own names the perpetrator of the attack just told, when it had none.
  for (size_t i = 0; i < pending.size(); ++i) {
    const Pending& claim = pending[i];
    if (claim.dropped || claim.event.cameo != "015" || !claim.event.source) continue;
    bool own_attack = false;
    for (const Pending& p : pending)
      if (&p != &claim && !p.dropped && p.sentence == claim.sentence && p.event.root >= "18")
        own_attack = true;
    if (own_attack) continue;
    for (size_t j = i; j-- > 0;) {
      Pending& attack = pending[j];
      if (attack.dropped) continue;
      if (claim.sentence - attack.sentence > 1 || claim.paragraph != attack.paragraph) break;
      if (attack.event.root < "18" || attack.event.quad_class != 4) continue;
      if (!attack.event.source) attack.event.source = claim.event.source;
      break;
    }
  }

  // One happening told twice: same root, actors, days and place, and not "another" one.
  for (size_t i = 0; i < pending.size(); ++i) {
    Pending& b = pending[i];
    if (b.dropped || b.cand.distinct) continue;
    for (size_t j = 0; j < i; ++j) {
      Pending& a = pending[j];
      if (a.dropped || a.event.root != b.event.root || a.sentence == b.sentence) continue;
      // Coercion comes in kinds that are separate acts: tear gas and arrests are two.
      if (a.event.root == "17" && a.event.cameo.substr(0, 3) != b.event.cameo.substr(0, 3))
        continue;
      if (!Overlap(a.event.date, b.event.date) || !SamePlace(a.event.location, b.event.location))
        continue;
      if (!SameActor(a.event.source, b.event.source) || !SameActor(a.event.target, b.event.target))
        continue;
      if (a.event.weapon && b.event.weapon && a.event.weapon->kind != b.event.weapon->kind)
        continue;
      if (a.cand.summary != b.cand.summary) continue;  // handled below
      // ... but a generic "targeted" does not replace "a drone strike" of the same root.
      bool b_generic = b.event.cameo.size() == 3 && b.event.cameo[2] == '0';
      if (b.event.goldstein < a.event.goldstein && !b_generic) {
        // The graver telling names the happening ("gathered" ... "threw stones").
        a.event.cameo = b.event.cameo;
        a.event.goldstein = b.event.goldstein;
        a.event.acled_type = b.event.acled_type;
        a.event.acled_subtype = b.event.acled_subtype;
        a.event.evidence = b.event.evidence;
      }
      if (!a.event.source) a.event.source = b.event.source;
      if (!a.event.target) a.event.target = b.event.target;
      if (!a.event.fatalities) a.event.fatalities = b.event.fatalities;
      if (!a.event.injuries) a.event.injuries = b.event.injuries;
      if (!a.event.weapon) a.event.weapon = b.event.weapon;
      if (a.event.location && b.event.location && a.event.location->precision == "country")
        a.event.location = b.event.location;
      a.event.confidence = std::max(a.event.confidence, b.event.confidence);
      b.dropped = true;
      break;
    }
  }
  // A summary ("bombs have exploded in several incidents") told in detail later is dropped.
  for (Pending& a : pending) {
    if (a.dropped || !a.cand.summary) continue;
    for (const Pending& b : pending) {
      if (&a == &b || b.dropped || b.cand.summary || b.event.root != a.event.root) continue;
      // Air strikes by one side are not told in detail by the other side's attack.
      if (!SameSide(a.event.source, b.event.source) || !SameSide(a.event.target, b.event.target))
        continue;
      // An undated summary falls back on the publication day; its details may be days older.
      bool near = Overlap(a.event.date, b.event.date) ||
                  (!a.date_from_text && b.event.date.end <= a.event.date.end &&
                   a.event.date.begin - b.event.date.begin <= 7);
      if (!near) continue;
      // A battle does not tell air strikes in detail: the detail names the same weapon.
      // (Or the same kind of attack: bombs an aircraft dropped tell "air strikes".)
      if (a.event.weapon && a.event.cameo != b.event.cameo &&
          (!b.event.weapon || a.event.weapon->kind != b.event.weapon->kind))
        continue;
      // Nor by an attack in another country ("jets bombed targets in Gaza" after an ambush in
      // Burkina Faso).
      if (a.event.location && b.event.location && Apart(*a.event.location, *b.event.location))
        continue;
      a.dropped = true;
      break;
    }
  }
  std::vector<Event> out;
  out.reserve(pending.size());
  for (Pending& p : pending)
    if (!p.dropped) out.push_back(std::move(p.event));
  return out;
}

Result<std::vector<std::string>> LoadDiscard(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Error{"cannot read dictionary " + path};
  std::vector<std::string> out;
  std::string line;
  while (std::getline(in, line)) {
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    out.push_back(Lower(line));
  }
  return out;
}

}  // namespace

Result<std::unique_ptr<Coder>> OpenCoder(const std::string& data_dir) {
  std::string dir = data_dir.empty() ? DataDir() : data_dir;
  auto lex = coding::LoadLexicon(dir);
  if (!lex) return Error{lex.error()};
  auto discard = LoadDiscard(dir + "/discard.txt");
  if (!discard) return Error{discard.error()};
  return std::unique_ptr<Coder>(
      new SitrepCoder(std::move(lex.value()), std::move(discard.value())));
}

}  // namespace sitrep
