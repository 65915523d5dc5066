#!/usr/bin/env bash
# Starts coturn (Debian package "coturn") on 127.0.0.1 for the TURN interop tests of DkCloud.Sdk.WebRtc:
# long-term credentials u:p in realm dkcloud.test, UDP only (no TLS/DTLS), relay ports on 127.0.0.1, and
# loopback peers allowed (coturn refuses to relay to 127.0.0.0/8 unless --allow-loopback-peers is given).
# Prints TURN_SERVER=127.0.0.1:PORT (also written to $TURN_RUN/turn.env). Idempotent; stop with turn-down.sh.
set -euo pipefail
TURN_RUN="${TURN_RUN:-/tmp/dkcloud-turn}"
TURN_PORT="${TURN_PORT:-34780}"
TURN_MIN_PORT="${TURN_MIN_PORT:-49160}"
TURN_MAX_PORT="${TURN_MAX_PORT:-49260}"
mkdir -p "$TURN_RUN"

fail() { echo "turn-up.sh: $*" >&2; [ -f "$TURN_RUN/turnserver.log" ] && tail -n 30 "$TURN_RUN/turnserver.log" >&2; exit 1; }

if ! command -v turnserver >/dev/null; then
  [ "$(id -u)" = 0 ] || fail "coturn is not installed and this is not root"
  blocker=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; blocker=1; fi
  status=0
  { DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends coturn; } >&2 || status=$?
  [ -n "$blocker" ] && rm -f /usr/sbin/policy-rc.d
  [ "$status" = 0 ] || fail "apt-get install coturn failed with status $status"
fi

listening() { ss -Hlun "sport = :$TURN_PORT" 2>/dev/null | grep -q .; }

if [ -f "$TURN_RUN/turnserver.pid" ] && kill -0 "$(cat "$TURN_RUN/turnserver.pid")" 2>/dev/null && listening; then
  echo "TURN_SERVER=127.0.0.1:$TURN_PORT"
  exit 0
fi

listening && fail "UDP port $TURN_PORT is taken by another process"
: > "$TURN_RUN/turnserver.log"
turnserver -n \
  --listening-ip 127.0.0.1 --relay-ip 127.0.0.1 --listening-port "$TURN_PORT" \
  --min-port "$TURN_MIN_PORT" --max-port "$TURN_MAX_PORT" \
  --lt-cred-mech --user u:p --realm dkcloud.test \
  --no-tls --no-dtls --no-tcp-relay --no-cli --allow-loopback-peers \
  --fingerprint --no-software-attribute \
  --pidfile "$TURN_RUN/turnserver.pid" --log-file "$TURN_RUN/turnserver.log" --simple-log \
  >/dev/null 2>&1 &
echo $! > "$TURN_RUN/turnserver.pid"

for _ in $(seq 1 50); do
  listening && break
  kill -0 "$(cat "$TURN_RUN/turnserver.pid")" 2>/dev/null || fail "turnserver exited"
  sleep 0.1
done
listening || fail "turnserver does not listen on 127.0.0.1:$TURN_PORT"
echo "TURN_SERVER=127.0.0.1:$TURN_PORT" | tee "$TURN_RUN/turn.env"
