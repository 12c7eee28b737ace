#include "server_fixture.h"

#include <unistd.h>

#include <chrono>
#include <fstream>

#include "base/hash.h"

namespace sitrep::serve::testing {
namespace fs = std::filesystem;

namespace {

Article MakeArticle(const std::string& id, const std::string& body, const std::string& date) {
  Article a;
  a.id = id;
  a.title = "Report " + id;
  a.outlet = "Test Wire";
  a.published = Date::ParseIso(date);
  a.body = body;
  a.content_hash = Sha256Hex(body);
  a.format = "text";
  return a;
}

Event MakeEvent(const Article& a, const std::string& sentence, const std::string& date,
                const std::string& cameo, const std::string& src, const std::string& tgt,
                Location place, std::optional<int> fatalities, const char* acled) {
  Event e;
  size_t start = a.body.find(sentence);
  e.id = a.id + "-" + cameo + "-" + date;
  e.date = DateRange::Day(*Date::ParseIso(date));
  e.source = Actor{src, src, src.substr(0, 3), src.substr(3)};
  e.target = Actor{tgt, tgt, tgt.substr(0, 3), tgt.substr(3)};
  e.cameo = cameo;
  e.root = cameo.substr(0, 2);
  e.quad_class = 4;
  e.goldstein = -10;
  if (acled) e.acled_type = acled;
  e.location = std::move(place);
  e.fatalities = fatalities;
  e.evidence = {sentence, start, start + sentence.size()};
  e.article = {a.id, a.title, a.url, a.published, a.outlet, a.author};
  e.confidence = 0.8;
  return e;
}

}  // namespace

std::vector<std::pair<Article, std::vector<Event>>> SeedArticles() {
  std::vector<std::pair<Article, std::vector<Event>>> out;
  std::string s1 = "Rockets hit Ain al-Asad air base on Wednesday.";
  std::string s2 = "A drone struck Erbil airport a day later, killing two.";
  Article a = MakeArticle("art-iraq", "Intro line.\n\n" + s1 + " " + s2 + "\n\nEnd.", "2021-07-09");
  out.push_back({a,
                 {MakeEvent(a, s1, "2021-07-07", "195", "IRQREB", "USAMIL",
                            {"Ain al-Asad air base", "IRQ", "Anbar", 33.80, 42.44, "site"},
                            std::nullopt, "Explosions/Remote violence"),
                  MakeEvent(a, s2, "2021-07-08", "195", "IRQREB", "USAMIL",
                            {"Erbil airport", "IRQ", "Erbil", 36.24, 43.96, "site"}, 2,
                            "Explosions/Remote violence")}});
  std::string s3 = "Protesters stormed the embassy gate in Baghdad.";
  Article b = MakeArticle("art-baghdad", s3, "2020-01-01");
  out.push_back(
      {b,
       {MakeEvent(b, s3, "2019-12-31", "145", "IRQCVL", "USAGOV",
                  {"Baghdad", "IRQ", "Baghdad", 33.31, 44.36, "city"}, std::nullopt, "Protests")}});
  std::string s4 = "US aircraft bombed a depot near Abu Kamal, killing five fighters.";
  Article c = MakeArticle("art-syria", s4, "2021-06-28");
  out.push_back({c,
                 {MakeEvent(c, s4, "2021-06-27", "195", "USAMIL", "SYRREB",
                            {"Abu Kamal", "SYR", "Deir ez-Zor", 34.45, 40.92, "city"}, 5,
                            "Explosions/Remote violence")}});
  return out;
}

std::vector<Event> FakeCoder(const Article& a) {
  Event e;
  size_t end = a.body.find('.');
  end = end == std::string::npos ? a.body.size() : end + 1;
  e.id = "posted/" + a.id;
  e.date = DateRange::Day(a.published.value_or(*Date::ParseIso("2021-07-10")));
  e.cameo = "190";
  e.root = "19";
  e.quad_class = 4;
  e.goldstein = -10;
  e.acled_type = "Explosions/Remote violence";
  e.location = Location{"Ain al-Asad", "IRQ", "Anbar", 33.8, 42.44, "site"};
  e.evidence = {a.body.substr(0, end), 0, end};
  e.article = {a.id, a.title, a.url, a.published, a.outlet, a.author};
  return {e};
}

ServeOptions ServerTest::DefaultOptions() const {
  ServeOptions o;
  o.port = 0;
  o.token = kToken;
  o.web_dir = (dir_ / "dist").string();
  o.max_body_bytes = 64 * 1024;
  return o;
}

void ServerTest::Start(ServeOptions options) {
  if (dir_.empty()) {
    dir_ = fs::temp_directory_path() /
           ("sitrep-serve-test-" + std::to_string(getpid()) + "-" +
            std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
    fs::create_directories(dir_ / "dist" / "assets");
    std::ofstream(dir_ / "dist" / "index.html") << "<!doctype html><title>sitrep</title>";
    std::ofstream(dir_ / "dist" / "assets" / "app.js") << "console.log('sitrep')";
    std::ofstream(dir_ / "secret.txt") << kSecret;
    fs::create_symlink(dir_ / "secret.txt", dir_ / "dist" / "leak.txt");
    fs::copy_file(fs::path(SITREP_SOURCE_DIR) / "web" / "public" / "openapi.json",
                  dir_ / "dist" / "openapi.json");
    options.web_dir = (dir_ / "dist").string();
    auto store = Store::Open("sqlite:" + (dir_ / "store.db").string());
    ASSERT_TRUE(store.ok()) << store.error();
    store_ = std::move(store.value());
    auto put = store_->PutArticles(SeedArticles());
    ASSERT_TRUE(put.ok()) << put.error();
  }
  server_ = std::make_unique<ApiServer>(*store_, FakeCoder, options);
  auto port = server_->Bind();
  ASSERT_TRUE(port.ok()) << port.error();
  port_ = *port;
  thread_ = std::thread([this] { (void)server_->Listen(); });
}

void ServerTest::StopServer() {
  if (server_) server_->Stop();
  if (thread_.joinable()) thread_.join();
  server_.reset();
}

httplib::Client ServerTest::Client() const {
  httplib::Client c("127.0.0.1", port_);
  c.set_connection_timeout(5);
  c.set_read_timeout(60);
  return c;
}

}  // namespace sitrep::serve::testing
