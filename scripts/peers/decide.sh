#!/usr/bin/env bash
# Install the decide-exchange-model peer (GPL) beside the project, in .peers/decide.
# Used only by tests and benchmarks to compare results and speed; never imported by detente.
# Idempotent: does nothing when the pinned version is already installed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
VENV="$ROOT/.peers/decide"
VERSION="2022.1.28"
PY="${DECIDE_PYTHON:-python3.11}"
STAMP="$VENV/.installed-$VERSION"
if [ -f "$STAMP" ]; then
    exit 0
fi
if ! command -v "$PY" >/dev/null 2>&1; then
    echo "decide.sh: $PY not found; set DECIDE_PYTHON to a Python 3.11 interpreter" >&2
    exit 1
fi
mkdir -p "$ROOT/.peers"
rm -rf "$VENV"
"$PY" -m venv "$VENV"
"$VENV/bin/python" -m pip install -q --disable-pip-version-check "decide-exchange-model==$VERSION"
touch "$STAMP"
echo "decide-exchange-model $VERSION installed in $VENV"
