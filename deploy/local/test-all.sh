#!/usr/bin/env bash
# `npm test`: everything, in the order that fails fastest: formatting, lint (with Nx module boundaries),
# typecheck, build, unit tests, integration tests (real Kafka and Postgres), end-to-end tests (the five services
# as processes). Prints one closing line "N passed, N failed" summed over the three Jest runs.
set -uo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo_root"
results="$repo_root/.cache/test-results"
rm -rf "$results"
mkdir -p "$results"
export NX_DAEMON=false KAFKAJS_NO_PARTITIONER_WARNING=1

step() { printf '\n=== %s ===\n' "$*"; }
fail() { echo "npm test: $* failed"; echo "0 passed, 1 failed"; exit 1; }

if [[ ! -d node_modules ]]; then
  step "install npm packages"
  bash deploy/local/install-deps.sh || fail "npm install"
fi

step "format (prettier --check)"
npx prettier --check . --log-level warn || fail "formatting (run npm run format)"

step "lint (eslint, Nx module boundaries)"
# The boundary rule reads Nx's project graph; compute it first, or the rule silently skips itself.
npx nx show projects >/dev/null || fail "nx project graph"
npx eslint . || fail "lint"

step "typecheck"
npx tsc -p tsconfig.json --noEmit || fail "typecheck"

step "build"
npx nx run-many -t build --output-style=static || fail "build"

status=0
for suite in unit integration e2e; do
  step "$suite tests"
  npx jest -c "jest.$suite.config.js" --ci --json --outputFile="$results/$suite.json" || status=1
done

node -e '
  const fs = require("fs");
  let passed = 0, failed = 0;
  for (const suite of ["unit", "integration", "e2e"]) {
    const file = `${process.argv[1]}/${suite}.json`;
    if (!fs.existsSync(file)) { failed += 1; console.log(`${suite}: no results (the run did not finish)`); continue; }
    const r = JSON.parse(fs.readFileSync(file, "utf8"));
    passed += r.numPassedTests;
    failed += r.numFailedTests + (r.numRuntimeErrorTestSuites || 0);
    console.log(`${suite}: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numRuntimeErrorTestSuites || 0} suites failed to run`);
  }
  console.log(`${passed} passed, ${failed} failed`);
' "$results"
exit $status
