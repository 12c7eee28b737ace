#include "text/analysis.h"

#include "text/cues.h"
#include "text/dates.h"
#include "text/numbers.h"
#include "text/segmenter.h"
#include "text/tokenizer.h"

namespace sitrep {

std::string_view ModalityName(Modality m) {
  switch (m) {
    case Modality::kAsserted:
      return "asserted";
    case Modality::kHypothetical:
      return "hypothetical";
    case Modality::kFuture:
      return "future";
    case Modality::kQuestion:
      return "question";
    case Modality::kReported:
      return "reported";
  }
  return "asserted";
}

AnalyzedText Analyze(std::string_view body, std::optional<Date> published) {
  AnalyzedText out;
  std::vector<Token> tokens;
  std::vector<SentenceSpan> spans;
  Tokenize(body, tokens);
  Segment(body, tokens, spans);
  out.sentences.reserve(spans.size());
  std::vector<uint8_t> taken;  // tokens of the sentence claimed by a date mention
  DateContext dates;
  dates.published = published;
  for (const SentenceSpan& span : spans) {
    Sentence& s = out.sentences.emplace_back();
    s.tokens.assign(tokens.begin() + span.first_token, tokens.begin() + span.end_token);
    s.start = s.tokens.front().start;
    s.end = s.tokens.back().end;
    s.paragraph = span.paragraph;
    taken.assign(s.tokens.size(), 0);
    FindDates(body, s, dates, taken);
    FindNumbers(body, s, taken);
    FindCues(body, s, taken);
  }
  return out;
}

}  // namespace sitrep
