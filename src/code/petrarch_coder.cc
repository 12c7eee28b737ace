// OpenPetrarchCoder: the Coder on TABARI/PETRARCH dictionaries given with --dictionaries.
// Each sentence is coded on its own (see petrarch_matcher.h); events carry the article's
// publication day as their date, the sentence as evidence, and the CAMEO weights.
#include <fmt/format.h>

#include "base/hash.h"
#include "code/coder.h"
#include "code/petrarch_cameo.h"
#include "code/petrarch_dictionaries.h"
#include "code/petrarch_matcher.h"

namespace sitrep {
namespace {

using petrarch::CodedActor;
using petrarch::Dictionaries;

// Prefixes that open non-state codes (IGO, NGO, …); any other three letters are a country.
bool IsCountryPrefix(std::string_view p) {
  static constexpr std::string_view kNonState[] = {"IGO", "NGO", "NGM", "IMG", "MNC", "UIS",
                                                   "---", "REB", "GOV", "MIL", "OPP", "BUS"};
  if (p.size() != 3) return false;
  for (char c : p)
    if (c < 'A' || c > 'Z') return false;
  for (auto n : kNonState)
    if (p == n) return false;
  return true;
}

Actor MakeActor(const CodedActor& a, std::string_view sentence,
                const std::vector<petrarch::Word>& words) {
  Actor out;
  out.code = a.code;
  if (a.end > a.start && a.end <= words.size())
    out.text = std::string(
        sentence.substr(words[a.start].start, words[a.end - 1].end - words[a.start].start));
  std::string_view prefix = std::string_view(a.code).substr(0, 3);
  if (IsCountryPrefix(prefix)) {
    out.country = std::string(prefix);
    out.sector = a.code.substr(3);
  } else {
    out.sector = a.code.size() > 3 && a.code.compare(0, 3, "---") == 0 ? a.code.substr(3) : a.code;
  }
  return out;
}

struct Span {
  uint32_t start, end;
};

// Sentence spans of the analysis, else paragraphs (records are one sentence each anyway).
std::vector<Span> SentenceSpans(const Article& article, const AnalyzedText& text) {
  std::vector<Span> out;
  for (const Sentence& s : text.sentences) out.push_back({s.start, s.end});
  if (!out.empty()) return out;
  const std::string& body = article.body;
  size_t pos = 0;
  while (pos < body.size()) {
    size_t end = body.find("\n\n", pos);
    if (end == std::string::npos) end = body.size();
    if (end > pos) out.push_back({static_cast<uint32_t>(pos), static_cast<uint32_t>(end)});
    pos = end + 2;
  }
  return out;
}

class PetrarchCoder : public Coder {
 public:
  explicit PetrarchCoder(Dictionaries dicts) : dicts_(std::move(dicts)) {}

  std::vector<Event> Code(const Article& article, const AnalyzedText& text,
                          const ArticlePlaces& places) const override {
    std::vector<Event> events;
    int32_t date = 0;
    if (article.published)
      date = article.published->year() * 10000 + article.published->month() * 100 +
             article.published->day();
    std::vector<Span> spans = SentenceSpans(article, text);
    for (size_t si = 0; si < spans.size(); ++si) {
      const Span& span = spans[si];
      if (span.end > article.body.size() || span.start >= span.end) continue;
      std::string_view sentence =
          std::string_view(article.body).substr(span.start, span.end - span.start);
      std::vector<petrarch::Word> words = petrarch::TokenizeSentence(sentence);
      std::vector<petrarch::CodedEvent> coded = petrarch::CodeSentence(dicts_, words, date);
      for (size_t slot = 0; slot < coded.size(); ++slot) {
        events.push_back(MakeEvent(article, sentence, span, words, coded[slot], slot));
        if (si < text.sentences.size())
          events.back().location =
              EventLocation(places, text, static_cast<uint32_t>(si), span.start);
      }
    }
    return events;
  }

 private:
  static Event MakeEvent(const Article& article, std::string_view sentence, const Span& span,
                         const std::vector<petrarch::Word>& words, const petrarch::CodedEvent& c,
                         size_t slot) {
    Event e;
    e.source = MakeActor(c.source, sentence, words);
    e.target = MakeActor(c.target, sentence, words);
    e.cameo = c.code;
    e.root = petrarch::CameoRoot(c.code);
    petrarch::CameoWeight w = petrarch::CameoWeightOf(c.code);
    e.quad_class = w.quad_class;
    e.goldstein = w.goldstein;
    if (article.published) e.date = DateRange::Day(*article.published);
    e.evidence = Evidence{std::string(sentence), span.start, span.end};
    e.article = ArticleRef{article.id,        article.title,  article.url,
                           article.published, article.outlet, article.author};
    e.confidence = 0.5;
    e.id =
        fmt::format("{:016x}", Fnv1a64(fmt::format("{}\n{}\n{}\n{}\n{}\n{}", article.id, span.start,
                                                   slot, c.source.code, c.target.code, c.code)));
    return e;
  }

  Dictionaries dicts_;
};

}  // namespace

Result<std::unique_ptr<Coder>> OpenPetrarchCoder(const std::vector<std::string>& files) {
  auto dicts = petrarch::LoadDictionaryFiles(files);
  if (!dicts) return Error{dicts.error()};
  return std::unique_ptr<Coder>(new PetrarchCoder(std::move(dicts.value())));
}

}  // namespace sitrep
