// The store's behaviour on both back ends, with articles and events built in the test:
// idempotent ingest, replacement, merging (and what must not merge), queries, state.
#include "store/store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "backends.h"
#include "base/hash.h"

namespace sitrep {
namespace {

using testing::MakeArticle;
using testing::MakeEvent;

class StoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  std::unique_ptr<Store> OpenStore(const std::string& url) {
    auto store = Store::Open(url);
    EXPECT_TRUE(store.ok()) << (store.ok() ? "" : store.error());
    return store.ok() ? std::move(store.value()) : nullptr;
  }
  StoreCounts CountsOf(Store& s) {
    auto c = s.Counts();
    EXPECT_TRUE(c.ok()) << (c.ok() ? "" : c.error());
    return c.ok() ? *c : StoreCounts{};
  }
  std::vector<Event> All(Store& s, EventQuery q = {}) {
    std::vector<Event> out;
    auto status = s.QueryEvents(q, [&](const Event& e) { out.push_back(e); });
    EXPECT_TRUE(status.ok()) << (status.ok() ? "" : status.error());
    return out;
  }
  // Stores `batch` in one call; each of its events then reads back as it was coded, with its
  // article's fields.
  void ExpectBatchComesBackAsCoded(
      Store& s, const std::vector<std::pair<Article, std::vector<Event>>>& batch) {
    auto stored = s.PutArticles(batch);
    ASSERT_TRUE(stored.ok()) << stored.error();
    for (const auto& [a, events] : batch) {
      for (Event want : events) {
        want.article = {a.id, a.title, a.url, a.published, a.outlet, a.author};
        auto got = s.GetEvent(want.id);
        ASSERT_TRUE(got.ok() && got->has_value()) << want.id;
        std::string want_line, got_line;
        AppendJsonLine(want, want_line);
        AppendJsonLine(**got, got_line);
        EXPECT_EQ(got_line, want_line);
      }
    }
  }
  testing::TempDir dir_;
};

// Error messages collected from several threads.
struct ErrorLog {
  void Add(const std::string& message) {
    std::lock_guard lock(mu);
    messages.push_back(message);
  }
  std::mutex mu;
  std::vector<std::string> messages;
};

Event Baghdad(const std::string& id, const std::string& day = "2021-07-07") {
  return MakeEvent(id, day, "190", "USAMIL", "IRQMIL", "Baghdad", 33.3152, 44.3661);
}

// Every field of a coded event is stored and read back as coded, for each article of a batch
// large enough to be prepared on the store's second thread.
TEST_P(StoreTest, EveryFieldOfACodedEventComesBack) {
  SITREP_FRESH_DB(url, GetParam(), dir_);
  auto store = OpenStore(url);
  ASSERT_TRUE(store);
  std::vector<std::pair<Article, std::vector<Event>>> batch;
  for (int i = 0; i < 40; ++i) {
    std::string id = "full" + std::to_string(i);
    Article a = MakeArticle(id, "Body of " + id + ".");
    a.author = i % 2 ? "Dana Writer" : "";
    // Places far apart and named apart: nothing merges.
    Event e = MakeEvent(id + "-e", "2021-07-0" + std::to_string(1 + i % 9), "195", "USAMIL",
                        "IRQREBPMF", "Depot " + std::to_string(i), 34.37, 1.09 + i);
    e.date.end = e.date.begin + (i % 3);
    e.date.precision = i % 3 ? DatePrecision::kRange : DatePrecision::kDay;
    e.source = Actor{"U.S. aircraft", "USAMIL", "USA", "MIL"};
    e.target = Actor{"Kataib Hezbollah", "IRQREBPMF", "IRQ", "REBPMF"};
    e.root = "19";
    e.quad_class = 4;
    e.goldstein = i % 4 ? -10.0 : -0.0;
    e.acled_type = "Explosions/Remote violence";
    e.acled_subtype = i % 2 ? std::optional<std::string>("Air/drone strike") : std::nullopt;
    e.location->admin1 = i % 2 ? "Anbar" : "";
    e.location->precision = "site";
    if (i % 3) e.fatalities = i;
    if (i % 5) e.injuries = 0;
    if (i % 2) e.weapon = Weapon{"airstrike", i % 4 ? std::optional<int>(2) : std::nullopt};
    e.evidence = {"U.S. aircraft struck a depot, killing " + std::to_string(i) + ".",
                  static_cast<size_t>(i), static_cast<size_t>(60 + i)};
    if (i % 3 == 0) e.attributed_to = i % 2 ? "the Pentagon" : "";
    e.confidence = 0.05 * i;
    batch.emplace_back(a, std::vector<Event>{e});
  }
  ExpectBatchComesBackAsCoded(*store, batch);
}

TEST_P(StoreTest, SameArticleTwiceIsStoredOnce) {
  SITREP_FRESH_DB(url, GetParam(), dir_);
  auto store = OpenStore(url);
  ASSERT_TRUE(store);
  Article a = MakeArticle("a1", "Rockets hit Baghdad.");
  auto first = store->PutArticle(a, {Baghdad("e1")});
  ASSERT_TRUE(first.ok()) << first.error();
  EXPECT_EQ(*first, IngestOutcome::kNew);
  auto second = store->PutArticle(a, {Baghdad("e1")});
  ASSERT_TRUE(second.ok()) << second.error();
  EXPECT_EQ(*second, IngestOutcome::kUnchanged);
  // The same body under another id is the same article.
  auto third = store->PutArticle(MakeArticle("a1-copy", "Rockets hit Baghdad."), {Baghdad("e9")});
  ASSERT_TRUE(third.ok()) << third.error();
  EXPECT_EQ(*third, IngestOutcome::kUnchanged);
  StoreCounts c = CountsOf(*store);
  EXPECT_EQ(c.articles, 1u);
  EXPECT_EQ(c.events, 1u);
  EXPECT_EQ(c.reports, 1u);
}

TEST_P(StoreTest, ReopenKeepsEverythingAndSchemaIsNotReapplied) {
  SITREP_FRESH_DB(url, GetParam(), dir_);
  {
    auto store = OpenStore(url);
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->PutArticle(MakeArticle("a1", "body one"), {Baghdad("e1")}).ok());
  }
  auto store = OpenStore(url);
  ASSERT_TRUE(store);
  EXPECT_EQ(CountsOf(*store).articles, 1u);
  auto stored = store->GetArticle("a1");
  ASSERT_TRUE(stored.ok()) << stored.error();
  ASSERT_TRUE(stored->has_value());
  EXPECT_EQ((*stored)->article.body, "body one");
  EXPECT_EQ((*stored)->article.content_hash, Sha256Hex("body one"));
  EXPECT_EQ((*stored)->article.outlet, "Outlet a1");
  EXPECT_EQ((*stored)->event_ids, std::vector<std::string>{"e1"});
}

TEST_P(StoreTest, UpdatedArticleReplacesItsEvents) {
  SITREP_FRESH_DB(url, GetParam(), dir_);
  auto store = OpenStore(url);
  ASSERT_TRUE(store);
  Event erbil = MakeEvent("e2", "2021-07-07", "183", "", "", "Erbil", 36.19, 44.01);
  ASSERT_TRUE(store->PutArticle(MakeArticle("a1", "version 1"), {Baghdad("e1"), erbil}).ok());
  EXPECT_EQ(CountsOf(*store).events, 2u);
  Event mosul = MakeEvent("e3", "2021-07-08", "190", "", "", "Mosul", 36.34, 43.13);
  auto r = store->PutArticle(MakeArticle("a1", "version 2"), {mosul});
  ASSERT_TRUE(r.ok()) << r.error();
  EXPECT_EQ(*r, IngestOutcome::kReplaced);
  StoreCounts c = CountsOf(*store);
  EXPECT_EQ(c.articles, 1u);
  EXPECT_EQ(c.events, 1u);
  EXPECT_EQ(c.reports, 1u);
  auto events = All(*store);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].location->text, "Mosul");
  auto stored = store->GetArticle("a1");
  ASSERT_TRUE(stored.ok() && stored->has_value());
  EXPECT_EQ((*stored)->article.body, "version 2");
  // Its full-text entries went with it.
  EventQuery q;
  q.text = "Baghdad";
  EXPECT_TRUE(All(*store, q).empty());
}

TEST_P(StoreTest, ReportsOfOneHappeningMergeIntoOneEvent) {
  SITREP_FRESH_DB(url, GetParam(), dir_);
  auto store = OpenStore(url);
  ASSERT_TRUE(store);
  Event a = Baghdad("ea");
  a.fatalities = 2;
  Event b = MakeEvent("eb", "2021-07-07", "195", "USAMIL", "", "Baghdad airport", 33.30, 44.30);
  b.fatalities = 4;  // ~6 km from the city point, target not stated, another code of root 19
  Event c = Baghdad("ec");
  std::vector<std::pair<Article, std::vector<Event>>> batch = {
      {MakeArticle("a", "report a", "Reuters"), {a}},
      {MakeArticle("b", "report b", "AP"), {b}},
      {MakeArticle("c", "report c", "AFP"), {c}}};
  auto outcomes = store->PutArticles(batch);
  ASSERT_TRUE(outcomes.ok()) << outcomes.error();
  EXPECT_EQ(*outcomes, std::vector<IngestOutcome>(3, IngestOutcome::kNew));
  auto events = All(*store);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].id, "ea");
  EXPECT_EQ(events[0].num_sources, 3);
  EXPECT_EQ(events[0].num_articles, 3);
  EXPECT_EQ(events[0].fatalities, 4);              // the highest count any report gives
  EXPECT_EQ(events[0].article.outlet, "Reuters");  // the first report represents it
  auto sources = store->GetSources("ea");
  ASSERT_TRUE(sources.ok()) << sources.error();
  std::set<std::string> outlets;
  for (const auto& s : *sources) outlets.insert(s.outlet);
  EXPECT_EQ(outlets, (std::set<std::string>{"Reuters", "AP", "AFP"}));
  EXPECT_EQ(CountsOf(*store).reports, 3u);
  auto got = store->GetEvent("ea");
  ASSERT_TRUE(got.ok() && got->has_value());
  EXPECT_EQ((*got)->num_sources, 3);
}

// Each writer remembers the events it has read for merging; what another connection stored
// in between must still be seen, and what a failed batch wrote must be forgotten.
TEST_P(StoreTest, WritersSeeWhatOtherConnectionsStored) {
  SITREP_FRESH_DB(url, GetParam(), dir_);
  auto first = OpenStore(url);
  auto second = OpenStore(url);
  ASSERT_TRUE(first && second);
  // `first` reads the week around 2021-07-07 (nothing there yet) and stores an event in it.
  ASSERT_TRUE(first->PutArticle(MakeArticle("a1", "one"), {Baghdad("e1")}).ok());
  // `second` stores a happening in the same week that `first` has not seen.
  Event basra = MakeEvent("e2", "2021-07-07", "190", "USAMIL", "IRQMIL", "Basra", 30.5, 47.8);
  ASSERT_TRUE(second->PutArticle(MakeArticle("a2", "two"), {basra}).ok());
  // Reports of both reach `first` and `second` crosswise: each merges with the other's event.
  Event basra_again = basra;
  basra_again.id = "e3";
  ASSERT_TRUE(first->PutArticle(MakeArticle("a3", "three"), {basra_again}).ok());
  ASSERT_TRUE(second->PutArticle(MakeArticle("a4", "four"), {Baghdad("e4")}).ok());
  auto events = All(*first);
  ASSERT_EQ(events.size(), 2u);
  for (const Event& e : events) EXPECT_EQ(e.num_sources, 2) << e.id;
}

// Several processes starting on a database that does not exist yet all race to create it and
// turn it to WAL; SQLite tells the losers "busy" without waiting, and every open must still
// succeed.
TEST(SqliteStoreTest, SimultaneousFirstOpensOfANewDatabaseAllSucceed) {
  testing::TempDir dir;
  for (int round = 0; round < 20; ++round) {
    SITREP_FRESH_DB(url, "sqlite", dir);
    ErrorLog errors;
    std::vector<std::thread> openers;
    std::atomic<int> waiting{6};
    for (int i = 0; i < 6; ++i)
      openers.emplace_back([&] {
        // All start together, so that their first statements overlap.
        --waiting;
        while (waiting > 0) std::this_thread::yield();
        auto store = Store::Open(url);
        if (!store) errors.Add(store.error());
      });
    for (auto& t : openers) t.join();
    EXPECT_THAT(errors.messages, ::testing::IsEmpty()) << url;
  }
}

// A batch that fails half-way is rolled back; the events it had added must not stay in the
// writer's memory as merge candidates (a trigger makes the second article fail). PostgreSQL
// writers keep their candidates from batch to batch too, while no one else writes.
TEST_P(StoreTest, RolledBackEventsAreNotMergedInto) {
  SITREP_FRESH_DB(url, GetParam(), dir_);
  auto store = OpenStore(url);
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->PutArticle(MakeArticle("a0", "zero"), {Baghdad("e0", "2021-06-01")}).ok());
  std::string trigger =
      GetParam() == "sqlite"
          ? "CREATE TRIGGER fail_a6 BEFORE INSERT ON articles WHEN new.id = 'a6' "
            "BEGIN SELECT RAISE(ABORT, 'injected'); END;"
          : "CREATE FUNCTION fail_a6() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            "IF NEW.id = 'a6' THEN RAISE EXCEPTION 'injected'; END IF; RETURN NEW; END $$; "
            "CREATE TRIGGER fail_a6 BEFORE INSERT ON articles FOR EACH ROW "
            "EXECUTE FUNCTION fail_a6();";
  ASSERT_EQ(testing::ExecRawSql(url, trigger), "");
  Event mosul = MakeEvent("e5", "2021-07-09", "190", "USAMIL", "IRQMIL", "Mosul", 36.3, 43.1);
  auto failed = store->PutArticles(
      {{MakeArticle("a5", "five"), {mosul}}, {MakeArticle("a6", "six"), {Baghdad("e7")}}});
  ASSERT_FALSE(failed.ok());
  Event mosul_again = mosul;
  mosul_again.id = "e6";
  ASSERT_TRUE(store->PutArticle(MakeArticle("a7", "seven"), {mosul_again}).ok());
  auto got = store->GetEvent("e6");
  ASSERT_TRUE(got.ok());
  ASSERT_TRUE(got->has_value()) << "the report merged into the rolled-back event e5";
  EXPECT_EQ((*got)->num_sources, 1);
  EXPECT_EQ(CountsOf(*store).events, 2u);
}

TEST_P(StoreTest, TwoReportsInOneArticleCountOneArticle) {
  SITREP_FRESH_DB(url, GetParam(), dir_);
  auto store = OpenStore(url);
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->PutArticle(MakeArticle("a", "x"), {Baghdad("e1"), Baghdad("e2")}).ok());
  ASSERT_TRUE(store->PutArticle(MakeArticle("b", "y"), {Baghdad("e3")}).ok());
  auto events = All(*store);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].num_sources, 3);
  EXPECT_EQ(events[0].num_articles, 2);
}

// An event id that the coder gives twice in one article is stored once, as first given: in a
// batch large enough to be prepared on its own thread, and when the article is replaced.
TEST_P(StoreTest, AnEventIdGivenTwiceInOneArticleIsStoredOnce) {
  SITREP_FRESH_DB(url, GetParam(), dir_);
  auto store = OpenStore(url);
  ASSERT_TRUE(store);
  Event first = Baghdad("e1");
  Event again = MakeEvent("e1", "2021-07-09", "183", "", "", "Erbil", 36.19, 44.01);
  std::vector<std::pair<Article, std::vector<Event>>> batch;
  for (int i = 0; i < 20; ++i)
    batch.push_back({MakeArticle("a" + std::to_string(i), "body " + std::to_string(i)),
                     {first, again,
                      Baghdad("f" + std::to_string(i), "2022-01-0" + std::to_string(1 + i % 9))}});
  auto stored = store->PutArticles(batch);
  ASSERT_TRUE(stored.ok()) << stored.error();
  StoreCounts c = CountsOf(*store);
  EXPECT_EQ(c.articles, 20u);
  EXPECT_EQ(c.reports, 40u);
  auto article = store->GetArticle("a3");
  ASSERT_TRUE(article.ok() && article->has_value());
  EXPECT_EQ((*article)->event_ids, (std::vector<std::string>{"e1", "f3"}));
  EventQuery erbil;
  erbil.text = "Erbil";
  EXPECT_TRUE(All(*store, erbil).empty()) << "the repeated id's second event was stored";

  auto replaced = store->PutArticle(MakeArticle("a3", "body 3, revised"), {again, first});
  ASSERT_TRUE(replaced.ok()) << replaced.error();
  EXPECT_EQ(CountsOf(*store).reports, 39u);
  EXPECT_EQ(All(*store, erbil).size(), 1u);

  // Events without ids get ids of their own, never each other's.
  Event unnamed = Baghdad("");
  Event unnamed_later = Baghdad("", "2023-05-06");
  ASSERT_TRUE(store->PutArticle(MakeArticle("b", "body b"), {unnamed, unnamed_later}).ok());
  EXPECT_EQ(CountsOf(*store).reports, 41u);
}

TEST_P(StoreTest, DistinctHappeningsDoNotMerge) {
  SITREP_FRESH_DB(url, GetParam(), dir_);
  auto store = OpenStore(url);
  ASSERT_TRUE(store);
  std::vector<std::pair<Article, std::vector<Event>>> batch = {
      {MakeArticle("base", "0"), {Baghdad("base")}},
      // Same day, same actors and root, another city.
      {MakeArticle("city", "1"),
       {MakeEvent("city", "2021-07-07", "190", "USAMIL", "IRQMIL", "Erbil", 36.19, 44.01)}},
      // Same place and day, another root (18 assault vs 19 fight).
      {MakeArticle("root", "2"),
       {MakeEvent("root", "2021-07-07", "183", "USAMIL", "IRQMIL", "Baghdad", 33.3152, 44.3661)}},
      // Same place and day, an incompatible source.
      {MakeArticle("actor", "3"),
       {MakeEvent("actor", "2021-07-07", "190", "IRNMIL", "IRQMIL", "Baghdad", 33.3152, 44.3661)}},
      // Same everything, three days later.
      {MakeArticle("day", "4"), {Baghdad("day", "2021-07-10")}},
      // No place at all and one actor unknown: not enough to say it is the same happening.
      {MakeArticle("noplace", "5"),
       {MakeEvent("noplace", "2021-07-07", "190", "USAMIL", "", "", 0, 0)}},
  };
  ASSERT_TRUE(store->PutArticles(batch).ok());
  auto events = All(*store);
  EXPECT_EQ(events.size(), 6u);
  for (const Event& e : events) EXPECT_EQ(e.num_sources, 1) << e.id;
}

TEST_P(StoreTest, OverlappingRangesAndNamedSitesMerge) {
  SITREP_FRESH_DB(url, GetParam(), dir_);
  auto store = OpenStore(url);
  ASSERT_TRUE(store);
  Event week = Baghdad("week");
  week.date = {*Date::ParseIso("2021-07-05"), *Date::ParseIso("2021-07-11"), DatePrecision::kWeek};
  // The same named site with coordinates 20 km apart (two gazetteers disagreeing).
  Event site1 = MakeEvent("s1", "2021-08-01", "190", "", "", "Erbil airport", 36.2376, 43.9632);
  site1.location->precision = "site";
  Event site2 = MakeEvent("s2", "2021-08-01", "190", "", "", "erbil airport", 36.40, 43.90);
  site2.location->precision = "site";
  ASSERT_TRUE(store->PutArticle(MakeArticle("w", "w"), {week, site1}).ok());
  ASSERT_TRUE(store->PutArticle(MakeArticle("d", "d"), {Baghdad("day", "2021-07-09"), site2}).ok());
  auto events = All(*store);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].id, "week");
  EXPECT_EQ(events[0].num_sources, 2);
  EXPECT_EQ(events[1].id, "s1");
  EXPECT_EQ(events[1].num_sources, 2);
}

TEST_P(StoreTest, ReplacingTheFirstReportHandsTheEventToTheNext) {
  SITREP_FRESH_DB(url, GetParam(), dir_);
  auto store = OpenStore(url);
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->PutArticle(MakeArticle("a", "a1", "First"), {Baghdad("ea")}).ok());
  ASSERT_TRUE(store->PutArticle(MakeArticle("b", "b1", "Second"), {Baghdad("eb")}).ok());
  ASSERT_EQ(All(*store).size(), 1u);
  // Article a is corrected: it now reports something in Mosul instead.
  Event mosul = MakeEvent("em", "2021-07-07", "190", "", "", "Mosul", 36.34, 43.13);
  auto r = store->PutArticle(MakeArticle("a", "a2", "First"), {mosul});
  ASSERT_TRUE(r.ok()) << r.error();
  EXPECT_EQ(*r, IngestOutcome::kReplaced);
  auto events = All(*store);
  ASSERT_EQ(events.size(), 2u);
  auto kept = store->GetEvent("ea");
  ASSERT_TRUE(kept.ok() && kept->has_value());
  EXPECT_EQ((*kept)->num_sources, 1);
  EXPECT_EQ((*kept)->article.id, "b");
  auto sources = store->GetSources("ea");
  ASSERT_TRUE(sources.ok());
  ASSERT_EQ(sources->size(), 1u);
  EXPECT_EQ((*sources)[0].outlet, "Second");
}

// Reports of one batch that merge into the same events (stored before, or new in the batch)
// add up as they would one by one: sources, distinct articles, the highest casualty counts.
TEST_P(StoreTest, MergesWithinOneBatchAddUpAsOneByOne) {
  SITREP_FRESH_DB(url, GetParam(), dir_);
  auto store = OpenStore(url);
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->PutArticle(MakeArticle("a", "a"), {Baghdad("stored")}).ok());
  Event b1 = Baghdad("b1"), b2 = Baghdad("b2"), c1 = Baghdad("c1");
  b1.fatalities = 3;
  b2.injuries = 1;
  c1.fatalities = 1;
  Event mosul = MakeEvent("m1", "2021-07-08", "190", "", "", "Mosul", 36.34, 43.13);
  Event mosul_again = mosul;
  mosul_again.id = "m2";
  mosul_again.fatalities = 7;
  auto outcomes = store->PutArticles({{MakeArticle("b", "b"), {b1, b2}},
                                      {MakeArticle("c", "c"), {c1}},
                                      {MakeArticle("d", "d"), {mosul, mosul_again}}});
  ASSERT_TRUE(outcomes.ok()) << outcomes.error();
  auto stored = store->GetEvent("stored");
  ASSERT_TRUE(stored.ok() && stored->has_value());
  EXPECT_EQ((*stored)->num_sources, 4);
  EXPECT_EQ((*stored)->num_articles, 3);
  EXPECT_EQ((*stored)->fatalities, 3);
  EXPECT_EQ((*stored)->injuries, 1);
  EXPECT_EQ((*stored)->article.id, "a");  // still represented by its first report
  auto fresh = store->GetEvent("m1");
  ASSERT_TRUE(fresh.ok() && fresh->has_value());
  EXPECT_EQ((*fresh)->num_sources, 2);
  EXPECT_EQ((*fresh)->num_articles, 1);
  EXPECT_EQ((*fresh)->fatalities, 7);
  EXPECT_EQ(CountsOf(*store).reports, 6u);
  EXPECT_EQ(CountsOf(*store).events, 2u);
}

// A new event whose id another event holds takes the id with the first free suffix, and its
// report points there, however many such clashes come in one batch.
TEST_P(StoreTest, AnEventIdAlreadyTakenGetsTheFirstFreeSuffix) {
  SITREP_FRESH_DB(url, GetParam(), dir_);
  auto store = OpenStore(url);
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->PutArticle(MakeArticle("a", "a"), {Baghdad("e1")}).ok());
  Event mosul = MakeEvent("e1", "2021-07-08", "190", "", "", "Mosul", 36.34, 43.13);
  Event basra = MakeEvent("e1", "2021-07-09", "190", "", "", "Basra", 30.51, 47.78);
  Event basra_again = basra;  // merges into the Basra event, whatever its id became
  basra_again.id = "x";
  auto outcomes = store->PutArticles({{MakeArticle("b", "b"), {mosul}},
                                      {MakeArticle("c", "c"), {basra}},
                                      {MakeArticle("d", "d"), {basra_again}}});
  ASSERT_TRUE(outcomes.ok()) << outcomes.error();
  std::map<std::string, std::string> place_of;
  for (const Event& e : All(*store)) place_of[e.id] = e.location->text;
  EXPECT_EQ(place_of, (std::map<std::string, std::string>{
                          {"e1", "Baghdad"}, {"e1-2", "Mosul"}, {"e1-3", "Basra"}}));
  auto basra_sources = store->GetSources("e1-3");
  ASSERT_TRUE(basra_sources.ok());
  std::set<std::string> articles;
  for (const auto& source : *basra_sources) articles.insert(source.article_id);
  EXPECT_EQ(articles, (std::set<std::string>{"c", "d"}));
}

// An article replaced in the middle of a batch has its old reports taken out of events that
// reports earlier in the same batch have joined: those reports count, and keep the event.
TEST_P(StoreTest, AReplacementSeesTheReportsBeforeItInItsBatch) {
  SITREP_FRESH_DB(url, GetParam(), dir_);
  auto store = OpenStore(url);
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->PutArticle(MakeArticle("r", "r version 1"), {Baghdad("er")}).ok());
  Event mosul = MakeEvent("em", "2021-07-08", "190", "", "", "Mosul", 36.34, 43.13);
  auto outcomes = store->PutArticles(
      {{MakeArticle("x", "x"), {Baghdad("ex")}}, {MakeArticle("r", "r version 2"), {mosul}}});
  ASSERT_TRUE(outcomes.ok()) << outcomes.error();
  EXPECT_EQ(*outcomes, (std::vector<IngestOutcome>{IngestOutcome::kNew, IngestOutcome::kReplaced}));
  auto kept = store->GetEvent("er");
  ASSERT_TRUE(kept.ok() && kept->has_value()) << "the event lost the report that joined it";
  EXPECT_EQ((*kept)->num_sources, 1);
  EXPECT_EQ((*kept)->article.id, "x");
  EXPECT_EQ(CountsOf(*store).events, 2u);
  EXPECT_EQ(CountsOf(*store).reports, 2u);
}

// One writer keeps replacing the article behind an event (which takes the event out and
// puts it back) while another merges reports into it: a batch that finds its event gone
// lost a race and is tried again, so every batch stores, and every event's counts are its
// reports'.
TEST_P(StoreTest, MergesRacingAReplacementOfTheirEventAllStore) {
  SITREP_FRESH_DB(url, GetParam(), dir_);
  auto replacer = OpenStore(url);
  auto merger = OpenStore(url);
  ASSERT_TRUE(replacer && merger);
  ASSERT_TRUE(replacer->PutArticle(MakeArticle("r", "r version 0"), {Baghdad("er")}).ok());
  constexpr int kRounds = 40;
  ErrorLog errors;
  // Odd versions report a month later, in buckets the merger never locks, so the replacer
  // takes the event out without waiting for the merger's batch.
  Event later = MakeEvent("em", "2021-08-20", "190", "", "", "Mosul", 36.34, 43.13);
  std::thread replacing([&] {
    for (int i = 1; i <= kRounds; ++i) {
      auto r = replacer->PutArticle(MakeArticle("r", "r version " + std::to_string(i)),
                                    {i % 2 ? later : Baghdad("er")});
      if (!r.ok()) errors.Add("replacing: " + r.error());
    }
  });
  for (int i = 0; i < kRounds; ++i) {
    std::string id = "x" + std::to_string(i);
    // The merging report first, then articles elsewhere, so that the batch goes on a while.
    std::vector<std::pair<Article, std::vector<Event>>> batch = {
        {MakeArticle(id, id), {Baghdad(id)}}};
    for (int k = 0; k < 20; ++k) {
      std::string other = id + "-" + std::to_string(k);
      batch.push_back({MakeArticle(other, other),
                       {MakeEvent(other, "2021-03-0" + std::to_string(1 + k % 9), "042", "", "",
                                  "Town " + other, -40.0 + k, 100.0 + i)}});
    }
    auto r = merger->PutArticles(batch);
    if (!r.ok()) errors.Add("merging " + id + ": " + r.error());
  }
  replacing.join();
  EXPECT_THAT(errors.messages, ::testing::IsEmpty());
  size_t sources = 0;
  for (const Event& e : All(*merger)) {
    auto reports = merger->GetSources(e.id);
    ASSERT_TRUE(reports.ok());
    EXPECT_EQ(static_cast<size_t>(e.num_sources), reports->size()) << e.id;
    sources += reports->size();
  }
  EXPECT_EQ(sources, static_cast<size_t>(kRounds) * 21 + 1);
  EXPECT_EQ(CountsOf(*merger).reports, static_cast<size_t>(kRounds) * 21 + 1);
}

// Text is stored as given, whatever it holds: quotes, backslashes, braces and commas (which
// PostgreSQL array literals give a meaning), the word NULL, empty strings, line breaks, UTF-8.
TEST_P(StoreTest, TextWithQuotesBracesAndBackslashesIsStoredAsGiven) {
  SITREP_FRESH_DB(url, GetParam(), dir_);
  auto store = OpenStore(url);
  ASSERT_TRUE(store);
  const std::vector<std::string> texts = {"He said \"hold\", then {left}.",
                                          "C:\\path\\to\\\"x\"",
                                          "NULL",
                                          "",
                                          "{}",
                                          "line one\nline two\ttab",
                                          "Tall \xC3\x81"
                                          "far, \xD8\xA8\xD8\xBA\xD8\xAF\xD8\xA7\xD8\xAF",
                                          "\\",
                                          "\"",
                                          ",",
                                          "{\"a\":1}"};
  std::vector<std::pair<Article, std::vector<Event>>> batch;
  for (size_t i = 0; i < texts.size(); ++i) {
    std::string id = "t" + std::to_string(i);
    Article a = MakeArticle(id, "body " + texts[i]);
    a.title = texts[i];
    a.author = texts[(i + 1) % texts.size()];
    // Far apart: nothing merges.
    Event e =
        MakeEvent(id + texts[i], "2021-07-07", "190", "USAMIL", "IRQMIL",
                  texts[(i + 2) % texts.size()] + " " + id, 10.0 + i * 3.0, 20.123456789012345 + i);
    e.source->text = texts[(i + 3) % texts.size()];
    e.evidence.sentence = texts[i] + " (" + id + ")";
    e.attributed_to = texts[(i + 4) % texts.size()];
    batch.emplace_back(a, std::vector<Event>{e});
  }
  ExpectBatchComesBackAsCoded(*store, batch);
}

class QueryTest : public StoreTest {
 protected:
  void SetUp() override {
    url_ = testing::FreshDatabaseUrl(GetParam(), dir_);
    if (url_.empty()) return;
    store_ = OpenStore(url_);
    ASSERT_TRUE(store_);
    Event a = Baghdad("q1", "2021-07-01");
    a.acled_type = "Battles";
    a.acled_subtype = "Armed clash";
    a.fatalities = 3;
    a.goldstein = -10;
    a.evidence.sentence = "Fighters clashed near the Tigris bridge in Baghdad.";
    Event b = MakeEvent("q2", "2021-07-05", "183", "IRQREB", "", "Erbil", 36.19, 44.01);
    b.acled_type = "Explosions/Remote violence";
    b.acled_subtype = "Remote explosive/landmine/IED";
    b.goldstein = -9;
    b.fatalities = 10;
    b.evidence.sentence = "A roadside bomb exploded in Erbil, killing ten.";
    Event c = MakeEvent("q3", "2021-07-09", "042", "FRAGOV", "IRQGOV", "Basra", 30.51, 47.78);
    c.location->country = "IRQ";
    c.goldstein = 1.9;
    c.quad_class = 1;
    c.evidence.sentence = "The French minister visited Basra for talks.";
    ASSERT_TRUE(store_->PutArticle(MakeArticle("qa", "qa"), {a}).ok());
    ASSERT_TRUE(store_->PutArticle(MakeArticle("qb", "qb"), {b}).ok());
    ASSERT_TRUE(store_->PutArticle(MakeArticle("qc", "qc"), {c}).ok());
  }
  std::vector<std::string> Ids(EventQuery q) {
    std::vector<std::string> ids;
    if (!store_) return ids;
    for (const Event& e : All(*store_, q)) ids.push_back(e.id);
    auto n = store_->CountEvents(q);
    EXPECT_TRUE(n.ok()) << (n.ok() ? "" : n.error());
    if (n.ok()) {
      EXPECT_EQ(*n, ids.size());
    }
    return ids;
  }
  std::string url_;
  std::unique_ptr<Store> store_;
};

using IdList = std::vector<std::string>;

TEST_P(QueryTest, Filters) {
  if (!store_) return;
  EventQuery q;
  EXPECT_EQ(Ids(q), (IdList{"q1", "q2", "q3"}));
  q = {};
  q.from = Date::ParseIso("2021-07-02");
  q.to = Date::ParseIso("2021-07-08");
  EXPECT_EQ(Ids(q), (IdList{"q2"}));
  q = {};
  q.actor = "irq";  // code prefix, case-insensitive: source IRQREB, target IRQMIL / IRQGOV
  EXPECT_EQ(Ids(q), (IdList{"q1", "q2", "q3"}));
  q.actor = "FRA";
  EXPECT_EQ(Ids(q), (IdList{"q3"}));
  q.actor = "source irqreb";  // actor text
  EXPECT_EQ(Ids(q), (IdList{"q2"}));
  q = {};
  q.country = "fra";
  EXPECT_EQ(Ids(q), (IdList{"q3"}));
  q = {};
  q.type = "18";
  EXPECT_EQ(Ids(q), (IdList{"q2"}));
  q.type = "battles";
  EXPECT_EQ(Ids(q), (IdList{"q1"}));
  q.type = "Remote explosive/landmine/IED";
  EXPECT_EQ(Ids(q), (IdList{"q2"}));
  q = {};
  q.near = EventQuery::Near{36.2, 44.0, 20};
  EXPECT_EQ(Ids(q), (IdList{"q2"}));
  q.near = EventQuery::Near{33.0, 44.0, 600};  // Baghdad, Erbil and Basra all within 600 km
  EXPECT_EQ(Ids(q).size(), 3u);
  q = {};
  q.text = "roadside BOMB";
  EXPECT_EQ(Ids(q), (IdList{"q2"}));
  q.text = "bomb Basra";  // all words must match
  EXPECT_TRUE(Ids(q).empty());
}

TEST_P(QueryTest, SortAndPage) {
  if (!store_) return;
  EventQuery q;
  q.sort = "-date";
  EXPECT_EQ(Ids(q), (IdList{"q3", "q2", "q1"}));
  q.sort = "goldstein";
  EXPECT_EQ(Ids(q), (IdList{"q1", "q2", "q3"}));
  q.sort = "-goldstein";
  EXPECT_EQ(Ids(q), (IdList{"q3", "q2", "q1"}));
  q.sort = "fatalities";
  EXPECT_EQ(Ids(q), (IdList{"q2", "q1", "q3"}));
  q.sort = "-fatalities";  // fewest first, unknown last
  EXPECT_EQ(Ids(q), (IdList{"q1", "q2", "q3"}));
  q.sort = "-sources";
  EXPECT_EQ(Ids(q), (IdList{"q1", "q2", "q3"}));
  q.sort = "date";
  q.limit = 1;
  q.offset = 1;
  EXPECT_EQ(Ids(q), (IdList{"q2"}));
  q.limit = 0;
  EXPECT_EQ(Ids(q), (IdList{"q2", "q3"}));
  q.sort = "nonsense";
  EXPECT_FALSE(store_->QueryEvents(q, [](const Event&) {}).ok());
}

// A page is chosen among the events alone, then its records are fetched: in every sort, each
// page must be exactly its slice of the whole list, ties included.
TEST_P(QueryTest, EveryPageIsItsSliceOfTheWholeListInEverySort) {
  if (!store_) return;
  for (int i = 0; i < 24; ++i) {  // 1 degree of latitude apart: none merge
    std::string id = "p" + std::to_string(i);
    Event e = MakeEvent(id, "2021-07-1" + std::to_string(i % 4), "190", "USAMIL", "IRQMIL",
                        "Place " + id, 10.0 + i, 44.0);
    e.goldstein = -static_cast<double>(i % 3);
    if (i % 5) e.fatalities = i % 4;
    ASSERT_TRUE(store_->PutArticle(MakeArticle("pa" + id, "body " + id), {e}).ok());
  }
  for (const char* sort : {"date", "-date", "goldstein", "-goldstein", "fatalities", "-fatalities",
                           "sources", "-sources"}) {
    EventQuery q;
    q.sort = sort;
    q.from = Date::ParseIso("2021-07-10");
    IdList whole = Ids(q);
    ASSERT_EQ(whole.size(), 24u) << sort;
    for (size_t limit : {1u, 5u, 7u}) {
      for (size_t offset = 0; offset < whole.size() + 2; offset += 3) {
        q.limit = limit;
        q.offset = offset;
        IdList page;
        ASSERT_TRUE(store_->QueryEvents(q, [&](const Event& e) { page.push_back(e.id); }).ok());
        IdList slice(whole.begin() + std::min(offset, whole.size()),
                     whole.begin() + std::min(offset + limit, whole.size()));
        EXPECT_EQ(page, slice) << sort << " limit " << limit << " offset " << offset;
      }
    }
  }
}

// A date filter starts its index search at `from` minus the longest span stored: an event
// dated by its year, or by a month, must still match a window at the end of its range.
TEST_P(QueryTest, EventsSpanningLongRangesMatchAWindowNearTheirEnd) {
  if (!store_) return;
  Event year = MakeEvent("year", "2020-01-01", "190", "USAMIL", "IRQMIL", "Mosul", 36.34, 43.13);
  year.date =
      DateRange{*Date::ParseIso("2020-01-01"), *Date::ParseIso("2020-12-31"), DatePrecision::kYear};
  Event month = MakeEvent("month", "2020-06-01", "190", "USAMIL", "IRQMIL", "Kirkuk", 35.47, 44.39);
  month.date = DateRange{*Date::ParseIso("2020-06-01"), *Date::ParseIso("2020-06-30"),
                         DatePrecision::kMonth};
  ASSERT_TRUE(store_->PutArticle(MakeArticle("ly", "year body"), {year}).ok());
  ASSERT_TRUE(store_->PutArticle(MakeArticle("lm", "month body"), {month}).ok());
  EventQuery q;
  q.from = Date::ParseIso("2020-12-20");
  q.to = Date::ParseIso("2020-12-31");
  EXPECT_EQ(Ids(q), (IdList{"year"}));
  q.from = Date::ParseIso("2020-06-30");
  q.to = Date::ParseIso("2020-07-01");
  EXPECT_EQ(Ids(q), (IdList{"year", "month"}));
  q.from = Date::ParseIso("2021-01-01");
  q.to = {};
  EXPECT_EQ(Ids(q), (IdList{"q1", "q2", "q3"}));
}

// "near" narrows by a longitude band as well as latitude; the band must wrap across the
// antimeridian and give way to the whole circle near a pole.
TEST_P(QueryTest, NearWrapsTheAntimeridianAndReachesOverThePole) {
  if (!store_) return;
  struct Spot {
    const char* id;
    double lat, lon;
  };
  for (Spot s : {Spot{"fiji-east", -17.0, 179.95}, Spot{"fiji-west", -17.0, -179.95},
                 Spot{"far-east", -17.0, 170.0}, Spot{"polar-a", 89.7, 10.0},
                 Spot{"polar-b", 89.7, -170.0}}) {
    Event e = MakeEvent(s.id, "2021-08-01", "190", "USAMIL", "IRQMIL", s.id, s.lat, s.lon);
    ASSERT_TRUE(store_->PutArticle(MakeArticle(s.id, s.id), {e}).ok());
  }
  EventQuery q;
  q.near = EventQuery::Near{-17.0, 179.99, 30};
  EXPECT_EQ(Ids(q), (IdList{"fiji-east", "fiji-west"}));
  q.near = EventQuery::Near{-17.0, -179.99, 30};
  EXPECT_EQ(Ids(q), (IdList{"fiji-east", "fiji-west"}));
  q.near = EventQuery::Near{89.7, 10.0, 80};  // the two are 67 km apart, across the pole
  EXPECT_EQ(Ids(q), (IdList{"polar-a", "polar-b"}));
}

TEST_P(QueryTest, UserTextIsNeverSql) {
  if (!store_) return;
  EventQuery q;
  q.actor = "x' OR '1'='1";
  EXPECT_TRUE(Ids(q).empty());
  q.actor = "%";
  EXPECT_TRUE(Ids(q).empty());  // a literal percent sign, not a wildcard
  q = {};
  q.text = "\"bomb\" (roadside* -";  // FTS syntax in user text is just words
  EXPECT_EQ(Ids(q), (IdList{"q2"}));
  q = {};
  q.country = "IRQ'; DROP TABLE events; --";
  EXPECT_TRUE(Ids(q).empty());
  EXPECT_EQ(CountsOf(*store_).events, 3u);
}

TEST_P(QueryTest, EventsComeBackWhole) {
  if (!store_) return;
  auto e = store_->GetEvent("q2");
  ASSERT_TRUE(e.ok()) << e.error();
  ASSERT_TRUE(e->has_value());
  const Event& got = **e;
  EXPECT_EQ(got.cameo, "183");
  EXPECT_EQ(got.date.begin.Iso(), "2021-07-05");
  ASSERT_TRUE(got.source.has_value());
  EXPECT_EQ(got.source->code, "IRQREB");
  EXPECT_FALSE(got.target.has_value());
  EXPECT_EQ(got.acled_subtype, "Remote explosive/landmine/IED");
  EXPECT_EQ(got.fatalities, 10);
  EXPECT_EQ(got.article.id, "qb");
  EXPECT_EQ(got.article.url, "https://example.org/qb");
  EXPECT_EQ(got.evidence.sentence, "A roadside bomb exploded in Erbil, killing ten.");
  auto none = store_->GetEvent("nope");
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
}

TEST_P(StoreTest, StateAndUrls) {
  SITREP_FRESH_DB(url, GetParam(), dir_);
  auto store = OpenStore(url);
  ASSERT_TRUE(store);
  auto missing = store->GetState("feed:etag");
  ASSERT_TRUE(missing.ok());
  EXPECT_FALSE(missing->has_value());
  ASSERT_TRUE(store->PutState("feed:etag", "v1").ok());
  ASSERT_TRUE(store->PutState("feed:etag", "v2").ok());
  auto got = store->GetState("feed:etag");
  ASSERT_TRUE(got.ok() && got->has_value());
  EXPECT_EQ(**got, "v2");
  ASSERT_TRUE(store->PutArticle(MakeArticle("u", "u"), {}).ok());
  EXPECT_TRUE(*store->HasArticleUrl("https://example.org/u"));
  EXPECT_FALSE(*store->HasArticleUrl("https://example.org/other"));
}

// Writers in parallel (threads with their own connections) over overlapping articles end with
// exactly what one writer alone stores: nothing lost, nothing doubled, merges intact.
TEST_P(StoreTest, ConcurrentWritersMatchOneWriter) {
  SITREP_FRESH_DB(single_url, GetParam(), dir_);
  SITREP_FRESH_DB(shared_url, GetParam(), dir_);
  auto article = [](int i) {
    // Six places × twenty days; each happening reported by several articles.
    int place = i % 6, day = (i / 6) % 20;
    Event e =
        MakeEvent("ev" + std::to_string(i), Date::FromYmd(2021, 7, 1 + day).Iso(), "190", "USAMIL",
                  i % 3 ? "IRQMIL" : "", "Place" + std::to_string(place), 30 + place, 40 + place);
    return std::make_pair(MakeArticle("art" + std::to_string(i), "body " + std::to_string(i)),
                          std::vector<Event>{e});
  };
  constexpr int kArticles = 360;
  {
    auto store = OpenStore(single_url);
    ASSERT_TRUE(store);
    for (int i = 0; i < kArticles; ++i) {
      auto [a, events] = article(i);
      ASSERT_TRUE(store->PutArticle(a, events).ok());
    }
  }
  std::vector<std::thread> writers;
  ErrorLog failures;
  for (int w = 0; w < 4; ++w)
    writers.emplace_back([&, w] {
      auto store = Store::Open(shared_url);
      if (!store) return failures.Add("open: " + store.error());
      // Each writer covers three quarters of the articles, starting at a different place.
      for (int k = 0; k < kArticles * 3 / 4; k += 8) {
        std::vector<std::pair<Article, std::vector<Event>>> batch;
        for (int j = k; j < k + 8 && j < kArticles * 3 / 4; ++j)
          batch.push_back(article((j + w * kArticles / 4) % kArticles));
        if (auto put = (*store)->PutArticles(batch); !put) failures.Add("put: " + put.error());
      }
    });
  for (auto& t : writers) t.join();
  EXPECT_THAT(failures.messages, ::testing::IsEmpty());
  auto single = OpenStore(single_url);
  auto shared = OpenStore(shared_url);
  ASSERT_TRUE(single && shared);
  StoreCounts a = CountsOf(*single), b = CountsOf(*shared);
  EXPECT_EQ(a.articles, static_cast<size_t>(kArticles));
  EXPECT_EQ(b.articles, a.articles);
  EXPECT_EQ(b.reports, a.reports);
  EXPECT_EQ(b.events, a.events);
  EXPECT_EQ(a.events, 6u * 20u);
  size_t sources = 0;
  for (const Event& e : All(*shared)) {
    sources += e.num_sources;
    // Each event's counts are those of its own reports.
    auto reports = shared->GetSources(e.id);
    ASSERT_TRUE(reports.ok()) << e.id;
    std::set<std::string> articles;
    for (const auto& r : *reports) articles.insert(r.article_id);
    EXPECT_EQ(static_cast<size_t>(e.num_sources), reports->size()) << e.id;
    EXPECT_EQ(static_cast<size_t>(e.num_articles), articles.size()) << e.id;
  }
  EXPECT_EQ(sources, b.reports);  // the per-event counts add up
}

// The generation moves with every commit, by this store's writer or another connection (as
// another process would), and stays put while nothing is written.
TEST_P(StoreTest, GenerationMovesOnEveryWrite) {
  SITREP_FRESH_DB(url, GetParam(), dir_);
  auto reader = OpenStore(url);
  auto other = OpenStore(url);
  ASSERT_TRUE(reader && other);
  auto generation = [&] {
    auto g = reader->Generation();
    EXPECT_TRUE(g.ok()) << (g.ok() ? "" : g.error());
    return g.ok() ? *g : std::string();
  };
  std::string g0 = generation();
  ASSERT_TRUE(reader->CountEvents({}).ok());
  EXPECT_EQ(generation(), g0) << "reads move the generation";
  {
    // Another database of the same server (a parallel test, another team's store).
    SITREP_FRESH_DB(elsewhere_url, GetParam(), dir_);
    auto elsewhere = OpenStore(elsewhere_url);
    ASSERT_TRUE(elsewhere);
    ASSERT_TRUE(elsewhere->PutArticle(MakeArticle("x1", "elsewhere"), {Baghdad("x1")}).ok());
  }
  EXPECT_EQ(generation(), g0) << "a write to another database";
  ASSERT_TRUE(other->PutArticle(MakeArticle("a1", "one"), {Baghdad("e1")}).ok());
  std::string g1 = generation();
  EXPECT_NE(g1, g0) << "another connection's ingest";
  EXPECT_EQ(*reader->CountEvents({}), 1u);
  ASSERT_TRUE(reader->PutArticle(MakeArticle("a2", "two"), {Baghdad("e2", "2021-08-01")}).ok());
  std::string g2 = generation();
  EXPECT_NE(g2, g1) << "this store's own ingest";
  ASSERT_TRUE(other->PutArticle(MakeArticle("a1", "one, corrected"), {}).ok());  // replaced
  std::string g3 = generation();
  EXPECT_NE(g3, g2) << "a replacement that only deletes";
  ASSERT_TRUE(other->PutState("feed:etag", "\"abc\"").ok());
  EXPECT_NE(generation(), g3) << "a state write";
}

// Reads from many threads at once, beside a writer, each see a consistent store.
TEST_P(StoreTest, ConcurrentReadersBesideAWriter) {
  SITREP_FRESH_DB(url, GetParam(), dir_);
  auto store = OpenStore(url);
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->PutArticle(MakeArticle("a0", "zero"), {Baghdad("e0")}).ok());
  std::atomic<int> failures{0};
  std::atomic<bool> writing{true};
  std::vector<std::thread> readers;
  for (int t = 0; t < 12; ++t) {
    readers.emplace_back([&] {
      size_t last = 0;
      while (writing) {
        auto n = store->CountEvents({});
        auto e = store->GetEvent("e0");
        size_t listed = 0;
        auto s = store->QueryEvents({}, [&](const Event&) { ++listed; });
        if (!n.ok() || !e.ok() || !e->has_value() || !s.ok() || *n < last || listed < *n)
          ++failures;
        if (n.ok()) last = *n;
      }
    });
  }
  for (int i = 1; i <= 40; ++i) {
    std::string day = "2021-0" + std::to_string(1 + i % 9) + "-1" + std::to_string(i % 10);
    ASSERT_TRUE(
        store
            ->PutArticle(MakeArticle("a" + std::to_string(i), "body " + std::to_string(i)),
                         {MakeEvent("e" + std::to_string(i), day, "190", "SYR" + std::to_string(i),
                                    "TUR", "Aleppo", 36.2, 37.1)})
            .ok());
  }
  writing = false;
  for (auto& t : readers) t.join();
  EXPECT_EQ(failures, 0);
  EXPECT_EQ(*store->CountEvents({}), 41u);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, ::testing::Values("sqlite", "postgresql"));
INSTANTIATE_TEST_SUITE_P(Backends, QueryTest, ::testing::Values("sqlite", "postgresql"));

}  // namespace
}  // namespace sitrep
