'use strict';
// Test harness: starts one emulator per test file ($OPENTOK_EMULATOR_BIN --port 0, URL on the first
// stdout line), admin helpers, the vectors, and small polling utilities (no sleeping to wait).
const { spawn } = require('child_process');
const path = require('path');
const fs = require('fs');
const readline = require('readline');

const REPO = path.resolve(__dirname, '..', '..');
const KEY = '123456';
const SECRET = '0123456789abcdef0123456789abcdef01234567';
const VECTORS = path.join(REPO, 'tests', 'vectors');

function vectors(name) {
  return JSON.parse(fs.readFileSync(path.join(VECTORS, name), 'utf8'));
}

/** Starts the emulator; resolves {url, stop(), admin(method, path, body), reset(), ...}. */
function startEmulator(extraArgs = []) {
  const bin = process.env.OPENTOK_EMULATOR_BIN || path.join(REPO, 'target', 'release', 'opentok-emulator');
  if (!fs.existsSync(bin)) throw new Error(`emulator binary not found: ${bin} (run make build)`);
  const child = spawn(bin, ['--port', '0', ...extraArgs], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const rl = readline.createInterface({ input: child.stdout });
    const timer = setTimeout(() => reject(new Error('emulator did not print its URL within 10 s')), 10000);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`emulator exited early (${code})`)));
    rl.once('line', (line) => {
      clearTimeout(timer);
      child.removeAllListeners('exit');
      child.stdout.resume();
      const url = line.trim();
      resolve(makeEmu(url, child));
    });
  });
}

function makeEmu(url, child) {
  async function admin(method, p, body) {
    const r = await fetch(url + p, {
      method,
      headers: body !== undefined ? { 'content-type': 'application/json' } : {},
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await r.text();
    if (r.status >= 400) throw new Error(`admin ${method} ${p} -> ${r.status} ${text}`);
    return text ? JSON.parse(text) : null;
  }
  return {
    url,
    admin,
    reset: () => admin('POST', '/_emulator/reset'),
    session: (body = { mediaMode: 'routed' }) => admin('POST', '/_emulator/sessions', body).then((r) => r.sessionId),
    connection: (sid, body = {}) => admin('POST', `/_emulator/sessions/${sid}/connections`, body),
    stream: (sid, body = {}) => admin('POST', `/_emulator/sessions/${sid}/streams`, body),
    inspect: (sid) => admin('GET', `/_emulator/sessions/${sid}`),
    fault: (body) => admin('POST', '/_emulator/faults', body),
    clearFaults: () => admin('DELETE', '/_emulator/faults'),
    requests: () => admin('GET', '/_emulator/requests'),
    clearRequests: () => admin('DELETE', '/_emulator/requests'),
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}

/** Calls fn(cb) and resolves [err, ...results] (the callback form). */
function viaCallback(fn) {
  return new Promise((resolve) => fn((err, ...rest) => resolve([err, ...rest])));
}

/** Polls `check` until it returns a truthy value or the deadline passes. */
async function until(check, ms = 5000) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error('condition not met before the deadline');
    await new Promise((r) => setImmediate(r));
  }
}

module.exports = { REPO, KEY, SECRET, vectors, startEmulator, viaCallback, until };
