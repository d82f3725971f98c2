#!/usr/bin/env bash
# Shared by `npm start`, `npm test` and `npm run bench`: dependencies, the native stack, a build,
# the Kafka topics. Idempotent and fast when everything is already there.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

# Install when node_modules is missing or was installed from another lock file. A symlinked
# node_modules (a git worktree sharing another checkout's) is never reinstalled from here.
lock_hash="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [[ -L node_modules ]]; then
  echo "[prepare] node_modules is a link to another checkout; not installing"
elif [[ ! -d node_modules ]] || [[ "$(cat node_modules/.labflow-lock-hash 2>/dev/null)" != "$lock_hash" ]]; then
  echo "[prepare] installing npm dependencies"
  npm ci --no-audit --no-fund
  echo "$lock_hash" > node_modules/.labflow-lock-hash
fi
bash deploy/local/stack.sh up
echo "[prepare] building"
npx tsc -b tsconfig.build.json
node -r ./tools/runtime/register-aliases.js dist/tools/cli/provision.js
