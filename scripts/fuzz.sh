#!/usr/bin/env bash
# Fuzzes every input path of tyokyky that reads untrusted text: a rule file, a service
# catalogue, a questionnaire, the case JSON of `tyokyky-rules evaluate`, and the document the inbox decodes.
# The targets are in fuzz/ (its own cargo workspace; what each one runs: fuzz/src/lib.rs).
#
# Usage: scripts/fuzz.sh [seconds-per-target] [target ...]
#   default 30 s per target and every target; CI runs `scripts/fuzz.sh 20`. Run longer by hand, e.g.
#   `scripts/fuzz.sh 600 rule_file`.
#
# Tooling: cargo-fuzz (libFuzzer, via the libfuzzer-sys crate) with `--sanitizer none`, which needs no
# nightly: cargo-fuzz then passes only stable flags (`-Cpasses=sancov-module` and `-Cllvm-args=…` for the
# coverage counters). `--debug-assertions` turns on overflow checks, so an overflow is a finding too.
# cargo-fuzz is installed from crates.io (pinned) if missing; libFuzzer's C++ is built by libfuzzer-sys
# with the system's g++.
#
# Each run starts from the committed seeds (fuzz/corpus/<target>/, read only) and what earlier runs found
# (fuzz/work/corpus/<target>/, gitignored); a crash, timeout (> 5 s for one input) or running out of
# memory (> 2048 MB) is written to fuzz/artifacts/<target>/ and makes this script fail after every target
# has run. To reproduce one: `cargo fuzz run -s none -a <target> fuzz/artifacts/<target>/<file>`.
#
# On a fresh machine (2 cores): installing cargo-fuzz 25–50 s, the first build 50 s–2 min (the more the
# machine is busy, the longer), then 5 × the seconds given: `scripts/fuzz.sh 20` took 3 min in all. Once
# built, a change to the engine rebuilds in about 35 s.
set -euo pipefail

SECONDS_PER_TARGET=${1:-30}
shift || true
case "$SECONDS_PER_TARGET" in '' | *[!0-9]*) echo "usage: $0 [seconds-per-target] [target ...]" >&2; exit 2 ;; esac
ALL_TARGETS=(rule_file catalogue questionnaire case_json document)
if [ $# -gt 0 ]; then TARGETS=("$@"); else TARGETS=("${ALL_TARGETS[@]}"); fi

cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
CARGO_FUZZ_VERSION=0.13.1

say() { printf '\033[1m[fuzz]\033[0m %s\n' "$*"; }

if ! cargo fuzz --version 2>/dev/null | grep -qx "cargo-fuzz $CARGO_FUZZ_VERSION"; then
  say "installing cargo-fuzz $CARGO_FUZZ_VERSION from crates.io"
  cargo install cargo-fuzz --locked --version "$CARGO_FUZZ_VERSION"
fi

# cargo-fuzz has no --locked: fetch exactly what fuzz/Cargo.lock pins first (fails if it is out of date),
# so the build cannot change it.
cargo fetch --locked --manifest-path fuzz/Cargo.toml --target "$(rustc -vV | sed -n 's/^host: //p')"

begun=$SECONDS
say "building the fuzz targets"
cargo fuzz build --fuzz-dir fuzz --sanitizer none --debug-assertions
say "built in $((SECONDS - begun)) s"

failed=()
summary=()
for target in "${TARGETS[@]}"; do
  mkdir -p "fuzz/work/corpus/$target" fuzz/work/logs
  log="fuzz/work/logs/$target.log"
  say "$target: ${SECONDS_PER_TARGET} s"
  dict=()
  if [ -f "fuzz/dict/$target.dict" ]; then dict=(-dict="fuzz/dict/$target.dict"); fi
  status=0
  cargo fuzz run --fuzz-dir fuzz --sanitizer none --debug-assertions "$target" \
    "fuzz/work/corpus/$target" "fuzz/corpus/$target" -- \
    -max_total_time="$SECONDS_PER_TARGET" -timeout=5 -rss_limit_mb=2048 -print_final_stats=1 "${dict[@]}" \
    >"$log" 2>&1 || status=$?
  # What libFuzzer printed (some lines are missing when it stops at a crash, even before its first status).
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  ran=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -n 1)
  corpus=$(sed -n 's/.* corp: \([0-9]*\/[0-9]*[a-zA-Z]*\) .*/\1/p' "$log" | tail -n 1)
  artifact=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1)
  line="$target: ${ran:-?} s, ${runs:-?} executions, corpus ${corpus:-?} (entries/size)"
  if [ "$status" -ne 0 ]; then
    line="$line, CRASH (exit $status)${artifact:+: $artifact}"
    failed+=("$target")
    grep -E -A 1 -m 3 "panicked at|ERROR: libFuzzer" "$log" >&2 || tail -n 30 "$log" >&2 || true
  else
    line="$line, no crashes"
  fi
  say "$line"
  summary+=("$line")
done

printf '\n'
for line in "${summary[@]}"; do say "$line"; done
if [ ${#failed[@]} -gt 0 ]; then
  say "crashes in: ${failed[*]} (logs: fuzz/work/logs/, inputs: fuzz/artifacts/)"
  exit 1
fi
