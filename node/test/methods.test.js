'use strict';
// Every public method against the emulator, in both the callback and the Promise form.
const { test, describe, before, after, beforeEach } = require('node:test');
const assert = require('node:assert/strict');

const OpenTok = require('..');
const { KEY, SECRET, startEmulator, viaCallback } = require('./helpers');

let emu;
let ot;
before(async () => {
  emu = await startEmulator();
  ot = new OpenTok(KEY, SECRET, { apiUrl: emu.url });
});
after(() => emu.stop());

// `call(obj, 'method', ...args)` in one of the two forms; resolves the result (or the callback's
// extra arguments as an array when there are several).
const FORMS = {
  promise: (obj, method, ...args) => {
    const r = obj[method](...args);
    assert.ok(r && typeof r.then === 'function', `${method} returns a Promise without a callback`);
    return r;
  },
  callback: async (obj, method, ...args) => {
    let ret;
    const [err, ...res] = await viaCallback((cb) => { ret = obj[method](...args, cb); });
    assert.equal(ret, undefined, `${method} returns undefined when given a callback`);
    if (err) throw err;
    return res.length > 1 ? res : res[0];
  },
};

for (const [form, call] of Object.entries(FORMS)) {
  describe(`methods (${form} form)`, () => {
    let sid;
    let stream;
    beforeEach(async () => {
      await emu.reset();
      const s = await call(ot, 'createSession', { mediaMode: 'routed' });
      sid = s.sessionId;
      stream = await emu.stream(sid, { name: 'cam', layoutClassList: ['focus'] });
    });

    test('createSession: defaults, routed, always-archived, location; Session#generateToken', async () => {
      const relayed = await call(ot, 'createSession');
      assert.equal(relayed.mediaMode, 'relayed');
      assert.equal(relayed.archiveMode, 'manual');
      assert.equal((await emu.inspect(relayed.sessionId)).mediaMode, 'relayed');
      const always = await call(ot, 'createSession', { mediaMode: 'routed', archiveMode: 'always', location: '10.1.200.30' });
      assert.equal(always.archiveMode, 'always');
      assert.equal(always.location, '10.1.200.30');
      const token = always.generateToken({ role: 'moderator' });
      const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url'));
      assert.equal(claims.session_id, always.sessionId);
      assert.equal(claims.role, 'moderator');
      assert.ok(always.generateToken({}, true).startsWith('T1=='));
      assert.equal(JSON.stringify(always).includes(SECRET), false, 'no secret in a serialised Session');
    });

    test('archives: start, get, list, layout, add/remove stream, stop, delete', async () => {
      const a = await call(ot, 'startArchive', sid, { name: 'Class', streamMode: 'manual', layout: { type: 'bestFit', screenshareType: 'pip' } });
      assert.equal(a.status, 'started');
      assert.equal(a.name, 'Class');
      assert.equal(a.sessionId, sid);
      assert.equal((await call(ot, 'getArchive', a.id)).id, a.id);
      const listed = await call(ot, 'listArchives', { sessionId: sid });
      const [archives, total] = form === 'callback' ? listed : [listed, listed.totalCount];
      assert.equal(total, 1);
      assert.equal(archives[0].id, a.id);
      assert.ok(archives[0] instanceof OpenTok.Archive);
      // As the official package: the callback gets the api layer's (err, body, response); the Promise resolves undefined.
      const laid = await call(ot, 'setArchiveLayout', a.id, 'custom', 'stream { width: 100%; }');
      if (form === 'callback') assert.equal(laid[1].status, 200); else assert.equal(laid, undefined);
      await call(ot, 'setArchiveLayout', a.id, 'bestFit', null, 'horizontalPresentation');
      await call(ot, 'setArchiveLayout', a.id, 'pip');
      await call(ot, 'addArchiveStream', a.id, stream.id, { hasAudio: true, hasVideo: false });
      await call(ot, 'removeArchiveStream', a.id, stream.id);
      await call(ot, 'addArchiveStream', a.id, stream.id);
      const stopped = await call(a, 'stop');
      assert.equal(stopped.status, 'stopped');
      const all = await call(ot, 'listAllArchives', {});
      assert.equal(all.length, 1);
      await call(await call(ot, 'getArchive', a.id), 'delete');
      const again = await call(ot, 'startArchive', sid);
      await call(ot, 'stopArchive', again.id);
      assert.equal(await call(ot, 'deleteArchive', again.id), undefined);
    });

    test('broadcasts: start, get, list, layout, add/remove stream, stop', async () => {
      const b = await call(ot, 'startBroadcast', sid, {
        outputs: { hls: { lowLatency: true }, rtmp: [{ id: 'foo', serverUrl: 'rtmp://myfooserver/myfooapp', streamName: 'foo' }] },
        streamMode: 'manual', maxDuration: 5400, resolution: '1280x720', layout: { type: 'pip' },
      });
      assert.equal(b.status, 'started');
      assert.ok(b instanceof OpenTok.Broadcast);
      assert.equal((await call(ot, 'getBroadcast', b.id)).id, b.id);
      const listed = await call(ot, 'listBroadcasts', { sessionId: sid, count: 10 });
      const [items, total] = form === 'callback' ? listed : [listed, listed.totalCount];
      assert.equal(total, 1);
      assert.equal(items[0].id, b.id);
      await call(ot, 'setBroadcastLayout', b.id, 'verticalPresentation');
      await call(ot, 'addBroadcastStream', b.id, stream.id, { hasAudio: false });
      const patch = (await emu.requests()).filter((r) => r.method === 'PATCH').pop();
      assert.deepEqual(JSON.parse(patch.body), { addStream: stream.id, hasAudio: false, hasVideo: true });
      await call(ot, 'removeBroadcastStream', b.id, stream.id);
      assert.equal((await call(ot, 'listAllBroadcasts')).length, 1);
      const stopped = await call(b, 'stop');
      assert.equal(stopped.status, 'stopped');
      const b2 = await call(ot, 'startBroadcast', sid, { outputs: { hls: {} } });
      assert.equal((await call(ot, 'stopBroadcast', b2.id)).status, 'stopped');
    });

    test('streams and connections: getStream, listStreams, setStreamClassLists, setStreamClassList, listConnections', async () => {
      const s = await call(ot, 'getStream', sid, stream.id);
      assert.deepEqual({ id: s.id, name: s.name, layoutClassList: s.layoutClassList }, { id: stream.id, name: 'cam', layoutClassList: ['focus'] });
      const list = await call(ot, 'listStreams', sid);
      assert.equal(list.length, 1);
      assert.equal(list[0].id, stream.id);
      await call(ot, 'setStreamClassLists', sid, [{ id: stream.id, layoutClassList: ['full', 'focus'] }]);
      assert.deepEqual((await call(ot, 'getStream', sid, stream.id)).layoutClassList, ['full', 'focus']);
      await call(ot, 'setStreamClassList', sid, stream.id, ['inactive']);
      assert.deepEqual((await call(ot, 'getStream', sid, stream.id)).layoutClassList, ['inactive']);
      const conns = await call(ot, 'listConnections', sid);
      assert.equal(conns.length, 1);
      assert.equal(conns[0].connectionState, 'Connected');
    });

    test('signal, forceDisconnect, forceMuteStream, forceMuteAll, disableForceMute', async () => {
      const conn = await emu.connection(sid, {});
      assert.equal(await call(ot, 'signal', sid, null, { type: 'chat', data: 'all' }), undefined);
      await call(ot, 'signal', sid, conn.connectionId, { type: 'chat', data: 'one' });
      let view = await emu.inspect(sid);
      assert.deepEqual(view.signals.map((s) => [s.data, s.to]), [['all', null], ['one', conn.connectionId]]);
      await call(ot, 'forceMuteStream', sid, stream.id);
      await call(ot, 'forceMuteAll', sid, { excludedStreamIds: [stream.id] });
      view = await emu.inspect(sid);
      assert.deepEqual(view.muteAll, { active: true, excludedStreamIds: [stream.id] });
      await call(ot, 'disableForceMute', sid);
      assert.equal((await emu.inspect(sid)).muteAll.active, false);
      await call(ot, 'forceDisconnect', sid, conn.connectionId);
      view = await emu.inspect(sid);
      assert.ok(!view.connections.some((c) => c.connectionId === conn.connectionId));
    });

    test('dial and playDTMF', async () => {
      const token = ot.generateToken(sid, { role: 'moderator' });
      const sip = await call(ot, 'dial', sid, token, 'sip:user@sip.partner.com;transport=tls', {
        headers: { 'X-Foo': 'bar' }, auth: { username: 'u', password: 'p' }, secure: true, from: 'me@example.com', video: false,
      });
      assert.ok(sip.id && sip.connectionId && sip.streamId);
      const sent = JSON.parse((await emu.requests()).filter((r) => r.path.endsWith('/dial')).pop().body);
      assert.deepEqual(sent.sip.headers, { 'X-Foo': 'bar' });
      await call(ot, 'playDTMF', sid, null, '1p2#');
      await call(ot, 'playDTMF', sid, sip.connectionId, '9');
      const view = await emu.inspect(sid);
      assert.deepEqual(view.dtmf.map((d) => d.digits), ['1p2#', '9']);
    });

    test('renders: startRender, getRender, listRenders, listAllRenders, stopRender', async () => {
      const token = ot.generateToken(sid, { role: 'publisher' });
      // The official callbacks receive (err, body, response); the Promise resolves the body.
      const body = (v) => (form === 'callback' ? v[0] : v);
      const r = body(await call(ot, 'startRender', { sessionId: sid, token, url: 'https://webapp.customer.com/composer', maxDuration: 1800 }));
      assert.equal(r.sessionId, sid);
      assert.equal(body(await call(ot, 'getRender', r.id)).id, r.id);
      const page = body(await call(ot, 'listRenders', { count: 10 }));
      assert.equal(page.count, 1);
      assert.equal(page.items[0].id, r.id);
      assert.equal((await call(ot, 'listAllRenders')).length, 1);
      const stopped = await call(ot, 'stopRender', r.id);
      assert.equal(body(stopped), '');
      if (form === 'callback') assert.equal(stopped[1].status, 204);
    });

    test('websocketConnect and websocketDisconnect (audio connector)', async () => {
      const token = ot.generateToken(sid);
      const ws = await call(ot, 'websocketConnect', sid, token, 'wss://service.example.com/ws', {
        streams: [stream.id], headers: { 'X-Id': '1' }, bidirectional: true,
      });
      assert.ok(ws.id && ws.connectionId);
      const sent = JSON.parse((await emu.requests()).filter((r) => r.path.endsWith('/connect')).pop().body);
      assert.deepEqual(sent.websocket, { uri: 'wss://service.example.com/ws', streams: [stream.id], headers: { 'X-Id': '1' }, bidirectional: true });
      assert.equal(await call(ot, 'websocketDisconnect', ws.connectionId), undefined);
    });

    test('captions: startCaptions, getCaptions, stopCaptions', async () => {
      const token = ot.generateToken(sid, { role: 'moderator' });
      const id = await call(ot, 'startCaptions', sid, token, { languageCode: 'en-US', partialCaptions: false });
      assert.equal(typeof id, 'string');
      const status = await call(ot, 'getCaptions', id);
      assert.equal(status.status, 'started');
      assert.equal(await call(ot, 'stopCaptions', id), true);
    });

    test('callbacks: registerCallback, listCallbacks, Callback#unregister, unregisterCallback', async () => {
      const cb1 = await call(ot, 'registerCallback', { group: 'archive', event: 'status', url: 'https://hooks.example.com/a' });
      const cb2 = await call(ot, 'registerCallback', { group: 'connection', event: 'created', url: 'https://hooks.example.com/c' });
      const list = await call(ot, 'listCallbacks');
      assert.deepEqual(list.map((c) => c.id).sort(), [cb1.id, cb2.id].sort());
      await call(cb1, 'unregister');
      await call(ot, 'unregisterCallback', cb2.id);
      assert.equal((await call(ot, 'listCallbacks', {})).length, 0);
    });
  });
}

test('methods are bound per instance (destructuring works, as with the official package)', async () => {
  const { createSession, getArchive } = ot;
  const s = await createSession({ mediaMode: 'routed' });
  await assert.rejects(getArchive('missing'), OpenTok.NotFoundError);
  assert.ok(s.sessionId);
});

test('the constructor works without `new`, accepts a numeric key and an apiUrl string', async () => {
  const ot2 = OpenTok(Number(KEY), SECRET, emu.url);
  assert.equal(ot2.apiKey, KEY);
  assert.equal(ot2.apiUrl, emu.url);
  const s = await ot2.createSession();
  assert.ok(s.sessionId.startsWith('1_'));
});

test('uaAddendum and the node version go into the User-Agent', async () => {
  const ot2 = new OpenTok(KEY, SECRET, { apiUrl: emu.url, uaAddendum: 'my-app/1.2' });
  await emu.clearRequests();
  await ot2.createSession();
  const [req] = await emu.requests();
  assert.match(req.headers['user-agent'], new RegExp(`node/${process.versions.node}.*my-app/1\\.2`));
  assert.ok(req.headers['x-opentok-auth']);
});

test('application credentials (Vonage): Bearer auth against an emulator started with the public key', async () => {
  const fs = require('fs');
  const path = require('path');
  const dir = path.join(__dirname, '..', '..', 'tests', 'vectors');
  const tokens = JSON.parse(fs.readFileSync(path.join(dir, 'tokens.json'), 'utf8'));
  const appId = tokens.credentials.application_id;
  const emu2 = await startEmulator(['--application-id', appId, '--public-key', path.join(dir, tokens.credentials.public_key_file)]);
  try {
    const app = new OpenTok(appId, fs.readFileSync(path.join(dir, tokens.credentials.private_key_file), 'utf8'), { apiUrl: emu2.url });
    const s = await app.createSession({ mediaMode: 'routed' });
    const a = await app.startArchive(s.sessionId);
    assert.equal(a.status, 'started');
    const [, req] = await emu2.requests();
    assert.match(req.headers.authorization, /^Bearer /);
    assert.equal(req.path, `/v2/project/${appId}/archive`);
  } finally {
    await emu2.stop();
  }
});
