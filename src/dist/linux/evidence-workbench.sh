#!/bin/bash
# Launcher of the Linux application image (ADR 0130). It replaces jpackage's native launcher, which
# in JDK 17 runs `rpm -qf` and `dpkg -S` on itself at every start (about 0.3 s here). It starts the
# image's runtime with the options of lib/app/evidence-workbench.cfg, the file jpackage wrote, so
# the options are kept in one place.
self=$(readlink -f "${BASH_SOURCE[0]}")
home=${self%/bin/*}
app=$home/lib/app
opts=()
while IFS= read -r line; do
  case $line in
    java-options=*) opts+=("${line#java-options=}") ;;
  esac
done <"$app/evidence-workbench.cfg"
opts=("${opts[@]//\$APPDIR/$app}")
exec "$home/lib/runtime/bin/java" "${opts[@]}" -cp "$app/evidence-workbench.jar" org.ewb.Launcher "$@"
