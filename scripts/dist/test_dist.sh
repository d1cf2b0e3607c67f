#!/usr/bin/env bash
# make test-dist: install every artifact of target/dist in a scratch environment with no Rust toolchain
# (PATH without cargo/rustc, CARGO_HOME and RUSTUP_HOME unset) and run each language's quick-start against
# the emulator of the CLI tarball. Ends with "test-dist: N passed, N failed".
#   scripts/dist/test_dist.sh DIST_DIR SCRATCH_DIR
set -uo pipefail

DIST=$(cd "$1" && pwd)
SCRATCH=$2
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
VERSION=$(python3 "$ROOT/scripts/dist/version.py")
PASSED=0
FAILED=0
EMU_PID=

# ---- an environment without Rust -------------------------------------------------------------------------
clean_path=
IFS=: read -ra dirs <<< "$PATH"
for d in "${dirs[@]}"; do
  [ -z "$d" ] && continue
  if [ -e "$d/cargo" ] || [ -e "$d/rustc" ] || [ -e "$d/rustup" ]; then continue; fi
  clean_path="${clean_path:+$clean_path:}$d"
done
export PATH=$clean_path
unset CARGO_HOME RUSTUP_HOME CARGO_TARGET_DIR RUSTC RUSTFLAGS CARGO OPENTOK_RS_NATIVE OPENTOK_API_KEY \
  OPENTOK_API_SECRET OPENTOK_API_URL PYTHONPATH RUBYLIB GEM_HOME GEM_PATH NODE_PATH OPENTOK_EMULATOR_BIN
export NO_PROXY=127.0.0.1,localhost no_proxy=127.0.0.1,localhost

rm -rf "$SCRATCH" && mkdir -p "$SCRATCH"
SCRATCH=$(cd "$SCRATCH" && pwd)
cleanup() { if [ -n "$EMU_PID" ]; then kill "$EMU_PID" 2>/dev/null; wait "$EMU_PID" 2>/dev/null; fi; }
trap cleanup EXIT

pass() { PASSED=$((PASSED + 1)); echo "PASS $*"; }
fail() { FAILED=$((FAILED + 1)); echo "FAIL $*"; }
size() { awk -v n="$(basename "$1")" -v b="$(stat -c %s "$1")" 'BEGIN { printf "  %-58s %9.1f KiB\n", n, b / 1024 }'; }
# shellcheck disable=SC2206  # $1 is a glob on purpose
one() { local hits=("$DIST"/$1); [ -f "${hits[0]}" ] || { echo "no $1 in $DIST" >&2; return 1; }; echo "${hits[0]}"; }
# step NAME CMD...: runs CMD with its output indented; counts it
step() {
  local name=$1; shift
  echo "--- $name"
  if "$@" 2>&1 | sed 's/^/    /'; then pass "$name"; else fail "$name"; fi
}

if command -v cargo >/dev/null || command -v rustc >/dev/null; then
  echo "cargo/rustc still on PATH: $PATH"; exit 1
fi
echo "scratch environment: PATH=$PATH (no cargo, no rustc), CARGO_HOME/RUSTUP_HOME unset"
echo "artifacts (workspace version $VERSION):"
for f in "$DIST"/*.whl "$DIST"/*.tar.gz "$DIST"/*.tgz "$DIST"/*.gem "$DIST"/m2/com/opentokrs/opentok-rs/*/*.jar; do
  [ -f "$f" ] && size "$f"
done

# ---- CLI tarball --------------------------------------------------------------------------------------------
CLI_DIR=$SCRATCH/cli
cli_test() {
  local tgz; tgz=$(one "opentok-cli-*.tar.gz") || return 1
  mkdir -p "$CLI_DIR" && tar xzf "$tgz" -C "$CLI_DIR" --strip-components=1 || return 1
  local v; v=$("$CLI_DIR/opentok" --version) || return 1
  [ "$v" = "opentok $VERSION" ] || { echo "opentok --version says '$v'"; return 1; }
  "$CLI_DIR/opentok" demo | tail -3
}
step "cli: tarball unpacked, opentok --version, opentok demo" cli_test

# The emulator every quick-start talks to: `opentok emulator` from the unpacked tarball.
printf '#!/bin/sh\nexec "%s/opentok" emulator "$@"\n' "$CLI_DIR" > "$SCRATCH/emulator" && chmod +x "$SCRATCH/emulator"
export OPENTOK_EMULATOR_BIN=$SCRATCH/emulator
"$CLI_DIR/opentok" emulator --port 0 > "$SCRATCH/emulator.out" 2> "$SCRATCH/emulator.err" &
EMU_PID=$!
URL=
for _ in $(seq 200); do  # poll for the first line, up to ~10 s
  URL=$(head -1 "$SCRATCH/emulator.out" 2>/dev/null)
  [ -n "$URL" ] && break
  kill -0 "$EMU_PID" 2>/dev/null || break
  sleep 0.05
done
if [ -z "$URL" ]; then fail "emulator did not print its URL"; cat "$SCRATCH/emulator.err"; URL=http://127.0.0.1:9; fi
echo "emulator: $URL (pid $EMU_PID)"

# ---- Python: wheel into a fresh venv --------------------------------------------------------------------------
VENV=$SCRATCH/venv
python_test() {
  local whl; whl=$(one "*.whl") || return 1
  python3 -m venv "$VENV" || return 1
  "$VENV/bin/pip" install --quiet --no-index --disable-pip-version-check "$whl" || return 1
  cp "$ROOT/python/examples/quickstart.py" "$SCRATCH/quickstart.py"
  (cd "$SCRATCH" && "$VENV/bin/python" -c 'import opentok, sys; f = opentok.__file__; print("imported from", f); sys.exit(0 if "/site-packages/" in f else 1)') || return 1
  (cd "$SCRATCH" && OPENTOK_API_URL=$URL "$VENV/bin/python" quickstart.py)
}
step "python: pip install the wheel into a fresh venv, quick-start" python_test
step "python: import time and peak RSS of the installed wheel" "$VENV/bin/python" "$ROOT/scripts/dist/measure_python.py" 15

# ---- Node: both tarballs into a fresh folder, CommonJS and ESM ---------------------------------------------------
NODE_DIR=$SCRATCH/node-app
node_install() {
  local main plat; main=$(one "opentok-rs-$VERSION.tgz") && plat=$(one "opentok-rs-linux-x64-gnu-$VERSION.tgz") || return 1
  mkdir -p "$NODE_DIR" && echo '{"name":"dist-check","private":true}' > "$NODE_DIR/package.json"
  # --offline: nothing leaves the machine; the other platforms' optional packages are skipped as npm does.
  (cd "$NODE_DIR" && npm install --offline --no-audit --no-fund --loglevel=error "$plat" "$main") || return 1
  local natives; natives=$(find "$NODE_DIR/node_modules/opentok-rs" -name '*.node' | wc -l)
  [ "$natives" = 0 ] || { echo "the main package carries a native file"; return 1; }
  node -e 'const p=require(process.argv[1]); if ((p.scripts||{}).install) { console.error("install script"); process.exit(1) }' \
    "$NODE_DIR/node_modules/opentok-rs/package.json" || return 1
  ls "$NODE_DIR/node_modules/opentok-rs-linux-x64-gnu"
}
step "node: npm install of both tarballs (main has no .node and no install script)" node_install
node_cjs() {
  cp "$ROOT/node/examples/quickstart.js" "$NODE_DIR/quickstart.js"
  (cd "$NODE_DIR" && node -e 'console.log("resolved", require.resolve("opentok-rs"))' && node quickstart.js)
}
step "node: CommonJS quick-start (require)" node_cjs
node_esm() {
  cp "$ROOT/scripts/dist/quickstart.mjs" "$NODE_DIR/quickstart.mjs"
  (cd "$NODE_DIR" && OPENTOK_API_URL=$URL node quickstart.mjs)
}
step "node: ESM quick-start (import)" node_esm
node_missing() {
  local main; main=$(one "opentok-rs-$VERSION.tgz") || return 1
  local d=$SCRATCH/node-missing; mkdir -p "$d" && echo '{"name":"dist-missing","private":true}' > "$d/package.json"
  (cd "$d" && npm install --offline --no-audit --no-fund --loglevel=error --omit=optional "$main") || return 1
  local msg; msg=$(cd "$d" && node -e 'require("opentok-rs")' 2>&1) && { echo "loaded without its platform package"; return 1; }
  echo "$msg" | grep -m1 -o 'the platform package `opentok-rs-linux-x64-gnu` is not installed[^.]*' || { echo "$msg" | tail -5; return 1; }
}
step "node: without the platform package the loader names it" node_missing

# ---- Ruby: platform gem into a scratch GEM_HOME -------------------------------------------------------------
GEMS=$SCRATCH/gems
ruby_test() {
  local gem; gem=$(one "opentok-rs-$VERSION-x86_64-linux.gem") || return 1
  GEM_HOME=$GEMS GEM_PATH=$GEMS gem install --local --no-document --quiet "$gem" || return 1
  cp "$ROOT/ruby/examples/quickstart.rb" "$SCRATCH/quickstart.rb"
  (cd "$SCRATCH" && GEM_HOME=$GEMS GEM_PATH=$GEMS OPENTOK_API_URL=$URL ruby -e '
     require "opentok"
     native = $LOADED_FEATURES.grep(/opentok_native/).first
     raise "not loaded from the scratch GEM_HOME: #{native}" unless native&.start_with?(ENV["GEM_HOME"])
     puts "native extension: #{native}"
     load "quickstart.rb"')
}
step "ruby: gem install --local of the x86_64-linux gem, quick-start" ruby_test

# ---- Kotlin: a separate Maven project that depends only on the installed jar ----------------------------------
KT=$SCRATCH/kotlin-app
kotlin_test() {
  local repo=$DIST/m2
  [ -d "$repo/com/opentokrs/opentok-rs/$VERSION" ] || { echo "no com.opentokrs:opentok-rs:$VERSION in $repo"; return 1; }
  mkdir -p "$KT/src/main/kotlin"
  cp "$ROOT/scripts/dist/kotlin-consumer/pom.xml" "$KT/pom.xml"
  cp "$ROOT/kotlin/examples/Quickstart.kt" "$KT/src/main/kotlin/"
  # Maven caches what it resolved in ~/.m2: drop an older copy of our own artifact so this jar is the one used.
  rm -rf "$HOME/.m2/repository/com/opentokrs/opentok-rs/$VERSION"
  local args=(-B -q -Dstyle.color=never "-Dopentok.repo=file://$repo" "-Dopentok.version=$VERSION"
              -Daether.offline.protocols=file compile dependency:build-classpath -Dmdep.outputFile=cp.txt)
  # Offline once every plugin and dependency is cached; the first run on a machine fetches them.
  (cd "$KT" && { mvn -o "${args[@]}" > mvn-offline.log 2>&1 || { echo "(offline build failed, fetching once)"; mvn "${args[@]}"; }; }) || return 1
  local jar; jar=$(tr ':' '\n' < "$KT/cp.txt" | grep 'opentok-rs-' | head -1)
  echo "jar: $jar"
  unzip -l "$jar" > "$KT/jar-contents.txt" || return 1
  grep 'linux-x86-64/libopentok_uniffi.so' "$KT/jar-contents.txt" || { echo "no linux-x86-64/libopentok_uniffi.so in the jar"; return 1; }
  (cd "$KT" && java -cp "target/classes:$(cat cp.txt)" com.opentokrs.examples.QuickstartKt)
}
step "kotlin: separate Maven project on the installed jar, quick-start" kotlin_test

echo "test-dist: $PASSED passed, $FAILED failed"
[ "$FAILED" = 0 ]
