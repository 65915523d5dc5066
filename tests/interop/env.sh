# Settings of the DkCloud.Sdk.WebRtc interop harness; sourced by the other scripts.
# Every value can be overridden from the environment. Everything binds to 127.0.0.1.
# Ports differ from the usual 5060/5066 so the harness can run beside another SIP rig.
: "${UA_INTEROP_RUN:=/tmp/dk-ua-interop}"    # run folder: rendered configs, logs, pid files
: "${UA_DOMAIN:=dkcloud.test}"               # SIP domain == digest realm
: "${UA_HOST:=127.0.0.1}"
: "${UA_SIP_UDP_PORT:=5160}"                 # Kamailio, SIP over UDP (for baresip)
: "${UA_SIP_WS_PORT:=5166}"                  # Kamailio, SIP over WebSocket (ws://, path /)
: "${UA_NG_PORT:=2233}"                      # rtpengine ng control
: "${UA_MEDIA_MIN:=32000}"                   # rtpengine media ports
: "${UA_MEDIA_MAX:=32199}"
: "${UA_FAREND_USER:=9000}"                  # baresip far end
: "${UA_FAREND_SIP_PORT:=5170}"
: "${UA_FAREND_RTP_MIN:=33000}"
: "${UA_FAREND_RTP_MAX:=33099}"
: "${UA_FAREND_CTRL_PORT:=4454}"             # baresip ctrl_tcp (netstring JSON)
: "${UA_FAREND_CODECS:=g711}"              # baresip modules of 9000: "g711" (PCMU/PCMA) or e.g. "opus g711"
: "${UA_OPUS_FAREND_USER:=9001}"             # a second baresip far end with Opus enabled
: "${UA_OPUS_FAREND_SIP_PORT:=5172}"
: "${UA_OPUS_FAREND_RTP_MIN:=33100}"
: "${UA_OPUS_FAREND_RTP_MAX:=33199}"
: "${UA_OPUS_FAREND_CTRL_PORT:=4455}"
: "${UA_OPUS_FAREND_CODECS:=opus g711}"       # Opus first: it is what 9001 offers and prefers
: "${UA_TONE_HZ:=1000}"
: "${UA_USERS_FROM:=1001}"                   # users 1001..1010, password pass<user>
: "${UA_USERS_TO:=1012}"
export UA_INTEROP_RUN UA_DOMAIN UA_HOST UA_SIP_UDP_PORT UA_SIP_WS_PORT UA_NG_PORT UA_MEDIA_MIN UA_MEDIA_MAX \
  UA_FAREND_USER UA_FAREND_SIP_PORT UA_FAREND_RTP_MIN UA_FAREND_RTP_MAX UA_FAREND_CTRL_PORT UA_FAREND_CODECS \
  UA_OPUS_FAREND_USER UA_OPUS_FAREND_SIP_PORT UA_OPUS_FAREND_RTP_MIN UA_OPUS_FAREND_RTP_MAX UA_OPUS_FAREND_CTRL_PORT \
  UA_OPUS_FAREND_CODECS UA_TONE_HZ \
  UA_USERS_FROM UA_USERS_TO

ua_pid_alive() { [ -s "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
ua_port_open() {  # ua_port_open tcp|udp PORT
  local flag=-lnt; [ "$1" = udp ] && flag=-lnu
  ss -H "$flag" "src $UA_HOST:$2" 2>/dev/null | grep -q .
}
