// sitrep's own coding dictionaries (data/actors.txt, agents.txt, verbs.txt, weapons.txt,
// cameo.txt; format in docs/dictionaries.md) loaded once into phrase tries keyed by normalized
// tokens, and the word tokenizer the coder matches them with.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/date.h"
#include "base/result.h"

namespace sitrep::coding {

// One word or punctuation mark of a sentence, with the key dictionaries are matched on.
struct Word {
  uint32_t start = 0;  // byte offsets into the article body
  uint32_t end = 0;
  std::string key;         // lower-case, dots of acronyms removed ("U.S." -> "us")
  uint64_t hash = 0;       // hash of key
  uint64_t caps_hash = 0;  // hash of "^" + key when the word is written in capitals, else 0
  bool punct = false;
  bool capitalized = false;
  bool number = false;
};

// Splits `text` (which starts at body offset `base`) into words: hyphens, apostrophe-s and
// punctuation are words of their own; "U.S." and "23:00" stay whole.
std::vector<Word> Tokenize(std::string_view text, uint32_t base);
// The same into `words`, which is cleared first (its buffer is reused).
void Tokenize(std::string_view text, uint32_t base, std::vector<Word>& words);
uint64_t KeyHash(std::string_view key);

// How a verb phrasing's first inflected word was written: passives need the participle.
enum class Form : uint8_t { kBase, kS, kPast, kParticiple, kPastOrParticiple, kIng, kNoun };

// Phrases (token sequences, with "*" gaps of up to six words) mapped to payload ids.
class PhraseTrie {
 public:
  void Add(const std::vector<std::string>& keys, uint32_t payload);
  struct Match {
    uint32_t length = 0;                 // words consumed
    std::span<const uint32_t> payloads;  // owned by the trie
  };
  // Longest phrase starting at words[i]; length 0 when none. Inline up to the first-word
  // filter, which turns away most words: the walk is a call only for the others.
  Match Longest(const std::vector<Word>& words, size_t i) const {
    if (i >= words.size()) return {};
    const Word& w = words[i];
    if (!MayStart(w.hash) && !(w.caps_hash && MayStart(w.caps_hash))) return {};
    return LongestFrom(words, i);
  }
  bool empty() const { return nodes_.size() <= 1; }

 private:
  struct Node {
    std::vector<uint32_t> payloads;
    bool has_gap = false;
  };
  struct Best {
    uint32_t length = 0;
    uint32_t gapped = 0;  // of `length`, the words a "*" gap passed over
    uint32_t node = 0;
  };
  static uint64_t EdgeKey(uint32_t node, uint64_t hash) {
    return hash ^ (uint64_t{node} * 0x9E3779B97F4A7C15ULL + 0x632BE59BD9B4E019ULL);
  }
  static size_t EdgeSlot(uint64_t key, size_t mask) {
    return static_cast<size_t>((key ^ (key >> 31)) * 0xBF58476D1CE4E5B9ULL >> 32) & mask;
  }
  uint32_t Child(uint32_t node, uint64_t hash) const {
    const uint64_t key = EdgeKey(node, hash);
    const size_t mask = edges_.size() - 1;
    for (size_t s = EdgeSlot(key, mask);; s = (s + 1) & mask) {
      const Edge& e = edges_[s];
      if (e.child == 0) return 0;
      if (e.key == key) return e.child;
    }
  }
  uint32_t& EdgeFor(uint64_t key);
  // One bit a first-word hash (65,536 bits, 8 KB): most words start no phrase, and this says
  // so without probing the edge table, which is too large to stay in cache.
  static size_t FirstBit(uint64_t hash) { return static_cast<size_t>(hash >> 48); }
  bool MayStart(uint64_t hash) const {
    size_t b = FirstBit(hash);
    return (first_words_[b >> 6] >> (b & 63)) & 1;
  }
  std::vector<uint64_t> first_words_ =
      std::vector<uint64_t>(65536 / 64);  // inserts an empty edge (child 0) when missing
  void Walk(const std::vector<Word>& words, size_t i, uint32_t node, uint32_t used, uint32_t gapped,
            Best& best) const;
  Match LongestFrom(const std::vector<Word>& words, size_t i) const;
  std::vector<Node> nodes_{Node{}};
  // Edges (parent node, word hash) -> child node in one open-addressing table: the matcher
  // probes it for every word of every sentence. child 0 (the root) marks an empty slot.
  struct Edge {
    uint64_t key = 0;
    uint32_t child = 0;
  };
  std::vector<Edge> edges_ = std::vector<Edge>(16);
  size_t edge_count_ = 0;
};

struct ActorDef {
  std::string code;
  bool adjective = false;  // "~Iraqi": only with an agent word
  bool capital = false;    // a capital city standing for its government
  std::optional<Date> from, to;
};

struct AgentDef {
  std::string sector;  // "" for person-only entries
  bool person = false;
};

struct WeaponDef {
  std::string kind;
  std::string cameo;
  std::string acled_type, acled_subtype;
};

struct CameoDef {
  double goldstein = 0;
  std::string acled_type, acled_subtype;  // empty when ACLED does not cover the code
};

// kNotEvent: a phrasing that contains an event word but names none ("heart attack"); being
// longer, it wins over the word and codes nothing.
enum class TriggerKind : uint8_t { kVerb, kNoun, kLight, kReceiving, kNotEvent };

struct TriggerDef {
  std::string cameo;
  TriggerKind kind = TriggerKind::kVerb;
  bool needs_force = false;
  bool subject_is_target = false;
  bool casualty = false;
  bool injury = false;       // a casualty trigger that wounds rather than kills
  bool never_alone = false;  // casualties of an attack told beside it, never an event itself
  std::string acled_type, acled_subtype;  // override of the code's mapping
};

// A payload of a phrase: which definition, and for verbs the form of the inflected word.
struct Sense {
  uint32_t def = 0;
  Form form = Form::kBase;
  bool plural = false;  // a noun phrasing matched in its plural
};

struct Lexicon {
  PhraseTrie actors, agents, weapons, triggers;
  std::vector<std::vector<ActorDef>> actor_defs;  // per actor payload: alternatives by period
  std::vector<AgentDef> agent_defs;
  std::vector<Sense> agent_senses, weapon_senses, trigger_senses;
  std::vector<WeaponDef> weapon_defs;
  std::vector<TriggerDef> trigger_defs;
  std::unordered_map<std::string, CameoDef> cameo;
  std::unordered_map<std::string, bool> country_codes;  // ISO alpha-3 codes of [countries]

  const CameoDef* Cameo(const std::string& code) const;
};

// Loads the dictionaries from `dir`; an unreadable file or a malformed line is an error naming
// the file and line.
Result<Lexicon> LoadLexicon(const std::string& dir);

}  // namespace sitrep::coding
