#!/usr/bin/env bash
# A throw-away PostgreSQL server for the tests: a new cluster in a folder of its own, on a free loopback port,
# with Debian's binaries (scripts/setup.sh test installs them). PostgreSQL refuses to run as root, so as root
# the cluster is made and run as the package's `postgres` user. Durability is PostgreSQL's default (fsync and
# synchronous commit on), as a deployment has it. Only the superuser `tyokyky`, trusted on loopback.
#
# Usage: scripts/pg-cluster.sh start DIR    make the cluster in DIR (once) and start it; prints its URL
#        scripts/pg-cluster.sh stop DIR     stop it at once (as a crash would), keeping its data
#        scripts/pg-cluster.sh remove DIR   stop it and remove DIR
#        scripts/pg-cluster.sh url DIR      print its URL
#        scripts/pg-cluster.sh run CMD...   start one in a temporary folder, run CMD with TYOKYKY_TEST_POSTGRES
#                                           set to its URL, and remove it afterwards, also when CMD fails
# A cluster started again after `stop` listens on the same port. The folders above DIR must let other users
# through (as /tmp does).
set -euo pipefail

bin=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "pg-cluster: no PostgreSQL under /usr/lib/postgresql: run scripts/setup.sh test" >&2
  exit 1
fi

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

url() { echo "postgres://tyokyky@127.0.0.1:$(cat "$1/port")/postgres"; }

start() {
  local dir=$1
  mkdir -p "$dir"
  # The `postgres` user must reach the folder; the data folder inside is its own (0700).
  chmod 0777 "$dir"
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    as_owner "$bin/initdb" -D "$dir/data" -U tyokyky -A trust -E UTF8 --locale=C --no-sync >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; exit 1; }
    free_port >"$dir/port"
  fi
  local port
  port=$(cat "$dir/port")
  if ! as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-h 127.0.0.1 -p $port -k $dir" start >/dev/null; then
    cat "$dir/server.log" >&2
    exit 1
  fi
  url "$dir"
}

stop() {
  local dir=$1
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
}

case "${1:-}" in
  start) start "$2" ;;
  stop) stop "$2" ;;
  remove) stop "$2"; rm -rf "$2" ;;
  url) url "$2" ;;
  run)
    shift
    dir=$(mktemp -d "${TMPDIR:-/tmp}/tyokyky-pg-XXXXXX")
    trap 'stop "$dir"; rm -rf "$dir"' EXIT
    TYOKYKY_TEST_POSTGRES=$(start "$dir")
    export TYOKYKY_TEST_POSTGRES
    "$@"
    ;;
  *)
    sed -n '2,15p' "$0" >&2
    exit 2
    ;;
esac
