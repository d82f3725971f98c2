#!/usr/bin/env bash
# `npm test`: provisions the stack like `npm start`, then runs every test (unit, integration, e2e).
# Extra arguments go to Jest. Results are also written to $LABFLOW_HOME/test-results.json.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
bash tools/scripts/prepare.sh
bash tools/scripts/install-schemathesis.sh
eval "$(node -r ./tools/runtime/register-aliases.js dist/tools/cli/print-env.js)"
RESULTS="${LABFLOW_HOME:-$HOME/.cache/labflow}/test-results.json"
rm -f "$RESULTS"
# The fault suites (stop servers, kill apps) run apart: `npm run test:faults`.
if [[ "${1:-}" == "--faults" ]]; then
  shift
  npx jest --runInBand --selectProjects faults "$@"
else
  npx jest --runInBand --selectProjects unit integration e2e --json --outputFile="$RESULTS" "$@"
fi
