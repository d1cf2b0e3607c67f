'use strict';
// require('opentok-rs').webhooks: the shared callback vectors, the middleware, and end to end with an
// emulator that calls a receiver inside this test.
const test = require('node:test');
const assert = require('node:assert');
const http = require('http');
const OpenTok = require('..');
const { KEY, SECRET, vectors, startEmulator, until } = require('./helpers');

const { parseEvent, middleware, ArchiveEvent, ConnectionEvent, StreamEvent, BroadcastEvent, UnknownEvent,
  WebhookError, WebhookVerificationError } = OpenTok.webhooks;
const V = vectors('callbacks.json');

const camel = (k) => k.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
function lookup(e, path) {
  if (path.startsWith('extra.')) return e.extra[path.slice(6)];
  let cur = e;
  for (const p of path.split('.')) {
    if (cur === null || cur === undefined) return null;
    cur = cur[camel(p)];
  }
  return cur === undefined ? null : cur;
}

test('event vectors parse to their typed values', () => {
  for (const v of V.events) {
    const e = parseEvent(v.body);
    assert.strictEqual(e.type, v.type, v.name);
    assert.deepStrictEqual(e.raw, JSON.parse(v.body), v.name);
    for (const [path, want] of Object.entries(v.expect)) {
      assert.deepStrictEqual(lookup(e, path), want, `${v.name}: ${path}`);
    }
    if (v.type === 'unknown') assert.ok(e instanceof UnknownEvent);
  }
});

test('signed vectors have their outcome', () => {
  for (const v of V.signed) {
    const run = () => parseEvent(Buffer.from(v.body), v.headers, { secret: v.secret, leeway: v.leeway, now: v.now });
    if (v.outcome === 'ok') {
      const e = run();
      assert.ok(e instanceof ArchiveEvent, v.name);
      assert.strictEqual(e.status, 'available');
      assert.strictEqual(e.verified, true);
      assert.strictEqual(e.claims.iss, 'Vonage');
    } else {
      assert.throws(run, (err) => {
        assert.ok(err instanceof WebhookVerificationError, v.name);
        assert.ok(err instanceof OpenTok.OpenTokError);
        assert.strictEqual(err.code, v.outcome, v.name);
        assert.ok(!String(err.message).includes(v.secret));
        return true;
      });
    }
  }
  assert.throws(() => parseEvent('{nope'), (e) => e instanceof WebhookError && e.code === 'invalid_body');
});

test('WHATWG Headers and rawHeaders are accepted', () => {
  const v = V.signed[0];
  const opts = { secret: v.secret, now: v.now, leeway: 0 };
  assert.ok(parseEvent(v.body, new Headers(v.headers), opts) instanceof ArchiveEvent);
  assert.ok(parseEvent(v.body, ['Authorization', v.headers.Authorization], opts) instanceof ArchiveEvent);
});

function listen(handler) {
  return new Promise((resolve) => {
    const server = http.createServer(handler);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

test('the middleware sets req.opentokEvent and refuses a tampered body', async () => {
  const v = V.signed[0];
  const seen = [];
  const mw = middleware({ secret: v.secret, now: v.now, leeway: 0 });
  const server = await listen((req, res) => mw(req, res, (err) => {
    if (err) { res.statusCode = 500; return res.end(); }
    seen.push(req.opentokEvent);
    res.end('ok');
  }));
  const url = `http://127.0.0.1:${server.address().port}/hook`;
  try {
    const ok = await fetch(url, { method: 'POST', headers: v.headers, body: v.body });
    assert.strictEqual(ok.status, 200);
    assert.ok(seen[0] instanceof ArchiveEvent);
    const bad = await fetch(url, { method: 'POST', headers: v.headers, body: v.body.replace('available', 'failed') });
    assert.strictEqual(bad.status, 401);
    assert.strictEqual(await bad.text(), 'body_altered');
    assert.strictEqual(seen.length, 1);
  } finally {
    server.close();
  }
});

test('end to end: the emulator calls a receiver; events arrive in order, verify and parse', async () => {
  const secret = 'node-e2e-signature-secret';
  const got = [];
  const server = await listen((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => { got.push({ headers: req.headers, body: Buffer.concat(chunks) }); res.end(); });
  });
  const hook = `http://127.0.0.1:${server.address().port}/opentok/events`;
  const emu = await startEmulator(['--callback-url', hook, '--signature-secret', secret]);
  try {
    const ot = new OpenTok(KEY, SECRET, { apiUrl: emu.url });
    const session = await ot.createSession({ mediaMode: 'routed' });
    const sid = session.sessionId;
    const conn = await emu.connection(sid, { data: 'name=node' });
    await emu.stream(sid, { connectionId: conn.connectionId, name: 'cam' });
    const archive = await ot.startArchive(sid, { name: 'e2e' });
    await ot.stopArchive(archive.id);
    const b = await ot.startBroadcast(sid, { outputs: { hls: {} } });
    await ot.stopBroadcast(b.id);
    await until(() => got.length >= 7, 15000);
    const events = got.map((r) => parseEvent(r.body, r.headers, { secret }));
    const summary = events.map((e) => [e.constructor.name, e instanceof ConnectionEvent || e instanceof StreamEvent ? e.event : e.status]);
    assert.deepStrictEqual(summary, [
      ['ConnectionEvent', 'connectionCreated'], ['StreamEvent', 'streamCreated'],
      ['ArchiveEvent', 'started'], ['ArchiveEvent', 'stopped'], ['ArchiveEvent', 'available'],
      ['BroadcastEvent', 'started'], ['BroadcastEvent', 'stopped'],
    ]);
    assert.ok(events.every((e) => e.verified));
    assert.strictEqual(events[0].connection.data, 'name=node');
    assert.strictEqual(events[0].sessionId, sid);
    assert.strictEqual(events[4].id, archive.id);
    assert.ok(events[4].url.startsWith('https://') && events[4].size > 0);
    assert.ok(events[5] instanceof BroadcastEvent && events[5].id === b.id);
    const tampered = Buffer.from(got[4].body.toString().replace('"available"', '"failed"'));
    assert.throws(() => parseEvent(tampered, got[4].headers, { secret }), (e) => e.code === 'body_altered');
    assert.throws(() => parseEvent(got[4].body, got[4].headers, { secret: 'other' }), (e) => e.code === 'bad_signature');
  } finally {
    await emu.stop();
    server.close();
  }
});
