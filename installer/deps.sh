#!/usr/bin/env bash
# Installs every Debian 12 package JoxAI needs to build, run and test, skipping what is present.
# Usage: installer/deps.sh [build|test]   (test adds the packages only the test suite uses)
set -euo pipefail

# libqt6opengl6-dev: Qt Charts' CMake package (the console's dashboard) requires Qt6OpenGL, which
# qt6-charts-dev does not pull in; libxkbcommon-dev keeps Qt6Gui's optional XKB lookup quiet.
want=(
  build-essential cmake ninja-build ccache pkg-config git curl ca-certificates
  qt6-base-dev qt6-base-dev-tools qt6-httpserver-dev qt6-websockets-dev qt6-charts-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qtkeychain-qt6-dev qt6-translations-l10n
  libqt6sql6-sqlite libqt6sql6-psql libgl-dev libqt6opengl6-dev libxkbcommon-dev
  libssl-dev libcrypt-dev libcurl4-openssl-dev libpq-dev
  librsvg2-bin
  postgresql postgresql-client nodejs  # postgresql-client: pg_dump/pg_restore for backup and restore
)
# npm installs Swagger UI and ReDoc (third_party/apidocs), compiled into joxai-server for /docs and
# /redoc. Debian's nodejs has no npm in it (NodeSource's does, and conflicts with Debian's npm package).
command -v npm >/dev/null 2>&1 || want+=(npm)
# clang (Debian's clang-14) and libclang-rt-14-dev (libFuzzer and the sanitizer runtimes) build the
# fuzz targets of tests/fuzz.
if [ "${1:-build}" = test ]; then
  want+=(
    wrk openssl python3-bcrypt python3-jwt python3-aiosmtpd
    xvfb xauth dbus dbus-x11 gnome-keyring libsecret-1-0
    lintian gnupg gpg-agent binutils dpkg-dev adduser nginx desktop-file-utils appstream
    chromium
    clang libclang-rt-14-dev
  )
fi

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
echo "installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
