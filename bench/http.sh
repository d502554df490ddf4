#!/usr/bin/env bash
# HTTP benchmark (not a test): wrk against `detecta serve` on loopback, then the FastAPI baseline, same run.
#   bench/http.sh [MODEL] [SECONDS]        MODEL = kaggle-symptoms | rare-phenotype | ddxplus | detecta | tiny | terms
# MODEL must be @champion in the registry of $DETECTA_HOME (default ~/.detecta), except "tiny": the test-only
# naive Bayes, registered into a throw-away home (until the real models merge), and "terms": GET /api/v1/terms
# autocomplete (real HPO + Spanish vocabulary; queries rotate over TERMS), no baseline.
# Env: THREADS (1), CONNECTIONS (8: a fixed pool of keep-alive connections, like a reverse proxy's upstream pool;
# one wrk thread drives them, leaving the second core to the server), WARMUP seconds (10, JIT), PORT (5099),
# BASELINE_PORT (5098), SKIP_BASELINE=1, BODY (override the request JSON), DETECTA_JAVA_OPTS (-Xmx2g).
# Prints one JSON line: throughput, p50/p99, errors, the server's CPU time per request for both servers, the
# speed-up, and the load average before and after (the machine may be shared: say so with the figures).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MODEL="${1:-kaggle-symptoms}"
DURATION="${2:-30}"
THREADS="${THREADS:-1}"; CONNECTIONS="${CONNECTIONS:-8}"; WARMUP="${WARMUP:-10}"
LOAD_BEFORE="$(cut -d' ' -f1 /proc/loadavg)"
PORT="${PORT:-5099}"; BASELINE_PORT="${BASELINE_PORT:-5098}"
DATA="${DETECTA_DATA:-$ROOT/../shared/data}"
WORK="$(mktemp -d)"
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT
command -v wrk >/dev/null || { echo "bench: wrk is missing (apt-get install -y wrk)" >&2; exit 2; }

case "$MODEL" in
  kaggle-symptoms) FINDINGS='["itching","skin_rash","nodal_skin_eruptions","dischromic _patches"]' ;;
  rare-phenotype)  FINDINGS='["HP:0001250","HP:0001263","HP:0000252","HP:0001249","HP:0002019"]' ;;
  tiny)            FINDINGS='["fiebre","cough","fatigue"]' ;;
  terms)           FINDINGS='[]'; SKIP_BASELINE=1 ;;
  *)               FINDINGS='["HP:0001250","fiebre","itching"]' ;;
esac
BODY="${BODY:-{\"consent\": true, \"observed\": $FINDINGS, \"model\": \"$MODEL\", \"top\": 10}}"

[ -f "$ROOT/target/detecta.jar" ] || (cd "$ROOT" && mvn -B -q -DskipTests package >&2)
JAVA_OPTS="${DETECTA_JAVA_OPTS:--Xmx2g -XX:+UseParallelGC}"
if [ "$MODEL" = tiny ]; then
  (cd "$ROOT" && mvn -B -q -o test-compile >&2)
  CP="$ROOT/target/test-classes:$ROOT/target/detecta.jar"
  java $JAVA_OPTS -cp "$CP" org.detecta.serve.BenchServer "$WORK/home" "$DATA" "$PORT" 2>"$WORK/server.log" &
else
  java $JAVA_OPTS -jar "$ROOT/target/detecta.jar" serve --host 127.0.0.1 --port "$PORT" --data "$DATA" 2>"$WORK/server.log" &
fi
PIDS+=($!)
for _ in $(seq 1 240); do
  curl -sf "http://127.0.0.1:$PORT/v2/health/ready" >/dev/null 2>&1 && break; sleep 0.5
done
curl -sf "http://127.0.0.1:$PORT/v2/health/ready" >/dev/null || { echo "bench: server not ready" >&2; cat "$WORK/server.log" >&2; exit 1; }
URL="http://127.0.0.1:$PORT/api/v1/diagnose"
if [ "$MODEL" = terms ]; then
  URL="http://127.0.0.1:$PORT/api/v1/terms"
  code=$(curl -s -o "$WORK/one.json" -w '%{http_code}' "$URL?q=convuls&lang=es")
  TERMS="${TERMS:-convuls fiebre dolor%20de%20cabeza seiz hipoton a micro retraso%20del%20desarrollo itching skin%20rash}"
  LUA_QUERIES="$(printf '"%s",' $TERMS)"
  cat > "$WORK/post.lua" <<LUA
local queries = {${LUA_QUERIES%,}}
local i = 0
request = function()
  i = i % #queries + 1
  return wrk.format("GET", "/api/v1/terms?lang=es&q=" .. queries[i])
end
LUA
else
  code=$(curl -s -o "$WORK/one.json" -w '%{http_code}' -H 'Content-Type: application/json' -d "$BODY" "$URL")
  cat > "$WORK/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [[$BODY]]
LUA
fi
[ "$code" = 200 ] || { echo "bench: probe request answered $code: $(cat "$WORK/one.json")" >&2; exit 1; }
cat >> "$WORK/post.lua" <<LUA
done = function(summary, latency, requests)
  io.write(string.format("RESULT %.1f %.3f %.3f %d %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + summary.errors.status,
    summary.requests))
end
LUA
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
run_wrk() { # url duration pid -> "rps p50 p99 errors requests cpu-us-per-request"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s "$WORK/post.lua" "$1" >/dev/null 2>&1 || true  # warm-up (JIT)
  local before after
  before=$(cpu_ticks "$3")
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${2}s" --latency -s "$WORK/post.lua" "$1" >"$WORK/wrk.out"
  after=$(cpu_ticks "$3")
  awk -v ticks="$((after - before))" -v hz="$(getconf CLK_TCK)" '/^RESULT/ {
    printf "%s %s %s %s %s %.0f\n", $2, $3, $4, $5, $6, ($6 > 0 ? ticks * 1e6 / hz / $6 : 0) }' "$WORK/wrk.out"
}
echo "bench: detecta $MODEL, ${DURATION}s, -t$THREADS -c$CONNECTIONS ..." >&2
read -r RPS P50 P99 ERR REQ CPU <<<"$(run_wrk "$URL" "$DURATION" "${PIDS[0]}")"
RSS=$(ps -o rss= -p "${PIDS[0]}" | tr -d ' ')
kill "${PIDS[0]}"; wait "${PIDS[0]}" 2>/dev/null || true; PIDS=()

B_RPS=null; B_P50=null; B_P99=null; B_ERR=null; B_CPU=null; SPEEDUP=null
if [ "${SKIP_BASELINE:-0}" != 1 ]; then
  (cd "$ROOT/bench/baseline" && DETECTA_DATA="$DATA" exec /usr/bin/python3 -m uvicorn app:app --host 127.0.0.1 \
      --port "$BASELINE_PORT" --log-level warning 2>"$WORK/baseline.log") &
  PIDS+=($!)
  for _ in $(seq 1 120); do
    curl -sf -o /dev/null -H 'Content-Type: application/json' -d '{"symptoms":["itching"]}' \
      "http://127.0.0.1:$BASELINE_PORT/predict" && break; sleep 0.5
  done
  BODY='{"symptoms": ["itching","skin_rash","nodal_skin_eruptions","dischromic _patches"]}'
  cat > "$WORK/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [[$BODY]]
done = function(summary, latency, requests)
  io.write(string.format("RESULT %.1f %.3f %.3f %d %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + summary.errors.status,
    summary.requests))
end
LUA
  echo "bench: baseline FastAPI + scikit-learn forest, ${DURATION}s ..." >&2
  read -r B_RPS B_P50 B_P99 B_ERR B_REQ B_CPU <<<"$(run_wrk "http://127.0.0.1:$BASELINE_PORT/predict" "$DURATION" "${PIDS[0]}")"
  SPEEDUP=$(awk -v a="$RPS" -v b="$B_RPS" 'BEGIN { printf "%.1f", (b > 0 ? a / b : 0) }')
fi
printf '{"model":"%s","seconds":%s,"threads":%s,"connections":%s,"detecta":{"rps":%s,"p50ms":%s,"p99ms":%s,"errors":%s,"requests":%s,"cpuUsPerRequest":%s,"rssKiB":%s},"baseline":{"rps":%s,"p50ms":%s,"p99ms":%s,"errors":%s,"cpuUsPerRequest":%s},"speedup":%s,"loadBefore":%s,"loadAfter":%s}\n' \
  "$MODEL" "$DURATION" "$THREADS" "$CONNECTIONS" "$RPS" "$P50" "$P99" "$ERR" "$REQ" "$CPU" "$RSS" "$B_RPS" "$B_P50" "$B_P99" "$B_ERR" "$B_CPU" "$SPEEDUP" \
  "$LOAD_BEFORE" "$(cut -d' ' -f1 /proc/loadavg)"
