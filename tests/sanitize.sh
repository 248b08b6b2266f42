#!/usr/bin/env bash
# joxai-server's test suites under AddressSanitizer (with LeakSanitizer) and UndefinedBehaviorSanitizer:
# a build of its own (-DJOXAI_SANITIZE=address,undefined -DJOXAI_CONSOLE=OFF: the server and its
# tests, no console) whose every test then runs, on SQLite and on PostgreSQL when JOXAI_TEST_PG_URL
# is set. A memory error, a leak or undefined behaviour in our code fails the test that hit it.
# tests/run.sh calls it after the main suite (dependencies installed, PostgreSQL cluster up).
#
#   tests/sanitize.sh [ctest arguments…]      e.g. tests/sanitize.sh -R tst_api_chat
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${JOXAI_SANITIZE_BUILD_DIR:-$repo/build/sanitize}
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$repo}"

# -O1: instrumented code at -O0 is several times slower to run, and -O2 slower to build.
cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-g -O1" \
  -DJOXAI_WERROR=ON -DJOXAI_BUILD_TESTS=ON -DJOXAI_CONSOLE=OFF -DJOXAI_SANITIZE=address,undefined
cmake --build "$build"

# Child processes (joxai-server started by the CLI and real-time suites) inherit these.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=1:strict_init_order=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS=suppressions=$repo/tests/sanitize.supp:print_suppressions=0
# The benchmark helpers and the browser suites are not server tests (and chromium is not ours).
ctest --test-dir "$build" --output-on-failure -j2 -E '^(widget_browser|apidocs_browser)$' "$@"
echo "Server tests passed under AddressSanitizer and UndefinedBehaviorSanitizer."
