#!/usr/bin/env bash
# The run command (README.md): installs what is missing, builds joxai-server, and starts it on the
# embedded defaults: SQLite in ./data, the local assistant, http://127.0.0.1:5000.
# Extra arguments go to joxai-server (e.g. --port 5001).
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${JOXAI_BUILD_DIR:-$repo/build/release}

"$repo/installer/deps.sh" build
# Swagger UI and ReDoc for /docs and /redoc, compiled into the program: installed before CMake runs.
"$repo/third_party/apidocs/install.sh"
cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DJOXAI_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" --target joxai-server
exec "$build/bin/joxai-server" --data-dir "${JOXAI_DATA_DIR:-$repo/data}" "$@"
