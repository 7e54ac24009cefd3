#!/usr/bin/env bash
# Quick start, command 1: set up everything and serve stttt with demo data at http://127.0.0.1:8000
# (--no-serve: stop after setting up, as CI does to check the quick start)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
export STTTT_DEBUG=${STTTT_DEBUG:-1}
.venv/bin/stttt migrate --no-input -v0
.venv/bin/stttt pki -v0 init   # a test certificate authority so demo licences are signed (docs/signing.md)
.venv/bin/stttt demo
[ "${1:-}" = "--no-serve" ] && exit 0   # CI: set up and load the demo, then stop
echo "stttt is starting at http://127.0.0.1:${PORT:-8000}/ (Ctrl+C stops it)"
exec .venv/bin/stttt runserver "127.0.0.1:${PORT:-8000}"
