#!/usr/bin/env bash
# Faithfulness check: drives the official `opentok` packages (PyPI 3.x, npm 2.23.x) against the emulator.
# Idempotent; run from the repo root: tests/peers/run.sh
# The official packages live only in target/peers/ (throw-away); nothing else depends on them.
set -euo pipefail
root=$(pwd)
peers="$root/target/peers"
mkdir -p "$peers"

if [ ! -x "$peers/venv/bin/python" ] || ! "$peers/venv/bin/python" -c 'import opentok' 2>/dev/null; then
  python3 -m venv "$peers/venv"
  "$peers/venv/bin/pip" install -q 'opentok>=3,<4'
fi
if [ ! -d "$peers/node/node_modules/opentok" ]; then
  mkdir -p "$peers/node"
  (cd "$peers/node" && { [ -f package.json ] || npm init -y >/dev/null; } && npm install --silent --no-audit --no-fund 'opentok@~2.23.0')
fi

bin="$root/target/release/opentok-emulator"
[ -x "$bin" ] || cargo build --release -p opentok-emulator

out=$(mktemp)
"$bin" --port 0 >"$out" &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -f "$out"' EXIT
for _ in $(seq 200); do [ -s "$out" ] && break; sleep 0.05; done
url=$(head -1 "$out")
[ -n "$url" ] || { echo "emulator did not start"; exit 1; }
echo "emulator at $url"
echo "python opentok $("$peers/venv/bin/python" -c 'import opentok.version as v; print(v.__version__)'), node opentok $(node -p "require('$peers/node/node_modules/opentok/package.json').version")"

status=0
"$peers/venv/bin/python" "$root/tests/peers/python_peer.py" "$url" || status=1
# Python differential suite: ours in its own venv (the checkout's package on its path), the official in $peers/venv.
if [ ! -x "$peers/ours-venv/bin/python" ]; then
  python3 -m venv "$peers/ours-venv"
  echo "$root/python" > "$("$peers/ours-venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')/opentok_rs_checkout.pth"
fi
cp -u "$root/target/release/libopentok_python.so" "$root/python/opentok/_native.abi3.so"
python3 "$root/tests/peers/diff_python.py" "$url" "$peers/venv/bin/python" "$peers/ours-venv/bin/python" || status=1
PEERS_NODE_DIR="$peers/node" node "$root/tests/peers/node_peer.js" "$url" || status=1
PEERS_NODE_DIR="$peers/node" node "$root/tests/peers/diff_node.js" "$url" || status=1
OPENTOK_TRANSPORT=host PEERS_NODE_DIR="$peers/node" node "$root/tests/peers/diff_node.js" "$url" || status=1
exit $status
