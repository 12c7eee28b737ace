#include "geo/fold.h"

#include <utf8proc.h>

#include <array>
#include <cstdlib>

namespace sitrep::geo {
namespace {

bool IsApostrophe(int32_t c) {
  return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BF || c == 0x02BE || c == 0x02BC ||
         c == '`';
}

constexpr uint8_t kLetter = 1, kDigit = 2, kUpper = 4;
constexpr std::array<uint8_t, 128> kAsciiClass = [] {
  std::array<uint8_t, 128> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kLetter;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kLetter | kUpper;
  for (int c = '0'; c <= '9'; ++c) t[c] = kDigit;
  return t;
}();

bool IsUnicodeWordChar(int32_t c) {
  switch (utf8proc_category(c)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ND:
      return true;
    default:
      return false;
  }
}

inline bool IsWordChar(int32_t c) {
  return c < 0x80 ? kAsciiClass[c & 0x7F] != 0 : IsUnicodeWordChar(c);
}
inline bool IsUpper(int32_t c) {
  return c < 0x80 ? (kAsciiClass[c & 0x7F] & kUpper) != 0
                  : utf8proc_category(c) == UTF8PROC_CATEGORY_LU;
}
inline bool IsLetter(int32_t c) {
  if (c < 0x80) return (kAsciiClass[c & 0x7F] & kLetter) != 0;
  auto cat = utf8proc_category(c);
  return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}

// Decodes one code point at s[i]; invalid bytes come back as themselves (one byte).
inline int32_t Decode(std::string_view s, size_t i, size_t* len) {
  if (static_cast<unsigned char>(s[i]) < 0x80) {
    *len = 1;
    return s[i];
  }
  utf8proc_int32_t c = 0;
  auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                            static_cast<utf8proc_ssize_t>(s.size() - i), &c);
  if (n <= 0) {
    *len = 1;
    return static_cast<unsigned char>(s[i]);
  }
  *len = static_cast<size_t>(n);
  return c;
}

// Case, diacritics and apostrophes folded; then doubled letters and a final "h" after "a".
// Written into `out` (a token's key, filled where it lies).
void FoldWord(std::string_view word, std::string& out) {
  // ASCII (nearly every word): folded and squeezed in one pass, written in place and cut to
  // length once; the first byte of another script goes back to the general path.
  out.resize(word.size());
  size_t n = 0;
  bool ascii = true;
  for (char ch : word) {
    if (static_cast<unsigned char>(ch) >= 0x80) {
      ascii = false;
      break;
    }
    if (ch >= 'A' && ch <= 'Z')
      ch = static_cast<char>(ch - 'A' + 'a');
    else if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')))
      continue;
    if (n > 0 && out[n - 1] == ch && !(ch >= '0' && ch <= '9')) continue;  // doubled letter
    out[n++] = ch;
  }
  if (ascii) {
    out.resize(n);
    if (out.size() > 3 && out.ends_with("ah")) out.pop_back();
    return;
  }
  out.clear();
  {
    utf8proc_uint8_t* folded = nullptr;
    auto len = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(word.data()),
                            static_cast<utf8proc_ssize_t>(word.size()), &folded,
                            static_cast<utf8proc_option_t>(UTF8PROC_COMPAT | UTF8PROC_STRIPMARK |
                                                           UTF8PROC_CASEFOLD | UTF8PROC_DECOMPOSE));
    if (len < 0) return;
    std::string_view f(reinterpret_cast<const char*>(folded), static_cast<size_t>(len));
    for (size_t i = 0; i < f.size();) {
      size_t len = 1;
      int32_t c = Decode(f, i, &len);
      if (c == 0x131)
        out += 'i';  // dotless i
      else if (c == 0xDF)
        out += "ss";
      else if (c == 0xF8)
        out += 'o';
      else if (c == 0x111)
        out += 'd';
      else if (c == 0x142)
        out += 'l';
      else if (c < 0x80) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += static_cast<char>(c);
      } else if (IsWordChar(c)) {
        out.append(f.substr(i, len));
      }
      i += len;
    }
    std::free(folded);
  }
  n = 0;  // doubled letters squeezed in place
  for (size_t k = 0; k < out.size(); ++k)
    if (n == 0 || out[n - 1] != out[k] || (out[k] >= '0' && out[k] <= '9')) out[n++] = out[k];
  out.resize(n);
  if (out.size() > 3 && out.ends_with("ah")) out.pop_back();
  return;
}

bool IsAlwaysArticle(std::string_view k) {
  return k == "al" || k == "el";
}
bool IsAssimilatedArticle(std::string_view k) {
  if (k.size() < 2 || k.size() > 3 || (k[0] != 'a' && k[0] != 'e' && k[0] != 'u')) return false;
  static constexpr std::array<std::string_view, 17> kArticles = {
      "ad", "ar", "as", "ash", "at", "az", "an", "adh", "ath",
      "ez", "es", "ed", "er",  "en", "ud", "ul", "un"};
  for (auto a : kArticles)
    if (k == a) return true;
  return false;
}

// Whether the text between two words keeps them in one name: spaces, one hyphen, at most one
// line break, or the dot of a one- or two-letter abbreviation ("U.S. Embassy").
bool Joined(std::string_view gap, size_t prev_letters) {
  int newlines = 0, hyphens = 0;
  for (size_t i = 0; i < gap.size(); ++i) {
    char c = gap[i];
    if (c == ' ' || c == '\t') continue;
    if (c == '\n') {
      if (++newlines > 1) return false;
      continue;
    }
    if (c == '-') {
      if (++hyphens > 1) return false;
      continue;
    }
    if (c == '.' && prev_letters <= 2 && i == 0) continue;
    return false;
  }
  return true;
}

}  // namespace

std::vector<NameToken> TokenizeNames(std::string_view text) {
  std::vector<NameToken> tokens;
  tokens.reserve(text.size() / 6 + 4);
  size_t i = 0;
  while (i < text.size()) {
    unsigned char byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80 && kAsciiClass[byte] == 0) {  // the common case: space, punctuation
      ++i;
      continue;
    }
    size_t len = 1;
    int32_t c = Decode(text, i, &len);
    if (!IsWordChar(c)) {
      i += len;
      continue;
    }
    NameToken& t = tokens.emplace_back();
    t.start = static_cast<uint32_t>(i);
    size_t end = i, letters = 0, uppers = 0;
    bool first_letter_seen = false;
    // An all-ASCII word's key, folded as FoldWord would fold it, as its bytes are read; a word
    // with other bytes (or a longer one) is folded afterwards.
    char key[64];
    size_t key_size = 0;
    bool ascii_key = true;
    while (i < text.size()) {
      // ASCII letters and digits (nearly every byte of a word) without decoding.
      if (uint8_t cls = kAsciiClass[static_cast<unsigned char>(text[i]) & 0x7F];
          cls != 0 && static_cast<unsigned char>(text[i]) < 0x80) {
        char ch = text[i];
        if (cls & kLetter) {
          ++letters;
          if (cls & kUpper) ++uppers, ch = static_cast<char>(ch - 'A' + 'a');
          if (!first_letter_seen) t.capitalized = (cls & kUpper) != 0;
          first_letter_seen = true;
        }
        // Doubled letters squeezed (not digits).
        if (ascii_key && !(key_size > 0 && key[key_size - 1] == ch && !(cls & kDigit))) {
          if (key_size < sizeof key)
            key[key_size++] = ch;
          else
            ascii_key = false;
        }
        end = ++i;
        continue;
      }
      c = Decode(text, i, &len);
      if (IsWordChar(c)) {
        ascii_key = false;
        if (IsLetter(c)) {
          ++letters;
          if (IsUpper(c)) ++uppers;
          if (!first_letter_seen) t.capitalized = IsUpper(c);
          first_letter_seen = true;
        }
        i += len;
        end = i;
        continue;
      }
      if (!IsApostrophe(c)) break;
      // An apostrophe inside a word; "'s" at the end is the possessive and ends the name.
      size_t after = i + len, l2 = 1;
      if (after >= text.size() || !IsWordChar(Decode(text, after, &l2))) break;
      if ((text[after] == 's' || text[after] == 'S') &&
          (after + 1 >= text.size() || !IsWordChar(Decode(text, after + 1, &l2)))) {
        i = after + 1;
        break;
      }
      if (c >= 0x80) ascii_key = false;  // a curly apostrophe inside the word
      i += len;
    }
    t.end = static_cast<uint32_t>(end);
    t.all_caps = letters >= 2 && uppers == letters;
    if (ascii_key) {
      if (key_size > 3 && key[key_size - 2] == 'a' && key[key_size - 1] == 'h') --key_size;
      t.key.assign(key, key_size);
    } else {
      FoldWord(text.substr(t.start, t.end - t.start), t.key);
    }
    t.hyphen_after = t.end < text.size() && text[t.end] == '-';
    // Skip what "Sana'a"-style apostrophe handling left at i (possessive s consumed).
  }
  // Leading apostrophes ("‘Afar") were skipped as non-word characters: the token starts at the
  // letter, which is what a reader selects anyway.
  for (size_t k = 0; k + 1 < tokens.size(); ++k) {
    size_t letters = tokens[k].end - tokens[k].start;
    tokens[k].joined_to_next =
        Joined(text.substr(tokens[k].end, tokens[k + 1].start - tokens[k].end), letters);
  }
  for (size_t k = 0; k + 1 < tokens.size(); ++k) {
    NameToken& t = tokens[k];
    if (!t.joined_to_next) continue;
    bool article = IsAlwaysArticle(t.key) ||
                   (IsAssimilatedArticle(t.key) &&
                    (t.hyphen_after || (t.capitalized && tokens[k + 1].capitalized)));
    if (article) t.key.clear();
  }
  return tokens;
}

std::string JoinKeys(const std::vector<NameToken>& tokens, size_t begin, size_t end) {
  std::string key;
  for (size_t k = begin; k < end; ++k) {
    if (tokens[k].key.empty()) continue;
    if (!key.empty()) key += ' ';
    key += tokens[k].key;
  }
  return key;
}

std::string NameKey(std::string_view name) {
  auto tokens = TokenizeNames(name);
  return JoinKeys(tokens, 0, tokens.size());
}

uint64_t KeyHash(std::string_view key) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : key) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h == 0 ? 1 : h;
}

}  // namespace sitrep::geo
