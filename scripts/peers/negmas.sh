#!/usr/bin/env bash
# Create the NegMAS peer environment in .peers/negmas (idempotent).
#
# NegMAS (https://github.com/yasserfarouk/negmas) is AGPL-3.0: detente never imports or copies
# it. It lives in its own virtual environment beside the project, used only by the cross-check
# tests in tests/bargaining/ (run through a subprocess) and by benchmarks/bench_bargaining.py.
#
# Usage: scripts/peers/negmas.sh [PYTHON]      (PYTHON defaults to python3)
# Env:   NEGMAS_VERSION   the version to install (default: 0.16.0, the one the tests were checked with)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PEER="$ROOT/.peers/negmas"
PY="${1:-python3}"
STAMP="$PEER/.installed"

if [[ -f "$STAMP" && -x "$PEER/bin/python" ]] && "$PEER/bin/python" -c "import negmas" 2>/dev/null; then
    echo "negmas peer already installed: $PEER ($("$PEER/bin/python" -c 'import negmas; print(negmas.__version__)'))"
    exit 0
fi

start=$(date +%s)
mkdir -p "$ROOT/.peers"
# A venv hard-codes its own path, so it is built in place; the stamp written last marks it
# complete, and a half-built one (no stamp) is removed and rebuilt.
rm -rf "$PEER"
"$PY" -m venv "$PEER"
"$PEER/bin/python" -m pip install -q --upgrade pip
spec="negmas==${NEGMAS_VERSION:-0.16.0}"
"$PEER/bin/python" -m pip install -q "$spec"
"$PEER/bin/python" -c "import negmas" >/dev/null
touch "$STAMP"
end=$(date +%s)
echo "negmas peer installed in $((end - start)) s: $PEER ($("$PEER/bin/python" -c 'import negmas; print(negmas.__version__)'))"
