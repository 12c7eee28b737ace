#include "code/petrarch_dictionaries.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <optional>
#include <sstream>

namespace sitrep::petrarch {
namespace {

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// Splits on white space and '_' (both join words of one phrase in these files).
Words SplitPhrase(std::string_view s) {
  Words words;
  std::string cur;
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c)) || c == '_') {
      if (!cur.empty()) words.push_back(Upper(cur)), cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) words.push_back(Upper(cur));
  return words;
}

Error LineError(const std::string& file, int line, const std::string& what) {
  return Error{fmt::format("{}:{}: {}", file, line, what)};
}

// Walks a dictionary's lines, dropping XML-style comment blocks and '#' comments (a '#' inside
// a [code] is part of the code). Calls `fn(line_number, text)` for each non-empty line.
template <class Fn>
Status ForEachLine(std::string_view text, Fn&& fn) {
  int number = 0;
  bool in_xml_comment = false;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view raw = text.substr(pos, end - pos);
    pos = end + 1;
    ++number;
    if (in_xml_comment) {
      if (raw.find("-->") != std::string_view::npos) in_xml_comment = false;
      continue;
    }
    std::string_view line = Trim(raw);
    if (line.empty()) continue;
    if (line.front() == '<') {  // "<!-- … -->", possibly spanning lines
      if (line.find("-->") == std::string_view::npos) in_xml_comment = true;
      continue;
    }
    int depth = 0;
    size_t cut = line.size();
    for (size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '[') ++depth;
      if (line[i] == ']' && depth > 0) --depth;
      if (line[i] == '#' && depth == 0) {
        cut = i;
        break;
      }
    }
    line = Trim(line.substr(0, cut));
    if (line.empty()) continue;
    Status s = fn(number, line);
    if (!s) return s;
    if (end == text.size()) break;
  }
  return OkStatus();
}

// The bracketed groups of a line ("[A] [B <950101]") and the text before the first one.
struct Bracketed {
  std::string_view head;
  std::vector<std::string_view> groups;
};

Result<Bracketed> SplitBrackets(std::string_view line, char open, char close) {
  Bracketed out;
  size_t first = line.find(open);
  out.head = Trim(line.substr(0, first));
  while (first != std::string_view::npos) {
    size_t end = line.find(close, first);
    // "[~ENV}" occurs in the distributed agents file: a '}' may close a '[' group.
    if (end == std::string_view::npos && open == '[') end = line.find('}', first);
    if (end == std::string_view::npos) return Error{fmt::format("'{}' without '{}'", open, close)};
    out.groups.push_back(Trim(line.substr(first + 1, end - first - 1)));
    first = line.find(open, end);
  }
  return out;
}

bool IsVowel(char c) {
  return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U';
}

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// A short word ending consonant-vowel-consonant doubles its last letter: STOP → STOPPED.
bool DoublesLast(const std::string& w) {
  size_t n = w.size();
  if (n < 3) return false;
  char a = w[n - 3], b = w[n - 2], c = w[n - 1];
  return !IsVowel(a) && IsVowel(b) && !IsVowel(c) && c != 'W' && c != 'X' && c != 'Y' &&
         std::isalpha(static_cast<unsigned char>(c));
}

}  // namespace

std::string ActorEntry::CodeOn(int32_t date) const {
  std::string fallback;
  for (const DatedCode& c : codes) {
    if (!c.restricted) {
      if (fallback.empty()) fallback = c.code;
    } else if (date != 0 && date >= c.from && date <= c.to) {
      return c.code == "---" ? "" : c.code;
    }
  }
  return fallback == "---" ? "" : fallback;
}

void PhraseIndex::Reserve(size_t n) {
  by_first_.reserve(by_first_.size() + n);
}

void PhraseIndex::Add(Words words, uint32_t index) {
  if (words.empty()) return;
  std::string first = words.front();
  by_first_[first].push_back(Phrase{std::move(words), index});
  ++count_;
}

void PhraseIndex::Finish() {
  for (auto& [first, list] : by_first_)
    std::stable_sort(list.begin(), list.end(), [](const Phrase& a, const Phrase& b) {
      return a.words.size() > b.words.size();
    });
}

const Phrase* PhraseIndex::LongestAt(const std::vector<std::string>& tokens, size_t pos) const {
  if (pos >= tokens.size()) return nullptr;
  auto it = by_first_.find(tokens[pos]);
  if (it == by_first_.end()) return nullptr;
  for (const Phrase& p : it->second) {
    if (pos + p.words.size() > tokens.size()) continue;
    if (std::equal(p.words.begin(), p.words.end(), tokens.begin() + pos)) return &p;
  }
  return nullptr;
}

std::vector<const Phrase*> PhraseIndex::AllAt(const std::vector<std::string>& tokens,
                                              size_t pos) const {
  std::vector<const Phrase*> out;
  if (pos >= tokens.size()) return out;
  auto it = by_first_.find(tokens[pos]);
  if (it == by_first_.end()) return out;
  for (const Phrase& p : it->second) {
    if (pos + p.words.size() > tokens.size()) continue;
    if (std::equal(p.words.begin(), p.words.end(), tokens.begin() + pos)) out.push_back(&p);
  }
  return out;
}

std::string_view FileKindName(FileKind kind) {
  switch (kind) {
    case FileKind::kVerbs:
      return "verbs";
    case FileKind::kActors:
      return "actors";
    case FileKind::kAgents:
      return "agents";
    case FileKind::kDiscards:
      return "discards";
  }
  return "?";
}

FileKind DetectKind(std::string_view text) {
  bool verbs = false, agents = false, brackets = false;
  int seen = 0;
  (void)ForEachLine(text, [&](int, std::string_view line) -> Status {
    // The first few hundred lines tell; reading a big actor file to its end would not.
    if (++seen > 400) return Error{"enough"};
    size_t open = line.find('[');
    if (line.size() > 6 && line.substr(0, 3) == "---" && open != std::string_view::npos) {
      verbs = true;
      return Error{"settled"};  // a verb block header settles it: stop reading
    }
    if (line.front() == '&' && line.size() > 1 &&
        std::isalpha(static_cast<unsigned char>(line[1]))) {
      verbs = true;  // a synonym set: only verb files have them
      return Error{"settled"};
    }
    if (line.front() == '!' && line.find("! =") != std::string_view::npos) agents = true;
    if (open != std::string_view::npos) {
      brackets = true;
      size_t close = line.find(']', open);
      if (line.substr(open, close == std::string_view::npos ? close : close - open).find('~') !=
          std::string_view::npos)
        agents = true;
    }
    return OkStatus();
  });
  if (verbs) return FileKind::kVerbs;
  if (agents) return FileKind::kAgents;
  if (brackets) return FileKind::kActors;
  return FileKind::kDiscards;
}

int32_t ParseDictionaryDate(std::string_view text) {
  text = Trim(text);
  if (text.size() != 6 && text.size() != 8) return -1;
  int32_t v = 0;
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return -1;
    v = v * 10 + (c - '0');
  }
  if (text.size() == 6) v += (v / 10000 < 30 ? 20000000 : 19000000);
  int month = v / 100 % 100, day = v % 100;
  if (month < 1 || month > 12 || day < 1 || day > 31) return -1;
  return v;
}

std::vector<std::string> VerbInflections(const std::string& v) {
  std::vector<std::string> out{v};
  if (v.empty() || !std::isalpha(static_cast<unsigned char>(v.back()))) return out;
  char last = v.back();
  bool consonant_y = last == 'Y' && v.size() > 1 && !IsVowel(v[v.size() - 2]);
  std::string stem_y = consonant_y ? v.substr(0, v.size() - 1) : v;
  // third person
  if (EndsWith(v, "S") || EndsWith(v, "X") || EndsWith(v, "Z") || EndsWith(v, "CH") ||
      EndsWith(v, "SH") || EndsWith(v, "O"))
    out.push_back(v + "ES");
  else if (consonant_y)
    out.push_back(stem_y + "IES");
  else
    out.push_back(v + "S");
  // past
  if (last == 'E')
    out.push_back(v + "D");
  else if (consonant_y)
    out.push_back(stem_y + "IED");
  else
    out.push_back(v + "ED");
  // gerund
  if (last == 'E' && !EndsWith(v, "EE") && v.size() > 2)
    out.push_back(v.substr(0, v.size() - 1) + "ING");
  else
    out.push_back(v + "ING");
  if (DoublesLast(v)) {
    out.push_back(v + last + "ED");
    out.push_back(v + last + "ING");
  }
  return out;
}

std::vector<std::string> NounPlurals(const std::string& n) {
  std::vector<std::string> out{n};
  if (n.empty() || !std::isalpha(static_cast<unsigned char>(n.back()))) return out;
  if (EndsWith(n, "S") || EndsWith(n, "X") || EndsWith(n, "Z") || EndsWith(n, "CH") ||
      EndsWith(n, "SH"))
    out.push_back(n + "ES");
  else if (n.back() == 'Y' && n.size() > 1 && !IsVowel(n[n.size() - 2]))
    out.push_back(n.substr(0, n.size() - 1) + "IES");
  else if (EndsWith(n, "MAN"))
    out.push_back(n.substr(0, n.size() - 3) + "MEN");
  else
    out.push_back(n + "S");
  return out;
}

// ---------------------------------------------------------------------------------------------
// Verbs

namespace {

struct PatternItem {
  std::string piece;
  bool joined_to_prev = false;
};

// "IN_AND_*_OUT" → pieces with their '_' links; a trailing or doubled '_' links nothing.
std::vector<PatternItem> PatternItems(std::string_view text) {
  std::vector<PatternItem> items;
  std::istringstream in{std::string(text)};
  std::string chunk;
  while (in >> chunk) {
    bool link = false;
    std::string cur;
    auto flush = [&](bool next_linked) {
      if (!cur.empty()) {
        items.push_back({Upper(cur), link});
        cur.clear();
        link = next_linked;
      } else {
        link = false;
      }
    };
    for (char c : chunk) {
      if (c == '_') {
        flush(true);
      } else if (c == '*' && !cur.empty()) {  // "*SCEPTICAL" is "* SCEPTICAL"
        flush(false);
        cur = "*";
      } else if (c != '*' && cur == "*") {
        flush(false);
        cur += c;
      } else {
        cur += c;
      }
    }
    flush(false);
  }
  return items;
}

class VerbParser {
 public:
  VerbParser(const std::string& file, Dictionaries& d) : file_(file), d_(d) {}

  Status Line(int number, std::string_view line) {
    if (line.substr(0, 3) == "---") return BlockHeader(number, line);
    if (line.front() == '&') return SynsetHeader(number, line);
    if (line.front() == '~') return OkStatus();  // TABARI-only directives
    if (line.front() == '-') return PatternLine(number, line.substr(1));
    if (in_synset_ && line.front() == '+') return SynsetMember(number, line.substr(1));
    if (block_ < 0)
      return LineError(file_, number, "verb form outside a '--- VERB [code] ---' block");
    return VerbLine(number, line);
  }

 private:
  Status BlockHeader(int number, std::string_view line) {
    auto parts = SplitBrackets(line.substr(3), '[', ']');
    if (!parts) return LineError(file_, number, parts.error());
    if (parts->groups.empty()) return LineError(file_, number, "verb block header without [code]");
    std::string name;
    for (auto& w : SplitPhrase(parts->head)) name += (name.empty() ? "" : " ") + w;
    if (name.empty()) return LineError(file_, number, "verb block header without a verb");
    std::string code = Upper(Trim(parts->groups.front()));
    if (code.empty()) return LineError(file_, number, "empty event code");
    d_.blocks.push_back(VerbBlock{name, code, {}});
    block_ = static_cast<int>(d_.blocks.size()) - 1;
    in_synset_ = false;
    return OkStatus();
  }

  Status SynsetHeader(int number, std::string_view line) {
    std::string name = Upper(Trim(line.substr(1)));
    size_t space = name.find_first_of(" \t");
    if (space != std::string::npos) name = name.substr(0, space);
    while (!name.empty() && name.back() == '_') name.pop_back();
    if (name.empty()) return LineError(file_, number, "synonym set without a name");
    auto [it, fresh] = d_.synset_by_name.emplace(name, static_cast<uint32_t>(d_.synsets.size()));
    if (fresh) d_.synsets.push_back(Synset{name, {}});
    synset_ = it->second;
    in_synset_ = true;
    return OkStatus();
  }

  Status SynsetMember(int number, std::string_view text) {
    std::vector<PatternElement> member;
    for (auto& item : PatternItems(text)) {
      PatternElement e;
      if (item.piece.front() == '&') {
        e.kind = PatternElement::kSynset;
        std::string name = item.piece.substr(1);
        if (name.empty()) return LineError(file_, number, "'&' without a set name");
        member.push_back(e);
        pending_member_refs_.push_back(
            {synset_, d_.synsets[synset_].members.size(), member.size() - 1, name, number});
        continue;
      }
      e.word = item.piece;
      member.push_back(e);
    }
    if (member.empty()) return LineError(file_, number, "empty synonym");
    d_.synsets[synset_].members.push_back(std::move(member));
    return OkStatus();
  }

  Result<Pattern> ParsePattern(int number, std::string_view text) {
    Pattern p;
    p.line = number;
    auto parts = SplitBrackets(text, '[', ']');
    if (!parts) return LineError(file_, number, parts.error());
    if (!parts->groups.empty()) p.code = Upper(parts->groups.back());
    // PETRARCH 1.0 files group words as "(TO BORDER)" and "{ARMS SHIPMENT}"; without a
    // parse tree the words are matched as they come.
    std::string head(parts->head);
    for (char& c : head)
      if (c == '(' || c == ')' || c == '{' || c == '}') c = ' ';
    std::vector<PatternItem> items = PatternItems(head);
    size_t star = items.size();
    for (size_t i = 0; i < items.size(); ++i)
      if (items[i].piece == "*") star = i;
    if (star == items.size()) return LineError(file_, number, "pattern without '*' (the verb)");
    for (size_t i = 0; i < items.size(); ++i) {
      if (i == star) continue;
      PatternElement e;
      const std::string& piece = items[i].piece;
      if (piece == "$")
        e.kind = PatternElement::kSource;
      else if (piece == "+")
        e.kind = PatternElement::kTarget;
      else if (piece == "^")
        e.kind = PatternElement::kSkip;
      else if (piece == "%")
        e.kind = PatternElement::kCompound;
      else if (piece.front() == '&')
        e.kind = PatternElement::kSynset;
      else
        e.word = piece;
      if (piece.find('*') != std::string::npos)
        return LineError(file_, number, "more than one '*' in a pattern");
      if (i < star) {
        e.joined = items[i + 1].joined_to_prev;
        p.before.push_back(e);
      } else {
        e.joined = items[i].joined_to_prev;
        p.after.push_back(e);
      }
      if (e.kind == PatternElement::kSynset) {
        std::string name = piece.substr(1);
        while (!name.empty() && name.back() == '_') name.pop_back();
        if (name.empty()) return LineError(file_, number, "'&' without a set name");
        names_.push_back({i < star, (i < star ? p.before.size() : p.after.size()) - 1, name});
      }
    }
    return p;
  }

  Status PatternLine(int number, std::string_view text) {
    if (block_ < 0) return LineError(file_, number, "pattern outside a verb block");
    names_.clear();
    auto p = ParsePattern(number, text);
    if (!p) return Error{p.error()};
    auto& patterns = d_.blocks[block_].patterns;
    patterns.push_back(std::move(p.value()));
    for (auto& n : names_)
      pattern_refs_.push_back({static_cast<uint32_t>(block_),
                               static_cast<uint32_t>(patterns.size() - 1), n.before, n.index,
                               n.name, number});
    in_synset_ = false;
    return OkStatus();
  }

  Status VerbLine(int number, std::string_view line) {
    auto braces = SplitBrackets(line, '{', '}');
    if (!braces) return LineError(file_, number, braces.error());
    auto codes = SplitBrackets(line, '[', ']');
    if (!codes) return LineError(file_, number, codes.error());
    std::string_view head = braces->head;
    if (head.find('[') != std::string_view::npos) head = Trim(head.substr(0, head.find('[')));
    std::string code = codes->groups.empty() ? "" : Upper(codes->groups.front());
    Words words = SplitPhrase(head);
    if (words.empty()) return LineError(file_, number, "verb line without a verb");
    size_t verb_word = 0;
    for (size_t i = 0; i < words.size(); ++i)
      if (words[i].front() == '+' && words[i].size() > 1) verb_word = i, words[i].erase(0, 1);
    for (const std::string& form : VerbInflections(words[verb_word])) {
      Words w = words;
      w[verb_word] = form;
      AddForm(std::move(w), code);
    }
    for (std::string_view group : braces->groups) {
      std::istringstream in{std::string(group)};
      std::string form;
      while (in >> form) {
        Words w = SplitPhrase(form);
        for (auto& x : w)
          if (x.size() > 1 && x.front() == '+') x.erase(0, 1);
        if (!w.empty()) AddForm(std::move(w), code);
      }
    }
    return OkStatus();
  }

  void AddForm(Words words, const std::string& code) {
    d_.verb_forms.push_back(VerbForm{words, static_cast<uint32_t>(block_), code});
    d_.verbs.Add(std::move(words), static_cast<uint32_t>(d_.verb_forms.size() - 1));
  }

 public:
  // A set used but never defined (CAMEO.2.0.txt has a few) is empty: it matches nothing.
  uint32_t SynsetNamed(const std::string& name) {
    auto [it, fresh] = d_.synset_by_name.emplace(name, static_cast<uint32_t>(d_.synsets.size()));
    if (fresh) d_.synsets.push_back(Synset{name, {}});
    return it->second;
  }

  Status ResolveRefs() {
    for (auto& r : pattern_refs_) {
      Pattern& p = d_.blocks[r.block].patterns[r.pattern];
      (r.before ? p.before : p.after)[r.index].synset = SynsetNamed(r.name);
    }
    for (auto& r : pending_member_refs_) {
      uint32_t inner = SynsetNamed(r.name);
      if (inner == r.synset)
        return LineError(file_, r.line, "synonym set &" + r.name + " contains itself");
      d_.synsets[r.synset].members[r.member][r.element].synset = inner;
    }
    return OkStatus();
  }

 private:
  struct NameRef {
    bool before;
    size_t index;
    std::string name;
  };
  struct PatternRef {
    uint32_t block, pattern;
    bool before;
    size_t index;
    std::string name;
    int line;
  };
  struct MemberRef {
    uint32_t synset;
    size_t member, element;
    std::string name;
    int line;
  };
  const std::string& file_;
  Dictionaries& d_;
  int block_ = -1;
  uint32_t synset_ = 0;
  bool in_synset_ = false;
  std::vector<NameRef> names_;
  std::vector<PatternRef> pattern_refs_;
  std::vector<MemberRef> pending_member_refs_;
};

}  // namespace

Status LoadVerbs(std::string_view text, const std::string& file, Dictionaries& d) {
  VerbParser parser(file, d);
  Status s = ForEachLine(text, [&](int n, std::string_view line) { return parser.Line(n, line); });
  if (!s) return s;
  s = parser.ResolveRefs();
  if (!s) return s;
  d.verbs.Finish();
  return OkStatus();
}

// ---------------------------------------------------------------------------------------------
// Actors

namespace {

// "[HOBGOV 19950601 - 19990815]", "[HOB < 950601]", "[ZBW]". A code whose date cannot be read
// is skipped (the big CountryInfo-derived files carry a few such typos; PETRARCH skips them too).
Result<std::optional<DatedCode>> ParseActorCode(std::string_view group) {
  std::string g = Upper(group);
  size_t split = g.find_first_of(" \t<>");
  DatedCode c;
  c.code = g.substr(0, split);
  std::string rest;
  if (split != std::string::npos)
    for (char ch : g.substr(split))
      if (!std::isspace(static_cast<unsigned char>(ch))) rest += ch;
  if (c.code.empty()) return Error{"a code block without a code: [" + std::string(group) + "]"};
  if (std::isdigit(static_cast<unsigned char>(c.code.front())) &&
      c.code.find('-') != std::string::npos)
    return Error{"a date range without a code: [" + std::string(group) + "]"};
  if (rest.empty()) return std::optional<DatedCode>(c);
  c.restricted = true;
  if (rest.front() == '<' || rest.front() == '>') {
    int32_t d = ParseDictionaryDate(rest.substr(1));
    if (d < 0) return std::optional<DatedCode>();
    if (rest.front() == '<')
      c.to = d - 1;
    else
      c.from = d + 1;
    return std::optional<DatedCode>(c);
  }
  size_t dash = rest.find('-');
  if (dash == std::string::npos) return std::optional<DatedCode>();
  int32_t a = ParseDictionaryDate(rest.substr(0, dash)),
          b = ParseDictionaryDate(rest.substr(dash + 1));
  if (a < 0 || b < 0) return std::optional<DatedCode>();
  c.from = a;
  c.to = b;
  return std::optional<DatedCode>(c);
}

Words ActorWords(std::string_view text) {
  Words words = SplitPhrase(text);
  words.erase(
      std::remove_if(words.begin(), words.end(),
                     [](const std::string& w) { return w == "{}" || w == "{" || w == "}"; }),
      words.end());
  return words;
}

}  // namespace

Status LoadActors(std::string_view text, const std::string& file, Dictionaries& d) {
  d.actor_phrases.Reserve(static_cast<size_t>(std::count(text.begin(), text.end(), '\n')));
  int current = -1;  // the entry that code lines and '+' synonyms belong to
  Status s = ForEachLine(text, [&](int n, std::string_view line) -> Status {
    auto parts = SplitBrackets(line, '[', ']');
    if (!parts) return LineError(file, n, parts.error());
    std::string_view head = parts->head;
    if (head.find('{') != std::string_view::npos) head = Trim(head.substr(0, head.find('{')));
    if (!head.empty()) {
      bool synonym = head.front() == '+';
      if (synonym && current < 0) return LineError(file, n, "synonym '+' before any actor");
      Words words = ActorWords(synonym ? head.substr(1) : head);
      if (words.empty()) return LineError(file, n, "actor line without a name");
      // A name with no codes yet shares the codes that follow (GOLLUM, +SMEAGOL, … [HOB]).
      if (!synonym && (current < 0 || !d.actors[current].codes.empty())) {
        d.actors.emplace_back();
        current = static_cast<int>(d.actors.size()) - 1;
      }
      d.actor_phrases.Add(std::move(words), static_cast<uint32_t>(current));
    } else if (current < 0) {
      return LineError(file, n, "code block before any actor");
    }
    for (std::string_view g : parts->groups) {
      auto code = ParseActorCode(g);
      if (!code) return LineError(file, n, code.error());
      if (code.value()) d.actors[current].codes.push_back(**code);
    }
    return OkStatus();
  });
  if (!s) return s;
  d.actor_phrases.Finish();
  return OkStatus();
}

// ---------------------------------------------------------------------------------------------
// Agents

namespace {

// A phrase's markers multiply its variants: ten "!PERSON!" of five alternatives would be ten
// million phrases. More than this is refused as a malformed line.
constexpr size_t kMaxSubstitutedVariants = 1024;

// Expands "!PERSON!"-style substitution markers into every alternative, left to right; an
// alternative is inserted as it stands (one naming a marker again used to expand forever).
// Expansion stops at the first "!...!" that names no marker. nullopt: too many variants.
std::optional<std::vector<std::string>> Substitute(
    const std::string& phrase, const std::unordered_map<std::string, Words>& subs) {
  std::vector<std::string> variants = {""};
  size_t pos = 0;
  while (true) {
    size_t a = phrase.find('!', pos);
    size_t b = a == std::string::npos ? a : phrase.find('!', a + 1);
    auto it = b == std::string::npos ? subs.end() : subs.find(phrase.substr(a, b - a + 1));
    if (it == subs.end()) {
      for (std::string& v : variants) v += phrase.substr(pos);
      return variants;
    }
    if (variants.size() * it->second.size() > kMaxSubstitutedVariants) return std::nullopt;
    std::vector<std::string> next;
    std::string literal = phrase.substr(pos, a - pos);
    for (const std::string& v : variants)
      for (const std::string& alt : it->second) next.push_back(v + literal + alt);
    variants = std::move(next);
    pos = b + 1;
  }
}

}  // namespace

namespace {
Status AddAgentNames(std::string_view head, const std::string& file, int n, uint32_t index,
                     const std::unordered_map<std::string, Words>& subs, Dictionaries& d);
}  // namespace

Status LoadAgents(std::string_view text, const std::string& file, Dictionaries& d) {
  std::unordered_map<std::string, Words> subs;
  struct Pending {
    std::string line;
    int number;
  };
  std::vector<Pending> pending;
  Status s = ForEachLine(text, [&](int n, std::string_view line) -> Status {
    if (line.front() == '!' && line.find('=') != std::string_view::npos) {
      std::string name = Upper(Trim(line.substr(0, line.find('='))));
      Words alts;
      std::string_view rest = line.substr(line.find('=') + 1);
      std::string cur;
      for (char c : rest) {
        if (c == ',')
          alts.push_back(Upper(Trim(cur))), cur.clear();
        else
          cur += c;
      }
      if (!Trim(cur).empty()) alts.push_back(Upper(Trim(cur)));
      if (name.size() < 3 || name.back() != '!' || alts.empty())
        return LineError(file, n, "malformed substitution, expected '!NAME! = A, B'");
      subs[name] = alts;
      return OkStatus();
    }
    auto codes = SplitBrackets(line, '[', ']');
    if (!codes) return LineError(file, n, codes.error());
    if (codes->groups.empty()) {  // shares the code of the next agent, as in actor files
      pending.push_back({std::string(line), n});
      return OkStatus();
    }
    std::string code;
    for (char c : codes->groups.front())
      if (!std::isspace(static_cast<unsigned char>(c))) code += static_cast<char>(std::toupper(c));
    Agent agent;
    size_t tilde = code.find('~');
    if (tilde == std::string::npos) {
      agent.code = code;
    } else {
      agent.prefix = tilde + 1 == code.size() && tilde > 0;
      code.erase(tilde, 1);
      agent.code = code;
    }
    if (agent.code.empty()) return LineError(file, n, "empty agent code");
    d.agents.push_back(agent);
    uint32_t index = static_cast<uint32_t>(d.agents.size() - 1);
    for (const Pending& p : pending) {
      Status added = AddAgentNames(p.line, file, p.number, index, subs, d);
      if (!added) return added;
    }
    pending.clear();
    return AddAgentNames(codes->head, file, n, index, subs, d);
  });
  if (!s) return s;
  if (!pending.empty()) return LineError(file, pending.front().number, "agent without a [~CODE]");
  d.agent_phrases.Finish();
  return OkStatus();
}

namespace {

Status AddAgentNames(std::string_view head, const std::string& file, int n, uint32_t index,
                     const std::unordered_map<std::string, Words>& subs, Dictionaries& d) {
  auto braces = SplitBrackets(head, '{', '}');
  if (!braces) return LineError(file, n, braces.error());
  std::string phrase = Upper(braces->head);
  auto variants = Substitute(phrase, subs);
  if (!variants)
    return LineError(file, n,
                     "substitutions expand to more than " +
                         std::to_string(kMaxSubstitutedVariants) + " phrases");
  for (const std::string& variant : *variants) {
    Words words = SplitPhrase(variant);
    if (words.empty()) return LineError(file, n, "agent without a name");
    if (braces->groups.empty()) {
      for (const std::string& plural : NounPlurals(words.back())) {
        Words w = words;
        w.back() = plural;
        d.agent_phrases.Add(std::move(w), index);
      }
    } else {
      d.agent_phrases.Add(words, index);
      std::istringstream in{std::string(braces->groups.front())};
      std::string form;
      while (in >> form) d.agent_phrases.Add(SplitPhrase(form), index);
    }
  }
  return OkStatus();
}

}  // namespace

Status LoadDiscards(std::string_view text, const std::string& file, Dictionaries& d) {
  Status s = ForEachLine(text, [&](int n, std::string_view line) -> Status {
    if (line.front() == '+') line.remove_prefix(1);
    Words words = SplitPhrase(line);
    if (words.empty()) return LineError(file, n, "empty discard phrase");
    d.discards.Add(std::move(words), 0);
    return OkStatus();
  });
  if (!s) return s;
  d.discards.Finish();
  return OkStatus();
}

Status LoadDictionaryText(std::string_view text, const std::string& file, Dictionaries& d) {
  switch (DetectKind(text)) {
    case FileKind::kVerbs:
      return LoadVerbs(text, file, d);
    case FileKind::kActors:
      return LoadActors(text, file, d);
    case FileKind::kAgents:
      return LoadAgents(text, file, d);
    case FileKind::kDiscards:
      return LoadDiscards(text, file, d);
  }
  return OkStatus();
}

Result<Dictionaries> LoadDictionaryFiles(const std::vector<std::string>& files) {
  Dictionaries d;
  if (files.empty()) return Error{"--dictionaries: no files given"};
  for (const std::string& file : files) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return Error{fmt::format("{}: cannot open dictionary file", file)};
    std::ostringstream buf;
    buf << in.rdbuf();
    Status s = LoadDictionaryText(buf.str(), file, d);
    if (!s) return Error{s.error()};
  }
  if (d.blocks.empty()) return Error{"--dictionaries: no verb file among the files given"};
  if (d.actor_phrases.size() == 0 && d.agent_phrases.size() == 0)
    return Error{"--dictionaries: no actor or agent file among the files given"};
  return d;
}

}  // namespace sitrep::petrarch
