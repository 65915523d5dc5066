#!/usr/bin/env bash
# Dominant frequency of a WAV file, with sox only.
#   freq.sh [FILE.wav]
# Without FILE: the newest recording of what the far end RECEIVED
# (<run>/recordings/dump-*-dec.wav). Read it after the call ended (baresip
# finalises the WAV header on hangup).
# Prints KEY=VALUE lines: FILE, SECONDS, RMS, DOMINANT_HZ (peak of the summed
# 4096-point power spectrum, ~2 Hz resolution at 8 kHz), ROUGH_HZ (sox's estimate).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=env.sh
. "$HERE/env.sh"

f="${1:-}"
if [ -z "$f" ]; then
  f="$(ls -1t "$UA_INTEROP_RUN"/recordings/dump-*-dec.wav 2>/dev/null | head -n 1 || true)"
  [ -n "$f" ] || { echo "freq.sh: no recording in $UA_INTEROP_RUN/recordings" >&2; exit 1; }
fi
[ -s "$f" ] || { echo "freq.sh: $f missing or empty" >&2; exit 1; }

stat_out="$(sox "$f" -n stat 2>&1 || true)"
secs="$(awk -F: '/^Length \(seconds\)/ {gsub(/ /,"",$2); print $2}' <<<"$stat_out")"
rms="$(awk -F: '/^RMS +amplitude/ {gsub(/ /,"",$2); print $2}' <<<"$stat_out")"
rough="$(awk -F: '/^Rough +frequency/ {gsub(/ /,"",$2); print $2}' <<<"$stat_out")"
dom="$(sox "$f" -n stat -freq 2>&1 | awk 'NF==2 && $1 ~ /^[0-9.]+$/ && $1 > 20 {s[$1]+=$2}
  END {m=-1; b=0; for (k in s) if (s[k] > m) {m=s[k]; b=k}; printf "%.0f\n", b}')"
echo "FILE=$f"
echo "SECONDS=${secs:-0}"
echo "RMS=${rms:-0}"
echo "DOMINANT_HZ=${dom:-0}"
echo "ROUGH_HZ=${rough:-0}"
