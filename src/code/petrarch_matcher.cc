#include "code/petrarch_matcher.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_set>

namespace sitrep::petrarch {
namespace {

// ---------------------------------------------------------------------------------------------
// Tokens

bool IsPunct(char c) {
  return c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '(' || c == ')' ||
         c == '[' || c == ']' || c == '"' || c == '`' || c == '{' || c == '}';
}

std::string UpperAscii(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    // Curly apostrophes (U+2019) count as "'" so "Gondor’s" splits like "Gondor's".
    if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2 &&
        static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(s[i + 2]) == 0x99 ||
         static_cast<unsigned char>(s[i + 2]) == 0x98)) {
      out += '\'';
      i += 2;
      continue;
    }
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(s[i])));
  }
  return out;
}

void PushWord(std::vector<Word>& out, std::string_view sentence, size_t start, size_t end) {
  if (start >= end) return;
  std::string text = UpperAscii(sentence.substr(start, end - start));
  // Each piece costs one Word; offsets of pieces within a word are kept approximately.
  auto emit = [&](std::string t, size_t s, size_t e) {
    if (!t.empty())
      out.push_back(Word{std::move(t), static_cast<uint32_t>(s), static_cast<uint32_t>(e)});
  };
  // "_" joins words in the dictionaries; in text it separates them.
  size_t us = text.find('_');
  if (us != std::string::npos) {
    PushWord(out, sentence, start, start + us);
    PushWord(out, sentence, start + us + 1, end);
    return;
  }
  size_t n = text.size();
  if (n > 3 && text.compare(n - 3, 3, "N'T") == 0) {
    emit(text.substr(0, n - 3), start, end - 3);
    emit("N'T", end - 3, end);
    return;
  }
  if (n > 2 && text.compare(n - 2, 2, "'S") == 0) {
    emit(text.substr(0, n - 2), start, end - 2);
    emit("'S", end - 2, end);
    return;
  }
  if (n > 1 && text.back() == '\'') {
    emit(text.substr(0, n - 1), start, end - 1);
    emit("'", end - 1, end);
    return;
  }
  emit(text, start, end);
}

}  // namespace

std::vector<Word> TokenizeSentence(std::string_view s) {
  std::vector<Word> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    size_t start = i;
    while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    size_t end = i;
    // Leading punctuation and quotes.
    while (start < end && (IsPunct(s[start]) || s[start] == '\'')) {
      if (s[start] != '\'' && s[start] != '"' && s[start] != '`')
        out.push_back(Word{std::string(1, s[start]), static_cast<uint32_t>(start),
                           static_cast<uint32_t>(start + 1)});
      ++start;
    }
    // Trailing punctuation; a final '.' stays on abbreviations such as "U.S.".
    std::vector<Word> tail;
    while (start < end) {
      char c = s[end - 1];
      if (IsPunct(c)) {
        if (c != '"' && c != '`')
          tail.push_back(
              Word{std::string(1, c), static_cast<uint32_t>(end - 1), static_cast<uint32_t>(end)});
        --end;
      } else if (c == '.') {
        std::string_view body = s.substr(start, end - 1 - start);
        bool abbreviation = body.find('.') != std::string_view::npos ||
                            (body.size() == 1 && std::isupper(static_cast<unsigned char>(body[0])));
        if (abbreviation) break;
        tail.push_back(Word{".", static_cast<uint32_t>(end - 1), static_cast<uint32_t>(end)});
        --end;
      } else if (c == '\'' && end - start > 1 && s[end - 2] == '\'') {
        end -= 2;  // '' closing quote
      } else {
        break;
      }
    }
    PushWord(out, s, start, end);
    out.insert(out.end(), tail.rbegin(), tail.rend());
  }
  return out;
}

std::string ComposeCode(const std::string& actor, const std::vector<Agent>& agents) {
  std::string code = actor.empty() ? "---" : actor;
  auto contains = [](const std::string& whole, const std::string& part) {
    if (whole.size() % 3 != 0 || part.size() % 3 != 0) return whole.find(part) != std::string::npos;
    for (size_t i = 0; i + part.size() <= whole.size(); i += 3)
      if (whole.compare(i, part.size(), part) == 0) return true;
    return false;
  };
  for (const Agent& a : agents) {
    if (contains(code, a.code)) continue;
    code = a.prefix ? a.code + code : code + a.code;
  }
  return code;
}

namespace {

// ---------------------------------------------------------------------------------------------
// Noun phrases

const std::unordered_set<std::string>& Auxiliaries() {
  static const auto* s = new std::unordered_set<std::string>{
      "HAS",  "HAVE",  "HAD",  "IS",    "ARE",    "WAS", "WERE", "BE",
      "BEEN", "BEING", "WILL", "WOULD", "SHOULD", "DO",  "DOES", "DID",
      "CAN",  "COULD", "MAY",  "MIGHT", "MUST",   "WO",  "CA",   "SHALL"};
  return *s;
}

bool IsAux(const std::string& w) {
  return Auxiliaries().count(w) > 0;
}

bool IsConjunction(const std::string& w) {
  return w == "," || w == "AND" || w == "OR" || w == "NOR";
}

bool IsFunctionWord(const std::string& w) {
  static const auto* s = new std::unordered_set<std::string>{
      "THE",   "A",     "AN",   "OF",    "IN",  "FROM",    "BY",      "WITH",    "TO",   "FOR",
      "ON",    "AT",    "AND",  "OR",    "NOR", "NEITHER", "BETWEEN", "AGAINST", "INTO", "NEAR",
      "ABOUT", "OVER",  "THAT", "WHICH", "WHO", "NOT",     "N'T",     "'S",      "'",    "IT",
      "ITS",   "THEIR", "HIS",  "HER",   "HE",  "SHE",     "THEY"};
  return s->count(w) > 0 || IsAux(w);
}

bool IsPlainWord(const std::string& w) {
  return !w.empty() && std::isalpha(static_cast<unsigned char>(w[0])) && !IsFunctionWord(w);
}

struct Unit {
  size_t start = 0, end = 0;
  bool actor = false;
  std::string actor_code;  // may hold several codes joined by '/'
  Agent agent;
};

struct NounPhrase {
  size_t start = 0, end = 0;
  std::string actor_code;  // "" when only agents
  std::vector<Agent> agents;
  bool via_of = false;  // "ministers of X": agents attached to a following actor
};

struct Group {
  size_t start = 0, end = 0;
  std::vector<NounPhrase> members;
  std::vector<CodedActor> actors;  // expanded codes
};

class SentenceCoder {
 public:
  SentenceCoder(const Dictionaries& d, const std::vector<Word>& words, int32_t date)
      : d_(d), date_(date) {
    for (const Word& w : words) w_.push_back(w.text);
    in_unit_.assign(w_.size(), false);
  }

  std::vector<CodedEvent> Run() {
    if (Discarded()) return {};
    FindUnits();
    BuildGroups();
    FindVerbs();
    std::vector<CodedEvent> events;
    std::optional<size_t> last_source;
    for (size_t v = 0; v < verbs_.size(); ++v) CodeVerb(v, last_source, events);
    return Dedupe(std::move(events));
  }

 private:
  // --- discards, units, groups --------------------------------------------------------------

  bool Discarded() const {
    for (size_t i = 0; i < w_.size(); ++i)
      if (d_.discards.LongestAt(w_, i)) return true;
    return false;
  }

  void FindUnits() {
    for (size_t i = 0; i < w_.size();) {
      const Phrase* actor = d_.actor_phrases.LongestAt(w_, i);
      const Phrase* agent = d_.agent_phrases.LongestAt(w_, i);
      std::string code = actor ? d_.actors[actor->index].CodeOn(date_) : "";
      if (code.empty()) actor = nullptr;
      if (actor && (!agent || actor->words.size() >= agent->words.size())) {
        units_.push_back(Unit{i, i + actor->words.size(), true, code, {}});
      } else if (agent) {
        units_.push_back(Unit{i, i + agent->words.size(), false, "", d_.agents[agent->index]});
      } else {
        ++i;
        continue;
      }
      for (size_t k = units_.back().start; k < units_.back().end; ++k) in_unit_[k] = true;
      i = units_.back().end;
    }
  }

  static void Absorb(NounPhrase& np, const Unit& u) {
    if (u.actor) {
      if (np.actor_code.empty()) np.actor_code = u.actor_code;
    } else {
      np.agents.push_back(u.agent);
    }
    np.end = u.end;
  }

  // May unit `u` extend the noun phrase ending at `np.end`?
  bool Extends(const NounPhrase& np, const Unit& u, bool& via_of) const {
    via_of = false;
    std::vector<std::string> gap(w_.begin() + np.end, w_.begin() + u.start);
    if (gap.empty()) return true;
    if (gap.size() == 1 && gap[0] == "'S") return true;
    if (gap[0] == "'S" && !u.actor && gap.size() <= 4) {  // "Ithilen's awful and evil minister"
      bool plain = std::all_of(gap.begin() + 1, gap.end(), [&](const std::string& w) {
        return (IsPlainWord(w) && !IsVerbWord(w)) || w == "AND";
      });
      if (plain) return true;
    }
    if (gap.size() == 1 && IsPlainWord(gap[0]) && !IsVerbWord(gap[0])) return true;
    if (np.actor_code.empty() && u.actor && gap.size() <= 2 &&
        (gap[0] == "OF" || gap[0] == "IN" || gap[0] == "FROM") &&
        (gap.size() == 1 || gap[1] == "THE")) {
      via_of = true;
      return true;
    }
    return false;
  }

  bool IsVerbWord(const std::string& w) const {
    std::vector<std::string> one{w};
    return d_.verbs.LongestAt(one, 0) != nullptr;
  }

  // Conjoined noun phrases: "A, B and the evil C", "Neither A nor B".
  bool Conjoins(const NounPhrase& a, const NounPhrase& b) const {
    if (b.start <= a.end) return false;
    bool conj = false;
    int plain = 0;
    for (size_t i = a.end; i < b.start; ++i) {
      const std::string& w = w_[i];
      if (IsConjunction(w))
        conj = true;
      else if (w == "THE" || w == "A" || w == "AN" || w == "'S" || w == "OF")
        continue;
      else if (IsPlainWord(w) && !IsVerbWord(w))
        ++plain;
      else
        return false;
    }
    return conj && plain <= 3 && b.start - a.end <= 6;
  }

  void BuildGroups() {
    std::vector<NounPhrase> nps;
    for (const Unit& u : units_) {
      bool via_of = false;
      if (!nps.empty() && Extends(nps.back(), u, via_of)) {
        nps.back().via_of = nps.back().via_of || via_of;
        Absorb(nps.back(), u);
        continue;
      }
      NounPhrase np;
      np.start = u.start;
      Absorb(np, u);
      nps.push_back(np);
    }
    for (NounPhrase& np : nps) {
      if (!groups_.empty() && Conjoins(groups_.back().members.back(), np)) {
        groups_.back().members.push_back(np);
        groups_.back().end = np.end;
        continue;
      }
      Group g;
      g.start = np.start;
      g.end = np.end;
      g.members.push_back(np);
      groups_.push_back(g);
    }
    for (Group& g : groups_) Expand(g);
  }

  static std::vector<std::string> SplitCodes(const std::string& code) {
    std::vector<std::string> out;
    size_t pos = 0;
    while (true) {
      size_t slash = code.find('/', pos);
      std::string part = code.substr(pos, slash == std::string::npos ? slash : slash - pos);
      if (!part.empty()) out.push_back(part);
      if (slash == std::string::npos) break;
      pos = slash + 1;
    }
    if (out.empty()) out.push_back("");
    return out;
  }

  void Add(Group& g, const NounPhrase& np, const std::string& actor,
           const std::vector<Agent>& agents) {
    for (const std::string& code : SplitCodes(actor))
      g.actors.push_back(CodedActor{ComposeCode(code, agents), static_cast<uint32_t>(np.start),
                                    static_cast<uint32_t>(np.end)});
  }

  void Expand(Group& g) {
    auto& m = g.members;
    // "Lawmakers and officials in Fornost and Gondor": every agent with every country.
    for (size_t k = 0; k < m.size(); ++k) {
      if (!m[k].via_of) continue;
      bool agents_before = std::all_of(m.begin(), m.begin() + k,
                                       [](const NounPhrase& p) { return p.actor_code.empty(); });
      bool actors_after = std::all_of(m.begin() + k + 1, m.end(),
                                      [](const NounPhrase& p) { return p.agents.empty(); });
      if (!agents_before || !actors_after || m.size() == 1) break;
      for (size_t a = k; a < m.size(); ++a)
        for (size_t r = 0; r <= k; ++r) Add(g, m[a], m[a].actor_code, m[r].agents);
      return;
    }
    for (size_t i = 0; i < m.size(); ++i) {
      if (m[i].actor_code.empty() && i > 0 && !m[0].actor_code.empty()) {
        // "Danish media and government": the government is Danish too.
        std::vector<Agent> agents(m[0].agents.begin(),
                                  m[0].agents.end() - (m[0].agents.empty() ? 0 : 1));
        agents.insert(agents.end(), m[i].agents.begin(), m[i].agents.end());
        Add(g, m[i], m[0].actor_code, agents);
      } else {
        Add(g, m[i], m[i].actor_code, m[i].agents);
      }
    }
  }

  // --- verbs ---------------------------------------------------------------------------------

  struct VerbHit {
    size_t start = 0, end = 0;
    std::vector<const VerbForm*> forms;
    bool stops = true;  // ends the search for a source or target across it
  };

  static bool IsNumberWord(const std::string& w) {
    static const auto* numbers = new std::unordered_set<std::string>{
        "ONE", "TWO",    "THREE",    "FOUR",      "FIVE",    "SIX",  "SEVEN", "EIGHT", "NINE",
        "TEN", "DOZENS", "HUNDREDS", "THOUSANDS", "SEVERAL", "MANY", "SOME",  "ALL",   "MILLION"};
    return std::isdigit(static_cast<unsigned char>(w[0])) || numbers->count(w) > 0;
  }

  static bool PastForm(const std::string& w) {
    static const auto* irregular = new std::unordered_set<std::string>{
        "SAID", "LEFT", "MET",  "HELD", "BROKE", "BROKEN", "FOUGHT", "WON",   "SOUGHT", "LENT",
        "PAID", "MADE", "SHOT", "SANK", "FOUND", "BEGAN",  "BEGUN",  "DRAWN", "RISEN"};
    return (w.size() > 3 && w.compare(w.size() - 2, 2, "ED") == 0) || irregular->count(w) > 0;
  }

  // "very close", "economic trade": degree words and adjective endings precede nouns.
  static bool IsAdjective(const std::string& w) {
    if (w == "VERY" || w == "TOO" || w == "MORE" || w == "MOST") return true;
    static constexpr std::string_view kEndings[] = {"IC", "AL", "ARY", "OUS", "IVE", "FUL"};
    if (w.size() < 5) return false;
    for (std::string_view e : kEndings)
      if (w.compare(w.size() - e.size(), e.size(), e) == 0) return true;
    return false;
  }

  // A verb form right after a determiner, a possessive or a number is taken for a noun
  // ("an attack", "a brief private visit", "two artillery shells").
  bool LooksLikeNoun(size_t start) const {
    static const auto* determiners = new std::unordered_set<std::string>{
        "A", "AN", "THE", "ITS", "THEIR", "HIS", "HER", "OUR", "OF", "THIS", "THESE"};
    // A past form after "the Nasgul" is the Nasgul's verb, not a noun.
    bool past = PastForm(w_[start]);
    if (start > 0 && !in_unit_[start - 1] && IsAdjective(w_[start - 1])) return true;
    for (size_t k = 1; k <= 4 && k <= start; ++k) {
      const std::string& w = w_[start - k];
      if (k >= 2 && past) return false;
      if (determiners->count(w) || (w == "'S" && k == 1) || IsNumberWord(w)) return true;
      // "an anti- Gondor parade": an actor after a prefix is a modifier.
      bool modifier = in_unit_[start - k] && start - k > 0 && w_[start - k - 1].back() == '-';
      if (modifier) continue;
      if (in_unit_[start - k] || IsAux(w) || w == "TO" || w == "NOT" || w == "N'T" || w == "'S" ||
          !std::isalnum(static_cast<unsigned char>(w[0])) || IsVerbWord(w))
        return false;
    }
    return false;
  }

  // Does this verb end a clause for the search of sources and targets? Auxiliaries,
  // infinitives ("to stop") and participles without an auxiliary ("roads leading into") do not.
  bool Stops(size_t start, size_t len) const {
    if (len == 1 && IsAux(w_[start])) return false;
    if (start > 0 && w_[start - 1] == "TO") return false;
    const std::string& w = w_[start];
    if (w.size() > 4 && w.compare(w.size() - 3, 3, "ING") == 0) {
      for (size_t k = 1; k <= 2 && k <= start; ++k)
        if (IsAux(w_[start - k])) return true;
      return false;
    }
    return true;
  }

  void FindVerbs() {
    for (size_t i = 0; i < w_.size(); ++i) {
      if (in_unit_[i]) continue;
      std::vector<const Phrase*> all = d_.verbs.AllAt(w_, i);
      if (all.empty()) continue;
      size_t len = all.front()->words.size();
      bool clash = false;
      for (size_t k = i; k < i + len; ++k) clash = clash || in_unit_[k];
      if (clash || LooksLikeNoun(i)) continue;
      VerbHit hit;
      hit.start = i;
      hit.end = i + len;
      std::set<uint32_t> blocks;
      for (const Phrase* p : all)
        if (p->words.size() == len && blocks.insert(d_.verb_forms[p->index].block).second)
          hit.forms.push_back(&d_.verb_forms[p->index]);
      hit.stops = Stops(i, len);
      verbs_.push_back(hit);
      i = hit.end - 1;
    }
  }

  // --- pattern matching ----------------------------------------------------------------------

  struct Match {
    const Pattern* pattern = nullptr;
    std::optional<size_t> source, target, compound;
    bool compound_before = false;
    std::vector<size_t> used;  // word positions the pattern's words took
    size_t left = 0;           // where the matched span begins (before the verb)
  };

  std::optional<size_t> GroupStartingAt(size_t pos) const {
    for (size_t g = 0; g < groups_.size(); ++g)
      if (groups_[g].start == pos) return g;
    return std::nullopt;
  }
  std::optional<size_t> GroupEndingAt(size_t pos) const {
    for (size_t g = 0; g < groups_.size(); ++g)
      if (groups_[g].end == pos) return g;
    return std::nullopt;
  }

  // Ends of the matches of a synset member sequence starting at `pos`.
  void MatchSequence(const std::vector<PatternElement>& seq, size_t i, size_t pos,
                     std::vector<size_t>& ends, int depth) const {
    if (i == seq.size()) {
      ends.push_back(pos);
      return;
    }
    const PatternElement& e = seq[i];
    if (e.kind == PatternElement::kSynset) {
      std::vector<size_t> mids;
      MatchSynset(e.synset, pos, mids, depth + 1);
      for (size_t m : mids) MatchSequence(seq, i + 1, m, ends, depth);
    } else if (pos < w_.size() && w_[pos] == e.word) {
      MatchSequence(seq, i + 1, pos + 1, ends, depth);
    }
  }

  void MatchSynset(uint32_t synset, size_t pos, std::vector<size_t>& ends, int depth) const {
    if (depth > 8 || synset >= d_.synsets.size()) return;
    for (const auto& member : d_.synsets[synset].members)
      MatchSequence(member, 0, pos, ends, depth);
  }

  bool MatchBefore(const Pattern& p, const VerbHit& v, Match& m) const {
    size_t pos = v.start;  // everything matched lies before `pos`
    for (size_t i = p.before.size(); i-- > 0;) {
      const PatternElement& e = p.before[i];
      switch (e.kind) {
        case PatternElement::kWord: {
          bool found = false;
          for (size_t q = pos; q-- > 0;) {
            if (w_[q] == e.word) {
              pos = q;
              m.used.push_back(q);
              found = true;
              break;
            }
            if (e.joined) break;
          }
          if (!found) return false;
          break;
        }
        case PatternElement::kSynset: {
          bool found = false;
          for (size_t q = pos; q-- > 0 && !found;) {
            std::vector<size_t> ends;
            MatchSynset(e.synset, q, ends, 0);
            for (size_t end : ends)
              if (end == pos || (!e.joined && end <= pos)) {
                for (size_t k = q; k < end; ++k) m.used.push_back(k);
                pos = q;
                found = true;
                break;
              }
            if (e.joined && !found && q + 4 < pos) break;
          }
          if (!found) return false;
          break;
        }
        case PatternElement::kSkip: {
          if (pos == 0) return false;
          auto g = GroupEndingAt(pos);
          pos = g ? groups_[*g].start : pos - 1;
          break;
        }
        default: {  // $, +, %: the nearest noun phrase before
          std::optional<size_t> found;
          for (size_t g = groups_.size(); g-- > 0;)
            if (groups_[g].end <= pos) {
              found = g;
              break;
            }
          if (!found) return false;
          if (e.kind == PatternElement::kCompound && groups_[*found].actors.size() < 2)
            return false;
          if (e.kind == PatternElement::kSource) m.source = found;
          if (e.kind == PatternElement::kTarget) m.target = found;
          if (e.kind == PatternElement::kCompound) m.compound = found, m.compound_before = true;
          pos = groups_[*found].start;
        }
      }
    }
    m.left = pos;
    return true;
  }

  bool MatchAfter(const Pattern& p, const VerbHit& v, Match& m) const {
    size_t pos = v.end;
    for (const PatternElement& e : p.after) {
      switch (e.kind) {
        case PatternElement::kWord: {
          bool found = false;
          for (size_t q = pos; q < w_.size(); ++q) {
            if (w_[q] == e.word) {
              pos = q + 1;
              m.used.push_back(q);
              found = true;
              break;
            }
            if (e.joined) break;
          }
          if (!found) return false;
          break;
        }
        case PatternElement::kSynset: {
          bool found = false;
          for (size_t q = pos; q < w_.size() && !found; ++q) {
            std::vector<size_t> ends;
            MatchSynset(e.synset, q, ends, 0);
            if (!ends.empty()) {
              size_t end = *std::max_element(ends.begin(), ends.end());
              for (size_t k = q; k < end; ++k) m.used.push_back(k);
              pos = end;
              found = true;
            }
            if (e.joined) break;
          }
          if (!found) return false;
          break;
        }
        case PatternElement::kSkip: {
          if (pos >= w_.size()) return false;
          auto g = GroupStartingAt(pos);
          if (!g && (w_[pos] == "THE" || w_[pos] == "A" || w_[pos] == "AN"))
            g = GroupStartingAt(pos + 1);
          pos = g ? groups_[*g].end : pos + 1;
          break;
        }
        default: {
          std::optional<size_t> found;
          for (size_t g = 0; g < groups_.size(); ++g)
            if (groups_[g].start >= pos) {
              found = g;
              break;
            }
          if (!found) return false;
          if (e.kind == PatternElement::kCompound && groups_[*found].actors.size() < 2)
            return false;
          if (e.kind == PatternElement::kSource) m.source = found;
          if (e.kind == PatternElement::kTarget || e.kind == PatternElement::kCompound)
            m.target = found;
          pos = groups_[*found].end;
        }
      }
    }
    return true;
  }

  std::optional<Match> BestPattern(const VerbHit& v) const {
    std::optional<Match> best;
    for (const VerbForm* form : v.forms)
      for (const Pattern& p : d_.blocks[form->block].patterns) {
        if (best && best->pattern->Specificity() >= p.Specificity()) continue;
        Match m;
        m.pattern = &p;
        if (MatchBefore(p, v, m) && MatchAfter(p, v, m)) best = std::move(m);
      }
    return best;
  }

  // --- sources and targets -------------------------------------------------------------------

  // A clause-ending verb within [from, to), other than this verb, the verbs the pattern's
  // words took, and those inside the span the pattern matched before the verb.
  bool VerbBetween(size_t from, size_t to, size_t self, const Match& m) const {
    const std::vector<size_t>& used = m.used;
    for (size_t k = 0; k < verbs_.size(); ++k) {
      if (k == self || !verbs_[k].stops) continue;
      if (verbs_[k].start >= m.left && verbs_[k].end <= verbs_[self].start) continue;
      if (verbs_[k].start >= from && verbs_[k].end <= to &&
          std::find(used.begin(), used.end(), verbs_[k].start) == used.end())
        return true;
    }
    return false;
  }

  bool AfterPreposition(const Group& g) const {
    static const auto* preps = new std::unordered_set<std::string>{
        "BETWEEN", "WITH", "AGAINST", "AT",      "TO", "FOR", "ON",
        "NEAR",    "INTO", "TOWARD",  "TOWARDS", "IN", "BY",  "FROM"};
    size_t k = g.start;
    if (k > 0 && (w_[k - 1] == "THE" || w_[k - 1] == "A")) --k;
    return k > 0 && preps->count(w_[k - 1]) > 0;
  }

  // The subject: the nearest noun phrase before `pos` in the same clause, preferring one that
  // is not the object of a preposition ("a row between Radagast …" is not the subject).
  std::optional<size_t> SourceBefore(size_t pos, size_t self, const Match& m) const {
    bool pattern_before = m.pattern && !m.pattern->before.empty();
    if (pos > 0 && IsPronoun(w_[pos - 1]) && !pattern_before) return std::nullopt;
    std::optional<size_t> prepositional;
    for (size_t g = groups_.size(); g-- > 0;) {
      if (groups_[g].end > pos) continue;
      if (VerbBetween(groups_[g].end, pos, self, m)) break;
      if (m.target == g) continue;
      if (AfterPreposition(groups_[g])) {
        size_t k = groups_[g].start;
        if (!prepositional && k > 0 && w_[k - 1] == "BETWEEN") prepositional = g;
        continue;
      }
      return g;
    }
    return prepositional;
  }

  static bool IsPronoun(const std::string& w) {
    return w == "HE" || w == "SHE" || w == "THEY" || w == "WE" || w == "I" || w == "IT" ||
           w == "YOU";
  }

  // The object: the first noun phrase after `pos`, unless a verb intervenes or the phrase is
  // itself the subject of a following verb ("…, a senior Bree official said").
  std::optional<size_t> TargetAfter(size_t pos, size_t self, const Match& m) const {
    for (size_t g = 0; g < groups_.size(); ++g) {
      if (groups_[g].start < pos) continue;
      if (VerbBetween(pos, groups_[g].start, self, m)) return std::nullopt;
      if (m.source == g) continue;
      if (SubjectOfNextVerb(groups_[g].end, self)) return std::nullopt;
      return g;
    }
    return std::nullopt;
  }

  bool SubjectOfNextVerb(size_t end, size_t self) const {
    for (size_t k = 0; k < verbs_.size(); ++k)
      if (k != self && verbs_[k].stops && verbs_[k].start == end) return true;
    return false;
  }

  // "Eriador was opposed (earlier) by Osgiliath": the phrase after "by" is the source.
  std::optional<size_t> PassiveAgent(const VerbHit& v) const {
    bool passive = false;
    for (size_t k = 1; k <= 3 && k <= v.start; ++k) {
      const std::string& w = w_[v.start - k];
      if (w == "WAS" || w == "WERE" || w == "IS" || w == "ARE" || w == "BEEN" || w == "BEING" ||
          w == "BE") {
        passive = true;
        break;
      }
      if (in_unit_[v.start - k] || !IsPlainWord(w)) {
        if (w != "AND") break;
      }
    }
    if (!passive) return std::nullopt;
    for (size_t k = v.end; k < v.end + 2 && k < w_.size(); ++k)
      if (w_[k] == "BY") {
        size_t at = k + 1 < w_.size() && w_[k + 1] == "THE" ? k + 2 : k + 1;
        return GroupStartingAt(at);
      }
    return std::nullopt;
  }

  // "did not clash", "have never met", "No soldiers were killed".
  bool Negated(const VerbHit& v) const {
    for (size_t k = 1; k <= 5 && k <= v.start; ++k) {
      const std::string& w = w_[v.start - k];
      if (w == "NOT" || w == "N'T" || w == "NEVER" || w == "NO" || w == "NEITHER") return true;
      if (w == "," || w == "." || w == ";" || (k > 1 && IsVerbWord(w) && !IsAux(w))) break;
    }
    return false;
  }

  std::string EventCode(const VerbHit& v, const Match* m) const {
    if (m && !m->pattern->code.empty()) return m->pattern->code;
    for (const VerbForm* f : v.forms)
      if (!f->code.empty()) return f->code;
    for (const VerbForm* f : v.forms) {
      const std::string& c = d_.blocks[f->block].code;
      if (c != "---") return c;
    }
    return "---";
  }

  void Emit(const Group& src, const Group& tgt, const std::string& code,
            std::vector<CodedEvent>& out) const {
    size_t colon = code.find(':');
    std::string forward = code.substr(0, colon);
    std::string reverse = colon == std::string::npos ? "" : code.substr(colon + 1);
    for (const CodedActor& s : src.actors)
      for (const CodedActor& t : tgt.actors) {
        if (s.code == t.code) continue;
        if (!forward.empty() && forward != "---") out.push_back(CodedEvent{s, t, forward});
        if (!reverse.empty() && reverse != "---") out.push_back(CodedEvent{t, s, reverse});
      }
  }

  void CodeVerb(size_t self, std::optional<size_t>& last_source, std::vector<CodedEvent>& out) {
    const VerbHit& v = verbs_[self];
    std::optional<Match> best = BestPattern(v);
    Match m = best ? *best : Match{};
    if (!best) m.left = v.start;
    std::string code = EventCode(v, best ? &*best : nullptr);
    // A negated verb is no event unless a pattern before the verb says what it is
    // ("&NEGATVAUXVRB * OVER EFFORTS", "NOT * [112]").
    if (Negated(v) && !(best && !best->pattern->before.empty())) code = "---";

    if (m.compound && m.compound_before && !m.target && !m.source) {
      const Group& g = groups_[*m.compound];
      last_source = m.compound;
      if (code == "---") return;
      for (const CodedActor& a : g.actors) {
        Group one, others;
        one.actors = {a};
        for (const CodedActor& b : g.actors)
          if (b.code != a.code) others.actors.push_back(b);
        Emit(one, others, code.substr(0, code.find(':')), out);
      }
      return;
    }
    std::optional<size_t> source = m.source, target = m.target;
    if (!source && m.compound) source = m.compound;
    if (!source && !target) {
      if (auto agent = PassiveAgent(v)) {
        source = agent;
        target = SourceBefore(m.left, self, m);
      }
    }
    if (!source) {
      if (v.start > 0 && w_[v.start - 1] == "AND" && last_source)
        source = last_source;
      else
        source = SourceBefore(
            m.target && groups_[*m.target].end <= v.start ? groups_[*m.target].start : v.start,
            self, m);
    }
    if (source) last_source = source;
    if (!target) {
      Match probe = m;
      probe.source = source;
      target = TargetAfter(v.end, self, probe);
    }
    if (!source || !target || code == "---") return;
    Emit(groups_[*source], groups_[*target], code, out);
  }

  static std::vector<CodedEvent> Dedupe(std::vector<CodedEvent> events) {
    std::vector<CodedEvent> out;
    std::set<std::tuple<std::string, std::string, std::string>> seen;
    for (auto& e : events)
      if (seen.insert({e.source.code, e.target.code, e.code}).second) out.push_back(std::move(e));
    return out;
  }

  const Dictionaries& d_;
  int32_t date_;
  std::vector<std::string> w_;
  std::vector<bool> in_unit_;
  std::vector<Unit> units_;
  std::vector<Group> groups_;
  std::vector<VerbHit> verbs_;
};

}  // namespace

std::vector<CodedEvent> CodeSentence(const Dictionaries& dicts, const std::vector<Word>& words,
                                     int32_t date) {
  return SentenceCoder(dicts, words, date).Run();
}

}  // namespace sitrep::petrarch
