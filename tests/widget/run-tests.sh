#!/usr/bin/env bash
# Runs the browser tests (ctest labels "widget" and "docs"): installs playwright-core and
# @redocly/cli from the lock file into tests/widget/node_modules when it is missing or stale, then
# node's test runner on the files given (default: the widget's).
# JOXAI_SERVER_BIN names the joxai-server to test (ctest passes the built one).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if [ ! -x /usr/bin/chromium ]; then
  echo "browser tests: /usr/bin/chromium is missing; run installer/deps.sh test" >&2
  exit 1
fi
if [ ! -f "$here/node_modules/.package-lock.json" ] || [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
  npm ci --prefix "$here" --prefer-offline --no-audit --no-fund --loglevel=error
fi
cd "$here"
[ $# -gt 0 ] || set -- widget.test.mjs
exec node --test --test-concurrency=1 --test-reporter=spec "$@"
