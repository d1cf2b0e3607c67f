// Type-checks the declarations (`tsc --noEmit`): the official callback style and the Promise style.
import OpenTok = require('opentok-rs');

const opentok = new OpenTok('123456', 'secret', { apiUrl: 'http://127.0.0.1:4010', timeout: 5000, uaAddendum: 'app/1.0' });

opentok.createSession({ mediaMode: 'routed', archiveMode: 'always' }, (err, session) => {
  if (err || !session) return;
  const token: string = session.generateToken({ role: 'publisher', initialLayoutClassList: ['focus'] });
  const t1: string = opentok.generateToken(session.sessionId, { expireTime: Date.now() / 1000 + 60 }, true);
  opentok.listArchives({ sessionId: session.sessionId }, (e, archives, total) => {
    if (archives) console.log(archives.map((a) => a.id), total, token, t1);
  });
});

async function promises(sessionId: string): Promise<void> {
  const archive: OpenTok.Archive = await opentok.startArchive(sessionId, { name: 'x', outputMode: 'composed', layout: { type: 'bestFit', screenshareType: 'pip' } });
  const stopped: OpenTok.Archive = await archive.stop();
  const list: OpenTok.ArchiveList = await opentok.listArchives();
  const n: number = list.totalCount;
  const b = await opentok.startBroadcast(sessionId, { outputs: { hls: { lowLatency: true } } });
  await b.stop();
  const streams = await opentok.listStreams(sessionId);
  await opentok.setStreamClassLists(sessionId, streams.map((s) => ({ id: s.id, layoutClassList: ['full'] })));
  await opentok.signal(sessionId, null, { type: 'chat', data: 'hi' });
  await opentok.forceMuteAll(sessionId, { excludedStreamIds: [] });
  const sip = await opentok.dial(sessionId, 'token', 'sip:a@b.example.com', { secure: true });
  const captionsId: string = await opentok.startCaptions(sessionId, 'token', { languageCode: 'en-US' });
  await opentok.stopCaptions(captionsId);
  const render = await opentok.startRender({ sessionId, token: 't', url: 'https://example.com/app' });
  await opentok.stopRender(render.id);
  const ws = await opentok.websocketConnect(sessionId, 't', 'wss://example.com/ws', { audioRate: 16000 });
  await opentok.websocketDisconnect(ws.connectionId);
  const cb = await opentok.registerCallback({ group: 'archive', event: 'status', url: 'https://example.com/cb' });
  await cb.unregister();
  const conns = await opentok.listConnections(sessionId);
  console.log(stopped.status, n, sip.streamId, conns.length);
  try {
    await opentok.getArchive('missing');
  } catch (e) {
    if (e instanceof OpenTok.NotFoundError) console.log(e.status, e.serverMessage);
    if (e instanceof OpenTok.ArgumentError) console.log(e.field);
  }
}
void promises;
