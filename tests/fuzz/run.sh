#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (a build dir of their own, ASan + UBSan) and runs each
# over its committed seeds for a fixed number of runs. Any crash, sanitizer report, time-out or
# broken property fails the script; the input that caused it is kept (see README.md).
# Usage: tests/fuzz/run.sh [--runs N] [--build-dir DIR] [-- extra libFuzzer flags]
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
runs=20000
build=${JOXAI_FUZZ_BUILD_DIR:-$repo/build/fuzz}
extra=()
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --build-dir) build=$2; shift 2 ;;
    --) shift; extra=("$@"); break ;;
    *) echo "usage: $0 [--runs N] [--build-dir DIR] [-- libFuzzer flags]" >&2; exit 2 ;;
  esac
done
targets=(jsoninput tokenservice identitytoken redactor requestscanner)

export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$repo}
cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DJOXAI_WERROR=ON \
  -DJOXAI_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++ >/dev/null
cmake --build "$build"

# New inputs libFuzzer finds go to a scratch dir, not into the committed seeds; crashes go to
# $build/fuzz-artifacts/<target>/ and are kept.
scratch=$(mktemp -d /tmp/joxai-fuzz.XXXXXX)
child=
cleanup() {
  [ -n "$child" ] && kill "$child" 2>/dev/null || true
  rm -rf "$scratch"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

failed=()
for t in "${targets[@]}"; do
  artifacts="$build/fuzz-artifacts/$t"
  mkdir -p "$scratch/$t" "$artifacts"
  start=$SECONDS
  # -max_len: requests and tokens here are small; -timeout: one input must never take seconds
  # (the Redactor and the scanner promise linear time); leaks count as failures.
  "$build/tests/fuzz/fuzz_$t" -runs="$runs" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
    -seed=1 -print_final_stats=0 -artifact_prefix="$artifacts/" "${extra[@]}" \
    "$scratch/$t" "$repo/tests/fuzz/corpus/$t" >"$scratch/$t.log" 2>&1 &
  child=$!
  if wait "$child"; then
    echo "fuzz_$t: $runs runs, no failure ($((SECONDS - start)) s)"
  else
    echo "fuzz_$t: FAILED — last lines of its log:" >&2
    tail -n 40 "$scratch/$t.log" >&2
    echo "the input that broke it is in $artifacts/" >&2
    failed+=("$t")
  fi
  child=
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "FUZZING FAILED: ${failed[*]}" >&2
  exit 1
fi
echo "All fuzz targets passed."
