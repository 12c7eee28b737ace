// ParseDocument and ReadArticles: choosing the format, walking folders, bounded reads, and
// assembling the normalized body with its source map.
#include "read/reader.h"

#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

#include "base/hash.h"
#include "read/cleanup.h"
#include "read/content_check.h"
#include "read/internal.h"
#include "read/jsonl.h"
#include "read/parsers.h"
#include "read/source_map.h"

namespace sitrep {
namespace read {
namespace {

namespace fs = std::filesystem;
using FilePtr = std::unique_ptr<std::FILE, int (*)(std::FILE*)>;
using Sink = std::function<void(Result<Article>)>;

Document ParseAs(InputFormat format, std::string_view content) {
  switch (format) {
    case InputFormat::kMarkdown:
      return ParseMarkdown(content);
    case InputFormat::kHtml:
      return ParseHtml(content);
    default:
      return ParsePlainText(content);
  }
}

void Override(std::string& field, const std::string& given) {
  if (!given.empty()) field = given;
}

// The body: kept lines joined by spaces, blocks by "\n\n", source offsets kept.
void WriteBody(const Document& doc, const std::vector<uint32_t>& repairs, Article& article) {
  BodyWriter writer;
  if (!repairs.empty())
    writer.set_source_translation(
        [&repairs](uint32_t offset) { return UnrepairedOffset(repairs, offset); });
  for (const Block& block : doc.blocks) {
    bool any = false;
    size_t before = writer.body().size();
    for (const Line& line : block.lines) {
      if (line.removed) continue;
      if (any) writer.Space();
      for (const Piece& piece : line.pieces)
        writer.Append(piece.text, piece.source, piece.verbatim);
      any = true;
    }
    if (any) writer.EndParagraph();
    // A paragraph after the first starts past the "\n\n" written before its first character.
    if (block.kind == BlockKind::kListItem && writer.body().size() > before)
      article.list_items.push_back(static_cast<uint32_t>(before == 0 ? 0 : before + 2));
  }
  article.body = writer.TakeBody();
  article.source_map = writer.TakeMap();
}

// Reads a whole file of known size; the caller has checked the size against the limit.
Result<std::string> ReadAll(std::FILE* file, size_t limit, std::string_view name) {
  std::string content;
  char buffer[1 << 16];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0) {
    if (content.size() + n > limit)
      return Error{
          fmt::format("{}: larger than the {} byte limit (max_article_bytes)", name, limit)};
    content.append(buffer, n);
  }
  if (std::ferror(file)) return Error{fmt::format("{}: read error", name)};
  return content;
}

InputFormat ChooseFormat(const ReadOptions& options, std::string_view path,
                         std::string_view content) {
  if (options.format != InputFormat::kAuto) return options.format;
  InputFormat by_extension = FormatFromExtension(path);
  return by_extension != InputFormat::kAuto ? by_extension : SniffFormat(content);
}

void ReadStdin(const ReadOptions& options, const Sink& sink) {
  // JSON Lines on stdin stream line by line; anything else is one bounded document.
  int first = std::fgetc(stdin);
  while (first == ' ' || first == '\n' || first == '\r' || first == '\t') first = std::fgetc(stdin);
  if (first == EOF) {
    sink(Error{"stdin: empty input"});
    return;
  }
  std::ungetc(first, stdin);
  if (options.format == InputFormat::kJsonl ||
      (options.format == InputFormat::kAuto && (first == '{' || first == '['))) {
    ReadJsonLines(stdin, "stdin", options, sink);
    return;
  }
  auto content = ReadAll(stdin, options.max_article_bytes, "stdin");
  if (!content) {
    sink(Error{content.error()});
    return;
  }
  sink(ParseDocument(*content, "stdin", ChooseFormat(options, "", *content), options));
}

void ReadFile(const std::string& path, const ReadOptions& options, const Sink& sink) {
  struct stat info;
  if (::stat(path.c_str(), &info) != 0) {
    sink(Error{fmt::format("{}: cannot read: {}", path, std::strerror(errno))});
    return;
  }
  if (!S_ISREG(info.st_mode)) {
    sink(Error{fmt::format("{}: not a regular file", path)});
    return;
  }
  FilePtr file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) {
    sink(Error{fmt::format("{}: cannot open: {}", path, std::strerror(errno))});
    return;
  }
  size_t size = static_cast<size_t>(info.st_size);
  if (size == 0) {
    sink(Error{fmt::format("{}: empty file", path)});
    return;
  }
  bool json_array_file =
      FormatFromExtension(path) == InputFormat::kJsonl && fs::path(path).extension() == ".json";
  InputFormat format =
      options.format != InputFormat::kAuto ? options.format : FormatFromExtension(path);
  if (format == InputFormat::kJsonl && !json_array_file) {
    ReadJsonLines(file.get(), path, options, sink);
    return;
  }
  if (size > options.max_article_bytes) {
    sink(Error{fmt::format("{}: {} bytes is larger than the {} byte limit (max_article_bytes)",
                           path, size, options.max_article_bytes)});
    return;
  }
  auto content = ReadAll(file.get(), options.max_article_bytes, path);
  if (!content) {
    sink(Error{content.error()});
    return;
  }
  if (json_array_file) {
    ReadJsonDocument(*content, path, options, sink);
    return;
  }
  if (format == InputFormat::kAuto) format = SniffFormat(*content);
  if (format == InputFormat::kJsonl) {  // sniffed: stream it from the start again
    std::rewind(file.get());
    ReadJsonLines(file.get(), path, options, sink);
    return;
  }
  sink(ParseDocument(*content, path, format, options));
}

bool IsHidden(const fs::path& p) {
  std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

void ReadFolder(const fs::path& dir, const ReadOptions& options, const Sink& sink, int depth) {
  std::error_code ec;
  std::vector<fs::path> entries;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (!IsHidden(it->path())) entries.push_back(it->path());
  if (ec) {
    sink(Error{fmt::format("{}: cannot list folder: {}", dir.string(), ec.message())});
    return;
  }
  std::sort(entries.begin(), entries.end());
  for (const fs::path& entry : entries) {
    bool is_dir = fs::is_directory(fs::symlink_status(entry, ec));
    if (is_dir) {
      if (depth < 64) ReadFolder(entry, options, sink, depth + 1);
      continue;
    }
    ReadFile(entry.string(), options, sink);
  }
}

}  // namespace

Result<Article> BuildArticle(std::string_view content, std::string_view origin, InputFormat format,
                             const ReadOptions& options, const Metadata& given) {
  if (content.size() > options.max_article_bytes)
    return Error{fmt::format("{}: {} bytes is larger than the {} byte limit", origin,
                             content.size(), options.max_article_bytes)};
  if (content.find_first_not_of(" \t\r\n") == std::string_view::npos)
    return Error{fmt::format("{}: empty input", origin)};
  if (std::string why = WhyNotText(content); !why.empty())
    return Error{fmt::format("{}: {}", origin, why)};
  auto text = CheckUtf8(content);
  if (!text) return Error{fmt::format("{}: {}", origin, text.error())};
  if (format == InputFormat::kAuto) format = SniffFormat(text->text);
  if (format == InputFormat::kJsonl) return ParseJsonArticle(text->text, origin, options);

  Document doc;
  try {
    doc = ParseAs(format, text->text);
  } catch (const std::exception& e) {  // allocation failure inside a parser
    return Error{fmt::format("{}: cannot parse: {}", origin, e.what())};
  }
  Override(doc.meta.title, given.title);
  Override(doc.meta.author, given.author);
  Override(doc.meta.outlet, given.outlet);
  Override(doc.meta.url, given.url);
  if (given.published) doc.meta.published = given.published;
  ExtractMetadataAndStripFurniture(doc);

  Article article;
  WriteBody(doc, text->repairs, article);
  if (article.body.empty()) return Error{fmt::format("{}: no article text found", origin)};
  article.title = doc.meta.title;
  article.author = doc.meta.author;
  article.outlet = doc.meta.outlet;
  article.url = doc.meta.url;
  article.published = doc.meta.published ? doc.meta.published : options.published;
  article.content_hash = Sha256Hex(article.body);
  article.id = article.content_hash;
  article.origin = std::string(origin);
  article.format = std::string(FormatName(format));
  return article;
}

LineReader::Status LineReader::Next(std::string& line) {
  line.clear();
  bool too_long = false, any = false;
  char buffer[1 << 16];
  while (std::fgets(buffer, sizeof buffer, file_)) {
    any = true;
    size_t n = std::strlen(buffer);
    bool ends = n > 0 && buffer[n - 1] == '\n';
    if (ends) --n;
    if (!too_long) {
      if (line.size() + n > max_) {
        too_long = true;
        line.clear();
        line.shrink_to_fit();
      } else {
        line.append(buffer, n);
      }
    }
    if (ends) break;
  }
  if (!any) return kEnd;
  return too_long ? kTooLong : kLine;
}

}  // namespace read

Result<Article> ParseDocument(std::string_view content, std::string_view origin, InputFormat format,
                              const ReadOptions& options) {
  return read::BuildArticle(content, origin, format, options, read::Metadata{});
}

void ReadArticles(const std::vector<std::string>& paths, const ReadOptions& options,
                  const std::function<void(Result<Article>)>& sink) {
  namespace fs = std::filesystem;
  for (const std::string& path : paths) {
    if (path == "-") {
      read::ReadStdin(options, sink);
      continue;
    }
    std::error_code ec;
    if (fs::is_directory(path, ec))
      read::ReadFolder(path, options, sink, 0);
    else
      read::ReadFile(path, options, sink);
  }
}

}  // namespace sitrep
