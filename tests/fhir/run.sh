#!/usr/bin/env bash
# The product's FHIR R4 examples, exported by the rules CLI into a folder of their own and validated
# (tests/fhir/validate.py): at least eleven files (the questionnaire, five documents, and each document as
# the transaction a FHIR server is sent), so that an export that writes nothing or too little fails
# instead of passing with nothing checked. The folder is removed afterwards, also on failure.
set -euo pipefail
cd "$(dirname "$0")/../.."
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
cargo run --quiet --locked -p tyokyky-rules -- fhir examples --out "$out"
tests/fhir/validate.sh --expect 11 "$out"
