#!/usr/bin/env bash
# npm test: typecheck, lint, build, unit, integration (real Redis), e2e (Chromium).
# Installs what is missing first. Ends with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/ensure-deps.sh

ensure_node_modules || exit 1
ensure_system_packages redis-server chromium python3-redis prometheus || exit 1

reports=$(mktemp -d)
trap 'rm -rf "$reports"' EXIT
passed=0
failed=0
started=$(date +%s)

# A step that is not a test runner counts as one check.
step() {
  local name=$1
  shift
  say "$name"
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); say "$name FAILED"; fi
}

# Adds a runner's counts from its JSON report; a runner that left no report counts as one failure.
count() {
  local kind=$1 file=$2 rc=$3 counts
  counts=$(node scripts/lib/count-results.mjs "$kind" "$file" 2>/dev/null) || counts="0 1"
  local p=${counts% *} f=${counts#* }
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  passed=$((passed + p))
  failed=$((failed + f))
}

step "typecheck" npm run -s typecheck
step "lint" npx eslint .
# The app (electron-vite) and the CLI + SDK (tsup, dist/) that the tests spawn; vitest reuses dist/.
build() { npx electron-vite build --logLevel warn && npx tsup --silent; }
step "build" build

say "unit tests"
npx vitest run test/unit --reporter=default --reporter=json --outputFile.json="$reports/unit.json"
count vitest "$reports/unit.json" $?

say "integration tests (real redis-server)"
npx vitest run test/integration --reporter=default --reporter=json --outputFile.json="$reports/integration.json"
count vitest "$reports/integration.json" $?

say "end-to-end tests (Chromium against the headless host)"
E2E_JSON_REPORT="$reports/e2e.json" npx playwright test -c test/e2e/playwright.config.ts
count playwright "$reports/e2e.json" $?

say "took $(($(date +%s) - started)) s"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
