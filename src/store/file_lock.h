// An advisory lock on a file beside the database (flock): held by a SQLite bulk load, so that
// other processes can tell a load in progress from one that was killed (the kernel releases a
// dead process's lock).
#pragma once

#include <string>

namespace sitrep::store {

class FileLock {
 public:
  FileLock() = default;
  FileLock(FileLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  FileLock& operator=(FileLock&& other) noexcept;
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;
  ~FileLock() { Release(); }

  // Takes the lock on `path` (created if missing) without waiting: false when another holds
  // it or the file cannot be opened.
  bool TryLock(const std::string& path);
  void Release();
  bool held() const { return fd_ >= 0; }

 private:
  int fd_ = -1;
};

// The lock file of a SQLite database's bulk loads ("" for an in-memory database: no lock).
std::string BulkLockPath(const std::string& database_file);

}  // namespace sitrep::store
