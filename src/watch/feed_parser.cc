#include "watch/feed_parser.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <cctype>
#include <cstring>
#include <memory>

namespace sitrep {
namespace {

struct XmlDocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

bool NameIs(const xmlNode* n, const char* name) {
  return n->type == XML_ELEMENT_NODE && std::strcmp(reinterpret_cast<const char*>(n->name), name) == 0;
}

std::string Text(xmlNode* n) {
  xmlChar* c = xmlNodeGetContent(n);
  if (!c) return "";
  std::string s(reinterpret_cast<const char*>(c));
  xmlFree(c);
  size_t b = s.find_first_not_of(" \t\r\n");
  size_t e = s.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

std::string Attr(xmlNode* n, const char* name) {
  xmlChar* c = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (!c) return "";
  std::string s(reinterpret_cast<const char*>(c));
  xmlFree(c);
  return s;
}

// An Atom <link>: rel absent or "alternate" names the article page.
bool IsAlternateLink(xmlNode* n) {
  std::string rel = Attr(n, "rel");
  return rel.empty() || rel == "alternate";
}

FeedItem ParseItem(xmlNode* item) {
  FeedItem it;
  for (xmlNode* c = item->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (NameIs(c, "title")) {
      it.title = Text(c);
    } else if (NameIs(c, "link")) {
      std::string href = Attr(c, "href");
      if (!href.empty()) {
        if (IsAlternateLink(c) && it.link.empty()) it.link = href;
      } else if (it.link.empty()) {
        it.link = Text(c);
      }
    } else if (NameIs(c, "guid") || NameIs(c, "id")) {
      it.guid = Text(c);
    } else if (NameIs(c, "pubDate") || NameIs(c, "published") || NameIs(c, "date") ||
               (NameIs(c, "updated") && !it.published)) {
      if (auto d = ParseFeedDate(Text(c))) it.published = d;
    } else if (NameIs(c, "description") || NameIs(c, "summary")) {
      it.summary = Text(c);
    }
  }
  if (it.guid.empty()) it.guid = it.link;
  return it;
}

void CollectItems(xmlNode* n, std::vector<FeedItem>& out, int depth) {
  if (depth > 4) return;  // items sit at most under rss/channel or rdf:RDF
  for (xmlNode* c = n; c; c = c->next) {
    if (NameIs(c, "item") || NameIs(c, "entry")) {
      FeedItem it = ParseItem(c);
      if (!it.link.empty()) out.push_back(std::move(it));
    } else if (c->type == XML_ELEMENT_NODE) {
      CollectItems(c->children, out, depth + 1);
    }
  }
}

int MonthFromAbbrev(std::string_view m) {
  static const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                  "jul", "aug", "sep", "oct", "nov", "dec"};
  if (m.size() < 3) return 0;
  for (int i = 0; i < 12; ++i)
    if (std::tolower(static_cast<unsigned char>(m[0])) == kMonths[i][0] &&
        std::tolower(static_cast<unsigned char>(m[1])) == kMonths[i][1] &&
        std::tolower(static_cast<unsigned char>(m[2])) == kMonths[i][2])
      return i + 1;
  return 0;
}

}  // namespace

bool LooksLikeFeed(std::string_view content) {
  std::string_view head = content.substr(0, 2048);
  return head.find("<rss") != std::string_view::npos ||
         head.find("<feed") != std::string_view::npos ||
         head.find("<rdf:RDF") != std::string_view::npos;
}

std::optional<Date> ParseFeedDate(std::string_view text) {
  if (auto iso = Date::ParseIso(text)) return iso;
  // RFC 822: [Day, ] DD Mon YYYY HH:MM:SS zone
  int day = 0, month = 0, year = 0;
  size_t i = 0;
  auto skip_space = [&] {
    while (i < text.size() && (text[i] == ' ' || text[i] == ',')) ++i;
  };
  skip_space();
  if (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i]))) {
    while (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i]))) ++i;
    skip_space();
  }
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])))
    day = day * 10 + (text[i++] - '0');
  skip_space();
  size_t m0 = i;
  while (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i]))) ++i;
  month = MonthFromAbbrev(text.substr(m0, i - m0));
  skip_space();
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])))
    year = year * 10 + (text[i++] - '0');
  if (year < 100 && year > 0) year += 2000;
  if (!Date::IsValidYmd(year, month, day)) return std::nullopt;
  return Date::FromYmd(year, month, day);
}

Result<std::vector<FeedItem>> ParseFeed(std::string_view content, std::string_view origin) {
  if (content.size() > static_cast<size_t>(INT32_MAX)) return Error{std::string(origin) + ": feed too large"};
  std::unique_ptr<xmlDoc, XmlDocFree> doc(
      xmlReadMemory(content.data(), static_cast<int>(content.size()), std::string(origin).c_str(),
                    nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  if (!doc) {
    const xmlError* err = xmlGetLastError();
    std::string why = err && err->message ? err->message : "not well-formed";
    while (!why.empty() && why.back() == '\n') why.pop_back();
    return Error{std::string(origin) + ": malformed feed XML: " + why};
  }
  xmlNode* root = xmlDocGetRootElement(doc.get());
  if (!root || !(NameIs(root, "rss") || NameIs(root, "feed") || NameIs(root, "RDF")))
    return Error{std::string(origin) + ": not an RSS or Atom feed"};
  std::vector<FeedItem> items;
  CollectItems(root->children, items, 0);
  return items;
}

}  // namespace sitrep
