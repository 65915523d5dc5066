#!/usr/bin/env bash
# Stops the coturn started by turn-up.sh (by its recorded process id only).
set -euo pipefail
TURN_RUN="${TURN_RUN:-/tmp/dkcloud-turn}"
PID_FILE="$TURN_RUN/turnserver.pid"
[ -f "$PID_FILE" ] || exit 0
pid="$(cat "$PID_FILE")"
if kill -0 "$pid" 2>/dev/null; then
  kill "$pid"
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
fi
rm -f "$PID_FILE" "$TURN_RUN/turn.env" "$TURN_RUN/turn-cert.pem" "$TURN_RUN/turn-key.pem"
