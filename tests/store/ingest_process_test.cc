// The `sitrep ingest` binary against a real store, on generated folders of small articles:
// re-ingest stores nothing new; kill -9 in the middle and a re-run leave exactly what one
// clean run leaves; four concurrent ingesters into one PostgreSQL lose and double nothing.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include "backends.h"
#include "store/store.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;

// A small article the coder finds events in: a few places, actors and verbs, dated in text.
std::string ArticleText(int i) {
  static const char* kPlaces[] = {"Erbil",  "Baghdad",  "Mosul",  "Basra",
                                  "Kirkuk", "Damascus", "Aleppo", "Beirut"};
  static const char* kActors[] = {"U.S. forces",   "Iraqi troops", "militants",
                                  "Syrian forces", "protesters",   "police"};
  static const char* kVerbs[] = {"attacked",     "fired rockets at",
                                 "clashed with", "launched an air strike on",
                                 "met with",     "protested against"};
  static const char* kDays[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"};
  const char* place = kPlaces[i % 8];
  std::ostringstream out;
  out << "Report " << i << " from " << place << "\n\n"
      << kActors[i % 6] << " " << kVerbs[(i / 6) % 6] << " " << kActors[(i + 1) % 6] << " in "
      << place << " on " << kDays[i % 5] << ", officials said. At least " << (i % 7 + 1)
      << " people were killed, according to a statement numbered " << i << ".\n\n"
      << "The incident in " << place << " followed weeks of tension.\n";
  return out.str();
}

void WriteArticles(const fs::path& dir, int count) {
  fs::create_directories(dir);
  for (int i = 0; i < count; ++i) {
    std::ostringstream name;
    name << "article-" << std::setw(5) << std::setfill('0') << i << ".txt";
    std::ofstream(dir / name.str()) << ArticleText(i);
  }
}

// The same articles as JSON Lines, one string each (the text has no quotes or backslashes).
std::string ArticleLine(int i) {
  std::string text;
  for (char c : ArticleText(i)) text += c == '\n' ? std::string("\\n") : std::string(1, c);
  return "{\"id\": \"article-" + std::to_string(i) + "\", \"text\": \"" + text + "\"}\n";
}

// Forks `args` with stdout and stderr to `out`. With `stdin_fd`, its stdin is a pipe whose
// write end is returned there.
int Spawn(const std::vector<std::string>& args, const fs::path& out, int* stdin_fd = nullptr) {
  int fds[2] = {-1, -1};
  if (stdin_fd && pipe(fds) != 0) return -1;
  pid_t pid = fork();
  if (pid == 0) {
    if (stdin_fd) {
      dup2(fds[0], 0);
      close(fds[0]);
      close(fds[1]);
    }
    int fd = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(fd, 1);
    dup2(fd, 2);
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  if (stdin_fd) {
    close(fds[0]);
    *stdin_fd = fds[1];
  }
  return pid;
}

int Wait(int pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::string Slurp(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class IngestProcessTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (!fs::exists(SITREP_BINARY)) FAIL() << "the sitrep binary is not built: " << SITREP_BINARY;
    corpus_ = dir_.path() / "corpus";
    WriteArticles(corpus_, kArticles);
  }

  std::vector<std::string> IngestArgs(const std::string& url) {
    return {SITREP_BINARY, "ingest", corpus_.string(), "--db", url, "--published", "2021-07-15"};
  }

  // Runs an ingest to the end; returns its output.
  std::string Ingest(const std::vector<std::string>& args, int expect_exit = 0) {
    fs::path out = dir_.path() / ("out" + std::to_string(runs_++) + ".txt");
    int code = Wait(Spawn(args, out));
    std::string text = Slurp(out);
    EXPECT_EQ(code, expect_exit) << text;
    return text;
  }

  StoreCounts CountsOf(const std::string& url) {
    auto store = Store::Open(url);
    EXPECT_TRUE(store.ok()) << (store.ok() ? "" : store.error());
    if (!store) return {};
    auto counts = (*store)->Counts();
    EXPECT_TRUE(counts.ok());
    return counts.ok() ? *counts : StoreCounts{};
  }

  // Whether a SQLite store ("sqlite:PATH") has the index, read without opening it as a store.
  static bool HasIndex(const std::string& url, const std::string& name) {
    sqlite3* db = nullptr;
    bool found = false;
    if (sqlite3_open_v2(url.substr(7).c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
      sqlite3_stmt* st = nullptr;
      sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?", -1,
                         &st, nullptr);
      sqlite3_bind_text(st, 1, name.c_str(), -1, SQLITE_TRANSIENT);
      found = st && sqlite3_step(st) == SQLITE_ROW;
      sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return found;
  }

  std::multiset<std::string> EventSignatures(const std::string& url) {
    std::multiset<std::string> out;
    auto store = Store::Open(url);
    if (!store) return out;
    (void)(*store)->QueryEvents({}, [&](const Event& e) {
      out.insert(e.id + "/" + std::to_string(e.num_sources) + "/" + std::to_string(e.num_articles));
    });
    return out;
  }

  // The killed ingest reads the articles from a pipe that stays open until it is killed, so
  // it cannot end first however fast it runs; the clean run and the re-run read them from a
  // file.
  void KillNineMidIngestThenRerun(const std::vector<std::string>& extra) {
    SITREP_FRESH_DB(clean_url, GetParam(), dir_);
    SITREP_FRESH_DB(killed_url, GetParam(), dir_);
    fs::path lines = dir_.path() / "articles.jsonl";
    {
      std::ofstream out(lines);
      for (int i = 0; i < kArticles; ++i) out << ArticleLine(i);
    }
    // The clean run is a plain one, so that it also checks the extra options store the same.
    auto args_for = [&](const std::string& url, const std::string& input, bool with_extra) {
      std::vector<std::string> args = {SITREP_BINARY, "ingest",      input,       "--db",
                                       url,           "--published", "2021-07-15"};
      if (with_extra) args.insert(args.end(), extra.begin(), extra.end());
      return args;
    };
    Ingest(args_for(clean_url, lines.string(), false));
    StoreCounts clean = CountsOf(clean_url);
    ASSERT_EQ(clean.articles, 2000u);

    // Small batches so that several commit before the kill.
    auto args = args_for(killed_url, "-", true);
    args.insert(args.end(), {"--batch", "16"});
    int input = -1;
    int pid = Spawn(args, dir_.path() / "killed.txt", &input);
    ASSERT_GT(pid, 0);
    signal(SIGPIPE, SIG_IGN);  // the writer below finds the pipe closed once the kill is done
    std::thread feed([input] {
      for (int i = 0; i + 1 < kArticles; ++i) {  // all but the last: it never reaches its end
        std::string line = ArticleLine(i);
        if (write(input, line.data(), line.size()) != static_cast<ssize_t>(line.size())) return;
      }
    });
    size_t at_kill = 0;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    while (std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      auto store = Store::Open(killed_url);
      if (!store) continue;
      auto counts = (*store)->Counts();
      if (counts && counts->articles >= 100) {
        kill(pid, SIGKILL);
        at_kill = counts->articles;
        break;
      }
    }
    if (at_kill == 0) kill(pid, SIGKILL);
    int code = Wait(pid);
    feed.join();
    close(input);
    ASSERT_GT(at_kill, 0u) << "the ingest never committed 100 articles";
    ASSERT_EQ(code, 128 + SIGKILL) << "the ingest ended before it was killed";
    bool bulk = GetParam() == "sqlite" && !extra.empty();
    if (bulk) {
      EXPECT_FALSE(HasIndex(killed_url, "events_date_id")) << "killed after the bulk load";
    }
    StoreCounts partial = CountsOf(killed_url);  // opens cleanly after the kill
    EXPECT_GE(partial.articles, at_kill);
    EXPECT_LT(partial.articles, 2000u);

    std::string rerun = Ingest(args_for(killed_url, lines.string(), true));
    EXPECT_NE(rerun.find(std::to_string(partial.articles) + " unchanged"), std::string::npos)
        << rerun;
    StoreCounts after = CountsOf(killed_url);
    if (bulk) {
      EXPECT_TRUE(HasIndex(killed_url, "events_date_id"));
    }
    EXPECT_EQ(after.articles, clean.articles);
    EXPECT_EQ(after.reports, clean.reports);
    EXPECT_EQ(after.events, clean.events);
    EXPECT_EQ(EventSignatures(killed_url), EventSignatures(clean_url));
    EventQuery text;
    text.text = "killed";
    auto killed_store = Store::Open(killed_url);
    auto clean_store = Store::Open(clean_url);
    ASSERT_TRUE(killed_store.ok() && clean_store.ok());
    auto found = (*killed_store)->CountEvents(text);
    auto expected = (*clean_store)->CountEvents(text);
    ASSERT_TRUE(found.ok() && expected.ok());
    EXPECT_GT(*expected, 0u);
    EXPECT_EQ(*found, *expected);  // the full-text index caught up
  }

  static constexpr int kArticles = 2000;
  testing::TempDir dir_;
  fs::path corpus_;
  int runs_ = 0;
};

TEST_P(IngestProcessTest, SecondIngestStoresNothingNew) {
  SITREP_FRESH_DB(url, GetParam(), dir_);
  std::string first = Ingest(IngestArgs(url));
  EXPECT_NE(first.find("2000 articles new, 0 unchanged, 0 replaced"), std::string::npos) << first;
  StoreCounts once = CountsOf(url);
  EXPECT_EQ(once.articles, 2000u);
  EXPECT_GT(once.events, 0u) << "the coder found no events in the generated articles";
  EXPECT_LT(once.events, once.reports) << "no report merged with another";
  std::string second = Ingest(IngestArgs(url));
  EXPECT_NE(second.find("0 articles new, 2000 unchanged, 0 replaced; 0 events stored"),
            std::string::npos)
      << second;
  StoreCounts twice = CountsOf(url);
  EXPECT_EQ(twice.articles, once.articles);
  EXPECT_EQ(twice.events, once.events);
  EXPECT_EQ(twice.reports, once.reports);
}

// Splits CSV into records of fields (RFC 4180 quoting, newlines inside quotes).
std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(field);
      field.clear();
    } else if (c == '\n') {
      rows.back().push_back(field);
      field.clear();
      rows.emplace_back();
    } else {
      field += c;
    }
  }
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

TEST_P(IngestProcessTest, EventsExportAsRegularCsvAndFilter) {
  SITREP_FRESH_DB(url, GetParam(), dir_);
  Ingest(IngestArgs(url));
  StoreCounts counts = CountsOf(url);
  std::string csv = Ingest({SITREP_BINARY, "events", "--db", url, "--format", "csv"});
  auto rows = ParseCsv(csv);
  ASSERT_EQ(rows.size(), counts.events + 1);  // header + one line per merged event
  for (const auto& r : rows) ASSERT_EQ(r.size(), rows[0].size());
  auto column = [&](const std::string& name) {
    return std::find(rows[0].begin(), rows[0].end(), name) - rows[0].begin();
  };
  size_t sources = column("num_sources");
  ASSERT_LT(sources, rows[0].size());
  size_t total = 0;
  for (size_t i = 1; i < rows.size(); ++i) total += std::stoul(rows[i][sources]);
  EXPECT_EQ(total, counts.reports);
  std::string count = Ingest({SITREP_BINARY, "events", "--db", url, "--count", "--near",
                              "36.19,44.01,30", "--from", "2021-07-01"});
  EXPECT_GT(std::stoul(count), 0u);  // Erbil
  EXPECT_LT(std::stoul(count), counts.events);
  Ingest({SITREP_BINARY, "events", "--db", url, "--near", "36,44"}, 2);
}

TEST_P(IngestProcessTest, KillNineMidIngestThenRerunEqualsCleanRun) {
  KillNineMidIngestThenRerun({});
}

// The same through a bulk load (SQLite: query indexes dropped, rebuilt at the end): the kill
// leaves them dropped, the next open rebuilds them, and the store ends as a clean run's.
TEST_P(IngestProcessTest, KillNineMidBulkIngestThenRerunEqualsCleanRun) {
  KillNineMidIngestThenRerun({"--bulk", "always"});
}

INSTANTIATE_TEST_SUITE_P(Backends, IngestProcessTest, ::testing::Values("sqlite", "postgresql"));

// Four ingesters at once into one PostgreSQL, each over an overlapping half of the articles
// (every article covered twice), compared with one ingest of them all.
TEST_F(IngestProcessTest, FourConcurrentIngestersIntoPostgresMatchOne) {
  SITREP_FRESH_DB(single_url, "postgresql", dir_);
  SITREP_FRESH_DB(shared_url, "postgresql", dir_);
  Ingest(IngestArgs(single_url));
  StoreCounts single = CountsOf(single_url);
  std::vector<std::string> files;
  for (const auto& f : fs::directory_iterator(corpus_)) files.push_back(f.path().string());
  std::sort(files.begin(), files.end());
  std::vector<int> pids;
  for (int w = 0; w < 4; ++w) {
    std::vector<std::string> args = {SITREP_BINARY, "ingest", "--db", shared_url, "--published",
                                     "2021-07-15",  "-j",     "1",    "--batch",  "16"};
    for (int k = 0; k < kArticles / 2; ++k)
      args.push_back(files[(w * kArticles / 4 + k) % kArticles]);
    pids.push_back(Spawn(args, dir_.path() / ("w" + std::to_string(w) + ".txt")));
  }
  for (int w = 0; w < 4; ++w)
    EXPECT_EQ(Wait(pids[w]), 0) << Slurp(dir_.path() / ("w" + std::to_string(w) + ".txt"));
  StoreCounts shared = CountsOf(shared_url);
  EXPECT_EQ(shared.articles, single.articles);
  EXPECT_EQ(shared.reports, single.reports);
  EXPECT_EQ(shared.events, single.events);
  size_t sources = 0, single_sources = 0;
  auto shared_store = Store::Open(shared_url);
  auto single_store = Store::Open(single_url);
  ASSERT_TRUE(shared_store.ok() && single_store.ok());
  ASSERT_TRUE(
      (*shared_store)->QueryEvents({}, [&](const Event& e) { sources += e.num_sources; }).ok());
  ASSERT_TRUE((*single_store)
                  ->QueryEvents({}, [&](const Event& e) { single_sources += e.num_sources; })
                  .ok());
  EXPECT_EQ(sources, shared.reports);
  EXPECT_EQ(sources, single_sources);
}

}  // namespace
}  // namespace sitrep
