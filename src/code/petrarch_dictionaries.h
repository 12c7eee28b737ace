// TABARI/PETRARCH dictionaries: verb (with synonym sets and patterns), actor (with date-
// restricted codes), agent and discard files, loaded from their text format. The kind of a file
// is told by its content. Words are upper case; multi-word phrases are word vectors.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/result.h"

namespace sitrep::petrarch {

using Words = std::vector<std::string>;

// A code valid between two days (yyyymmdd, inclusive); unrestricted codes span everything.
struct DatedCode {
  std::string code;
  int32_t from = 0;
  int32_t to = 99999999;
  bool restricted = false;
};

struct ActorEntry {
  std::vector<DatedCode> codes;  // in file order; the first restricted match wins
  // The code on `date` (yyyymmdd, 0 = unknown): a matching restriction, else the unrestricted
  // code; "" when none applies or the code is the null code "---".
  std::string CodeOn(int32_t date) const;
};

struct Agent {
  std::string code;     // without the '~'
  bool prefix = false;  // "[NGO~]": the code goes before the actor's
};

// A phrase and what it stands for (an index into the owning table).
struct Phrase {
  Words words;
  uint32_t index = 0;
};

// Phrases keyed by their first word, longest first, for longest-match lookups.
class PhraseIndex {
 public:
  void Reserve(size_t n);
  void Add(Words words, uint32_t index);
  void Finish();  // sorts each bucket longest first
  // The longest phrase starting at tokens[pos], or nullptr.
  const Phrase* LongestAt(const std::vector<std::string>& tokens, size_t pos) const;
  // Every phrase starting at tokens[pos], longest first.
  std::vector<const Phrase*> AllAt(const std::vector<std::string>& tokens, size_t pos) const;
  size_t size() const { return count_; }

 private:
  std::unordered_map<std::string, std::vector<Phrase>> by_first_;
  size_t count_ = 0;
};

// One element of a verb pattern, e.g. "IN_*", "$", "&TIETYPES".
struct PatternElement {
  enum Kind : uint8_t { kWord, kSynset, kSource, kTarget, kSkip, kCompound };
  Kind kind = kWord;
  std::string word;     // kWord
  uint32_t synset = 0;  // kSynset
  bool joined = false;  // '_': adjacent to its neighbour on the verb's side
};

struct Pattern {
  std::vector<PatternElement> before;  // left to right, before the verb
  std::vector<PatternElement> after;   // left to right, after the verb
  std::string code;                    // "" when the pattern carries none
  int line = 0;
  size_t Specificity() const { return before.size() + after.size(); }
};

struct VerbBlock {
  std::string name;
  std::string code;  // the block's default code ("---" = none)
  std::vector<Pattern> patterns;
};

// One verb form ("BROKE", "WIRE TAPPED", "CORDONED OFF"); `head` is the inflected word.
struct VerbForm {
  Words words;
  uint32_t block = 0;
  std::string code;  // the form's own code, else ""
};

struct Synset {
  std::string name;
  std::vector<std::vector<PatternElement>> members;  // each an adjacent word/synset sequence
};

struct Dictionaries {
  std::vector<VerbBlock> blocks;
  std::vector<VerbForm> verb_forms;
  PhraseIndex verbs;  // index -> verb_forms
  std::vector<Synset> synsets;
  std::unordered_map<std::string, uint32_t> synset_by_name;

  std::vector<ActorEntry> actors;
  PhraseIndex actor_phrases;  // index -> actors
  std::vector<Agent> agents;
  PhraseIndex agent_phrases;  // index -> agents
  PhraseIndex discards;       // index unused
};

enum class FileKind { kVerbs, kActors, kAgents, kDiscards };
std::string_view FileKindName(FileKind kind);

// Tells the kind of a dictionary from its text.
FileKind DetectKind(std::string_view text);

// Parse one file's text into `dicts` (errors name `file` and the line).
Status LoadVerbs(std::string_view text, const std::string& file, Dictionaries& dicts);
Status LoadActors(std::string_view text, const std::string& file, Dictionaries& dicts);
Status LoadAgents(std::string_view text, const std::string& file, Dictionaries& dicts);
Status LoadDiscards(std::string_view text, const std::string& file, Dictionaries& dicts);
// Detects the kind and loads.
Status LoadDictionaryText(std::string_view text, const std::string& file, Dictionaries& dicts);

// Reads and loads each file; verbs are loaded before the rest so synsets resolve.
Result<Dictionaries> LoadDictionaryFiles(const std::vector<std::string>& files);

// Regular inflections of a verb (and the word itself): -S/-ES/-IES, -ED/-D/-IED, -ING.
std::vector<std::string> VerbInflections(const std::string& verb);
// Regular plurals of a noun (and the word itself).
std::vector<std::string> NounPlurals(const std::string& noun);

// "yymmdd" or "yyyymmdd" to yyyymmdd; -1 when malformed.
int32_t ParseDictionaryDate(std::string_view text);

}  // namespace sitrep::petrarch
