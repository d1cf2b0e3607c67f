// Quick start for opentok-rs — the same code you would write with `require('opentok')`.
//   node examples/quickstart.js
// With OPENTOK_API_KEY and OPENTOK_API_SECRET set it talks to the real API (OPENTOK_API_URL optional);
// otherwise it starts the local emulator (target/release/opentok-emulator, or $OPENTOK_EMULATOR_BIN).
'use strict';
const OpenTok = require('opentok-rs');
const { spawn } = require('child_process');
const path = require('path');
const readline = require('readline');

function startEmulator() {
  const bin = process.env.OPENTOK_EMULATOR_BIN || path.join(__dirname, '..', '..', 'target', 'release', 'opentok-emulator');
  const child = spawn(bin, ['--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    readline.createInterface({ input: child.stdout }).once('line', (url) => resolve({ url: url.trim(), child }));
  });
}

async function admin(url, p, body) {
  const r = await fetch(url + p, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body || {}) });
  return r.json();
}

async function main() {
  let apiKey = process.env.OPENTOK_API_KEY;
  let apiSecret = process.env.OPENTOK_API_SECRET;
  let apiUrl = process.env.OPENTOK_API_URL;
  let emulator = null;
  if (!apiKey || !apiSecret) {
    emulator = await startEmulator();
    apiKey = '123456';
    apiSecret = '0123456789abcdef0123456789abcdef01234567';
    apiUrl = emulator.url;
    console.log(`emulator at ${apiUrl}`);
  }
  const opentok = new OpenTok(apiKey, apiSecret, { apiUrl, timeout: 10000 });
  try {
    // Callback style, exactly as with the official package.
    const session = await new Promise((resolve, reject) => {
      opentok.createSession({ mediaMode: 'routed' }, (err, s) => (err ? reject(err) : resolve(s)));
    });
    console.log('session   ', session.sessionId);

    const token = session.generateToken({ role: 'moderator', data: 'name=Quick Start', expireTime: Math.floor(Date.now() / 1000) + 3600 });
    console.log('token     ', token.slice(0, 48) + '…');
    console.log('T1 token  ', opentok.generateToken(session.sessionId, {}, true).slice(0, 48) + '…');

    if (emulator) {
      // Stand-in for a client publishing in the session (the real service needs a browser for this).
      await admin(apiUrl, `/_emulator/sessions/${session.sessionId}/streams`, { name: 'camera' });
      // Promise style.
      const streams = await opentok.listStreams(session.sessionId);
      console.log('streams   ', streams.map((s) => `${s.id} (${s.videoType})`).join(', '));
      const archive = await opentok.startArchive(session.sessionId, { name: 'Quick start archive' });
      console.log('archive   ', archive.id, archive.status);
      await opentok.signal(session.sessionId, null, { type: 'chat', data: 'recording started' });
      const stopped = await archive.stop();
      console.log('stopped   ', stopped.id, stopped.status);
      const [archives, total] = await new Promise((resolve, reject) => {
        opentok.listArchives({ sessionId: session.sessionId }, (err, list, count) => (err ? reject(err) : resolve([list, count])));
      });
      console.log('archives  ', total, archives.map((a) => a.status).join(', '));
    } else {
      const archives = await opentok.listArchives({ count: 5 });
      console.log('archives  ', archives.totalCount);
    }

    try {
      await opentok.getArchive('00000000-0000-0000-0000-000000000000');
    } catch (err) {
      console.log('error     ', err instanceof OpenTok.NotFoundError ? 'NotFoundError' : err.name, err.status);
    }
    console.log('quick start OK');
  } finally {
    if (emulator) emulator.child.kill();
  }
}

main().catch((err) => {
  console.error('quick start failed:', err);
  process.exitCode = 1;
});
