#include "geo/words.h"

#include <string>
#include <unordered_set>

#include "geo/fold.h"

namespace sitrep::geo {
namespace {

// Folded once, so that the lists read as plain English here.
std::unordered_set<std::string> FoldedSet(std::initializer_list<std::string_view> words) {
  std::unordered_set<std::string> out;
  for (auto w : words) out.insert(NameKey(w));
  return out;
}

}  // namespace

bool IsCommonWord(std::string_view key) {
  static const auto* words = new std::unordered_set<std::string>(FoldedSet({
      "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "as", "and",
      "or", "but", "if", "so", "no", "not", "nor", "yet", "be", "is", "are", "was", "were", "it",
      "its", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "my", "this",
      "that", "these", "those", "there", "here", "then", "when", "while", "where", "who",
      "what", "which", "why", "how", "after", "before", "since", "during", "until", "about",
      "also", "all", "any", "both", "each", "every", "other", "another", "such", "some", "many",
      "much", "more", "most", "few", "one", "two", "three", "four", "five", "six", "seven",
      "eight", "nine", "ten", "first", "second", "third", "last", "next", "new", "old", "now",
      "still", "even", "just", "only", "over", "under", "up", "down", "out", "off", "into",
      "through", "against", "among", "between", "without", "within", "via", "per", "than",
      "however", "meanwhile", "moreover", "thus", "hence", "therefore", "although", "though",
      "because", "despite", "according", "reportedly", "earlier", "later", "today", "yesterday",
      "tomorrow", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
      "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
      "september", "october", "november", "december", "spring", "summer", "autumn", "fall",
      "winter", "man", "men", "woman", "women", "police", "justice", "mobile", "split", "nice",
      "reading", "hope", "victory", "union", "liberty", "independence", "unity", "peace",
      "freedom", "progress", "mercy", "paradise", "eagle", "marine", "marines", "army", "navy",
      "force", "forces", "security", "defense", "defence", "president", "minister", "prime",
      "general", "colonel", "major", "captain", "sergeant", "king", "prince", "queen", "emir",
      "sheikh", "imam", "mr", "mrs", "ms", "dr", "sir", "lord", "saint", "christmas", "easter",
      "time", "times", "post", "news", "press", "herald", "tribune", "guardian", "telegraph",
      "photo", "image", "credit", "source", "sources", "report", "reports", "update", "video",
      "comment", "share", "home", "read", "more", "contact", "media", "page", "top", "link",
      "email", "member", "research", "center", "centre", "institute", "university", "college",
      "school", "hospital", "church", "mosque", "street", "road", "avenue", "square", "bridge",
      "park", "lake", "river", "mount", "valley", "island", "beach", "bay", "port", "city",
      "town", "village", "camp", "base", "state", "states", "republic", "kingdom", "people",
      "council", "party", "front", "movement", "resistance", "occupation", "axis", "sword",
      "pivot", "paper", "note", "disclaimer", "featured", "global", "world", "national",
      "international", "federal", "central", "royal", "grand", "great", "little", "big",
      "white", "black", "red", "green", "blue", "golden", "silver", "long", "good", "best",
      "free", "fair", "clear", "early", "late", "young", "rich", "hall", "court", "house",
      "office", "mission", "senate", "congress", "parliament", "cabinet", "ministry",
      "department", "agency", "command", "brigade", "division", "battalion", "regiment",
      "unit", "units", "corps", "guard", "guards", "popular", "mobilization", "mobilisation",
      "democratic", "islamic", "arab", "gulf", "north", "south", "east", "west", "northern",
      "southern", "eastern", "western", "central", "upper", "lower", "middle", "said", "says",
      "told", "added", "called", "asked", "made", "make", "take", "took", "come", "came", "go",
      "went", "see", "saw", "set", "put", "let", "got", "get", "give", "gave", "hit", "win",
      "won", "lost", "left", "right", "center", "half", "part", "end", "line", "point", "area",
      "zone", "field", "rock", "stone", "star", "sun", "moon", "sky", "sea", "ocean", "land",
      "hill", "hills", "rocks", "springs", "falls", "wells", "ridge", "heights", "oasis",
      "palm", "palms", "cedar", "oak", "pine", "rose", "lily", "iris", "jasmine", "amber",
      "crystal", "diamond", "ruby", "pearl", "coral", "eden", "zion", "bethel", "salem",
      "goshen", "canaan", "carmel", "sharon", "shiloh", "orange", "lime", "olive",
      "mango", "cherry", "apple", "banana", "coffee", "tea", "sugar", "salt", "gold", "iron",
      "steel", "copper", "tin", "lead", "coal", "oil", "gas", "energy", "power", "water",
      "fire", "wind", "storm", "thunder", "lightning", "snow", "ice", "rain", "cloud", "date",
      "day", "week", "month", "year", "hour", "minute", "moment", "deal", "truce", "war",
      "battle", "attack", "strike", "strikes", "protest", "crisis", "talks", "aid", "relief",
      "support", "supply", "convoy", "supplies", "truck", "trucks", "driver", "drivers",
      "pictures", "picture", "images", "translate", "website", "desktop", "version", "menu",
      "banner", "languages", "language", "articles", "article", "theme", "region", "regions",
      "copyright", "original", "follow", "visit", "forward", "crosspost", "contents", "sole",
      "responsibility", "statement", "situation", "intelligence"}));
  return words->count(std::string(key)) > 0;
}

bool IsPlaceTypeWord(std::string_view key) {
  static const auto* words = new std::unordered_set<std::string>(FoldedSet(
      {"province", "governorate", "governorates", "provinces", "city", "town", "village",
       "district", "region", "state", "county", "area", "neighbourhood", "neighborhood",
       "suburb", "outskirts", "border", "crossing", "camp", "base", "airport", "airbase"}));
  return words->count(std::string(key)) > 0;
}

bool IsLocativeWord(std::string_view key) {
  static const auto* words = new std::unordered_set<std::string>(FoldedSet(
      {"in", "at", "near", "outside", "inside", "into", "across", "around", "toward", "towards",
       "on", "from", "over", "off", "nearby", "hit", "struck", "targeted", "targeting", "attacked",
       "bombed", "shelled", "stormed", "besieged", "raided", "entered", "reached", "captured",
       "seized", "within", "throughout", "along", "between", "close", "beyond", "to"}));
  return words->count(std::string(key)) > 0;
}

bool IsDirectionWord(std::string_view key) {
  static const auto* words = new std::unordered_set<std::string>(FoldedSet(
      {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
       "north-east", "north-west", "south-east", "south-west", "northeastern", "northwestern"}));
  return words->count(std::string(key)) > 0;
}

bool IsActorNoun(std::string_view key) {
  static const auto* words = new std::unordered_set<std::string>(FoldedSet(
      {"forces", "force", "troops", "soldiers", "soldier", "military", "army", "navy", "marines",
       "officials", "official", "government", "president", "embassy", "consulate", "jets",
       "drones", "airstrikes", "strikes", "strike", "administration", "envoy", "ambassador",
       "diplomats", "diplomat", "citizens", "citizen", "contractor", "contractors", "personnel",
       "service", "special", "security", "defense", "defence", "intelligence", "coalition",
       "occupation", "withdrawal", "interests", "interest", "establishment", "resources",
       "institutes", "policy", "foreign", "state", "department", "treasury", "sanctions",
       "warplanes", "fighter", "aircraft", "helicopters", "commander", "commanders", "general",
       "prime", "minister", "leader", "leaders", "authorities", "police", "media", "army's",
       "side", "delegation", "delegations", "team", "mediators", "backed", "led", "allied",
       "based", "aligned", "sponsored", "funded", "brokered", "controlled", "held", "made",
       "supported", "friendly", "linked", "affiliated", "owned", "operated", "trained",
       "armed", "navy's", "people", "national", "nationals", "counterpart", "counterparts",
       "economy", "nuclear", "ballistic", "missile", "missiles", "rockets", "proxies", "proxy",
       "militia", "militias", "allies", "ally", "partners", "forces'", "senate", "congress",
       "lawmakers", "cabinet", "ministry", "parliament", "spokesman", "spokeswoman"}));
  return words->count(std::string(key)) > 0;
}

}  // namespace sitrep::geo
