#include "read/jsonl.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "read/internal.h"

namespace sitrep::read {
namespace {

using nlohmann::json;

Result<std::string> OptionalString(const json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return std::string();
  if (!it->is_string()) return Error{fmt::format("\"{}\" must be a string", key)};
  return it->get<std::string>();
}

Result<Article> FromObject(const json& obj, std::string_view origin, const ReadOptions& options) {
  if (!obj.is_object()) return Error{fmt::format("{}: expected a JSON object", origin)};
  auto text_it = obj.find("text");
  if (text_it == obj.end()) return Error{fmt::format("{}: missing \"text\"", origin)};
  if (!text_it->is_string()) return Error{fmt::format("{}: \"text\" must be a string", origin)};
  Metadata given;
  std::string id;
  for (auto [key, field] : {std::pair{"id", &id},
                            {"title", &given.title},
                            {"url", &given.url},
                            {"outlet", &given.outlet},
                            {"author", &given.author}}) {
    auto value = OptionalString(obj, key);
    if (!value) return Error{fmt::format("{}: {}", origin, value.error())};
    *field = std::move(*value);
  }
  if (auto it = obj.find("id"); it != obj.end() && it->is_number_integer())
    id = std::to_string(it->get<long long>());
  auto published = OptionalString(obj, "published");
  if (!published) return Error{fmt::format("{}: {}", origin, published.error())};
  if (!published->empty()) {
    given.published = Date::ParseIso(*published);
    if (!given.published)
      return Error{
          fmt::format("{}: \"published\" is not a YYYY-MM-DD date: \"{}\"", origin, *published)};
  }
  const std::string& text = text_it->get_ref<const std::string&>();
  auto article = BuildArticle(text, origin, InputFormat::kText, options, given);
  if (!article) return article;
  article->format = "jsonl";
  if (!id.empty()) article->id = id;
  return article;
}

}  // namespace

Result<Article> ParseJsonArticle(std::string_view json_text, std::string_view origin,
                                 const ReadOptions& options) {
  json obj = json::parse(json_text, nullptr, false);
  if (obj.is_discarded()) return Error{fmt::format("{}: not valid JSON", origin)};
  return FromObject(obj, origin, options);
}

void ReadJsonDocument(std::string_view content, std::string_view name, const ReadOptions& options,
                      const std::function<void(Result<Article>)>& sink) {
  json doc = json::parse(content, nullptr, false);
  if (doc.is_array()) {
    for (size_t i = 0; i < doc.size(); ++i)
      sink(FromObject(doc[i], fmt::format("{}[{}]", name, i), options));
    return;
  }
  if (doc.is_object()) {
    sink(FromObject(doc, name, options));
    return;
  }
  size_t number = 0, pos = 0;
  while (pos < content.size()) {
    size_t end = std::min(content.find('\n', pos), content.size());
    std::string_view line = content.substr(pos, end - pos);
    ++number;
    pos = end + 1;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    sink(ParseJsonArticle(line, fmt::format("{}:{}", name, number), options));
  }
}

void ReadJsonLines(std::FILE* file, std::string_view name, const ReadOptions& options,
                   const std::function<void(Result<Article>)>& sink) {
  LineReader reader(file, options.max_article_bytes);
  std::string line;
  size_t number = 0;
  bool first = true;
  while (true) {
    LineReader::Status status = reader.Next(line);
    if (status == LineReader::kEnd) break;
    ++number;
    std::string origin = fmt::format("{}:{}", name, number);
    if (status == LineReader::kTooLong) {
      sink(Error{fmt::format("{}: line longer than {} bytes", origin, options.max_article_bytes)});
      continue;
    }
    std::string_view text = line;
    while (!text.empty() && (text.back() == '\r' || text.back() == ' ')) text.remove_suffix(1);
    if (first && text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    first = false;
    if (text.find_first_not_of(" \t") == std::string_view::npos) continue;
    if (text.starts_with("[")) {  // a JSON array of articles on one line (or a whole .json)
      json arr = json::parse(text, nullptr, false);
      if (arr.is_discarded() || !arr.is_array()) {
        sink(Error{fmt::format("{}: not valid JSON", origin)});
        continue;
      }
      for (size_t i = 0; i < arr.size(); ++i)
        sink(FromObject(arr[i], fmt::format("{}[{}]", origin, i), options));
      continue;
    }
    sink(ParseJsonArticle(text, origin, options));
  }
  if (reader.failed()) sink(Error{fmt::format("{}: read error", name)});
}

}  // namespace sitrep::read
