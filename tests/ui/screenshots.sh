#!/usr/bin/env bash
# Renders the staff console's windows and pages with sample data into docs/screenshots/console-*.png
# (English, and French with the -fr suffix), under Xvfb when it is there, offscreen otherwise.
# Usage: tests/ui/screenshots.sh [build dir]     (default: build)
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-"$here/build"}
out="$here/docs/screenshots"
cmake --build "$build" --target joxai_screenshots
tool="$build/tests/ui/joxai_screenshots"
export JOXAI_SOURCE_DIR="$here"
run() {
  if command -v xvfb-run >/dev/null; then
    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1280x1024x24" "$tool" "$@"
  else
    QT_QPA_PLATFORM=offscreen "$tool" "$@"
  fi
}
run "$out" 2> >(grep -v 'joxai\.\|QINFO' >&2)
run "$out" --lang fr 2> >(grep -v 'joxai\.\|QINFO' >&2)
ls -1 "$out"/console-*.png
