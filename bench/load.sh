#!/usr/bin/env bash
# Load run (not a test): `detecta serve` from the built jar under wrk for a bounded time, printing one JSON line with
# requests, errors (socket errors + non-2xx) and the server's RSS before and after.
#   bench/load.sh [SECONDS=60] [MODEL=kaggle-symptoms]
# MODEL must be @champion in $DETECTA_HOME (default ~/.detecta; `./detecta train --model kaggle-symptoms` makes it).
# wrk2 (fixed request rate, -R) is not packaged in Debian: plain wrk holds a fixed number of connections instead, each
# sending back-to-back, i.e. the highest rate the server sustains. Env: THREADS (2), CONNECTIONS (16), PORT (5097),
# CONSENT (true: every request is also logged, as consented production traffic is), DETECTA_JAVA_OPTS (-Xmx1g).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DURATION="${1:-60}"
MODEL="${2:-kaggle-symptoms}"
THREADS="${THREADS:-2}"; CONNECTIONS="${CONNECTIONS:-16}"; PORT="${PORT:-5097}"; CONSENT="${CONSENT:-true}"
command -v wrk >/dev/null || { echo "load: wrk is missing (apt-get install -y wrk)" >&2; exit 2; }
[ -f "$ROOT/target/detecta.jar" ] || (cd "$ROOT" && mvn -B -q -DskipTests package >&2)
WORK="$(mktemp -d)"
SERVER=""
cleanup() { [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

java ${DETECTA_JAVA_OPTS:--Xmx1g -XX:+UseParallelGC} -jar "$ROOT/target/detecta.jar" serve --host 127.0.0.1 --port "$PORT" 2>"$WORK/server.log" &
SERVER=$!
for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$PORT/v2/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
curl -sf "http://127.0.0.1:$PORT/v2/health/ready" >/dev/null || { echo "load: server not ready" >&2; cat "$WORK/server.log" >&2; exit 1; }
BODY="{\"consent\": $CONSENT, \"model\": \"$MODEL\", \"observed\": [\"itching\", \"skin_rash\", \"nodal_skin_eruptions\"], \"top\": 5}"
code=$(curl -s -o "$WORK/one.json" -w '%{http_code}' -H 'Content-Type: application/json' -d "$BODY" "http://127.0.0.1:$PORT/api/v1/diagnose")
[ "$code" = 200 ] || { echo "load: probe answered $code: $(cat "$WORK/one.json")" >&2; exit 1; }
cat > "$WORK/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [[$BODY]]
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %.1f %.3f %.3f\n", summary.requests, e.connect + e.read + e.write + e.timeout + e.status,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
LUA
rss() { ps -o rss= -p "$SERVER" | tr -d ' '; }
wrk -t"$THREADS" -c"$CONNECTIONS" -d10s -s "$WORK/post.lua" "http://127.0.0.1:$PORT/api/v1/diagnose" >/dev/null  # warm-up (JIT)
RSS_BEFORE=$(rss)
echo "load: ${DURATION}s, wrk -t$THREADS -c$CONNECTIONS, POST /api/v1/diagnose ($MODEL, consent $CONSENT) ..." >&2
read -r REQ ERR RPS P50 P99 <<<"$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$WORK/post.lua" \
  "http://127.0.0.1:$PORT/api/v1/diagnose" | awk '/^RESULT/ {print $2, $3, $4, $5, $6}')"
RSS_AFTER=$(rss)
READY=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/v2/health/ready")
printf '{"seconds":%s,"threads":%s,"connections":%s,"model":"%s","consent":%s,"requests":%s,"errors":%s,"rps":%s,"p50ms":%s,"p99ms":%s,"rssKiBBefore":%s,"rssKiBAfter":%s,"readyAfter":%s}\n' \
  "$DURATION" "$THREADS" "$CONNECTIONS" "$MODEL" "$CONSENT" "$REQ" "$ERR" "$RPS" "$P50" "$P99" "$RSS_BEFORE" "$RSS_AFTER" "$READY"
