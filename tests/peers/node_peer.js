// Drives every operation of the official npm `opentok` package (2.23.x) against the emulator.
// Usage: node node_peer.js <emulator-url>   (run by tests/peers/run.sh)
'use strict';
const path = require('path');
const OpenTok = require(path.resolve(process.env.PEERS_NODE_DIR || '.', 'node_modules', 'opentok'));

const url = process.argv[2];
const KEY = '123456';
const SECRET = '0123456789abcdef0123456789abcdef01234567';
const ot = new OpenTok(KEY, SECRET, { apiUrl: url });
let passed = 0;
let failed = 0;

function report(ok, name, detail) {
  if (ok) passed += 1; else failed += 1;
  console.log(`${ok ? 'PASS' : 'FAIL'} node ${name}${detail ? ' — ' + detail : ''}`);
}

// Calls fn(cb) and resolves [err, ...results].
function cb(fn) {
  return new Promise((resolve) => fn((err, ...rest) => resolve([err, ...rest])));
}

// Expects success; `check` may inspect the results and return an error string.
async function ok(name, fn, check) {
  const [err, ...res] = await cb(fn);
  if (err) return report(false, name, `unexpected error: ${err.message || err}`), null;
  const problem = check ? check(...res) : null;
  report(!problem, name, problem || '');
  return res[0];
}

// Expects an error whose text matches `pattern` (the documented failure).
async function fails(name, fn, pattern) {
  const [err] = await cb(fn);
  const text = err ? `${err.name || ''} ${err.message || err}` : '';
  const good = !!err && (!pattern || pattern.test(text));
  report(good, name, err ? text.trim() : 'expected an error, got success');
}

async function known(name, fn, note) {
  // A documented difference between this package and the REST docs (see tests/peers/README.md).
  const [err] = await cb(fn);
  console.log(`KNOWN node ${name} — ${note} (${err ? 'error: ' + (err.message || err) : 'succeeded'})`);
}

async function admin(method, p, body) {
  const r = await fetch(url + p, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await r.text();
  return text ? JSON.parse(text) : null;
}

(async () => {
  await admin('POST', '/_emulator/reset');
  const routed = await ok('createSession routed', (c) => ot.createSession({ mediaMode: 'routed' }, c),
    (s) => (s.sessionId.startsWith('1_') ? null : 'bad session id'));
  const relayed = await ok('createSession relayed (default)', (c) => ot.createSession({}, c));
  await ok('createSession archiveMode always + location', (c) => ot.createSession({ mediaMode: 'routed', archiveMode: 'always', location: '12.34.56.78' }, c));
  await fails('createSession invalid location', (c) => ot.createSession({ location: 'nowhere' }, c));
  const sid = routed.sessionId;
  const rid = relayed.sessionId;
  const view = await admin('GET', `/_emulator/sessions/${rid}`);
  report(view.mediaMode === 'relayed', 'relayed session recorded as relayed');

  const token = ot.generateToken(sid, { role: 'moderator' });
  const conn = (await admin('POST', `/_emulator/sessions/${sid}/connections`, {})).connectionId;
  const stream = (await admin('POST', `/_emulator/sessions/${sid}/streams`, { connectionId: conn, name: 'cam' })).id;

  // archives
  const archive = await ok('startArchive', (c) => ot.startArchive(sid, { name: 'a', resolution: '1280x720', multiArchiveTag: 'a' }, c),
    (a) => (a.status === 'started' && a.resolution === '1280x720' ? null : JSON.stringify(a)));
  await fails('startArchive twice without multiArchiveTag → 409', (c) => ot.startArchive(sid, {}, c), /409|already|Unexpected/i);
  await fails('startArchive relayed → 409', (c) => ot.startArchive(rid, {}, c));
  await fails('startArchive individual + resolution → 400', (c) => ot.startArchive(sid, { outputMode: 'individual', resolution: '640x480', multiArchiveTag: 'i' }, c));
  const manual = await ok('startArchive manual streamMode + multiArchiveTag', (c) => ot.startArchive(sid, { streamMode: 'manual', multiArchiveTag: 'm' }, c));
  await ok('addArchiveStream', (c) => ot.addArchiveStream(manual.id, stream, { hasAudio: true, hasVideo: false }, c));
  await ok('removeArchiveStream', (c) => ot.removeArchiveStream(manual.id, stream, c));
  await fails('addArchiveStream on auto archive → 405', (c) => ot.addArchiveStream(archive.id, stream, {}, c));
  await ok('setArchiveLayout', (c) => ot.setArchiveLayout(archive.id, 'bestFit', null, 'pip', c));
  await fails('setArchiveLayout stylesheet without custom → 400', (c) => ot.setArchiveLayout(archive.id, 'pip', 'x', null, c));
  await ok('getArchive', (c) => ot.getArchive(archive.id, c), (a) => (a.id === archive.id ? null : 'wrong id'));
  await ok('listArchives', (c) => ot.listArchives({ sessionId: sid, count: 1 }, c),
    (items, total) => (items.length === 1 && total === 2 ? null : `items=${items.length} total=${total}`));
  await fails('deleteArchive while started → 409', (c) => ot.deleteArchive(archive.id, c));
  await ok('stopArchive', (c) => ot.stopArchive(archive.id, c), (a) => (a.status === 'stopped' ? null : a.status));
  await ok('stopArchive manual', (c) => ot.stopArchive(manual.id, c));
  await fails('stopArchive twice → 409', (c) => ot.stopArchive(archive.id, c));
  await ok('getArchive after stop is available', (c) => ot.getArchive(archive.id, c),
    (a) => (a.status === 'available' && a.size > 0 && a.url ? null : JSON.stringify(a)));
  await ok('deleteArchive', (c) => ot.deleteArchive(archive.id, c));
  await fails('getArchive unknown → 404', (c) => ot.getArchive('00000000-0000-4000-8000-000000000000', c), /Not ?Found/i);

  // broadcasts
  const outputs = { hls: { lowLatency: true }, rtmp: [{ id: 'r1', serverUrl: 'rtmp://example.com/app', streamName: 'k' }] };
  const bc = await ok('startBroadcast', (c) => ot.startBroadcast(sid, { outputs, multiBroadcastTag: 'b1' }, c),
    (b) => (b.status === 'started' && b.broadcastUrls && b.broadcastUrls.hls ? null : JSON.stringify(b)));
  await fails('startBroadcast dvr+lowLatency rejected', (c) => ot.startBroadcast(sid, { outputs: { hls: { dvr: true, lowLatency: true } } }, c));
  await fails('startBroadcast same tag → 409', (c) => ot.startBroadcast(sid, { outputs, multiBroadcastTag: 'b1' }, c));
  await fails('startBroadcast relayed → 409', (c) => ot.startBroadcast(rid, { outputs }, c));
  const bm = await ok('startBroadcast manual', (c) => ot.startBroadcast(sid, { outputs: { hls: {} }, streamMode: 'manual', multiBroadcastTag: 'b2' }, c));
  await ok('addBroadcastStream', (c) => ot.addBroadcastStream(bm.id, stream, {}, c));
  await ok('removeBroadcastStream', (c) => ot.removeBroadcastStream(bm.id, stream, c));
  await ok('getBroadcast', (c) => ot.getBroadcast(bc.id, c));
  await ok('listBroadcasts', (c) => ot.listBroadcasts({ sessionId: sid }, c),
    (items, total) => (total === 2 ? null : `total=${total}`));
  await ok('setBroadcastLayout', (c) => ot.setBroadcastLayout(bc.id, 'horizontalPresentation', null, null, c));
  await ok('stopBroadcast', (c) => ot.stopBroadcast(bc.id, c), (b) => (b.status === 'stopped' ? null : b.status));
  await ok('stopBroadcast manual', (c) => ot.stopBroadcast(bm.id, c));
  await fails('stopBroadcast twice → 404', (c) => ot.stopBroadcast(bc.id, c));

  // streams, signals, moderation
  await ok('listStreams', (c) => ot.listStreams(sid, c), (items) => (items.length === 1 ? null : `n=${items.length}`));
  await known('getStream', (c) => ot.getStream(sid, stream, c),
    'the package JSON.parses an already parsed JSON body (census §8); the emulator answers JSON like the service');
  await fails('getStream unknown → 404', (c) => ot.getStream(sid, 'nope', c));
  await ok('setStreamClassLists', (c) => ot.setStreamClassLists(sid, [{ id: stream, layoutClassList: ['full'] }], c));
  await ok('signal session', (c) => ot.signal(sid, null, { type: 'chat', data: 'hi' }, c));
  await ok('signal connection', (c) => ot.signal(sid, conn, { type: 'chat', data: 'hi' }, c));
  await fails('signal unknown connection → 404', (c) => ot.signal(sid, 'nobody', { data: 'x' }, c));
  await ok('forceMuteStream', (c) => ot.forceMuteStream(sid, stream, c));
  await ok('forceMuteAll', (c) => ot.forceMuteAll(sid, { excludedStreamIds: [stream] }, c));
  const v2 = await admin('GET', `/_emulator/sessions/${sid}`);
  report(v2.muteAll.active === true && v2.muteAll.excludedStreamIds[0] === stream, 'forceMuteAll recorded with excludedStreamIds');
  await ok('disableForceMute', (c) => ot.disableForceMute(sid, c));
  await ok('playDTMF session', (c) => ot.playDTMF(sid, null, '12#', c));
  await ok('playDTMF connection', (c) => ot.playDTMF(sid, conn, '1p2', c));
  await fails('playDTMF bad digits → 400', (c) => ot.playDTMF(sid, null, '12x', c));

  // SIP, audio connector
  const call = await ok('dial', (c) => ot.dial(sid, token, 'sip:alice@example.com', { headers: { 'X-Foo': 'bar' }, auth: { username: 'u', password: 'p' }, secure: true }, c),
    (s) => (s.id && s.connectionId && s.streamId ? null : JSON.stringify(s)));
  await fails('dial relayed → 409', (c) => ot.dial(rid, token, 'sip:alice@example.com', {}, c));
  await fails('dial header without X- → 400', (c) => ot.dial(sid, token, 'sip:alice@example.com', { headers: { Foo: 'x' } }, c));
  await ok('websocketConnect', (c) => ot.websocketConnect(sid, token, 'wss://example.com/ws', { streams: [stream], headers: { a: 'b' } }, c),
    (r) => (r.id && r.connectionId ? null : JSON.stringify(r)));
  await fails('websocketConnect relayed → 409', (c) => ot.websocketConnect(rid, token, 'wss://example.com/ws', {}, c));

  await ok('forceDisconnect', (c) => ot.forceDisconnect(sid, call ? call.connectionId : conn, c));
  await fails('forceDisconnect unknown → 404', (c) => ot.forceDisconnect(sid, 'nobody', c));

  // renders
  const render = await ok('startRender', (c) => ot.startRender({ sessionId: sid, token, url: 'https://example.com/render', resolution: '1280x720' }, c),
    (r) => (r.id ? null : JSON.stringify(r)));
  await ok('getRender', (c) => ot.getRender(render.id, c));
  await ok('listRenders', (c) => ot.listRenders({ count: 10 }, c));
  await ok('stopRender', (c) => ot.stopRender(render.id, c));
  await fails('getRender unknown → 404', (c) => ot.getRender('nope', c));

  // captions
  const cap = await ok('startCaptions', (c) => ot.startCaptions(sid, token, { languageCode: 'en-US', maxDuration: 1800, partialCaptions: true }, c));
  await fails('startCaptions twice → 409', (c) => ot.startCaptions(sid, token, {}, c), /already|409|Captions/i);
  await ok('stopCaptions', (c) => ot.stopCaptions(cap, c));

  // callbacks
  const reg = await ok('registerCallback', (c) => ot.registerCallback({ group: 'archive', event: 'status', url: 'https://example.com/cb' }, c),
    (r) => (r.id ? null : JSON.stringify(r)));
  await ok('listCallbacks', (c) => ot.listCallbacks(c), (l) => (l.length === 1 ? null : `n=${l.length}`));
  await ok('unregisterCallback', (c) => ot.unregisterCallback(reg.id, c));

  // auth failure
  const bad = new OpenTok(KEY, 'wrong-secret-wrong-secret-wrong-secret-00', { apiUrl: url });
  await fails('wrong secret → AuthError', (c) => bad.listArchives({}, c), /Auth|Invalid|403/i);

  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
})().catch((e) => {
  console.log(`FAIL node crashed: ${e.stack || e}`);
  console.log(`${passed} passed, ${failed + 1} failed`);
  process.exit(1);
});
