'use strict';
// Error mapping (403, 404, 409, 405, 429 with retry, timeout, network) to the official classes,
// and bad input: an ArgumentError naming the field, in both forms, never a crash or an unhandled
// rejection.
const { test, describe, before, after, beforeEach } = require('node:test');
const assert = require('node:assert/strict');
const util = require('util');

const OpenTok = require('..');
const { KEY, SECRET, startEmulator, viaCallback } = require('./helpers');

let emu;
let ot;
const unhandled = [];
const onUnhandled = (reason) => unhandled.push(reason);

before(async () => {
  process.on('unhandledRejection', onUnhandled);
  emu = await startEmulator();
  ot = new OpenTok(KEY, SECRET, { apiUrl: emu.url });
});
after(async () => {
  await emu.stop();
  process.off('unhandledRejection', onUnhandled);
});
beforeEach(() => emu.reset());

function expectError(cls, check) {
  return (e) => {
    assert.ok(e instanceof cls, `expected ${cls.name}, got ${e && e.name}: ${e && e.message}`);
    assert.ok(e instanceof Error, 'a real Error');
    assert.equal(typeof e.stack, 'string');
    if (check) check(e);
    return true;
  };
}

describe('HTTP errors map to the official classes', () => {
  test('403: wrong secret -> AuthError with status and server message, no secret in it', async () => {
    const bad = new OpenTok(KEY, 'not-the-secret-000000000000000000000000', { apiUrl: emu.url });
    await assert.rejects(bad.createSession(), expectError(OpenTok.AuthError, (e) => {
      assert.equal(e.status, 403);
      assert.equal(e.kind, 'auth');
      assert.equal(e.serverMessage, 'Invalid signature');
      assert.ok(!e.message.includes('not-the-secret'));
      assert.ok(!util.inspect(e).includes('not-the-secret'));
    }));
    const [err] = await viaCallback((cb) => bad.listArchives(cb));
    assert.ok(err instanceof OpenTok.AuthError);
  });

  test('404: NotFoundError, ArchiveError, SignalError, ForceDisconnectError as the official package', async () => {
    const sid = await emu.session();
    await assert.rejects(ot.getArchive('8b732909-0000-0000-0000-000000000000'), expectError(OpenTok.NotFoundError, (e) => assert.equal(e.status, 404)));
    await assert.rejects(ot.stopArchive('8b732909-0000-0000-0000-000000000000'), expectError(OpenTok.ArchiveError, (e) => assert.match(e.message, /Archive not found/)));
    await assert.rejects(ot.deleteArchive('8b732909-0000-0000-0000-000000000000'), expectError(OpenTok.ArchiveError));
    await assert.rejects(ot.signal(sid, 'no-such-connection', { type: 't', data: 'd' }), expectError(OpenTok.SignalError, (e) => assert.equal(e.status, 404)));
    await assert.rejects(ot.forceDisconnect(sid, 'no-such-connection'), expectError(OpenTok.ForceDisconnectError));
    await assert.rejects(ot.getStream(sid, 'no-such-stream'), expectError(OpenTok.NotFoundError));
    await assert.rejects(ot.getBroadcast('nope'), expectError(OpenTok.NotFoundError, (e) => assert.match(e.message, /^Failed to get broadcast\. /)));
  });

  test('409: startArchive -> RequestError (ArchiveError second), captions twice -> CaptionsError, dial -> Error "Failed to dial endpoint."', async () => {
    const relayed = await ot.createSession();
    const [err, second] = await viaCallback((cb) => ot.startArchive(relayed.sessionId, {}, cb));
    assert.ok(err instanceof OpenTok.RequestError && err.status === 409, `${err && err.name}`);
    assert.ok(second instanceof OpenTok.ArchiveError);
    const routed = await ot.createSession({ mediaMode: 'routed' });
    const a = await ot.startArchive(routed.sessionId);
    await assert.rejects(ot.startArchive(routed.sessionId), expectError(OpenTok.RequestError, (e) => assert.equal(e.status, 409)));
    await assert.rejects(ot.deleteArchive(a.id), expectError(OpenTok.RequestError, (e) => assert.equal(e.status, 409)));
    await assert.rejects(ot.stopArchive('nope'), expectError(OpenTok.ArchiveError, (e) => assert.equal(e.message, 'Archive not found')));
    const token = ot.generateToken(routed.sessionId, { role: 'moderator' });
    await ot.startCaptions(routed.sessionId, token);
    await assert.rejects(ot.startCaptions(routed.sessionId, token), expectError(OpenTok.CaptionsError, (e) => {
      assert.equal(e.status, 409);
      assert.equal(e.message, 'Live captions have already started for this OpenTok Session');
    }));
    const t2 = ot.generateToken(relayed.sessionId);
    await assert.rejects(ot.dial(relayed.sessionId, t2, 'sip:a@b.example.com'), expectError(Error, (e) => {
      assert.equal(e.status, 409);
      assert.match(e.message, /^Failed to dial endpoint\. /);
    }));
  });

  test('405: stream changes on an auto-mode archive -> ArchiveError "Unsupported Stream Mode"', async () => {
    const sid = await emu.session();
    const st = await emu.stream(sid);
    const a = await ot.startArchive(sid);
    await assert.rejects(ot.addArchiveStream(a.id, st.id), expectError(OpenTok.ArchiveError, (e) => {
      assert.equal(e.status, 405);
      assert.match(e.message, /Unsupported Stream Mode/);
    }));
  });

  test('429 is retried after Retry-After; persistent 429 -> RequestError with retryAfter', async () => {
    const sid = await emu.session();
    await emu.fault({ path: '/v2/project/123456/session', method: 'GET', count: 1, status: 429, retryAfter: 1 });
    const t0 = Date.now();
    const streams = await ot.listStreams(sid);
    assert.equal(streams.length, 0);
    assert.ok(Date.now() - t0 >= 900, 'waited for Retry-After');
    const reqs = (await emu.requests()).filter((r) => r.method === 'GET');
    assert.equal(reqs.length, 2, 'one retry');

    const noRetry = new OpenTok(KEY, SECRET, { apiUrl: emu.url, maxRetries: 0 });
    await emu.fault({ method: 'GET', count: 5, status: 429, retryAfter: 7 });
    await assert.rejects(noRetry.listStreams(sid), expectError(OpenTok.RequestError, (e) => {
      assert.equal(e.status, 429);
      assert.equal(e.kind, 'rate_limited');
      assert.equal(e.retryAfter, 7);
    }));
    await emu.clearFaults();
  });

  test('503 on GET is retried transparently', async () => {
    const sid = await emu.session();
    await emu.fault({ method: 'GET', count: 2, status: 503 });
    const list = await new OpenTok(KEY, SECRET, { apiUrl: emu.url, maxRetries: 3 }).listStreams(sid);
    assert.deepEqual(list, []);
  });

  test('timeout option is applied: a slow answer -> TimeoutError (a RequestError)', async () => {
    const sid = await emu.session();
    const quick = new OpenTok(KEY, SECRET, { apiUrl: emu.url, timeout: 200, maxRetries: 0 });
    await emu.fault({ count: 1, latencyMs: 3000 });
    const t0 = Date.now();
    const [err] = await viaCallback((cb) => quick.startArchive(sid, {}, cb));
    assert.ok(err instanceof OpenTok.TimeoutError && err instanceof OpenTok.RequestError, `${err && err.name}`);
    assert.equal(err.kind, 'timeout');
    assert.ok(Date.now() - t0 < 2500, 'did not wait for the slow answer');
    await emu.clearFaults();
  });

  test('network failures and malformed answers -> RequestError', async () => {
    const sid = await emu.session();
    const dead = new OpenTok(KEY, SECRET, { apiUrl: 'http://127.0.0.1:9', maxRetries: 0 });
    await assert.rejects(dead.createSession(), expectError(OpenTok.RequestError, (e) => assert.equal(e.kind, 'network')));
    await emu.fault({ count: 1, malformed: true });
    await assert.rejects(ot.listStreams(sid), expectError(OpenTok.RequestError, (e) => assert.equal(e.kind, 'decode')));
    await emu.fault({ count: 1, drop: true, method: 'POST' });
    await assert.rejects(ot.startArchive(sid), expectError(OpenTok.RequestError));
  });
});

describe('bad input -> ArgumentError naming the field (JS spelling)', () => {
  const SID = '1_MX4xMjM0NTZ-MTI3LjAuMC4xflR1ZSBOb3YgMTQgMjI6MTM6MjAgVVRDIDIwMjN-MC43NjAyOTYyfg';
  // The checks the official package makes before sending (same situations, ArgumentError naming the
  // field), plus ids that would change the path (refused by the core). Everything else goes to the service.
  const cases = [
    ['getArchive()', (o, cb) => o.getArchive(undefined, cb), 'archiveId'],
    ['getArchive("")', (o, cb) => o.getArchive('', cb), 'archiveId'],
    ['getArchive("..")', (o, cb) => o.getArchive('..', cb), 'archiveId'],
    ['startArchive("")', (o, cb) => o.startArchive('', {}, cb), 'sessionId'],
    ['startArchive options not an object', (o, cb) => o.startArchive(SID, 'composed', cb), 'options'],
    ['startBroadcast without options', (o, cb) => o.startBroadcast(SID, null, cb), 'options'],
    ['startBroadcast dvr and lowLatency', (o, cb) => o.startBroadcast(SID, { outputs: { hls: { dvr: true, lowLatency: true } } }, cb), 'outputs.hls'],
    ['setArchiveLayout type not a string', (o, cb) => o.setArchiveLayout('A', 5, cb), 'type'],
    ['setArchiveLayout screenshareType without bestFit', (o, cb) => o.setArchiveLayout('A', 'pip', null, 'pip', cb), 'screenshareType'],
    ['signal payload not an object', (o, cb) => o.signal(SID, null, 'hello', cb), 'payload'],
    ['signal connection ".."', (o, cb) => o.signal(SID, '..', { data: 'd' }, cb), 'connectionId'],
    ['setStreamClassLists not an array', (o, cb) => o.setStreamClassLists(SID, 'focus', cb), 'classListArray'],
    ['forceMuteAll excudedStreamIds not an array', (o, cb) => o.forceMuteAll(SID, { excudedStreamIds: 'S1' }, cb), 'excudedStreamIds'],
    ['dial without a SIP URI', (o, cb) => o.dial(SID, 'T', '', {}, cb), 'sipUri'],
    ['websocketConnect without a token', (o, cb) => o.websocketConnect(SID, '', 'wss://a.example.com/c', {}, cb), 'token'],
    ['createSession bad location', (o, cb) => o.createSession({ location: 'abc' }, cb), 'location'],
    ['createSession always-archived relayed session', (o, cb) => o.createSession({ archiveMode: 'always' }, cb), 'archiveMode'],
    ['unregisterCallback("")', (o, cb) => o.unregisterCallback('', cb), 'callbackId'],
  ];

  for (const [name, fn, field] of cases) {
    test(`${name} (Promise)`, async () => {
      await emu.clearRequests();
      await assert.rejects(fn(ot), expectError(OpenTok.ArgumentError, (e) => {
        assert.equal(e.field, field);
      }));
      assert.equal((await emu.requests()).length, 0, 'nothing sent');
    });
    test(`${name} (callback, called asynchronously)`, async () => {
      let returned = false;
      const [err] = await viaCallback((cb) => {
        const r = fn(ot, (...a) => { assert.ok(returned, 'callback not called synchronously'); cb(...a); });
        returned = true;
        assert.equal(r, undefined);
      });
      assert.ok(err instanceof OpenTok.ArgumentError);
      assert.equal(err.field, field);
    });
  }

  test('generateToken throws ArgumentError naming the option', () => {
    const cases2 = [
      [{ expireTime: 'soon' }, 'expireTime'],
      [{ expireTime: Math.floor(Date.now() / 1000) - 10 }, 'expireTime'],
      [{ role: 5 }, 'role'],
      [{ role: 'admin' }, 'role'],
      [{ data: 5 }, 'data'],
      [{ initialLayoutClassList: ['a'.repeat(600), 'b'.repeat(600)] }, 'initialLayoutClassList'],
    ];
    for (const [opts, field] of cases2) {
      assert.throws(() => ot.generateToken(SID, opts), expectError(OpenTok.ArgumentError, (e) => assert.equal(e.field, field)));
    }
    assert.throws(() => ot.generateToken(undefined), expectError(OpenTok.ArgumentError, (e) => assert.equal(e.field, 'sessionId')));
    const other = '1_MX42NTQzMjF-flR1ZSBOb3YgMTQgMjI6MTM6MjAgVVRDIDIwMjN-MC4xMX4';
    assert.throws(() => ot.generateToken(other), expectError(OpenTok.ArgumentError, (e) => assert.equal(e.field, 'sessionId')));
  });

  test('constructor validates its arguments without echoing the secret', () => {
    assert.throws(() => new OpenTok(), expectError(OpenTok.ArgumentError, (e) => assert.equal(e.field, 'apiKey')));
    assert.throws(() => new OpenTok(KEY), expectError(OpenTok.ArgumentError, (e) => assert.equal(e.field, 'apiSecret')));
    assert.throws(() => new OpenTok(KEY, SECRET, { timeout: -5 }), expectError(OpenTok.ArgumentError, (e) => assert.equal(e.field, 'timeout')));
    assert.throws(() => new OpenTok(KEY, SECRET, { apiUrl: 'not a url' }), (e) => {
      assert.ok(e instanceof OpenTok.ArgumentError);
      assert.ok(!e.message.includes(SECRET));
      return true;
    });
    const o = new OpenTok(KEY, SECRET);
    assert.ok(!util.inspect(o).includes(SECRET));
    assert.ok(!JSON.stringify(o).includes(SECRET));
    assert.equal(o.apiSecret, SECRET, 'still readable like the official property');
  });

  test('no unhandled rejection anywhere in this file', async () => {
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(unhandled, []);
  });
});
