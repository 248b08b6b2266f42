#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster on a free loopback port, for the test suite.
#   tests/scripts/pg-cluster.sh start DIR   → prints the admin URL (postgresql://postgres@127.0.0.1:PORT/postgres)
#   tests/scripts/pg-cluster.sh stop DIR [immediate|fast]   (the data stays in DIR)
#   tests/scripts/pg-cluster.sh resume DIR   → starts a stopped cluster again on the same port and data,
#                                              for fault tests that restart PostgreSQL under a server
# PostgreSQL refuses to run as root, so as root the cluster belongs to the 'postgres' user.
set -euo pipefail
pgbin=/usr/lib/postgresql/15/bin
cmd=${1:?start|stop|resume}
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

run_cluster() {
  # fsync off: a test cluster needs no durability, and it keeps the suite fast on slow disks.
  as_owner "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $1 -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" start >/dev/null \
    || { cat "$dir/server.log" >&2; exit 1; }
}

case "$cmd" in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
    as_owner "$pgbin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    port=$(free_port)
    run_cluster "$port"
    echo "$port" > "$dir/port"
    echo "postgresql://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    # immediate (the default) is a crash as far as clients can tell; fast is an operator's restart.
    mode=${3:-immediate}
    case "$mode" in immediate|fast) ;; *) echo "stop mode: immediate or fast" >&2; exit 2 ;; esac
    [ -d "$dir/data" ] && as_owner "$pgbin/pg_ctl" -D "$dir/data" -m "$mode" -w stop >/dev/null 2>&1 || true
    ;;
  resume)
    [ -f "$dir/port" ] || { echo "no cluster was started in $dir" >&2; exit 1; }
    run_cluster "$(cat "$dir/port")"
    ;;
  *) echo "usage: $0 start|stop|resume DIR" >&2; exit 2 ;;
esac
