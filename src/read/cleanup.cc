#include "read/cleanup.h"

#include <utf8proc.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string_view>

#include "base/phrase_set.h"
#include "read/date_line.h"
#include "read/dateline.h"
#include "read/source_map.h"

namespace sitrep::read {
namespace {

using Words = std::initializer_list<std::string_view>;

// One line of the document, normalized for the rules below.
struct LineView {
  Block* block;
  Line* line;
  std::string text;   // normalized
  std::string lower;  // lower-cased ASCII of text
};

std::string Lower(std::string_view s) {
  std::string out(s);
  // ASCII only, as std::tolower in the "C" locale, without a library call per byte: eight bytes
  // at a time, each byte that is 'A'..'Z' (high bit clear, 7-bit value in range) gets 0x20.
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  char* p = out.data();
  size_t n = out.size(), i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t x;
    std::memcpy(&x, p + i, 8);
    uint64_t low7 = x & (0x7F * kOnes);
    uint64_t above_z = low7 + (0x7F - 'Z') * kOnes;  // high bit set where > 'Z'
    uint64_t from_a = low7 + (0x80 - 'A') * kOnes;   // high bit set where >= 'A'
    uint64_t upper = ~x & (from_a ^ above_z) & (0x80 * kOnes);
    x ^= upper >> 2;
    std::memcpy(p + i, &x, 8);
  }
  for (; i < n; ++i)
    if (p[i] >= 'A' && p[i] <= 'Z') p[i] = static_cast<char>(p[i] - 'A' + 'a');
  return out;
}

// Whether `s` starts with / contains one of a literal list of phrases: each list is compiled
// once into a PhraseSet (a static of its own lambda), so a line is scanned once, not once a
// phrase.
#define StartsWithAny(s, ...)                                                          \
  ([](std::string_view s_) {                                                           \
    static const PhraseSet kSet_(std::initializer_list<std::string_view> __VA_ARGS__); \
    return kSet_.Prefixes(s_);                                                         \
  }(s))
#define ContainsAny(s, ...)                                                            \
  ([](std::string_view s_) {                                                           \
    static const PhraseSet kSet_(std::initializer_list<std::string_view> __VA_ARGS__); \
    return kSet_.FoundIn(s_);                                                          \
  }(s))

size_t WordCount(std::string_view s) {
  size_t n = 0;
  bool in = false;
  for (char c : s) {
    bool letter = !std::isspace(static_cast<unsigned char>(c));
    if (letter && !in) ++n;
    in = letter;
  }
  return n;
}

std::string Trim(std::string_view s, std::string_view chars = " \t") {
  size_t b = s.find_first_not_of(chars);
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(chars);
  return std::string(s.substr(b, e - b + 1));
}

// Calls `keep` with each letter and digit of `s`, lower-cased (one code point's UTF-8 at a
// time), until it returns false: for comparing a line with the title loosely.
template <class Keep>
void ForEachLoose(std::string_view s, Keep keep) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {  // ASCII: letters and digits are kept, as utf8proc's categories say
      ++i;
      if (b >= 'A' && b <= 'Z') b = static_cast<unsigned char>(b - 'A' + 'a');
      if (((b >= 'a' && b <= 'z') || (b >= '0' && b <= '9')) &&
          !keep(std::string_view(reinterpret_cast<const char*>(&b), 1)))
        return;
      continue;
    }
    int32_t cp = 0;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                              static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (n <= 0) {
      ++i;
      continue;
    }
    i += static_cast<size_t>(n);
    utf8proc_category_t cat = utf8proc_category(cp);
    bool kept = cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LL ||
                cat == UTF8PROC_CATEGORY_LT || cat == UTF8PROC_CATEGORY_LO ||
                cat == UTF8PROC_CATEGORY_ND;
    if (kept) {
      utf8proc_uint8_t buf[4];
      auto len = utf8proc_encode_char(utf8proc_tolower(cp), buf);
      if (!keep(std::string_view(reinterpret_cast<char*>(buf), static_cast<size_t>(len)))) return;
    }
  }
}

// Letters and digits only, lower-cased.
std::string Loose(std::string_view s) {
  std::string out;
  ForEachLoose(s, [&out](std::string_view c) {
    out += c;
    return true;
  });
  return out;
}

// The value after "Label:" when the line starts with one of the labels, else empty.
std::string AfterLabel(const LineView& l, Words labels) {
  for (std::string_view label : labels)
    if (l.lower.starts_with(label)) return Trim(l.text.substr(label.size()), " \t:-|");
  return {};
}

bool IsContent(const LineView& l);

// "By Jane Doe", "By Jane Doe and John Roe, Reuters": a name, not the start of a sentence.
std::string Byline(const LineView& l) {
  if (IsContent(l)) return {};
  std::string name = AfterLabel(l, {"by ", "written by ", "posted by ", "words by "});
  if (name.empty()) return {};
  for (std::string_view stop : {" |", " - ", ", ", " / ", " for ", " on "})
    if (size_t at = name.find(stop); at != std::string::npos) name.resize(at);
  name = Trim(name, " \t,.");
  if (name.empty() || WordCount(name) > 6 || name.size() > 60) return {};
  if (!std::isupper(static_cast<unsigned char>(name[0]))) return {};
  return name;
}

bool IsSeparator(std::string_view s) {
  return !s.empty() && s.find_first_not_of("*-_=~#+.•·|/\\ ") == std::string_view::npos &&
         s.find_first_of("*-_=~#•·") != std::string_view::npos;
}

// Where the last "©" (C2 A9) starts, as text.rfind("\xC2\xA9"); the lead byte is rare, so it is
// found with memchr.
size_t LastCopyrightSign(std::string_view text) {
  size_t last = std::string_view::npos;
  for (size_t from = 0; from + 1 < text.size();) {
    const void* hit = std::memchr(text.data() + from, '\xC2', text.size() - 1 - from);
    if (!hit) break;
    size_t at = static_cast<size_t>(static_cast<const char*>(hit) - text.data());
    if (text[at + 1] == '\xA9') last = at;
    from = at + 1;
  }
  return last;
}

// Image captions: a credit after "©", or a photo/credit label.
bool IsCaption(const LineView& l) {
  if (StartsWithAny(l.lower, {"featured image", "image:", "photo:", "picture:", "photograph:",
                              "credit:", "credits:", "caption:", "image credit", "photo credit",
                              "file photo", "(photo", "[photo", "photo by ", "image by "}))
    return true;
  size_t copy = LastCopyrightSign(l.text);
  if (copy != std::string::npos && copy > 0) {
    std::string credit = l.text.substr(copy + 2);
    if (credit.size() <= 80 && credit.find(". ") == std::string::npos) return true;
  }
  return l.text.size() < 400 &&
         ContainsAny(l.lower, {"(photo:", "(photo by", "(image:", "reuters/", "afp/", "ap photo/",
                               "getty images", "(afp photo"});
}

bool IsTagLine(const LineView& l) {
  return l.text.size() < 300 &&
         StartsWithAny(l.lower,
                       {"region:", "regions:", "theme:", "themes:", "in-depth report:", "tags:",
                        "tag:", "topics:", "topic:", "categories:", "category:", "filed under:",
                        "keywords:", "section:", "reading time", "estimated reading time"});
}

// The next `sep` (a space, a mark, a space) in `text` from `pos` on, as text.find(sep, pos):
// found by the mark, with memchr, since spaces are everywhere.
size_t FindSpacedMark(std::string_view text, std::string_view sep, size_t pos) {
  for (size_t from = pos + 1; from < text.size();) {
    const void* hit = std::memchr(text.data() + from, sep[1], text.size() - from);
    if (!hit) return std::string_view::npos;
    size_t mark = static_cast<size_t>(static_cast<const char*>(hit) - text.data());
    if (text.substr(mark - 1).starts_with(sep)) return mark - 1;
    from = mark + 1;
  }
  return std::string_view::npos;
}

bool IsBreadcrumb(const LineView& l) {
  if (l.text.size() > 200) return false;
  for (std::string_view sep : {" > ", " » ", " / ", " | ", " › "}) {
    size_t parts = 1, pos = 0;
    while ((pos = FindSpacedMark(l.text, sep, pos)) != std::string::npos)
      ++parts, pos += sep.size();
    if (parts >= 3 && WordCount(l.text) <= parts * 4) return true;
  }
  return false;
}

// Prompts and notices that no article sentence starts with. The second list holds words a
// sentence could start with, so it only applies to short lines (a prompt, not a paragraph).
bool IsFurniturePrefix(const LineView& l) {
  if (StartsWithAny(l.lower, {"note to readers",
                              "disclaimer",
                              "copyright",
                              "\xC2\xA9",
                              "(c) ",
                              "all rights reserved",
                              "the original source of this article",
                              "this article was originally published",
                              "this article first appeared",
                              "originally published",
                              "for media inquiries",
                              "media inquiries",
                              "become a member",
                              "comment on ",
                              "forward this article",
                              "crosspost",
                              "about the author",
                              "articles by:",
                              "click the share",
                              "please click",
                              "please share",
                              "please donate",
                              "make a donation",
                              "visit and follow us"}))
    return true;
  return l.text.size() < 120 && StartsWithAny(l.lower, {"subscribe",
                                                        "sign up",
                                                        "follow us",
                                                        "share this",
                                                        "share on ",
                                                        "share:",
                                                        "click here",
                                                        "donate",
                                                        "support our",
                                                        "support us",
                                                        "read more",
                                                        "read also",
                                                        "related:",
                                                        "related articles",
                                                        "related stories",
                                                        "related posts",
                                                        "recommended",
                                                        "advertisement",
                                                        "sponsored",
                                                        "print this",
                                                        "email this",
                                                        "leave a comment",
                                                        "leave a reply",
                                                        "join the conversation",
                                                        "skip to",
                                                        "jump to",
                                                        "back to top",
                                                        "more from",
                                                        "you may also like",
                                                        "listen to this article",
                                                        "watch:",
                                                        "video:"});
}

// Phrases that mark a notice wherever they are in the line.
bool HasFurniturePhrase(const LineView& l) {
  return l.text.size() < 1200 &&
         ContainsAny(
             l.lower,
             {"share buttons", "translate website", "contains copyrighted material", "follow us on",
              "become a member", "subscribe to our", "sign up for our", "forward this article",
              "crosspost on", "our home page", "all rights reserved", "copyright \xC2\xA9",
              "under the provisions of", "\"fair use\"", "fair use notice", "click to share",
              "share this article", "enable javascript", "uses cookies"});
}

// Notices that end the article: everything after them is page furniture.
bool IsEndMarker(const LineView& l) {
  return StartsWithAny(
      l.lower,
      {"note to readers", "the original source of this article", "disclaimer", "about the author",
       "copyright \xC2\xA9", "all rights reserved", "this article was originally published",
       "this article first appeared", "related articles", "related stories", "you may also like"});
}

// "Jane Doe", "Jane Doe (jane@example.org)": two to five capitalized words.
bool IsPersonName(std::string_view subject) {
  std::string name;
  int depth = 0;
  for (char c : subject) {
    if (c == '(') ++depth;
    if (depth == 0) name += c;
    if (c == ')' && depth > 0) --depth;
  }
  name = Trim(name, " ,");
  if (name.find(',') != std::string::npos) return false;
  size_t words = 0;
  size_t pos = 0;
  while (pos < name.size()) {
    size_t end = std::min(name.find(' ', pos), name.size());
    std::string_view w = std::string_view(name).substr(pos, end - pos);
    pos = end + 1;
    if (w.empty()) continue;
    ++words;
    bool particle = w == "al" || w.starts_with("al-") || w == "bin" || w == "de" || w == "van" ||
                    w == "von" || w == "el" || w == "da" || w == "di";
    if (!particle && !std::isupper(static_cast<unsigned char>(w[0]))) return false;
    if (words == 1)
      for (std::string_view pronoun : {"The", "This", "That", "He", "She", "It", "They", "A", "An",
                                       "Our", "His", "Her", "Their"})
        if (w == pronoun) return false;
  }
  return words >= 2 && words <= 5;
}

// "Jane Doe is an independent writer…": an author bio box.
bool IsBio(std::string_view text) {
  std::string lower = Lower(text.substr(0, 400));
  size_t is = std::string::npos;
  for (std::string_view v : {" is a ", " is an ", " is the ", " has been ", " writes for ",
                             " is a regular ", ", is a ", ", is an "})
    is = std::min(is, lower.find(v));
  if (is == std::string::npos || is > 120 || !IsPersonName(text.substr(0, is))) return false;
  return ContainsAny(lower, {"writer", "journalist", "author", "researcher", "analyst", "editor",
                             "correspondent", "professor", "fellow", "columnist", "contributor",
                             "reporter", "commentator", "blogger", "scholar", "writes for"});
}

// What a header line gives besides an author: "Example Wire, March 3, 2022",
// "| March 3, 2022", "for Example Wire · 3 March 2022", "Updated 2022-03-03 14:00 UTC".
struct HeaderFields {
  std::string outlet;
  std::optional<Date> date;
  std::string headline;  // "Rebels seize town" of "Rebels seize town - March 3, 2022"
};

// Separators and spaces at both ends, the multi-byte ones (· — – •) whole.
std::string TrimSeparators(std::string_view s) {
  static constexpr std::string_view kWide[] = {"\xC2\xB7", "\xE2\x80\x94", "\xE2\x80\x93",
                                               "\xE2\x80\xA2"};
  for (bool changed = true; changed && !s.empty();) {
    changed = false;
    if (std::string_view(" \t,|-/:").find(s.front()) != std::string_view::npos) {
      s.remove_prefix(1);
      changed = true;
    } else if (std::string_view(" \t,|-/").find(s.back()) != std::string_view::npos) {
      s.remove_suffix(1);
      changed = true;
    }
    for (std::string_view w : kWide) {
      if (s.starts_with(w)) s.remove_prefix(w.size()), changed = true;
      if (s.ends_with(w)) s.remove_suffix(w.size()), changed = true;
    }
  }
  return std::string(s);
}

// A date, perhaps after a label ("Published March 3, 2022", "Updated: 2022-03-03").
std::optional<Date> LabeledDate(std::string_view text) {
  std::string t = TrimSeparators(text);
  std::string lower = Lower(t);
  for (std::string_view label :
       {"published on ", "published ", "posted on ", "posted ", "updated on ", "updated ",
        "first published ", "on ", "published:", "posted:", "updated:", "date:"}) {
    if (lower.starts_with(label)) return ParseDateLine(Trim(t.substr(label.size()), " \t:"));
  }
  return ParseDateLine(t);
}

// The date is the tail of the fields (tried from the longest tail), an outlet what precedes it
// when that is a short capitalized name.
HeaderFields ReadHeaderFields(std::string_view rest) {
  HeaderFields f;
  std::string text = TrimSeparators(rest);
  if (text.starts_with("for ")) text.erase(0, 4);
  std::string_view t = text;
  size_t date_at = std::string_view::npos;
  for (size_t i = 0; i <= t.size() && date_at == std::string_view::npos; ++i) {
    bool cut = i == 0;
    for (std::string_view sep : {", ", " | ", " - ", " / ", " \xC2\xB7 ", " \xE2\x80\x94 ",
                                 " \xE2\x80\x93 ", " \xE2\x80\xA2 "})
      if (i >= sep.size() && t.substr(i - sep.size(), sep.size()) == sep) cut = true;
    if (!cut) continue;
    if (auto d = LabeledDate(t.substr(i))) {
      f.date = d;
      date_at = i;
    }
  }
  std::string head = TrimSeparators(t.substr(0, std::min(date_at, t.size())));
  if (!head.empty() && WordCount(head) <= 6 && head.size() <= 60 &&
      std::isupper(static_cast<unsigned char>(head[0])) && !ParseDateLine(head))
    f.outlet = head;
  return f;
}

// Whether every word of `field` is capitalized but for the small words of names ("Horn Press
// Agency", "Voice of America"): an outlet's name, not a sentence-case headline.
bool IsNameField(std::string_view field) {
  size_t i = 0;
  while (i < field.size()) {
    while (i < field.size() && field[i] == ' ') ++i;
    size_t end = field.find(' ', i);
    if (end == std::string_view::npos) end = field.size();
    std::string_view word = field.substr(i, end - i);
    static constexpr std::string_view kSmall[] = {
        "of", "the", "and", "for", "on",  "in", "a",  "an",  "de",  "du", "des",
        "al", "el",  "la",  "le",  "der", "di", "da", "van", "von", "y",  "et"};
    if (!word.empty() && std::islower(static_cast<unsigned char>(word[0])) &&
        std::find(std::begin(kSmall), std::end(kSmall), word) == std::end(kSmall))
      return false;
    i = end;
  }
  return true;
}

// A short line of fields split by " | ", " · ", " — ", " – " or " - ", one of them a date:
// "3 March 2022 | Example Wire", "Horn Press Agency - July 14, 2024". The first other field is
// the outlet when it is a name; with `want_title`, a first field that reads as a headline
// ("Rebels seize town - March 3, 2022") is the headline, not the outlet.
bool DateAmongFields(const LineView& l, HeaderFields& out, bool want_title) {
  if (l.text.size() > 120) return false;
  std::vector<std::string> fields;
  std::string_view t = l.text;
  for (size_t start = 0;;) {
    size_t best = std::string_view::npos, len = 0;
    for (std::string_view sep :
         {" | ", " \xC2\xB7 ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", " \xE2\x80\xA2 ", " - "}) {
      size_t at = t.find(sep, start);
      if (at < best) best = at, len = sep.size();
    }
    fields.push_back(Trim(t.substr(start, best == std::string_view::npos ? best : best - start)));
    if (best == std::string_view::npos) break;
    start = best + len;
  }
  if (fields.size() < 2) return false;
  HeaderFields f;
  for (const std::string& field : fields) {
    if (auto d = LabeledDate(field); d && !f.date) {
      f.date = d;
    } else if (want_title && &field == &fields.front() && WordCount(field) >= 2 &&
               WordCount(field) <= 25 && std::isupper(static_cast<unsigned char>(field[0])) &&
               !IsNameField(field)) {
      f.headline = field;
    } else if (f.outlet.empty() && !field.empty() && WordCount(field) <= 6 &&
               std::isupper(static_cast<unsigned char>(field[0]))) {
      f.outlet = field;
    } else if (!field.empty() &&
               (WordCount(field) > 4 || !std::isupper(static_cast<unsigned char>(field[0])))) {
      return false;  // neither a date nor a name (a section): not a line of metadata
    }
  }
  if (!f.date) return false;
  out = f;
  return true;
}

// A line that reads like article text, which ends the header.
bool IsContent(const LineView& l) {
  if (l.text.size() >= 100) return true;
  char last = l.text.empty() ? ' ' : l.text.back();
  return WordCount(l.text) >= 8 &&
         (last == '.' || last == '!' || last == '?' || last == '"' || last == '\'');
}

// "12 Sep", "Sep 12", "3 hours ago", "Updated 5 min ago": a stamp without a year.
bool IsPartialDateOrAge(const LineView& l) {
  if (WordCount(l.text) > 5 || l.text.size() > 40) return false;
  if (l.lower.ends_with(" ago")) return true;
  bool digit = l.text.find_first_of("0123456789") != std::string::npos;
  return digit && ContainsAny(l.lower, {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
                                        "sep", "oct", "nov", "dec"});
}

bool LooksLikeTitle(const LineView& l) {
  size_t words = WordCount(l.text);
  if (words < 2 || words > 25 || l.text.size() > 200) return false;
  char last = l.text.back();
  return last != '.' && last != ':' && last != ',';
}

// "Global Research, July 15, 2021": an outlet and a date.
bool OutletAndDate(const LineView& l, std::string& outlet, std::optional<Date>& date) {
  if (l.text.size() > 120) return false;
  for (size_t comma = l.text.find(", "); comma != std::string::npos;
       comma = l.text.find(", ", comma + 1)) {
    auto d = ParseDateLine(l.text.substr(comma + 2));
    if (!d) continue;
    std::string name = Trim(l.text.substr(0, comma));
    if (name.empty() || WordCount(name) > 6 || ParseDateLine(name)) return false;
    outlet = name;
    date = d;
    return true;
  }
  return false;
}

class Cleaner {
 public:
  explicit Cleaner(Document& doc) : doc_(doc) {
    for (Block& b : doc.blocks)
      for (Line& l : b.lines) {
        std::string text = NormalizeInline(l.Plain());
        if (text.empty()) l.removed = true;
        if (!l.removed) lines_.push_back({&b, &l, text, Lower(text)});
      }
  }

  void Run() {
    ReadHeader();
    TakeDateline();
    if (!meta().published) meta().published = updated_;
    for (size_t i = 0; i < lines_.size(); ++i) StripFurniture(i);
    CutTail();
    StripBio();
  }

 private:
  Metadata& meta() { return doc_.meta; }

  void Remove(LineView& l) { l.line->removed = true; }

  // Whether the line is the title, or its first 21 letters or more, loosely compared: the
  // line's letters are matched against the title's as they come, so a line of text stops at
  // its first difference.
  bool SameAsTitle(const LineView& l) {
    if (meta().title.empty()) return false;
    if (loose_title_of_ != meta().title) {
      loose_title_of_ = meta().title;
      loose_title_ = Loose(loose_title_of_);
    }
    std::string_view title = loose_title_;
    size_t matched = 0;
    bool prefix = true;
    ForEachLoose(l.text, [&](std::string_view c) {
      prefix = title.substr(matched).starts_with(c);
      matched += c.size();
      return prefix;
    });
    return prefix && matched > 0 && (matched == title.size() || matched > 20);
  }

  // Header lines: metadata is taken and removed; the header ends at the first line of text.
  void ReadHeader() {
    for (size_t i = 0; i < lines_.size() && i < 30; ++i) {
      LineView& l = lines_[i];
      if (HeaderMetadata(l) || IsTagLine(l) || IsBreadcrumb(l) || IsSeparator(l.text) ||
          l.line->link_only || IsFurniturePrefix(l) || HasFurniturePhrase(l) || IsCaption(l) ||
          CaptionWithoutCredit(i)) {
        Remove(l);
        continue;
      }
      if (SameAsTitle(l)) {
        Remove(l);
        continue;
      }
      bool heading = l.block->kind == BlockKind::kHeading;
      if (meta().title.empty() && !seen_text_ && (heading || LooksLikeTitle(l)) &&
          lines_.size() > i + 1 && (heading || StandsAlone(i))) {
        meta().title = l.text;
        Remove(l);
        continue;
      }
      seen_text_ = true;
      if (IsContent(l)) {
        body_start_ = i;
        return;
      }
    }
  }

  bool HeaderMetadata(LineView& l) {
    if (std::string author = Byline(l); !author.empty()) {
      if (meta().author.empty()) meta().author = author;
      // "By Jane Roe, Example Wire, March 3, 2022": the rest of the line.
      size_t at = l.text.find(author);
      if (at != std::string::npos) Take(ReadHeaderFields(l.text.substr(at + author.size())));
      return true;
    }
    if (HeaderFields f; DateAmongFields(l, f, meta().title.empty() && !seen_text_)) {
      if (!f.headline.empty()) meta().title = f.headline;
      Take(f);
      return true;
    }
    if (std::string author = AfterLabel(l, {"author:", "authors:", "articles by:"});
        !author.empty()) {
      if (meta().author.empty()) meta().author = author;
      return true;
    }
    if (std::string outlet = AfterLabel(l, {"outlet:", "publisher:", "publication:"});
        !outlet.empty()) {
      if (meta().outlet.empty()) meta().outlet = outlet;
      return true;
    }
    if (std::string when = AfterLabel(l, {"published:", "published on", "published", "posted:",
                                          "posted on", "date:", "dated:", "first published"});
        !when.empty()) {
      if (auto d = ParseDateLine(when)) {
        if (!meta().published) meta().published = d;
        return true;
      }
    }
    if (std::string when =
            AfterLabel(l, {"updated:", "updated on", "last updated", "modified:", "updated "});
        !when.empty()) {
      // Only when the page prints no publication date at all (see Run()).
      if (auto d = ParseDateLine(when); d && !updated_) updated_ = d;
      return true;
    }
    if (auto d = ParseDateLine(l.text)) {
      if (!meta().published) meta().published = d;
      return true;
    }
    std::string outlet;
    std::optional<Date> date;
    if (OutletAndDate(l, outlet, date)) {
      // "Jane Roe, Example Wire, March 3, 2022": a person's name before the outlet.
      if (size_t comma = outlet.find(", "); comma != std::string::npos && meta().author.empty() &&
                                            IsPersonName(outlet.substr(0, comma))) {
        meta().author = outlet.substr(0, comma);
        outlet = Trim(outlet.substr(comma + 2));
      }
      Take({outlet, date, {}});
      return true;
    }
    return IsPartialDateOrAge(l);
  }

  // A title line is not the first line of a wrapped paragraph: it is alone in its block or
  // followed by metadata lines.
  bool StandsAlone(size_t i) {
    const LineView& next = lines_[i + 1];
    if (next.block != lines_[i].block) return true;
    return !Byline(next).empty() || ParseDateLine(next.text) ||
           StartsWithAny(next.lower, {"author:", "outlet:", "published", "posted",
                                      "date:", "updated", "publisher:"});
  }

  // A caption often appears twice: once alone, once with its credit on the next line.
  bool CaptionWithoutCredit(size_t i) {
    if (i + 1 >= lines_.size() || lines_[i].text.size() < 30) return false;
    const LineView& next = lines_[i + 1];
    return next.text.starts_with(lines_[i].text) && IsCaption(next);
  }

  void StripFurniture(size_t i) {
    LineView& l = lines_[i];
    if (l.line->removed) return;
    if (std::string author = AfterLabel(l, {"articles by:", "author:"}); !author.empty()) {
      if (meta().author.empty()) meta().author = author;
      Remove(l);
      return;
    }
    if (l.block->kind == BlockKind::kRule || IsSeparator(l.text) || l.line->link_only ||
        IsTagLine(l) || IsFurniturePrefix(l) || HasFurniturePhrase(l) || IsCaption(l) ||
        CaptionWithoutCredit(i) || (i < body_start_ + 3 && IsBreadcrumb(l)))
      Remove(l);
    else if (ParseDateLine(l.text))  // a stray date line ("Updated July 16, 2021")
      Remove(l);
  }

  // After a closing notice in the second half of the text, the rest is furniture.
  void CutTail() {
    size_t total = 0;
    for (const LineView& l : lines_) total += l.text.size();
    size_t seen = 0;
    for (size_t i = body_start_; i < lines_.size(); ++i) {
      seen += lines_[i].text.size();
      if (seen * 2 < total || !IsEndMarker(lines_[i])) continue;
      for (size_t j = i; j < lines_.size(); ++j) Remove(lines_[j]);
      return;
    }
  }

  // Bio boxes among the last blocks of text.
  void StripBio() {
    int checked = 0;
    for (auto it = doc_.blocks.rbegin(); it != doc_.blocks.rend() && checked < 3; ++it) {
      if (it->Removed()) continue;
      ++checked;
      std::string text = NormalizeInline(it->Plain());
      if (!text.empty() && IsBio(text) && (it->emphasized || text.size() < 600))
        for (Line& l : it->lines) l.removed = true;
    }
  }

  // "BAGHDAD, March 3 (Reuters) - Rockets hit …": the first line of text loses its dateline,
  // whose outlet and dated day are the article's.
  void TakeDateline() {
    if (body_start_ >= lines_.size()) return;
    LineView& l = lines_[body_start_];
    if (l.line->removed) return;
    auto d = FindDateline(l.line->Plain());
    if (!d) return;
    Take({d->outlet, d->date, {}});
    l.line->DropFront(d->length);
    l.text = NormalizeInline(l.line->Plain());
    l.lower = Lower(l.text);
  }

  // Metadata a header line gave, where none was found before.
  void Take(const HeaderFields& f) {
    if (meta().outlet.empty() && !f.outlet.empty()) meta().outlet = f.outlet;
    if (!meta().published && f.date) meta().published = f.date;
  }

  Document& doc_;
  std::optional<Date> updated_;  // an "Updated …" stamp in the header
  std::vector<LineView> lines_;
  std::string loose_title_of_, loose_title_;  // the title, and Loose() of it
  size_t body_start_ = 0;
  bool seen_text_ = false;
};

}  // namespace

std::string CleanTitle(std::string_view title) {
  std::string t = NormalizeInline(title);
  for (size_t at; (at = t.find("...")) != std::string::npos;) t.replace(at, 3, "\xE2\x80\xA6");
  return t;
}

void ExtractMetadataAndStripFurniture(Document& doc) {
  Cleaner(doc).Run();
  doc.meta.title = CleanTitle(doc.meta.title);
  doc.meta.author = NormalizeInline(doc.meta.author);
  doc.meta.outlet = NormalizeInline(doc.meta.outlet);
  doc.meta.url = NormalizeInline(doc.meta.url);
}

}  // namespace sitrep::read
