#!/usr/bin/env bash
# Regenerates the real sample files that the import tests read:
#   gbench/repetitions.json    Google Benchmark (Debian libbenchmark-dev), 5 repetitions, JSON
#   hyperfine/seq.json         hyperfine (Debian hyperfine), parameter scan, --export-json
#   jmh/thrpt-avgt-gc.json     JMH 1.37, modes thrpt+avgt with -prof gc        (--jmh)
#   jmh/sample-ss.json         JMH 1.37, modes sample+ss                      (--jmh)
# Everything measured is our own trivial code, written below into a scratch directory.
# The Criterion and llama-bench fixtures are written by hand from those tools' documented
# formats (see docs/import.md); they need a Rust toolchain with crates or a model file.
#
# Usage: bitbench-core/src/test/resources/import/generate.sh [--jmh]
#   needs: apt-get install -y g++ libbenchmark-dev hyperfine; for --jmh, JMH 1.37 in ~/.m2
#   (./mvnw -pl bitbench-suite dependency:resolve fetches it).
# Timings differ on every run: the tests assert structure and hand-checked values of the
# committed files, so regenerate only together with those expectations.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
scratch="$(mktemp -d /tmp/bitbench-import-gen.XXXXXX)"
trap 'rm -rf "$scratch"' EXIT

# --- Google Benchmark: a two-family benchmark of our own -----------------------------------
mkdir -p "$here/gbench"
cat > "$scratch/gbench_demo.cc" <<'CC'
#include <benchmark/benchmark.h>
#include <numeric>
#include <vector>

// Sums a float vector; reports items and bytes per second.
static void BM_Accumulate(benchmark::State& state) {
  std::vector<float> data(state.range(0), 0.5f);
  for (auto _ : state) {
    float sum = std::accumulate(data.begin(), data.end(), 0.0f);
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.SetBytesProcessed(state.iterations() * state.range(0) * sizeof(float));
}
BENCHMARK(BM_Accumulate)->Arg(256)->Arg(4096);

// Copies a byte vector; time only, in microseconds.
static void BM_VectorCopy(benchmark::State& state) {
  std::vector<char> src(state.range(0), 'x');
  for (auto _ : state) {
    std::vector<char> dst(src);
    benchmark::DoNotOptimize(dst.data());
  }
}
BENCHMARK(BM_VectorCopy)->Arg(1024)->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();
CC
g++ -O2 -std=c++17 "$scratch/gbench_demo.cc" -o "$scratch/gbench_demo" -lbenchmark -lpthread
(cd "$scratch" && ./gbench_demo --benchmark_repetitions=5 --benchmark_min_time=0.02 \
    --benchmark_format=json > "$here/gbench/repetitions.json")

# --- hyperfine: a parameter scan over a trivial command -------------------------------------
mkdir -p "$here/hyperfine"
(cd "$scratch" && hyperfine -N --runs 10 --warmup 2 --style none \
    --export-json "$here/hyperfine/seq.json" -P n 1 2 'seq {n}00000' > /dev/null)

# --- JMH: a tiny benchmark of our own, two runs --------------------------------------------
if [[ "${1:-}" == "--jmh" ]]; then
  m2="${HOME}/.m2/repository"
  cp="$m2/org/openjdk/jmh/jmh-core/1.37/jmh-core-1.37.jar"
  cp="$cp:$m2/org/openjdk/jmh/jmh-generator-annprocess/1.37/jmh-generator-annprocess-1.37.jar"
  cp="$cp:$m2/net/sf/jopt-simple/jopt-simple/5.0.4/jopt-simple-5.0.4.jar"
  cp="$cp:$m2/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar"
  mkdir -p "$scratch/src/demo" "$scratch/classes" "$here/jmh"
  cat > "$scratch/src/demo/ArraySumBenchmark.java" <<'JAVA'
package demo;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;

@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ArraySumBenchmark {
    @Param({"256", "4096"})
    int size;

    float[] data;

    @Setup
    public void setup() {
        data = new float[size];
        for (int i = 0; i < size; i++) data[i] = i * 0.5f;
    }

    @Benchmark
    public float sum() {
        float s = 0;
        for (float v : data) s += v;
        return s;
    }

    @Benchmark
    public float[] copy() {
        return data.clone();
    }
}
JAVA
  javac -cp "$cp" -d "$scratch/classes" "$scratch/src/demo/ArraySumBenchmark.java"
  # Other JMH runs on the machine hold /tmp/jmh.lock; ours is a fixture, not a measurement.
  run_jmh() { java -Djmh.ignoreLock=true -cp "$scratch/classes:$cp" org.openjdk.jmh.Main "$@" > /dev/null; }
  run_jmh 'demo.ArraySumBenchmark' -bm thrpt,avgt -f 2 -wi 1 -i 3 -w 100ms -r 100ms \
      -prof gc -rf json -rff "$here/jmh/thrpt-avgt-gc.json"
  run_jmh 'demo.ArraySumBenchmark.sum' -p size=256 -bm sample,ss -f 2 -wi 1 -i 3 -w 100ms -r 100ms \
      -rf json -rff "$here/jmh/sample-ss.json"
fi
echo "regenerated under $here"
