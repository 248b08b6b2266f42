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
