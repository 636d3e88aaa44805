#!/usr/bin/env bash
# Runs CI exactly as CI does (`CI=true bash .ci/run` in a fresh clone of this checkout, ../shared beside it) N times in
# a row while one core is kept busy, and prints one line per run: passed/failed and seconds. Usage:
#   bash scripts/proveStableUnderLoad.sh [runs=5]
set -u
runs="${1:-5}"
repo="$(cd "$(dirname "$0")/.." && pwd)"
shared="$(cd "$repo/../shared" && pwd)"
# One core busy for at most 4 hours, stopped when this script ends however it ends.
timeout 4h bash -c 'while :; do :; done' &
busy=$!
trap 'kill "$busy" 2>/dev/null' EXIT
for i in $(seq 1 "$runs"); do
  dir="$(mktemp -d)"
  git clone -q "$repo" "$dir/p" && ln -s "$shared" "$dir/shared"
  start=$(date +%s)
  (cd "$dir/p" && CI=true bash .ci/run >"$dir/ci.log" 2>&1)
  code=$?
  summary="$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$dir/ci.log" | tail -1)"
  echo "run $i: exit $code, ${summary:-no summary}, $(($(date +%s) - start)) s, log $dir/ci.log"
done
