// Helpers for the reader tests: a temporary folder and a way to parse text in one call.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "read/reader.h"

namespace sitrep::testing {

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "sitrep-read-XXXXXX").string();
    char* made = ::mkdtemp(tmpl.data());
    path_ = made ? made : tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string Write(const std::string& name, const std::string& content) const {
    std::filesystem::path p = path_ / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

inline Article MustParse(std::string_view text, InputFormat format, ReadOptions options = {}) {
  auto a = ParseDocument(text, "test", format, options);
  EXPECT_TRUE(a.ok()) << (a.ok() ? "" : a.error());
  return a.ok() ? *a : Article{};
}

inline std::vector<Result<Article>> ReadAll(const std::vector<std::string>& paths,
                                            ReadOptions options = {}) {
  std::vector<Result<Article>> out;
  ReadArticles(paths, options, [&](Result<Article> a) { out.push_back(std::move(a)); });
  return out;
}

}  // namespace sitrep::testing
