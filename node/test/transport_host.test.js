'use strict';
// Host transport without nock: native is the default (counter), OPENTOK_TRANSPORT / the constructor
// option force either way, and for every request vector both transports send byte-identical requests
// (emulator request log) and give identical results and errors. Retries, timeout, proxy and
// User-Agent apply on the host transport.
const { test, describe, before, after, beforeEach } = require('node:test');
const assert = require('node:assert/strict');
const http = require('http');

const OpenTok = require('..');
const { KEY, SECRET, startEmulator, vectors } = require('./helpers');
const { OPS } = require('./opmap');

let emu;
before(async () => { emu = await startEmulator(); });
after(() => emu.stop());

test('nock is not loaded: the native transport carries calls', async () => {
  assert.ok(!Object.keys(require.cache).some((f) => /[\\/]nock[\\/]/.test(f)), 'nock is not loaded in this file');
  const ot = new OpenTok(KEY, SECRET, { apiUrl: emu.url });
  const { native, host } = OpenTok.transport;
  await ot.createSession();
  await ot.listArchives();
  assert.equal(OpenTok.transport.native, native + 2);
  assert.equal(OpenTok.transport.host, host);
});

test('OPENTOK_TRANSPORT=host forces the host transport; =native forces native', async () => {
  const ot = new OpenTok(KEY, SECRET, { apiUrl: emu.url });
  try {
    process.env.OPENTOK_TRANSPORT = 'host';
    let h = OpenTok.transport.host;
    await ot.createSession();
    assert.equal(OpenTok.transport.host, h + 1);
    process.env.OPENTOK_TRANSPORT = 'native';
    const n = OpenTok.transport.native;
    h = OpenTok.transport.host;
    await ot.createSession();
    assert.equal(OpenTok.transport.native, n + 1);
    assert.equal(OpenTok.transport.host, h);
  } finally {
    delete process.env.OPENTOK_TRANSPORT;
  }
});

test('the constructor option wins over OPENTOK_TRANSPORT', async () => {
  process.env.OPENTOK_TRANSPORT = 'native';
  try {
    const ot = new OpenTok(KEY, SECRET, { apiUrl: emu.url, transport: 'host' });
    const h = OpenTok.transport.host;
    await ot.createSession();
    assert.equal(OpenTok.transport.host, h + 1);
  } finally {
    delete process.env.OPENTOK_TRANSPORT;
  }
  assert.throws(() => new OpenTok(KEY, SECRET, { transport: 'carrier-pigeon' }), OpenTok.ArgumentError);
});

function comparable(r) {
  const headers = { ...r.headers };
  delete headers['x-opentok-auth']; // a fresh JWT per request (jti, iat)
  delete headers.connection; // hop-by-hop, added by the HTTP stack (Node's keep-alive agent)
  // Node's http module states `content-length: 0` on a POST without a body (RFC 9110 asks for it);
  // reqwest leaves it out. Same bytes otherwise.
  if (r.body === '' && headers['content-length'] === '0') delete headers['content-length'];
  return { method: r.method, path: r.path, query: r.query, body: r.body, headers };
}

// Values the emulator generates afresh for each call (ids, times) are compared by type.
const VOLATILE = new Set(['id', 'sessionId', 'connectionId', 'streamId', 'captionsId', 'createdAt', 'updatedAt', 'create_dt', 'session_id']);
function stable(v, key) {
  if (key && VOLATILE.has(key) && v !== null && typeof v !== 'object') return `<${typeof v}>`;
  if (Array.isArray(v)) return v.map((x) => stable(x));
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).map((k) => [k, stable(v[k], k)]));
  return v;
}

function outcome(p) {
  return p.then(
    (v) => ({ ok: stable(JSON.parse(JSON.stringify(v === undefined ? null : v))) }),
    (e) => ({ err: { name: e.name, message: e.message, kind: e.kind, status: e.status, field: e.field } })
  );
}

describe('both transports send byte-identical requests and give identical results (request vectors)', () => {
  const native = () => new OpenTok(KEY, SECRET, { apiUrl: emu.url, transport: 'native', maxRetries: 0 });
  const host = () => new OpenTok(KEY, SECRET, { apiUrl: emu.url, transport: 'host', maxRetries: 0 });
  const { requests } = vectors('requests.json');
  for (const v of requests) {
    test(v.name, async () => {
      const results = [];
      const logs = [];
      for (const make of [native, host]) {
        await emu.reset();
        await emu.clearRequests();
        results.push(await outcome(OPS[v.op](make(), v.args)));
        logs.push((await emu.requests()).map(comparable));
      }
      assert.deepEqual(logs[1], logs[0], 'host request = native request (method, path, query, body bytes, headers)');
      assert.deepEqual(results[1], results[0], 'same result or error');
    });
  }
});

describe('host transport behaviour against the emulator', () => {
  beforeEach(async () => { await emu.reset(); });

  test('User-Agent and auth header as on the native transport', async () => {
    const ot = new OpenTok(KEY, SECRET, { apiUrl: emu.url, transport: 'host', uaAddendum: 'my-app/1.0' });
    await emu.clearRequests();
    await ot.listArchives();
    const [req] = await emu.requests();
    assert.match(req.headers['user-agent'], /^OpenTok-Rust-SDK\/\S+ node\/\S+ my-app\/1\.0$/);
    assert.ok(req.headers['x-opentok-auth']);
  });

  test('a GET answered 503 once is retried (the core\'s retry policy)', async () => {
    const ot = new OpenTok(KEY, SECRET, { apiUrl: emu.url, transport: 'host' });
    await emu.fault({ path: `/v2/project/${KEY}/archive`, method: 'GET', status: 503, count: 1 });
    await emu.clearRequests();
    const list = await ot.listArchives();
    assert.equal(list.length, 0);
    assert.equal((await emu.requests()).length, 2);
  });

  test('a Retry-After that does not fit in the timeout: the rate-limit error at once, with the delay', async () => {
    const ot = new OpenTok(KEY, SECRET, { apiUrl: emu.url, transport: 'host', timeout: 2000 });
    await emu.fault({ path: `/v2/project/${KEY}/archive`, method: 'GET', status: 429, retryAfter: 60, count: 1 });
    const t0 = Date.now();
    await assert.rejects(ot.listArchives(), (e) => e instanceof OpenTok.RequestError && e.status === 429 && e.retryAfter === 60);
    assert.ok(Date.now() - t0 < 1000, `took ${Date.now() - t0} ms`);
  });

  test('a POST answered 503 is not retried', async () => {
    const ot = new OpenTok(KEY, SECRET, { apiUrl: emu.url, transport: 'host' });
    await emu.fault({ path: '/session/create', method: 'POST', status: 503, count: 1 });
    await emu.clearRequests();
    await assert.rejects(ot.createSession(), (e) => e instanceof Error && e.status === 503);
    assert.equal((await emu.requests()).length, 1);
  });

  test('the timeout bounds the call (TimeoutError, a RequestError)', async () => {
    const ot = new OpenTok(KEY, SECRET, { apiUrl: emu.url, transport: 'host', timeout: 300, maxRetries: 0 });
    await emu.fault({ latencyMs: 3000, count: 1 });
    const t0 = Date.now();
    await assert.rejects(ot.listArchives(), (e) => e instanceof OpenTok.TimeoutError && e instanceof OpenTok.RequestError);
    assert.ok(Date.now() - t0 < 2000, `returned after ${Date.now() - t0} ms`);
  });

  test('a dropped connection is a RequestError', async () => {
    const ot = new OpenTok(KEY, SECRET, { apiUrl: emu.url, transport: 'host', maxRetries: 0 });
    await emu.fault({ drop: true, count: 1 });
    await assert.rejects(ot.createSession(), (e) => e instanceof Error && e.kind === 'network');
  });

  test('plain-HTTP proxy: the request goes to the proxy with the absolute URI', async () => {
    const seen = [];
    const target = new URL(emu.url);
    const proxy = http.createServer((req, res) => {
      seen.push(req.url);
      const u = new URL(req.url);
      const up = http.request({ host: target.hostname, port: target.port, path: u.pathname + u.search, method: req.method, headers: req.headers }, (r) => {
        res.writeHead(r.statusCode, r.headers);
        r.pipe(res);
      });
      req.pipe(up);
    });
    await new Promise((r) => proxy.listen(0, '127.0.0.1', r));
    try {
      // A non-loopback host name, so the proxy is not bypassed; the proxy forwards it to the emulator.
      const ot = new OpenTok(KEY, SECRET, { apiUrl: 'http://api.opentok.test', transport: 'host', proxy: `http://127.0.0.1:${proxy.address().port}` });
      const list = await ot.listArchives();
      assert.equal(list.length, 0);
      assert.deepEqual(seen, [`http://api.opentok.test/v2/project/${KEY}/archive`]);
    } finally {
      await new Promise((r) => proxy.close(r));
    }
  });

  test('response bodies are capped (a huge Content-Length, an endless chunked body)', async () => {
    const srv = http.createServer((req, res) => {
      req.resume();
      if (req.url.endsWith('/huge')) {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(2 * 1024 ** 3) });
        res.write('{"id":"');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      const pump = () => { while (res.write(chunk)) { /* fill */ } };
      res.on('drain', pump);
      res.write('{"id":"');
      pump();
    });
    await new Promise((r) => srv.listen(0, '127.0.0.1', r));
    try {
      const ot = new OpenTok(KEY, SECRET, { apiUrl: `http://127.0.0.1:${srv.address().port}`, transport: 'host', maxRetries: 0, maxResponseBytes: 1024 * 1024 });
      const t0 = Date.now();
      await assert.rejects(ot.getArchive('huge'), (e) => e instanceof OpenTok.RequestError && /limit|larger/.test(e.message));
      await assert.rejects(ot.getArchive('endless'), (e) => e instanceof OpenTok.RequestError && /larger/.test(e.message));
      assert.ok(Date.now() - t0 < 5000);
    } finally {
      srv.closeAllConnections();
      await new Promise((r) => srv.close(r));
    }
  });

  test('renders on the host transport: (err, body, response) with the status', async () => {
    const ot = new OpenTok(KEY, SECRET, { apiUrl: emu.url, transport: 'host' });
    const sid = await emu.session();
    const token = ot.generateToken(sid);
    const [err, body, response] = await new Promise((resolve) => ot.startRender({ sessionId: sid, token, url: 'https://example.com' }, (...a) => resolve(a)));
    assert.equal(err, null);
    assert.equal(body.sessionId, sid);
    assert.equal(response.status, 202);
    const [err2, body2, response2] = await new Promise((resolve) => ot.stopRender(body.id, (...a) => resolve(a)));
    assert.equal(err2, null);
    assert.equal(body2, '');
    assert.equal(response2.status, 204);
  });
});
