#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster on a free loopback port, for the test suite.
#   tests/scripts/pg-cluster.sh start DIR   → prints the admin URL (postgresql://postgres@127.0.0.1:PORT/postgres)
#   tests/scripts/pg-cluster.sh stop DIR
# PostgreSQL refuses to run as root, so as root the cluster belongs to the 'postgres' user.
set -euo pipefail
pgbin=/usr/lib/postgresql/15/bin
cmd=${1:?start|stop}
dir=${2:?cluster folder}

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  # Ask the kernel for a free port on loopback.
  local p
  for p in $(shuf -i 20000-32000 -n 50); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
  done
  return 1
}

case "$cmd" in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
    as_owner "$pgbin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    port=$(free_port)
    # fsync off: a test cluster needs no durability, and it keeps the suite fast on slow disks.
    as_owner "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" start >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    echo "$port" > "$dir/port"
    echo "postgresql://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    [ -d "$dir/data" ] && as_owner "$pgbin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
