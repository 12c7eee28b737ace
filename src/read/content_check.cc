#include "read/content_check.h"

#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <filesystem>

namespace sitrep::read {
namespace {

bool StartsWith(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

std::string_view MagicName(std::string_view c) {
  struct Magic {
    std::string_view bytes, name;
  };
  static constexpr Magic kMagic[] = {
      {"%PDF", "PDF"},
      {"PK\x03\x04", "ZIP/Office"},
      {"\x89PNG", "PNG image"},
      {"\xFF\xD8\xFF", "JPEG image"},
      {"GIF8", "GIF image"},
      {"\x1F\x8B", "gzip"},
      {"\x7F"
       "ELF",
       "executable"},
      {"SQLite format 3", "SQLite database"},
      {"\xD0\xCF\x11\xE0", "old Office document"},
  };
  for (const Magic& m : kMagic)
    if (StartsWith(c, m.bytes)) return m.name;
  return {};
}

std::string_view SkipBom(std::string_view c) {
  return StartsWith(c, "\xEF\xBB\xBF") ? c.substr(3) : c;
}

std::string_view TrimLeft(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  return s;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::string WhyNotText(std::string_view content) {
  if (auto name = MagicName(content); !name.empty())
    return fmt::format("binary content ({}), not an article", name);
  if (StartsWith(content, "\xFF\xFE") || StartsWith(content, "\xFE\xFF"))
    return "UTF-16 text is not supported; convert it to UTF-8";
  std::string_view head = content.substr(0, 64 * 1024);
  // 1: a control byte that is no white space, 2: NUL; one look-up a byte.
  static constexpr std::array<uint8_t, 256> kControl = [] {
    std::array<uint8_t, 256> t{};
    for (int c = 1; c < 0x20; ++c)
      t[c] = c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v' ? 1 : 0;
    t[0] = 2;
    return t;
  }();
  size_t controls = 0;
  for (size_t i = 0; i < head.size(); ++i) {
    uint8_t k = kControl[static_cast<unsigned char>(head[i])];
    if (k == 0) continue;
    if (k == 2) return fmt::format("binary content (NUL byte at offset {}), not an article", i);
    ++controls;
  }
  if (controls * 10 > head.size())
    return fmt::format("binary content ({} control bytes in the first {}), not an article",
                       controls, head.size());
  return {};
}

Result<RepairedText> CheckUtf8(std::string_view content) {
  RepairedText out;
  size_t invalid = 0, first_invalid = 0;
  size_t i = 0;
  auto valid_len = [&](size_t at) -> size_t {
    int32_t cp;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(content.data() + at),
                              static_cast<utf8proc_ssize_t>(content.size() - at), &cp);
    return n > 0 ? static_cast<size_t>(n) : 0;
  };
  // First pass counts, so that valid input (nearly all of it) is not copied twice.
  while (i < content.size()) {
    if (static_cast<unsigned char>(content[i]) < 0x80) {
      ++i;
      continue;
    }
    size_t n = valid_len(i);
    if (n == 0) {
      if (invalid++ == 0) first_invalid = i;
      ++i;
    } else {
      i += n;
    }
  }
  if (invalid == 0) {
    out.text.assign(content);
    return out;
  }
  if (invalid > 16 && invalid * 50 > content.size())
    return Error{fmt::format(
        "invalid UTF-8 at byte {} ({} of {} bytes are not UTF-8; is it another encoding?)",
        first_invalid, invalid, content.size())};
  out.text.reserve(content.size() + 2 * invalid);
  for (i = 0; i < content.size();) {
    size_t n = static_cast<unsigned char>(content[i]) < 0x80 ? 1 : valid_len(i);
    if (n == 0) {
      out.repairs.push_back(static_cast<uint32_t>(out.text.size()));
      out.text += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.text.append(content.substr(i, n));
      i += n;
    }
  }
  return out;
}

uint32_t UnrepairedOffset(const std::vector<uint32_t>& repairs, uint32_t offset) {
  // Each repair before `offset` grew the text by two bytes.
  size_t before = std::lower_bound(repairs.begin(), repairs.end(), offset) - repairs.begin();
  return offset - static_cast<uint32_t>(2 * before);
}

InputFormat FormatFromExtension(std::string_view path) {
  std::string ext = Lower(std::filesystem::path(path).extension().string());
  if (ext == ".txt" || ext == ".text") return InputFormat::kText;
  if (ext == ".md" || ext == ".markdown") return InputFormat::kMarkdown;
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return InputFormat::kHtml;
  if (ext == ".jsonl" || ext == ".json" || ext == ".ndjson") return InputFormat::kJsonl;
  return InputFormat::kAuto;
}

InputFormat SniffFormat(std::string_view content) {
  std::string_view c = TrimLeft(SkipBom(content));
  if (StartsWith(c, "{") || StartsWith(c, "[")) return InputFormat::kJsonl;
  std::string head = Lower(c.substr(0, 4096));
  if (StartsWith(head, "<!doctype html") || StartsWith(head, "<html") ||
      head.find("<body") != std::string::npos || head.find("<p>") != std::string::npos ||
      head.find("<div") != std::string::npos || head.find("<article") != std::string::npos)
    return InputFormat::kHtml;
  // Markdown: a heading, a link, emphasis or a list at the start of a line.
  size_t signals = 0;
  for (std::string_view marker : {"\n# ", "\n## ", "](", "\n* ", "\n- ", "**", "\n> ", "\n---"})
    if (("\n" + head).find(marker) != std::string::npos) ++signals;
  return signals > 0 ? InputFormat::kMarkdown : InputFormat::kText;
}

std::string_view FormatName(InputFormat format) {
  switch (format) {
    case InputFormat::kText:
      return "text";
    case InputFormat::kMarkdown:
      return "markdown";
    case InputFormat::kHtml:
      return "html";
    case InputFormat::kJsonl:
      return "jsonl";
    case InputFormat::kAuto:
      break;
  }
  return "auto";
}

}  // namespace sitrep::read
