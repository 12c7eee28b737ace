// Test support for the fault tests: child processes of the sitrep binary (optionally under a
// file-size limit), generated article folders, a loopback client, temp dirs, and a private
// PostgreSQL server the test may restart at will.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace sitrep::faults {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Starts `args` (args[0] the program) with stdout and stderr to `out`. With `max_file_bytes`,
// the child may not write a file past that size (RLIMIT_FSIZE; writes then fail with EFBIG, as
// on a full disk, instead of raising SIGXFSZ).
pid_t Spawn(const std::vector<std::string>& args, const std::filesystem::path& out,
            std::optional<long> max_file_bytes = std::nullopt);
// The exit code, or 128 + signal.
int Wait(pid_t pid);
// Runs to the end; returns the exit code and leaves the output in `out`.
int RunToEnd(const std::vector<std::string>& args, const std::filesystem::path& out);
std::string Slurp(const std::filesystem::path& file);

// `count` small articles the coder finds events in, one file each.
void WriteArticles(const std::filesystem::path& dir, int count);

// Waits until `sitrep serve --port 0` (output in `log`) says where it listens; 0 on timeout.
int WaitForServePort(const std::filesystem::path& log, int seconds);

// "ok" from SQLite's integrity check of the database file, else what it found.
std::string SqliteIntegrity(const std::filesystem::path& db);

// A PostgreSQL server of its own in a temp dir on a free loopback port (as the postgres user
// when run as root). Empty url() when PostgreSQL is not installed or will not start.
class PrivatePostgres {
 public:
  PrivatePostgres();
  ~PrivatePostgres();
  const std::string& url() const { return url_; }
  const std::string& why_not() const { return why_not_; }
  bool Restart();  // fast shutdown then start on the same port and data
  bool Stop();
  bool Start();

 private:
  bool PgCtl(const std::string& action);
  std::string bin_, dir_, url_, why_not_;
  int port_ = 0;
  bool as_postgres_ = false;
};

}  // namespace sitrep::faults
