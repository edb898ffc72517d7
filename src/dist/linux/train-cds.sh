#!/usr/bin/env bash
# Makes the AppCDS archive of the application image (ADR 0131): runs short training commands with
# the image's own runtime and class path, records the classes they load, and dumps them into
# IMAGE/lib/app/evidence-workbench.jsa, which the launcher names in -XX:SharedArchiveFile, and keeps
# the class list (evidence-workbench.classlist) for images that are moved or installed elsewhere.
# Usage: train-cds.sh IMAGE_DIR REPO_DIR
set -euo pipefail
image=$1
repo=$2
app="$image/lib/app"
java="$image/lib/runtime/bin/java"
jar="$app/evidence-workbench.jar"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
opts=(-XX:+UseSerialGC -Dorg.sqlite.lib.path="$app/native" -Dorg.sqlite.lib.name=libsqlitejdbc.so -cp "$jar")

run() { # name, args...
  local name=$1
  shift
  "$java" -Xshare:off -XX:DumpLoadedClassList="$work/$name.lst" "${opts[@]}" org.ewb.Launcher "$@" \
    >"$work/$name.out" 2>&1 || { echo "training run '$name' failed:"; cat "$work/$name.out"; exit 1; }
}

printf '%s\n' study,yi,vi s1,-0.9,0.03 s2,-1.6,0.05 s3,-1.4,0.1 s4,-0.2,0.01 s5,0.01,0.06 >"$work/small.csv"
cp "$repo/sample-projects/bcg-vaccine.ewb" "$work/sample.ewb"
run version --version
run info info "$work/sample.ewb"
run infojson info "$work/sample.ewb" --json
run analyze analyze --csv "$work/small.csv" --measure GEN --model REML --json
run validate validate "$work/sample.ewb"
if command -v xvfb-run >/dev/null 2>&1 && [ -z "${EWB_CDS_NO_GUI:-}" ]; then
  # the window, up to its first frame (the start-up probe exits there)
  EWB_STARTUP_PROBE=1 HOME="$work" xvfb-run -a -s "-screen 0 1600x1000x24" \
    "$java" -Xshare:off -XX:DumpLoadedClassList="$work/gui.lst" "${opts[@]}" org.ewb.Launcher \
    gui "$work/sample.ewb" >"$work/gui.out" 2>&1 || echo "warning: GUI training run failed (archive without window classes)"
else
  echo "no xvfb-run: archive without the window's classes"
fi
cat "$work"/*.lst | sort -u >"$work/all.lst"
"$java" -Xshare:dump -XX:+UseSerialGC -XX:SharedClassListFile="$work/all.lst" \
  -XX:SharedArchiveFile="$app/evidence-workbench.jsa" -cp "$jar" >"$work/dump.out" 2>&1 \
  || { cat "$work/dump.out"; exit 1; }
# the class list ships too: a moved or installed image makes its own archive from it (launcher)
cp "$work/all.lst" "$app/evidence-workbench.classlist"
printf '%s' "$app" >"$app/evidence-workbench.jsa.path"
echo "AppCDS archive: $(du -h "$app/evidence-workbench.jsa" | cut -f1), $(wc -l <"$work/all.lst") classes listed"
