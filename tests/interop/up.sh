#!/usr/bin/env bash
# Starts the interop back end of DkCloud.Sdk.WebRtc on 127.0.0.1:
#   Kamailio (registrar with digest, SIP over WebSocket + UDP), rtpengine (WebRTC <-> RTP),
#   baresip as far end 9000 (auto-answer, plays a tone, dials on request over ctrl_tcp) with the codecs of
#   $UA_FAREND_CODECS (G.711), and a second baresip, 9001, with $UA_OPUS_FAREND_CODECS (Opus first).
# Installs missing Debian packages, renders conf/*.in into $UA_INTEROP_RUN, waits until
# everything is ready and prints KEY=VALUE endpoints (also in $UA_INTEROP_RUN/endpoints.env).
# Exit status 1 with the relevant log when something does not come up. Idempotent.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
. "$HERE/env.sh"
RUN="$UA_INTEROP_RUN"

fail() { echo "up.sh: $*" >&2; exit 1; }
note() { echo "up.sh: $*" >&2; }

kamailio_modules() { dpkg -L kamailio 2>/dev/null | sed -n 's#/tm\.so$##p' | grep -m1 /modules || true; }

ensure_packages() {
  local need=0 tool
  for tool in kamailio kamcmd rtpengine baresip sox ss cc; do command -v "$tool" >/dev/null || need=1; done
  local mods; mods="$(kamailio_modules)"
  [ -n "$mods" ] && [ -f "$mods/websocket.so" ] || need=1
  [ -f /usr/lib/baresip/modules/ctrl_tcp.so ] || need=1
  # native Opus for the SDK's codecs (found as libopus.so.0; no -dev package needed)
  [ "$(dpkg-query -W -f='${db:Status-Status}' libopus0 2>/dev/null)" = installed ] || need=1
  [ "$need" = 0 ] && return 0
  [ "$(id -u)" = 0 ] || fail "Debian packages are missing and this is not root"
  note "installing Debian packages"
  # keep the packages' init scripts from starting daemons on all interfaces while installing
  local blocker=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; blocker=1; fi
  local status=0
  { DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      kamailio kamailio-websocket-modules rtpengine-daemon baresip-core sox libsox-fmt-base iproute2 gcc libc6-dev libopus0; } >&2 || status=$?
  [ -n "$blocker" ] && rm -f /usr/sbin/policy-rc.d
  [ "$status" = 0 ] || fail "apt-get failed with status $status"
}

render() {  # render TEMPLATE OUTPUT: replaces {{NAME}} with the value of $NAME
  local text name
  text="$(cat "$1")"
  while [[ "$text" =~ \{\{([A-Z_][A-Z0-9_]*)\}\} ]]; do
    name="${BASH_REMATCH[1]}"
    [ -n "${!name+set}" ] || fail "$1 uses {{$name}}, which has no value"
    text="${text//\{\{$name\}\}/${!name}}"
  done
  printf '%s\n' "$text" > "$2"
}

wait_until() {  # wait_until SECONDS PIDFILE COMMAND...: true once COMMAND succeeds, false on timeout or death
  local deadline=$((SECONDS + $1)) pidfile="$2"; shift 2
  until "$@"; do
    ua_pid_alive "$pidfile" || return 1
    [ "$SECONDS" -lt "$deadline" ] || return 1
    sleep 0.1
  done
}

give_up() {  # give_up WHAT LOG
  echo "up.sh: $1 did not come up; last lines of $2:" >&2
  tail -n 40 "$2" >&2 || true
  "$HERE/down.sh" >&2 || true
  exit 1
}

endpoints() {
  cat <<END
SIP_DOMAIN=$UA_DOMAIN
SIP_WS_URL=ws://$UA_HOST:$UA_SIP_WS_PORT/
SIP_UDP=$UA_HOST:$UA_SIP_UDP_PORT
SIP_USERS=$UA_USERS_FROM-$UA_USERS_TO
SIP_PASSWORD_PATTERN=pass<user>
FAR_END_USER=$UA_FAREND_USER
FAR_END_CTRL=$UA_HOST:$UA_FAREND_CTRL_PORT
FAR_END_CODECS=$UA_FAREND_CODECS
OPUS_FAR_END_USER=$UA_OPUS_FAREND_USER
OPUS_FAR_END_CTRL=$UA_HOST:$UA_OPUS_FAREND_CTRL_PORT
OPUS_FAR_END_CODECS=$UA_OPUS_FAREND_CODECS
OPUS_RECORDING_DIR=$RUN/recordings-opus
RTPENGINE_NG=$UA_HOST:$UA_NG_PORT
LOG_DIR=$RUN/logs
RECORDING_DIR=$RUN/recordings
RUN_DIR=$RUN
END
}

ensure_packages
[ "${1:-}" = "--install-only" ] && exit 0

if ua_pid_alive "$RUN/rtpengine.pid" && ua_pid_alive "$RUN/kamailio.pid" && ua_pid_alive "$RUN/baresip.pid" && ua_pid_alive "$RUN/baresip-opus.pid"; then
  note "already running ($RUN)"
  endpoints
  exit 0
fi
"$HERE/down.sh" >/dev/null 2>&1 || true
for spec in "udp $UA_SIP_UDP_PORT" "tcp $UA_SIP_WS_PORT" "udp $UA_NG_PORT" "udp $UA_FAREND_SIP_PORT" "tcp $UA_FAREND_CTRL_PORT" \
  "udp $UA_OPUS_FAREND_SIP_PORT" "tcp $UA_OPUS_FAREND_CTRL_PORT"; do
  # shellcheck disable=SC2086
  ua_port_open $spec && fail "127.0.0.1 port ${spec#* } (${spec% *}) is taken by another program"
done

mkdir -p "$RUN/logs" "$RUN/baresip"
RECORDINGS_DIR="$RUN/recordings"   # baresip sndfile: dump-*-dec.wav is what 9000 received
mkdir -p "$RECORDINGS_DIR"
KAMAILIO_MODULES="$(kamailio_modules)"
TONE_FILE="$RUN/tone-$UA_TONE_HZ.wav"
[ -s "$TONE_FILE" ] || sox -n -r 8000 -c 1 -b 16 -e signed-integer "$TONE_FILE" synth 300 sine "$UA_TONE_HZ" vol 0.5
PASSWORDS=""
for ((user = UA_USERS_FROM; user <= UA_USERS_TO; user++)); do PASSWORDS+="	\$sht(users=>$user) = \"pass$user\";"$'\n'; done
PASSWORDS+="	\$sht(users=>$UA_FAREND_USER) = \"pass$UA_FAREND_USER\";"$'\n'
PASSWORDS+="	\$sht(users=>$UA_OPUS_FAREND_USER) = \"pass$UA_OPUS_FAREND_USER\";"
render "$HERE/conf/kamailio.cfg.in" "$RUN/kamailio.cfg"
render "$HERE/conf/rtpengine.conf.in" "$RUN/rtpengine.conf"
codec_modules() { local c; for c in $1; do printf 'module\t\t\t%s.so\n' "$c"; done; }
farend_config() {  # farend_config FOLDER USER: accounts and contacts of a baresip far end
  mkdir -p "$1"
  echo "<sip:$2@$UA_DOMAIN>;auth_user=$2;auth_pass=pass$2;answermode=auto;outbound=\"sip:$UA_HOST:$UA_SIP_UDP_PORT;transport=udp\";regint=600" > "$1/accounts"
  : > "$1/contacts"
}
CODEC_MODULES="$(codec_modules "$UA_FAREND_CODECS")"
render "$HERE/conf/baresip.config.in" "$RUN/baresip/config"
farend_config "$RUN/baresip" "$UA_FAREND_USER"
# 9001: the same far end with Opus, on its own ports, recording into recordings-opus/
mkdir -p "$RUN/baresip-opus" "$RUN/recordings-opus"
( UA_FAREND_SIP_PORT="$UA_OPUS_FAREND_SIP_PORT" UA_FAREND_RTP_MIN="$UA_OPUS_FAREND_RTP_MIN" UA_FAREND_RTP_MAX="$UA_OPUS_FAREND_RTP_MAX"
  UA_FAREND_CTRL_PORT="$UA_OPUS_FAREND_CTRL_PORT" RECORDINGS_DIR="$RUN/recordings-opus" CODEC_MODULES="$(codec_modules "$UA_OPUS_FAREND_CODECS")"
  render "$HERE/conf/baresip.config.in" "$RUN/baresip-opus/config" ) || exit 1
farend_config "$RUN/baresip-opus" "$UA_OPUS_FAREND_USER"
kamailio -c -f "$RUN/kamailio.cfg" > "$RUN/logs/kamailio-check.log" 2>&1 || give_up "kamailio.cfg check" "$RUN/logs/kamailio-check.log"

nohup rtpengine --config-file="$RUN/rtpengine.conf" --config-section=rtpengine < /dev/null > "$RUN/logs/rtpengine.log" 2>&1 &
echo $! > "$RUN/rtpengine.pid"
wait_until 15 "$RUN/rtpengine.pid" ua_port_open udp "$UA_NG_PORT" || give_up rtpengine "$RUN/logs/rtpengine.log"

nohup kamailio -DD -E -f "$RUN/kamailio.cfg" -m 64 -M 8 -Y "$RUN" < /dev/null > "$RUN/logs/kamailio.log" 2>&1 &
echo $! > "$RUN/kamailio.pid"
kamailio_ready() { ua_port_open udp "$UA_SIP_UDP_PORT" && ua_port_open tcp "$UA_SIP_WS_PORT" && [ -S "$RUN/kamailio.ctl" ]; }
wait_until 15 "$RUN/kamailio.pid" kamailio_ready || give_up kamailio "$RUN/logs/kamailio.log"
pgrep -P "$(cat "$RUN/kamailio.pid")" > "$RUN/kamailio.children" || true

if [ ! -s "$RUN/loopback-bind.so" ] || [ "$HERE/conf/loopback-bind.c" -nt "$RUN/loopback-bind.so" ]; then
  cc -shared -fPIC -O2 -o "$RUN/loopback-bind.so" "$HERE/conf/loopback-bind.c" -ldl || fail "cannot build conf/loopback-bind.c"
fi
LD_PRELOAD="$RUN/loopback-bind.so" nohup baresip -f "$RUN/baresip" < /dev/null > "$RUN/logs/baresip.log" 2>&1 &
echo $! > "$RUN/baresip.pid"
wait_until 15 "$RUN/baresip.pid" ua_port_open tcp "$UA_FAREND_CTRL_PORT" || give_up baresip "$RUN/logs/baresip.log"
LD_PRELOAD="$RUN/loopback-bind.so" nohup baresip -f "$RUN/baresip-opus" < /dev/null > "$RUN/logs/baresip-opus.log" 2>&1 &
echo $! > "$RUN/baresip-opus.pid"
wait_until 15 "$RUN/baresip-opus.pid" ua_port_open tcp "$UA_OPUS_FAREND_CTRL_PORT" || give_up "baresip (opus)" "$RUN/logs/baresip-opus.log"
registered() { kamcmd -s "unix:$RUN/kamailio.ctl" ul.lookup location "s:$1" 2>/dev/null | grep -q Contact; }
wait_until 15 "$RUN/baresip.pid" registered "$UA_FAREND_USER" || give_up "baresip registration" "$RUN/logs/baresip.log"
wait_until 15 "$RUN/baresip-opus.pid" registered "$UA_OPUS_FAREND_USER" || give_up "baresip (opus) registration" "$RUN/logs/baresip-opus.log"

note "ready ($RUN)"
endpoints | tee "$RUN/endpoints.env"
