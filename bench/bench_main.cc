// The one main() of sitrep_bench, which links every bench/*.cc: each file only registers its
// benchmarks.
#include <benchmark/benchmark.h>

BENCHMARK_MAIN();
