#!/usr/bin/env bash
# Refresh and compile the translation catalogues of every app (or of the apps named as arguments).
# Source strings are English; Vietnamese (vi) is the default language and must be complete.
set -euo pipefail
cd "$(dirname "$0")/.."
apps=("$@")
[ ${#apps[@]} -gt 0 ] || apps=($(ls -d stttt/*/ | xargs -n1 basename | grep -v -e config -e __pycache__))
for app in "${apps[@]}"; do
  dir="stttt/$app"
  mkdir -p "$dir/locale"
  (cd "$dir" && ../../.venv/bin/stttt makemessages -l vi --no-obsolete --no-location -v0 \
     --ignore 'tests/*' --ignore 'migrations/*' && ../../.venv/bin/stttt compilemessages -l vi -v0)
done
