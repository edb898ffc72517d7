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

# JDK 17 uses a CDS archive only at the jar path it was made for (ADR 0131). An image that was moved
# or installed from the .deb makes its own archive from the shipped class list, once per user, in
# the background; until it exists the JVM starts without it.
if [ "$(cat "$app/evidence-workbench.jsa.path" 2>/dev/null)" != "$app" ] && [ -f "$app/evidence-workbench.classlist" ]; then
  cache=${XDG_CACHE_HOME:-$HOME/.cache}/evidence-workbench
  jsa=$cache/$(printf '%s' "$app" | cksum | cut -d' ' -f1)-$(stat -c %Y "$app/evidence-workbench.jar").jsa
  if [ ! -f "$jsa" ] && mkdir -p "$cache" 2>/dev/null; then
    (nice "$home/lib/runtime/bin/java" -Xshare:dump -XX:+UseSerialGC \
      -XX:SharedClassListFile="$app/evidence-workbench.classlist" -XX:SharedArchiveFile="$jsa.$$" \
      -cp "$app/evidence-workbench.jar" && mv -f "$jsa.$$" "$jsa") </dev/null >/dev/null 2>&1 &
  fi
  opts=("${opts[@]/#-XX:SharedArchiveFile=*/-XX:SharedArchiveFile=$jsa}")
fi
exec "$home/lib/runtime/bin/java" "${opts[@]}" -cp "$app/evidence-workbench.jar" org.ewb.Launcher "$@"
