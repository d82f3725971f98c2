# Sourced by tools/scripts/test.sh and .ci/run: where `npm test` writes its Jest results for the current
# environment. Needs LABFLOW_HOME (or the default home); sets RESULTS and FAULT_RESULTS. The default
# environment (`local`) writes test-results.json; another (LABFLOW_ENV=<name>) test-results-<name>.json,
# so parallel runs keep their own.
_results_home="${LABFLOW_HOME:-$HOME/.cache/labflow}"
_results_suffix=""
if [[ "${LABFLOW_ENV:-local}" != local ]]; then _results_suffix="-$LABFLOW_ENV"; fi
RESULTS="$_results_home/test-results$_results_suffix.json"
FAULT_RESULTS="$_results_home/test-results$_results_suffix-faults.json"
unset _results_home _results_suffix
