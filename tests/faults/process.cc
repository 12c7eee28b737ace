#include "process.h"

#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iomanip>
#include <random>
#include <regex>
#include <sstream>
#include <thread>

namespace sitrep::faults {

namespace fs = std::filesystem;

TempDir::TempDir() {
  std::string pattern = (fs::temp_directory_path() / "sitrep-faults.XXXXXX").string();
  if (!mkdtemp(pattern.data())) std::abort();
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

pid_t Spawn(const std::vector<std::string>& args, const fs::path& out,
            std::optional<long> max_file_bytes) {
  pid_t pid = fork();
  if (pid == 0) {
    int fd = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(fd, 1);
    dup2(fd, 2);
    if (max_file_bytes) {
      signal(SIGXFSZ, SIG_IGN);
      rlimit limit{static_cast<rlim_t>(*max_file_bytes), static_cast<rlim_t>(*max_file_bytes)};
      setrlimit(RLIMIT_FSIZE, &limit);
    }
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execvp(argv[0], argv.data());
    _exit(127);
  }
  return pid;
}

int Wait(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

int RunToEnd(const std::vector<std::string>& args, const fs::path& out) {
  return Wait(Spawn(args, out));
}

std::string Slurp(const fs::path& file) {
  std::ifstream in(file);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void WriteArticles(const fs::path& dir, int count) {
  static const char* kPlaces[] = {"Erbil", "Baghdad", "Mosul", "Basra", "Kirkuk", "Aleppo"};
  static const char* kActors[] = {"U.S. forces", "Iraqi troops", "militants", "protesters"};
  static const char* kVerbs[] = {"attacked", "fired rockets at", "clashed with",
                                 "launched an air strike on"};
  fs::create_directories(dir);
  for (int i = 0; i < count; ++i) {
    std::ostringstream name;
    name << "article-" << std::setw(5) << std::setfill('0') << i << ".txt";
    std::ofstream out(dir / name.str());
    const char* place = kPlaces[i % 6];
    out << "Fault report " << i << " from " << place << "\n\n"
        << kActors[i % 4] << " " << kVerbs[(i / 4) % 4] << " " << kActors[(i + 1) % 4] << " in "
        << place << " on Monday, officials said. At least " << (i % 7 + 1)
        << " people were killed, according to statement " << i << ".\n";
  }
}

int WaitForServePort(const fs::path& log, int seconds) {
  static const std::regex kListening(R"(listening on http://[0-9.]+:([0-9]+)/)");
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  while (std::chrono::steady_clock::now() < deadline) {
    std::smatch m;
    std::string text = Slurp(log);
    if (std::regex_search(text, m, kListening)) return std::stoi(m[1]);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return 0;
}

std::string SqliteIntegrity(const fs::path& db) {
  sqlite3* handle = nullptr;
  if (sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    std::string error = sqlite3_errmsg(handle);
    sqlite3_close(handle);
    return "cannot open: " + error;
  }
  std::string result;
  sqlite3_exec(
      handle, "PRAGMA integrity_check",
      [](void* out, int, char** values, char**) {
        auto* text = static_cast<std::string*>(out);
        if (!text->empty()) *text += "; ";
        *text += values[0] ? values[0] : "";
        return 0;
      },
      &result, nullptr);
  sqlite3_close(handle);
  return result;
}

namespace {

std::string FindPgBin() {
  if (const char* bin = std::getenv("SITREP_TEST_PG_BIN")) return bin;
  std::vector<fs::path> found;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql", ec))
    if (fs::exists(entry.path() / "bin" / "pg_ctl")) found.push_back(entry.path() / "bin");
  std::sort(found.begin(), found.end());
  return found.empty() ? "" : found.back().string();
}

}  // namespace

PrivatePostgres::PrivatePostgres() {
  bin_ = FindPgBin();
  if (bin_.empty()) {
    why_not_ = "PostgreSQL binaries not found (Debian package postgresql)";
    return;
  }
  std::string pattern = (fs::temp_directory_path() / "sitrep-faults-pg.XXXXXX").string();
  if (!mkdtemp(pattern.data())) std::abort();
  dir_ = pattern;
  as_postgres_ = getuid() == 0;
  if (as_postgres_ && std::system(("chown postgres " + dir_).c_str()) != 0) {
    why_not_ = "running as root and cannot hand the data dir to the postgres user";
    return;
  }
  std::string prefix = as_postgres_ ? "runuser -u postgres -- " : "";
  std::string initdb = prefix + bin_ + "/initdb -D " + dir_ + "/data -U postgres -A trust " +
                       "--no-sync >" + dir_ + "/initdb.log 2>&1";
  if (std::system(initdb.c_str()) != 0) {
    why_not_ = "initdb failed: " + Slurp(dir_ + "/initdb.log");
    return;
  }
  std::mt19937 random(static_cast<unsigned>(getpid()));
  for (int attempt = 0; attempt < 5 && url_.empty(); ++attempt) {
    port_ = 20000 + static_cast<int>(random() % 30000);
    if (Start()) url_ = "postgresql://postgres@127.0.0.1:" + std::to_string(port_) + "/postgres";
  }
  if (url_.empty()) why_not_ = "the server did not start: " + Slurp(dir_ + "/server.log");
}

PrivatePostgres::~PrivatePostgres() {
  if (!dir_.empty()) {
    PgCtl("-m immediate stop");
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
}

bool PrivatePostgres::PgCtl(const std::string& action) {
  std::string prefix = as_postgres_ ? "runuser -u postgres -- " : "";
  std::string command = prefix + bin_ + "/pg_ctl -D " + dir_ + "/data -l " + dir_ +
                        "/server.log -w -t 60 -o \"-c listen_addresses=127.0.0.1 -p " +
                        std::to_string(port_) + " -k " + dir_ + " -c fsync=off\" " + action +
                        " >/dev/null 2>&1";
  return std::system(command.c_str()) == 0;
}

bool PrivatePostgres::Start() {
  return PgCtl("start");
}
bool PrivatePostgres::Stop() {
  return PgCtl("-m fast stop");
}
bool PrivatePostgres::Restart() {
  return PgCtl("-m fast restart");
}

}  // namespace sitrep::faults
