#!/usr/bin/env bash
# Reliability figures, rerunnable: the fuzzing counts (HttpFuzzIT: seeded random and malformed requests against every
# route, statuses counted, rows counted before/after) and, with LOAD=SECONDS, the load run (bench/load.sh).
#   bench/reliability.sh [SEED=20261123] [REQUESTS=10000]        prints one JSON line per part
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SEED="${1:-20261123}"; REQUESTS="${2:-10000}"
cd "$ROOT"
mvn -B -q -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=HttpFuzzIT \
  -Ddetecta.fuzz.seed="$SEED" -Ddetecta.fuzz.requests="$REQUESTS" verify >&2
grep -o 'FUZZ {.*}' target/failsafe-reports/TEST-org.detecta.serve.HttpFuzzIT.xml | head -1 | sed 's/^FUZZ /{"fuzz":/; s/$/}/'
echo "fuzz: details per route and status in target/reliability/fuzz.json" >&2
if [ -n "${LOAD:-}" ]; then
  printf '{"load":%s}\n' "$(bench/load.sh "$LOAD")"
fi
