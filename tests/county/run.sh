#!/usr/bin/env bash
# The county build (scripts/county-build.sh) as a county would use it: a catalogue of its own, made here
# from the example county's by changing its name and one service's, is checked and baked into both bundles
# in a folder of its own; a catalogue with a mistake stops before anything is built, naming the file and
# the line. The bundles must carry the county's texts, not the example's.
set -euo pipefail
cd "$(dirname "$0")/../.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "county build test: $*" >&2; exit 1; }

# A synthetic county: "Testilän hyvinvointialue" wherever the example says "Esimerkin", its first service
# renamed.
sed -e 's/Esimerkin/Testilän/g' \
    -e '0,/^fi = "Kuntouttava työtoiminta"/s//fi = "Testilän kuntouttava työtoiminta"/' \
    rules/services/example-county.toml > "$work/testila.toml"
grep -q '^county = "Testilän hyvinvointialue"' "$work/testila.toml" || fail "the fixture's county name was not set"
grep -q '^fi = "Testilän kuntouttava työtoiminta"' "$work/testila.toml" || fail "the fixture's service name was not set"

# A mistake: a sector that does not exist. The build stops with the file and the line, and writes nothing.
sed -e '0,/^sector = "social_services"/s//sector = "nowhere"/' "$work/testila.toml" > "$work/broken.toml"
line="$(grep -n '^sector = "nowhere"' "$work/broken.toml" | cut -d: -f1)"
if scripts/county-build.sh --catalogue "$work/broken.toml" --out "$work/broken-dist" > "$work/broken.log" 2>&1; then
  fail "a catalogue with a mistake was built"
fi
grep -q "rules/services/broken.toml:$line" "$work/broken.log" || { cat "$work/broken.log"; fail "the message does not name rules/services/broken.toml:$line"; }
[ ! -e "$work/broken-dist" ] || fail "a failed check still wrote $work/broken-dist"
echo "county build test: the mistake is named at rules/services/broken.toml:$line and nothing is built"

# The good one, built.
scripts/county-build.sh --catalogue "$work/testila.toml" --out "$work/dist"
for file in index.html embed.js worker.html embed-worker.js privacy/fi.html; do
  [ -f "$work/dist/$file" ] || fail "no $file in the county's bundle"
done
public="$(ls "$work"/dist/tyokyky-*_bg.wasm | grep -v worker)"
worker="$(ls "$work"/dist/tyokyky-worker-*_bg.wasm)"
for wasm in "$public" "$worker"; do
  grep -q "Testilän kuntouttava työtoiminta" "$wasm" || fail "$wasm lacks the county's service"
  if grep -q "Esimerkin" "$wasm"; then fail "$wasm still carries the example county"; fi
done
grep -q "Testilän hyvinvointialue" "$work/dist/privacy/fi.html" || fail "the privacy notice does not name the county"
echo "county build test: testila's bundles carry its own catalogue (public and worker .wasm, privacy notice)"
