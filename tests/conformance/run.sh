#!/usr/bin/env bash
# The conformance kit (conformance/check.py) against the reference inbox and against the minimal example
# backend (conformance/minimal_server.py): both must conform, and the example must keep exactly one copy
# of each key it was sent. Then each of the example's broken modes must make the kit fail, naming the
# check that the mode breaks, so that a kit which passes everything would fail here. Servers listen on
# free loopback ports and are stopped on exit, also on failure.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$HOME/.cargo/bin:$PATH"
ORIGIN=http://portal.example

work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

# start NAME COMMAND…: runs a server in the background and sets `url` to the first address it prints.
start() {
  local name=$1
  shift
  "$@" >"$work/$name.out" 2>"$work/$name.err" &
  local pid=$!
  pids+=("$pid")
  for _ in $(seq 200); do
    url=$(grep -o 'http://[^ ]*' "$work/$name.out" | head -n 1 || true)
    [ -n "$url" ] && return 0
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "$name did not start:" >&2
  cat "$work/$name.err" >&2
  exit 1
}

# one_copy_each URL: whether the minimal backend at URL keeps at least one key, each in exactly one copy.
one_copy_each() {
  python3 - "$1" <<'EOF'
import json, sys, urllib.request
copies = json.load(urllib.request.urlopen(sys.argv[1]))["copies"]
print(f"stored copies per key: {copies}")
sys.exit(0 if copies and all(count == 1 for count in copies.values()) else 1)
EOF
}

cargo build --quiet -p tyokyky-inbox --locked
inbox="${CARGO_TARGET_DIR:-target}/debug/tyokyky-inbox"

echo "== the reference inbox"
start inbox "$inbox" --port 0 --dist "$work/no-app" --data-dir "$work/inbox" --cors-origin "$ORIGIN"
python3 conformance/check.py --url "${url}api/documents" --origin "$ORIGIN"

for answer in 202 204; do
  echo
  echo "== the minimal backend, answering $answer"
  start "minimal-$answer" python3 conformance/minimal_server.py --port 0 --origin "$ORIGIN" --answer "$answer"
  python3 conformance/check.py --url "$url" --origin "$ORIGIN"
  one_copy_each "${url%/documents}/stored"
done

echo
echo "== the minimal backend broken on purpose: the kit must fail on the check each mode breaks"
for case in store-twice:same-key-same-body-accepted refuse-repeat:same-key-same-body-accepted \
  accept-other-body:same-key-other-body-refused accept-bad:malformed-json-refused \
  accept-bad:not-a-document-refused no-cors:cors-preflight no-cors:cors-answer; do
  mode=${case%%:*}
  expected=${case#*:}
  start "broken-$mode-$expected" \
    python3 conformance/minimal_server.py --port 0 --origin "$ORIGIN" --broken "$mode"
  status=0
  python3 conformance/check.py --url "$url" --origin "$ORIGIN" --json >"$work/report.json" || status=$?
  failed=$(python3 -c 'import json, sys; print(" ".join(json.load(sys.stdin)["failed"]))' \
    <"$work/report.json")
  if [ "$status" -ne 1 ] || [[ " $failed " != *" $expected "* ]]; then
    echo "--broken $mode: expected exit 1 and a failed $expected;" \
      "got exit $status, failed: ${failed:-none}" >&2
    cat "$work/report.json" >&2
    exit 1
  fi
  echo "--broken $mode: fails as it must, on $expected (all failed: $failed)"
  if [ "$mode" = store-twice ] && one_copy_each "${url%/documents}/stored"; then
    echo "--broken store-twice: the stored copies were not counted twice" >&2
    exit 1
  fi
done
echo
echo "conformance: the inbox and the minimal backend conform, and every broken mode is caught"
