#include "code/coder_lexicon.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "base/hash.h"
#include "base/phrase_set.h"

namespace sitrep::coding {
namespace {

// std::isalnum in the "C" locale sitrep runs in, without the library call.
bool IsAsciiAlnum(unsigned char c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}
bool IsUpper(unsigned char c) {
  return c >= 'A' && c <= 'Z';
}
bool IsLower(unsigned char c) {
  return c >= 'a' && c <= 'z';
}

// Bytes a UTF-8 punctuation mark takes at text[i] (curly quotes, dashes, ©), or 0 when the
// byte starts a letter.
size_t Utf8PunctLength(std::string_view text, size_t i) {
  unsigned char c = text[i];
  if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) return 3;
  if (c == 0xC2 && i + 1 < text.size()) return 2;  // ©, «, », non-breaking space
  return 0;
}

bool IsWordByte(std::string_view text, size_t i) {
  unsigned char c = text[i];
  if (IsAsciiAlnum(c)) return true;
  return c >= 0x80 && Utf8PunctLength(text, i) == 0;
}

bool IsApostropheAt(std::string_view text, size_t i, size_t* len) {
  if (text[i] == '\'') {
    *len = 1;
    return true;
  }
  if (i + 2 < text.size() && static_cast<unsigned char>(text[i]) == 0xE2 &&
      static_cast<unsigned char>(text[i + 1]) == 0x80 &&
      static_cast<unsigned char>(text[i + 2]) == 0x99) {
    *len = 3;
    return true;
  }
  return false;
}

// Fills `w`, a new word in place at the end of the list.
void MakeWord(Word& w, std::string_view text, size_t b, size_t e, uint32_t base, bool punct) {
  w.start = base + static_cast<uint32_t>(b);
  w.end = base + static_cast<uint32_t>(e);
  w.punct = punct;
  int letters = 0, uppers = 0;
  // The key is written in place and cut to length once: a push_back a byte cost more than the
  // rest of the word.
  w.key.resize(e - b);
  char* out = w.key.data();
  size_t n = 0;
  for (size_t i = b; i < e; ++i) {
    unsigned char c = text[i];
    if (c == '.' && !punct) continue;
    if (IsUpper(c))
      ++uppers, ++letters;
    else if (IsLower(c))
      ++letters;
    out[n++] = IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
  }
  w.key.resize(n);
  if (std::string_view(w.key) == "\xE2\x80\x99s") w.key = "'s";
  w.capitalized = !punct && b < e && IsUpper(static_cast<unsigned char>(text[b]));
  w.number = !punct && b < e && std::isdigit(static_cast<unsigned char>(text[b]));
  w.hash = KeyHash(w.key);
  // FNV-1a runs left to right, so this is KeyHash("^" + key) without building that string.
  static const uint64_t kCapsSeed = KeyHash("^");
  if (letters >= 2 && uppers == letters) w.caps_hash = Fnv1a64(w.key, kCapsSeed);
}

}  // namespace

uint64_t KeyHash(std::string_view key) {
  return Fnv1a64(key);
}

std::vector<Word> Tokenize(std::string_view text, uint32_t base) {
  std::vector<Word> words;
  Tokenize(text, base, words);
  return words;
}

void Tokenize(std::string_view text, uint32_t base, std::vector<Word>& words) {
  words.clear();
  words.reserve(text.size() / 4 + 4);
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    unsigned char c = text[i];
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      ++i;
      continue;
    }
    size_t alen = 0;
    if (IsApostropheAt(text, i, &alen) && i + alen < n &&
        (text[i + alen] == 's' || text[i + alen] == 'S') &&
        (i + alen + 1 >= n || !IsWordByte(text, i + alen + 1)) && i > 0 &&
        IsWordByte(text, i - 1)) {
      MakeWord(words.emplace_back(), text, i, i + alen + 1, base, false);
      i += alen + 1;
      continue;
    }
    if (IsWordByte(text, i)) {
      size_t j = i;
      bool digits = std::isdigit(c) != 0;
      while (j < n) {
        if (IsAsciiAlnum(static_cast<unsigned char>(text[j])) || IsWordByte(text, j)) {
          j += 1;
          continue;
        }
        // "U.S." and "U.N.": a single letter followed by a dot and another letter.
        if (text[j] == '.' && !digits && j + 1 < n &&
            std::isalpha(static_cast<unsigned char>(text[j + 1])) &&
            (j - i == 1 || text[j - 2] == '.')) {
          j += 1;
          continue;
        }
        if (text[j] == '.' && !digits && j >= 2 && text[j - 2] == '.' && j - i >= 3) {
          j += 1;  // the closing dot of "U.S."
          break;
        }
        if (digits && (text[j] == '.' || text[j] == ',' || text[j] == ':' || text[j] == '/') &&
            j + 1 < n && std::isdigit(static_cast<unsigned char>(text[j + 1]))) {
          j += 1;
          continue;
        }
        size_t al = 0;
        if (IsApostropheAt(text, j, &al) && j + al < n && IsWordByte(text, j + al) &&
            !((text[j + al] == 's' || text[j + al] == 'S') &&
              (j + al + 1 >= n || !IsWordByte(text, j + al + 1)))) {
          j += al;  // "Kata'ib", "aren't"
          continue;
        }
        break;
      }
      MakeWord(words.emplace_back(), text, i, j, base, false);
      i = j;
      continue;
    }
    size_t plen = Utf8PunctLength(text, i);
    if (plen == 0) plen = 1;
    if (plen == 2 && static_cast<unsigned char>(text[i + 1]) == 0xA0) {  // no-break space
      i += 2;
      continue;
    }
    MakeWord(words.emplace_back(), text, i, i + plen, base, true);
    i += plen;
  }
}

// ---------------------------------------------------------------------------------------------

uint32_t& PhraseTrie::EdgeFor(uint64_t key) {
  if ((edge_count_ + 1) * 2 > edges_.size()) {  // keep the table at most half full
    std::vector<Edge> old(edges_.size() * 2);
    old.swap(edges_);
    const size_t mask = edges_.size() - 1;
    for (const Edge& e : old) {
      if (e.child == 0) continue;
      size_t s = EdgeSlot(e.key, mask);
      while (edges_[s].child != 0) s = (s + 1) & mask;
      edges_[s] = e;
    }
  }
  const size_t mask = edges_.size() - 1;
  size_t s = EdgeSlot(key, mask);
  while (edges_[s].child != 0 && edges_[s].key != key) s = (s + 1) & mask;
  if (edges_[s].child == 0) {
    edges_[s].key = key;
    ++edge_count_;
  }
  return edges_[s].child;
}

void PhraseTrie::Add(const std::vector<std::string>& keys, uint32_t payload) {
  uint32_t node = 0;
  if (!keys.empty()) {
    size_t b = FirstBit(KeyHash(keys.front()));
    first_words_[b >> 6] |= uint64_t{1} << (b & 63);
  }
  for (const std::string& k : keys) {
    if (k == "*") nodes_[node].has_gap = true;
    uint32_t& child = EdgeFor(EdgeKey(node, KeyHash(k)));
    if (child == 0) {
      nodes_.push_back(Node{});
      child = static_cast<uint32_t>(nodes_.size() - 1);
    }
    node = child;
  }
  for (uint32_t p : nodes_[node].payloads)
    if (p == payload) return;
  nodes_[node].payloads.push_back(payload);
}

// Finds the deepest node with payloads reachable from `node`; at the greatest depth, the one
// whose gaps passed over the fewest words ("fire+ tear gas at" over "fire+ * at"), then the
// first found. Only the node is kept while walking: copying its payloads at every improvement
// cost an allocation per match.
void PhraseTrie::Walk(const std::vector<Word>& words, size_t i, uint32_t node, uint32_t used,
                      uint32_t gapped, Best& best) const {
  if (!nodes_[node].payloads.empty() &&
      (used > best.length || (used == best.length && gapped < best.gapped))) {
    best.length = used;
    best.gapped = gapped;
    best.node = node;
  }
  if (nodes_[node].has_gap) {
    static const uint64_t kGapHash = KeyHash("*");
    uint32_t gap = Child(node, kGapHash);
    if (gap) Walk(words, i, gap, used, gapped, best);  // the gap may be empty
    for (size_t skip = 1; gap && skip <= 6 && i + skip <= words.size(); ++skip) {
      const Word& skipped = words[i + skip - 1];
      if (skipped.punct && skipped.key != "-") break;
      // Nor across the start of another clause: in "disperse the crowd after demonstrators
      // threw stones", "disperse * demonstrators" would take the next clause's subject.
      static const WordSet kClauseOpeners = {"after",   "before", "when",  "while", "whereas",
                                             "because", "since",  "until", "once",  "although",
                                             "though",  "but",    "whom",  "who",   "which"};
      if (!skipped.punct && kClauseOpeners.Has(skipped.key)) break;
      // Nor past the word the gap waits for: "fire+ * at" ends at the first "at" ("were fired
      // at U.S. forces stationed at the oilfield" aims at the forces, not the oilfield).
      if (Child(gap, skipped.hash) || (skipped.caps_hash && Child(gap, skipped.caps_hash))) break;
      Walk(words, i + skip, gap, used + static_cast<uint32_t>(skip),
           gapped + static_cast<uint32_t>(skip), best);
    }
  }
  if (i >= words.size()) return;
  const Word& w = words[i];
  if (uint32_t c = Child(node, w.hash)) Walk(words, i + 1, c, used + 1, gapped, best);
  if (w.caps_hash)
    if (uint32_t c = Child(node, w.caps_hash)) Walk(words, i + 1, c, used + 1, gapped, best);
}

PhraseTrie::Match PhraseTrie::LongestFrom(const std::vector<Word>& words, size_t i) const {
  Best best;
  if (i < words.size()) {
    const Word& w = words[i];
    if (MayStart(w.hash))
      if (uint32_t c = Child(0, w.hash)) Walk(words, i + 1, c, 1, 0, best);
    if (w.caps_hash && MayStart(w.caps_hash))
      if (uint32_t c = Child(0, w.caps_hash)) Walk(words, i + 1, c, 1, 0, best);
  }
  Match match;
  if (best.length) {
    match.length = best.length;
    match.payloads = std::span<const uint32_t>(nodes_[best.node].payloads);
  }
  return match;
}

const CameoDef* Lexicon::Cameo(const std::string& code) const {
  auto it = cameo.find(code);
  return it == cameo.end() ? nullptr : &it->second;
}

// ---------------------------------------------------------------------------------------------
namespace {

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

std::vector<std::string> Split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t b = 0;
  for (size_t i = 0; i <= s.size(); ++i)
    if (i == s.size() || s[i] == sep) {
      out.push_back(Trim(s.substr(b, i - b)));
      b = i + 1;
    }
  return out;
}

struct Line {
  std::string section;
  std::string text;
  int number = 0;
};

Result<std::vector<Line>> ReadLines(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Error{"cannot read dictionary " + path};
  std::vector<Line> lines;
  std::string section, raw;
  int n = 0;
  while (std::getline(in, raw)) {
    ++n;
    std::string t = Trim(raw);
    if (t.empty() || t[0] == '#') continue;
    if (t.front() == '[' && t.back() == ']') {
      section = t.substr(1, t.size() - 2);
      continue;
    }
    lines.push_back({section, t, n});
  }
  return lines;
}

Error LineError(const std::string& path, const Line& l, const std::string& why) {
  return Error{path + ":" + std::to_string(l.number) + ": " + why};
}

struct VerbForms {
  std::string past, participle, ing, s;
};
using FormTable = std::unordered_map<std::string, std::vector<VerbForms>>;

bool IsVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

// Short consonant-vowel-consonant verbs double their last letter: "stab" -> "stabbed".
bool DoublesFinal(const std::string& w) {
  size_t n = w.size();
  if (n < 3 || n > 4) return false;
  char last = w[n - 1];
  return !IsVowel(last) && last != 'w' && last != 'x' && last != 'y' && IsVowel(w[n - 2]) &&
         !IsVowel(w[n - 3]);
}

std::string Plural(const std::string& w) {
  auto ends = [&](std::string_view s) { return w.size() >= s.size() && w.ends_with(s); };
  if (ends("man")) return w.substr(0, w.size() - 3) + "men";
  if (ends("s") || ends("x") || ends("z") || ends("ch") || ends("sh")) return w + "es";
  if (ends("y") && w.size() > 1 && !IsVowel(w[w.size() - 2]))
    return w.substr(0, w.size() - 1) + "ies";
  return w + "s";
}

// The written forms of a "+" word with the Form each stands for.
std::vector<std::pair<std::string, Form>> Inflect(const std::string& w, bool verb,
                                                  const FormTable& forms) {
  std::vector<std::pair<std::string, Form>> out{{w, Form::kBase}};
  std::string lw;
  for (char c : w) lw.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  out.push_back({Plural(w), Form::kS});
  if (lw.ends_with("o")) out.push_back({w + "es", Form::kS});
  if (!verb) return out;
  auto it = forms.find(lw);
  if (it != forms.end()) {
    for (const VerbForms& f : it->second) {
      if (f.past == f.participle) {
        out.push_back({f.past, Form::kPastOrParticiple});
      } else {
        out.push_back({f.past, Form::kPast});
        out.push_back({f.participle, Form::kParticiple});
      }
      out.push_back({f.ing, Form::kIng});
      out.push_back({f.s, Form::kS});
    }
    return out;
  }
  std::string stem = w;
  if (lw.ends_with("e")) {
    out.push_back({w + "d", Form::kPastOrParticiple});
    out.push_back({lw.ends_with("ee") ? w + "ing" : w.substr(0, w.size() - 1) + "ing", Form::kIng});
  } else if (lw.ends_with("y") && w.size() > 1 && !IsVowel(lw[lw.size() - 2])) {
    out.push_back({w.substr(0, w.size() - 1) + "ied", Form::kPastOrParticiple});
    out.push_back({w + "ing", Form::kIng});
  } else if (DoublesFinal(lw)) {
    out.push_back({w + w.back() + "ed", Form::kPastOrParticiple});
    out.push_back({w + w.back() + "ing", Form::kIng});
  } else {
    out.push_back({w + "ed", Form::kPastOrParticiple});
    out.push_back({w + "ing", Form::kIng});
  }
  return out;
}

// The trie keys of one written word: its tokens, capitals-only ones marked with "^".
void AppendKeys(const std::string& written, std::vector<std::string>& keys) {
  if (written == "*") {
    keys.push_back("*");
    return;
  }
  for (const Word& t : Tokenize(written, 0)) keys.push_back(t.caps_hash ? "^" + t.key : t.key);
}

struct Expansion {
  std::vector<std::string> keys;
  Form form = Form::kBase;
  bool plural = false;
};

// All key sequences a phrasing stands for ("fire+ rocket+ at" -> "fired rockets at", ...).
std::vector<Expansion> Expand(const std::string& phrase, bool verb, const FormTable& forms) {
  std::vector<Expansion> acc{Expansion{}};
  bool first_inflected = true;
  std::istringstream in(phrase);
  std::string word;
  while (in >> word) {
    bool plus = word.size() > 1 && word.back() == '+';
    if (plus) word.pop_back();
    std::vector<std::pair<std::string, Form>> variants =
        plus ? Inflect(word, verb, forms)
             : std::vector<std::pair<std::string, Form>>{{word, Form::kBase}};
    std::vector<Expansion> next;
    for (const Expansion& e : acc)
      for (const auto& [written, form] : variants) {
        Expansion x = e;
        AppendKeys(written, x.keys);
        if (plus && first_inflected) {
          x.form = form;
          x.plural = form == Form::kS;
        }
        next.push_back(std::move(x));
      }
    if (plus) first_inflected = false;
    acc = std::move(next);
  }
  return acc;
}

std::optional<Date> ParseDay(const std::string& s) {
  if (s.empty()) return std::nullopt;
  return Date::ParseIso(s);
}

Status LoadCameo(const std::string& path, Lexicon& lex) {
  auto lines = ReadLines(path);
  if (!lines) return Error{lines.error()};
  for (const Line& l : *lines) {
    auto f = Split(l.text, '|');
    if (f.size() < 3) return LineError(path, l, "expected code | goldstein | acled | name");
    CameoDef d;
    try {
      d.goldstein = std::stod(f[1]);
    } catch (const std::exception&) {
      return LineError(path, l, "bad Goldstein weight '" + f[1] + "'");
    }
    if (f[2] != "-") {
      auto parts = Split(f[2], '/');
      // "Explosions/Remote violence / Air/drone strike": the type and sub-type are split at " / ".
      size_t cut = f[2].find(" / ");
      if (cut == std::string::npos)
        return LineError(path, l, "ACLED field needs 'type / sub-type'");
      d.acled_type = Trim(f[2].substr(0, cut));
      d.acled_subtype = Trim(f[2].substr(cut + 3));
    }
    lex.cameo[f[0]] = d;
  }
  return OkStatus();
}

Status LoadActors(const std::string& path, Lexicon& lex) {
  auto lines = ReadLines(path);
  if (!lines) return Error{lines.error()};
  std::unordered_map<std::string, uint32_t> payload_of;
  for (const Line& l : *lines) {
    std::string body = l.text;
    std::optional<Date> from, to;
    size_t at = body.find(" @ ");
    if (at != std::string::npos) {
      std::string period = Trim(body.substr(at + 3));
      body = body.substr(0, at);
      size_t dots = period.find("..");
      if (dots == std::string::npos) return LineError(path, l, "period must be FROM..TO");
      from = ParseDay(Trim(period.substr(0, dots)));
      to = ParseDay(Trim(period.substr(dots + 2)));
    }
    auto f = Split(body, '|');
    if (f.size() < 2 || f[0].empty()) return LineError(path, l, "expected CODE | phrasing ...");
    const std::string& code = f[0];
    if (l.section == "countries") {
      // An actor's country is its code's first three letters (docs/dictionaries.md).
      bool alpha3 = code.size() == 3 && std::all_of(code.begin(), code.end(),
                                                    [](char c) { return c >= 'A' && c <= 'Z'; });
      if (!alpha3)
        return LineError(path, l,
                         "a country's code must be three capital letters, not '" + code + "'");
      lex.country_codes[code] = true;
    }
    for (size_t i = 1; i < f.size(); ++i) {
      std::string phrase = f[i];
      if (phrase.empty()) continue;
      ActorDef d{code, false, l.section == "capitals", from, to};
      if (phrase[0] == '~') {
        d.adjective = true;
        phrase = Trim(phrase.substr(1));
      }
      std::vector<std::string> keys;
      std::istringstream in(phrase);
      std::string w;
      while (in >> w) AppendKeys(w, keys);
      std::string joined;
      for (const auto& k : keys) joined += k + " ";
      joined += d.adjective ? "~" : "";
      auto [it, fresh] = payload_of.emplace(joined, static_cast<uint32_t>(lex.actor_defs.size()));
      if (fresh) {
        lex.actor_defs.emplace_back();
        lex.actors.Add(keys, it->second);
      }
      lex.actor_defs[it->second].push_back(d);
    }
  }
  return OkStatus();
}

Status LoadAgents(const std::string& path, Lexicon& lex) {
  auto lines = ReadLines(path);
  if (!lines) return Error{lines.error()};
  std::unordered_map<std::string, uint32_t> def_of;
  FormTable none;
  for (const Line& l : *lines) {
    auto f = Split(l.text, '|');
    if (f.size() < 2) return LineError(path, l, "expected SECTOR | phrasing ...");
    bool person = f[0] == "person";
    for (size_t i = 1; i < f.size(); ++i) {
      if (f[i].empty()) continue;
      for (const Expansion& e : Expand(f[i], false, none)) {
        std::string joined;
        for (const auto& k : e.keys) joined += k + " ";
        auto [it, fresh] = def_of.emplace(joined, static_cast<uint32_t>(lex.agent_defs.size()));
        if (fresh) lex.agent_defs.push_back(AgentDef{});
        AgentDef& d = lex.agent_defs[it->second];
        if (person)
          d.person = true;
        else if (d.sector.empty())
          d.sector = f[0];
        if (fresh) {
          lex.agent_senses.push_back({it->second, e.form, e.plural});
          lex.agents.Add(e.keys, static_cast<uint32_t>(lex.agent_senses.size() - 1));
        }
      }
    }
  }
  return OkStatus();
}

Status LoadWeapons(const std::string& path, Lexicon& lex) {
  auto lines = ReadLines(path);
  if (!lines) return Error{lines.error()};
  FormTable none;
  for (const Line& l : *lines) {
    auto f = Split(l.text, '|');
    if (f.size() < 4) return LineError(path, l, "expected kind | cameo | acled | phrasing ...");
    WeaponDef d{f[0], f[1], "", ""};
    size_t cut = f[2].find(" / ");
    if (cut == std::string::npos) return LineError(path, l, "ACLED field needs 'type / sub-type'");
    d.acled_type = Trim(f[2].substr(0, cut));
    d.acled_subtype = Trim(f[2].substr(cut + 3));
    lex.weapon_defs.push_back(d);
    uint32_t def = static_cast<uint32_t>(lex.weapon_defs.size() - 1);
    for (size_t i = 3; i < f.size(); ++i)
      for (const Expansion& e : Expand(f[i], false, none)) {
        lex.weapon_senses.push_back({def, e.form, e.plural});
        lex.weapons.Add(e.keys, static_cast<uint32_t>(lex.weapon_senses.size() - 1));
      }
  }
  return OkStatus();
}

Status LoadVerbs(const std::string& path, Lexicon& lex) {
  auto lines = ReadLines(path);
  if (!lines) return Error{lines.error()};
  FormTable forms;
  for (const Line& l : *lines) {
    if (l.section != "forms") continue;
    auto f = Split(l.text, '|');
    if (f.size() != 5) return LineError(path, l, "expected base | past | participle | -ing | -s");
    forms[f[0]].push_back({f[1], f[2], f[3], f[4]});
  }
  for (const Line& l : *lines) {
    if (l.section == "forms") continue;
    TriggerDef d;
    std::string body = l.text;
    size_t semi = body.find(';');
    if (semi != std::string::npos) {
      std::istringstream opts(body.substr(semi + 1));
      body = body.substr(0, semi);
      std::string opt, rest;
      std::getline(opts, rest);
      if (rest.find("acled=") != std::string::npos) {
        std::string a = Trim(rest.substr(rest.find("acled=") + 6));
        size_t cut = a.find(" / ");
        if (cut == std::string::npos) return LineError(path, l, "acled= needs 'type / sub-type'");
        d.acled_type = Trim(a.substr(0, cut));
        d.acled_subtype = Trim(a.substr(cut + 3));
        rest = rest.substr(0, rest.find("acled="));
      }
      std::istringstream words(rest);
      while (words >> opt) {
        if (opt == "needs-force")
          d.needs_force = true;
        else if (opt == "subject-is-target")
          d.subject_is_target = true;
        else if (opt == "casualty=death")
          d.casualty = true;
        else if (opt == "casualty=injury")
          d.casualty = d.injury = true;
        else if (opt == "never-alone")
          d.never_alone = true;
        else
          return LineError(path, l, "unknown option '" + opt + "'");
      }
    }
    auto f = Split(body, '|');
    size_t first = 1;
    if (l.section == "verbs" || l.section == "nouns") {
      if (f.size() < 2) return LineError(path, l, "expected CODE | phrasing ...");
      d.cameo = f[0];
      if (!lex.Cameo(d.cameo))
        return LineError(path, l, "CAMEO code " + d.cameo + " is not in cameo.txt");
      d.kind = l.section == "verbs" ? TriggerKind::kVerb : TriggerKind::kNoun;
    } else if (l.section == "light" || l.section == "receiving") {
      first = 0;
      d.kind = l.section == "light" ? TriggerKind::kLight : TriggerKind::kReceiving;
    } else if (l.section == "not events") {
      first = 0;
      d.kind = TriggerKind::kNotEvent;
    } else {
      return LineError(path, l, "line outside a known section");
    }
    lex.trigger_defs.push_back(d);
    uint32_t def = static_cast<uint32_t>(lex.trigger_defs.size() - 1);
    for (size_t i = first; i < f.size(); ++i) {
      if (f[i].empty()) continue;
      for (const Expansion& e : Expand(f[i], d.kind != TriggerKind::kNoun, forms)) {
        lex.trigger_senses.push_back(
            {def, d.kind == TriggerKind::kNoun ? Form::kNoun : e.form, e.plural});
        lex.triggers.Add(e.keys, static_cast<uint32_t>(lex.trigger_senses.size() - 1));
      }
    }
  }
  return OkStatus();
}

}  // namespace

Result<Lexicon> LoadLexicon(const std::string& dir) {
  Lexicon lex;
  for (auto [file, load] :
       std::initializer_list<std::pair<const char*, Status (*)(const std::string&, Lexicon&)>>{
           {"cameo.txt", LoadCameo},
           {"actors.txt", LoadActors},
           {"agents.txt", LoadAgents},
           {"weapons.txt", LoadWeapons},
           {"verbs.txt", LoadVerbs}}) {
    Status s = load(dir + "/" + file, lex);
    if (!s) return Error{s.error()};
  }
  return lex;
}

}  // namespace sitrep::coding
