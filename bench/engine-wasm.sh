#!/usr/bin/env bash
# Benchmark: the rules engine evaluating rules/ in WASM in headless Chromium, with the same cases as the
# native `cargo bench -p tyokyky-engine --features toml` (bench/engine-cases.json).
#
#   bash bench/engine-wasm.sh           # as shipped, plus opt-level 3 for comparison (~1-2 min, mostly builds)
#   bash bench/engine-wasm.sh --quick   # CI smoke run: release only, no wasm-opt, few iterations, no thresholds
#
# "As shipped" is the root release profile (opt-level "z", LTO, 1 codegen unit, panic=abort) followed by
# `wasm-opt -Oz`, as trunk does for the app (index.html: data-wasm-opt="z"); without wasm-opt on PATH
# that step is skipped and the label says so. Output goes to target/bench-engine-wasm/.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)

QUICK=0
for arg in "$@"; do
  case "$arg" in
    --quick) QUICK=1 ;;
    *) echo "usage: bash bench/engine-wasm.sh [--quick]" >&2; exit 2 ;;
  esac
done

OUT="$ROOT/target/bench-engine-wasm"
CRATE=tyokyky-bench-engine-wasm
WASM_NAME=tyokyky_bench_engine_wasm
mkdir -p "$OUT"

# build <label> <out dir> [cargo target dir]: a release build for wasm32, wasm-bindgen, wasm-opt -Oz.
build() {
  local label=$1 dir=$2 target_dir=${3:-$ROOT/target} optimise=1
  if [ "$QUICK" = 1 ]; then
    # The smoke run skips wasm-opt (~10 s of CPU); the app's own release build exercises it anyway.
    optimise=0
    label="${label/ as shipped/}"
    label="${label/, wasm-opt -Oz/} [quick: wasm-opt skipped]"
  elif ! command -v wasm-opt > /dev/null; then
    optimise=0
    label="${label/ as shipped/}"
    label="${label/, wasm-opt -Oz/} [wasm-opt not on PATH: skipped]"
  fi
  echo "== building: $label" >&2
  CARGO_TARGET_DIR="$target_dir" cargo build -p "$CRATE" --release --target wasm32-unknown-unknown --locked >&2
  rm -rf "$dir"
  mkdir -p "$dir"
  wasm-bindgen --target web --out-dir "$dir" "$target_dir/wasm32-unknown-unknown/release/$WASM_NAME.wasm"
  if [ "$optimise" = 1 ]; then
    wasm-opt -Oz --output "$dir/${WASM_NAME}_bg.opt.wasm" "$dir/${WASM_NAME}_bg.wasm"
    mv "$dir/${WASM_NAME}_bg.opt.wasm" "$dir/${WASM_NAME}_bg.wasm"
  fi
  printf '%s\n' "$label" > "$dir/variant.txt"
}

started=$SECONDS
DIRS=("$OUT/release")
build "release as shipped (opt-level z, LTO, wasm-opt -Oz)" "$OUT/release"
if [ "$QUICK" = 0 ]; then
  # The same profile at opt-level 3, in its own target dir so it never replaces the shipped build's artefacts.
  CARGO_PROFILE_RELEASE_OPT_LEVEL=3 build "release at opt-level 3 (LTO, wasm-opt -Oz)" "$OUT/release-o3" "$ROOT/target/bench-engine-wasm-o3"
  DIRS+=("$OUT/release-o3")
fi
echo "== built in $(( SECONDS - started )) s" >&2

ARGS=()
[ "$QUICK" = 1 ] && ARGS+=(--quick)
BENCH_COMMAND="bash bench/engine-wasm.sh${*:+ $*}" node bench/engine-wasm.js "${ARGS[@]}" "${DIRS[@]}"
