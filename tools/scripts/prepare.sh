#!/usr/bin/env bash
# Shared by `npm start`, `npm test` and `npm run bench`: dependencies, the native stack, a build,
# the Kafka topics. Idempotent and fast when everything is already there.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

if [[ ! -d node_modules ]] || [[ package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "[prepare] installing npm dependencies"
  npm ci --no-audit --no-fund
fi
bash deploy/local/stack.sh up
echo "[prepare] building"
npx tsc -b tsconfig.build.json
node -r ./tools/runtime/register-aliases.js dist/tools/cli/provision.js
