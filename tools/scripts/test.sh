#!/usr/bin/env bash
# `npm test`: provisions the stack like `npm start`, then runs every test: unit, integration and e2e
# (with the security and poison-message suites), then the fault suites, which stop shared servers
# and kill apps, so they run alone, after the rest. Extra arguments go to Jest.
#   npm test -- <jest args>    everything (LABFLOW_SKIP_FAULTS=1: without the fault suites)
#   npm run test:faults        the fault suites only
# Results are also written to $LABFLOW_HOME/test-results.json (and test-results-faults.json); another
# environment's run (LABFLOW_ENV=<name>) writes test-results-<name>.json, so parallel runs keep their own.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
bash tools/scripts/prepare.sh
bash tools/scripts/install-schemathesis.sh
bash tools/scripts/install-fhir-validator.sh > /dev/null # the FHIR e2e's HL7 reference validator (cached in $LABFLOW_HOME)
eval "$(node -r ./tools/runtime/register-aliases.js dist/tools/cli/print-env.js)"
source tools/scripts/test-results-paths.sh
rm -f "$RESULTS" "$FAULT_RESULTS"
faults() { npx jest --runInBand --selectProjects faults --json --outputFile="$FAULT_RESULTS" "$@"; }
if [[ "${1:-}" == "--faults" ]]; then
  shift
  faults "$@"
  exit
fi
status=0
npx jest --runInBand --selectProjects unit integration e2e --json --outputFile="$RESULTS" "$@" || status=$?
# The fault suites need the whole project (a narrowed run, with Jest arguments, skips them).
if [[ $# -eq 0 && "${LABFLOW_SKIP_FAULTS:-0}" != 1 ]]; then
  faults || status=$?
fi
exit $status
