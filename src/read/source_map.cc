#include "read/source_map.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>

namespace sitrep::read {
namespace {

bool IsSpace(int32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
         cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 ||
         cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0x85;
}

bool IsInvisible(int32_t cp) {
  return cp == 0x200B || cp == 0x2060 || cp == 0xFEFF || cp == 0xAD;
}

bool IsControl(int32_t cp) {
  return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0);
}

// The ASCII stand-in for a typographic character, or 0 to keep it as it is. The em dash and the
// ellipsis stay: they carry meaning the text stage may want.
char AsciiFor(int32_t cp) {
  switch (cp) {
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
      return '\'';
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x2033:
      return '"';
    case 0x2010:
    case 0x2011:
    case 0x2013:
    case 0x2212:
      return '-';
    default:
      return 0;
  }
}

// NFC of `text`, or empty when it already is NFC (the common case) or cannot be decoded.
std::string NfcIfChanged(std::string_view text) {
  bool ascii = std::all_of(text.begin(), text.end(),
                           [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii) return {};
  utf8proc_uint8_t* out = nullptr;
  utf8proc_ssize_t n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                   static_cast<utf8proc_ssize_t>(text.size()), &out,
                   static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  std::string result;
  if (n >= 0 && out) {
    std::string_view composed(reinterpret_cast<char*>(out), static_cast<size_t>(n));
    if (composed != text) result.assign(composed);
  }
  std::free(out);
  return result;
}

// How many bytes from `i` on are printable ASCII other than the space (0x21–0x7E).
size_t PrintableAsciiRun(std::string_view text, size_t i) {
  size_t j = i;
  while (j < text.size() && static_cast<unsigned char>(text[j]) - 0x21u < 0x7Eu - 0x21u + 1u) ++j;
  return j - i;
}

}  // namespace

uint32_t SourceOffset(const SourceMap& map, uint32_t body_offset) {
  auto it = std::upper_bound(map.begin(), map.end(), body_offset,
                             [](uint32_t b, const auto& cp) { return b < cp.first; });
  if (it == map.begin()) return map.empty() ? body_offset : map.front().second;
  --it;
  return it->second + (body_offset - it->first);
}

void BodyWriter::Append(std::string_view text, uint32_t source, bool verbatim) {
  std::string composed = NfcIfChanged(text);
  if (!composed.empty()) {
    text = composed;
    verbatim = false;
  }
  size_t i = 0;
  bool first = true;
  while (i < text.size()) {
    size_t run = PrintableAsciiRun(text, i);
    if (run > 0 && !(verbatim && translate_)) {
      AppendPrintableAscii(text.substr(i, run),
                           verbatim ? source + static_cast<uint32_t>(i) : source,
                           verbatim || first);
      first = false;
      i += run;
      continue;
    }
    if (static_cast<unsigned char>(text[i]) < 0x80) {  // what utf8proc_iterate would decode
      uint32_t at = verbatim ? source + static_cast<uint32_t>(i) : source;
      AppendCodepoint(static_cast<unsigned char>(text[i]), text.substr(i, 1), at,
                      verbatim || first);
      first = false;
      ++i;
      continue;
    }
    int32_t cp = -1;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                              static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
    size_t len = n > 0 ? static_cast<size_t>(n) : 1;
    if (n <= 0) cp = 0xFFFD;  // callers repair UTF-8 first; this only guards
    uint32_t at = verbatim ? source + static_cast<uint32_t>(i) : source;
    AppendCodepoint(cp, n > 0 ? text.substr(i, len) : std::string_view("\xEF\xBF\xBD"), at,
                    verbatim || first);
    first = false;
    i += len;
  }
}

// The same as AppendCodepoint for each byte of `run` (printable ASCII: no space, nothing to
// replace), in one append: after its first byte the run's offsets follow on, so only the first
// byte can need a checkpoint. Reading a body byte by byte through utf8proc cost about a third of
// the reader's time.
void BodyWriter::AppendPrintableAscii(std::string_view run, uint32_t source, bool exact) {
  // AppendCodepoint's steps for a byte that is no space, control or invisible character and has
  // no ASCII stand-in, with the run's other bytes written after it by the same Emit.
  if (!body_.empty()) {
    if (pending_break_) {
      Emit("\n\n", source, true);
    } else if (pending_space_) {
      Emit(" ", space_source_, true);
    }
  }
  pending_break_ = pending_space_ = false;
  Emit(run, source, exact);
}

void BodyWriter::AppendCodepoint(int32_t cp, std::string_view bytes, uint32_t source, bool exact) {
  if (IsInvisible(cp)) return;
  if (IsSpace(cp) || IsControl(cp)) {
    if (!pending_space_) space_source_ = source;
    pending_space_ = true;
    return;
  }
  if (!body_.empty()) {
    if (pending_break_) {
      Emit("\n\n", source, true);
    } else if (pending_space_) {
      Emit(" ", space_source_, true);
    }
  }
  pending_break_ = pending_space_ = false;
  char ascii = AsciiFor(cp);
  if (ascii)
    Emit(std::string_view(&ascii, 1), source, exact);
  else
    Emit(bytes, source, exact);
}

void BodyWriter::Emit(std::string_view out, uint32_t source, bool exact) {
  if (exact) {
    if (translate_) source = translate_(source);
    uint32_t here = static_cast<uint32_t>(body_.size());
    bool predicted = !map_.empty() && map_.back().second + (here - map_.back().first) == source;
    if (!predicted) {
      if (!map_.empty() && map_.back().first == here)
        map_.back().second = source;
      else
        map_.emplace_back(here, source);
    }
  }
  body_.append(out);
}

std::string NormalizeInline(std::string_view text) {
  // ASCII (most lines) is already NFC and has nothing to replace: runs of spaces and control
  // bytes become one space between words, none at the ends, as the writer would make them.
  // Runs of printable bytes are copied whole; a byte of another script sends the line to the
  // writer.
  std::string out(text.size(), '\0');  // written in place, cut to length once
  size_t n = 0;
  bool pending_space = false;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c <= 0x20 || c == 0x7F) {
      pending_space = true;
      ++i;
      continue;
    }
    if (c >= 0x80) {
      BodyWriter w;
      w.Append(text, 0, false);
      return w.TakeBody();
    }
    size_t run = PrintableAsciiRun(text, i);
    if (pending_space && n > 0) out[n++] = ' ';
    pending_space = false;
    std::memcpy(out.data() + n, text.data() + i, run);
    n += run;
    i += run;
  }
  out.resize(n);
  return out;
}

}  // namespace sitrep::read
