// Micro-benchmarks of the inner pieces of the text stage and the coder, on the sentences of the
// bundled example articles: the date and number resolvers, the coder's word splitter, the
// actor and trigger (verb) phrase tries, and the whole reading of a sentence. Rates are
// sentences/s, so each piece can be set against the 100,000 sentences/s goal of issue 8.
//   build/sitrep_bench --benchmark_filter='Text|Match'
#include <benchmark/benchmark.h>

#include <string>

#include "base/paths.h"
#include "base/phrase_set.h"
#include "code/coder_lexicon.h"
#include "code/coder_sentence.h"
#include "read/reader.h"
#include "text/analysis.h"
#include "text/dates.h"
#include "text/numbers.h"

namespace sitrep {
namespace {

struct Sample {
  Article article;
  AnalyzedText text;
};

// All example articles joined into one body, analyzed once.
const Sample& Sentences() {
  static const Sample sample = [] {
    Sample s;
    ReadArticles({std::string(SITREP_SOURCE_DIR) + "/examples"}, ReadOptions{},
                 [&](Result<Article> r) {
                   if (!r) return;
                   if (!s.article.body.empty()) s.article.body += "\n\n";
                   s.article.body += r->body;
                   if (!s.article.published) s.article.published = r->published;
                 });
    s.text = Analyze(s.article.body, s.article.published);
    return s;
  }();
  return sample;
}

const coding::Lexicon* SharedLexicon() {
  static const auto lex = coding::LoadLexicon(DataDir());
  return lex ? &*lex : nullptr;
}

void Rate(benchmark::State& state, size_t per_iteration) {
  state.counters["sentences/s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * per_iteration), benchmark::Counter::kIsRate);
}

void TextFindDates(benchmark::State& state) {
  const Sample& s = Sentences();
  std::vector<Sentence> work = s.text.sentences;
  std::vector<uint8_t> taken;
  for (auto _ : state) {
    DateContext context{s.article.published, std::nullopt, 0};
    for (Sentence& sentence : work) {
      sentence.dates.clear();
      taken.assign(sentence.tokens.size(), 0);
      FindDates(s.article.body, sentence, context, taken);
      benchmark::DoNotOptimize(sentence.dates.data());
    }
  }
  Rate(state, work.size());
  size_t found = 0;  // shows the loop resolves what Analyze did
  for (const Sentence& sentence : work) found += sentence.dates.size();
  state.counters["dates"] = static_cast<double>(found);
}
BENCHMARK(TextFindDates);

void TextFindNumbers(benchmark::State& state) {
  const Sample& s = Sentences();
  std::vector<Sentence> work = s.text.sentences;
  std::vector<uint8_t> taken;
  for (auto _ : state) {
    for (Sentence& sentence : work) {
      sentence.numbers.clear();
      taken.assign(sentence.tokens.size(), 0);
      FindNumbers(s.article.body, sentence, taken);
      benchmark::DoNotOptimize(sentence.numbers.data());
    }
  }
  Rate(state, work.size());
  size_t found = 0;
  for (const Sentence& sentence : work) found += sentence.numbers.size();
  state.counters["numbers"] = static_cast<double>(found);
}
BENCHMARK(TextFindNumbers);

void MatchCoderTokenize(benchmark::State& state) {
  const Sample& s = Sentences();
  std::string_view body = s.article.body;
  for (auto _ : state)
    for (const Sentence& sentence : s.text.sentences)
      benchmark::DoNotOptimize(coding::Tokenize(
          body.substr(sentence.start, sentence.end - sentence.start), sentence.start));
  Rate(state, s.text.sentences.size());
}
BENCHMARK(MatchCoderTokenize);

// The sample's sentences as the coder tokenizes them.
std::vector<std::vector<coding::Word>> SampleWords(const Sample& s) {
  std::string_view body = s.article.body;
  std::vector<std::vector<coding::Word>> words;
  for (const Sentence& sentence : s.text.sentences)
    words.push_back(coding::Tokenize(body.substr(sentence.start, sentence.end - sentence.start),
                                     sentence.start));
  return words;
}

// The longest phrase of `trie` at every word of every sentence: how actor and verb
// dictionaries are matched.
void MatchTrie(benchmark::State& state, const coding::PhraseTrie coding::Lexicon::*trie) {
  const coding::Lexicon* lex = SharedLexicon();
  if (!lex) return state.SkipWithError("cannot load the dictionaries in data/");
  const Sample& s = Sentences();
  std::vector<std::vector<coding::Word>> words = SampleWords(s);
  size_t found = 0;
  for (auto _ : state)
    for (const auto& w : words)
      for (size_t i = 0; i < w.size(); ++i) found += (lex->*trie).Longest(w, i).length;
  benchmark::DoNotOptimize(found);
  Rate(state, words.size());
}
BENCHMARK_CAPTURE(MatchTrie, Actors, &coding::Lexicon::actors);
BENCHMARK_CAPTURE(MatchTrie, Agents, &coding::Lexicon::agents);
BENCHMARK_CAPTURE(MatchTrie, Triggers, &coding::Lexicon::triggers);

void MatchReadSentence(benchmark::State& state) {
  const coding::Lexicon* lex = SharedLexicon();
  if (!lex) return state.SkipWithError("cannot load the dictionaries in data/");
  const Sample& s = Sentences();
  for (auto _ : state)
    for (const Sentence& sentence : s.text.sentences)
      benchmark::DoNotOptimize(
          coding::ReadSentence(*lex, s.article.body, sentence, s.article.published));
  Rate(state, s.text.sentences.size());
}
BENCHMARK(MatchReadSentence);

// The compiled word lists the coder checks words against (base/phrase_set.h): one look-up per
// word of every sentence, as IsPreposition() does.
void MatchWordSet(benchmark::State& state) {
  const Sample& s = Sentences();
  std::vector<std::vector<coding::Word>> words = SampleWords(s);
  static const WordSet kPrepositions(
      {"in",      "at",      "on",     "to",     "from",      "with",    "by",         "for",
       "against", "of",      "near",   "into",   "onto",      "toward",  "towards",    "across",
       "over",    "under",   "among",  "about",  "during",    "through", "throughout", "inside",
       "outside", "behind",  "beside", "via",    "including", "like",    "upon",       "around",
       "within",  "between", "off",    "without"});
  size_t found = 0;
  for (auto _ : state)
    for (const auto& w : words)
      for (const coding::Word& word : w) found += kPrepositions.Has(word.key);
  benchmark::DoNotOptimize(found);
  Rate(state, words.size());
}
BENCHMARK(MatchWordSet);

// A phrase list searched in every sentence, as the coder's discard list (data/discard.txt) is.
void MatchPhraseSet(benchmark::State& state) {
  const Sample& s = Sentences();
  std::string_view body = s.article.body;
  static const PhraseSet kDiscard(
      {"share buttons", "share this", "copyright", "\xC2\xA9", "all rights reserved", "disclaimer",
       "fair use", "click here", "subscribe", "newsletter", "follow us", "become a member",
       "cross-post", "crosspost", "featured image", "image credit", "photo credit", "read more"},
      /*fold_case=*/true);
  size_t found = 0;
  for (auto _ : state)
    for (const Sentence& sentence : s.text.sentences)
      found += kDiscard.FoundIn(body.substr(sentence.start, sentence.end - sentence.start));
  benchmark::DoNotOptimize(found);
  Rate(state, s.text.sentences.size());
}
BENCHMARK(MatchPhraseSet);

}  // namespace
}  // namespace sitrep
