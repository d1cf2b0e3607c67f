'use strict';
// Which prebuilt platform package holds the native module on this machine (the napi-rs layout):
// `opentok-rs` lists one package per platform in optionalDependencies, npm installs only the one whose
// os/cpu/libc match, and this file names it, finds it, and explains clearly when it is not there.
// Every platform the release workflow publishes a package for (.github/workflows/release.yml).
const SUPPORTED = [
  'linux-x64-gnu', 'linux-arm64-gnu', 'linux-x64-musl', 'linux-arm64-musl',
  'darwin-x64', 'darwin-arm64', 'win32-x64-msvc',
];
const PACKAGE_PREFIX = 'opentok-rs-';

function isMusl() {
  if (process.platform !== 'linux') return false;
  try {
    // glibc builds of Node report the glibc they run on; musl builds report none.
    const header = process.report && process.report.getReport().header;
    if (header) return !header.glibcVersionRuntime;
  } catch (_) { /* fall through */ }
  return require('fs').existsSync('/etc/alpine-release');
}

/** This machine's platform as the packages name it, e.g. `linux-x64-gnu`, `darwin-arm64`, `win32-x64-msvc`. */
function triple() {
  const { platform, arch } = process;
  if (platform === 'linux') return `linux-${arch}-${isMusl() ? 'musl' : 'gnu'}`;
  if (platform === 'win32') return `win32-${arch}-msvc`;
  return `${platform}-${arch}`;
}

/** The npm package that carries the native module for this machine, e.g. `opentok-rs-linux-x64-gnu`. */
function packageName() {
  return PACKAGE_PREFIX + triple();
}

/**
 * Absolute path of the installed platform package's `.node` file, or null when it is not installed.
 * On Linux npm installs only the package whose libc matches, so both are tried before asking which libc
 * this is (`process.report.getReport()` costs 10-30 ms, too much for every `require`).
 */
function resolve() {
  const names = process.platform === 'linux'
    ? [`${PACKAGE_PREFIX}linux-${process.arch}-gnu`, `${PACKAGE_PREFIX}linux-${process.arch}-musl`]
    : [packageName()];
  const found = [];
  for (const name of names) {
    try {
      found.push(require.resolve(name));
    } catch (_) { /* not installed */ }
  }
  if (found.length <= 1) return found[0] || null;
  return require.resolve(packageName()); // both installed: pick by libc
}

/** One sentence saying which package is missing and what to do about it. */
function missingMessage() {
  const t = triple();
  const name = packageName();
  if (!SUPPORTED.includes(t)) {
    return `opentok-rs has no prebuilt package for this platform (${t}; prebuilt: ${SUPPORTED.join(', ')}): `
      + `the package \`${name}\` does not exist. Build the native module from source with a Rust toolchain `
      + '(see docs/releasing.md, "Building from source") and point OPENTOK_RS_NATIVE at it.';
  }
  return `opentok-rs: the platform package \`${name}\` is not installed. It is an optional dependency of `
    + `opentok-rs that npm installs on ${t} only: reinstall without --omit=optional / --no-optional, `
    + 'and regenerate package-lock.json if it was made on another platform.';
}

module.exports = { SUPPORTED, PACKAGE_PREFIX, triple, packageName, resolve, missingMessage };
