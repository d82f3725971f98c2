#!/usr/bin/env bash
# Writes the typed gateway client's types (tools/api-client/openapi.generated.ts) from the live
# OpenAPI document of a running gateway (LABFLOW_GATEWAY_URL, e.g. after `npm start`). An object
# schema without properties (a free-form map such as flagInterpretations) is typed as such.
#   bash tools/scripts/generate-api-client.sh [output file]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
gateway="${LABFLOW_GATEWAY_URL:-http://127.0.0.1:3000}"
out="${1:-tools/api-client/openapi.generated.ts}"
npx --no-install openapi-typescript "$gateway/docs/openapi.json" --output "$out" --alphabetize --empty-objects-unknown > /dev/null
echo "wrote $out from $gateway/docs/openapi.json"
