#!/usr/bin/env bash
# Builds the release app and starts the reference inbox serving it, with its SQLite file in ./data.
# Installs what it needs first (scripts/setup.sh build). Extra arguments go to the inbox, e.g.
#   scripts/run.sh --port 9000        (or TYOKYKY_PORT=9000 scripts/run.sh; see --help for the rest)
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh build
export PATH="$HOME/.cargo/bin:$PATH"
export RUST_BACKTRACE=0 TRUNK_SKIP_VERSION_CHECK=true

echo "[run] building the app (release: the public and the worker bundle)"
scripts/build.sh
echo "[run] building the inbox"
cargo build --profile server -p tyokyky-inbox --locked
# The inbox defaults to ./dist for the app and ./data for its database; flags and TYOKYKY_* override.
exec target/server/tyokyky-inbox "$@"
