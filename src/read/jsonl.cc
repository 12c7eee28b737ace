#include "read/jsonl.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <utility>
#include <vector>

#include "base/json_bytes.h"
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

// A JSON object whose values are all strings or null, read without building a tree: the shape
// of nearly every line of a JSON Lines corpus. Anything else (other values, duplicate keys,
// unpaired surrogates, invalid UTF-8, trailing text) gives nullopt, and nlohmann::json then
// parses the line as before, with its own error messages.
using FlatFields = std::vector<std::pair<std::string, std::optional<std::string>>>;

class FlatParser {
 public:
  explicit FlatParser(std::string_view s) : s_(s) {}

  std::optional<FlatFields> Parse() {
    FlatFields fields;
    SkipSpace();
    if (!Eat('{')) return std::nullopt;
    SkipSpace();
    if (!Eat('}')) {
      for (;;) {
        std::string key;
        if (!String(key)) return std::nullopt;
        SkipSpace();
        if (!Eat(':')) return std::nullopt;
        SkipSpace();
        std::optional<std::string> value;
        if (i_ < s_.size() && s_[i_] == '"') {
          value.emplace();
          if (!String(*value)) return std::nullopt;
        } else if (s_.substr(i_, 4) == "null") {
          i_ += 4;
        } else {
          return std::nullopt;
        }
        for (const auto& f : fields)
          if (f.first == key) return std::nullopt;
        fields.emplace_back(std::move(key), std::move(value));
        SkipSpace();
        if (Eat(',')) {
          SkipSpace();
          continue;
        }
        if (Eat('}')) break;
        return std::nullopt;
      }
    }
    SkipSpace();
    if (i_ != s_.size()) return std::nullopt;
    return fields;
  }

 private:
  void SkipSpace() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r'))
      ++i_;
  }
  bool Eat(char c) {
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  unsigned char At(size_t k) const { return k < s_.size() ? static_cast<unsigned char>(s_[k]) : 0; }
  // Length of a well-formed UTF-8 sequence at i_ (RFC 3629), 0 when ill-formed.
  size_t Utf8Length() const {
    unsigned char c = At(i_);
    auto cont = [&](size_t k, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
      unsigned char b = At(i_ + k);
      return b >= lo && b <= hi;
    };
    if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
    if (c == 0xE0) return cont(1, 0xA0) && cont(2) ? 3 : 0;
    if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) return cont(1) && cont(2) ? 3 : 0;
    if (c == 0xED) return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0;
    if (c == 0xF0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
    if (c >= 0xF1 && c <= 0xF3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
    if (c == 0xF4) return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0;
    return 0;
  }
  bool String(std::string& out) {
    if (!Eat('"')) return false;
    for (;;) {
      size_t run = i_;  // plain bytes are copied in runs
      i_ = SkipPlainJsonBytes(s_, i_);
      out.append(s_.data() + run, i_ - run);
      if (i_ >= s_.size()) return false;
      unsigned char c = static_cast<unsigned char>(s_[i_]);
      if (c == '"') {
        ++i_;
        return true;
      }
      if (c < 0x20) return false;
      if (c >= 0x80) {
        size_t n = Utf8Length();
        if (n == 0) return false;
        out.append(s_.data() + i_, n);
        i_ += n;
        continue;
      }
      // A backslash escape.
      ++i_;
      if (i_ >= s_.size()) return false;
      char e = s_[i_++];
      switch (e) {
        case '"':
          out += '"';
          break;
        case '\\':
          out += '\\';
          break;
        case '/':
          out += '/';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u': {
          if (i_ + 4 > s_.size()) return false;
          uint32_t cp = 0;
          for (int k = 0; k < 4; ++k) {
            char h = s_[i_++];
            cp <<= 4;
            if (h >= '0' && h <= '9')
              cp |= static_cast<uint32_t>(h - '0');
            else if (h >= 'a' && h <= 'f')
              cp |= static_cast<uint32_t>(h - 'a' + 10);
            else if (h >= 'A' && h <= 'F')
              cp |= static_cast<uint32_t>(h - 'A' + 10);
            else
              return false;
          }
          if (cp >= 0xD800 && cp <= 0xDFFF) return false;  // surrogates: left to nlohmann
          if (cp < 0x80) {
            out += static_cast<char>(cp);
          } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
          } else {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
          }
          break;
        }
        default:
          return false;
      }
    }
  }

  std::string_view s_;
  size_t i_ = 0;
};

// FromObject for a FlatFields object: the same fields, checks and messages.
Result<Article> FromFlat(FlatFields& fields, std::string_view origin, const ReadOptions& options) {
  auto find = [&](std::string_view key) -> std::pair<std::string, std::optional<std::string>>* {
    for (auto& f : fields)
      if (f.first == key) return &f;
    return nullptr;
  };
  auto* text = find("text");
  if (!text) return Error{fmt::format("{}: missing \"text\"", origin)};
  if (!text->second) return Error{fmt::format("{}: \"text\" must be a string", origin)};
  auto value = [&](std::string_view key) {
    auto* f = find(key);
    return f && f->second ? std::move(*f->second) : std::string();
  };
  Metadata given;
  std::string id = value("id");
  given.title = value("title");
  given.url = value("url");
  given.outlet = value("outlet");
  given.author = value("author");
  std::string published = value("published");
  if (!published.empty()) {
    given.published = Date::ParseIso(published);
    if (!given.published)
      return Error{
          fmt::format("{}: \"published\" is not a YYYY-MM-DD date: \"{}\"", origin, published)};
  }
  auto article = BuildArticle(*text->second, origin, InputFormat::kText, options, given);
  if (!article) return article;
  article->format = "jsonl";
  if (!id.empty()) article->id = id;
  return article;
}

}  // namespace

Result<Article> ParseJsonArticle(std::string_view json_text, std::string_view origin,
                                 const ReadOptions& options) {
  if (auto flat = FlatParser(json_text).Parse()) return FromFlat(*flat, origin, options);
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
