#!/usr/bin/env bash
# Runs the widget's browser tests (ctest label "widget"): installs playwright-core from the lock
# file into tests/widget/node_modules when it is missing or stale, then node's test runner.
# JOXAI_SERVER_BIN names the joxai-server to test (ctest passes the built one).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if [ ! -x /usr/bin/chromium ]; then
  echo "widget tests: /usr/bin/chromium is missing; run installer/deps.sh test" >&2
  exit 1
fi
if [ ! -f "$here/node_modules/.package-lock.json" ] || [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
  npm ci --prefix "$here" --prefer-offline --no-audit --no-fund --loglevel=error
fi
cd "$here"
exec node --test --test-concurrency=1 --test-reporter=spec widget.test.mjs
