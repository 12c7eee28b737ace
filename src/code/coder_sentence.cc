#include "code/coder_sentence.h"

#include <algorithm>
#include <initializer_list>

#include "base/phrase_set.h"

namespace sitrep::coding {
namespace {

// Whether word `k` is one of a literal list: each list is compiled once into a WordSet (a
// static of its own lambda), so the check is a hash and a compare instead of a scan of the list.
#define In(k, ...)                                                                   \
  ([](std::string_view key_) {                                                       \
    static const WordSet kSet_(std::initializer_list<std::string_view> __VA_ARGS__); \
    return kSet_.Has(key_);                                                          \
  }(k))

bool IsDeterminer(std::string_view k) {
  return In(k, {"the",     "a",    "an",    "this",   "that",    "these", "those",  "its",
                "his",     "her",  "their", "our",    "another", "any",   "some",   "each",
                "every",   "such", "'s",    "no",     "second",  "third", "fourth", "fifth",
                "further", "new",  "first", "latest", "last"});
}
bool IsDefinite(std::string_view k) {
  return In(k, {"the", "this", "that", "these", "those", "such", "its", "their"});
}
bool IsDistinctMarker(std::string_view k) {
  return In(k, {"another", "second", "third", "fourth", "fifth", "sixth", "further", "new",
                "separate", "fresh", "additional", "other"});
}
bool IsAux(std::string_view k) {
  return In(k, {"is", "are", "was", "were", "be", "been", "being", "get", "got", "gets"});
}
bool IsAdverb(std::string_view k) {
  return In(
      k, {"reportedly",   "allegedly",   "also",        "later",        "just",       "then",
          "already",      "apparently",  "immediately", "again",        "still",      "even",
          "quickly",      "unanimously", "earlier",     "briefly",      "jointly",    "repeatedly",
          "recently",     "reportedly",  "had",         "has",          "have",       "not",
          "seriously",    "critically",  "lightly",     "slightly",     "fatally",    "mortally",
          "badly",        "all",         "both",        "subsequently", "eventually", "finally",
          "successfully", "directly",    "heavily",     "once",         "first"});
}
bool IsPreposition(std::string_view k) {
  return In(
      k, {"in",      "at",      "on",     "to",      "from",      "with",    "by",         "for",
          "against", "of",      "near",   "into",    "onto",      "toward",  "towards",    "across",
          "over",    "under",   "among",  "about",   "during",    "through", "throughout", "inside",
          "outside", "behind",  "beside", "via",     "including", "like",    "upon",       "around",
          "within",  "between", "off",    "without", "under"});
}
bool IsLocativePreposition(std::string_view k) {
  return In(k, {"in", "near", "across", "throughout", "inside", "outside", "at", "into", "around",
                "within", "from", "off", "over"});
}
bool IsQuantityWord(const Word& w) {
  return w.number ||
         In(w.key, {"one",   "two",     "three",    "four",    "five",     "six",       "seven",
                    "eight", "nine",    "ten",      "dozens",  "hundreds", "thousands", "scores",
                    "some",  "many",    "most",     "several", "all",      "none",      "few",
                    "dozen", "hundred", "thousand", "members", "group",    "number"});
}
bool IsPronoun(std::string_view k) {
  return In(k, {"they", "he", "she", "it", "we", "them"});
}
bool IsNegation(const Word& w) {
  return In(w.key, {"no", "not", "never", "none", "neither", "nor", "without", "nobody", "cannot",
                    "denied", "denies", "deny", "failed"}) ||
         w.key.ends_with("n't");
}
bool IsIrrealis(std::string_view k) {
  return In(k,
            {"could",      "might",     "may",         "would",   "should",  "will",    "shall",
             "'ll",        "if",        "unless",      "whether", "going",   "plan",    "plans",
             "planned",    "planning",  "intend",      "intends", "want",    "wants",   "ready",
             "prepared",   "expected",  "likely",      "aims",    "seeks",   "can",     "must",
             "threatened", "threatens", "threatening", "vowed",   "vows",    "pledged", "promised",
             "wanted",     "hope",      "hopes",       "able",    "unable",  "tried",   "attempted",
             "possible",   "possibly",  "risk",        "lest",    "would've"});
}
// Habits, not happenings: "Kyiv rarely comments on strikes inside Russia", "militants
// routinely attack convoys". Only before a verb (see HabitAt): "the usually quiet town" is not.
bool IsHabit(std::string_view k) {
  return In(k, {"rarely", "seldom", "usually", "routinely", "typically", "often", "frequently",
                "regularly", "habitually", "normally", "sometimes", "occasionally"});
}
bool IsQuote(const Word& w) {
  std::string_view k = w.key;  // compared by length first, unlike std::string == const char*
  return w.punct && (k == "\"" || k == "'" || k == "\xE2\x80\x9C" || k == "\xE2\x80\x9D" ||
                     k == "\xE2\x80\x98" || k == "\xE2\x80\x99");
}
// Punctuation that ends a clause for negation and subject search.
bool IsClauseBreak(const Word& w) {
  return (w.punct && In(w.key, {",", ";", ":", "(", ")", "\xE2\x80\x94", "\xE2\x80\x93"})) ||
         In(w.key, {"but", "although", "though", "while", "whereas", "however", "because"});
}
bool IsHardBreak(const Word& w) {
  return w.punct && In(w.key, {";", ":"});
}
// Words between a locative preposition and a place: "in eastern Syria", "near the Iraq-Syria
// border".
bool IsPlaceModifier(std::string_view k) {
  return In(
      k, {"eastern",      "western",      "northern",     "southern",  "central",   "northeastern",
          "northwestern", "southeastern", "southwestern", "northeast", "northwest", "southeast",
          "southwest",    "north",        "south",        "east",      "west",      "occupied",
          "neighboring",  "neighbouring", "rural",        "coastal"});
}
// Words opening a subordinate clause: a verb after them has its subject after them too.
bool IsSubordinator(std::string_view k) {
  return In(k, {"after", "before", "when", "since", "until", "because", "whereas", "once"});
}
// Words opening a relative clause ("militants who usually hide …").
bool IsRelativeWord(std::string_view k) {
  return In(k, {"who", "which", "that", "whose", "where"});
}
// Words saying an event noun is the background of another ("in response to drone attacks",
// "a day after American air raids").
bool IsBackgroundMarker(std::string_view k) {
  return In(k, {"after", "following", "since", "response", "retaliation", "revenge", "amid",
                "string", "series", "spate", "wave"});
}
// Speech verbs whose subject reports the event rather than takes part in it.
bool IsSpeechVerb(std::string_view k) {
  return In(k, {"said", "says", "reported", "reports", "told", "announced", "added", "stated",
                "wrote", "confirmed", "tweeted", "claimed"});
}

// Armed sectors: a role word of one of these names people who fight.
bool ArmedSector(std::string_view s) {
  return In(s, {"MIL", "COP", "REB", "UAF"});
}

// Whether a later role word of a chunk ("militia leaders", "government forces") sets the
// chunk's sector over the one an earlier word set. The earlier word names the organization and
// the later one a role in it, so the organization wins ("rebel officials" are rebels, "army
// spokesman" is the military), except over the generic government words ("government forces"
// are the military) and when an unarmed group's people are named as fighters ("opposition
// fighters" are rebels).
bool SectorReplaces(std::string_view before, std::string_view after) {
  if (before.empty() || before == "GOV") return true;
  return ArmedSector(after) && !ArmedSector(before);
}

int WordNumber(std::string_view k) {
  static const std::initializer_list<std::pair<std::string_view, int>> kWords = {
      {"a", 1},   {"an", 1},    {"one", 1},   {"two", 2},  {"three", 3}, {"four", 4}, {"five", 5},
      {"six", 6}, {"seven", 7}, {"eight", 8}, {"nine", 9}, {"ten", 10},  {"the", 1}};
  for (const auto& [w, n] : kWords)
    if (w == k) return n;
  return 0;
}

struct Reader {
  const Lexicon& lex;
  std::string_view body;
  const Sentence& sentence;
  std::optional<Date> ref;
  std::vector<Word> w;
  std::vector<bool> quoted;
  std::vector<ActorSpan> actors;
  std::vector<WeaponSpan> weapons;
  struct Helper {
    size_t begin, end;
    TriggerKind kind;
  };
  std::vector<Helper> helpers;  // light and receiving verbs
  std::vector<Candidate> cands;
  std::vector<int> actor_at;  // word -> index into actors, -1
  // Capitals read as the city an attack hit rather than as their government: places, not
  // actors, once the roles are known.
  mutable std::vector<int> attacked_places;
  std::vector<bool> speaker;  // word inside ", X said" or "according to X": who reports

  // A view, so that comparisons with literals compare lengths first and need no strlen.
  std::string_view K(size_t i) const { return i < w.size() ? std::string_view(w[i].key) : ""; }

  const ActorDef* PickDef(const std::vector<ActorDef>& defs) const {
    const ActorDef* fallback = nullptr;
    for (const ActorDef& d : defs) {
      if (!d.from && !d.to) {
        if (!fallback) fallback = &d;
        continue;
      }
      if (!ref) continue;
      if ((!d.from || *ref >= *d.from) && (!d.to || *ref <= *d.to)) return &d;
    }
    if (fallback) return fallback;
    return ref ? nullptr : &defs.front();
  }

  void MarkQuotes() {
    quoted.assign(w.size(), false);
    bool inside = false;
    for (size_t i = 0; i < w.size(); ++i) {
      if (IsQuote(w[i])) {
        // A closing curly single quote glued to a word is an apostrophe, not a quote.
        if ((w[i].key == "\xE2\x80\x99" || w[i].key == "'") && i > 0 && !w[i - 1].punct &&
            w[i - 1].end == w[i].start && i + 1 < w.size() && !w[i + 1].punct &&
            w[i + 1].start == w[i].end)
          continue;
        inside = !inside;
        continue;
      }
      quoted[i] = inside;
    }
  }

  // An actor chunk at i: [pro-] (country|group|person|agent|'s|-led|of)+ ; 0 when none.
  size_t ChunkAt(size_t i, ActorSpan& out) {
    size_t j = i;
    std::string country, named, sector;
    bool any = false, adjective_only = true, has_agent = false, capital_only = true;
    bool person = false, plural = false, discard_country = false;
    if (i >= 2 && K(i - 1) == "-" && K(i - 2) == "pro") discard_country = true;
    while (j < w.size()) {
      auto am = lex.actors.Longest(w, j);
      auto gm = lex.agents.Longest(w, j);
      size_t s0 = (j >= 2 && K(j - 1) == "-" && K(j - 2) == "al") ? j - 2 : j;
      if (am.length && j == i && K(s0) == "al" && s0 > 1 && w[s0 - 1].capitalized &&
          actor_at[s0 - 1] < 0 && !lex.agents.Longest(w, s0 - 1).length)
        return 0;  // "Ain al-Assad" is a place, not Bashar al-Assad
      if (am.length && am.length >= gm.length) {
        const ActorDef* d = nullptr;
        bool adj = true;
        for (uint32_t p : am.payloads) {
          const ActorDef* cand = PickDef(lex.actor_defs[p]);
          if (cand && (!d || (d->adjective && !cand->adjective))) d = cand;
        }
        if (!d) break;
        adj = d->adjective;
        bool is_country = lex.country_codes.count(d->code) > 0;
        if (is_country) {
          if (country.empty()) country = d->code;
        } else {
          named = d->code;
          if (country.empty() && d->code.size() >= 3 &&
              lex.country_codes.count(d->code.substr(0, 3)))
            country = d->code.substr(0, 3);
        }
        if (!adj) adjective_only = false;
        if (!d->capital) capital_only = false;
        any = true;
        j += am.length;
        // "Madina and Erdogan hospitals", "Kennedy Street": a person's name that names a
        // building or a street is no actor.
        if (!is_country && !d->capital && j < w.size() &&
            In(K(j), {"hospital", "hospitals", "university", "stadium", "street", "square",
                      "bridge", "mosque", "avenue", "road", "airport"}))
          return 0;
      } else if (gm.length) {
        const AgentDef* best = nullptr;
        bool pl = false;
        for (uint32_t p : gm.payloads) {
          const Sense& s = lex.agent_senses[p];
          best = &lex.agent_defs[s.def];
          pl = s.plural;
        }
        if (best->sector.empty() && !best->person) break;
        if (!best->sector.empty()) {
          if (SectorReplaces(sector, best->sector)) sector = best->sector;
          has_agent = true;
        }
        person = best->person;
        plural = pl;
        any = true;
        adjective_only = false;
        capital_only = false;
        j += gm.length;
      } else {
        break;
      }
      // Glue: "Egypt's mediators", "US-led coalition", "Iran-backed militia", "brigade 14 of".
      if (K(j) == "'s" && j + 1 < w.size() &&
          (lex.agents.Longest(w, j + 1).length || lex.actors.Longest(w, j + 1).length)) {
        ++j;
        continue;
      }
      if (K(j) == "-" && In(K(j + 1), {"led", "backed", "allied", "aligned", "affiliated",
                                       "sponsored", "supported", "funded", "based", "run"})) {
        if (K(j + 1) != "led" && K(j + 1) != "run") discard_country = true;
        j += 2;
        continue;
      }
      // "U.S. F-15E jets", "Russian Su-34 bombers": a model between a country and its role word.
      auto designation = [&](size_t t) {
        if (w[t].number || (w[t].capitalized && !w[t].punct && w[t].end - w[t].start <= 4))
          return true;
        return K(t) == "-" && t > j && t + 1 < w.size() && w[t - 1].end == w[t].start &&
               w[t].end == w[t + 1].start;
      };
      if (!has_agent && !country.empty() && j < w.size() && designation(j) &&
          !lex.actors.Longest(w, j).length && !lex.agents.Longest(w, j).length) {
        size_t k = j;
        while (k < w.size() && k < j + 5 && designation(k)) ++k;
        if (k > j && lex.agents.Longest(w, k).length) {
          j = k;
          continue;
        }
      }
      if (j < w.size() && w[j].number && has_agent && K(j + 1) == "of") ++j;
      if (K(j) == "of" && (has_agent || person)) {
        size_t k = j + 1;
        if (K(k) == "the") ++k;
        if (lex.actors.Longest(w, k).length || lex.agents.Longest(w, k).length) {
          j = k;
          continue;
        }
      }
      if (K(j) == "and" && (has_agent || !named.empty()) && lex.agents.Longest(w, j + 1).length &&
          !lex.actors.Longest(w, j + 1).length)
        break;
    }
    if (!any) return 0;
    if (discard_country) country.clear(), named.clear();
    out = ActorSpan{};
    out.begin = i;
    out.end = j;
    out.start = w[i].start;
    out.stop = w[j - 1].end;
    out.person = person;
    out.plural = plural;
    if (adjective_only && !has_agent) {
      // "Iraqi" alone: a modifier only; kept for event nouns ("Palestinian rocket salvoes").
      out.actor.code = named.empty() ? country : named;
      out.actor.country = country;
      out.locative = true;  // never a subject or object by itself
      out.generic = false;
      out.adjective = true;
      out.actor.text = std::string(body.substr(w[i].start, w[j - 1].end - w[i].start));
      return j - i;
    }
    if (!named.empty()) {
      out.actor.code = named;
    } else if (!country.empty()) {
      out.actor.code = country + sector;
    } else {
      out.actor.code = sector;
      out.generic = true;
    }
    out.actor.country = country;
    if (!country.empty() && out.actor.code.rfind(country, 0) == 0)
      out.actor.sector = out.actor.code.substr(country.size());
    else
      out.actor.sector = sector.empty() ? out.actor.code.substr(0, 3) : sector;
    out.actor.text = std::string(body.substr(w[i].start, w[j - 1].end - w[i].start));
    out.place_name = !has_agent && (capital_only || named.empty());
    // "in Iraq and Syria", "in Baghdad and Damascus": a place coordinated with a place.
    bool after_place = i >= 2 && In(K(i - 1), {"and", "or"}) && actor_at[i - 2] >= 0 &&
                       actors[actor_at[i - 2]].locative && actors[actor_at[i - 2]].place_name;
    // "to the southeast of Baghdad", "the outskirts of Damascus": a reference point.
    bool relative = i >= 2 && K(i - 1) == "of" &&
                    (IsPlaceModifier(K(i - 2)) ||
                     In(K(i - 2), {"outskirts", "suburbs", "edge", "centre", "center", "heart"}));
    if (capital_only && !has_agent) {
      out.capital = true;
      bool place = LocativeBefore(i) || after_place || relative;
      place = place || (i > 0 && K(i - 1) == "to");
      place = place || (j < w.size() && w[j].capitalized);
      place = place || In(K(j), {"airport", "province", "governorate", "base", "area", "district",
                                 "outskirts", "suburbs", "suburb", "region"});  // "Baghdad airport"
      if (place) out.locative = true;
    } else if (!has_agent && named.empty() && (LocativeBefore(i) || after_place || relative)) {
      out.locative = true;  // "in Iraq"
    } else if (!has_agent && named.empty() &&
               (In(K(j), {"border", "frontier", "province", "region", "governorate"}) ||
                (i >= 2 && K(i - 1) == "-" && actor_at[i - 2] >= 0 &&
                 actors[actor_at[i - 2]].locative))) {
      out.locative = true;  // "the Iraq-Syria border"
    }
    if (i > 0 && person && !plural) out.singular_det = WordNumber(K(i - 1)) == 1;
    return j - i;
  }

  bool LocativeBefore(size_t i) const {
    size_t k = i;
    bool article = false;
    while (k > 0 && (IsPlaceModifier(K(k - 1)) || K(k - 1) == "the")) {
      article = article || K(k - 1) == "the";
      --k;
    }
    if (k == 0 || !IsLocativePreposition(K(k - 1))) return false;
    // "fired at the United States" names a target; "near the Iraq-Syria border" a place.
    return k == i || !article || K(k - 1) != "at";
  }

  // The dot of "Col.", "Gen.", "Lt." inside a name.
  bool TitleDot(size_t k) const {
    if (K(k) == "-" && k > 0 && k + 1 < w.size())  // "U.S.-led"
      return w[k - 1].end == w[k].start && w[k].end == w[k + 1].start;
    return K(k) == "." && k > 0 && w[k - 1].end == w[k].start && w[k - 1].capitalized &&
           w[k - 1].end - w[k - 1].start <= 4;
  }
  std::optional<std::string> speaker_text;

  // ", the Pentagon said", ", coalition spokesman Col. Wayne Marotto said", "according to X".
  void MarkSpeakers() {
    speaker.assign(w.size(), false);
    for (size_t k = 0; k < w.size(); ++k) {
      if (K(k) == "according" && K(k + 1) == "to") {
        for (size_t j = k; j < w.size() && !(j > k + 1 && w[j].punct); ++j) speaker[j] = true;
        continue;
      }
      if (!IsSpeechVerb(K(k)) || quoted[k]) continue;
      size_t e = k;
      while (e > 0 && IsAdverb(K(e - 1))) --e;
      size_t b = e;
      while (b > 0 && (!w[b - 1].punct || TitleDot(b - 1)) && e - b < 10) --b;
      if (b == 0 || b == e || w[b - 1].key != ",") continue;
      for (size_t j = b; j <= k; ++j) speaker[j] = true;
      if (!speaker_text)
        speaker_text = std::string(body.substr(w[b].start, w[e - 1].end - w[b].start));
    }
  }

  // "U.S. Central Command said its forces destroyed four drones", "the army said its aircraft
  // struck": whose forces is who said so, not the last army the article named.
  void SpeakersOwnForces() {
    for (ActorSpan& span : actors) {
      if (!span.generic || span.begin < 2 || !In(K(span.begin - 1), {"its", "their"})) continue;
      size_t k = span.begin - 1;
      for (size_t n = 0; n < 5 && k > 0 && !IsSpeechVerb(K(k - 1)); ++n) {
        --k;
        if (w[k].punct) break;
      }
      if (k == 0 || !IsSpeechVerb(K(k - 1))) continue;
      size_t v = k - 1;
      while (v > 0 && IsAdverb(K(v - 1))) --v;
      if (v == 0 || actor_at[v - 1] < 0) continue;
      const ActorSpan& who = actors[actor_at[v - 1]];
      if (who.pronoun || who.locative || &who == &span) continue;
      std::string text = span.actor.text;
      std::string sector = span.actor.sector;
      span.actor = who.actor;
      span.actor.text = text;
      bool state = who.actor.sector.empty() || who.actor.sector.substr(0, 3) == "GOV";
      if (!who.actor.country.empty() && !sector.empty() && state) {
        span.actor.sector = sector;  // "Israel said its troops": Israel's army
        span.actor.code = who.actor.country + sector;
      }
      span.generic = who.generic;
      if (who.generic) span.actor.text = who.actor.text;  // "the army" says whose they are
    }
  }

  bool NounReading(size_t i) const {
    if (i == 0) return false;
    const Word& prev = w[i - 1];
    if (IsDeterminer(prev.key) || prev.number || IsQuantityWord(prev) || IsQuote(prev)) return true;
    if (actor_at[i - 1] >= 0) return true;  // "Palestinian rocket", "U.S. strikes"
    // "the Dnipro strike", "the Kharkiv attack": a name between a determiner and the word.
    if (i >= 2 && prev.capitalized && !prev.punct && IsDeterminer(w[i - 2].key)) return true;
    if (In(prev.key,
           {"roadside",  "suicide", "car",     "drone",     "rocket",  "air",      "military",
            "artillery", "mortar",  "tank",    "ballistic", "cruise",  "cluster",  "naval",
            "deadly",    "huge",    "large",   "powerful",  "massive", "multiple", "several",
            "recent",    "latest",  "alleged", "reported",  "of",      "in",       "for",
            "and",       "to",      "from",    "with",      "after",   "by"}))
      return prev.key != "to" || true;
    return false;
  }

  void Scan() {
    actor_at.assign(w.size(), -1);
    size_t trigger_until = 0;  // actors inside a phrasing's gap still count as actors
    ActorSpan a;  // ChunkAt's result, read only when it found one (it assigns it whole)
    for (size_t i = 0; i < w.size();) {
      PhraseTrie::Match tm;
      if (i >= trigger_until) tm = lex.triggers.Longest(w, i);
      size_t alen = ChunkAt(i, a);
      if (alen && (alen >= tm.length || i < trigger_until)) {
        if (i > 0 && IsPronoun(K(i - 1))) {
        }
        for (size_t k = a.begin; k < a.end; ++k) actor_at[k] = static_cast<int>(actors.size());
        actors.push_back(std::move(a));
        i += alen;
        continue;
      }
      if (tm.length) {
        AddTrigger(i, tm);
        trigger_until = i + tm.length;
        ++i;
        continue;
      }
      bool object_pronoun = K(i) == "them" || (K(i) == "it" && i > 0 && !w[i - 1].punct &&
                                               !In(K(i - 1), {"and", "but", "then", "when", "as"}));
      if (IsPronoun(K(i)) && !quoted[i] && !object_pronoun) {
        ActorSpan p;
        p.begin = i;
        p.end = i + 1;
        p.pronoun = true;
        p.actor.text = std::string(body.substr(w[i].start, w[i].end - w[i].start));
        actor_at[i] = static_cast<int>(actors.size());
        actors.push_back(std::move(p));
      }
      ++i;
    }
    for (size_t i = 0; i < w.size();) {
      auto m = lex.weapons.Longest(w, i);
      if (!m.length) {
        ++i;
        continue;
      }
      const Sense& s = lex.weapon_senses[m.payloads.front()];
      weapons.push_back({i, i + m.length, &lex.weapon_defs[s.def], s.plural});
      i += m.length;
    }
  }

  void AddTrigger(size_t i, const PhraseTrie::Match& m) {
    const Sense* verb = nullptr;
    const Sense* noun = nullptr;
    const Sense* helper = nullptr;
    for (uint32_t p : m.payloads) {
      const Sense& s = lex.trigger_senses[p];
      TriggerKind k = lex.trigger_defs[s.def].kind;
      if (k == TriggerKind::kNotEvent) return;  // its words are taken, and say no event
      if (k == TriggerKind::kNoun)
        noun = noun ? noun : &s;
      else if (k == TriggerKind::kVerb)
        verb = verb ? verb : &s;
      else
        helper = helper ? helper : &s;
    }
    bool capital_mid = i > 0 && w[i].capitalized && !(i == 1 && IsQuote(w[0]));
    bool noun_context = NounReading(i);
    // "an Israeli drone hit a car": a verb whose past is its base form, with its object after
    // it, is the verb ("a drone hit on the base" stays a noun).
    if (noun_context && verb && m.length == 1 && verb->form == Form::kBase && i + 1 < w.size() &&
        In(K(i + 1), {"a", "an", "the", "two", "three", "several"}) && i > 0 &&
        (lex.weapons.Longest(w, i - 1).length || actor_at[i - 1] >= 0))
      noun_context = false;
    if (verb && (verb->form == Form::kBase || verb->form == Form::kS) &&
        ((noun_context && m.length == 1) || capital_mid))
      verb = nullptr;
    // "photographs of kidnapped relatives", "the wounded soldiers": a participle before a
    // noun describes it; no one did anything in this sentence.
    if (verb && m.length == 1 &&
        (verb->form == Form::kPast || verb->form == Form::kParticiple ||
         verb->form == Form::kPastOrParticiple) &&
        i > 0 && (IsDeterminer(K(i - 1)) || In(K(i - 1), {"of", "for", "with"})) &&
        i + 1 < w.size() && !w[i + 1].punct && !w[i + 1].number && !IsDeterminer(K(i + 1)) &&
        !IsPreposition(K(i + 1)) && !IsAdverb(K(i + 1)) && actor_at[i + 1] < 0 &&
        !In(K(i + 1), {"and", "or", "by", "to", "at", "in", "on"}))
      verb = nullptr;
    if (helper && (noun_context || capital_mid) &&
        (helper->form == Form::kBase || helper->form == Form::kS))
      helper = nullptr;
    if (helper && !verb) {
      helpers.push_back({i, i + m.length, lex.trigger_defs[helper->def].kind});
    }
    const Sense* use = verb ? verb : noun;
    if (!use || quoted[i]) return;
    if (use == verb && verb->form == Form::kIng && noun && i > 0 && IsDeterminer(K(i - 1)))
      use = noun;
    Candidate c;
    c.begin = i;
    c.end = i + m.length;
    c.trigger = &lex.trigger_defs[use->def];
    c.cameo = c.trigger->cameo;
    c.summary = use->plural;
    c.near = w[i].start;
    if (use == verb)
      formsv.push_back(use->form);
    else
      formsv.push_back(Form::kNoun);
    cands.push_back(std::move(c));
  }
  std::vector<Form> formsv;

  // -------------------------------------------------------------------------------------------
  // Clause helpers.

  size_t ClauseStart(size_t i) const {
    while (i > 0 && !IsClauseBreak(w[i - 1])) --i;
    return i;
  }
  // A subordinator that opens a clause, not a preposition of time ("before dawn", "after
  // Monday's raid" is still a clause opener; "since 2012", "until midnight" are not).
  bool OpensClause(size_t k) const {
    if (!IsSubordinator(K(k))) return false;
    if (k + 1 >= w.size()) return true;
    static const WordSet kTimes = {"dawn",      "daybreak", "sunrise", "sunset", "dusk",
                                   "nightfall", "midnight", "noon",    "midday"};
    if (kTimes.Has(K(k + 1)) || w[k + 1].number) return false;
    for (const DateMention& d : sentence.dates)
      if (d.start <= w[k + 1].start && w[k + 1].end <= d.end) return false;
    return true;
  }

  bool NegatedAt(const Candidate& c) const {
    size_t b = ClauseStart(c.begin);
    // "No casualties were reported after a rocket landed": a subordinate clause is outside
    // the main clause's negation.
    for (size_t k = b; k < c.begin; ++k)
      if (OpensClause(k) && !quoted[k]) b = k + 1;
    // A negation spelled by the phrasing itself ("denied any involvement") is what it codes.
    for (size_t k = b; k < c.end && k < w.size(); ++k)
      if (IsNegation(w[k]) && (k < c.begin || c.cameo.substr(0, 2) >= "14")) return true;
    // "were not immediately known": a negation right after the phrasing in the same clause.
    for (size_t k = c.end; k < w.size() && k < c.end + 2 && !IsClauseBreak(w[k]); ++k)
      if (IsNegation(w[k])) return true;
    for (const Cue& cue : sentence.cues) {
      if (cue.kind == CueKind::kReported) continue;
      if (cue.start >= w[b].start && cue.end <= w[c.begin].start) {
        if (cue.kind == CueKind::kNegation) return true;
        if (cue.kind == CueKind::kQuestion || cue.kind == CueKind::kHypothetical) return true;
      }
    }
    return false;
  }
  bool IrrealisAt(size_t ci) const {
    const Candidate& c = cands[ci];
    // "an assault on Goma would be catastrophic": a noun event said to be what it would be.
    if (c.trigger->kind == TriggerKind::kNoun) {
      for (size_t k = c.end; k + 2 < w.size() && k < c.end + 8; ++k) {
        if (IsClauseBreak(w[k])) break;
        if (!In(K(k), {"would", "could", "might"})) continue;
        // "an offensive on Bahir Dar would bring the war into the city": what it would do.
        // ("The attack, which would later be claimed by IS" is told as having happened.)
        if (K(k + 1) != "be") {
          if (IsRelativeWord(K(k - 1)) || In(K(k + 1), {"later", "soon", "then", "eventually"}))
            break;
          return true;
        }
        std::string_view next = K(k + 2);
        bool passive = next.ends_with("ed") || next.ends_with("en") || next == "made";
        if (!passive) return true;
        break;
      }
    }
    // "Anyone attacking the convoy would be shot", "rebels shelling the town would be hit",
    // "... would be 20 dead": a participle phrase in the subject of what would befall it tells
    // who would suffer it, not a happening. (", killing two" after a comma is the act's own.)
    if (c.trigger->kind == TriggerKind::kVerb && formsv[ci] == Form::kIng && c.begin > 0 &&
        !IsClauseBreak(w[c.begin - 1]) && !IsAux(K(c.begin - 1))) {
      for (size_t k = c.end; k + 1 < w.size() && k < c.end + 8; ++k) {
        if (IsClauseBreak(w[k]) || IsRelativeWord(K(k))) break;
        if (In(K(k), {"would", "could", "might"}) && K(k + 1) == "be") return true;
      }
    }
    // "to demand that the ELN release its hostages", "insisted that troops withdraw": what
    // someone demands be done (a bare verb after "that") has not happened.
    if (c.trigger->kind == TriggerKind::kVerb && formsv[ci] == Form::kBase) {
      for (size_t k = c.begin; k > 0 && k + 10 > c.begin; --k) {
        if (IsHardBreak(w[k - 1])) break;
        if (K(k - 1) != "that" || k < 2) continue;
        static const WordSet kDemand = {
            "demand",   "demands",   "demanded",  "demanding",  "insist",   "insists",
            "insisted", "insisting", "ask",       "asks",       "asked",    "asking",
            "urge",     "urges",     "urged",     "urging",     "request",  "requested",
            "requests", "require",   "requires",  "required",   "proposed", "proposes",
            "propose",  "suggested", "recommend", "recommended"};
        if (kDemand.Has(K(k - 2))) return true;
      }
    }
    size_t b = ClauseStart(c.begin);
    // A conditional or question opening the sentence reaches into the next clause too.
    for (size_t k = 0; k < c.begin; ++k)
      if (In(K(k), {"if", "unless", "whether"}) && (k < b ? k + 12 > c.begin : true)) return true;
    for (size_t k = b; k < c.begin; ++k) {
      if (IsHabit(K(k)) && HabitAt(k, c)) return true;
      if (!IsIrrealis(K(k))) continue;
      if (w[k].capitalized && K(k) == "may") continue;  // the month
      return true;
    }
    return false;
  }
  // Whether the habit adverb at word `k` says what the phrasing tells is a habit: it stands
  // right before the phrasing's verb ("routinely attack", "are often shelled", "have regularly
  // been targeted"), or, for an event noun, right before the verb of its clause ("rarely
  // comments on strikes"). Not so in a noun phrase ("the usually quiet town") or a relative
  // clause of the subject ("militants who usually hide in the hills attacked").
  bool HabitAt(size_t k, const Candidate& c) const {
    size_t j = k + 1;
    while (j < c.begin && (IsAux(K(j)) || IsAdverb(K(j)) || IsHabit(K(j)))) ++j;
    if (j == c.begin) return true;
    // A verb phrasing read as a noun ("comments on strikes") is an event noun here.
    bool noun = c.trigger->kind == TriggerKind::kNoun ||
                (c.begin > 0 && (IsDeterminer(K(c.begin - 1)) || IsPreposition(K(c.begin - 1))));
    if (!noun) return false;
    if (k > 0 && (IsDeterminer(K(k - 1)) || IsPreposition(K(k - 1)) || IsRelativeWord(K(k - 1))))
      return false;
    for (size_t m = k + 1; m < c.begin; ++m)
      if (IsRelativeWord(K(m)) || K(m) == "and") return false;
    return true;
  }

  bool PrecededByPrep(const ActorSpan& a) const {
    if (a.begin == 0) return false;
    std::string_view p = K(a.begin - 1);
    if (p == "of" && a.begin >= 2 && IsQuantityWord(w[a.begin - 2])) return false;
    if (p == "the" && a.begin >= 3 && K(a.begin - 2) == "of" && IsQuantityWord(w[a.begin - 3]))
      return false;
    if (In(p, {"the", "a", "an"}) && a.begin >= 2 && IsPreposition(K(a.begin - 2))) return true;
    return IsPreposition(p);
  }

  // Skips a parenthetical ", which ... ," / ", a militia backed by Iran," when searching left.
  bool ParentheticalEndingAt(size_t comma, size_t* start) const {
    size_t k = comma;
    while (k > 0 && !IsClauseBreak(w[k - 1])) --k;
    if (k == 0 || w[k - 1].key != ",") return false;
    if (!In(K(k), {"which", "who", "whose", "where", "a", "an", "the", "including", "one"}))
      return false;
    *start = k - 1;
    return true;
  }

  // The subject of the phrasing at `begin`: an actor, a pronoun, or an earlier event noun of
  // the sentence (returned through `event_subject`).
  std::optional<ActorSpan> Subject(size_t begin, int self, int* event_subject) const {
    *event_subject = -1;
    size_t k = begin;
    bool and_seen = false;
    while (k > 0) {
      --k;
      if (IsHardBreak(w[k])) break;
      // "ERBIL, Iraq - An explosives-laden drone struck": a dateline is no subject.
      if (w[k].punct && In(w[k].key, {"-", "\xE2\x80\x94", "\xE2\x80\x93"}) && k > 0 &&
          w[k].start > w[k - 1].end)
        break;
      if (OpensClause(k) && !quoted[k]) break;
      if (w[k].key == ",") {
        size_t s;
        if (ParentheticalEndingAt(k, &s)) {
          k = s;
          continue;
        }
        continue;
      }
      for (int ci = 0; ci < static_cast<int>(cands.size()); ++ci) {
        if (ci == self || cands[ci].end != k + 1) continue;
        const Candidate& prev = cands[ci];
        if (prev.trigger->kind == TriggerKind::kNoun) {
          *event_subject = ci;
          return std::nullopt;
        }
        // Coordinated or participle phrasing: "threw rocks ... and were met", ", killing".
        return prev.source;
      }
      if (K(k) == "and") and_seen = true;
      int a = actor_at[k];
      if (a < 0) continue;
      const ActorSpan& span = actors[a];
      k = span.begin;
      if (span.locative) continue;
      if (PrecededByPrep(span) && !span.pronoun) continue;
      if (quoted[span.begin] || speaker[span.begin]) continue;
      // "Insurgents battled troops ... and looted shops": past "and", the object of the verb
      // before is not the subject; that verb's subject is.
      if (and_seen)
        for (int ci = 0; ci < static_cast<int>(cands.size()); ++ci) {
          const Candidate& before = cands[ci];
          if (ci == self || before.trigger->kind != TriggerKind::kVerb || !before.source ||
              before.end > span.begin || span.begin - before.end > 3)
            continue;
          bool object = true;  // "handed over the bodies of nine Congolese soldiers and ..."
          for (size_t m = before.end; m < span.begin; ++m)
            object &= w[m].number || IsDeterminer(K(m)) || K(m) == "of";
          if (object) return before.source;
        }
      return span;
    }
    return std::nullopt;
  }

  // "Russia and Turkey agreed", "Egypt, Qatar and the United States condemned", "Iraqi and
  // U.S. forces": the actors coordinated with subject `head`, in text order, `head` last. One
  // actor (just `head`) when it has no conjuncts.
  std::vector<ActorSpan> Conjuncts(const ActorSpan& head) const {
    std::vector<ActorSpan> out{head};
    if (head.pronoun || head.locative) return out;
    size_t k = head.begin;
    bool and_seen = false;
    while (k > 0) {
      size_t j = k;
      if (K(j - 1) == "the" && j > 1) --j;
      if (j == 0) break;
      bool joined_by_and = K(j - 1) == "and";
      if (!joined_by_and && K(j - 1) != ",") break;
      if (!and_seen && !joined_by_and) break;  // "X, Y agreed": an apposition, not a list
      --j;
      if (joined_by_and && j > 0 && K(j - 1) == ",") --j;  // the serial comma
      if (j == 0 || actor_at[j - 1] < 0) break;
      ActorSpan a = actors[actor_at[j - 1]];
      if (a.pronoun || quoted[a.begin] || speaker[a.begin]) break;
      if (a.locative) {
        // "Iraqi and U.S. forces": an adjective shares the role word of the head.
        if (!a.adjective || head.generic || head.actor.sector.empty() || head.actor.country.empty())
          break;
        a.locative = false;
        a.actor.code = a.actor.country + head.actor.sector;
        a.actor.sector = head.actor.sector;
      } else if (a.place_name && a.actor.code == a.actor.country && !head.generic &&
                 (head.person || head.plural) &&  // a role word, not a group ("Hamas")
                 !head.actor.country.empty() &&
                 head.actor.code == head.actor.country + head.actor.sector &&
                 !head.actor.sector.empty()) {
        // "U.S. and Iraqi officials": a bare country shares the head's role word too.
        a.actor.code = a.actor.country + head.actor.sector;
        a.actor.sector = head.actor.sector;
        a.place_name = false;
      }
      and_seen = and_seen || joined_by_and;
      out.insert(out.begin(), a);
      k = a.begin;
    }
    if (out.size() == 1 || !and_seen) return {head};
    // The first conjunct must open the subject: "militants attacked the base and U.S. troops
    // returned fire" coordinates two clauses, not two subjects.
    const ActorSpan& first = out.front();
    if (PrecededByPrep(first)) return {head};
    size_t b = ClauseStart(first.begin);
    for (const Candidate& c : cands)
      if (c.begin >= b && c.end <= first.begin) return {head};
    for (const Helper& h : helpers)
      if (h.begin >= b && h.end <= first.begin) return {head};
    return out;
  }

  // Puts a coordinated subject in `role` (its first actor) and `co` (the others). Actors of one
  // country or group make one event ("Iraqi soldiers and counterterrorism troops" took up
  // positions: one happening of Iraq's forces), so the dyads are not counted twice; an agent
  // with no country of its own ("counterterrorism troops") is a unit of the named ones.
  void SetSubject(const std::optional<ActorSpan>& subj, std::optional<ActorSpan>& role,
                  std::vector<ActorSpan>& co) const {
    role = subj;
    co.clear();
    if (!subj) return;
    std::vector<ActorSpan> all = Conjuncts(*subj);
    if (all.size() < 2) return;
    // A country's state (government, army, police) is one side, and each of its other
    // groups one of its own: "Colombia's government and the ELN agreed" are two.
    // So are a state's unnamed ones: "troops and police arrested seven doctors" is one act.
    auto side = [](const ActorSpan& a) {
      std::string_view sector = std::string_view(a.actor.sector).substr(0, 3);
      bool state = In(sector, {"GOV", "MIL", "COP", "SPY", "LEG", "JUD"});
      if (a.actor.country.empty()) return a.generic && state ? std::string("state") : a.actor.code;
      state = state || sector.empty();
      return a.actor.country + (state ? "" : "/" + std::string(sector));
    };
    bool any_named = std::any_of(all.begin(), all.end(), [](const ActorSpan& a) {
      return !a.generic && !a.actor.code.empty();
    });
    std::vector<ActorSpan> kept;
    for (const ActorSpan& a : all) {
      if (any_named && (a.generic || a.actor.code.empty())) continue;
      if (std::any_of(kept.begin(), kept.end(),
                      [&](const ActorSpan& o) { return side(o) == side(a); }))
        continue;
      kept.push_back(a);
    }
    if (kept.empty()) return;
    role = kept.front();
    co.assign(kept.begin() + 1, kept.end());
  }

  // The first actor after word `from` in the sentence; a place or facility with no country
  // ("a base", "al-Omar oilfield") passes on to the actor it houses ("... housing U.S. troops").
  //
  // With `attack`, a capital is the city attacked, not its government ("rockets struck
  // Baghdad"): it is skipped as an actor and kept as the event's place (see `attacked_places`).
  std::optional<ActorSpan> Object(size_t from, bool after_by_only = false,
                                  bool attack = false) const {
    std::optional<ActorSpan> generic;
    bool by_seen = false;
    for (size_t k = from; k < w.size(); ++k) {
      if (IsHardBreak(w[k])) break;
      // A comma ends the object unless what follows describes it ("..., the largest base
      // housing U.S. troops", "..., in which an American contractor was killed").
      // ", the Pentagon said, ...": the speech tag closes the clause of the object.
      if (w[k].key == "," && k > from && generic && k + 1 < w.size() && speaker[k + 1]) break;
      if (w[k].key == "," && k > from &&
          !In(K(k + 1), {"the",      "a",         "an",   "which",   "who",      "where",
                         "in",       "housing",   "home", "hosting", "that",     "including",
                         "near",     "belonging", "used", "run",     "operated", "killing",
                         "wounding", "injuring",  "one",  "its"}))
        break;
      if (K(k) == "by") by_seen = true;
      // "blocked roads ... until police dispersed them": the object ends where a clause opens.
      if (OpensClause(k) && !quoted[k]) break;
      int a = actor_at[k];
      if (a < 0) continue;
      const ActorSpan& span = actors[a];
      k = span.end - 1;
      if (span.locative || span.pronoun || quoted[span.begin] || speaker[span.begin]) continue;
      if (after_by_only && !by_seen) continue;
      if (attack && span.capital) {
        attacked_places.push_back(a);
        continue;
      }
      // "facilities used by Iran-backed militias": the occupant is the target.
      bool occupant = span.begin > 1 && In(K(span.begin - 2), {"used", "run", "operated",
                                                               "controlled", "held", "manned"});
      bool after_by = span.begin > 0 &&
                      (K(span.begin - 1) == "by" || (span.begin > 1 && K(span.begin - 2) == "by" &&
                                                     In(K(span.begin - 1), {"the", "a", "an"})));
      if (after_by && !after_by_only && !occupant) continue;
      if (!span.generic || span.actor.code == "MED") return span;
      if (!generic) generic = span;
      if (k > from + 25) break;
    }
    return generic;
  }

  // "A Russian Iskander-M ballistic missile struck", "Ukrainian long-range drones hit": the
  // country named on the weapon that is the subject of an attack verb at `verb` fired it.
  std::optional<ActorSpan> WeaponOwner(size_t verb) const {
    // "shells fired by the M23 hit a displacement site": whoever fired what strikes.
    for (size_t k = verb; k > 1 && k + 8 > verb; --k) {
      if (IsHardBreak(w[k - 1])) break;
      if (K(k - 1) == "by" &&
          In(K(k - 2), {"fired", "launched", "dropped", "sent", "flown", "planted", "thrown"}))
        if (auto by = ByAgent(k - 1)) return by;
    }
    for (const WeaponSpan& ws : weapons) {
      if (ws.end > verb || verb - ws.end > 2) continue;
      for (size_t k = ws.begin; k > 0 && k + 5 > ws.begin; --k) {
        int a = actor_at[k - 1];
        if (a >= 0) {
          const ActorSpan& owner = actors[a];
          if (!owner.adjective || owner.actor.country.empty()) return std::nullopt;
          ActorSpan source = owner;  // a country's weapons are its military's
          source.locative = false;
          source.adjective = false;
          if (lex.country_codes.count(owner.actor.code)) {
            source.actor.code = owner.actor.country + "MIL";
            source.actor.sector = "MIL";
          }
          return source;
        }
        if (w[k - 1].punct && K(k - 1) != "-") break;
        if (IsDeterminer(K(k - 1))) break;
      }
    }
    return std::nullopt;
  }

  std::optional<ActorSpan> ByAgent(size_t from) const {
    for (size_t k = from; k < w.size() && k < from + 12; ++k) {
      if (IsHardBreak(w[k]) || BackgroundBetween(from, k)) break;
      if (K(k) != "by") continue;
      size_t j = k + 1;
      if (j < w.size() && actor_at[j] >= 0 && !actors[actor_at[j]].locative)
        return actors[actor_at[j]];
      if (j + 1 < w.size() && IsDeterminer(K(j)) && actor_at[j + 1] >= 0)
        return actors[actor_at[j + 1]];
    }
    return std::nullopt;
  }

  bool Passive(const Candidate& c, Form f) const {
    // "had been hurt", "were hit": verbs whose participle is their base form.
    if (f == Form::kBase && c.begin > 0 &&
        In(K(c.begin - 1), {"been", "be", "being", "was", "were", "is", "are", "get", "got"}))
      return true;
    if (f != Form::kParticiple && f != Form::kPastOrParticiple) return false;
    size_t k = c.begin;
    while (k > 0 && IsAdverb(K(k - 1)) && K(k - 1) != "had" && K(k - 1) != "has") --k;
    if (k > 0 && IsAux(K(k - 1))) return true;
    // "the people killed in the Dnipro strike", "fighters killed during clashes": a killing or
    // wounding participle right after its noun, then a preposition, is a reduced passive (the
    // verbs take an object; "protesters rallied in Kabul" is no passive).
    if (c.trigger->casualty && c.end - c.begin == 1 && k > 0 && !w[k - 1].punct &&
        actor_at[k - 1] >= 0 && c.end < w.size() &&
        In(K(c.end), {"in", "during", "when", "while", "amid"}))
      return true;
    // "were killed by militants", not "agreed to extend the truce by six months" / "by Friday".
    if (c.end + 1 >= w.size() || K(c.end) != "by") return false;
    size_t j = c.end + 1;
    if (IsDeterminer(K(j)) && j + 1 < w.size()) ++j;
    return ByAgent(c.end) || lex.weapons.Longest(w, j).length > 0;
  }

  bool ForceInSentence() const {
    if (!weapons.empty()) return true;
    for (const ActorSpan& a : actors)
      if (!a.locative && In(a.actor.sector.substr(0, 3), {"MIL", "REB", "UAF", "IMG", "COP"}))
        return true;
    for (const ActorSpan& a : actors)
      if (a.actor.code.rfind("IMG", 0) == 0) return true;
    return false;
  }

  const WeaponSpan* NearestWeapon(const Candidate& c) const {
    const WeaponSpan* best = nullptr;
    long best_d = 1 << 30;
    for (const WeaponSpan& ws : weapons) {
      // "The blast came two days after fighters stormed a village": not across a date phrase.
      if (ws.end <= c.begin ? BackgroundBetween(ws.end, c.begin)
                            : BackgroundBetween(c.end, ws.begin))
        continue;
      long d = ws.end <= c.begin ? static_cast<long>(c.begin - ws.end)
                                 : static_cast<long>(ws.begin) - static_cast<long>(c.end) + 1;
      if (ws.begin >= c.begin && ws.end <= c.end) d = -1;
      if (d < 0) d = 0;
      if (d < best_d) best = &ws, best_d = d;
    }
    return best;
  }

  // Whether two phrasings of the sentence tell one happening: not when a semicolon or a
  // contrast ("while in Basra four people were injured", "; elsewhere, ...") puts them apart.
  // Whether a date phrase for what follows it ("the attack came a day after troops killed 17
  // militants") stands between word `from` and word `to`: the two are different happenings.
  bool BackgroundBetween(size_t from, size_t to) const {
    if (from >= to || to >= w.size()) return false;
    for (const DateMention& d : sentence.dates)
      if (d.background && d.start >= w[from].start && d.end <= w[to].start) return true;
    return false;
  }

  bool SameReport(const Candidate& a, const Candidate& b) const {
    size_t from = std::min(a.end, b.end), to = std::max(a.begin, b.begin);
    if (BackgroundBetween(from, to)) return false;
    for (size_t k = from; k < to && k < w.size(); ++k)
      if (IsHardBreak(w[k]) ||
          In(K(k), {"while", "whereas", "meanwhile", "separately", "elsewhere"}))
        return false;
    return true;
  }

  // "killed in a car accident", "died in a fire": casualties of a cause that is no attack.
  bool DiedOfNoViolence(const Candidate& c) const {
    static const WordSet kCauses = {"accident",   "accidents", "crash",    "collision", "fire",
                                    "blaze",      "flood",     "floods",   "flooding",  "storm",
                                    "earthquake", "landslide", "stampede", "collapse",  "heatwave",
                                    "drowning",   "disease",   "outbreak", "avalanche", "cyclone",
                                    "hurricane",  "wildfire",  "wildfires"};
    size_t k = c.end;
    if (k >= w.size() || !In(K(k), {"in", "by", "after", "during", "from", "of"})) return false;
    ++k;
    if (k < w.size() && In(K(k), {"a", "an", "the"})) ++k;
    // The cause or one modifier and the cause ("a car accident"); not "an exchange of fire".
    for (size_t n = 0; n < 2 && k < w.size() && !w[k].punct && K(k) != "of"; ++n, ++k)
      if (kCauses.Has(K(k))) return true;
    return false;
  }

  // Assaults, fights and mass violence: acts that hit a place as well as people.
  static bool Attack(const Candidate& c) { return c.cameo.substr(0, 2) >= "18"; }

  // -------------------------------------------------------------------------------------------

  void Roles(size_t ci) {
    Candidate& c = cands[ci];
    const TriggerDef& t = *c.trigger;
    Form f = formsv[ci];
    if (t.kind == TriggerKind::kVerb) {
      int ev = -1;
      auto subj = Subject(c.begin, static_cast<int>(ci), &ev);
      if (subj && subj->pronoun && ev < 0) {
        // "those airstrikes ..., they targeted": the pronoun stands for the event noun.
        for (int j = 0; j < static_cast<int>(ci); ++j)
          if (cands[j].trigger->kind == TriggerKind::kNoun && cands[j].end <= subj->begin &&
              cands[j].cameo.substr(0, 2) >= "18")
            ev = j;
      }
      if (ev >= 0) {
        // "the drone attack targeted U.S. forces": one event, named by the noun.
        Candidate& noun = cands[ev];
        if (!noun.target) noun.target = Object(c.end, false, Attack(noun));
        noun_licensed.push_back(ev);
        noun.hit_or_killed = Attack(c) || t.casualty;
        c.fused = true;
        return;
      }
      bool passive = Passive(c, f);
      bool attack = Attack(c);
      // "a ceasefire brokered by Angola": a phrasing that ends in "by" has its agent after it.
      if (K(c.end - 1) == "by") {
        c.source = ByAgent(c.end - 1);
        if (c.source) return;
      }
      if (passive && !t.subject_is_target &&
          In(K(c.end - 1), {"at", "on", "upon", "against", "into", "toward", "towards"})) {
        // "rockets were fired at U.S. forces": the object of the preposition suffers it.
        c.target = Object(c.end, false, attack);
        if (!c.target) c.target = subj;
        c.source = ByAgent(c.end);
      } else if (t.subject_is_target || passive) {
        SetSubject(subj, c.target, c.co_targets);
        c.source = ByAgent(c.end);
      } else {
        SetSubject(subj, c.source, c.co_sources);
        c.target = Object(c.end, false, attack);
        // "summoned the Turkish ambassador": the target inside a gapped phrasing.
        if (!c.target && c.end - c.begin > 2)
          for (size_t k = c.begin + 1; k + 1 < c.end && !c.target; ++k)
            if (actor_at[k] >= 0 && !actors[actor_at[k]].locative && !actors[actor_at[k]].pronoun)
              c.target = actors[actor_at[k]];
        if (c.target && c.source && c.target->begin == c.source->begin) c.target.reset();
      }
      if (!c.source) Between(c);
      if (!c.source && !passive && attack) c.source = WeaponOwner(c.begin);
      if (!c.source && !passive && c.cameo.substr(0, 2) >= "18") c.source = ArmedBy(c.begin);
      if (!c.target && c.cameo.substr(0, 2) >= "18") c.target = CountryAimedAt(c.end);
      return;
    }
    // A noun event: its source modifies it, possesses it, follows "by", or carried it out.
    if (c.begin > 0) {
      size_t k = c.begin - 1;
      if (K(k) == "'s" && k > 0) --k;
      // skip a weapon word or determiner between actor and noun ("U.S. drone strike")
      if (actor_at[k] < 0 && k > 0 && !w[k].punct && actor_at[k - 1] >= 0 &&
          lex.weapons.Longest(w, k).length)
        --k;
      if (actor_at[k] >= 0 && !quoted[k]) {
        const ActorSpan& a = actors[actor_at[k]];
        if (!(a.begin > 0 && IsLocativePreposition(K(a.begin - 1)) && !a.locative)) c.source = a;
        if (c.source && c.source->locative) {
          // An adjective modifier ("Palestinian rocket salvoes"): its country is the source.
          c.source->locative = false;
          c.source->generic = false;
        }
      }
    }
    if (!c.source) c.source = ByAgent(c.end);
    // Light and receiving verbs just before the noun.
    for (const Helper& h : helpers) {
      if (h.end > c.begin || c.begin - h.end > 5) continue;
      bool clean = true;
      for (size_t k = h.end; k < c.begin; ++k)
        if (IsClauseBreak(w[k]) || (actor_at[k] >= 0 && !actors[actor_at[k]].locative))
          clean = false;
      if (!clean) continue;
      int ev = -1;
      auto subj = Subject(h.begin, -1, &ev);
      licensed[ci] = true;
      if (h.kind == TriggerKind::kLight) {
        if (!c.source) SetSubject(subj, c.source, c.co_sources);
      } else {
        SetSubject(subj, c.target, c.co_targets);
      }
    }
    size_t after = c.end;
    if (K(after) == "by" && after + 1 < w.size()) {
      size_t k = after + 1;
      if (IsDeterminer(K(k))) ++k;
      if (k < w.size() && actor_at[k] >= 0) after = actors[actor_at[k]].end;
    }
    if (after < w.size() &&
        In(K(after), {"on", "against", "at", "targeting", "upon", "that", "which", "aimed", "near",
                      "by", "in", "hit", "hitting"})) {
      if (K(after) != "in" && K(after) != "by") licensed[ci] = true;
      if (!c.target) {
        auto o = Object(after, false, Attack(c));
        if (o && !(c.source && o->begin == c.source->begin)) c.target = o;
      }
    }
    Between(c);
  }

  // "Baghdad was shelled", "Baghdad was hit by rockets": a capital that suffers an attack is the
  // city hit, the event's place, not its government.
  void CapitalsAttackedArePlaces() {
    for (Candidate& c : cands) {
      if (!Attack(c)) continue;
      std::erase_if(c.co_targets, [](const ActorSpan& a) { return a.capital; });
      if (!c.target || !c.target->capital || actor_at[c.target->begin] < 0) continue;
      attacked_places.push_back(actor_at[c.target->begin]);
      c.target.reset();
      if (!c.co_targets.empty()) {
        c.target = c.co_targets.front();
        c.co_targets.erase(c.co_targets.begin());
      }
    }
    for (int a : attacked_places) actors[a].locative = true;
  }

  // "accused the United States of delaying a deal by refusing to lift sanctions", "urged both
  // sides to agree to a ceasefire": what a statement asks for or blames is not an event itself.
  // "Artillery shells fired by the RSF slammed into the camp": a participle after a weapon
  // says whose the weapon is; the verb after it tells the attack, by them.
  void WeaponsFiredBy() {
    for (size_t i = 0; i < cands.size(); ++i) {
      Candidate& c = cands[i];
      if (c.fused || c.trigger->kind != TriggerKind::kVerb ||
          (formsv[i] != Form::kParticiple && formsv[i] != Form::kPastOrParticiple))
        continue;
      bool after_weapon = std::any_of(weapons.begin(), weapons.end(),
                                      [&](const WeaponSpan& ws) { return ws.end == c.begin; });
      if (!after_weapon || c.end >= w.size() || !In(K(c.end), {"by", "from"})) continue;
      for (size_t j = i + 1; j < cands.size(); ++j) {
        Candidate& attack = cands[j];
        if (attack.fused || attack.trigger->kind != TriggerKind::kVerb ||
            attack.trigger->casualty || attack.cameo.substr(0, 2) < "18")
          continue;
        c.fused = true;
        auto by = ByAgent(c.end);
        if (by && (!attack.source || attack.source->begin == by->begin)) attack.source = by;
        if (attack.target && by && attack.target->begin == by->begin) attack.target.reset();
        break;
      }
    }
  }

  void FuseComplements() {
    for (size_t i = 0; i < cands.size(); ++i) {
      Candidate& blame = cands[i];
      // "two militia leaders accused of attacks on American forces": a description of someone,
      // not an accusation made; nor are the attacks it names events.
      if (!blame.fused && blame.cameo == "112" && In(K(blame.end), {"of", "in", "over"}) &&
          (formsv[i] == Form::kParticiple || formsv[i] == Form::kPastOrParticiple)) {
        blame.fused = true;
        for (Candidate& inner : cands)
          if (inner.begin >= blame.end && inner.begin <= blame.end + 3) inner.fused = true;
      }
    }
    for (size_t i = 0; i < cands.size(); ++i) {
      const Candidate& say = cands[i];
      if (say.fused || say.trigger->kind != TriggerKind::kVerb) continue;
      if (!In(say.cameo.substr(0, 2), {"02", "10", "11", "12", "13"})) continue;
      for (size_t j = 0; j < cands.size(); ++j) {
        Candidate& inner = cands[j];
        if (j == i || inner.begin < say.end || inner.trigger->kind != TriggerKind::kVerb) continue;
        if (formsv[j] != Form::kIng && formsv[j] != Form::kBase) continue;
        bool same_clause = true;
        for (size_t k = say.end; k < inner.begin; ++k)
          if (IsHardBreak(w[k]) || K(k) == "and") same_clause = false;
        if (same_clause) inner.fused = true;
      }
    }
  }

  // "carried out air strikes on Houthi positions, destroying a drone workshop": the damage an
  // attack did is part of it.
  void FuseConsequences() {
    // "protested outside the compound, carrying pictures and chanting against Ankara": how
    // the protesters protested is their protest, against whom they chanted its target.
    for (size_t j = 0; j < cands.size(); ++j) {
      Candidate& c = cands[j];
      if (c.fused || formsv[j] != Form::kIng || c.cameo.substr(0, 2) != "14") continue;
      for (size_t i = 0; i < j; ++i) {
        Candidate& protest = cands[i];
        if (protest.fused || protest.cameo.substr(0, 2) != "14" || !SameReport(protest, c))
          continue;
        c.fused = true;
        if (c.target && (!protest.target || protest.target->generic)) protest.target = c.target;
        break;
      }
    }
    for (size_t j = 0; j < cands.size(); ++j) {
      Candidate& c = cands[j];
      // "drones hit a building, setting fire to the upper floors": the fire is the strike's.
      bool damage = c.cameo.substr(0, 2) == "17" || c.cameo == "145";
      if (c.fused || formsv[j] != Form::kIng || !damage) continue;
      if (c.begin == 0) continue;
      // ", killing dozens of fighters and destroying motorbikes": the chain of participles.
      bool chained = K(c.begin - 1) == "and" &&
                     std::any_of(cands.begin(), cands.begin() + j, [&](const Candidate& o) {
                       return o.begin > 0 && K(o.begin - 1) == "," && o.end < c.begin;
                     });
      if (K(c.begin - 1) != "," && !chained) continue;
      for (size_t i = 0; i < j; ++i)
        if (!cands[i].fused && cands[i].cameo.substr(0, 2) >= "18" && !cands[i].trigger->casualty)
          c.fused = true;
    }
  }

  // "Saudi air defences intercepted two drones launched by Yemen's Houthi rebels": the weapon
  // a receiving verb stops is an attack on its subject, by whoever launched it.
  void InterceptedWeapons() {
    for (const Helper& h : helpers) {
      if (h.kind != TriggerKind::kReceiving) continue;
      for (const WeaponSpan& ws : weapons) {
        if (ws.begin < h.end || ws.begin > h.end + 4) continue;
        bool clean = true;
        // "shot down 20 Russian drones": a country adjective right before the weapon says
        // whose it was.
        std::optional<ActorSpan> owner;
        for (size_t k = h.end; k < ws.begin; ++k) {
          if (IsClauseBreak(w[k])) clean = false;
          if (actor_at[k] < 0) continue;
          const ActorSpan& a = actors[actor_at[k]];
          if (a.end == ws.begin && a.adjective && BareCountry(a)) {
            owner = CountryMilitary(a);
            k = a.end - 1;
            continue;
          }
          clean = false;
        }
        // "repelled drone attacks", "fending off suicide drone and rocket attacks"
        for (const Candidate& c : cands)
          if (c.begin < ws.end + 3 && ws.begin < c.end) clean = false;
        const TriggerDef* def = nullptr;
        for (const TriggerDef& t : lex.trigger_defs)
          if (t.kind == TriggerKind::kNoun && t.cameo == ws.def->cameo.substr(0, 3) &&
              !t.casualty && t.acled_type.empty())
            def = def ? def : &t;
        if (!clean || !def) continue;
        Candidate c;
        c.begin = ws.begin;
        c.end = ws.end;
        c.trigger = def;
        c.cameo = ws.def->cameo;
        c.near = w[ws.begin].start;
        int ev = -1;
        c.target = Subject(h.begin, -1, &ev);
        c.source = ByAgent(ws.end);
        if (!c.source) c.source = owner;
        cands.push_back(std::move(c));
        formsv.push_back(Form::kNoun);
        licensed.push_back(true);
        break;
      }
    }
  }

  // "in response to a string of drone attacks", "a day after American air raids": an earlier
  // happening named as the background of the attack the sentence reports.
  void FuseBackground() {
    for (size_t i = 0; i < cands.size(); ++i) {
      Candidate& c = cands[i];
      if (c.fused || c.anaphoric || c.trigger->kind != TriggerKind::kNoun) continue;
      bool background = false;
      for (size_t k = c.begin; k-- > 0 && k + 7 > c.begin;) {
        if (IsHardBreak(w[k])) break;
        if (IsBackgroundMarker(K(k))) background = true;
      }
      if (!background) continue;
      for (size_t j = 0; j < cands.size(); ++j) {
        const Candidate& main = cands[j];
        if (j == i || main.fused || main.anaphoric || main.begin >= c.begin) continue;
        if (main.trigger->casualty) continue;
        if (main.cameo.substr(0, 2) < "14") continue;
        c.fused = true;
        break;
      }
    }
  }

  // "Turkish drones struck", "Israeli missiles hit": a country's weapon as the subject is that
  // country's military.
  std::optional<ActorSpan> ArmedBy(size_t verb) const {
    size_t k = verb;
    while (k > 0 && IsAdverb(K(k - 1))) --k;
    for (const WeaponSpan& ws : weapons) {
      if (ws.end != k || ws.begin == 0 || actor_at[ws.begin - 1] < 0) continue;
      const ActorSpan& a = actors[actor_at[ws.begin - 1]];
      if (!a.locative || !BareCountry(a)) return std::nullopt;
      if (a.begin > 0 && IsLocativePreposition(K(a.begin - 1))) return std::nullopt;
      return CountryMilitary(a);
    }
    return std::nullopt;
  }

  // A country named by itself ("Turkish", "Israel"), with no role word.
  static bool BareCountry(const ActorSpan& a) {
    return !a.actor.country.empty() && a.actor.code == a.actor.country;
  }
  // A bare country as the owner of a weapon ("Turkish drones", "20 Russian drones"): its
  // military.
  static ActorSpan CountryMilitary(ActorSpan a) {
    a.locative = false;
    a.actor.code += "MIL";
    a.actor.sector = "MIL";
    return a;
  }

  // "fired dozens of rockets at southern Israel", "at the Saudi city of Jazan": an attack aimed
  // at a country's land is aimed at the country (the place stays where it is).
  std::optional<ActorSpan> CountryAimedAt(size_t from) const {
    for (size_t k = from; k < w.size() && k < from + 6; ++k) {
      if (IsClauseBreak(w[k])) break;
      if (!In(K(k), {"at", "on", "into", "toward", "towards"})) continue;
      size_t j = k + 1;
      while (j < w.size() && (K(j) == "the" || IsPlaceModifier(K(j)))) ++j;
      if (j >= w.size() || actor_at[j] < 0) return std::nullopt;
      ActorSpan a = actors[actor_at[j]];
      if (!a.locative || a.actor.country.empty() || a.actor.code != a.actor.country)
        return std::nullopt;
      a.locative = false;
      a.place_name = false;
      return a;
    }
    return std::nullopt;
  }

  // "incendiary balloons launched from Gaza set fires": a weapon, not a crowd, set them; a
  // riot or protest needs people.
  bool ThingDidIt(const Candidate& c) const {
    if (c.source || c.trigger->kind != TriggerKind::kVerb || c.cameo.substr(0, 2) != "14")
      return false;
    size_t b = ClauseStart(c.begin);
    for (const WeaponSpan& ws : weapons)
      if (ws.begin >= b && ws.end <= c.begin) return true;
    return false;
  }

  // "The airport hosts troops of the U.S.-led coalition." right after an attack on it.
  std::optional<Actor> Hosted() const {
    for (size_t k = 1; k < w.size() && k < 6; ++k) {
      if (!In(K(k), {"hosts", "houses", "hosted", "housed", "host", "house", "hosting"})) continue;
      if (!In(K(0), {"the", "it", "that", "this"})) return std::nullopt;
      for (size_t j = 0; j < k; ++j)
        if (actor_at[j] >= 0 && !actors[actor_at[j]].generic && !actors[actor_at[j]].pronoun)
          return std::nullopt;
      auto o = Object(k + 1);
      if (o && !o->actor.code.empty()) return o->actor;
      return std::nullopt;
    }
    return std::nullopt;
  }

  // "a ceasefire between Israel and Hamas": the two sides.
  void Between(Candidate& c) const {
    for (size_t k = c.begin; k < std::min(w.size(), c.end + 2); ++k) {
      if (K(k) != "between") continue;
      // "between the army and the RSF": the first side is the actor right after "between",
      // even a generic one (the article resolves it), not the first named one after it.
      size_t first = k + 1 < w.size() && IsDeterminer(K(k + 1)) ? k + 2 : k + 1;
      if (!c.source && !c.target && first + 1 < w.size() &&
          In(K(first), {"two", "both", "warring", "rival", "opposing"}) &&
          In(K(first + 1), {"sides", "parties", "camps", "forces"})) {
        c.between_sides = true;
        break;
      }
      if (!c.source && !c.target && K(k + 1) == "both" && k + 2 < w.size() &&
          In(K(k + 2), {"sides", "parties", "camps"})) {
        c.between_sides = true;
        break;
      }
      std::optional<ActorSpan> a;
      if (first < w.size() && actor_at[first] >= 0 && !actors[actor_at[first]].locative &&
          !actors[actor_at[first]].pronoun)
        a = actors[actor_at[first]];
      if (!a) a = Object(k + 1);
      if (!a) break;
      auto b = Object(a->end);
      if (!c.source) c.source = a;
      if ((!c.target || c.target->begin == a->begin) && b) c.target = b;
      break;
    }
  }
  std::vector<bool> licensed;
  std::vector<int> noun_licensed;

  // Numbers that count a casualty word's victims: after it ("killing four"), before it ("four
  // soldiers were wounded"), or a singular victim ("an American contractor was killed").
  std::optional<int> CasualtyCount(const Candidate& c) const {
    const NumberMention* best = nullptr;
    for (const NumberMention& n : sentence.numbers) {
      if (n.start < w[c.end - 1].end || n.start > w[c.end - 1].end + 24) continue;
      if (!n.unit.empty() && lex.weapons.Longest(Tokenize(n.unit, 0), 0).length) continue;
      bool direct = true;  // only "at least", "some", "about" between verb and number
      for (size_t k = c.end; k < w.size() && w[k].start < n.start; ++k)
        if (!In(K(k), {"at", "least", "more", "than", "about", "some", "nearly", "almost", "over",
                       "up", "to", "around", "roughly", "approximately", "an", "estimated", "as",
                       "many", "the"}))
          direct = false;
      if (!direct) continue;
      best = &n;
      break;
    }
    if (!best) {
      uint32_t clause_start = w[ClauseStart(c.begin)].start;
      for (const NumberMention& n : sentence.numbers) {
        if (n.end > w[c.begin].start || n.start < clause_start) continue;
        if (!n.unit.empty() && lex.weapons.Longest(Tokenize(n.unit, 0), 0).length) continue;
        if (w[c.begin].start - n.end > 60) continue;
        best = &n;  // keep the closest one before
      }
    }
    if (best) return static_cast<int>(best->value);
    // "the driver was injured", "an American contractor was killed"
    size_t k = c.begin;
    while (k > 0 && (IsAdverb(K(k - 1)) || IsAux(K(k - 1)))) --k;
    if (k > 0 && actor_at[k - 1] >= 0) {
      const ActorSpan& a = actors[actor_at[k - 1]];
      if (a.person && !a.plural && a.singular_det) return 1;
    }
    if (c.end < w.size() && actor_at[c.end] < 0 && c.end + 1 < w.size() &&
        WordNumber(K(c.end)) == 1 && actor_at[c.end + 1] >= 0 &&
        actors[actor_at[c.end + 1]].person && !actors[actor_at[c.end + 1]].plural)
      return 1;
    if (c.end < w.size() && actor_at[c.end] >= 0) {
      const ActorSpan& a = actors[actor_at[c.end]];
      if (a.person && !a.plural && a.singular_det) return 1;
    }
    return std::nullopt;
  }

  std::optional<int> WeaponCount(const WeaponSpan& ws) const {
    for (const NumberMention& n : sentence.numbers) {
      if (n.end <= w[ws.begin].start && w[ws.begin].start - n.end <= 12)
        return static_cast<int>(n.value);
      // "two explosive-laden drones": one or two modifiers between the number and the weapon.
      if (n.end <= w[ws.begin].start && w[ws.begin].start - n.end <= 28) {
        size_t words = 0;
        bool clean = true;
        for (size_t k = 0; k < ws.begin; ++k) {
          if (w[k].start < n.end) continue;
          if ((w[k].punct && K(k) != "-") || actor_at[k] >= 0 || w[k].number) clean = false;
          if (!w[k].punct) ++words;
        }
        if (clean && words <= 3) return static_cast<int>(n.value);
      }
      if (n.unit_start == w[ws.begin].start) return static_cast<int>(n.value);
    }
    return std::nullopt;
  }

  std::optional<std::string> Attribution() const {
    auto np = [&](size_t k) -> std::optional<std::string> {
      while (k < w.size() && In(K(k), {"the", "a", "an"})) ++k;
      size_t e = k;
      while (e < w.size() && !w[e].punct && e - k < 6 &&
             !In(K(e), {"in", "on", "that", "who", "which", "said", "says", "reported", "at",
                        "late", "earlier", "last", "this", "and", "told", "after", "when"}))
        ++e;
      if (e == k) return std::nullopt;
      return std::string(body.substr(w[k].start, w[e - 1].end - w[k].start));
    };
    for (size_t k = 0; k + 1 < w.size(); ++k) {
      if (K(k) == "according" && K(k + 1) == "to") return np(k + 2);
      if (In(K(k), {"told", "speaking"}) && !quoted[k]) {
        size_t j = K(k) == "speaking" ? k + 2 : k + 1;
        if (K(k) == "speaking" && K(k + 1) != "to") continue;
        if (actor_at[j] >= 0 || (j + 1 < w.size() && actor_at[j + 1] >= 0) ||
            (j < w.size() && w[j].capitalized) || (j + 1 < w.size() && w[j + 1].capitalized))
          return np(j);
      }
      if (In(K(k), {"says", "said"}) && k > 0 && w[k - 1].key == "," && k + 1 < w.size() &&
          w[k + 1].capitalized)
        return np(k + 1);
    }
    // "..., Sabereen News later reported."
    for (size_t k = w.size(); k-- > 1;) {
      if (!In(K(k),
              {"reported", "said", "says", "reports", "announced", "confirmed", "added", "stated"}))
        continue;
      size_t e = k;
      while (e > 0 && IsAdverb(K(e - 1))) --e;
      size_t b = e;
      while (b > 0 && !w[b - 1].punct && e - b < 6) --b;
      if (b > 0 && w[b - 1].key == "," && b < e && k + 2 >= w.size())
        return std::string(body.substr(w[b].start, w[e - 1].end - w[b].start));
      break;
    }
    return std::nullopt;
  }
};

// A Reader's vectors, kept per thread from one sentence to the next so that their buffers are
// reused (each sentence allocated a dozen of them). A Reader takes them empty and gives them
// back emptied, whichever way ReadSentence returns.
struct ReaderBuffers {
  std::vector<Word> w;
  std::vector<bool> quoted;
  std::vector<ActorSpan> actors;
  std::vector<WeaponSpan> weapons;
  std::vector<Reader::Helper> helpers;
  std::vector<Candidate> cands;
  std::vector<int> actor_at, attacked_places;
  std::vector<bool> speaker;
  std::vector<Form> formsv;
  std::vector<bool> licensed;
  std::vector<int> noun_licensed;

  template <class V>
  static void Return(V& from, V& to) {
    to = std::move(from);
    to.clear();
  }
  // Gives the buffers back from `r` when it goes out of scope.
  struct Lease {
    ReaderBuffers& b;
    Reader& r;
    ~Lease() {
      Return(r.w, b.w);
      Return(r.quoted, b.quoted);
      Return(r.actors, b.actors);
      Return(r.weapons, b.weapons);
      Return(r.helpers, b.helpers);
      Return(r.cands, b.cands);
      Return(r.actor_at, b.actor_at);
      Return(r.attacked_places, b.attacked_places);
      Return(r.speaker, b.speaker);
      Return(r.formsv, b.formsv);
      Return(r.licensed, b.licensed);
      Return(r.noun_licensed, b.noun_licensed);
    }
  };
};

}  // namespace

// Whether `c` is a fight its subjects wage on each other: "fought", "clashed", "exchanged
// fire", not "attacked" (which has its target after it).
bool MutualFight(const Reader& r, const Candidate& c) {
  if (c.trigger->kind != TriggerKind::kVerb || c.cameo.substr(0, 2) != "19") return false;
  static const WordSet kFight = {"fight",   "fought",   "fighting", "fights",    "clash",
                                 "clashed", "clashes",  "clashing", "battle",    "battled",
                                 "battles", "battling", "exchange", "exchanged", "traded"};
  return kFight.Has(r.K(c.begin));
}

SentenceReading ReadSentence(const Lexicon& lex, std::string_view body, const Sentence& s,
                             std::optional<Date> ref) {
  thread_local ReaderBuffers buffers;
  Reader r{lex,
           body,
           s,
           ref,
           std::move(buffers.w),
           std::move(buffers.quoted),
           std::move(buffers.actors),
           std::move(buffers.weapons),
           std::move(buffers.helpers),
           std::move(buffers.cands),
           std::move(buffers.actor_at),
           std::move(buffers.attacked_places),
           std::move(buffers.speaker),
           {},
           std::move(buffers.formsv),
           std::move(buffers.licensed),
           std::move(buffers.noun_licensed)};
  ReaderBuffers::Lease lease{buffers, r};
  SentenceReading out;
  if (s.end <= s.start || s.end > body.size()) return out;
  Tokenize(body.substr(s.start, s.end - s.start), s.start, r.w);
  if (r.w.empty()) return out;
  r.MarkQuotes();
  r.Scan();
  r.MarkSpeakers();
  r.SpeakersOwnForces();
  out.question = r.w.back().key == "?" || s.modality == Modality::kQuestion;
  r.licensed.assign(r.cands.size(), false);
  bool force = r.ForceInSentence();
  for (size_t i = 0; i < r.cands.size(); ++i) r.Roles(i);
  r.WeaponsFiredBy();
  r.FuseComplements();
  r.FuseConsequences();
  r.InterceptedWeapons();
  r.CapitalsAttackedArePlaces();

  bool has_attack = false;
  for (size_t i = 0; i < r.cands.size(); ++i) {
    Candidate& c = r.cands[i];
    if (c.fused) continue;
    if (c.trigger->needs_force && !force) c.fused = true;  // "hit" without any weapon or army
    if (!c.trigger->casualty && !c.fused && c.cameo.size() >= 2 && c.cameo.substr(0, 2) >= "14")
      has_attack = true;
  }
  for (int ev : r.noun_licensed) r.licensed[ev] = true;

  // Nouns: an event only when licensed; a definite one without licence refers back.
  for (size_t i = 0; i < r.cands.size(); ++i) {
    Candidate& c = r.cands[i];
    if (c.fused || c.trigger->kind != TriggerKind::kNoun) continue;
    // "fired mortar | bombs at the posts": the rest of what a verb phrasing fired is its object.
    if (std::any_of(r.cands.begin(), r.cands.end(), [&](const Candidate& v) {
          return v.trigger->kind == TriggerKind::kVerb && !v.fused && v.end == c.begin &&
                 v.cameo.substr(0, 2) >= "18";
        })) {
      c.fused = true;
      continue;
    }
    size_t d = c.begin;
    // ... and names before it: "the Dnipro strike", "the Mogadishu bombing".
    while (d > 0 &&
           (r.actor_at[d - 1] >= 0 || r.lex.weapons.Longest(r.w, d - 1).length ||
            r.w[d - 1].number || (d > 1 && r.w[d - 1].capitalized && !r.w[d - 1].punct) ||
            In(r.K(d - 1), {"multiple", "several", "suicide", "roadside", "deadly", "reported"})))
      --d;
    std::string_view det = d > 0 ? r.K(d - 1) : "";
    if (d > 1 && In(det, {"of"}) && In(r.K(d - 2), {"round", "wave", "series", "spate"})) {
      det = d > 2 ? r.K(d - 3) : "";
      if (d > 3 && IsDistinctMarker(r.K(d - 3))) det = r.K(d - 3);
    }
    for (size_t k = d > 2 ? d - 3 : 0; k < c.begin; ++k)
      if (IsDistinctMarker(r.K(k))) c.distinct = true;
    bool definite = IsDefinite(det);
    bool has_date = !s.dates.empty();
    bool has_count = false;
    for (const NumberMention& n : s.numbers)
      if (n.end <= r.w[c.begin].start && r.w[c.begin].start - n.end < 20) has_count = true;
    // "were killed by a roadside bomb", "wounded in clashes": the casualties say it happened.
    bool caused_casualties = false;
    {
      size_t q = d;
      if (q > 0 && In(r.K(q - 1), {"a", "an", "the", "this", "that"})) --q;
      // "were killed on Monday in clashes": a date may stand between.
      auto in_date = [&](size_t k) {
        return std::any_of(s.dates.begin(), s.dates.end(), [&](const DateMention& dm) {
          return dm.start <= r.w[k].start && r.w[k].end <= dm.end;
        });
      };
      // "on Monday", "late on Sunday": the preposition before a date goes with it.
      auto dated = [&](size_t k) {
        return in_date(k) ||
               (k + 1 < r.w.size() && In(r.K(k), {"on", "late", "early"}) &&
                (in_date(k + 1) || (r.K(k + 1) == "on" && k + 2 < r.w.size() && in_date(k + 2))));
      };
      if (q > 0 && In(r.K(q - 1), {"by", "in"}))
        for (const Candidate& o : r.cands) {
          if (!o.trigger->casualty || o.end > q - 1) continue;
          size_t k = o.end;
          while (k < q - 1 && dated(k)) ++k;
          if (k == q - 1) caused_casualties = true;
        }
    }
    bool licensed = r.licensed[i] || (c.source && !c.source->generic && has_date) || has_count ||
                    caused_casualties;
    if (definite && !c.distinct) {
      c.anaphoric = true;
      c.stands_alone = caused_casualties || has_count || c.hit_or_killed;
      out.refers_back = true;
      continue;  // kept as an anaphor: its details go to the earlier attack
    }
    if (!licensed) c.fused = true;
  }

  // "The attackers set fire to several vehicles": what the perpetrators of an attack just told
  // did is that attack told in more detail.
  for (Candidate& c : r.cands) {
    if (c.fused || c.trigger->kind != TriggerKind::kVerb || c.cameo.substr(0, 2) < "14" ||
        !c.source || !c.source->generic || c.trigger->casualty)
      continue;
    // "the" before the span or opening it ("The attackers").
    bool definite = (c.source->begin > 0 && IsDefinite(r.K(c.source->begin - 1))) ||
                    IsDefinite(r.K(c.source->begin));
    bool perpetrators = false;
    for (size_t k = c.source->begin; k < c.source->end; ++k)
      perpetrators |= In(r.K(k), {"attacker", "attackers", "assailant", "assailants"});
    if (definite && perpetrators) {
      c.anaphoric = true;
      c.stands_alone = true;  // with no attack told before, it is one
      out.refers_back = true;
    }
  }

  // "X claimed responsibility for the attack": the attack told before was X's.
  for (Candidate& noun : r.cands) {
    if (!noun.anaphoric || noun.source) continue;
    for (const Candidate& claim : r.cands)
      if (claim.cameo == "015" && claim.source && claim.end <= noun.begin &&
          noun.begin <= claim.end + 2)
        noun.source = claim.source;
  }
  r.FuseBackground();
  for (size_t i = 0; i < r.cands.size(); ++i) {
    Candidate& c = r.cands[i];
    if (c.fused) continue;
    if (r.NegatedAt(c) || r.IrrealisAt(i) || out.question) {
      c.fused = true;
      c.anaphoric = false;
      continue;
    }
    // Casualties of an attack the sentence tells go to it (below), unless a date phrase puts
    // the two apart ("the attack came a day after troops killed 17 militants").
    if (c.trigger->casualty && has_attack &&
        std::any_of(r.cands.begin(), r.cands.end(), [&](const Candidate& o) {
          return &o != &c && !o.trigger->casualty && (!o.fused || o.anaphoric) &&
                 o.cameo.substr(0, 2) >= "14" && r.SameReport(o, c);
        }))
      c.fused = true;
  }

  // Casualties go to the nearest attack before them in the sentence (else the first after).
  for (size_t i = 0; i < r.cands.size(); ++i) {
    Candidate& c = r.cands[i];
    if (!c.trigger->casualty) continue;
    if (r.NegatedAt(c) || r.IrrealisAt(i)) continue;
    auto n = r.CasualtyCount(c);
    if (!n) continue;
    Candidate* owner = nullptr;
    for (size_t j = 0; j < r.cands.size(); ++j) {
      Candidate& o = r.cands[j];
      if (o.trigger->casualty || (o.fused && !o.anaphoric)) continue;
      if (o.cameo.substr(0, 2) < "14") continue;
      if (!r.SameReport(o, c)) continue;
      if (o.begin < c.begin || !owner) owner = &o;
    }
    if (!owner && !c.fused) owner = &c;
    if (!owner) {
      (c.trigger->injury ? out.loose_injuries : out.loose_fatalities) = *n;
      continue;
    }
    auto& slot = c.trigger->injury ? owner->injuries : owner->fatalities;
    if (!slot) slot = *n;
    // "Two civilians were killed when a roadside bomb exploded": the victims are the target.
    if (owner != &c && !owner->target && c.target && c.target->person && !c.target->pronoun &&
        !(owner->source && owner->source->begin == c.target->begin))
      owner->target = c.target;
    // "Security forces killed six militants in a raid": the subject of a finite killing verb
    // carried out the raid (not so ", wounding two soldiers").
    // ... but "the people killed in the Dnipro strike" suffered it (a participle after its noun).
    bool reduced_passive =
        (r.formsv[i] == Form::kPastOrParticiple || r.formsv[i] == Form::kParticiple) &&
        c.end < r.w.size() && In(r.K(c.end), {"in", "during", "by", "at", "when"});
    if (owner != &c && !owner->source && c.source && !c.source->locative &&
        r.formsv[i] != Form::kIng && !reduced_passive && c.source->end <= c.begin &&
        owner->begin > c.begin && !(owner->target && owner->target->begin == c.source->begin))
      owner->source = c.source;
  }

  for (size_t i = 0; i < r.cands.size(); ++i) {
    Candidate& c = r.cands[i];
    if (c.fused && !c.anaphoric) continue;
    if (c.trigger->casualty) {
      c.casualty_only = true;
      if (!c.source && !c.target) continue;
      if (c.trigger->never_alone) continue;
      if (r.DiedOfNoViolence(c)) continue;
    }
    // "Jihadists stormed a military camp", "soldiers torched homes": what is a riot when a
    // crowd does it is an attack on armed men (police among them, on either side: "police
    // stormed a militant hideout"), or the burning of property, when soldiers or rebels do it.
    // Militiamen storming an embassy or pelting it with stones still riot.
    if (c.cameo == "145" && c.source) {
      std::string_view sector = std::string_view(c.source->actor.sector).substr(0, 3);
      bool arson = false;
      for (size_t k = c.begin; k < c.end && k < r.w.size(); ++k)
        arson |= In(r.K(k), {"fire", "alight", "torch", "torched", "torching", "torches", "burn",
                             "burned", "burnt", "burning", "burns"});
      bool on_armed_men =
          c.target && ArmedSector(std::string_view(c.target->actor.sector).substr(0, 3));
      // "Gunmen stormed a neighbourhood": armed men storming homes attack those in them; an
      // embassy (a government's) stormed by militiamen is still a riot.
      bool on_government =
          c.target && std::string_view(c.target->actor.sector).substr(0, 3) == "GOV";
      bool armed = In(sector, {"MIL", "COP", "REB", "UAF", "IMG"}) ||
                   c.source->actor.code.rfind("IMG", 0) == 0;
      if (arson && In(sector, {"MIL", "REB", "UAF"}))
        c.cameo = "171";
      else if (!arson && armed && (on_armed_men || (!on_government && sector != "COP")))
        c.cameo = "190";
    }
    // "Forces destroyed four Houthi drones": armed men destroying weapons fight their owners.
    if (c.cameo == "171" && c.source &&
        ArmedSector(std::string_view(c.source->actor.sector).substr(0, 3))) {
      for (size_t k = c.end; k < r.w.size() && k < c.end + 5 && !r.w[k].punct; ++k)
        if (r.lex.weapons.Longest(r.w, k).length) {
          c.cameo = "190";
          break;
        }
    }
    // "Rwandan troops arrived in Macomia": soldiers arriving deploy; they pay no visit.
    if (c.cameo == "042" && c.source &&
        ArmedSector(std::string_view(c.source->actor.sector).substr(0, 3)))
      continue;
    // "The fighters battled troops and looted shops": what the attackers wrecked or took in
    // the same raid is part of their attack.
    if ((c.cameo == "145" || c.cameo == "171") && c.source &&
        std::any_of(r.cands.begin(), r.cands.end(), [&](const Candidate& o) {
          return &o != &c && !o.fused && !o.trigger->casualty && o.cameo.substr(0, 2) >= "18" &&
                 o.source && o.source->begin == c.source->begin && r.SameReport(o, c);
        }))
      continue;
    const WeaponSpan* ws = r.NearestWeapon(c);
    if (ws && c.cameo.substr(0, 2) >= "18") {
      c.weapon = ws->def;
      c.weapon_count = r.WeaponCount(*ws);
      if (In(c.cameo, {"180", "183", "190"}) || (c.cameo == "1833" && ws->def->cameo != "183"))
        c.cameo = ws->def->cameo;
      // "A military aircraft dropped bombs on a clinic": bombs from the air are an air strike.
      if (c.cameo.substr(0, 3) == "183") {
        static const WordSet kAircraft = {"aircraft",    "warplane", "warplanes", "jet",
                                          "jets",        "plane",    "planes",    "helicopter",
                                          "helicopters", "gunship",  "gunships"};
        for (size_t k = r.ClauseStart(c.begin); k < c.begin; ++k)
          if (kAircraft.Has(r.K(k))) c.cameo = "195";
      }
      if (ws->plural && !c.weapon_count)
        c.summary = c.summary || true;
      else if (!ws->plural)
        c.summary = false;
    }
    if (c.summary && c.weapon_count) c.summary = false;
    if (c.trigger->kind == TriggerKind::kVerb && !ws) c.summary = false;
    if (c.trigger->kind == TriggerKind::kVerb && c.cameo.substr(0, 2) < "14" && !c.source) continue;
    if (r.ThingDidIt(c)) continue;
    // "Police fired tear gas to disperse the crowd": one act told by two phrasings.
    auto same = std::find_if(out.events.begin(), out.events.end(), [&](const Candidate& o) {
      return o.cameo == c.cameo && c.trigger->kind == TriggerKind::kVerb &&
             o.trigger->kind == TriggerKind::kVerb && !c.casualty_only && !o.casualty_only &&
             (!c.source || (o.source && o.source->begin == c.source->begin));
    });
    if (same != out.events.end()) {
      if (!same->target) same->target = c.target;
      if (!same->fatalities) same->fatalities = c.fatalities;
      if (!same->injuries) same->injuries = c.injuries;
      continue;
    }
    out.events.push_back(c);
  }
  // A coordinated subject: the event once for each of its actors, in the order they are named.
  // Two sides meeting, talking, signing or agreeing a truce with no one else named did it with
  // each other: "Israel and Hamas agreed to a ceasefire" is Israel to Hamas and Hamas to Israel.
  // Only what two sides can only do together is mutual: "the United States and Britain praised
  // the deal" is neither praising the other. (The conjuncts of one side were already merged by
  // SetSubject, so the two are never the same side here.)
  auto reciprocal = [](const std::string& cameo) {
    return In(cameo, {"040", "041", "044", "046", "057", "062", "064", "0871"});
  };
  for (size_t i = 0; i < out.events.size(); ++i) {
    Candidate& c = out.events[i];
    std::vector<Candidate> copies;
    // "M23 rebels and Congolese troops fought heavy battles": two sides fighting each other are
    // one clash, the first named its source.
    if (c.source && c.co_sources.size() == 1 && c.co_targets.empty() && MutualFight(r, c) &&
        (!c.target || c.target->generic || !ArmedSector(c.target->actor.sector.substr(0, 3)))) {
      c.target = c.co_sources.front();
      c.co_sources.clear();
    }
    // "Ukraine and Russia exchanged 95 prisoners each": each released the other's.
    bool exchanged = c.trigger->kind == TriggerKind::kVerb &&
                     In(r.K(c.begin), {"exchange", "exchanged", "exchanges", "exchanging", "swap",
                                       "swapped", "swaps", "swapping"});
    if (c.source && !c.target && c.co_sources.size() == 1 && c.co_targets.empty() &&
        (reciprocal(c.cameo) || exchanged)) {
      copies.push_back(c);
      copies.back().source = c.co_sources.front();
      copies.back().target = c.source;
      c.target = c.co_sources.front();
      c.co_sources.clear();
    }
    for (const ActorSpan& a : c.co_sources) {
      copies.push_back(c);
      copies.back().source = a;
    }
    for (const ActorSpan& a : c.co_targets) {
      copies.push_back(c);
      copies.back().target = a;
    }
    c.co_sources.clear();
    c.co_targets.clear();
    for (Candidate& copy : copies) copy.co_sources.clear(), copy.co_targets.clear();
    out.events.insert(out.events.begin() + static_cast<long>(i) + 1, copies.begin(), copies.end());
    i += copies.size();
  }
  out.actors = r.actors;  // a copy: the Reader's buffer goes back for the next sentence
  for (size_t k = 0; k < r.w.size(); ++k) {
    if (!r.speaker[k]) continue;
    if (k > 0 && r.speaker[k - 1])
      out.speakers.back().second = r.w[k].end;
    else
      out.speakers.push_back({r.w[k].start, r.w[k].end});
  }
  out.attributed_to = r.Attribution();
  out.hosted = r.Hosted();
  if (!out.attributed_to) out.attributed_to = r.speaker_text;
  return out;
}

}  // namespace sitrep::coding
