#include "text/segmenter.h"

namespace sitrep {
namespace {

bool Is(std::string_view body, const Token& t, std::string_view text) {
  return TokenText(body, t) == text;
}

bool IsEllipsis(std::string_view body, const Token& t) {
  return t.kind == TokenKind::kPunct &&
         (Is(body, t, "\u2026") || Is(body, t, "...") || Is(body, t, "...."));
}

bool IsSentencePunct(std::string_view body, const Token& t) {
  return t.kind == TokenKind::kPunct &&
         (Is(body, t, ".") || Is(body, t, "!") || Is(body, t, "?") || IsEllipsis(body, t));
}

bool IsClosing(std::string_view body, const Token& t) {
  if (t.kind != TokenKind::kPunct) return false;
  std::string_view s = TokenText(body, t);
  return s == "\"" || s == "'" || s == ")" || s == "]" || s == "\u2019" || s == "\u201d" ||
         s == "\u00bb";
}

bool IsOpening(std::string_view body, const Token& t) {
  if (t.kind != TokenKind::kPunct) return false;
  std::string_view s = TokenText(body, t);
  return s == "\"" || s == "'" || s == "(" || s == "[" || s == "\u2018" || s == "\u201c" ||
         s == "\u00ab";
}

bool IsBullet(std::string_view body, const Token& t) {
  std::string_view s = TokenText(body, t);
  return s == "-" || s == "*" || s == "\u2022" || s == "\u2013" || s == "\u2014" || s == "\u00b7" ||
         s == "+";
}

class Segmenter {
 public:
  Segmenter(std::string_view body, const std::vector<Token>& tokens, std::vector<SentenceSpan>& out)
      : body_(body), t_(tokens), out_(out) {}

  void Run() {
    uint32_t begin = 0, paragraph = 0;
    const uint32_t n = static_cast<uint32_t>(t_.size());
    for (uint32_t i = 0; i < n; ++i) {
      const Token& tok = t_[i];
      if (i - begin >= kMaxSentenceTokens) {
        Close(begin, i, paragraph);
        begin = i;
      }
      if (i > 0 && tok.Has(kParagraphStart)) {
        Close(begin, i, paragraph);
        begin = i;
        ++paragraph;
      } else if (i > begin && tok.Has(kLineStart) && StartsListItem(i)) {
        Close(begin, i, paragraph);
        begin = i;
      }
      if (!MayEnd(i)) continue;
      uint32_t j = i + 1;
      while (j < n && !t_[j].Has(kSpaceBefore) &&
             (IsClosing(body_, t_[j]) || IsSentencePunct(body_, t_[j])))
        ++j;
      if (EndsHere(i, j)) {
        Close(begin, j, paragraph);
        begin = j;
        i = j - 1;
      }
    }
    Close(begin, n, paragraph);
  }

 private:
  void Close(uint32_t begin, uint32_t end, uint32_t paragraph) {
    if (end > begin) out_.push_back({begin, end, paragraph});
  }

  bool StartsListItem(uint32_t i) const {
    const Token& t = t_[i];
    if (t.kind != TokenKind::kWord && IsBullet(body_, t)) return true;
    if (t.kind == TokenKind::kNumber && i + 1 < t_.size() && !t_[i + 1].Has(kSpaceBefore)) {
      std::string_view next = TokenText(body_, t_[i + 1]);
      return next == "." || next == ")";
    }
    return false;
  }

  bool MayEnd(uint32_t i) const {
    return IsSentencePunct(body_, t_[i]) ||
           (t_[i].kind == TokenKind::kWord && t_[i].Has(kAbbreviation));
  }

  // Whether a sentence ends after token `i`, the closing quotes and brackets up to `j` included.
  bool EndsHere(uint32_t i, uint32_t j) const {
    if (j >= t_.size()) return true;
    const Token& next = t_[j];
    if (next.Has(kLineStart)) return true;
    const Token& t = t_[i];
    bool starter = next.Has(kCapitalized) && IsSentenceStarter(next.lex);
    if (t.kind == TokenKind::kWord) return AbbreviationEnds(t, next, starter);
    if (IsEllipsis(body_, t)) return starter || IsOpening(body_, next);
    if (IsOpening(body_, next) || next.kind == TokenKind::kNumber) return true;
    if (next.kind == TokenKind::kWord) {
      unsigned char c = static_cast<unsigned char>(body_[next.start]);
      return next.Has(kCapitalized) || c >= 0x80;
    }
    return next.kind == TokenKind::kSymbol;
  }

  bool AbbreviationEnds(const Token& t, const Token& next, bool starter) const {
    switch (t.lex) {
      case Lex::kTitle:
      case Lex::kMonth:
      case Lex::kNumberSign:
      case Lex::kNo:
        return false;
      default:
        break;
    }
    if (next.kind == TokenKind::kPunct && IsOpening(body_, next)) return true;
    return starter;
  }

  std::string_view body_;
  const std::vector<Token>& t_;
  std::vector<SentenceSpan>& out_;
};

}  // namespace

void Segment(std::string_view body, const std::vector<Token>& tokens,
             std::vector<SentenceSpan>& out) {
  out.clear();
  Segmenter(body, tokens, out).Run();
}

}  // namespace sitrep
