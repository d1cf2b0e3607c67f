'use strict';
// A backend scenario written only against the official `opentok` 2.x package's documented API
// (constructor + callbacks). It runs unchanged against `opentok-rs` and against the official package:
//   node test/compat/scenario.js <path-to-package> <emulator-url>
// or `require('./scenario').run(OpenTok, url)` → [{ name, ok, detail }].
// Streams and connections are seeded through the emulator's admin routes (stand-ins for clients).

const KEY = '123456';
const SECRET = '0123456789abcdef0123456789abcdef01234567';

function cb(fn) {
  return new Promise((resolve) => {
    try {
      fn((err, ...rest) => resolve([err, ...rest]));
    } catch (e) {
      resolve([e]);
    }
  });
}

async function admin(url, method, p, body) {
  const r = await fetch(url + p, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  return text ? JSON.parse(text) : null;
}

function claims(token) {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64').toString('utf8'));
}

async function run(OpenTok, url) {
  const results = [];
  const step = async (name, fn) => {
    try {
      const problem = await fn();
      results.push({ name, ok: !problem, detail: problem || '' });
    } catch (e) {
      results.push({ name, ok: false, detail: `${e && e.name}: ${e && e.message}` });
    }
  };
  const expectOk = async (fn, check) => {
    const [err, ...res] = await cb(fn);
    if (err) return `unexpected error: ${err.message || err}`;
    return check ? check(...res) : null;
  };

  await admin(url, 'POST', '/_emulator/reset');
  const opentok = new OpenTok(KEY, SECRET, { apiUrl: url });
  let session;
  let sid;
  let stream;
  let conn;

  await step('createSession (routed) gives a Session with sessionId', () => expectOk(
    (c) => opentok.createSession({ mediaMode: 'routed' }, c),
    (s) => { session = s; sid = s.sessionId; return typeof sid === 'string' && sid.startsWith('1_') ? null : 'bad session'; }
  ));
  await step('createSession() defaults to relayed', () => expectOk(
    (c) => opentok.createSession(c),
    async (s) => ((await admin(url, 'GET', `/_emulator/sessions/${s.sessionId}`)).mediaMode === 'relayed' ? null : 'not relayed')
  ));
  stream = await admin(url, 'POST', `/_emulator/sessions/${sid}/streams`, { name: 'cam' });
  conn = await admin(url, 'POST', `/_emulator/sessions/${sid}/connections`, {});

  await step('generateToken (JWT) carries the documented claims', async () => {
    const t = opentok.generateToken(sid, { role: 'moderator', data: 'userId=42', initialLayoutClassList: ['focus'] });
    const c = claims(t);
    return c.session_id === sid && c.role === 'moderator' && c.connection_data === 'userId=42'
      && c.initial_layout_class_list === 'focus' && c.iss === KEY ? null : JSON.stringify(c);
  });
  await step('session.generateToken()', async () => (claims(session.generateToken()).role === 'publisher' ? null : 'role'));
  await step('generateToken T1 via the third argument', async () => (opentok.generateToken(sid, {}, true).startsWith('T1==') ? null : 'not T1'));
  await step('generateToken rejects another key\'s session', async () => {
    try {
      opentok.generateToken('1_MX42NTQzMjF-flR1ZSBOb3YgMTQgMjI6MTM6MjAgVVRDIDIwMjN-MC4xMX4');
      return 'no error';
    } catch (e) {
      return e instanceof Error ? null : 'not an Error';
    }
  });

  let archive;
  await step('startArchive', () => expectOk((c) => opentok.startArchive(sid, { name: 'Compat', streamMode: 'manual' }, c),
    (a) => { archive = a; return a.status === 'started' && a.name === 'Compat' ? null : JSON.stringify(a); }));
  await step('getArchive', () => expectOk((c) => opentok.getArchive(archive.id, c), (a) => (a.id === archive.id ? null : 'id')));
  await step('listArchives gives (err, archives, totalCount)', () => expectOk((c) => opentok.listArchives({ sessionId: sid }, c),
    (list, total) => (Array.isArray(list) && list.length === 1 && total === 1 ? null : `${list && list.length} ${total}`)));
  await step('addArchiveStream', () => expectOk((c) => opentok.addArchiveStream(archive.id, stream.id, { hasAudio: true, hasVideo: true }, c)));
  await step('removeArchiveStream', () => expectOk((c) => opentok.removeArchiveStream(archive.id, stream.id, c)));
  await step('setArchiveLayout', () => expectOk((c) => opentok.setArchiveLayout(archive.id, 'bestFit', null, 'pip', c)));
  await step('stopArchive', () => expectOk((c) => opentok.stopArchive(archive.id, c), (a) => (a.status === 'stopped' ? null : a.status)));
  await step('deleteArchive', () => expectOk((c) => opentok.deleteArchive(archive.id, c)));
  await step('archive.stop() on a second archive', async () => {
    const [err, a] = await cb((c) => opentok.startArchive(sid, c));
    if (err) return err.message;
    return expectOk((c) => a.stop(c), (s) => (s.status === 'stopped' ? null : s.status));
  });

  let broadcast;
  await step('startBroadcast', () => expectOk((c) => opentok.startBroadcast(sid, { outputs: { hls: {} }, streamMode: 'manual' }, c),
    (b) => { broadcast = b; return b.status === 'started' ? null : b.status; }));
  await step('getBroadcast', () => expectOk((c) => opentok.getBroadcast(broadcast.id, c), (b) => (b.id === broadcast.id ? null : 'id')));
  await step('listBroadcasts gives (err, broadcasts, totalCount)', () => expectOk((c) => opentok.listBroadcasts({ sessionId: sid }, c),
    (list, total) => (list.length === 1 && total === 1 ? null : `${list.length} ${total}`)));
  await step('setBroadcastLayout', () => expectOk((c) => opentok.setBroadcastLayout(broadcast.id, 'pip', c)));
  await step('addBroadcastStream', () => expectOk((c) => opentok.addBroadcastStream(broadcast.id, stream.id, {}, c)));
  await step('removeBroadcastStream', () => expectOk((c) => opentok.removeBroadcastStream(broadcast.id, stream.id, c)));
  await step('stopBroadcast', () => expectOk((c) => opentok.stopBroadcast(broadcast.id, c), (b) => (b.status === 'stopped' ? null : b.status)));

  await step('getStream', () => expectOk((c) => opentok.getStream(sid, stream.id, c), (s) => (s.id === stream.id ? null : 'id')));
  await step('listStreams', () => expectOk((c) => opentok.listStreams(sid, c), (l) => (l.length === 1 && l[0].id === stream.id ? null : JSON.stringify(l))));
  await step('setStreamClassLists', () => expectOk((c) => opentok.setStreamClassLists(sid, [{ id: stream.id, layoutClassList: ['full'] }], c)));
  await step('signal to the session', () => expectOk((c) => opentok.signal(sid, null, { type: 'chat', data: 'hello' }, c)));
  await step('signal to a connection', () => expectOk((c) => opentok.signal(sid, conn.connectionId, { type: 'chat', data: 'hi' }, c)));
  await step('forceMuteStream', () => expectOk((c) => opentok.forceMuteStream(sid, stream.id, c)));
  await step('forceMuteAll with excludedStreamIds (REST docs key)', async () => {
    const problem = await expectOk((c) => opentok.forceMuteAll(sid, { excludedStreamIds: [stream.id] }, c));
    if (problem) return problem;
    const view = await admin(url, 'GET', `/_emulator/sessions/${sid}`);
    return view.muteAll && view.muteAll.active === true ? null : JSON.stringify(view.muteAll);
  });
  await step('disableForceMute', () => expectOk((c) => opentok.disableForceMute(sid, c)));
  await step('forceDisconnect', () => expectOk((c) => opentok.forceDisconnect(sid, conn.connectionId, c)));

  const token = opentok.generateToken(sid, { role: 'moderator' });
  let sip;
  await step('dial', () => expectOk((c) => opentok.dial(sid, token, 'sip:user@sip.example.com', { secure: true }, c),
    (s) => { sip = s; return s.id && s.connectionId && s.streamId ? null : JSON.stringify(s); }));
  await step('playDTMF to the session', () => expectOk((c) => opentok.playDTMF(sid, null, '1234#', c)));
  await step('playDTMF to a connection', () => expectOk((c) => opentok.playDTMF(sid, sip.connectionId, '9', c)));

  let render;
  await step('startRender', () => expectOk((c) => opentok.startRender({ sessionId: sid, token, url: 'https://webapp.example.com/composer' }, c),
    (r) => { render = r; return r.id ? null : 'no id'; }));
  await step('getRender', () => expectOk((c) => opentok.getRender(render.id, c), (r) => (r.id === render.id ? null : 'id')));
  await step('listRenders', () => expectOk((c) => opentok.listRenders({ count: 10 }, c), (page) => (page.count === 1 ? null : JSON.stringify(page))));
  await step('stopRender', () => expectOk((c) => opentok.stopRender(render.id, c)));

  await step('websocketConnect', () => expectOk((c) => opentok.websocketConnect(sid, token, 'wss://ws.example.com/audio', { streams: [stream.id] }, c),
    (r) => (r.id && r.connectionId ? null : JSON.stringify(r))));
  let captionsId;
  await step('startCaptions gives the captions id', () => expectOk((c) => opentok.startCaptions(sid, token, { languageCode: 'en-US' }, c),
    (id) => { captionsId = id; return typeof id === 'string' ? null : typeof id; }));
  await step('startCaptions twice -> CaptionsError', async () => {
    const [err] = await cb((c) => opentok.startCaptions(sid, token, {}, c));
    return err instanceof OpenTok.CaptionsError ? null : `got ${err && err.constructor && err.constructor.name}`;
  });
  await step('stopCaptions', () => expectOk((c) => opentok.stopCaptions(captionsId, c)));

  let callbackId;
  await step('registerCallback', () => expectOk((c) => opentok.registerCallback({ group: 'archive', event: 'status', url: 'https://hooks.example.com/a' }, c),
    (r) => { callbackId = r.id; return r.id ? null : 'no id'; }));
  await step('listCallbacks', () => expectOk((c) => opentok.listCallbacks({}, c), (l) => (l.length === 1 && l[0].id === callbackId ? null : JSON.stringify(l))));
  await step('unregisterCallback', () => expectOk((c) => opentok.unregisterCallback(callbackId, c)));

  await step('getArchive of an unknown id -> an Error', async () => {
    const [err] = await cb((c) => opentok.getArchive('00000000-0000-0000-0000-000000000000', c));
    return err instanceof Error ? null : 'no Error';
  });
  await step('wrong secret -> AuthError', async () => {
    const bad = new OpenTok(KEY, 'wrong-wrong-wrong-wrong-wrong-wrong-wrong', { apiUrl: url });
    const [err] = await cb((c) => bad.listArchives(c));
    return err instanceof OpenTok.AuthError ? null : `got ${err && err.message}`;
  });
  return results;
}

module.exports = { run };

if (require.main === module) {
  const pkg = require(require('path').resolve(process.argv[2]));
  run(pkg, process.argv[3]).then((results) => {
    for (const r of results) console.log(`${r.ok ? 'PASS' : 'FAIL'} ${r.name}${r.detail ? ' — ' + r.detail : ''}`);
    const failed = results.filter((r) => !r.ok).length;
    console.log(`${results.length - failed} passed, ${failed} failed`);
    process.exitCode = failed ? 1 : 0;
  });
}
