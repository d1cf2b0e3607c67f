'use strict';
// Users' tests keep working: nock sees our calls (host transport, chosen automatically while nock is
// active), with callbacks and Promises; `nock.disableNetConnect()` makes an unstubbed call fail with
// nock's error; OPENTOK_TRANSPORT=native overrides the automatic choice.
// Written as a user of the official package writes them (nock is a devDependency).
const { test, before, after, afterEach } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('crypto');
const nock = require('nock');

const OpenTok = require('..');
const { KEY, SECRET, startEmulator } = require('./helpers');

const API = 'https://api.opentok.com';
const SID = '1_MX4xMjM0NTZ-fjE3MDAwMDAwMDAwMDB-YWJjZGVm-fg';
const ARCHIVE = {
  id: 'b40ef09b-3811-4726-b508-e41a0f96c68f', status: 'started', name: 'Demo', sessionId: SID,
  projectId: 123456, createdAt: 1700000000000, size: 0, duration: 0, outputMode: 'composed',
  hasAudio: true, hasVideo: true, reason: '', url: null, sha256sum: 'new-field',
};

function verifyJwt(token) {
  const [h, p, s] = token.split('.');
  const want = crypto.createHmac('sha256', SECRET).update(`${h}.${p}`).digest('base64url');
  assert.equal(s, want, 'X-OPENTOK-AUTH is signed with the api secret');
  const claims = JSON.parse(Buffer.from(p, 'base64url'));
  assert.equal(claims.iss, KEY);
  assert.equal(claims.ist, 'project');
  assert.ok(claims.exp > Date.now() / 1000);
  return claims;
}

let emu;
before(async () => { emu = await startEmulator(); });
after(() => emu.stop());
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
  delete process.env.OPENTOK_TRANSPORT;
});

test('nock interceptor answers startArchive (callback form); auth JWT and JSON body are as sent', async () => {
  const opentok = new OpenTok(KEY, SECRET);
  let seen;
  const scope = nock(API)
    .post(`/v2/project/${KEY}/archive`, (body) => { seen = body; return true; })
    .reply(200, function reply() {
      verifyJwt(this.req.headers['x-opentok-auth']);
      assert.match(this.req.headers['user-agent'], /^OpenTok-Rust-SDK\/\S+ node\//);
      return ARCHIVE;
    });
  const before0 = OpenTok.transport.host;
  const archive = await new Promise((resolve, reject) => {
    opentok.startArchive(SID, { name: 'Demo', hasVideo: false, brandNew: 1 }, (err, a) => (err ? reject(err) : resolve(a)));
  });
  scope.done();
  assert.ok(OpenTok.transport.host > before0, 'the host transport carried the call');
  assert.deepEqual(seen, { sessionId: SID, name: 'Demo', hasVideo: false, brandNew: 1 });
  assert.ok(archive instanceof OpenTok.Archive);
  assert.equal(archive.id, ARCHIVE.id);
  assert.equal(archive.sha256sum, 'new-field', 'unknown fields of the answer are kept');
  assert.equal(typeof archive.stop, 'function');
});

test('nock interceptors with Promises: getArchive, listArchives, deleteArchive, a 404 and a 403', async () => {
  const opentok = new OpenTok(KEY, SECRET);
  nock(API)
    .get(`/v2/project/${KEY}/archive/${ARCHIVE.id}`).reply(200, ARCHIVE)
    .get(`/v2/project/${KEY}/archive`).query({ count: 5 }).reply(200, { count: 1, items: [ARCHIVE] })
    .delete(`/v2/project/${KEY}/archive/${ARCHIVE.id}`).reply(204)
    .get(`/v2/project/${KEY}/archive/missing`).reply(404, { message: 'not found' })
    .post(`/v2/project/${KEY}/broadcast`).reply(403, { code: -1, message: 'Invalid token' });
  assert.equal((await opentok.getArchive(ARCHIVE.id)).name, 'Demo');
  const list = await opentok.listArchives({ count: 5 });
  assert.equal(list.length, 1);
  assert.equal(list.totalCount, 1);
  assert.equal(await opentok.deleteArchive(ARCHIVE.id), undefined);
  await assert.rejects(opentok.getArchive('missing'), (e) => e instanceof OpenTok.NotFoundError && e.status === 404);
  await assert.rejects(opentok.startBroadcast(SID, { outputs: { hls: {} } }), (e) => e instanceof Error && /^Failed to start broadcast\. /.test(e.message));
  assert.ok(nock.isDone(), 'every interceptor was used');
});

test('createSession through nock: form body, Session from the JSON answer', async () => {
  const opentok = new OpenTok(KEY, SECRET);
  let form;
  nock(API)
    .post('/session/create', (body) => { form = body; return true; })
    .reply(200, [{ session_id: SID, project_id: KEY, create_dt: 'Mon Mar 17 00:41:31 PDT 2014', media_server_url: '' }]);
  const session = await opentok.createSession({ mediaMode: 'routed' });
  assert.equal(session.sessionId, SID);
  assert.equal(form['p2p.preference'], 'disabled');
  assert.equal(form.archiveMode, 'manual');
});

test('renders through nock: callback gets (err, body, response)', async () => {
  const opentok = new OpenTok(KEY, SECRET);
  nock(API).get(`/v2/project/${KEY}/render/r1`).reply(200, { id: 'r1', status: 'started', extra: 1 }, { 'x-request-id': 'abc' });
  const [err, body, response] = await new Promise((resolve) => opentok.getRender('r1', (...a) => resolve(a)));
  assert.equal(err, null);
  assert.deepEqual(body, { id: 'r1', status: 'started', extra: 1 });
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('x-request-id'), 'abc');
});

test('nock.disableNetConnect(): an unstubbed call fails with nock\'s error', async () => {
  nock.disableNetConnect();
  const opentok = new OpenTok(KEY, SECRET);
  const err = await new Promise((resolve) => opentok.getArchive(ARCHIVE.id, (e) => resolve(e)));
  assert.ok(err instanceof Error);
  assert.match(err.message, /Nock: Disallowed net connect/);
  assert.ok(err.cause && /NetConnectNotAllowedError/.test(err.cause.name), 'nock\'s own error is the cause');
  const err2 = await opentok.listStreams(SID).then(() => null, (e) => e);
  assert.match(err2.message, /Nock: Disallowed net connect/);
});

test('nock.disableNetConnect() with enableNetConnect for 127.0.0.1: the emulator is still reachable', async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  const opentok = new OpenTok(KEY, SECRET, { apiUrl: emu.url });
  const s = await opentok.createSession({ mediaMode: 'routed' });
  assert.ok(s.sessionId.startsWith('1_'));
});

test('OPENTOK_TRANSPORT=native bypasses nock (the native transport reaches the emulator)', async () => {
  process.env.OPENTOK_TRANSPORT = 'native';
  nock.disableNetConnect();
  const opentok = new OpenTok(KEY, SECRET, { apiUrl: emu.url });
  const n = OpenTok.transport.native;
  const s = await opentok.createSession({ mediaMode: 'routed' });
  assert.ok(s.sessionId);
  assert.equal(OpenTok.transport.native, n + 1);
});

test('constructor option transport: "native" overrides the automatic choice', async () => {
  nock.disableNetConnect();
  const opentok = new OpenTok(KEY, SECRET, { apiUrl: emu.url, transport: 'native' });
  const s = await opentok.createSession();
  assert.ok(s.sessionId);
});

test('nock.restore() switches back to the native transport', async () => {
  nock.restore();
  try {
    const opentok = new OpenTok(KEY, SECRET, { apiUrl: emu.url });
    const n = OpenTok.transport.native;
    await opentok.createSession();
    assert.equal(OpenTok.transport.native, n + 1);
  } finally {
    nock.activate();
  }
});

test('listAllArchives walks every page through nock (the host transport), not the network', async () => {
  nock.disableNetConnect();
  const opentok = new OpenTok(KEY, SECRET);
  const a = (id) => ({ ...ARCHIVE, id });
  const scope = nock(API)
    .get(`/v2/project/${KEY}/archive`).query({ offset: '0', count: '2' })
    .reply(200, { count: 3, items: [a('a1'), a('a2')] })
    .get(`/v2/project/${KEY}/archive`).query({ offset: '2', count: '2' })
    .reply(200, { count: 3, items: [a('a3')] });
  const all = await opentok.listAllArchives({ count: 2 });
  scope.done();
  assert.deepEqual(all.map((x) => x.id), ['a1', 'a2', 'a3']);
  assert.ok(all.every((x) => x instanceof OpenTok.Archive));
});
