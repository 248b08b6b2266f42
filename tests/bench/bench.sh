#!/usr/bin/env bash
# Throughput and latency of joxai-server against a bare QHttpServer, measured with wrk.
#
#   tests/bench/bench.sh [--quick] [--build-dir DIR]
#
# Scenarios (wrk --latency, one after the other, each against a freshly warmed server):
#   bare /health            joxai-bare-server, the ceiling for a trivial QHttpServer route
#   joxai /health           joxai-server, same wrk threads/connections
#   joxai login             POST /api/v1/auth/login as the first-run admin (login.lua), while ...
#   joxai /health (storm)   ... a second wrk sends steady /health traffic at the same time
#                           (health_probe.lua: 10 connections, 10 ms pause, ~1,000 req/s)
#
# Targets (judged in normal mode only; --quick runs 1 s per scenario and only checks that
# everything started, answered and parsed):
#   joxai /health req/s >= 80 % of bare /health
#   login req/s >= 75 % of the bcrypt limit (cores x 1000 / 210 ms, ~9.5/s on 2 cores at cost 12)
#   /health p99 <= 10 ms during the login storm
# In every mode more than 1 % non-2xx answers or socket errors in any scenario is a failure.
#
# Exit status: 0 ok, 1 a target not met (normal mode), 2 usage, 3 could not start/run/parse or
# too many errors.
#
# Tunables (environment): BENCH_THREADS (1), BENCH_CONNECTIONS (50), BENCH_LOGIN_CONNECTIONS (4),
# BENCH_PROBE_CONNECTIONS (10), BENCH_PROBE_PAUSE_MS (10), BENCH_DURATION (10s; 1s with --quick),
# BENCH_BCRYPT_MS (210). JOXAI_* variables in the environment reach joxai-server (e.g.
# JOXAI_BCRYPT_THREADS=2), except JOXAI_RATE_LIMIT_AUTH, which is forced to 0 so the login storm
# is not rate-limited, and LOG_LEVEL, which is BENCH_LOG_LEVEL (default warning: no access log;
# BENCH_LOG_LEVEL=info with LOG_ACCESS=on/off measures what the access log costs).

set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

# shellcheck source=tests/bench/common.sh
source "$here/common.sh"
parse_bench_args bench.sh 29 "$@"

threads="${BENCH_THREADS:-1}"
conns="${BENCH_CONNECTIONS:-50}"
login_conns="${BENCH_LOGIN_CONNECTIONS:-4}"
probe_conns="${BENCH_PROBE_CONNECTIONS:-10}"
probe_pause_ms="${BENCH_PROBE_PAUSE_MS:-10}"
bcrypt_ms="${BENCH_BCRYPT_MS:-210}"
if [[ $quick -eq 1 ]]; then duration="${BENCH_DURATION:-1s}"; else duration="${BENCH_DURATION:-10s}"; fi

die() { echo "bench.sh: $*" >&2; exit 3; }

bare_bin="$build_dir/bin/joxai-bare-server"
joxai_bin="$build_dir/bin/joxai-server"
[[ -x "$bare_bin" ]] || die "$bare_bin not found: build the joxai-bare-server target (Release) first"
[[ -x "$joxai_bin" ]] || die "$joxai_bin not found: build the joxai-server target (Release) first"
command -v wrk >/dev/null || die "wrk not found (apt-get install wrk)"
command -v curl >/dev/null || die "curl not found"
[[ -f "$here/login.lua" && -f "$here/health_probe.lua" ]] || die "login.lua or health_probe.lua missing in $here"

# --- everything started here is stopped by PID on every exit path ---------------------------
pids=()
work=""
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
  if [[ -n "$work" && -d "$work" ]]; then rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

work="$(mktemp -d "${TMPDIR:-/tmp}/joxai-bench.XXXXXX")"
mkdir -p "$work/data"

# A loopback port nobody listens on, below the ephemeral range so wrk's own sockets never take it.

wait_healthy() { # name pid url log
  local name="$1" pid="$2" url="$3" log="$4"
  for _ in $(seq 150); do
    kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; die "$name exited during start-up"; }
    if curl -fsS -o /dev/null --max-time 1 "$url" 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  cat "$log" >&2
  die "$name did not answer $url within 15 s"
}

free_port || die "no free loopback port"
bare_port="$port"
bare_url="http://127.0.0.1:$bare_port"
"$bare_bin" "$bare_port" >"$work/bare.log" 2>&1 &
bare_pid=$!
pids+=("$bare_pid")

free_port || die "no free loopback port"
joxai_port="$port"
joxai_url="http://127.0.0.1:$joxai_port"
JOXAI_RATE_LIMIT_AUTH=0 LOG_LEVEL="${BENCH_LOG_LEVEL:-warning}" \
  "$joxai_bin" --port "$joxai_port" --data-dir "$work/data" >"$work/joxai.log" 2>&1 &
joxai_pid=$!
pids+=("$joxai_pid")

wait_healthy joxai-bare-server "$bare_pid" "$bare_url/health" "$work/bare.log"
wait_healthy joxai-server "$joxai_pid" "$joxai_url/health" "$work/joxai.log"

# The login must really succeed before we storm it, or the storm measures 401s.
login_status="$(curl -sS -o "$work/login.json" -w '%{http_code}' --max-time 10 \
  -H 'Content-Type: application/json' -d '{"email":"admin@joxai.com","password":"admin123"}' \
  "$joxai_url/api/v1/auth/login")" || die "login request failed"
[[ "$login_status" == 200 ]] || { cat "$work/login.json" >&2; die "first-run admin login answered $login_status"; }

alive_or_die() {
  kill -0 "$bare_pid" 2>/dev/null || { cat "$work/bare.log" >&2; die "joxai-bare-server died during $1"; }
  kill -0 "$joxai_pid" 2>/dev/null || { cat "$work/joxai.log" >&2; die "joxai-server died during $1"; }
}

# --- wrk runs ----------------------------------------------------------------------------------
# wrk runs in the background and the shell waits for it, so a signal reaches the trap at once
# instead of after the run.
wrk_run() { # out-file wrk-args...
  local out="$1" rc=0 pid; shift
  wrk --latency "$@" >"$out" 2>&1 &
  pid=$!
  pids+=("$pid")
  wait "$pid" || rc=$?
  pids=("$bare_pid" "$joxai_pid") # reaped: never signal its PID again
  [[ $rc -eq 0 ]] || { cat "$out" >&2; die "wrk $* failed"; }
}

echo "load before the runs: $(uptime | sed 's/.*load average: //') (1/5/15 min), $(nproc) cores"
echo "wrk -t$threads -c$conns -d$duration; login storm: -t1 -c$login_conns, with /health probe -t1 -c$probe_conns" \
  "pausing ${probe_pause_ms} ms between requests; build: $build_dir"

if [[ $quick -eq 0 ]]; then
  # Warm both servers (page cache, allocator, SQLite) so the first measured second is not special.
  wrk_run "$work/warm-bare.txt" -t"$threads" -c"$conns" -d2s "$bare_url/health"
  wrk_run "$work/warm-joxai.txt" -t"$threads" -c"$conns" -d2s "$joxai_url/health"
fi

# The machine may be shared: measure how much CPU other processes took during each scenario
# (all busy time in /proc/stat minus our two servers and the wrk processes), as a share of all
# cores over the run. More than a few percent means the numbers are disturbed.
clk_tck="$(getconf CLK_TCK)"
cores="$(nproc)"
busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
server_ticks() { # utime+stime of both servers (fields 14, 15 after the ")" of the name)
  local t=0 pid f
  for pid in "$bare_pid" "$joxai_pid"; do
    f="$(sed 's/.*) //' "/proc/$pid/stat")"
    t=$((t + $(awk '{ print $12 + $13 }' <<<"$f")))
  done
  echo "$t"
}
# CPU seconds of our reaped children (the wrk runs). `times` must run in this shell, not in a
# $(...) subshell, whose counters start at zero.
children_seconds() { # sets $kids
  times >"$work/times"
  kids="$(awk 'NR == 2 { s = 0; for (i = 1; i <= 2; i++) { split($i, a, /[ms]/); s += a[1] * 60 + a[2] } print s }' "$work/times")"
}
declare -A other
measure_begin() { m_busy="$(busy_ticks)"; m_srv="$(server_ticks)"; children_seconds; m_kids="$kids"; m_t0="$(date +%s.%N)"; }
measure_end() { # scenario
  local busy srv t1
  busy="$(busy_ticks)"; srv="$(server_ticks)"; children_seconds; t1="$(date +%s.%N)"
  other[$1]="$(awk -v b="$((busy - m_busy))" -v s="$((srv - m_srv))" -v k0="$m_kids" -v k1="$kids" \
    -v hz="$clk_tck" -v c="$cores" -v t0="$m_t0" -v t1="$t1" 'BEGIN {
      o = ((b - s) / hz - (k1 - k0)) / (c * (t1 - t0)) * 100; printf "%.0f", (o < 0 ? 0 : o) }')"
}

measure_begin
wrk_run "$work/bare.txt" -t"$threads" -c"$conns" -d"$duration" "$bare_url/health"
measure_end bare
alive_or_die "bare /health"
measure_begin
wrk_run "$work/joxai.txt" -t"$threads" -c"$conns" -d"$duration" "$joxai_url/health"
measure_end joxai
alive_or_die "joxai /health"

# Login storm with /health measured at the same time.
measure_begin
wrk --latency -t1 -c"$login_conns" -d"$duration" --timeout 30s -s "$here/login.lua" \
  "$joxai_url/api/v1/auth/login" >"$work/login.txt" 2>&1 &
login_wrk=$!
pids+=("$login_wrk")
wrk --latency -t1 -c"$probe_conns" -d"$duration" -s "$here/health_probe.lua" "$joxai_url/health" \
  -- "$probe_pause_ms" >"$work/storm.txt" 2>&1 &
probe_wrk=$!
pids+=("$probe_wrk")
storm_rc=0
wait "$probe_wrk" || storm_rc=$?
login_rc=0
wait "$login_wrk" || login_rc=$?
pids=("$bare_pid" "$joxai_pid") # both wrk are reaped: never signal their PIDs again
measure_end login
other[storm]="${other[login]}"
[[ $storm_rc -eq 0 ]] || { cat "$work/storm.txt" >&2; die "wrk on /health during the storm failed"; }
[[ $login_rc -eq 0 ]] || { cat "$work/login.txt" >&2; die "wrk login storm failed"; }
alive_or_die "the login storm"

declare -A rps p50 p99 total non2xx errs
failed=0
for s in bare joxai login storm; do
  if ! line="$(parse_wrk "$work/$s.txt")"; then
    cat "$work/$s.txt" >&2
    die "could not parse wrk output for scenario '$s'"
  fi
  read -r rps[$s] p50[$s] p99[$s] total[$s] non2xx[$s] errs[$s] <<<"$line"
  if [[ ${total[$s]} -eq 0 ]]; then
    echo "bench.sh: scenario '$s' completed no request" >&2; failed=1
  fi
done

name_bare="bare /health"
name_joxai="joxai /health"
name_login="joxai POST /auth/login"
name_storm="joxai /health during login"

echo
printf '%-28s | %10s | %8s | %8s | %9s | %7s | %8s | %9s\n' scenario 'req/s' 'p50 ms' 'p99 ms' requests non-2xx 'sock err' 'other CPU'
printf '%-28s-+-%10s-+-%8s-+-%8s-+-%9s-+-%7s-+-%8s-+-%9s\n' '' '' '' '' '' '' '' '' | tr ' ' '-'
disturbed=0
for s in bare joxai login storm; do
  var="name_$s"
  printf '%-28s | %10.1f | %8.2f | %8.2f | %9d | %7d | %8d | %8s%%\n' "${!var}" "${rps[$s]}" "${p50[$s]}" \
    "${p99[$s]}" "${total[$s]}" "${non2xx[$s]}" "${errs[$s]}" "${other[$s]}"
  if [[ ${other[$s]} -gt 5 ]]; then disturbed=1; fi
done
echo
if [[ $disturbed -eq 1 ]]; then
  echo "WARNING: other processes used more than 5 % of the CPU during a run: the numbers are disturbed;"
  echo "         run again on an idle machine before trusting them."
  echo
fi

# Errors: more than 1 % non-2xx answers or socket errors in any scenario fails every mode.
for s in bare joxai login storm; do
  bad=$((non2xx[$s] + errs[$s]))
  if [[ ${total[$s]} -gt 0 ]] && awk -v b="$bad" -v t="${total[$s]}" 'BEGIN { exit !(b * 100 > t) }'; then
    var="name_$s"
    echo "ERROR: ${!var}: $bad of ${total[$s]} requests were non-2xx or socket errors (> 1 %)"
    failed=1
  fi
done

ratio="$(awk -v j="${rps[joxai]}" -v b="${rps[bare]}" 'BEGIN { printf "%.1f", (b > 0 ? 100 * j / b : 0) }')"
limit="$(awk -v c="$cores" -v ms="$bcrypt_ms" 'BEGIN { printf "%.1f", c * 1000 / ms }')"
login_pct="$(awk -v l="${rps[login]}" -v m="$limit" 'BEGIN { printf "%.0f", 100 * l / m }')"

verdict() { if awk "BEGIN { exit !($1) }"; then echo met; else echo "NOT met"; fi; }
v_health="$(verdict "$ratio >= 80")"
v_login="$(verdict "${rps[login]} >= 0.75 * $limit")"
v_storm="$(verdict "${p99[storm]} <= 10")"

if [[ $quick -eq 1 ]]; then
  echo "targets (--quick: 1-second runs, shown but not judged)"
else
  echo "targets"
fi
printf '  %-44s %-24s %s\n' "joxai /health >= 80 % of bare /health" "$ratio %" "$v_health"
printf '  %-44s %-24s %s\n' "login ~ bcrypt limit (>= 75 % of $limit/s)" \
  "${rps[login]}/s = $login_pct %" "$v_login"
printf '  %-44s %-24s %s\n' "/health p99 <= 10 ms during login storm" "$(printf '%.2f' "${p99[storm]}") ms" "$v_storm"
if awk -v l="${rps[login]}" -v m="$limit" 'BEGIN { exit !(l > 1.5 * m) }'; then
  echo "  note: login is much faster than bcrypt cost 12 allows here: is the cost really 12?"
fi
echo "load after the runs: $(uptime | sed 's/.*load average: //')"

if [[ $failed -ne 0 ]]; then exit 3; fi
if [[ $quick -eq 0 && ( "$v_health" != met || "$v_login" != met || "$v_storm" != met ) ]]; then
  exit 1
fi
exit 0
