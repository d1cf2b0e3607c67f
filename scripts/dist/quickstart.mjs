// ESM quick start for the installed `opentok-rs` package (run by scripts/dist/test_dist.sh):
// `import OpenTok from 'opentok-rs'` and the named error classes, against the emulator at $OPENTOK_API_URL.
import OpenTok, { NotFoundError } from 'opentok-rs';

const apiUrl = process.env.OPENTOK_API_URL;
if (!apiUrl) throw new Error('OPENTOK_API_URL is not set');
const opentok = new OpenTok('123456', '0123456789abcdef0123456789abcdef01234567', { apiUrl, timeout: 10000 });
const session = await opentok.createSession({ mediaMode: 'routed' });
console.log('esm session ', session.sessionId);
const token = session.generateToken({ role: 'publisher', expireTime: Math.floor(Date.now() / 1000) + 600 });
console.log('esm token   ', token.slice(0, 40) + '…');
const archives = await opentok.listArchives({ sessionId: session.sessionId });
console.log('esm archives', Array.isArray(archives) ? archives.length : archives);
try {
  await opentok.getArchive('00000000-0000-0000-0000-000000000000');
  throw new Error('getArchive of an unknown id did not fail');
} catch (err) {
  if (!(err instanceof NotFoundError)) throw err;
  console.log('esm error   ', err.name);
}
console.log('esm quick start OK');
