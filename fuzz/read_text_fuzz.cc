// libFuzzer target: the text reader, then the text stage on what it read.
#include "read_fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  sitrep::fuzz::ReadAndAnalyze(data, size, sitrep::InputFormat::kText);
  return 0;
}
