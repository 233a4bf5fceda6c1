#!/usr/bin/env bash
# `npm test`: the whole suite. Lint and type-check, build, then unit, integration (real Kafka and PostgreSQL) and
# end-to-end (the five services as separate processes). Starts the local Kafka (deploy/kafka/kafka.sh) when none
# answers and KAFKA_BROKERS is unset, and stops it afterwards. Ends with one line: "tests: N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
results=.local/test-results
rm -rf "$results" && mkdir -p "$results"
step() { printf '\n== %s (%s)\n' "$1" "$(date +%T)"; }

step "lint and format check"
npm run --silent lint
step "type-check (tests included)"
npm run --silent typecheck
step "build"
npm run --silent build
export PETITIONS_TEST_SKIP_BUILD=1

started_kafka=0
stop_kafka() { if [ "$started_kafka" = 1 ]; then bash deploy/kafka/kafka.sh stop; fi; }
trap stop_kafka EXIT
if [ -z "${KAFKA_BROKERS:-}" ] && ! bash deploy/kafka/kafka.sh status; then
  step "starting the local Kafka broker"
  bash deploy/kafka/kafka.sh start
  started_kafka=1
fi

failed=0
run_tier() {
  local tier="$1"; shift
  step "$tier tests"
  # --forceExit: a failed test that leaves a client open must not hang CI; the failure is still reported.
  npx jest --selectProjects "$tier" --json --outputFile="$results/$tier.json" --forceExit "$@" || failed=1
}
run_tier unit
run_tier integration --runInBand
run_tier e2e --runInBand

node -e '
  const fs = require("fs");
  let passed = 0, failedTests = 0, suitesFailed = 0;
  for (const f of fs.readdirSync(process.argv[1])) {
    const r = JSON.parse(fs.readFileSync(process.argv[1] + "/" + f, "utf8"));
    passed += r.numPassedTests; failedTests += r.numFailedTests; suitesFailed += r.numRuntimeErrorTestSuites;
    console.log(`${f.replace(".json", "").padEnd(12)} ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numRuntimeErrorTestSuites} suites failed to run`);
  }
  console.log(`tests: ${passed} passed, ${failedTests + suitesFailed} failed`);
' "$results"
exit "$failed"
