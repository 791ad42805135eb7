#!/usr/bin/env bash
# Runs tests/fhir/validate.py with the Python of the venv that `scripts/setup.sh test` makes
# (.tools/fhir-venv: fhir.resources and pydantic pinned in tests/fhir/requirements.txt). Same arguments:
#   tests/fhir/validate.sh [--expect N] PATH...   validate FHIR R4 JSON files, or folders of them
#   tests/fhir/validate.sh --self-test            the good and bad fixtures in tests/fixtures/fhir/
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
python="$root/.tools/fhir-venv/bin/python"
if [ ! -x "$python" ]; then
  echo "tests/fhir/validate.sh: the FHIR validator is not installed ($python is missing); run scripts/setup.sh test" >&2
  exit 2
fi
exec "$python" "$root/tests/fhir/validate.py" "$@"
