'use strict';
// Side-by-side benchmark: opentok-rs (node/) vs the official npm `opentok` 2.23, same run, same emulator.
//   node bench/node/run.js            (or `make bench-node`)
// The official package is installed into target/bench-node/official (never a dependency).
// Writes bench/results/node.md.
const { spawn, spawnSync, execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const readline = require('readline');

const REPO = path.resolve(__dirname, '..', '..');
const OURS = path.join(REPO, 'node');
const OFFICIAL_DIR = path.join(REPO, 'target', 'bench-node', 'official');
const OFFICIAL = path.join(OFFICIAL_DIR, 'node_modules', 'opentok');
const KEY = '123456';
const SECRET = '0123456789abcdef0123456789abcdef01234567';
const ROUNDS = Number(process.env.BENCH_ROUNDS || 2);

function ensureOfficial() {
  if (fs.existsSync(path.join(OFFICIAL, 'package.json'))) return;
  fs.mkdirSync(OFFICIAL_DIR, { recursive: true });
  fs.writeFileSync(path.join(OFFICIAL_DIR, 'package.json'), '{"name":"bench-official-opentok","private":true}\n');
  console.log('installing the official opentok 2.23 into target/bench-node/official …');
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', 'opentok@~2.23.0'], { cwd: OFFICIAL_DIR, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm install opentok failed');
}

function startEmulator() {
  const bin = process.env.OPENTOK_EMULATOR_BIN || path.join(REPO, 'target', 'release', 'opentok-emulator');
  const child = spawn(bin, ['--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    readline.createInterface({ input: child.stdout }).once('line', (url) => resolve({ url: url.trim(), child }));
  });
}

function runJson(args) {
  const out = execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop());
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function loadFigures(pkg) {
  const runs = Array.from({ length: 7 }, () => runJson(['--expose-gc', path.join(__dirname, 'load.js'), pkg]));
  return { ms: median(runs.map((r) => r.ms)), rss: median(runs.map((r) => r.rssDelta)), heap: median(runs.map((r) => r.heap)) };
}

const fmt = (x) => (x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(1));

(async () => {
  ensureOfficial();
  const officialVersion = require(path.join(OFFICIAL, 'package.json')).version;
  const oursVersion = require(path.join(OURS, 'package.json')).version;
  const emu = await startEmulator();
  try {
    const OpenTok = require(OURS);
    const ot = new OpenTok(KEY, SECRET, { apiUrl: emu.url });
    const session = await ot.createSession({ mediaMode: 'routed' });
    const archive = await ot.startArchive(session.sessionId);
    await archive.stop();

    const best = { ours: {}, official: {} };
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const [name, pkg] of [['ours', OURS], ['official', OFFICIAL]]) {
        const r = runJson([path.join(__dirname, 'worker.js'), pkg, emu.url, session.sessionId, archive.id]);
        for (const [k, v] of Object.entries(r)) best[name][k] = Math.max(best[name][k] || 0, v);
        console.log(`round ${round + 1} ${name}: ${JSON.stringify(r)}`);
      }
    }
    const loadOurs = loadFigures(OURS);
    const loadOfficial = loadFigures(OFFICIAL);

    const rows = [
      ['JWT `generateToken` (tokens/s)', 'jwt', 50],
      ['T1 `generateToken(…, true)` (tokens/s)', 't1', 3],
      ['sequential REST calls, `getArchive` (calls/s)', 'seq', 1.5],
      ['64 in flight, `getArchive` (calls/s)', 'inflight64', 3],
    ];
    const lines = [];
    lines.push('# Node: opentok-rs vs the official `opentok` package');
    lines.push('');
    lines.push(`Command: \`make bench-node\` (= \`node bench/node/run.js\`), best of ${ROUNDS} rounds, each package in its own process, both against the same emulator (\`target/release/opentok-emulator\`) in the same run.`);
    lines.push(`Machine: ${os.cpus().length} × ${os.cpus()[0].model.trim()}, Node ${process.versions.node}, ${os.platform()} ${os.release()}. opentok-rs ${oursVersion} (release build) vs official \`opentok\` ${officialVersion} (installed in target/bench-node/official).`);
    lines.push(`Date: ${new Date().toISOString().slice(0, 10)}.`);
    lines.push('');
    lines.push('| measure | opentok-rs | official 2.23 | ratio | target | met |');
    lines.push('|---|---:|---:|---:|---:|:---:|');
    for (const [label, key, target] of rows) {
      const ratio = best.ours[key] / best.official[key];
      lines.push(`| ${label} | ${fmt(best.ours[key])} | ${fmt(best.official[key])} | ${ratio.toFixed(1)}× | ≥ ${target}× | ${ratio >= target ? 'yes' : 'NO'} |`);
    }
    lines.push(`| \`require()\` time (ms, median of 7 fresh processes) | ${loadOurs.ms.toFixed(1)} | ${loadOfficial.ms.toFixed(1)} | ${(loadOfficial.ms / loadOurs.ms).toFixed(1)}× faster | report | — |`);
    lines.push(`| RSS added by \`require()\` (MB) | ${(loadOurs.rss / 1048576).toFixed(1)} | ${(loadOfficial.rss / 1048576).toFixed(1)} | | report | — |`);
    lines.push(`| JS heap added by \`require()\` (MB) | ${Math.max(0, loadOurs.heap / 1048576).toFixed(1)} | ${Math.max(0, loadOfficial.heap / 1048576).toFixed(1)} | | report | — |`);
    lines.push('');
    lines.push('Notes:');
    lines.push('- Both packages are called through the official callback API (`ot.getArchive(id, cb)`, `ot.generateToken(sessionId, opts[, true])`).');
    lines.push('- The official package signs a fresh `jsonwebtoken` JWT per REST call and per client token and opens a new connection per request (node-fetch without keep-alive); opentok-rs signs with `jsonwebtoken` in Rust (key read once per client) and keeps a pooled HTTP/1.1 connection per client.');
    lines.push('- RSS added by `require()` of opentok-rs is mostly the mapped native library (`.node`, ~7 MB file); the JS heap it adds is small.');
    fs.mkdirSync(path.join(REPO, 'bench', 'results'), { recursive: true });
    fs.writeFileSync(path.join(REPO, 'bench', 'results', 'node.md'), lines.join('\n') + '\n');
    console.log(lines.join('\n'));
  } finally {
    emu.child.kill();
  }
})().catch((e) => { console.error(e); process.exit(1); });
