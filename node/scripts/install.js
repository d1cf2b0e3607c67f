#!/usr/bin/env node
'use strict';
// Makes sure native/opentok_rs.node exists: reuses it when present, otherwise copies the cargo build
// output (target/release/libopentok_node.so) or runs `cargo build --release -p opentok-node` first.
// `--force` rebuilds with cargo even when the file exists.
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const pkgDir = path.resolve(__dirname, '..');
const out = path.join(pkgDir, 'native', 'opentok_rs.node');
const force = process.argv.includes('--force');
const repo = path.resolve(pkgDir, '..');
const libName = process.platform === 'darwin' ? 'libopentok_node.dylib'
  : process.platform === 'win32' ? 'opentok_node.dll' : 'libopentok_node.so';
const targetDir = process.env.CARGO_TARGET_DIR || path.join(repo, 'target');
const built = path.join(targetDir, 'release', libName);

function copy() {
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const tmp = out + '.tmp' + process.pid;
  fs.copyFileSync(built, tmp);
  fs.renameSync(tmp, out);
  console.log(`opentok-rs: native module ${path.relative(process.cwd(), out) || out} <- ${built}`);
}

if (!force && fs.existsSync(out)) process.exit(0);
if (!force && fs.existsSync(built)) { copy(); process.exit(0); }
if (!fs.existsSync(path.join(repo, 'bindings', 'node', 'Cargo.toml'))) {
  console.error('opentok-rs: no prebuilt native module and no source tree to build it from.');
  process.exit(1);
}
console.log('opentok-rs: building the native module (cargo build --release -p opentok-node) ...');
const r = spawnSync('cargo', ['build', '--release', '-p', 'opentok-node'], { cwd: repo, stdio: 'inherit' });
if (r.error || r.status !== 0) {
  console.error('opentok-rs: cargo build failed' + (r.error ? ': ' + r.error.message : '') + '. A Rust toolchain (rustup) is needed.');
  process.exit(1);
}
copy();
