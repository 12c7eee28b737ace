#include "serve/static_files.h"

#include <map>
#include <system_error>

namespace sitrep::serve {
namespace {

namespace fs = std::filesystem;

// True when some segment is "." or "..", or the text still carries an encoded dot or slash
// (a double-encoded "..%2f" has been decoded once by the HTTP layer and must not be trusted).
bool LooksLikeTraversal(std::string_view path) {
  if (path.find('\\') != std::string_view::npos) return true;
  if (path.find('\0') != std::string_view::npos) return true;
  if (path.find('%') != std::string_view::npos) return true;
  if (path.find("//") != std::string_view::npos) return true;  // "//etc" is absolute
  size_t pos = 0;
  while (pos <= path.size()) {
    size_t next = path.find('/', pos);
    if (next == std::string_view::npos) next = path.size();
    std::string_view segment = path.substr(pos, next - pos);
    if (segment == "." || segment == "..") return true;
    pos = next + 1;
  }
  return false;
}

bool IsInside(const fs::path& root, const fs::path& file) {
  auto r = root.native();
  auto f = file.native();
  if (!r.empty() && r.back() != '/') r += '/';
  return f.compare(0, r.size(), r) == 0;
}

}  // namespace

StaticLookup ResolveStaticPath(const fs::path& root, std::string_view request_path) {
  if (request_path.empty() || request_path.front() != '/') return {400, {}};
  if (LooksLikeTraversal(request_path)) return {400, {}};
  std::string relative(request_path.substr(1));
  if (relative.empty() || relative.back() == '/') relative += "index.html";
  std::error_code ec;
  fs::path canonical_root = fs::canonical(root, ec);
  if (ec) return {404, {}};
  fs::path candidate = fs::weakly_canonical(canonical_root / relative, ec);
  if (ec || !IsInside(canonical_root, candidate)) return {404, {}};
  if (!fs::is_regular_file(candidate, ec)) return {404, {}};
  // weakly_canonical resolved every symlink that exists, so this is the real file.
  return {200, candidate};
}

std::string MimeTypeFor(const fs::path& file) {
  static const std::map<std::string, std::string> kTypes = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"},
      {".map", "application/json"},
  };
  auto it = kTypes.find(file.extension().string());
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}

}  // namespace sitrep::serve
