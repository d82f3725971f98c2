#!/usr/bin/env bash
# `npm run bench`: provisions the stack like `npm test` (in its own environment, `bench` unless
# LABFLOW_ENV says otherwise), then runs the benchmark runner; results go to docs/performance.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export LABFLOW_ENV="${LABFLOW_ENV:-bench}"
bash tools/scripts/prepare.sh
node -r ./tools/runtime/register-aliases.js dist/tools/cli/provision.js
node -r ./tools/runtime/register-aliases.js dist/tools/bench/run.js "$@"
