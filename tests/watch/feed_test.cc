// The watch list, the feed parser and the alert comparison, on inputs written here.
#include <gtest/gtest.h>

#include "watch/feed_list.h"
#include "watch/feed_parser.h"
#include "watch/notifier.h"

namespace sitrep {
namespace {

TEST(FeedList, ReadsUrlOutletAndLanguageAndSkipsComments) {
  auto list = ParseFeedList(
      "# my feeds\n\nhttps://news.example.org/rss Example News lang=en\n"
      "http://wire.example.com/a.html\n",
      "feeds.txt");
  ASSERT_TRUE(list.ok()) << list.error();
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].url, "https://news.example.org/rss");
  EXPECT_EQ((*list)[0].outlet, "Example News");
  EXPECT_EQ((*list)[0].language, "en");
  EXPECT_EQ((*list)[0].line, 3u);
  EXPECT_EQ((*list)[1].outlet, "");
}

TEST(FeedList, RejectsANonHttpUrlNamingTheLine) {
  auto list = ParseFeedList("https://ok.example.org/\nftp://files.example.org/x\n", "feeds.txt");
  ASSERT_FALSE(list.ok());
  EXPECT_NE(list.error().find("feeds.txt:2"), std::string::npos) << list.error();
}

TEST(FeedList, HostIsLowerCasedWithPort) {
  EXPECT_EQ(UrlHost("https://News.Example.org:8080/a?b"), "news.example.org:8080");
  EXPECT_EQ(UrlHost("mailto:x@y"), "");
}

TEST(FeedParser, ReadsRss) {
  const char* rss = R"(<?xml version="1.0"?>
<rss version="2.0"><channel><title>Wire</title>
<item><title>Blast near convoy</title><link>https://w.example/a1</link>
<guid>w-1</guid><pubDate>Thu, 29 Jul 2021 17:50:00 GMT</pubDate>
<description>A roadside bomb...</description></item>
<item><title>No guid</title><link>https://w.example/a2</link></item>
</channel></rss>)";
  ASSERT_TRUE(LooksLikeFeed(rss));
  auto items = ParseFeed(rss, "wire");
  ASSERT_TRUE(items.ok()) << items.error();
  ASSERT_EQ(items->size(), 2u);
  EXPECT_EQ((*items)[0].link, "https://w.example/a1");
  EXPECT_EQ((*items)[0].guid, "w-1");
  ASSERT_TRUE((*items)[0].published);
  EXPECT_EQ((*items)[0].published->Iso(), "2021-07-29");
  EXPECT_EQ((*items)[1].guid, "https://w.example/a2");
}

TEST(FeedParser, ReadsAtomAlternateLinks) {
  const char* atom = R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
<entry><title>Strike</title><link rel="self" href="https://a.example/self"/>
<link rel="alternate" href="https://a.example/story"/><id>tag:a,2021:1</id>
<published>2021-06-28T06:15:00Z</published></entry></feed>)";
  auto items = ParseFeed(atom, "atom");
  ASSERT_TRUE(items.ok()) << items.error();
  ASSERT_EQ(items->size(), 1u);
  EXPECT_EQ((*items)[0].link, "https://a.example/story");
  EXPECT_EQ((*items)[0].guid, "tag:a,2021:1");
  EXPECT_EQ((*items)[0].published->Iso(), "2021-06-28");
}

TEST(FeedParser, MalformedXmlIsAnErrorNamingTheFeed) {
  auto items = ParseFeed("<rss><channel><item><title>x</channel>", "https://bad.example/rss");
  ASSERT_FALSE(items.ok());
  EXPECT_NE(items.error().find("https://bad.example/rss"), std::string::npos);
  EXPECT_NE(items.error().find("malformed"), std::string::npos);
}

TEST(FeedParser, HtmlIsNotAFeed) {
  EXPECT_FALSE(LooksLikeFeed("<!DOCTYPE html><html><body><p>story</p></body></html>"));
  EXPECT_FALSE(ParseFeed("<html><body/></html>", "page").ok());
}

TEST(FeedParser, DoesNotExpandExternalEntities) {
  const char* xxe = R"(<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<rss><channel><item><title>&x;</title><link>https://e.example/1</link></item></channel></rss>)";
  auto items = ParseFeed(xxe, "xxe");
  if (items.ok()) {
    ASSERT_EQ(items->size(), 1u);
    EXPECT_EQ((*items)[0].title.find("root:"), std::string::npos);
  }
}

TEST(FeedDate, ReadsRfc822AndIso) {
  EXPECT_EQ(ParseFeedDate("Tue, 06 Jul 2021 10:00:00 GMT")->Iso(), "2021-07-06");
  EXPECT_EQ(ParseFeedDate("6 Jul 21 10:00 +0000")->Iso(), "2021-07-06");
  EXPECT_EQ(ParseFeedDate("2021-07-07T01:02:03+03:00")->Iso(), "2021-07-07");
  EXPECT_FALSE(ParseFeedDate("yesterday"));
}

AlertState State(const std::string& key, int level, const std::string& cp = "") {
  AlertState s;
  s.key = key;
  s.level = level;
  s.last_change_point = cp;
  s.event_ids = {"e1"};
  return s;
}

TEST(CompareAlerts, NotifiesARiseOnceAndNotAFall) {
  auto n = CompareAlerts({State("dyad:A>B", 1)}, {State("dyad:A>B", 3), State("area:IRQ", 0)});
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0].kind, "alert_rising");
  EXPECT_EQ(n[0].current.key, "dyad:A>B");
  EXPECT_TRUE(CompareAlerts({State("dyad:A>B", 3)}, {State("dyad:A>B", 3)}).empty());
  EXPECT_TRUE(CompareAlerts({State("dyad:A>B", 3)}, {State("dyad:A>B", 1)}).empty());
}

TEST(CompareAlerts, NewKeyCountsAsGreenAndNewChangePointNotifies) {
  EXPECT_EQ(CompareAlerts({}, {State("dyad:A>B", 2)}).size(), 1u);
  EXPECT_TRUE(CompareAlerts({}, {State("dyad:A>B", 0)}).empty());
  auto n = CompareAlerts({State("k", 2, "2021-07-01")}, {State("k", 2, "2021-07-07")});
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0].kind, "change_point");
}

TEST(Notification, JsonSaysWhatChangedWhyAndLinksEvents) {
  AlertState was = State("dyad:USA>IRQ", 1), now = State("dyad:USA>IRQ", 3);
  now.reasons = {"change point on 2021-07-06"};
  std::string j = Notification{"alert_rising", was, now}.Json();
  EXPECT_NE(j.find("\"from\":\"yellow\""), std::string::npos) << j;
  EXPECT_NE(j.find("\"to\":\"red\""), std::string::npos);
  EXPECT_NE(j.find("change point on 2021-07-06"), std::string::npos);
  EXPECT_NE(j.find("/api/events/e1"), std::string::npos);
}

TEST(AlertStates, EncodeDecodeRoundTrip) {
  auto back = DecodeAlertStates(EncodeAlertStates({State("a", 2, "2021-01-01"), State("b", 0)}));
  ASSERT_EQ(back.size(), 2u);
  EXPECT_EQ(back[0].key, "a");
  EXPECT_EQ(back[0].level, 2);
  EXPECT_EQ(back[0].last_change_point, "2021-01-01");
  EXPECT_TRUE(DecodeAlertStates("not json").empty());
}

}  // namespace
}  // namespace sitrep
