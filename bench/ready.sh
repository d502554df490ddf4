#!/usr/bin/env bash
# Readiness benchmark (not a test): wall time from launching `detecta serve` until /v2/health/live and
# /v2/health/ready answer 200, with the models of $DETECTA_HOME (or --home) and the data of $DETECTA_DATA.
#   bench/ready.sh [RUNS]        Env: DETECTA_HOME, DETECTA_DATA, PORT (5097), DETECTA_JAVA_OPTS, DETECTA_CDS (as ./detecta)
# Starts the server through ./detecta, as a user does; when the launcher's class-data archive of this jar does not
# exist yet, one unmeasured start-and-stop writes it first (DETECTA_CDS=0 measures without it).
# Prints one JSON line: each run's seconds to live and to ready, the best and median ready time, the server's CPU
# seconds (user + system) spent until ready (less sensitive to other load than wall time), the load average.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-3}"
PORT="${PORT:-5097}"
DATA="${DETECTA_DATA:-$ROOT/../shared/data}"
[ -f "$ROOT/target/detecta.jar" ] || (cd "$ROOT" && mvn -B -q -DskipTests package >&2)
LOG="$(mktemp)"
PID=""
cleanup() { [ -n "$PID" ] && { kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; }; rm -f "$LOG"; }
trap cleanup EXIT
now() { date +%s.%N; }
LIVE=(); READY=(); CPU=()
TICKS="$(getconf CLK_TCK)"
LOAD="$(cut -d' ' -f1 /proc/loadavg)"
CDS="$ROOT/target/detecta-serve.jsa"
if [ "${DETECTA_CDS:-1}" = 1 ] && ! { [ -s "$CDS" ] && [ "$CDS" -nt "$ROOT/target/detecta.jar" ]; }; then
  "$ROOT/detecta" serve --host 127.0.0.1 --port "$PORT" --data "$DATA" >"$LOG" 2>&1 &
  PID=$!
  for _ in $(seq 1 1200); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/v2/health/ready" && break; sleep 0.05; done
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
fi
for _ in $(seq 1 "$RUNS"); do
  t0=$(now)
  "$ROOT/detecta" serve --host 127.0.0.1 --port "$PORT" --data "$DATA" >"$LOG" 2>&1 &
  PID=$!
  live=""
  for _ in $(seq 1 1200); do
    if [ -z "$live" ] && curl -sf -o /dev/null "http://127.0.0.1:$PORT/v2/health/live"; then live=$(now); fi
    if curl -sf -o /dev/null "http://127.0.0.1:$PORT/v2/health/ready"; then break; fi
    kill -0 "$PID" 2>/dev/null || { echo "bench: server exited" >&2; cat "$LOG" >&2; exit 1; }
    sleep 0.02
  done
  t1=$(now)
  CPU+=("$(awk -v t="$TICKS" '{ printf "%.2f", ($14 + $15) / t }' "/proc/$PID/stat")")
  curl -sf -o /dev/null "http://127.0.0.1:$PORT/v2/health/ready" || { echo "bench: not ready after 24 s" >&2; cat "$LOG" >&2; exit 1; }
  LIVE+=("$(awk -v a="$t0" -v b="${live:-$t1}" 'BEGIN { printf "%.2f", b - a }')")
  READY+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')")
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
done
join() { local IFS=,; echo "$*"; }
SORTED=($(printf '%s\n' "${READY[@]}" | sort -n))
printf '{"runs":%s,"cds":%s,"liveSeconds":[%s],"readySeconds":[%s],"bestReadySeconds":%s,"medianReadySeconds":%s,"cpuSecondsToReady":[%s],"loadAverage":%s,"loadAverageAfter":%s}\n' \
  "$RUNS" "$([ "${DETECTA_CDS:-1}" = 1 ] && echo true || echo false)" "$(join "${LIVE[@]}")" "$(join "${READY[@]}")" "${SORTED[0]}" "${SORTED[$(( RUNS / 2 ))]}" "$(join "${CPU[@]}")" \
  "$LOAD" "$(cut -d' ' -f1 /proc/loadavg)"
