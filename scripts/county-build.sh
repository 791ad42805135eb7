#!/usr/bin/env bash
# A county's own bundle in one command, with nothing but what scripts/setup.sh installs: the county's
# service catalogue (and, if it has them, its own questionnaire and rule settings) laid over a copy of
# rules/, checked with the same located messages as `tyokyky-rules check`, and baked into both bundles
# (the public one and the worker one) in a folder of its own, ready to serve:
#
#   scripts/county-build.sh --catalogue my-county.toml [--questionnaire my-questions.toml]
#                           [--settings my-settings.toml] [--out dist-my-county]
#
# The catalogue's file name (without .toml) is the county's id, as in rules/services/; the questionnaire's
# likewise. The repository's own rules/ and dist/ are not touched. A file with a mistake stops the build
# before anything is compiled, naming the file and the line. About a minute and a half on a machine that
# has built the app once (the release app is compiled again with the county's data baked in).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

usage() {
  echo "usage: scripts/county-build.sh --catalogue FILE.toml [--questionnaire FILE.toml] [--settings FILE.toml] [--out DIR]" >&2
  exit 2
}
catalogue="" questionnaire="" settings="" out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --catalogue) catalogue="${2:-}"; shift 2 ;;
    --questionnaire) questionnaire="${2:-}"; shift 2 ;;
    --settings) settings="${2:-}"; shift 2 ;;
    --out) out="${2:-}"; shift 2 ;;
    *) usage ;;
  esac
done
[ -n "$catalogue" ] || usage
for file in "$catalogue" "$questionnaire" "$settings"; do
  if [ -n "$file" ] && [ ! -f "$file" ]; then
    echo "county-build: no such file: $file" >&2
    exit 2
  fi
done
county="$(basename "$catalogue" .toml)"
out="${out:-dist-$county}"
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac

# The county's copy of the rules folder: the repository's, with the county's files in their places.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -R rules "$work/rules"
cp "$catalogue" "$work/rules/services/$county.toml"
questionnaire_id="self_assessment"
if [ -n "$questionnaire" ]; then
  questionnaire_id="$(basename "$questionnaire" .toml)"
  cp "$questionnaire" "$work/rules/questionnaires/$questionnaire_id.toml"
fi
[ -z "$settings" ] || cp "$settings" "$work/rules/settings.toml"

echo "county-build: checking $catalogue${questionnaire:+, $questionnaire}${settings:+, $settings} (as rules/services/$county.toml…)"
if ! cargo run --quiet --locked -p tyokyky-rules -- check "$work/rules"; then
  echo "county-build: the files above do not check; nothing was built" >&2
  exit 1
fi

TYOKYKY_RULES_DIR="$work/rules" TYOKYKY_CATALOGUE="$county" TYOKYKY_QUESTIONNAIRE="$questionnaire_id" \
  TYOKYKY_DIST="$out" scripts/build.sh
echo "county-build: $county's bundles are in $out (serve it with: tyokyky-inbox --dist $out)"
