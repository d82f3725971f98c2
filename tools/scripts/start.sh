#!/usr/bin/env bash
# `npm start`: installs, provisions the native stack, builds, migrates (apps migrate on start),
# starts every app attached to this terminal (Ctrl-C stops them all), seeds a demo lab and prints
# a token and example calls.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
bash tools/scripts/prepare.sh
exec node -r ./tools/runtime/register-aliases.js dist/tools/cli/start.js
