// HTML through gumbo: metadata from <head> (og:, article:, author meta, <title>), the body from
// the largest <article> (else <main>, else <body>) without scripts, navigation, headers, footers,
// asides, forms and blocks whose class names say they are sharing, comments or promotion.
#include <gumbo.h>

#include <cctype>
#include <cstring>
#include <memory>

#include "read/date_line.h"
#include "read/parsers.h"

namespace sitrep::read {
namespace {

constexpr int kMaxDepth = 400;  // deeper content is ignored rather than risking the stack

std::string Attr(const GumboNode* node, const char* name) {
  if (node->type != GUMBO_NODE_ELEMENT) return {};
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a ? std::string(a->value) : std::string();
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool IsElement(const GumboNode* n, GumboTag tag) {
  return n->type == GUMBO_NODE_ELEMENT && n->v.element.tag == tag;
}

// Text of a subtree, for <title> and <h1>.
void CollectText(const GumboNode* node, std::string& out, int depth = 0) {
  if (depth > kMaxDepth) return;
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
      node->type == GUMBO_NODE_CDATA) {
    out += node->v.text.text;
  } else if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_DOCUMENT) {
    const GumboVector& kids =
        node->type == GUMBO_NODE_ELEMENT ? node->v.element.children : node->v.document.children;
    for (unsigned i = 0; i < kids.length; ++i)
      CollectText(static_cast<const GumboNode*>(kids.data[i]), out, depth + 1);
  }
}

const GumboVector* Children(const GumboNode* n) {
  if (n->type == GUMBO_NODE_ELEMENT) return &n->v.element.children;
  if (n->type == GUMBO_NODE_DOCUMENT) return &n->v.document.children;
  return nullptr;
}

bool IsSkippedTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_IMG:
      return true;
    default:
      return false;
  }
}

bool IsBlockTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_HR:
      return true;
    default:
      return false;
  }
}

// Class and id words that mark page furniture rather than the article.
bool IsFurnitureByName(const GumboNode* node) {
  std::string names = Lower(Attr(node, "class") + " " + Attr(node, "id"));
  if (names.size() <= 1) return false;
  std::string word;
  auto furniture = [](const std::string& w) {
    for (const char* f :
         {"share",      "sharing",      "social",        "related", "comments", "comment",
          "newsletter", "advert",       "advertisement", "ad",      "ads",      "promo",
          "breadcrumb", "breadcrumbs",  "sidebar",       "menu",    "cookie",   "cookies",
          "subscribe",  "subscription", "signup",        "popup",   "modal",    "banner",
          "sponsored",  "outbrain",     "taboola",       "donate",  "paywall"})
      if (w == f) return true;
    return false;
  };
  for (char c : names + " ") {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      word += c;
    } else {
      if (furniture(word)) return true;
      word.clear();
    }
  }
  return false;
}

class HtmlWalker {
 public:
  explicit HtmlWalker(std::string_view source) : source_(source) {}
  Document Walk(const GumboOutput* out) {
    ReadHead(out->root, 0);
    const GumboNode* root = ChooseRoot(out->root);
    if (doc_.meta.title.empty()) {
      if (const GumboNode* h1 = Find(root, GUMBO_TAG_H1, 0)) CollectText(h1, doc_.meta.title);
    }
    if (doc_.meta.title.empty()) doc_.meta.title = title_tag_;
    Visit(root, 0, root);
    FlushBlock();
    return std::move(doc_);
  }

 private:
  void ReadHead(const GumboNode* node, int depth) {
    if (depth > kMaxDepth || node->type != GUMBO_NODE_ELEMENT) {
      if (node->type != GUMBO_NODE_DOCUMENT) return;
    }
    if (IsElement(node, GUMBO_TAG_TITLE) && title_tag_.empty()) CollectText(node, title_tag_);
    if (IsElement(node, GUMBO_TAG_META)) ReadMeta(node);
    if (IsElement(node, GUMBO_TAG_LINK) && Lower(Attr(node, "rel")) == "canonical" &&
        doc_.meta.url.empty())
      doc_.meta.url = Attr(node, "href");
    if (IsElement(node, GUMBO_TAG_TIME) && !time_seen_) {
      time_seen_ = true;
      if (!doc_.meta.published) doc_.meta.published = ParseDateLine(Attr(node, "datetime"));
    }
    if (const GumboVector* kids = Children(node))
      for (unsigned i = 0; i < kids->length; ++i)
        ReadHead(static_cast<const GumboNode*>(kids->data[i]), depth + 1);
  }

  void ReadMeta(const GumboNode* node) {
    std::string key = Lower(Attr(node, "property"));
    if (key.empty()) key = Lower(Attr(node, "name"));
    if (key.empty()) key = Lower(Attr(node, "itemprop"));
    std::string value = Attr(node, "content");
    if (value.empty()) return;
    Metadata& m = doc_.meta;
    if (key == "og:title" || key == "twitter:title") {
      if (m.title.empty()) m.title = value;
    } else if (key == "og:site_name") {
      if (m.outlet.empty()) m.outlet = value;
    } else if (key == "og:url") {
      if (m.url.empty()) m.url = value;
    } else if (key == "author" || key == "article:author" || key == "dc.creator" || key == "byl" ||
               key == "sailthru.author") {
      if (m.author.empty() && value.find("://") == std::string::npos) m.author = value;
    } else if (key == "article:published_time" || key == "datepublished" || key == "date" ||
               key == "pubdate" || key == "publish-date" || key == "dc.date" ||
               key == "dc.date.issued" || key == "sailthru.date" || key == "parsely-pub-date") {
      if (!m.published) m.published = ParseDateLine(value);
    }
  }

  static const GumboNode* Find(const GumboNode* node, GumboTag tag, int depth) {
    if (depth > kMaxDepth) return nullptr;
    if (IsElement(node, tag)) return node;
    if (const GumboVector* kids = Children(node))
      for (unsigned i = 0; i < kids->length; ++i)
        if (auto* f = Find(static_cast<const GumboNode*>(kids->data[i]), tag, depth + 1)) return f;
    return nullptr;
  }

  static void FindAll(const GumboNode* node, GumboTag tag, int depth,
                      std::vector<const GumboNode*>& out) {
    if (depth > kMaxDepth) return;
    if (IsElement(node, tag)) out.push_back(node);
    if (const GumboVector* kids = Children(node))
      for (unsigned i = 0; i < kids->length; ++i)
        FindAll(static_cast<const GumboNode*>(kids->data[i]), tag, depth + 1, out);
  }

  static const GumboNode* ChooseRoot(const GumboNode* doc) {
    std::vector<const GumboNode*> articles;
    FindAll(doc, GUMBO_TAG_ARTICLE, 0, articles);
    const GumboNode* best = nullptr;
    size_t best_len = 0;
    for (const GumboNode* a : articles) {
      std::string text;
      CollectText(a, text);
      if (text.size() > best_len) best = a, best_len = text.size();
    }
    if (best && best_len > 200) return best;
    if (const GumboNode* main = Find(doc, GUMBO_TAG_MAIN, 0)) return main;
    if (const GumboNode* body = Find(doc, GUMBO_TAG_BODY, 0)) return body;
    return doc;
  }

  void Visit(const GumboNode* node, int depth, const GumboNode* root) {
    if (depth > kMaxDepth) return;
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
        node->type == GUMBO_NODE_CDATA) {
      AddText(node->v.text);
      return;
    }
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) return;
    GumboTag tag = node->type == GUMBO_NODE_ELEMENT ? node->v.element.tag : GUMBO_TAG_HTML;
    if (node != root && (IsSkippedTag(tag) || IsFurnitureByName(node))) return;
    if (tag == GUMBO_TAG_HEADER && node != root && !Inside(node, root)) return;
    if (tag == GUMBO_TAG_BR) {
      NewLine();
      return;
    }
    bool block = IsBlockTag(tag);
    bool emph =
        tag == GUMBO_TAG_EM || tag == GUMBO_TAG_I || tag == GUMBO_TAG_STRONG || tag == GUMBO_TAG_B;
    bool link = tag == GUMBO_TAG_A;
    if (block) FlushBlock();
    if (tag == GUMBO_TAG_HR) {
      Block rule;
      rule.kind = BlockKind::kRule;
      doc_.blocks.push_back(std::move(rule));
      return;
    }
    BlockKind kind = BlockKindOf(tag);
    if (block) {
      block_kind_ = kind;
      heading_level_ = kind == BlockKind::kHeading ? static_cast<int>(tag - GUMBO_TAG_H1) + 1 : 0;
    }
    emphasis_ += emph;
    links_ += link;
    const GumboVector* kids = Children(node);
    for (unsigned i = 0; kids && i < kids->length; ++i)
      Visit(static_cast<const GumboNode*>(kids->data[i]), depth + 1, root);
    emphasis_ -= emph;
    links_ -= link;
    if (block) FlushBlock();
  }

  static bool Inside(const GumboNode* node, const GumboNode* root) {
    for (const GumboNode* p = node->parent; p; p = p->parent)
      if (p == root)
        return root->type == GUMBO_NODE_ELEMENT && root->v.element.tag != GUMBO_TAG_BODY;
    return false;
  }

  static BlockKind BlockKindOf(GumboTag tag) {
    switch (tag) {
      case GUMBO_TAG_H1:
      case GUMBO_TAG_H2:
      case GUMBO_TAG_H3:
      case GUMBO_TAG_H4:
      case GUMBO_TAG_H5:
      case GUMBO_TAG_H6:
        return BlockKind::kHeading;
      case GUMBO_TAG_LI:
        return BlockKind::kListItem;
      case GUMBO_TAG_BLOCKQUOTE:
        return BlockKind::kQuote;
      case GUMBO_TAG_PRE:
        return BlockKind::kCode;
      default:
        return BlockKind::kParagraph;
    }
  }

  void NewLine() {
    if (!block_.lines.empty() && block_.lines.back().pieces.empty()) return;
    FinishLine();
    block_.lines.emplace_back();
  }

  void FinishLine() {
    if (block_.lines.empty()) return;
    block_.lines.back().link_only = letters_ > 0 && in_link_ == letters_;
    total_letters_ += letters_;
    total_emphasis_ += in_emphasis_;
    letters_ = in_link_ = in_emphasis_ = 0;
  }

  void AddText(const GumboText& t) {
    std::string_view text(t.text);
    if (text.empty()) return;
    bool only_space = true;
    for (char c : text)
      if (!std::isspace(static_cast<unsigned char>(c))) only_space = false;
    if (only_space && block_.lines.empty()) return;
    if (block_.lines.empty()) block_.lines.emplace_back();
    uint32_t at = static_cast<uint32_t>(t.start_pos.offset);
    bool verbatim = t.original_text.length == text.size() &&
                    std::memcmp(t.original_text.data, text.data(), text.size()) == 0;
    if (verbatim) {
      block_.lines.back().pieces.push_back({std::string(text), at, true});
    } else {  // entities: align the decoded text with the raw bytes
      for (Piece& p :
           AlignToSource(text, source_, at, at + static_cast<uint32_t>(t.original_text.length)))
        block_.lines.back().pieces.push_back(std::move(p));
    }
    for (char c : text)
      if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
        ++letters_;
        in_link_ += links_ > 0;
        in_emphasis_ += emphasis_ > 0;
      }
  }

  void FlushBlock() {
    FinishLine();
    std::erase_if(block_.lines, [](const Line& l) {
      for (const Piece& p : l.pieces)
        for (char c : p.text)
          if (!std::isspace(static_cast<unsigned char>(c))) return false;
      return true;
    });
    if (!block_.lines.empty()) {
      block_.kind = block_kind_;
      block_.heading_level = heading_level_;
      block_.emphasized = total_letters_ > 0 && total_emphasis_ == total_letters_;
      doc_.blocks.push_back(std::move(block_));
    }
    block_ = Block{};
    block_kind_ = BlockKind::kParagraph;
    heading_level_ = 0;
    total_letters_ = total_emphasis_ = 0;
  }

  std::string_view source_;
  Document doc_;
  Block block_;
  BlockKind block_kind_ = BlockKind::kParagraph;
  int heading_level_ = 0;
  int emphasis_ = 0, links_ = 0;
  size_t letters_ = 0, in_link_ = 0, in_emphasis_ = 0, total_letters_ = 0, total_emphasis_ = 0;
  std::string title_tag_;
  bool time_seen_ = false;
};

}  // namespace

Document ParseHtml(std::string_view content) {
  std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> out(
      gumbo_parse_with_options(&kGumboDefaultOptions, content.data(), content.size()),
      [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); });
  if (!out) return {};
  return HtmlWalker(content).Walk(out.get());
}

}  // namespace sitrep::read
