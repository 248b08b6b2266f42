# Shared by chatbench.sh and staffbench.sh (sourced after common.sh, not run): one joxai-server
# on a throwaway database of the PostgreSQL cluster in JOXAI_TEST_PG_URL, stopped and dropped on
# every exit path, and wrk runs that a signal can interrupt.
#
#   pg_bench_setup NAME        checks the tools, makes $work and the database $db_url, sets traps
#   start_pg_joxai VAR=VALUE…  starts joxai-server with those settings; sets $url and $joxai_pid
#   wrk_run OUT WRK-ARGS…      runs wrk --latency into OUT; fails (exit 3) if wrk or the server died

pids=()
work=""
db_created=0
dbname=""

die() { echo "$(basename "$0"): $*" >&2; exit 3; }

pg_bench_cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  pids=()
  if [[ $db_created -eq 1 ]]; then psql -q "$JOXAI_TEST_PG_URL" -c "DROP DATABASE IF EXISTS $dbname" >/dev/null 2>&1 || true; fi
  if [[ -n "$work" && -d "$work" ]]; then rm -rf "$work"; fi
}

pg_bench_setup() {
  local bench_name="$1"
  joxai_bin="$build_dir/bin/joxai-server"
  [[ -x "$joxai_bin" ]] || die "$joxai_bin not found: build the joxai-server target (Release) first"
  command -v wrk >/dev/null || die "wrk not found (apt-get install wrk)"
  command -v curl >/dev/null || die "curl not found"
  command -v psql >/dev/null || die "psql not found (apt-get install postgresql-client)"
  [[ -n "${JOXAI_TEST_PG_URL:-}" ]] || die "JOXAI_TEST_PG_URL is not set (tests/scripts/pg-cluster.sh start DIR prints one)"
  trap pg_bench_cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  trap 'exit 129' HUP
  work="$(mktemp -d "${TMPDIR:-/tmp}/joxai-${bench_name%.sh}.XXXXXX")"
  mkdir -p "$work/data"
  dbname="joxai_${bench_name%.sh}_$$"
  psql -q "$JOXAI_TEST_PG_URL" -c "CREATE DATABASE $dbname" >/dev/null || die "cannot create database $dbname"
  db_created=1
  db_url="${JOXAI_TEST_PG_URL%/*}/$dbname"
}

start_pg_joxai() {
  free_port || die "no free loopback port"
  url="http://127.0.0.1:$port"
  env DATABASE_URL="$db_url" LOG_LEVEL=warning "$@" \
    "$joxai_bin" --port "$port" --data-dir "$work/data" >"$work/joxai.log" 2>&1 &
  joxai_pid=$!
  pids+=("$joxai_pid")
  for _ in $(seq 300); do
    kill -0 "$joxai_pid" 2>/dev/null || { cat "$work/joxai.log" >&2; die "joxai-server exited during start-up"; }
    curl -fsS -o /dev/null --max-time 1 "$url/health" 2>/dev/null && break
    sleep 0.1
  done
  curl -fsS -o /dev/null --max-time 1 "$url/health" || { cat "$work/joxai.log" >&2; die "joxai-server did not answer"; }
}

wrk_run() { # out-file wrk-args... (in the background, so a signal reaches the trap at once)
  local out="$1" rc=0 pid; shift
  wrk --latency "$@" >"$out" 2>&1 &
  pid=$!
  pids+=("$pid")
  wait "$pid" || rc=$?
  pids=("$joxai_pid")
  [[ $rc -eq 0 ]] || { cat "$out" >&2; die "wrk $* failed"; }
  kill -0 "$joxai_pid" 2>/dev/null || { cat "$work/joxai.log" >&2; die "joxai-server died during $out"; }
}
