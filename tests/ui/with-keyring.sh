#!/bin/sh
# Runs a command in its own D-Bus session with an unlocked gnome-keyring-daemon (a real Secret
# Service, as on a desktop), under a throwaway HOME so no real keyring is touched.
# Usage: with-keyring.sh <command> [args...]
set -eu
for tool in dbus-run-session gnome-keyring-daemon; do
  command -v "$tool" >/dev/null || { echo "with-keyring.sh: $tool is missing (installer/deps.sh test)" >&2; exit 1; }
done
home=$(mktemp -d "${TMPDIR:-/tmp}/joxai-keyring.XXXXXX")
trap 'rm -rf "$home"' EXIT INT TERM
export HOME="$home" XDG_DATA_HOME="$home/share" XDG_CONFIG_HOME="$home/config" XDG_RUNTIME_DIR="$home/run"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
status=0
dbus-run-session -- sh -c 'printf %s ci-pass | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"' sh "$@" || status=$?
exit "$status"
