#!/usr/bin/env bash
# Staff WebSockets of joxai-server on PostgreSQL: sockets held open, memory per idle socket, and
# fan-out latency of an event, measured with joxai-wsload.
#
#   tests/bench/wsbench.sh [--quick] [--build-dir DIR]
#
# Starts a throwaway PostgreSQL cluster (tests/scripts/pg-cluster.sh) and joxai-server on it, signs
# in as the first-run admin, changes its password, creates agent accounts (a user may hold at most
# JOXAI_WS_MAX_PER_USER sockets, and the setting stops at 1,000) and takes a token for each. Then:
#   A  hold:    WSBENCH_HOLD_SOCKETS (10,000) sockets opened and held WSBENCH_HOLD_SECONDS (35 s,
#               past one server heartbeat, so every socket has to answer a ping); server VmRSS read
#               before and after opening → memory per idle socket
#   B  fan-out: WSBENCH_FANOUT_SOCKETS (1,000) sockets; WSBENCH_EVENTS (200) events inserted into
#               the events table with pg_notify in the same transaction, WSBENCH_INTERVAL_MS (50) apart;
#               each socket records receive time - the event's sent_us → delivery p50/p95/p99/max
# Client sockets are spread over 127.0.0.1..127.0.0.WSBENCH_ADDRESSES (4).
#
# Targets (normal mode): A keeps 10,000 sockets open; B delivers every event to every socket with
# p99 < 50 ms. --quick: 200 sockets, 20 events, no hold, nothing judged.
# Exit status: 0 ok, 1 a target not met (normal mode), 2 usage, 3 could not start/run/parse (any mode,
# including: no socket opened, or no event delivered).

set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

# shellcheck source=tests/bench/common.sh
source "$here/common.sh"
parse_bench_args wsbench.sh 23 "$@"

if [[ $quick -eq 1 ]]; then
  hold_sockets="${WSBENCH_HOLD_SOCKETS:-200}"; hold_seconds="${WSBENCH_HOLD_SECONDS:-0}"
  fanout_sockets="${WSBENCH_FANOUT_SOCKETS:-200}"; events="${WSBENCH_EVENTS:-20}"
else
  hold_sockets="${WSBENCH_HOLD_SOCKETS:-10000}"; hold_seconds="${WSBENCH_HOLD_SECONDS:-35}"
  fanout_sockets="${WSBENCH_FANOUT_SOCKETS:-1000}"; events="${WSBENCH_EVENTS:-200}"
fi
interval_ms="${WSBENCH_INTERVAL_MS:-50}"
addresses="${WSBENCH_ADDRESSES:-4}"
per_user=1000 # JOXAI_WS_MAX_PER_USER's maximum
target_open=10000
target_p99_ms=50

die() { echo "wsbench.sh: $*" >&2; exit 3; }

server_bin="$build_dir/bin/joxai-server"
wsload_bin="$build_dir/bin/joxai-wsload"
pg_cluster="$repo/tests/scripts/pg-cluster.sh"
psql_bin=/usr/lib/postgresql/15/bin/psql
[[ -x "$psql_bin" ]] || psql_bin="$(command -v psql || true)"
[[ -x "$server_bin" ]] || die "$server_bin not found: build the joxai-server target (Release) first"
[[ -x "$wsload_bin" ]] || die "$wsload_bin not found: build the joxai-wsload target (Release) first"
[[ -x "$pg_cluster" ]] || die "$pg_cluster not found"
[[ -n "$psql_bin" && -x "$psql_bin" ]] || die "psql not found (apt-get install postgresql)"
command -v curl >/dev/null || die "curl not found"
command -v jq >/dev/null || die "jq not found (apt-get install jq)"

# --- everything started here is stopped by PID on every exit path ---------------------------
pids=()
work=""
cluster=""
cleanup() {
  local pid
  for pid in "${pids[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  pids=()
  if [[ -n "$cluster" && -d "$cluster/data" ]]; then
    local pm=""
    [[ -f "$cluster/data/postmaster.pid" ]] && pm="$(head -1 "$cluster/data/postmaster.pid")"
    "$pg_cluster" stop "$cluster" || true
    # pg_ctl stop waits for the postmaster; should it still run, stop it by its PID.
    if [[ -n "$pm" ]] && kill -0 "$pm" 2>/dev/null; then
      kill -QUIT "$pm" 2>/dev/null || true
      sleep 1
      kill -KILL "$pm" 2>/dev/null || true
    fi
  fi
  if [[ -n "$work" && -d "$work" ]]; then rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

work="$(mktemp -d "${TMPDIR:-/tmp}/joxai-wsbench.XXXXXX")"
chmod 755 "$work" # the cluster below belongs to the postgres user when we run as root
mkdir -p "$work/data"
cluster="$work/pg"

admin_url="$("$pg_cluster" start "$cluster")" || die "could not start PostgreSQL (pg-cluster.sh)"
"$psql_bin" "$admin_url" -qX -v ON_ERROR_STOP=1 -c 'CREATE DATABASE joxai' >/dev/null \
  || die "could not create database joxai"
db_url="${admin_url%/*}/joxai"

free_port || die "no free loopback port"
base="http://127.0.0.1:$port"

DATABASE_URL="$db_url" SECRET_KEY="wsbench-secret-key-0123456789-abcdefghij" \
  JOXAI_BCRYPT_COST=4 JOXAI_RATE_LIMIT_AUTH=0 JOXAI_WS_MAX_PER_USER="$per_user" JOXAI_MAX_CONNECTIONS_PER_ADDRESS=0 \
  JOXAI_WS_MAX_AGENTS=100000 LOG_LEVEL=warning \
  "$server_bin" --port "$port" --data-dir "$work/data" >"$work/server.log" 2>&1 &
server_pid=$!
pids+=("$server_pid")

for _ in $(seq 300); do
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; die "joxai-server exited during start-up"; }
  curl -fsS -o /dev/null --max-time 1 "$base/health" 2>/dev/null && break
  sleep 0.1
done
curl -fsS -o /dev/null --max-time 1 "$base/health" || { cat "$work/server.log" >&2; die "joxai-server did not answer /health within 30 s"; }
alive_or_die() {
  kill -0 "$server_pid" 2>/dev/null || { tail -50 "$work/server.log" >&2; die "joxai-server died during $1"; }
}

post() { # path json [token] → body on stdout; fails unless 2xx
  local out status auth=()
  out="$work/answer.json"
  [[ $# -ge 3 ]] && auth=(-H "Authorization: Bearer $3")
  status="$(curl -sS -o "$out" -w '%{http_code}' --max-time 20 -H 'Content-Type: application/json' \
    "${auth[@]}" -d "$2" "$base$1")" || die "POST $1 failed"
  [[ "$status" == 2* ]] || { cat "$out" >&2; echo >&2; die "POST $1 answered $status"; }
  cat "$out"
}
# Sign in, change the first password (a must_change_password account gets 4401 on the socket),
# and print the fresh token the change answers.
token_for() { # email first-password
  local t
  t="$(post /api/v1/auth/login "$(jq -nc --arg e "$1" --arg p "$2" '{email: $e, password: $p}')" | jq -er .token)" \
    || die "no token in the login answer for $1"
  post /api/v1/auth/change-password \
    "$(jq -nc --arg c "$2" '{current_password: $c, new_password: "Bench-pass-2026"}')" "$t" | jq -er .token \
    || die "no token in the change-password answer for $1"
}

admin_token="$(token_for admin@joxai.com admin123)"
max_sockets=$((hold_sockets > fanout_sockets ? hold_sockets : fanout_sockets))
users=$(((max_sockets + per_user - 1) / per_user + 1))
: >"$work/tokens"
for i in $(seq "$users"); do
  post /api/v1/users "$(jq -nc --arg e "bench-agent-$i@joxai.test" \
    '{email: $e, full_name: "Bench agent", role: "agent", password: "Bench-temp-2026"}')" "$admin_token" >/dev/null
  token_for "bench-agent-$i@joxai.test" Bench-temp-2026 >>"$work/tokens"
done

run_wsload() { # out-json args...  (in the background, so a signal reaches the trap at once)
  local out="$1" rc=0 pid; shift
  "$wsload_bin" --url "ws://127.0.0.1:$port/api/v1/ws" --tokens-file "$work/tokens" --addresses "$addresses" \
    --server-pid "$server_pid" "$@" >"$out" 2>"$out.log" &
  pid=$!
  pids+=("$pid")
  wait "$pid" || rc=$?
  pids=("$server_pid") # reaped: never signal its PID again
  cat "$out.log" >&2
  [[ $rc -eq 0 ]] || die "joxai-wsload $* failed (exit $rc)"
  jq -e . "$out" >/dev/null || die "could not parse joxai-wsload's output"
}
cpu_ticks() { sed 's/.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'; }
clk_tck="$(getconf CLK_TCK)"
cores="$(nproc)"
postmaster="$(head -1 "$cluster/data/postmaster.pid")"
pg_ticks() { # the postmaster and its children (backends, checkpointer, ...)
  local t=0 f line
  for f in /proc/[0-9]*/stat; do
    read -r line 2>/dev/null <"$f" || continue
    line="${line##*) }"
    set -- $line
    if [[ "${f//[^0-9]/}" == "$postmaster" || "$2" == "$postmaster" ]]; then t=$((t + ${12} + ${13})); fi
  done
  echo "$t"
}
busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
# The machine may be shared: the share of all cores that processes other than the server, the
# database and joxai-wsload used during a scenario. More than a few percent disturbs the numbers.
measure_begin() { m_busy="$(busy_ticks)"; m_srv="$(cpu_ticks "$server_pid")"; m_pg="$(pg_ticks)"; m_t0="$(date +%s.%N)"; }
measure_end() { # json → sets srv_cpu, pg_cpu, other_cpu
  local busy srv pg t1
  busy="$(busy_ticks)"; srv="$(cpu_ticks "$server_pid")"; pg="$(pg_ticks)"; t1="$(date +%s.%N)"
  srv_cpu="$(awk -v t="$((srv - m_srv))" -v hz="$clk_tck" 'BEGIN { printf "%.1f", t / hz }')"
  pg_cpu="$(awk -v t="$((pg - m_pg))" -v hz="$clk_tck" 'BEGIN { printf "%.1f", t / hz }')"
  other_cpu="$(awk -v b="$((busy - m_busy))" -v s="$((srv - m_srv))" -v p="$((pg - m_pg))" -v hz="$clk_tck" \
    -v k="$(jq -r .client_cpu_seconds "$1")" -v c="$cores" -v t0="$m_t0" -v t1="$t1" 'BEGIN {
      o = ((b - s - p) / hz - k) / (c * (t1 - t0)) * 100; printf "%.0f", (o < 0 ? 0 : o) }')"
}

echo "load before the runs: $(uptime | sed 's/.*load average: //') (1/5/15 min), $(nproc) cores"
echo "build: $build_dir; $users agent accounts, sockets over 127.0.0.1..127.0.0.$addresses"

echo "A: $hold_sockets sockets, held $hold_seconds s"
measure_begin
run_wsload "$work/a.json" --sockets "$hold_sockets" --hold-seconds "$hold_seconds"
measure_end "$work/a.json"
a_cpu="$srv_cpu"; a_pg="$pg_cpu"; a_other="$other_cpu"
alive_or_die "scenario A"
# Let the server notice every closed socket (joxai_websockets_open back to 0) before scenario B.
sockets_open() { curl -fsS --max-time 5 "$base/metrics" | awk '/^joxai_websockets_open / { print $2 + 0 }'; }
for _ in $(seq 120); do
  [[ "$(sockets_open || echo -1)" == 0 ]] && break
  sleep 0.5
done
[[ "$(sockets_open || echo -1)" == 0 ]] || echo "WARNING: the server still counts $(sockets_open || echo '?') open sockets after scenario A"

echo "B: $fanout_sockets sockets, $events events ${interval_ms} ms apart"
measure_begin
run_wsload "$work/b.json" --sockets "$fanout_sockets" --pg "$db_url" --events "$events" --interval-ms "$interval_ms"
measure_end "$work/b.json"
b_cpu="$srv_cpu"; b_pg="$pg_cpu"; b_other="$other_cpu"
alive_or_die "scenario B"

a() { jq -r "$1" "$work/a.json"; }
b() { jq -r "$1" "$work/b.json"; }
[[ "$(a .opened)" -gt 0 ]] || die "scenario A opened no socket: $(jq -c .failures "$work/a.json")"
[[ "$(b .opened)" -gt 0 ]] || die "scenario B opened no socket: $(jq -c .failures "$work/b.json")"
[[ "$(b .deliveries_received)" -gt 0 ]] || die "scenario B: no event reached any socket"

echo
printf '%-10s | %8s | %8s | %10s | %10s | %9s | %15s | %7s | %7s | %7s | %7s | %8s | %9s\n' scenario sockets open \
  'open s' 'RSS KiB/s' 'srv CPU s' 'delivered' 'p50 ms' 'p95 ms' 'p99 ms' 'max ms' 'failures' 'other CPU'
printf '%-10s-+-%8s-+-%8s-+-%10s-+-%10s-+-%9s-+-%15s-+-%7s-+-%7s-+-%7s-+-%7s-+-%8s-+-%9s\n' '' '' '' '' '' '' '' '' '' '' '' '' '' | tr ' ' '-'
row() { # name file server-cpu other-cpu
  jq -r --arg n "$1" --arg cpu "$3" --arg other "$4" '[$n, .sockets_requested, .open_at_end, (.open_seconds * 10 | round / 10),
    (if .server_bytes_per_socket > 0 then (.server_bytes_per_socket / 1024 * 10 | round / 10) else "-" end),
    $cpu,
    (if .events_sent > 0 then "\(.deliveries_received)/\(.deliveries_expected)" else "-" end),
    (if .events_sent > 0 then (.p50_ms * 100 | round / 100) else "-" end),
    (if .events_sent > 0 then (.p95_ms * 100 | round / 100) else "-" end),
    (if .events_sent > 0 then (.p99_ms * 100 | round / 100) else "-" end),
    (if .events_sent > 0 then (.max_ms * 100 | round / 100) else "-" end),
    ([.failures[]] + [.closed_by_server[]] | add // 0), "\($other) %"] | @tsv' "$2" |
    awk -F'\t' '{ printf "%-10s | %8s | %8s | %10s | %10s | %9s | %15s | %7s | %7s | %7s | %7s | %8s | %9s\n",
      $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13 }'
}
row "A hold" "$work/a.json" "$a_cpu" "$a_other"
row "B fan-out" "$work/b.json" "$b_cpu" "$b_other"
echo
if [[ $a_other -gt 5 || $b_other -gt 5 ]]; then
  echo "WARNING: other processes used more than 5 % of the CPU during a scenario: the numbers are disturbed;"
  echo "         run again on an idle machine before trusting them."
  echo
fi
echo "A: server RSS $(a .server_rss_kb_before) KiB before, $(a .server_rss_kb_open) KiB with $(a .open_after_opening) open," \
  "$(a .server_rss_kb_held) KiB after the hold; pings answered $(a .pings_answered); client RSS $(a .client_rss_kb) KiB"
echo "B: per event, first delivery p50 $(b .first_p50_ms) / p99 $(b .first_p99_ms) ms (database, NOTIFY, server fetch, first socket);" \
  "first-to-last spread p50 $(b .spread_p50_ms) / p99 $(b .spread_p99_ms) ms (fan-out over $(b .open_at_end) sockets);" \
  "CPU: server ${b_cpu} s, PostgreSQL ${b_pg} s, joxai-wsload $(b '.client_cpu_seconds * 10 | round / 10') s"
for f in a b; do
  if [[ "$(jq -r '(.failures | length) + (.closed_by_server | length)' "$work/$f.json")" -gt 0 ]]; then
    echo "${f^^}: failures $(jq -c .failures "$work/$f.json"), closed by server $(jq -c .closed_by_server "$work/$f.json")"
  fi
done

verdict() { if awk "BEGIN { exit !($1) }"; then echo met; else echo "NOT met"; fi; }
v_open="$(verdict "$(a .open_at_end) >= $target_open")"
v_all="$(verdict "$(b .deliveries_received) >= $(b .deliveries_expected) && $(b .events_sent) == $events")"
v_p99="$(verdict "$(b .p99_ms) < $target_p99_ms")"
echo
if [[ $quick -eq 1 ]]; then echo "targets (--quick: shown but not judged)"; else echo "targets"; fi
printf '  %-52s %-22s %s\n' "$target_open sockets held open" "$(a .open_at_end) of $(a .sockets_requested)" "$v_open"
printf '  %-52s %-22s %s\n' "every event reaches every open socket" "$(b .deliveries_received) of $(b .deliveries_expected)" "$v_all"
printf '  %-52s %-22s %s\n' "fan-out to $fanout_sockets sockets: p99 < $target_p99_ms ms" "$(b .p99_ms) ms" "$v_p99"
echo "memory per idle socket (server RSS delta / open sockets): $(a '.server_bytes_per_socket / 1024 * 10 | round / 10') KiB"
echo "load after the runs: $(uptime | sed 's/.*load average: //')"

if [[ $quick -eq 0 && ( "$v_open" != met || "$v_all" != met || "$v_p99" != met ) ]]; then
  exit 1
fi
exit 0
