#!/usr/bin/env bash
# Sends one command to the baresip far end (ctrl_tcp, netstring-framed JSON) and prints its JSON reply.
#   farend.sh dial sip:1001@dkcloud.test | farend.sh hangup | farend.sh listcalls
# Exit 1 when baresip answers ok=false, 3 when it cannot be reached, 4 without a reply.
set -uo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
. "$HERE/env.sh"
[ $# -ge 1 ] || { echo "usage: $0 COMMAND [PARAMS]" >&2; exit 2; }
command="$1"; shift
quote() { local s="${1//\\/\\\\}"; printf '%s' "${s//\"/\\\"}"; }
token="farend$$"
request="{\"command\":\"$(quote "$command")\",\"params\":\"$(quote "$*")\",\"token\":\"$token\"}"
exec 3<>"/dev/tcp/$UA_HOST/$UA_FAREND_CTRL_PORT" || exit 3
printf '%d:%s,' "${#request}" "$request" >&3
deadline=$((SECONDS + 5))
while [ "$SECONDS" -lt "$deadline" ]; do
  IFS= read -r -t 5 -d ':' size <&3 || break
  size="${size//[^0-9]/}"
  [ -n "$size" ] || continue
  IFS= read -r -t 5 -N "$size" reply <&3 || break
  IFS= read -r -t 5 -N 1 _ <&3
  if [[ "$reply" == *'"response":true'* && "$reply" == *"$token"* ]]; then
    printf '%s\n' "$reply"
    [[ "$reply" == *'"ok":true'* ]] && exit 0 || exit 1
  fi
done
echo "farend.sh: no reply to '$command'" >&2
exit 4
