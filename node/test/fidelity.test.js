'use strict';
// Faithful drop-in (issue 10) and bad input (issue 15 item 7): what the official package accepts,
// sends, returns and raises, ours does too.
const { test, describe, before, after, beforeEach } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const OpenTok = require('..');
const { KEY, SECRET, startEmulator, viaCallback } = require('./helpers');

let emu;
let ot;
before(async () => {
  emu = await startEmulator();
  ot = new OpenTok(KEY, SECRET, { apiUrl: emu.url, maxRetries: 0 });
});
after(() => emu.stop());
beforeEach(() => emu.reset());

async function lastBody() {
  const reqs = await emu.requests();
  const r = reqs[reqs.length - 1];
  return r && r.body ? JSON.parse(r.body) : null;
}

describe('surface', () => {
  test('generateJwt() returns a REST-auth JWT signed with the secret', () => {
    const jwt = ot.generateJwt();
    const [h, p, s] = jwt.split('.');
    assert.equal(crypto.createHmac('sha256', SECRET).update(`${h}.${p}`).digest('base64url'), s);
    const c = JSON.parse(Buffer.from(p, 'base64url'));
    assert.equal(c.iss, KEY);
    assert.equal(c.ist, 'project');
    assert.ok(c.exp > c.iat && c.exp - c.iat <= 300);
  });

  test('opentok.client.c holds the configuration as the official Client does, without showing the secret', () => {
    const o = new OpenTok(KEY, SECRET, { apiUrl: emu.url, timeout: 5000, uaAddendum: 'x/1' });
    assert.equal(o.client.c.apiKey, KEY);
    assert.equal(o.client.c.apiUrl, emu.url);
    assert.equal(o.client.c.request.timeout, 5000);
    assert.equal(o.client.c.auth.expire, 300);
    assert.equal(o.client.c.uaAddendum, 'x/1');
    assert.equal(o.client.c.apiSecret, SECRET, 'readable, as in the official package');
    assert.ok(!JSON.stringify(o.client.c).includes(SECRET));
    assert.ok(!require('util').inspect(o, { depth: 5 }).includes(SECRET));
    assert.equal(new OpenTok(KEY, SECRET).client.c.request.timeout, 20000);
    assert.equal(new OpenTok(KEY, SECRET).client.c.apiUrl, 'https://api.opentok.com');
  });
});

test('credentials in apiUrl are redacted in inspect, JSON and error messages (apiUrl itself as given)', async () => {
  const util = require('util');
  const o = new OpenTok(KEY, SECRET, { apiUrl: 'http://user:hunter2@127.0.0.1:9', maxRetries: 0 });
  assert.equal(o.apiUrl, 'http://user:hunter2@127.0.0.1:9');
  for (const text of [util.inspect(o), JSON.stringify(o), util.inspect(o.client)]) assert.ok(!text.includes('hunter2'), text);
  for (const transport of ['native', 'host']) {
    const t = new OpenTok(KEY, SECRET, { apiUrl: 'http://user:hunter2@127.0.0.1:9', maxRetries: 0, transport });
    const err = await t.listArchives().then(() => null, (e) => e);
    assert.ok(err && !err.message.includes('hunter2'), `${transport}: ${err && err.message}`);
  }
});

describe('requests pass through', () => {
  test('unknown option keys are sent as given, at every level', async () => {
    const sid = await emu.session();
    await ot.startArchive(sid, { name: 'n', futureOption: { deep: [1, 'two'] }, layout: { type: 'bestFit', newLayoutKey: true } });
    assert.deepEqual(await lastBody(), {
      sessionId: sid, name: 'n', futureOption: { deep: [1, 'two'] }, layout: { type: 'bestFit', newLayoutKey: true },
    });
  });

  test('session ids are sent as given (no local decoding)', async () => {
    await emu.clearRequests();
    await assert.rejects(ot.listStreams('not-a-session-id'), (e) => e instanceof OpenTok.RequestError && e.status === 400);
    const [req] = await emu.requests();
    assert.equal(req.path, `/v2/project/${KEY}/session/not-a-session-id/stream`);
  });

  test('signal sends the payload as given', async () => {
    const sid = await emu.session();
    await ot.signal(sid, null, { type: 'chat', data: 'hi', retry: 2 });
    assert.deepEqual(await lastBody(), { type: 'chat', data: 'hi', retry: 2 });
  });

  test('startRender sends maxDuration 1800 and resolution 1280x720 by default; callback gets (err, body, response)', async () => {
    const sid = await emu.session();
    const token = ot.generateToken(sid);
    const [err, body, response] = await new Promise((resolve) => ot.startRender({ sessionId: sid, token, url: 'https://example.com/r' }, (...a) => resolve(a)));
    assert.equal(err, null);
    assert.deepEqual(await lastBody(), { sessionId: sid, token, url: 'https://example.com/r', maxDuration: 1800, resolution: '1280x720' });
    assert.equal(body.sessionId, sid);
    assert.equal(response.status, 202);
    assert.equal(typeof response.headers.get, 'function');
    const [e2, page, r2] = await new Promise((resolve) => ot.listRenders({}, (...a) => resolve(a)));
    assert.equal(e2, null);
    assert.equal(page.count, 1);
    assert.equal(r2.status, 200);
    const [e3, b3, r3] = await new Promise((resolve) => ot.stopRender(body.id, (...a) => resolve(a)));
    assert.equal(e3, null);
    assert.equal(b3, '');
    assert.equal(r3.status, 204);
  });

  test('listRenders: a count out of range throws at once (callback form) or rejects (Promise form)', async () => {
    assert.throws(() => ot.listRenders({ count: 5000 }, () => {}), (e) => e instanceof OpenTok.ArgumentError && e.message === 'Count is out of range');
    await assert.rejects(ot.listRenders({ count: 0.5 }), OpenTok.ArgumentError);
  });

  test('websocketConnect forwards streams, headers and bidirectional, as the official package', async () => {
    const sid = await emu.session();
    const token = ot.generateToken(sid);
    const r = await ot.websocketConnect(sid, token, 'wss://x.example.com', { headers: { a: 'b' }, bidirectional: true, audioRate: 16000 });
    assert.ok(r.id && r.connectionId);
    assert.deepEqual(await lastBody(), { sessionId: sid, token, websocket: { uri: 'wss://x.example.com', headers: { a: 'b' }, bidirectional: true } });
  });

  test('startCaptions sends the official defaults', async () => {
    const sid = await emu.session();
    const token = ot.generateToken(sid, { role: 'moderator' });
    const id = await ot.startCaptions(sid, token, {});
    assert.equal(typeof id, 'string');
    assert.deepEqual(await lastBody(), { sessionId: sid, token, languageCode: 'en-US', maxDuration: 14400, partialCaptions: true });
  });

  test('createSession: unknown modes fall back to relayed/manual as the official package', async () => {
    const s = await ot.createSession({ mediaMode: 'nope', archiveMode: 'nope' });
    assert.equal(s.mediaMode, 'relayed');
    assert.equal(s.archiveMode, 'manual');
    await assert.rejects(ot.createSession({ location: 'not-an-ip' }), (e) => e instanceof Error && /location must be an IPv4 address/.test(e.message));
  });
});

describe('tokens as the official package', () => {
  test('data up to 1024 characters, no upper bound on the expiry', () => {
    const sid = '1_MX4xMjM0NTZ-fjE3MDAwMDAwMDAwMDB-YWJjZGVm-fg';
    const claims = (t) => JSON.parse(Buffer.from(t.split('.')[1], 'base64url').toString());
    assert.equal(claims(ot.generateToken(sid, { data: 'x'.repeat(1024) })).connection_data, 'x'.repeat(1024));
    const far = Math.round(Date.now() / 1000) + 90 * 86400;
    assert.equal(claims(ot.generateToken(sid, { expireTime: far })).exp, far);
    // over 1024 (JavaScript length: an astral character counts 2) is refused, with ArgumentError
    for (const data of ['x'.repeat(1025), '\u{1F600}'.repeat(513)]) {
      assert.throws(() => ot.generateToken(sid, { data }), (e) => e instanceof OpenTok.ArgumentError && e.field === 'data');
    }
    assert.equal(claims(ot.generateToken(sid, { data: '\u{1F600}'.repeat(512) })).connection_data, '\u{1F600}'.repeat(512));
    assert.throws(() => ot.generateToken(sid, { expireTime: Math.round(Date.now() / 1000) - 1 }), OpenTok.ArgumentError);
  });
});

describe('errors as the official package raises them', () => {
  test('startArchive on a relayed session: RequestError, with the ArchiveError as the callback\'s second argument', async () => {
    const relayed = await emu.session({ mediaMode: 'relayed' });
    const [err, second] = await viaCallback((cb) => ot.startArchive(relayed, {}, cb));
    assert.ok(err instanceof OpenTok.RequestError, `${err && err.name}`);
    assert.equal(err.status, 409);
    assert.ok(second instanceof OpenTok.ArchiveError);
  });

  test('createSession / startBroadcast / dial failures are Errors with the official prefixes', async () => {
    const bad = new OpenTok(KEY, 'not-the-secret-000000000000000000000000', { apiUrl: emu.url });
    await assert.rejects(bad.createSession(), (e) => e instanceof Error && e.message === 'Failed to createSession. Error: Invalid API key or secret');
    const sid = await emu.session();
    await assert.rejects(bad.startBroadcast(sid, { outputs: { hls: {} } }), (e) => e instanceof Error && /^Failed to start broadcast\. /.test(e.message));
    await assert.rejects(bad.dial(sid, 'tok', 'sip:a@b.example.com'), (e) => e instanceof Error && /^Failed to dial endpoint\. /.test(e.message));
  });

  test('callbacks API errors are the api layer\'s classes (no CallbackError)', async () => {
    const bad = new OpenTok(KEY, 'not-the-secret-000000000000000000000000', { apiUrl: emu.url });
    await assert.rejects(bad.registerCallback({ group: 'archive', event: 'status', url: 'https://x.example.com' }), OpenTok.AuthError);
  });
});

describe('bad input: ArgumentError naming the field, nothing sent (issue 15 item 7)', () => {
  const cyclic = {};
  cyclic.self = cyclic;
  const BAD = [['NaN', NaN], ['Infinity', Infinity], ['-Infinity', -Infinity], ['a Symbol', Symbol('s')],
    ['a function', () => 1], ['a BigInt', 10n], ['a cyclic object', cyclic]];
  for (const [what, v] of BAD) {
    test(`${what} in options`, async () => {
      const sid = await emu.session();
      await emu.clearRequests();
      await assert.rejects(ot.startArchive(sid, { maxBitrate: v }), (e) => e instanceof OpenTok.ArgumentError && /^maxBitrate/.test(e.field));
      await assert.rejects(ot.startBroadcast(sid, { outputs: { hls: { dvr: v } } }), (e) => e instanceof OpenTok.ArgumentError && /^outputs\.hls\.dvr/.test(e.field));
      const [err] = await viaCallback((cb) => ot.signal(sid, null, { type: 't', data: v }, cb));
      assert.ok(err instanceof OpenTok.ArgumentError && /^payload\.data/.test(err.field), `${err && err.field}`);
      assert.equal((await emu.requests()).length, 0, 'nothing was sent');
    });
  }
  test('constructor options: NaN, Infinity, Symbols, objects where numbers or strings go', () => {
    for (const [env, field] of [[{ timeout: NaN }, 'timeout'], [{ timeout: Infinity }, 'timeout'], [{ maxRetries: NaN }, 'maxRetries'],
      [{ maxRetries: -1 }, 'maxRetries'], [{ connectTimeout: Symbol('x') }, 'connectTimeout'], [{ apiUrl: Symbol('u') }, 'apiUrl'],
      [{ proxy: {} }, 'proxy'], [{ maxResponseBytes: NaN }, 'maxResponseBytes']]) {
      assert.throws(() => new OpenTok(KEY, SECRET, env), (e) => e instanceof OpenTok.ArgumentError && e.field === field, field);
    }
  });
  test('NaN / a Symbol as a positional id', async () => {
    const sid = await emu.session();
    await emu.clearRequests();
    await assert.rejects(ot.signal(sid, NaN, { type: 't', data: 'd' }), (e) => e instanceof OpenTok.ArgumentError && e.field === 'connectionId');
    await assert.rejects(ot.getArchive(Symbol('x')), (e) => e instanceof OpenTok.ArgumentError && e.field === 'archiveId');
    await assert.rejects(ot.stopBroadcast(Infinity), (e) => e instanceof OpenTok.ArgumentError && e.field === 'broadcastId');
    assert.equal((await emu.requests()).length, 0, 'nothing was sent');
  });
});

// Fidelity vectors: per response vector, the values Node exposes (tests/vectors/fidelity/node.json).
describe('fidelity vectors (tests/vectors/fidelity/node.json)', () => {
  const file = path.join(__dirname, '..', '..', 'tests', 'vectors', 'fidelity', 'node.json');
  const data = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : { cases: [] };
  const http = require('http');
  let srv;
  let next = { status: 200, body: '', type: 'application/json' };
  before(async () => {
    srv = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        const h = {};
        if (next.type) h['content-type'] = next.type;
        res.writeHead(next.status, h);
        res.end(next.body);
      });
    });
    await new Promise((r) => srv.listen(0, '127.0.0.1', r));
  });
  after(() => new Promise((r) => srv.close(r)));

  const responses = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'tests', 'vectors', 'responses.json'), 'utf8'));
  const byName = new Map((responses.passthrough || []).map((v) => [v.name, v]));
  const pick = (value, key) => (key === '.' ? value : key.split('.').reduce((v, k) => (v === undefined || v === null ? undefined : v[k]), value));
  for (const c of data.cases) {
    test(`${c.vector} -> ${c.method}${c.result_index ? ` (argument ${c.result_index + 1})` : ''}`, async () => {
      const v = byName.get(c.vector);
      assert.ok(v, `response vector "${c.vector}" exists in tests/vectors/responses.json`);
      const o = new OpenTok(KEY, SECRET, { apiUrl: `http://127.0.0.1:${srv.address().port}`, maxRetries: 0 });
      next = { status: v.status || 200, body: v.body_text, type: v.content_type };
      const result = await new Promise((resolve, reject) => {
        o[c.method](...c.args, (err, ...rest) => (err ? reject(err) : resolve(rest)));
      });
      const value = result[c.result_index || 0];
      for (const [key, want] of Object.entries(c.expect || {})) assert.deepEqual(pick(value, key), want, key);
      for (const key of c.undefined || []) assert.equal(pick(value, key), undefined, key);
      for (const key of c.absent || []) {
        const parts = key.split('.');
        const last = parts.pop();
        const holder = parts.length ? pick(value, parts.join('.')) : value;
        assert.ok(holder && !Object.prototype.hasOwnProperty.call(holder, last), `${key} is absent`);
      }
    });
  }
});
