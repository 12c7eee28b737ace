// libFuzzer target: sitrep's own dictionary loader (data/*.txt, docs/dictionaries.md) and the
// coder on what it loaded. LoadLexicon reads a folder, so the input is split at lines "%%" into
// cameo.txt, actors.txt, agents.txt, weapons.txt, verbs.txt and discard.txt, written to a temp
// folder made once. A malformed dictionary must be an error value; a loaded one must code a
// fixed article without crashing and with evidence inside the body.
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>

#include "code/coder.h"
#include "text/analysis.h"

namespace {

const char* const kFiles[] = {"cameo.txt",   "actors.txt", "agents.txt",
                              "weapons.txt", "verbs.txt",  "discard.txt"};

const std::string& TempDir() {
  static const std::string dir = [] {
    char pattern[] = "/tmp/sitrep-fuzz-lexicon.XXXXXX";
    if (!mkdtemp(pattern)) std::abort();
    return std::string(pattern);
  }();
  return dir;
}

void WriteParts(std::string_view input) {
  size_t pos = 0;
  for (const char* file : kFiles) {
    size_t cut = input.find("\n%%\n", pos);
    std::string_view part = pos > input.size() ? std::string_view() : input.substr(pos, cut - pos);
    std::ofstream(TempDir() + "/" + file, std::ios::binary | std::ios::trunc) << part;
    pos = cut == std::string_view::npos ? input.size() + 1 : cut + 4;
  }
}

const char kArticle[] =
    "Report from Riverland\n\n"
    "U.S. forces fired 14 rockets at Iraqi troops near the base on Wednesday, killing two "
    "soldiers, officials said. Protesters stormed the embassy the next day.\n\n"
    "The army said it would not retaliate.";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  WriteParts(std::string_view(reinterpret_cast<const char*>(data), size));
  auto coder = sitrep::OpenCoder(TempDir());
  if (!coder) return 0;  // a named error: what a malformed dictionary should give
  sitrep::Article article;
  article.id = "fuzz";
  article.body = kArticle;
  article.published = sitrep::Date::FromYmd(2021, 7, 9);
  sitrep::AnalyzedText text = sitrep::Analyze(article.body, article.published);
  for (const sitrep::Event& e : (*coder)->Code(article, text, sitrep::ArticlePlaces{}))
    if (e.evidence.start > e.evidence.end || e.evidence.end > article.body.size()) std::abort();
  return 0;
}
