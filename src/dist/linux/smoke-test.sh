#!/usr/bin/env bash
# Smoke test of the Linux application image (issue 14): the launcher answers --version, reads a
# sample project, analyses a small CSV, and gives the documented exit codes (0 fine, 2 file error).
# Usage: src/dist/linux/smoke-test.sh [IMAGE_DIR]   (default target/dist/evidence-workbench)
set -euo pipefail
cd "$(dirname "$0")/../../.."
image=${1:-target/dist/evidence-workbench}
bin=$image/bin/evidence-workbench
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "smoke test FAILED: $*" >&2; exit 1; }

expect() { # expected-exit-code, output-file, args...
  local want=$1 out=$2 got=0
  shift 2
  "$bin" "$@" >"$out" 2>&1 || got=$?
  [ "$got" = "$want" ] || { cat "$out" >&2; fail "'$*' exited $got, expected $want"; }
}

[ -x "$bin" ] || fail "no launcher at $bin (run mvn -B -Pdist -DskipTests package)"
[ -f "$image/lib/app/evidence-workbench.classlist" ] || fail "no CDS class list in the image"
if [ "$image" = target/dist/evidence-workbench ]; then
  [ -f "$image/lib/app/evidence-workbench.jsa" ] || fail "no AppCDS archive in the image"
fi

expect 0 "$work/version" --version
grep -q '^Evidence Workbench ' "$work/version" || fail "--version printed: $(cat "$work/version")"

cp sample-projects/bcg-vaccine.ewb "$work/bcg.ewb"
expect 0 "$work/info" info "$work/bcg.ewb"
grep -q 'BCG vaccine' "$work/info" || fail "info does not name the project"
grep -qi 'warning\|error' "$work/info" && fail "info printed a warning: $(cat "$work/info")"

printf '%s\n' study,yi,vi A,-0.89,0.033 B,-1.59,0.19 C,-1.35,0.42 D,-1.44,0.02 E,-0.22,0.05 >"$work/s.csv"
expect 0 "$work/analyze" analyze --csv "$work/s.csv" --measure GEN --model REML --json
grep -q '"k" *: *5' "$work/analyze" || fail "analyze --json did not report k = 5: $(head -c 400 "$work/analyze")"

expect 2 "$work/missing" info "$work/no-such-file.ewb"
expect 2 "$work/usage" no-such-command

ls /tmp/sqlite-*-libsqlitejdbc.so 2>/dev/null >"$work/before" || true
expect 0 "$work/info2" info "$work/bcg.ewb"
ls /tmp/sqlite-*-libsqlitejdbc.so 2>/dev/null >"$work/after" || true
cmp -s "$work/before" "$work/after" || echo "note: a sqlite library appeared in /tmp (another process, or not shipped)"

echo "smoke test passed: $("$bin" --version)"
