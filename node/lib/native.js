'use strict';
// Loads the native module built from bindings/node (crate opentok-node).
// Looked up in order: $OPENTOK_RS_NATIVE, node/native/opentok_rs.node (copied there by `npm install`,
// `npm run build` or `make build`), then the cargo output target/release/libopentok_node.so (Linux).
const path = require('path');
const fs = require('fs');
const platform = require('./platform');

// Candidates are produced lazily: the first one that exists wins, so a local build never pays for
// resolving the platform package.
function* candidates() {
  if (process.env.OPENTOK_RS_NATIVE) yield process.env.OPENTOK_RS_NATIVE;
  yield path.join(__dirname, '..', 'native', 'opentok_rs.node');
  // Installed from npm: the platform package (opentok-rs-<platform>) from optionalDependencies.
  const fromPackage = platform.resolve();
  if (fromPackage) yield fromPackage;
  // In the repository (e.g. `npm install ./node` after `make build`, where npm 11 does not run install
  // scripts unless approved): the cargo output itself.
  if (process.platform === 'linux') {
    const target = process.env.CARGO_TARGET_DIR || path.join(__dirname, '..', '..', 'target');
    yield path.join(target, 'release', 'libopentok_node.so');
  }
}

function load() {
  const tried = [];
  for (const file of candidates()) {
    if (!fs.existsSync(file)) {
      tried.push(file);
      continue;
    }
    if (file.endsWith('.node')) return require(file);
    const mod = { exports: {} };
    process.dlopen(mod, file); // a cargo-built lib*.so is a valid addon under any name
    return mod.exports;
  }
  const err = new Error(
    platform.missingMessage() + ' (looked for ' + tried.join(', ') + '.) '
    + 'In a checkout of the repository, `make build` or `npm run build` makes it (needs a Rust toolchain).'
  );
  err.code = 'OPENTOK_RS_NATIVE_MISSING';
  throw err;
}

module.exports = load();
