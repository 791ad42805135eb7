#!/usr/bin/env bash
# Installs what building and testing tyokyky needs, idempotently: every step first checks whether the exact
# version is already there. Sources: the Rust dist server (rustup), crates.io, Debian apt, npm and PyPI.
# Nothing is downloaded from GitHub, and trunk is pinned (Trunk.toml) so it never tries to.
#
# Usage: scripts/setup.sh [build|test]
#   build  what building and running the app needs (Rust target, trunk, wasm-bindgen, wasm-opt)
#   test   that, plus Chromium, its WebDriver, the end-to-end test packages and the FHIR validator (the
#          default)
#
# First run on a fresh machine (2 cores): about 10 minutes, most of it compiling trunk (~7 min) and
# wasm-bindgen-cli (~2 min). A second run takes about a second.
set -euo pipefail

PURPOSE=${1:-test}
case "$PURPOSE" in build | test) ;; *) echo "usage: $0 [build|test]" >&2; exit 2 ;; esac

cd "$(dirname "$0")/.."
ROOT=$(pwd)

RUST_TOOLCHAIN=1.95.0          # rust-toolchain.toml; trunk 0.22 would need rustc >= 1.96.1
TRUNK_VERSION=0.21.14
TERSER_NPM_VERSION=5.51.4      # minifies the JavaScript glue at build time
BINARYEN_NPM_VERSION=132.0.0   # wasm-opt; Debian's binaryen (108) cannot read wasm-bindgen 0.2.130 output
# The wasm-bindgen CLI must be exactly the version of the crate in Cargo.lock.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)

export PATH="$HOME/.cargo/bin:$PATH"
export DEBIAN_FRONTEND=noninteractive
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; fi

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

# 1. Rust: the pinned toolchain, its wasm target and the lint tools.
if ! rustup toolchain list | grep -q "^$RUST_TOOLCHAIN"; then
  say "installing Rust $RUST_TOOLCHAIN"
  rustup toolchain install "$RUST_TOOLCHAIN" --profile minimal
fi
installed_targets=$(rustup +"$RUST_TOOLCHAIN" target list --installed)
if ! grep -q '^wasm32-unknown-unknown$' <<<"$installed_targets"; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add --toolchain "$RUST_TOOLCHAIN" wasm32-unknown-unknown
fi
installed_components=$(rustup +"$RUST_TOOLCHAIN" component list --installed)
for component in clippy rustfmt; do
  if ! grep -q "^$component" <<<"$installed_components"; then
    say "adding $component"
    rustup component add --toolchain "$RUST_TOOLCHAIN" "$component"
  fi
done

# 2. Chromium and its WebDriver from Debian (same version; chromedriver finds /usr/bin/chromium),
#    poppler-utils, whose pdftotext reads back the printed client plan in the end-to-end tests, and
#    e2fsprogs (mkfs.ext4, e2fsck) for the disk-fault tests' loop-mounted ext4 (usually there already).
if [ "$PURPOSE" = test ] && { ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1 ||
  ! command -v pdftotext >/dev/null 2>&1 || ! PATH="$PATH:/usr/sbin:/sbin" command -v mkfs.ext4 >/dev/null 2>&1; }; then
  say "installing chromium, chromium-driver, poppler-utils and e2fsprogs from Debian"
  apt_log=$(mktemp)
  if ! { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver poppler-utils e2fsprogs; } \
    >"$apt_log" 2>&1; then
    cat "$apt_log" >&2
    exit 1
  fi
  rm -f "$apt_log"
fi

# 2b. PostgreSQL and HAProxy from Debian, for the tests that run the inbox on a real PostgreSQL server and
#    several instances behind a balancer. The tests start and stop their own throw-away cluster (as the
#    `postgres` user when run as root: PostgreSQL refuses root); the package's own cluster is not used.
if [ "$PURPOSE" = test ] && { ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 ||
  ! PATH="$PATH:/usr/sbin:/sbin" command -v haproxy >/dev/null 2>&1; }; then
  say "installing postgresql and haproxy from Debian"
  apt_log=$(mktemp)
  if ! { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends postgresql haproxy; } \
    >"$apt_log" 2>&1; then
    cat "$apt_log" >&2
    exit 1
  fi
  rm -f "$apt_log"
fi

# 3. trunk, without its default features: they only add TLS stacks and an update check, which this
#    offline build never uses, and cost about a minute of compiling.
if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (takes about 7 minutes)"
  cargo +"$RUST_TOOLCHAIN" install --locked --no-default-features "trunk@$TRUNK_VERSION"
fi

# 4. wasm-bindgen-cli (also gives wasm-bindgen-test-runner). Its published lock file names a webpki-roots
#    that crates.io does not serve here, so `--locked` can fail at resolution; then the same lock file is
#    used with only that one crate moved back a patch version.
install_wasm_bindgen_cli() {
  if cargo +"$RUST_TOOLCHAIN" install --locked --no-default-features "wasm-bindgen-cli@$WASM_BINDGEN_VERSION"; then
    return 0
  fi
  say "retrying wasm-bindgen-cli with its lock file patched for webpki-roots"
  cargo +"$RUST_TOOLCHAIN" info "wasm-bindgen-cli@$WASM_BINDGEN_VERSION" >/dev/null
  local source work
  source=$(ls -d "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/"wasm-bindgen-cli-$WASM_BINDGEN_VERSION" | head -1)
  work=$(mktemp -d)
  cp -r "$source"/. "$work"/
  (cd "$work" && cargo +"$RUST_TOOLCHAIN" update -p webpki-roots --precise 1.0.10 &&
    cargo +"$RUST_TOOLCHAIN" install --locked --no-default-features --force --path .)
  rm -rf "$work"
}
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (takes about 2 minutes)"
  install_wasm_bindgen_cli
fi

# 5. wasm-opt from npm's binaryen (a prebuilt emscripten build inside the npm package, run by node).
if dpkg -s binaryen >/dev/null 2>&1; then
  say "removing Debian's binaryen: its wasm-opt is too old and would shadow npm's"
  $SUDO apt-get remove -y -qq binaryen
fi
if [ "$(wasm-opt --version 2>/dev/null | awk '{print $3}')" != "${BINARYEN_NPM_VERSION%%.*}" ]; then
  say "installing wasm-opt (npm binaryen@$BINARYEN_NPM_VERSION)"
  $SUDO npm install --global --no-fund --no-audit --loglevel=error "binaryen@$BINARYEN_NPM_VERSION"
fi

# 5b. terser from npm: the build minifies wasm-bindgen's JavaScript glue with it (trunk minifies the pages
#     and the stylesheet, not the glue): about 2.5 KB gzip off each bundle.
if [ "$(terser --version 2>/dev/null | awk '{print $2}')" != "$TERSER_NPM_VERSION" ]; then
  say "installing terser@$TERSER_NPM_VERSION (npm)"
  $SUDO npm install --global --no-fund --no-audit --loglevel=error "terser@$TERSER_NPM_VERSION"
fi

# 6. The end-to-end test packages from the committed lock file: @playwright/test (the runner, with the
#    playwright-core that bench/ also uses) and @axe-core/playwright (with axe-core). None of them downloads
#    a browser (no `playwright install`): the tests drive Debian's chromium. @axe-core/playwright 4.14.1
#    declares node >= 22.12, but its CommonJS build needs nothing newer than the node 20 here; npm only
#    warns about it.
E2E="$ROOT/tests/e2e"
# True when node_modules holds exactly the versions package-lock.json names.
e2e_packages_current() {
  [ -f "$E2E/node_modules/.package-lock.json" ] || return 1
  node -e "
    const versions = file => Object.entries(require(file).packages)
      .filter(([name]) => name).map(([name, entry]) => name + '@' + entry.version).sort().join(' ');
    process.exit(versions('$E2E/package-lock.json') === versions('$E2E/node_modules/.package-lock.json') ? 0 : 1);"
}
if [ "$PURPOSE" = test ] && ! e2e_packages_current; then
  say "installing the end-to-end test packages (npm ci)"
  (cd "$E2E" && npm ci --no-fund --no-audit --loglevel=error)
fi

# 7. The FHIR validator (tests/fhir/validate.py): fhir.resources and what it needs from PyPI, in a venv of
#    its own (.tools/fhir-venv, not committed), every package pinned with its hashes in
#    tests/fhir/requirements.txt. The venv is made again when any installed version differs from a pin.
FHIR_VENV="$ROOT/.tools/fhir-venv"
FHIR_REQUIREMENTS="$ROOT/tests/fhir/requirements.txt"
# `name==version` a line, names lowercased with runs of - _ . as one -, sorted: from the requirements file
# (extras dropped) or from `pip freeze`.
normalised_pins() {
  awk -F'==' 'NF >= 2 && $1 !~ /^[ #-]/ {
    name = tolower($1); sub(/\[.*\]/, "", name); gsub(/[-_.]+/, "-", name)
    split($2, version, /[ \\;]/); print name "==" version[1] }' | sort
}
fhir_venv_current() {
  [ -x "$FHIR_VENV/bin/python" ] && "$FHIR_VENV/bin/python" -c 'import sys' 2>/dev/null || return 1
  [ "$(normalised_pins <"$FHIR_REQUIREMENTS")" = "$("$FHIR_VENV/bin/python" -m pip freeze 2>/dev/null | normalised_pins)" ]
}
if [ "$PURPOSE" = test ] && ! fhir_venv_current; then
  say "installing the FHIR validator into .tools/fhir-venv (pip, pinned with hashes)"
  rm -rf "$FHIR_VENV"
  python3 -m venv "$FHIR_VENV"
  pip_log=$(mktemp)
  if ! "$FHIR_VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-input \
    --require-hashes --only-binary=:all: -r "$FHIR_REQUIREMENTS" >"$pip_log" 2>&1; then
    cat "$pip_log" >&2
    rm -rf "$FHIR_VENV"
    exit 1
  fi
  rm -f "$pip_log"
  fhir_venv_current || { echo "[setup] .tools/fhir-venv does not hold exactly the pinned versions" >&2; exit 1; }
fi

test_tools=""
if [ "$PURPOSE" = test ]; then
  test_tools=", $(chromium --version 2>/dev/null | awk '{print $1, $2}'), fhir.resources \
$("$FHIR_VENV/bin/python" -c 'import fhir.resources as f; print(f.__version__, "(FHIR " + f.__fhir_version__ + ")")')"
fi
say "ready ($PURPOSE): rustc $(rustc +"$RUST_TOOLCHAIN" --version | awk '{print $2}'), trunk $(trunk --version | awk '{print $2}'), \
wasm-bindgen $(wasm-bindgen --version | awk '{print $2}'), wasm-opt $(wasm-opt --version | awk '{print $3}'), \
node $(node --version)$test_tools"
