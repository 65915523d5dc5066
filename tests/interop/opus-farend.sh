#!/usr/bin/env bash
# farend.sh for the Opus far end (9001): sends one ctrl_tcp command to it and prints its JSON reply.
#   opus-farend.sh dial sip:1001@dkcloud.test | opus-farend.sh sndcode 123# | opus-farend.sh hangup
set -uo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
. "$HERE/env.sh"
UA_FAREND_CTRL_PORT="$UA_OPUS_FAREND_CTRL_PORT" exec "$HERE/farend.sh" "$@"
