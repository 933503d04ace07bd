#!/bin/sh
# What a resident `medic daemon` costs per check execution, against Monit running the same
# checks at the same interval: CPU time per check, and the daemon's memory. Prints median, min
# and max over several runs of each.
#
#   ./mvnw -B -DskipTests package          # the distribution and the built-in packages
#   apt-get install -y monit               # Debian's Monit (this script installs nothing)
#   framework/medic-benchmarks/daemon-cost.sh [RUNS]
#
# Needs: monit, python3 (standard library: the listener and the SQLite count, in
# daemon-cost-helper.py), Java 17, Linux /proc. Settings, from the environment:
#   COUNTS="50 200"   checks per daemon: half TCP ports, a quarter paths, a quarter fresh files
#   INTERVAL=5        seconds between runs of each check, for both tools
#   WARMUP=30         seconds after the start before measuring
#   CYCLES=24         intervals measured (the window is CYCLES × INTERVAL seconds); Monit uses
#                     so little CPU that a shorter window leaves it a handful of clock ticks
#   MEDIC_JAVA_OPTS   passed to bin/medic, like any other start
#
# Everything happens in a temporary directory and on 127.0.0.1: one listener (started here)
# that accepts and closes connections and counts them; N/2 TCP checks against it, N/4 "path
# exists and is a regular file" checks and N/4 "file modified within 1h" checks.
#   Monit:  `set daemon INTERVAL`; `check host … if failed port P`, `check file …` (with
#           `if timestamp > 1 hour` for the fresh ones); run as `monit -I -c monitrc`.
#   Medic:  the network package's `tcp:`, the system package's `paths:` and `fresh-files:`,
#           `interval: INTERVALs`, `daemon: splay: 0s`; `bin/medic daemon`, private state dir.
# Each run starts one daemon, waits WARMUP seconds, then measures over the window:
#   CPU     utime+stime+cutime+cstime of the daemon's process (/proc/PID/stat fields 14-17),
#           all threads included, in clock ticks (1/CLK_TCK s); as a finer cross-check, the
#           nanoseconds on CPU (/proc/PID/task/TID/schedstat) of the threads alive at both ends
#           of the window: all of Monit's CPU (one thread), and Medic's long-lived threads
#           (scheduler, pool, compiler, GC) without the threads that each run starts and ends;
#   checks  Medic: rows of check_results in the history whose started_at falls in the window;
#           Monit: cycles × N, the cycles being the connections the listener accepted in the
#           window ÷ N/2 (each Monit cycle connects once per TCP check);
#   memory  VmRSS (/proc/PID/status) and Pss (/proc/PID/smaps_rollup) at the end of the window.
# The tools run one at a time, alternating, never side by side.
set -eu
runs=${1:-3}
counts=${COUNTS:-50 200}
interval=${INTERVAL:-5}
warmup=${WARMUP:-30}
cycles=${CYCLES:-24}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
helper="$here/daemon-cost-helper.py"

# The distribution as ./mvnw package unpacks it: framework/medic-dist/target/medic-<version>/.
dist=$(ls -dt "$root"/framework/medic-dist/target/medic-*/ 2>/dev/null | head -n 1)
dist=${dist%/}
network=$(ls "$root"/packages/build/medic-package-network-*.jar 2>/dev/null | head -n 1)
system=$(ls "$root"/packages/build/medic-package-system-*.jar 2>/dev/null | head -n 1)
missing=""
if [ -z "$dist" ] || [ ! -x "$dist/bin/medic" ] || [ -z "$network" ] || [ -z "$system" ]; then
  missing="$missing
  the distribution and packages/build/*.jar: ./mvnw -B -DskipTests package"
fi
command -v monit >/dev/null 2>&1 || missing="$missing
  monit: apt-get install -y monit"
command -v python3 >/dev/null 2>&1 || missing="$missing
  python3: apt-get install -y python3"
[ -r /proc/self/smaps_rollup ] || missing="$missing
  Linux with /proc/PID/smaps_rollup (4.14 or later)"
if [ -n "$missing" ]; then
  echo "daemon-cost.sh needs:$missing" >&2
  exit 2
fi

work=$(mktemp -d)
daemon_pid=""
listener_pid=""
cleanup() {
  if [ -n "$daemon_pid" ]; then stop_daemon; fi
  if [ -n "$listener_pid" ]; then kill "$listener_pid" 2>/dev/null || true; wait "$listener_pid" 2>/dev/null || true; fi
  if [ -n "${KEEP:-}" ]; then echo "kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

millis() { date +%s%N | cut -c1-13; }

# SIGTERM, then up to 60 s for a clean stop (Medic's shutdown grace is 30 s), then SIGKILL.
stop_daemon() {
  kill "$daemon_pid" 2>/dev/null || true
  waited=0
  while kill -0 "$daemon_pid" 2>/dev/null && [ "$waited" -lt 600 ]; do sleep 0.1; waited=$((waited + 1)); done
  kill -9 "$daemon_pid" 2>/dev/null || true
  wait "$daemon_pid" 2>/dev/null || true
  daemon_pid=""
}

# utime + stime + cutime + cstime, in clock ticks. The fields are counted after "(comm) ",
# so field 14 is the 12th.
cpu_ticks() { sed 's/.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 + $14 + $15 }'; }
# "TID nanoseconds-on-CPU" for each thread of a process.
thread_ns() {
  for stat in "/proc/$1"/task/*/schedstat; do
    tid=${stat%/schedstat}; tid=${tid##*/}
    read -r ns rest < "$stat" 2>/dev/null && echo "$tid $ns"
  done
}
accepted() { python3 "$helper" count "$control_port"; }

python3 "$helper" listen "$work/ports" &
listener_pid=$!
waited=0
while [ ! -s "$work/ports" ]; do
  [ "$waited" -lt 100 ] || { echo "the listener did not start" >&2; exit 1; }
  sleep 0.1; waited=$((waited + 1))
done
read -r port control_port < "$work/ports"

# A copy of the distribution, so that a rebuild while this runs changes nothing under it.
cp -R "$dist" "$work/dist"
dist="$work/dist"

# setup N: the files and both configurations for N checks, in $work/N.
setup() {
  n=$1; dir="$work/$n"
  tcp=$((n / 2)); paths=$((n / 4)); fresh=$((n - tcp - paths))
  mkdir -p "$dir/files" "$dir/packages"
  cp "$network" "$system" "$dir/packages/"
  {
    echo "set daemon $interval"
    echo "set logfile $dir/monit.log"
    echo "set pidfile $dir/monit.pid"
    echo "set idfile $dir/monit.id"
    echo "set statefile $dir/monit.state"
  } > "$dir/monitrc"
  {
    echo "state-dir: state"
    echo "packages-dir: packages"
    echo "defaults:"
    echo "  interval: ${interval}s"
    echo "daemon:"
    echo "  splay: 0s"
    echo "packages:"
    echo "  network:"
    echo "    settings:"
    echo "      tcp:"
  } > "$dir/medic.yml"
  i=1
  while [ "$i" -le "$tcp" ]; do
    printf 'check host tcp-%d with address 127.0.0.1\n  if failed port %d then alert\n' "$i" "$port" >> "$dir/monitrc"
    printf '        - {name: tcp-%d, host: 127.0.0.1, port: %d}\n' "$i" "$port" >> "$dir/medic.yml"
    i=$((i + 1))
  done
  printf '  system:\n    settings:\n      paths:\n' >> "$dir/medic.yml"
  i=1
  while [ "$i" -le "$paths" ]; do
    : > "$dir/files/path-$i"
    printf 'check file path-%d with path %s\n' "$i" "$dir/files/path-$i" >> "$dir/monitrc"
    printf '        - {name: path-%d, path: %s, type: file}\n' "$i" "$dir/files/path-$i" >> "$dir/medic.yml"
    i=$((i + 1))
  done
  printf '      fresh-files:\n' >> "$dir/medic.yml"
  i=1
  while [ "$i" -le "$fresh" ]; do
    : > "$dir/files/fresh-$i"
    printf 'check file fresh-%d with path %s\n  if timestamp > 1 hour then alert\n' "$i" "$dir/files/fresh-$i" >> "$dir/monitrc"
    printf '        - {name: fresh-%d, path: %s, max-age: 1h}\n' "$i" "$dir/files/fresh-$i" >> "$dir/medic.yml"
    i=$((i + 1))
  done
  chmod 600 "$dir/monitrc"
  monit -t -c "$dir/monitrc" >/dev/null
}

# measure TOOL N RUN: one daemon, warmed up, measured over the window; appends
# "TOOL N checks ticks window-ms rss-kB pss-kB" to $work/results.
measure() {
  tool=$1; n=$2; run=$3; dir="$work/$n"; tcp=$((n / 2))
  rm -rf "$dir/state" "$dir/cache" "$dir/monit.state" "$dir/monit.log" "$dir/monit.pid"
  case $tool in
    monit) monit -I -c "$dir/monitrc" > "$dir/monit.out" 2>&1 & ;;
    medic) MEDIC_CACHE_DIR="$dir/cache" "$dist/bin/medic" daemon --config "$dir/medic.yml" \
             > "$dir/medic.out" 2> "$dir/medic.err" & ;;
  esac
  daemon_pid=$!
  sleep "$warmup"
  if ! kill -0 "$daemon_pid" 2>/dev/null; then
    echo "$tool with $n checks stopped during the warm-up:" >&2
    tail -n 20 "$dir/$tool.out" "$dir/$tool.err" "$dir/monit.log" 2>/dev/null >&2
    exit 1
  fi
  a0=$(accepted); thread_ns "$daemon_pid" > "$work/threads0"; c0=$(cpu_ticks "$daemon_pid"); t0=$(millis)
  sleep $((cycles * interval))
  c1=$(cpu_ticks "$daemon_pid"); t1=$(millis); thread_ns "$daemon_pid" > "$work/threads1"; a1=$(accepted)
  # Nanoseconds on CPU of the threads alive at both ends of the window.
  lived=$(awk 'NR == FNR { before[$1] = $2; next } $1 in before { sum += $2 - before[$1] } END { printf "%d", sum / 1e6 }' \
    "$work/threads0" "$work/threads1")
  rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$daemon_pid/status")
  pss=$(awk '/^Pss:/ { print $2 }' "/proc/$daemon_pid/smaps_rollup")
  stop_daemon
  connections=$((a1 - a0))
  if [ "$tool" = medic ]; then
    read -r checks unhealthy <<EOF
$(python3 "$helper" rows "$dir/state/medic.db" "$t0" "$t1")
EOF
    [ "$unhealthy" -eq 0 ] || echo "warning: medic, $n checks, run $run: $unhealthy results not HEALTHY in the window" >&2
  else
    checks=$(awk -v a="$connections" -v t="$tcp" -v n="$n" 'BEGIN { printf "%d", a / t * n + 0.5 }')
    failed=$(grep -c ' error ' "$dir/monit.log" 2>/dev/null || true)
    [ "${failed:-0}" -eq 0 ] || echo "warning: monit, $n checks, run $run: $failed errors in monit.log" >&2
  fi
  echo "$tool $n $checks $((c1 - c0)) $((t1 - t0)) $rss $pss $lived" >> "$work/results"
  printf '  run %s: %-5s N=%-4s %6s checks %5s ticks (long-lived threads %s ms) in %s ms, %s TCP connections, RSS %s kB, PSS %s kB\n' \
    "$run" "$tool" "$n" "$checks" "$((c1 - c0))" "$lived" "$((t1 - t0))" "$connections" "$rss" "$pss" >&2
}

# stats: reads numbers, one a line; prints "median min max".
stats() {
  sort -n | awk '{ v[NR] = $1 } END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; print m, v[1], v[NR] }'
}

hz=$(getconf CLK_TCK)
for n in $counts; do setup "$n"; done
total=0; for n in $counts; do total=$((total + 1)); done
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "daemon cost per check: $runs runs of each; interval ${interval}s, warm-up ${warmup}s, window ${cycles} intervals;" \
  "about $(( (warmup + cycles * interval + 5) * 2 * total * runs / 60 )) min" >&2
: > "$work/results"
run=1
while [ "$run" -le "$runs" ]; do
  for n in $counts; do
    measure monit "$n" "$run"
    measure medic "$n" "$run"
  done
  run=$((run + 1))
done

echo
echo "$(nproc) cores, $(grep -m 1 'model name' /proc/cpuinfo | sed 's/.*: //'); $(java -version 2>&1 | head -n 1);" \
  "$(monit -V | head -n 1)"
echo "load average $load_before before, $(cut -d' ' -f1-3 /proc/loadavg) after"
echo "$runs runs each; every ${interval}s; window ${cycles} intervals after ${warmup}s;" \
  "CPU = utime+stime(+children), ${hz} ticks/s; median (min-max)"
printf '%-6s %5s %14s %22s %16s %12s %22s %10s\n' tool N "checks/window" "CPU us/check" "long-lived thr." \
  "CPU % core" "RSS MB" "PSS MB"
for n in $counts; do
  for tool in monit medic; do
    awk -v t="$tool" -v n="$n" '$1 == t && $2 == n' "$work/results" > "$work/rows"
    set -- $(awk -v hz="$hz" '{ printf "%.1f\n", $4 * 1e6 / hz / $3 }' "$work/rows" | stats)
    per_check="$1 ($2-$3)"
    echo "$1" > "$work/median-$tool-$n"
    checks=$(awk '{ print $3 }' "$work/rows" | stats | awk '{ print $1 }')
    core=$(awk -v hz="$hz" '{ printf "%.2f\n", $4 / hz / ($5 / 1000) * 100 }' "$work/rows" | stats | awk '{ print $1 }')
    set -- $(awk '{ printf "%.1f\n", $6 / 1024 }' "$work/rows" | stats)
    rss="$1 ($2-$3)"
    echo "$1" > "$work/rss-$tool-$n"
    pss=$(awk '{ printf "%.1f\n", $7 / 1024 }' "$work/rows" | stats | awk '{ print $1 }')
    lived=$(awk '{ printf "%.1f\n", $8 * 1000 / $3 }' "$work/rows" | stats | awk '{ print $1 }')
    printf '%-6s %5s %14s %22s %16s %12s %22s %10s\n' "$tool" "$n" "$checks" "$per_check" "$lived" "$core" "$rss" "$pss"
  done
done
for n in $counts; do
  awk -v n="$n" -v c="$(cat "$work/median-medic-$n")" -v m="$(cat "$work/median-monit-$n")" \
      -v rc="$(cat "$work/rss-medic-$n")" -v rm="$(cat "$work/rss-monit-$n")" \
      'BEGIN { printf "N=%s: medic / monit = %.1f x CPU per check, %.0f x RSS\n", n, (m > 0 ? c / m : 0), (rm > 0 ? rc / rm : 0) }'
done
