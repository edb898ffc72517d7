#!/usr/bin/env bash
# A manual check of the real window at full typing speed (xdotool --delay 0), from a file made by `new`.
# Run from the repo after `mvn -q -B package -DskipTests`:
#   rm -f /tmp/xd.ewb; java -jar target/evidence-workbench.jar new /tmp/xd.ewb --title t
#   xvfb-run -a -s "-screen 0 1600x1000x24" bash src/test/manual/xdotool-review.sh
# then read the file (info --json, or sqlite3). The click positions fit a 1600x1000 screen with the
# window at its default size and Noto Sans CJK; on another screen, take a screenshot and adjust them.
java -jar target/evidence-workbench.jar gui /tmp/xd.ewb & P=$!
sleep 14
t() { xdotool type --delay 0 "$1"; }
k() { xdotool key --delay 0 "$@"; }
xdotool mousemove 547 98 click 1; sleep 1.5
t 'Hu 2013'; k Return; sleep 1
xdotool mousemove 547 98 click 1; sleep 1.5
t 'Zhang 2016'; k Return; sleep 1
xdotool mousemove 630 155 click 1
t 2013; k Tab; t China; k Tab; t RCT; k Return; t 2016; k Tab; t China; k Tab; t RCT; k Return
sleep 1
xdotool mousemove 120 98 click 1; sleep 2
t 'HbA1c'; k Return; sleep 2
xdotool mousemove 810 98 click 1; sleep 1.5
t 12; k Return; sleep 1.5
import -window root /tmp/xd7.png
xdotool mousemove 630 182 click 1
t MSC; k Return; t UC-MSC; k Return; sleep 1
xdotool mousemove 520 182 click 1; sleep 0.5
xdotool mousemove 1183 98 click 1; sleep 1.5
t Control; k Return; sleep 1
xdotool mousemove 520 234 click 1; sleep 0.5
xdotool mousemove 1183 98 click 1; sleep 1.5
t Placebo; k Return; sleep 1
import -window root /tmp/xd8.png
xdotool mousemove 921 182 click 1
t 22; k Tab; t 8.65; k Tab; t 1.35; k Return
t 20; k Tab; t 8.94; k Tab; t 1.1; k Return
t 30; k Tab; t 7.45; k Tab; t 0.87; k Return
t 28; k Tab; t 6.88; k Tab; t 0.82; k Return
sleep 1.5
import -window root /tmp/xd9.png
kill $P
