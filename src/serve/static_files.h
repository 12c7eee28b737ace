// Static files of the built dashboard: maps a request path onto a file inside one folder and
// refuses whatever could leave it (.., encoded dots, backslashes, NULs, symlinks pointing out).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace sitrep::serve {

struct StaticLookup {
  int status = 404;            // 200 found, 400 malformed path, 404 absent or outside the root
  std::filesystem::path file;  // canonical path of the file when status is 200
};

// `request_path` is the decoded URL path ("/" means index.html). Never returns a file whose
// canonical path is outside canonical(`root`).
StaticLookup ResolveStaticPath(const std::filesystem::path& root, std::string_view request_path);

// The Content-Type for a file name by its extension; application/octet-stream when unknown.
std::string MimeTypeFor(const std::filesystem::path& file);

}  // namespace sitrep::serve
