#!/usr/bin/env bash
# Stops what up.sh started, by pid file only (a pid is signalled only if it still runs the program up.sh started).
set -uo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
. "$HERE/env.sh"
RUN="$UA_INTEROP_RUN"

stop() {  # stop PID PROGRAM
  local pid="$1" program="$2" tries
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$program" ] || { echo "down.sh: $pid is not $program any more, left alone" >&2; return 0; }
  kill -TERM "$pid" 2>/dev/null
  for ((tries = 0; tries < 50; tries++)); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null
}

for name in baresip baresip-opus kamailio rtpengine; do
  if [ -f "$RUN/$name.pid" ]; then
    stop "$(cat "$RUN/$name.pid")" "${name%%-*}"
    rm -f "$RUN/$name.pid"
  fi
done
if [ -f "$RUN/kamailio.children" ]; then
  while read -r child; do stop "$child" kamailio; done < "$RUN/kamailio.children"
  rm -f "$RUN/kamailio.children"
fi
rm -f "$RUN/kamailio.ctl"
echo "down.sh: stopped ($RUN)"
