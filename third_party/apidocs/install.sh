#!/usr/bin/env bash
# Installs Swagger UI and ReDoc from package-lock.json into third_party/apidocs/node_modules, where
# resources/CMakeLists.txt takes the files it compiles into joxai-server (/docs, /redoc). Runs npm ci
# only when node_modules is missing or older than the lock file. Install scripts are skipped: the
# bundles need none, and one dependency's postinstall would report the install over the network.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if [ ! -f "$here/node_modules/.package-lock.json" ] || [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
  npm ci --prefix "$here" --ignore-scripts --prefer-offline --no-audit --no-fund --loglevel=error
fi
