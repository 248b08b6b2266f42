#!/usr/bin/env bash
# The customer chat under load on PostgreSQL: POST /api/v1/chat/start and POST /api/v1/chat/message
# (local provider, reply cache off, so every message is stored, retrieved against and answered),
# with steady /health traffic measured beside each run to show the event loop never blocks.
#
#   tests/bench/chatbench.sh [--quick] [--build-dir DIR]
#
# Needs JOXAI_TEST_PG_URL (an admin URL of a PostgreSQL cluster, as tests/run.sh exports it):
# a throwaway database is created on it and dropped afterwards.
#
# Scenarios (wrk --latency, BENCH_CONNECTIONS=32 connections):
#   /health alone            the same server's ceiling for a trivial route, for the ratio
#   chat/start               a new conversation per request (en/fr alternating)
#   chat/message             everyday questions over BENCH_CONVERSATIONS (200) conversations
#   /health during each      health_probe.lua beside each chat run (10 connections, 10 ms pause)
#
# Targets (normal mode only; --quick runs 1 s per scenario and only checks that everything works):
#   chat/message >= 3,000 req/s with p99 <= 20 ms; chat/start >= 5,000 req/s;
#   /health p99 <= 10 ms during both. More than 1 % non-2xx or socket errors fails every mode.
#
# Exit status: 0 ok, 1 a target not met (normal mode), 2 usage, 3 could not start/run/parse.

set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

# shellcheck source=tests/bench/common.sh
source "$here/common.sh"
# shellcheck source=tests/bench/pgserver.sh
source "$here/pgserver.sh"
parse_bench_args chatbench.sh 21 "$@"

conns="${BENCH_CONNECTIONS:-32}"
threads="${BENCH_THREADS:-2}"
conversations="${BENCH_CONVERSATIONS:-200}"
if [[ $quick -eq 1 ]]; then duration="${BENCH_DURATION:-1s}"; else duration="${BENCH_DURATION:-10s}"; fi

pg_bench_setup chatbench.sh
start_pg_joxai JOXAI_RATE_LIMIT_CHAT=0 JOXAI_RATE_LIMIT_CHAT_START=0 JOXAI_AI_CACHE_SECONDS=0 AI_PROVIDER=local

# The conversations the message scenario talks in, half English, half French.
: >"$work/conversations.txt"
for i in $(seq "$conversations"); do
  lang=en; [[ $((i % 2)) -eq 0 ]] && lang=fr
  body="$(curl -fsS --max-time 5 -H 'Content-Type: application/json' -d "{\"language\":\"$lang\"}" \
    "$url/api/v1/chat/start")" || die "could not start conversation $i"
  id="$(sed -n 's/.*"conversation_id":"\([^"]*\)".*/\1/p' <<<"$body")"
  token="$(sed -n 's/.*"session_token":"\([^"]*\)".*/\1/p' <<<"$body")"
  [[ -n "$id" && -n "$token" ]] || die "unexpected answer to chat/start: $body"
  echo "$id $token $lang" >>"$work/conversations.txt"
done
# One real exchange must succeed (and answer from the knowledge base) before the storm.
read -r first_id first_token _ <"$work/conversations.txt"
answer="$(curl -fsS --max-time 5 -H 'Content-Type: application/json' -H "X-Session-Token: $first_token" \
  -d "{\"conversation_id\":\"$first_id\",\"message\":\"What are your opening hours?\"}" "$url/api/v1/chat/message")" \
  || die "chat/message failed"
grep -q '"sources":\[{' <<<"$answer" || die "chat/message answered without sources: $answer"

with_probe() { # name wrk-args...  (runs the scenario with the /health probe beside it)
  local name="$1" rc=0 probe; shift
  wrk --latency -t1 -c10 -d"$duration" -s "$here/health_probe.lua" "$url/health" -- 10 >"$work/probe-$name.txt" 2>&1 &
  probe=$!
  pids+=("$probe")
  wrk_run "$work/$name.txt" "$@"
  wait "$probe" || rc=$?
  pids=("$joxai_pid")
  [[ $rc -eq 0 ]] || { cat "$work/probe-$name.txt" >&2; die "the /health probe beside $name failed"; }
  kill -0 "$joxai_pid" 2>/dev/null || { cat "$work/joxai.log" >&2; die "joxai-server died during $name"; }
}

echo "load before the runs: $(uptime | sed 's/.*load average: //') (1/5/15 min), $(nproc) cores;" \
  "wrk -t$threads -c$conns -d$duration, $conversations conversations, PostgreSQL"
if [[ $quick -eq 0 ]]; then
  wrk_run "$work/warm.txt" -t"$threads" -c"$conns" -d2s -s "$here/chat_message.lua" "$url/api/v1/chat/message" \
    -- "$work/conversations.txt"
fi
wrk_run "$work/health.txt" -t"$threads" -c"$conns" -d"$duration" "$url/health"
with_probe start -t"$threads" -c"$conns" -d"$duration" -s "$here/chat_start.lua" "$url/api/v1/chat/start"
with_probe message -t"$threads" -c"$conns" -d"$duration" -s "$here/chat_message.lua" "$url/api/v1/chat/message" \
  -- "$work/conversations.txt"

declare -A rps p50 p99 total non2xx errs
failed=0
scenarios=(health start probe-start message probe-message)
for s in "${scenarios[@]}"; do
  line="$(parse_wrk "$work/$s.txt")" || { cat "$work/$s.txt" >&2; die "could not parse wrk output for $s"; }
  read -r rps[$s] p50[$s] p99[$s] total[$s] non2xx[$s] errs[$s] <<<"$line"
  [[ ${total[$s]} -gt 0 ]] || { echo "chatbench.sh: $s completed no request" >&2; failed=1; }
done
declare -A names=([health]="/health alone" [start]="POST /chat/start" [probe-start]="/health during chat/start"
                  [message]="POST /chat/message" [probe-message]="/health during chat/message")
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
v1="$(verdict "${rps[message]} >= 3000 && ${p99[message]} <= 20")"
v2="$(verdict "${rps[start]} >= 5000")"
v3="$(verdict "${p99[probe-start]} <= 10 && ${p99[probe-message]} <= 10")"
[[ $quick -eq 1 ]] && echo "targets (--quick: 1-second runs, shown but not judged)" || echo "targets"
printf '  %-46s %-26s %s\n' "chat/message >= 3000 req/s, p99 <= 20 ms" \
  "$(printf '%.0f/s, p99 %.2f ms' "${rps[message]}" "${p99[message]}")" "$v1"
printf '  %-46s %-26s %s\n' "chat/start >= 5000 req/s" "$(printf '%.0f/s' "${rps[start]}")" "$v2"
printf '  %-46s %-26s %s\n' "/health p99 <= 10 ms during both" \
  "$(printf '%.2f / %.2f ms' "${p99[probe-start]}" "${p99[probe-message]}")" "$v3"
printf '  %-46s %s\n' "chat/message as a share of /health alone" \
  "$(awk -v m="${rps[message]}" -v h="${rps[health]}" 'BEGIN { printf "%.1f %%", (h > 0 ? 100 * m / h : 0) }')"
echo "load after the runs: $(uptime | sed 's/.*load average: //')"

[[ $failed -eq 0 ]] || exit 3
if [[ $quick -eq 0 && ( "$v1" != met || "$v2" != met || "$v3" != met ) ]]; then exit 1; fi
exit 0
