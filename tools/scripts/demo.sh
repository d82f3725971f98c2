#!/usr/bin/env bash
# `npm run demo`: a lab morning against the local stack (tools/demo/run.ts). Runs in its own
# environment (LABFLOW_ENV=demo unless set), so a developer's `npm start` data is never touched.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export LABFLOW_ENV="${LABFLOW_ENV:-demo}"
# prepare.sh builds and provisions this environment (topics, database) with the LABFLOW_ENV above
bash tools/scripts/prepare.sh
exec node -r ./tools/runtime/register-aliases.js dist/tools/demo/run.js
