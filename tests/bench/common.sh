# Shared by bench.sh and wsbench.sh (sourced, not run): the command line and free loopback ports.

# parse_bench_args NAME HELP_LAST_LINE "$@" → sets $quick (0/1) and $build_dir.
parse_bench_args() {
  local name="$1" help_end="$2"
  shift 2
  quick=0
  build_dir="$repo/build"
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --quick) quick=1; shift ;;
      --build-dir)
        [[ $# -ge 2 ]] || { echo "$name: --build-dir needs a folder" >&2; exit 2; }
        build_dir="$2"; shift 2 ;;
      --build-dir=*) build_dir="${1#*=}"; shift ;;
      -h|--help) sed -n "2,${help_end}p" "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
      *) echo "$name: unknown argument '$1' (usage: $name [--quick] [--build-dir DIR])" >&2; exit 2 ;;
    esac
  done
}

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# free_port → sets $port to a loopback port nobody listens on and this script has not handed out.
used_ports=()
port=""
free_port() {
  local p
  for _ in $(seq 200); do
    p=$((20000 + RANDOM % 12000))
    if ! port_taken "$p" && [[ " ${used_ports[*]:-} " != *" $p "* ]]; then
      used_ports+=("$p"); port="$p"; return 0
    fi
  done
  return 1
}

# parse_wrk FILE (wrk --latency output)
# Prints: req/s p50-ms p99-ms requests non-2xx socket-errors  (or fails if a field is missing)
parse_wrk() {
  awk '
    function ms(v,   n, u) {
      n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
      if (u == "us") return n / 1000
      if (u == "ms") return n
      if (u == "s")  return n * 1000
      if (u == "m")  return n * 60000
      if (u == "h")  return n * 3600000
      return -1
    }
    /^ +50% +[0-9.]+[a-z]+ *$/ { p50 = ms($2) }
    /^ +99% +[0-9.]+[a-z]+ *$/ { p99 = ms($2) }
    /^ +[0-9]+ requests in / { total = $1 }
    /Non-2xx or 3xx responses:/ { non2xx = $NF }
    /Socket errors:/ {
      # Socket errors: connect 0, read 0, write 0, timeout 0
      line = $0; gsub(/,/, "", line); n = split(line, f, " ")
      for (i = 1; i < n; i++) if (f[i] ~ /^(connect|read|write|timeout)$/) errs += f[i + 1]
    }
    /^Requests\/sec:/ { rps = $2 }
    END {
      if (rps == "" || p50 == "" || p99 == "" || total == "" || p50 < 0 || p99 < 0) exit 1
      printf "%s %.3f %.3f %d %d %d\n", rps, p50, p99, total, non2xx + 0, errs + 0
    }' "$1"
}
