#!/usr/bin/env bash
# Throughput of the emulator: wrk against an authenticated GET (list archives) with keep-alive.
# Usage (from the repo root): bench/emulator/run.sh [duration=10s] [connections=50] [threads=1]
set -euo pipefail
dur=${1:-10s}; conns=${2:-50}; threads=${3:-1}
bin=target/release/opentok-emulator
[ -x "$bin" ] || cargo build --release -p opentok-emulator
out=$(mktemp)
"$bin" --port 0 >"$out" &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -f "$out"' EXIT
for _ in $(seq 100); do [ -s "$out" ] && break; sleep 0.05; done
url=$(head -1 "$out")
token=$(python3 bench/emulator/jwt.py)   # valid for 300 s
wrk -t"$threads" -c"$conns" -d"$dur" -H "X-OPENTOK-AUTH: $token" "$url/v2/project/123456/archive"
