#!/usr/bin/env bash
# The test command (README.md, .ci/run): installs what is missing, builds everything with
# -Werror, starts a throwaway PostgreSQL cluster, runs every test on SQLite and PostgreSQL, the
# server's tests again under ASan/UBSan, and a quick pass of the benchmark so it cannot rot.
# Stops what it started on every exit path.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# The installer test installs into a throwaway overlay root, and PostgreSQL runs as its own user:
# both need root.
[ "$(id -u)" -eq 0 ] || exec sudo --preserve-env=JOXAI_BUILD_DIR "$0" "$@"
build=${JOXAI_BUILD_DIR:-$repo/build/ci}
# Paths below the checkout are hashed relative to it, so ccache hits in any clone of the tree.
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$repo}"

"$repo/installer/deps.sh" test
# The widget's browser tests drive chromium with playwright-core, from tests/widget/package-lock.json.
npm ci --prefix "$repo/tests/widget" --prefer-offline --no-audit --no-fund --loglevel=error
# Swagger UI and ReDoc, compiled into joxai-server for /docs and /redoc: needed before CMake runs.
"$repo/third_party/apidocs/install.sh"

cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DJOXAI_WERROR=ON -DJOXAI_BUILD_TESTS=ON
cmake --build "$build"

pgdir=$(mktemp -d /tmp/joxai-pg.XXXXXX)
cleanup() {
  "$repo/tests/scripts/pg-cluster.sh" stop "$pgdir"
  rm -rf "$pgdir"
}
trap cleanup EXIT INT TERM
chmod 755 "$pgdir"
JOXAI_TEST_PG_URL=$("$repo/tests/scripts/pg-cluster.sh" start "$pgdir")
export JOXAI_TEST_PG_URL
echo "test PostgreSQL cluster: $JOXAI_TEST_PG_URL"

ctest --test-dir "$build" --output-on-failure -j2 "$@"
# The server's suites again, built with AddressSanitizer and UndefinedBehaviorSanitizer.
"$repo/tests/sanitize.sh"
# libFuzzer targets (tests/fuzz/README.md): a clang build of their own and a short fixed run each.
JOXAI_FUZZ_BUILD_DIR="$build-fuzz" "$repo/tests/fuzz/run.sh" --runs 20000
"$repo/tests/bench/bench.sh" --quick --build-dir "$build"
"$repo/tests/bench/wsbench.sh" --quick --build-dir "$build"
"$repo/tests/bench/chatbench.sh" --quick --build-dir "$build"
"$repo/tests/bench/staffbench.sh" --quick --build-dir "$build"
echo "All tests passed."
