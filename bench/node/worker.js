'use strict';
// One benchmark run for one package, in its own process:
//   node worker.js <package dir> <emulator url> <session id> <archive id>
// Prints one JSON line with the measured figures.
const path = require('path');

const [pkgDir, url, sid, archiveId] = process.argv.slice(2);
const OpenTok = require(path.resolve(pkgDir));
const KEY = '123456';
const SECRET = '0123456789abcdef0123456789abcdef01234567';
const ot = new OpenTok(KEY, SECRET, { apiUrl: url });

function now() { return Number(process.hrtime.bigint()) / 1e9; }

// Runs fn for at least `minSeconds` (after a warm-up), returns operations per second.
function rateSync(fn, minSeconds = 1.0) {
  for (let i = 0; i < 200; i += 1) fn();
  let n = 0;
  const t0 = now();
  let t = t0;
  while (t - t0 < minSeconds) {
    for (let i = 0; i < 100; i += 1) fn();
    n += 100;
    t = now();
  }
  return n / (t - t0);
}

function call(method, ...args) {
  return new Promise((resolve, reject) => ot[method](...args, (err, res) => (err ? reject(err) : resolve(res))));
}

async function rateSeq(n) {
  for (let i = 0; i < 20; i += 1) await call('getArchive', archiveId);
  const t0 = now();
  for (let i = 0; i < n; i += 1) await call('getArchive', archiveId);
  return n / (now() - t0);
}

async function rateInFlight(total, width) {
  for (let i = 0; i < 64; i += 1) await call('getArchive', archiveId);
  let next = 0;
  const t0 = now();
  async function lane() {
    while (next < total) {
      next += 1;
      await call('getArchive', archiveId);
    }
  }
  await Promise.all(Array.from({ length: width }, lane));
  return total / (now() - t0);
}

(async () => {
  const out = {};
  out.jwt = rateSync(() => ot.generateToken(sid, { role: 'publisher' }), 1.5);
  out.t1 = rateSync(() => ot.generateToken(sid, { role: 'publisher' }, true), 1.5);
  out.seq = await rateSeq(1500);
  out.inflight64 = await rateInFlight(6000, 64);
  process.stdout.write(JSON.stringify(out) + '\n');
})().catch((e) => { console.error(e); process.exit(1); });
