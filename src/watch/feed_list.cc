#include "watch/feed_list.h"

#include <fstream>
#include <sstream>

namespace sitrep {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool StartsWithHttp(std::string_view url) {
  return url.substr(0, 7) == "http://" || url.substr(0, 8) == "https://";
}

}  // namespace

std::string UrlHost(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos || !StartsWithHttp(url)) return "";
  std::string_view rest = url.substr(scheme + 3);
  size_t end = rest.find_first_of("/?#");
  std::string host(rest.substr(0, end));
  if (size_t at = host.rfind('@'); at != std::string::npos) host.erase(0, at + 1);
  for (char& c : host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return host;
}

Result<std::vector<FeedEntry>> ParseFeedList(std::string_view text, std::string_view origin) {
  std::vector<FeedEntry> entries;
  size_t line_no = 0;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = Trim(text.substr(0, nl));
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    ++line_no;
    if (line.empty() || line.front() == '#') continue;
    size_t space = line.find_first_of(" \t");
    FeedEntry e;
    e.url = std::string(line.substr(0, space));
    e.line = line_no;
    if (!StartsWithHttp(e.url) || UrlHost(e.url).empty())
      return Error{std::string(origin) + ":" + std::to_string(line_no) + ": '" + e.url +
                   "' is not an http:// or https:// URL"};
    std::istringstream words(std::string(space == std::string_view::npos ? "" : line.substr(space)));
    std::string word;
    while (words >> word) {
      if (word.rfind("lang=", 0) == 0) {
        e.language = word.substr(5);
      } else {
        e.outlet += (e.outlet.empty() ? "" : " ") + word;
      }
    }
    entries.push_back(std::move(e));
  }
  return entries;
}

Result<std::vector<FeedEntry>> LoadFeedList(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{path + ": cannot open the feed list"};
  std::ostringstream text;
  text << in.rdbuf();
  return ParseFeedList(text.str(), path);
}

}  // namespace sitrep
