#!/usr/bin/env bash
# Schemathesis (PyPI) in a virtualenv cached outside the repo, for the OpenAPI fuzzing suite.
set -euo pipefail
VENV="${LABFLOW_HOME:-$HOME/.cache/labflow}/venv-schemathesis"
if [[ ! -x "$VENV/bin/schemathesis" ]]; then
  echo "[prepare] installing schemathesis into $VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check 'schemathesis>=4,<5'
fi
