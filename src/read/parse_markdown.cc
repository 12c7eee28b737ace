// Markdown through cmark-gfm, rendered to plain text by walking the AST: link text stays,
// emphasis markers vanish, images and raw HTML go, each heading and list item is its own block.
// cmark gives block positions only, so each text node is found again in the source from a
// cursor to recover its offset.
#include <cmark-gfm.h>

#include <cctype>
#include <memory>

#include "read/parsers.h"

namespace sitrep::read {
namespace {

struct LineStats {
  size_t letters = 0, in_link = 0, in_emphasis = 0;
};

class MarkdownWalker {
 public:
  explicit MarkdownWalker(std::string_view source) : source_(source) {
    line_starts_.push_back(0);
    for (size_t i = 0; i < source.size(); ++i)
      if (source[i] == '\n') line_starts_.push_back(static_cast<uint32_t>(i + 1));
  }

  Document Walk(cmark_node* root) {
    std::unique_ptr<cmark_iter, decltype(&cmark_iter_free)> iter(cmark_iter_new(root),
                                                                 &cmark_iter_free);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
      cmark_node* node = cmark_iter_get_node(iter.get());
      if (ev == CMARK_EVENT_ENTER)
        Enter(node);
      else
        Exit(node);
    }
    return std::move(doc_);
  }

 private:
  uint32_t LineOffset(int line) const {
    if (line < 1) return 0;
    size_t i = static_cast<size_t>(line - 1);
    return i < line_starts_.size() ? line_starts_[i] : static_cast<uint32_t>(source_.size());
  }

  void Enter(cmark_node* node) {
    cmark_node_type type = cmark_node_get_type(node);
    if (type == CMARK_NODE_ITEM || type == CMARK_NODE_BLOCK_QUOTE) {
      containers_.push_back(type);
    } else if (type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING) {
      StartBlock(node);
      if (type == CMARK_NODE_HEADING) {
        block_.kind = BlockKind::kHeading;
        block_.heading_level = cmark_node_get_heading_level(node);
      }
    } else if (type == CMARK_NODE_CODE_BLOCK) {
      AddCodeBlock(node);
    } else if (type == CMARK_NODE_THEMATIC_BREAK) {
      Block rule;
      rule.kind = BlockKind::kRule;
      doc_.blocks.push_back(std::move(rule));
    } else if (type == CMARK_NODE_EMPH || type == CMARK_NODE_STRONG) {
      ++emphasis_;
    } else if (type == CMARK_NODE_LINK) {
      ++links_;
    } else if (type == CMARK_NODE_IMAGE) {
      ++images_;
    } else if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE) {
      if (in_block_ && images_ == 0) AddText(cmark_node_get_literal(node));
    } else if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) {
      if (in_block_) NewLine();
    }
  }

  void Exit(cmark_node* node) {
    cmark_node_type type = cmark_node_get_type(node);
    if (type == CMARK_NODE_ITEM || type == CMARK_NODE_BLOCK_QUOTE) {
      if (!containers_.empty()) containers_.pop_back();
    } else if (type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING) {
      FinishBlock();
    } else if (type == CMARK_NODE_EMPH || type == CMARK_NODE_STRONG) {
      --emphasis_;
    } else if (type == CMARK_NODE_LINK) {
      --links_;
    } else if (type == CMARK_NODE_IMAGE) {
      --images_;
    }
  }

  void StartBlock(cmark_node* node) {
    block_ = Block{};
    if (!containers_.empty())
      block_.kind =
          containers_.back() == CMARK_NODE_ITEM ? BlockKind::kListItem : BlockKind::kQuote;
    cursor_ = LineOffset(cmark_node_get_start_line(node));
    limit_ = LineOffset(cmark_node_get_end_line(node) + 1);
    if (limit_ <= cursor_) limit_ = static_cast<uint32_t>(source_.size());
    in_block_ = true;
    stats_.clear();
    NewLine();
  }

  void NewLine() {
    block_.lines.emplace_back();
    stats_.emplace_back();
  }

  void AddText(const char* literal) {
    if (!literal || !*literal) return;
    std::string_view text(literal);
    std::vector<Piece> pieces = AlignToSource(text, source_, cursor_, limit_);
    for (const Piece& p : pieces)
      if (p.verbatim) cursor_ = p.source + static_cast<uint32_t>(p.text.size());
    for (Piece& p : pieces) block_.lines.back().pieces.push_back(std::move(p));
    LineStats& s = stats_.back();
    for (char c : text)
      if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
        ++s.letters;
        if (links_ > 0) ++s.in_link;
        if (emphasis_ > 0) ++s.in_emphasis;
      }
  }

  void FinishBlock() {
    if (!in_block_) return;
    in_block_ = false;
    size_t letters = 0, emphasized = 0;
    for (size_t i = 0; i < block_.lines.size(); ++i) {
      block_.lines[i].link_only = stats_[i].letters > 0 && stats_[i].in_link == stats_[i].letters;
      letters += stats_[i].letters;
      emphasized += stats_[i].in_emphasis;
    }
    block_.emphasized = letters > 0 && emphasized == letters;
    std::erase_if(block_.lines, [](const Line& l) { return l.pieces.empty(); });
    if (!block_.lines.empty()) doc_.blocks.push_back(std::move(block_));
  }

  void AddCodeBlock(cmark_node* node) {
    const char* literal = cmark_node_get_literal(node);
    if (!literal) return;
    StartBlock(node);
    std::string_view text(literal);
    size_t pos = 0;
    while (pos < text.size()) {
      size_t end = text.find('\n', pos);
      if (end == std::string_view::npos) end = text.size();
      AddText(std::string(text.substr(pos, end - pos)).c_str());
      NewLine();
      pos = end + 1;
    }
    FinishBlock();
  }

  std::string_view source_;
  std::vector<uint32_t> line_starts_;
  Document doc_;
  Block block_;
  std::vector<LineStats> stats_;
  std::vector<cmark_node_type> containers_;
  bool in_block_ = false;
  int emphasis_ = 0, links_ = 0, images_ = 0;
  uint32_t cursor_ = 0, limit_ = 0;
};

}  // namespace

Document ParseMarkdown(std::string_view content) {
  std::unique_ptr<cmark_node, decltype(&cmark_node_free)> root(
      cmark_parse_document(content.data(), content.size(), CMARK_OPT_DEFAULT), &cmark_node_free);
  if (!root) return {};
  return MarkdownWalker(content).Walk(root.get());
}

}  // namespace sitrep::read
