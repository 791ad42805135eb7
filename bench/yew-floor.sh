#!/usr/bin/env bash
# Benchmark: what the smallest Yew page (bench/yew-floor/) weighs, built as the app's bundles are: the
# release profile (opt-level "z", LTO, one codegen unit, panic=abort), wasm-bindgen --target web,
# `wasm-opt -Oz`, the glue minified by terser. Prints raw and gzip -9 sizes of the .wasm and the glue.
#
#   bash bench/yew-floor.sh     # about 2-3 minutes the first time (its own target/ and Cargo.lock)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/yew-floor"
export PATH="$HOME/.cargo/bin:$PATH"
cargo build --release --target wasm32-unknown-unknown --quiet
OUT=target/floor
rm -rf "$OUT" && mkdir -p "$OUT"
wasm-bindgen --target web --out-dir "$OUT" target/wasm32-unknown-unknown/release/tyokyky_bench_yew_floor.wasm
# The app's wasm-opt features (trunk's defaults for binaryen 132).
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  "$OUT/tyokyky_bench_yew_floor_bg.wasm" -o "$OUT/floor.wasm"
# terser as scripts/setup.sh installs it for the app's build.
terser "$OUT/tyokyky_bench_yew_floor.js" -c -m -o "$OUT/floor.js"
total=0
for file in floor.wasm floor.js; do
  raw=$(stat -c %s "$OUT/$file")
  gz=$(gzip -9c "$OUT/$file" | wc -c)
  total=$((total + gz))
  printf '%-11s raw %8d   gzip -9 %7d\n' "$file" "$raw" "$gz"
done
printf 'total gzip -9: %d bytes (commit %s)\n' "$total" "$(git rev-parse --short HEAD)"
