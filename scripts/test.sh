#!/usr/bin/env bash
# Every check and test of tyokyky, in the order a failure is cheapest to find. Installs what it needs first
# (scripts/setup.sh). `.ci/run` runs exactly this.
#
# Usage: scripts/test.sh [quick]
#   (none)  everything: what CI runs
#   quick   the inner loop while changing code: format, lints, native tests (the inbox's store and API
#           tests also on a throw-away PostgreSQL), the rules check, the FHIR validation of the
#           exported examples and the backend conformance kit (no browser, no release build, no
#           end-to-end tests, no fuzzing)
set -euo pipefail
cd "$(dirname "$0")/.."

MODE=${1:-full}
case "$MODE" in full | quick) ;; *) echo "usage: $0 [quick]" >&2; exit 2 ;; esac

# Both modes need PostgreSQL for the inbox's tests on it (the quick one skips the browser, not the server).
scripts/setup.sh test
export PATH="$HOME/.cargo/bin:$PATH"
export RUST_BACKTRACE=0 TRUNK_SKIP_VERSION_CHECK=true CARGO_TERM_COLOR=never

started=$SECONDS
step() {
  local name=$1
  shift
  local begun=$SECONDS
  printf '\n\033[1m== %s\033[0m\n$ %s\n' "$name" "$*"
  "$@"
  printf '\033[1m== %s: done in %d s\033[0m\n' "$name" $((SECONDS - begun))
}

step "format" cargo fmt --all --check
step "clippy (native)" cargo clippy --workspace --all-targets --locked -- -D warnings
step "clippy (wasm32, app)" cargo clippy -p tyokyky --all-targets --locked --target wasm32-unknown-unknown -- -D warnings
# The engine as the browser links it (its tests use native-only crates such as proptest).
step "clippy (wasm32, engine)" cargo clippy -p tyokyky-engine --lib --locked \
  --target wasm32-unknown-unknown -- -D warnings
step "native tests" cargo test --workspace --locked
# The inbox's store and API tests once more on PostgreSQL: a throw-away cluster (scripts/pg-cluster.sh,
# as the postgres user when run as root) on a loopback port, each test in a schema of its own, the
# cluster removed afterwards also when a test fails. The tests that stop and start the server, or run
# several instances on it, start clusters of their own in the step above.
step "inbox on PostgreSQL (store, API and relay tests)" scripts/pg-cluster.sh run \
  cargo test -p tyokyky-inbox --locked --lib --test api --test access_log --test retention --test outbox \
  --test sealing --test relay
step "rules check (the county lint)" cargo run --quiet --locked -p tyokyky-rules -- check rules
# FHIR R4 (tests/fhir/): the validator (fhir.resources 6.4.0 and its own checks of references within a
# Bundle and of a Questionnaire's links) passes its good fixtures and fails each bad one with the message
# recorded beside it; then the product's exported examples, at least six files, all valid.
step "FHIR validator self-test (good and bad fixtures)" tests/fhir/validate.sh --self-test
step "FHIR export of the examples, validated as R4" tests/fhir/run.sh
# The backend conformance kit (conformance/) against the inbox and the minimal backend, which must pass,
# and against the minimal backend broken on purpose, which must fail on the check each break names.
step "backend conformance kit (inbox, minimal backend, broken backends)" tests/conformance/run.sh
if [ "$MODE" = quick ]; then
  printf '\nquick checks passed in %d s (the full command, scripts/test.sh, also runs the browser, end-to-end, benchmark-smoke, fuzzing and load checks)\n' $((SECONDS - started))
  exit 0
fi
step "browser tests (headless Chromium)" cargo test -p tyokyky --locked --target wasm32-unknown-unknown --test browser
step "release build of the app (public and worker bundles)" scripts/build.sh
step "sizes of the release app, against the budget" node scripts/sizes.js dist --budget bench/size-budget.json
step "inbox for the end-to-end tests" cargo build -p tyokyky-inbox --locked
step "end-to-end tests (real inbox, Chromium, axe-core)" tests/e2e/node_modules/.bin/playwright test -c tests/e2e/playwright.config.js
# The benchmarks in their smoke modes: they must keep working; their figures are not checked here (timed
# tests would flake on a shared machine). The figures: BENCHMARKS.md.
step "benchmark smoke: time to interactive and input latency" node bench/browser.js --quick
step "benchmark smoke: reading load of the self-assessment" node bench/reading.js --quick
step "benchmark smoke: the engine in WASM in Chromium" bash bench/engine-wasm.sh --quick
step "benchmark smoke: the delivery queue's retries against a failing backend" node bench/retries.js --quick
# Fuzzing: every fuzz target (fuzz/) for 20 s from its committed seeds; any crash fails.
step "fuzzing: rule files, catalogues, questionnaires, case JSON, documents (20 s each)" scripts/fuzz.sh 20
# The inbox's load check: a bounded loopback burst with 15 % duplicate keys and 15 % malformed bodies; it
# fails on any 5xx or transport error, a duplicate not answered with its first receipt, a malformed body
# not refused with a 4xx, or a stored set that differs from the acknowledged one.
step "inbox under load with duplicates and malformed bodies, every document stored once" \
  cargo test -p tyokyky-inbox --bench load --locked -- --duplicates 0.15 --malformed 0.15
step "the same on PostgreSQL, two instances on one database" \
  cargo test -p tyokyky-inbox --bench load --locked -- --quick --postgres --instances 2 --duplicates 0.15 --malformed 0.15
# A county's own bundle in one command (scripts/county-build.sh), built into a folder of its own: last, as
# it compiles the release app again with another catalogue baked in.
step "county build: a county's catalogue checked and baked into both bundles" tests/county/run.sh

printf '\nall checks passed in %d s\n' $((SECONDS - started))
