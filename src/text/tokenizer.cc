#include "text/tokenizer.h"

namespace sitrep {
namespace {

bool IsAsciiAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}
bool IsUpper(char c) {
  return c >= 'A' && c <= 'Z';
}

// What a byte position starts, for UTF-8 sequences that are not letters.
enum class ByteClass { kSpace, kPunct, kSymbol, kLetter, kDigit, kOther };

// Classifies the (possibly multi-byte) character at `i` and sets `len` to its byte length.
ByteClass Classify(std::string_view s, size_t i, size_t& len) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  len = 1;
  if (c < 0x80) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
      return ByteClass::kSpace;
    if (IsDigit(static_cast<char>(c))) return ByteClass::kDigit;
    if (IsAsciiAlpha(static_cast<char>(c))) return ByteClass::kLetter;
    switch (c) {
      case '.':
      case ',':
      case ';':
      case ':':
      case '!':
      case '?':
      case '(':
      case ')':
      case '[':
      case ']':
      case '{':
      case '}':
      case '"':
      case '\'':
      case '-':
        return ByteClass::kPunct;
      default:
        return c < 0x20 ? ByteClass::kSpace : ByteClass::kSymbol;
    }
  }
  if (c >= 0xF0)
    len = 4;
  else if (c >= 0xE0)
    len = 3;
  else if (c >= 0xC0)
    len = 2;
  if (i + len > s.size()) len = s.size() - i;
  unsigned char c1 = len > 1 ? static_cast<unsigned char>(s[i + 1]) : 0;
  unsigned char c2 = len > 2 ? static_cast<unsigned char>(s[i + 2]) : 0;
  if (c == 0xC2) {
    if (c1 == 0xA0) return ByteClass::kSpace;  // no-break space
    if (c1 == 0xAB || c1 == 0xBB || c1 == 0xBF || c1 == 0xA1) return ByteClass::kPunct;
    if (c1 < 0xC0) return ByteClass::kSymbol;  // ° £ © etc.
  }
  if (c == 0xE2 && c1 == 0x80) {
    if (c2 <= 0x8A || c2 == 0xAF) return ByteClass::kSpace;  // en/em/thin spaces
    if (c2 == 0x8B) return ByteClass::kOther;                // zero-width space: skip
    return ByteClass::kPunct;                                // dashes, quotes, bullet, …
  }
  if (c == 0xE2 && (c1 == 0x82 || c1 == 0x84 || c1 == 0x88)) return ByteClass::kSymbol;
  if (c == 0xE3 && c1 == 0x80 && c2 == 0x80) return ByteClass::kSpace;
  if (c == 0xEF && c1 == 0xBB && c2 == 0xBF) return ByteClass::kOther;  // BOM
  return ByteClass::kLetter;
}

bool EqualsLower(std::string_view w, std::string_view lower) {
  if (w.size() != lower.size()) return false;
  for (size_t i = 0; i < w.size(); ++i)
    if ((IsUpper(w[i]) ? w[i] + 32 : w[i]) != lower[i]) return false;
  return true;
}

bool IsWordChar(std::string_view s, size_t i) {
  char c = s[i];
  if (IsAsciiAlpha(c) || IsDigit(c)) return true;
  if (static_cast<unsigned char>(c) < 0x80) return false;
  size_t len;
  ByteClass k = Classify(s, i, len);
  return k == ByteClass::kLetter || k == ByteClass::kDigit;
}

class Tokenizer {
 public:
  Tokenizer(std::string_view body, std::vector<Token>& out) : s_(body), out_(out) {}

  void Run() {
    size_t i = 0;
    int newlines = 0;
    bool space = false;
    pending_flags_ = kLineStart | kParagraphStart;
    while (i < s_.size()) {
      size_t len;
      ByteClass k = Classify(s_, i, len);
      if (k == ByteClass::kSpace || k == ByteClass::kOther) {
        if (s_[i] == '\n') ++newlines;
        space = space || k == ByteClass::kSpace;
        i += len;
        continue;
      }
      if (!out_.empty()) {
        pending_flags_ = 0;
        if (newlines >= 1) pending_flags_ |= kLineStart;
        if (newlines >= 2) pending_flags_ |= kParagraphStart;
      }
      if (space || newlines) pending_flags_ |= kSpaceBefore;
      newlines = 0;
      space = false;
      if (k == ByteClass::kDigit)
        i = Number(i);
      else if (k == ByteClass::kLetter)
        i = Word(i);
      else if (k == ByteClass::kPunct)
        i = Punct(i, len);
      else
        i = Emit(i, i + len, TokenKind::kSymbol);
    }
  }

 private:
  size_t Emit(size_t start, size_t end, TokenKind kind, uint8_t extra = 0) {
    Token t;
    t.start = static_cast<uint32_t>(start);
    t.end = static_cast<uint32_t>(end);
    t.kind = kind;
    t.flags = pending_flags_ | extra;
    pending_flags_ = 0;
    if (kind == TokenKind::kWord) {
      if (IsUpper(s_[start])) {
        t.flags |= kCapitalized;
        int letters = 0;
        bool all = true;
        for (size_t j = start; j < end && all; ++j) {
          if (IsAsciiAlpha(s_[j])) {
            ++letters;
            all = IsUpper(s_[j]);
          }
        }
        if (all && letters >= 2) t.flags |= kAllCaps;
      }
      LexEntry e = LookUp(s_.substr(start, end - start));
      t.lex = e.lex;
      t.lex_value = e.value;
    }
    out_.push_back(t);
    return end;
  }

  bool Digit(size_t i) const { return i < s_.size() && IsDigit(s_[i]); }
  bool Letter(size_t i) const { return i < s_.size() && IsAsciiAlpha(s_[i]); }
  bool Char(size_t i, char c) const { return i < s_.size() && s_[i] == c; }

  size_t Number(size_t i) {
    size_t start = i;
    while (Digit(i)) ++i;
    // ISO date: 2021-07-07.
    if (i - start == 4 && Char(i, '-') && Digit(i + 1) && Digit(i + 2) && Char(i + 3, '-') &&
        Digit(i + 4) && Digit(i + 5) && !Digit(i + 6))
      return Emit(start, i + 6, TokenKind::kNumber);
    while ((Char(i, ',') || Char(i, '.') || Char(i, ':') || Char(i, '/')) && Digit(i + 1)) {
      ++i;
      while (Digit(i)) ++i;
    }
    if (Char(i, '-') && i + 1 < s_.size() && Letter(i + 1)) return WordFrom(start, i);
    while (Letter(i)) ++i;  // 2am, 14th, 1990s, 10km
    if (i < s_.size() && IsWordChar(s_, i)) return WordFrom(start, i);
    return Emit(start, i, TokenKind::kNumber);
  }

  size_t Word(size_t i) { return WordFrom(i, i); }

  // Scans a word starting at `start`, already consumed up to `i`.
  size_t WordFrom(size_t start, size_t i) {
    uint8_t extra = 0;
    auto consume_run = [&] {
      while (i < s_.size()) {
        char c = s_[i];
        if (IsAsciiAlpha(c) || IsDigit(c)) {
          ++i;
          continue;
        }
        if (static_cast<unsigned char>(c) < 0x80) break;
        size_t len;
        ByteClass k = Classify(s_, i, len);
        if (k != ByteClass::kLetter && k != ByteClass::kDigit) break;
        i += len;
      }
    };
    consume_run();
    // Initialisms: U.S., U.N., a.m., e.g. — single letters each followed by a period.
    if (i - start == 1 && Char(i, '.') && Letter(i + 1) && Char(i + 2, '.')) {
      while (Char(i, '.') && Letter(i + 1) && Char(i + 2, '.') &&
             !(i + 3 < s_.size() && IsWordChar(s_, i + 3)))
        i += 2;
      return Emit(start, i + 1, TokenKind::kWord, kAbbreviation);
    }
    for (;;) {
      if (Char(i, '-') && i + 1 < s_.size() && IsWordChar(s_, i + 1)) {
        extra |= kHyphenated;
        ++i;
        consume_run();
        continue;
      }
      if (Char(i, '\'') && Letter(i + 1)) {
        size_t j = i + 1;
        while (Letter(j)) ++j;
        std::string_view rest = s_.substr(i + 1, j - i - 1);
        bool ends_word = j >= s_.size() || !IsWordChar(s_, j);
        if (ends_word && rest.size() == 1 && (rest[0] == 't' || rest[0] == 'T') && i > start + 1 &&
            (s_[i - 1] == 'n' || s_[i - 1] == 'N')) {
          Emit(start, i - 1, TokenKind::kWord, extra);  // "are" of "aren't"
          return Emit(i - 1, j, TokenKind::kWord, kClitic);
        }
        if (ends_word && IsClitic(rest)) {
          Emit(start, i, TokenKind::kWord, extra);
          return Emit(i, j, TokenKind::kWord, kClitic);
        }
        ++i;  // O'Brien, Mu'ammar
        consume_run();
        continue;
      }
      break;
    }
    if (Char(i, '.') && TakesPeriod(start, i))
      return Emit(start, i + 1, TokenKind::kWord, extra | kAbbreviation);
    return Emit(start, i, TokenKind::kWord, extra);
  }

  static bool IsClitic(std::string_view rest) {
    if (rest.size() == 1) {
      char c = static_cast<char>(rest[0] | 0x20);
      return c == 's' || c == 'd' || c == 'm';
    }
    if (rest.size() == 2) {
      char a = static_cast<char>(rest[0] | 0x20), b = static_cast<char>(rest[1] | 0x20);
      return (a == 'r' && b == 'e') || (a == 'v' && b == 'e') || (a == 'l' && b == 'l');
    }
    return false;
  }

  // Whether the period after the word [start, dot) belongs to it.
  bool TakesPeriod(size_t start, size_t dot) const {
    std::string_view w = s_.substr(start, dot - start);
    if (w.size() == 1 && IsUpper(w[0])) return true;  // an initial: "J. R. Smith"
    LexEntry e = LookUp(w);
    switch (e.lex) {
      case Lex::kTitle:
      case Lex::kEtc:
        return true;
      case Lex::kMonth:  // "Jan.", "Sept." but not "May." ending a sentence
        return !EqualsLower(w, "may") && !EqualsLower(w, "june") && !EqualsLower(w, "july");
      case Lex::kNumberSign:
      case Lex::kNo: {
        size_t j = dot + 1;
        while (j < s_.size() && s_[j] == ' ') ++j;
        return Digit(j);  // "No. 5" but not "he said no."
      }
      default:
        return false;
    }
  }

  size_t Punct(size_t i, size_t len) {
    if (s_[i] == '.' && Char(i + 1, '.') && Char(i + 2, '.')) {
      size_t j = i;
      while (Char(j, '.')) ++j;
      return Emit(i, j, TokenKind::kPunct);
    }
    if (s_[i] == '-' && Char(i + 1, '-')) {
      size_t j = i;
      while (Char(j, '-')) ++j;
      return Emit(i, j, TokenKind::kPunct);
    }
    return Emit(i, i + len, TokenKind::kPunct);
  }

  std::string_view s_;
  std::vector<Token>& out_;
  uint8_t pending_flags_ = 0;
};

}  // namespace

void Tokenize(std::string_view body, std::vector<Token>& out) {
  out.clear();
  out.reserve(body.size() / 5 + 4);
  Tokenizer(body, out).Run();
}

bool TokenIs(std::string_view body, const Token& t, std::string_view lower_word) {
  if (t.size() != lower_word.size()) return false;
  for (size_t i = 0; i < lower_word.size(); ++i) {
    char c = body[t.start + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c != lower_word[i]) return false;
  }
  return true;
}

}  // namespace sitrep
