'use strict';
// 500 concurrent calls on one client; worker threads each with their own client; one runtime.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { Worker } = require('worker_threads');
const path = require('path');

const OpenTok = require('..');
const { KEY, SECRET, startEmulator } = require('./helpers');

let emu;
before(async () => { emu = await startEmulator(); });
after(() => emu.stop());

test('500 concurrent calls on one client all succeed, in both forms', async () => {
  await emu.reset();
  const ot = new OpenTok(KEY, SECRET, { apiUrl: emu.url });
  const sid = (await ot.createSession({ mediaMode: 'routed' })).sessionId;
  await emu.stream(sid, { name: 'x' });
  const jobs = [];
  for (let i = 0; i < 500; i += 1) {
    if (i % 2) {
      jobs.push(ot.listStreams(sid));
    } else {
      jobs.push(new Promise((resolve, reject) => ot.signal(sid, null, { type: 'n', data: String(i) }, (e) => (e ? reject(e) : resolve('sent')))));
    }
  }
  const results = await Promise.all(jobs);
  assert.equal(results.length, 500);
  assert.equal(results.filter((r) => r === 'sent').length, 250);
  assert.ok(results.filter((r) => Array.isArray(r)).every((r) => r.length === 1));
  const view = await emu.inspect(sid);
  assert.equal(view.signals.length, 250);
});

test('500 concurrent failing calls each reject with their own error (no crash, no leak)', async () => {
  const ot = new OpenTok(KEY, SECRET, { apiUrl: emu.url });
  const errs = await Promise.all(Array.from({ length: 500 }, (_, i) => ot.getArchive(`missing-${i}`).then(() => null, (e) => e)));
  assert.ok(errs.every((e) => e instanceof OpenTok.NotFoundError));
});

test('worker threads, each with its own client, run concurrently', async () => {
  await emu.reset();
  const script = `
    const { parentPort, workerData } = require('worker_threads');
    const OpenTok = require(workerData.pkg);
    const ot = new OpenTok(workerData.key, workerData.secret, { apiUrl: workerData.url });
    (async () => {
      const s = await ot.createSession({ mediaMode: 'routed' });
      const token = s.generateToken({ role: 'moderator' });
      const results = await Promise.all(Array.from({ length: 50 }, () => ot.listStreams(s.sessionId)));
      const a = await ot.startArchive(s.sessionId, { name: 'w' + workerData.n });
      await a.stop();
      parentPort.postMessage({ ok: true, sid: s.sessionId, token: token.length > 100, lists: results.length });
    })().catch((e) => parentPort.postMessage({ ok: false, error: e.name + ': ' + e.message }));
  `;
  const runs = Array.from({ length: 4 }, (_, n) => new Promise((resolve, reject) => {
    const w = new Worker(script, { eval: true, workerData: { pkg: path.resolve(__dirname, '..'), key: KEY, secret: SECRET, url: emu.url, n } });
    w.once('message', (m) => { resolve(m); w.terminate(); });
    w.once('error', reject);
  }));
  const out = await Promise.all(runs);
  for (const m of out) {
    assert.ok(m.ok, m.error);
    assert.equal(m.lists, 50);
    assert.ok(m.token);
  }
  assert.equal(new Set(out.map((m) => m.sid)).size, 4);
  // The main thread's own client keeps working after workers exit.
  const ot = new OpenTok(KEY, SECRET, { apiUrl: emu.url });
  const list = await ot.listArchives();
  assert.equal(list.totalCount, 4);
});

test('one shared runtime: no extra tokio runtime per client or worker', async () => {
  const fs = require('fs');
  const names = () => fs.readdirSync('/proc/self/task').map((t) => {
    try { return fs.readFileSync(`/proc/self/task/${t}/comm`, 'utf8').trim(); } catch (_) { return ''; }
  });
  const clients = Array.from({ length: 20 }, () => new OpenTok(KEY, SECRET, { apiUrl: emu.url }));
  await Promise.all(clients.map((c) => c.listArchives()));
  const rt = names().filter((n) => n.startsWith('opentok-rt'));
  assert.ok(rt.length >= 1 && rt.length <= 2, `runtime worker threads: ${rt.length}`);
  assert.ok(!names().some((n) => n.startsWith('tokio-runtime')), 'no napi-created tokio runtime');
});
