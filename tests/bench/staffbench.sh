#!/usr/bin/env bash
# The staff API under load on PostgreSQL, with a busy branch's data (issue 4): the ticket list and
# the analytics dashboard as the console asks for them, and the dashboard over a year of a large
# bank's chat.
#
#   tests/bench/staffbench.sh [--quick] [--build-dir DIR]
#
# Needs JOXAI_TEST_PG_URL (an admin URL of a PostgreSQL cluster, as tests/run.sh exports it):
# a throwaway database is created on it and dropped afterwards.
#
# Data: staff_seed.sql (1,000 tickets, 200 conversations with 800 messages, 300 customers, three
# agents); for the last scenario staff_year.sql adds 100,000 conversations over 365 days.
# Scenarios (wrk --latency, BENCH_CONNECTIONS=32 connections, an admin's JWT):
#   /health alone                    the same server's ceiling for a trivial route, for the ratio
#   GET /api/v1/tickets/?limit=50    the console's ticket queue, newest first
#   GET /api/v1/analytics/dashboard  the last 30 days (the console's default)
#   dashboard, a year, 100k conv.    one connection, so each figure is one request's own time
# Targets (normal mode only; --quick runs 1 s per scenario and only checks that everything works):
#   tickets >= 10,000 req/s; dashboard >= 3,600 req/s; year dashboard p99 <= 300 ms.
#   More than 1 % non-2xx or socket errors fails every mode.
#
# Exit status: 0 ok, 1 a target not met (normal mode), 2 usage, 3 could not start/run/parse.

set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

# shellcheck source=tests/bench/common.sh
source "$here/common.sh"
# shellcheck source=tests/bench/pgserver.sh
source "$here/pgserver.sh"
parse_bench_args staffbench.sh 22 "$@"

conns="${BENCH_CONNECTIONS:-32}"
threads="${BENCH_THREADS:-2}"
if [[ $quick -eq 1 ]]; then duration="${BENCH_DURATION:-1s}"; else duration="${BENCH_DURATION:-10s}"; fi

pg_bench_setup staffbench.sh
start_pg_joxai JOXAI_RATE_LIMIT_API=0 JOXAI_RATE_LIMIT_AUTH=0

api() { # METHOD PATH [JSON] → body (fails on non-2xx)
  local args=(-fsS --max-time 10 -X "$1" -H 'Content-Type: application/json')
  [[ -n "${token:-}" ]] && args+=(-H "Authorization: Bearer $token")
  [[ $# -ge 3 ]] && args+=(-d "$3")
  curl "${args[@]}" "$url$2"
}
field() { sed -n "s/.*\"$1\":\"\{0,1\}\([^\",}]*\).*/\1/p" <<<"$2" | head -1; }

# The first-run admin changes the password, as the server requires, then signs in again.
token="$(field token "$(api POST /api/v1/auth/login '{"email":"admin@joxai.com","password":"admin123"}')")"
[[ -n "$token" ]] || die "admin login failed"
api POST /api/v1/auth/change-password '{"current_password":"admin123","new_password":"Bench-Passw0rd-2026"}' >/dev/null \
  || die "password change failed"
token=""
token="$(field token "$(api POST /api/v1/auth/login '{"email":"admin@joxai.com","password":"Bench-Passw0rd-2026"}')")"
[[ -n "$token" ]] || die "admin login with the new password failed"
agents=()
for i in 1 2 3; do
  body="$(api POST /api/v1/users "{\"email\":\"agent$i@bank.example\",\"full_name\":\"Agent $i\",\"role\":\"agent\",\"password\":\"Agent-Passw0rd-$i\"}")" \
    || die "could not create agent $i"
  agents+=("$(field id "$body")")
done
agent_list="{$(IFS=,; echo "${agents[*]}")}"
psql -q -v ON_ERROR_STOP=1 -v agents="$agent_list" "$db_url" -f "$here/staff_seed.sql" >/dev/null || die "seeding failed"

# Both answers must carry the seeded data before the storm.
tickets_url="$url/api/v1/tickets/?limit=50"
dashboard_url="$url/api/v1/analytics/dashboard"
first="$(curl -fsS --max-time 5 -H "Authorization: Bearer $token" "$tickets_url")" || die "ticket list failed"
grep -q '"total":1000' <<<"$first" || die "the ticket list does not show the 1,000 seeded tickets: ${first:0:300}"
first="$(curl -fsS --max-time 5 -H "Authorization: Bearer $token" "$dashboard_url")" || die "dashboard failed"
grep -q '"total":200' <<<"$first" || die "the dashboard does not count the 200 seeded conversations: ${first:0:300}"

auth=(-H "Authorization: Bearer $token")

echo "load before the runs: $(uptime | sed 's/.*load average: //') (1/5/15 min), $(nproc) cores;" \
  "wrk -t$threads -c$conns -d$duration, PostgreSQL"
if [[ $quick -eq 0 ]]; then
  wrk_run "$work/warm.txt" -t"$threads" -c"$conns" -d2s "${auth[@]}" "$tickets_url"
fi
wrk_run "$work/health.txt" -t"$threads" -c"$conns" -d"$duration" "$url/health"
wrk_run "$work/tickets.txt" -t"$threads" -c"$conns" -d"$duration" "${auth[@]}" "$tickets_url"
wrk_run "$work/dashboard.txt" -t"$threads" -c"$conns" -d"$duration" "${auth[@]}" "$dashboard_url"

psql -q -v ON_ERROR_STOP=1 -v agents="$agent_list" "$db_url" -f "$here/staff_year.sql" >/dev/null || die "seeding the year failed"
year_url="$dashboard_url?from=$(date -u -d '364 days ago' +%F)&to=$(date -u +%F)"
first="$(curl -fsS --max-time 10 -H "Authorization: Bearer $token" "$year_url")" || die "year dashboard failed"
grep -q '"total":100200' <<<"$first" || die "the year dashboard does not count 100,200 conversations: ${first:0:300}"
wrk_run "$work/year.txt" -t1 -c1 -d"$duration" "${auth[@]}" "$year_url"

declare -A rps p50 p99 total non2xx errs
failed=0
scenarios=(health tickets dashboard year)
for s in "${scenarios[@]}"; do
  line="$(parse_wrk "$work/$s.txt")" || { cat "$work/$s.txt" >&2; die "could not parse wrk output for $s"; }
  read -r rps[$s] p50[$s] p99[$s] total[$s] non2xx[$s] errs[$s] <<<"$line"
  [[ ${total[$s]} -gt 0 ]] || { echo "staffbench.sh: $s completed no request" >&2; failed=1; }
done
declare -A names=([health]="/health alone" [tickets]="GET /tickets/?limit=50" [dashboard]="GET /analytics/dashboard"
                  [year]="dashboard, a year, 1 conn.")
echo
printf '%-28s | %10s | %8s | %8s | %9s | %7s | %8s\n' scenario 'req/s' 'p50 ms' 'p99 ms' requests non-2xx 'sock err'
printf '%-28s-+-%10s-+-%8s-+-%8s-+-%9s-+-%7s-+-%8s\n' '' '' '' '' '' '' '' | tr ' ' '-'
for s in "${scenarios[@]}"; do
  printf '%-28s | %10.1f | %8.2f | %8.2f | %9d | %7d | %8d\n' "${names[$s]}" "${rps[$s]}" "${p50[$s]}" "${p99[$s]}" \
    "${total[$s]}" "${non2xx[$s]}" "${errs[$s]}"
  bad=$((non2xx[$s] + errs[$s]))
  if awk -v b="$bad" -v t="${total[$s]}" 'BEGIN { exit !(t > 0 && b * 100 > t) }'; then
    echo "ERROR: ${names[$s]}: $bad of ${total[$s]} requests were non-2xx or socket errors (> 1 %)"
    failed=1
  fi
done
echo
verdict() { if awk "BEGIN { exit !($1) }"; then echo met; else echo "NOT met"; fi; }
v1="$(verdict "${rps[tickets]} >= 10000")"
v2="$(verdict "${rps[dashboard]} >= 3600")"
v3="$(verdict "${p99[year]} <= 300")"
[[ $quick -eq 1 ]] && echo "targets (--quick: 1-second runs, shown but not judged)" || echo "targets"
printf '  %-46s %-26s %s\n' "tickets/?limit=50 >= 10000 req/s" "$(printf '%.0f/s' "${rps[tickets]}")" "$v1"
printf '  %-46s %-26s %s\n' "dashboard >= 3600 req/s" "$(printf '%.0f/s' "${rps[dashboard]}")" "$v2"
printf '  %-46s %-26s %s\n' "dashboard over a year (100k conv.) p99 <= 300 ms" "$(printf 'p99 %.1f ms' "${p99[year]}")" "$v3"
printf '  %-46s %s\n' "tickets as a share of /health alone" \
  "$(awk -v m="${rps[tickets]}" -v h="${rps[health]}" 'BEGIN { printf "%.1f %%", (h > 0 ? 100 * m / h : 0) }')"
echo "load after the runs: $(uptime | sed 's/.*load average: //')"

[[ $failed -eq 0 ]] || exit 3
if [[ $quick -eq 0 && ( "$v1" != met || "$v2" != met || "$v3" != met ) ]]; then exit 1; fi
exit 0
