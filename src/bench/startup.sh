#!/usr/bin/env bash
# Start-up benchmark (issue 14, ADR 0131/0132): whole-process wall time, median of RUNS runs after
# one warm-up run, for the launcher of the application image and for `java -jar` side by side.
# Needs `mvn -Pdist -DskipTests package` first; the window rows need Xvfb (the script re-runs itself
# under xvfb-run when there is no DISPLAY). Usage: src/bench/startup.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
runs=${1:-5}
launcher=$repo/target/dist/evidence-workbench/bin/evidence-workbench
jar=$repo/target/evidence-workbench.jar
[ -x "$launcher" ] && [ -f "$jar" ] || { echo "build first: mvn -B -Pdist -DskipTests package" >&2; exit 2; }
if [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null 2>&1; then
  exec xvfb-run -a -s "-screen 0 1600x1000x24" "$0" "$@"
fi

data=${EWB_BENCH_DIR:-/tmp/ewb-startup-bench}
mkdir -p "$data/home"
if [ ! -f "$data/big.csv" ]; then # 10^5 studies: yi ~ N(0.3, 0.05 + vi), vi ~ U(0.01, 0.11)
  awk 'BEGIN { srand(20261121); print "study,yi,vi";
    for (i = 1; i <= 100000; i++) { v = 0.01 + 0.1 * rand();
      z1 = sqrt(-2 * log(1 - rand())) * cos(6.283185307 * rand());
      z2 = sqrt(-2 * log(1 - rand())) * cos(6.283185307 * rand());
      printf "S%d,%.6g,%.6g\n", i, 0.3 + sqrt(0.05) * z1 + sqrt(v) * z2, v } }' >"$data/big.csv"
fi
if [ ! -f "$data/big.ewb" ]; then
  java -jar "$jar" bench-synthetic --out "$data/big.ewb" --studies 5000 >/dev/null
fi

# median wall time in seconds of "$@" (output discarded; a failing run aborts the benchmark)
median() {
  local times=() t0 t1
  HOME=$data/home "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
  for _ in $(seq "$runs"); do
    t0=$(date +%s%N)
    HOME=$data/home "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
    t1=$(date +%s%N)
    times+=($(((t1 - t0) / 1000000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { printf "%.2f", a[int((NR + 1) / 2)] / 1000 }'
}

row() { # label, target, args...
  local label=$1 target=$2
  shift 2
  printf '| %-28s | %6s | %8s | %8s |\n' "$label" "< $target" \
    "$(median "$launcher" "$@")" "$(median java -jar "$jar" "$@")"
}

echo "Evidence Workbench start-up, seconds (median of $runs whole-process runs after a warm-up run)"
echo "$(nproc) cores ($(sed -n "s/^model name[[:space:]]*: //p" /proc/cpuinfo | head -1)), load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
echo
printf '| %-28s | %6s | %8s | %8s |\n' "command" "target" "launcher" "java -jar"
printf '|%s|%s|%s|%s|\n' "------------------------------" "--------" "----------" "----------"
row "--version" 0.3 --version
row "analyze --json, 10^5 rows" 1.0 analyze --csv "$data/big.csv" --measure GEN --model REML --json
row "info, 5,000 studies" 0.5 info "$data/big.ewb"
# the same file touched before each run: quick_check runs again (ADR 0133), as after an edit
touched() { touch "$data/big.ewb" && "$@"; }
printf '| %-28s | %6s | %8s | %8s |\n' "info, 5,000, file changed" "-" \
  "$(median touched "$launcher" info "$data/big.ewb")" "$(median touched java -jar "$jar" info "$data/big.ewb")"
if [ -n "${DISPLAY:-}" ]; then
  export EWB_STARTUP_PROBE=1
  row "window, 5,000-study list" 1.5 gui "$data/big.ewb"
  row "empty window" 1.0 gui
  unset EWB_STARTUP_PROBE
else
  echo "(no DISPLAY and no xvfb-run: window rows left out)"
fi
