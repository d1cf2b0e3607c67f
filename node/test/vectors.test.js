'use strict';
// Every vector in tests/vectors/: tokens, session ids, requests (native and through the public API
// against the emulator), invalid arguments, responses and status mapping (through the public API
// against a local HTTP server answering the recorded bodies).
const { test, describe, before, after, mock } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('crypto');
const fs = require('fs');
const http = require('http');
const path = require('path');

const OpenTok = require('..');
const native = require('../lib/native');
const { jsField } = require('../lib/convert');
const { KEY, SECRET, vectors, startEmulator } = require('./helpers');
const { OPS, withTags } = require('./opmap');

const tokens = vectors('tokens.json');
const sessionIds = vectors('session_ids.json');
const requests = vectors('requests.json');
const responses = vectors('responses.json');
const KEYS = path.join(__dirname, '..', '..', 'tests', 'vectors');
const PRIVATE_PEM = fs.readFileSync(path.join(KEYS, tokens.credentials.private_key_file), 'utf8');
const PUBLIC_PEM = fs.readFileSync(path.join(KEYS, tokens.credentials.public_key_file), 'utf8');

function b64json(part) {
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
}

function nativeToken(client, v) {
  const o = v.options;
  const layout = o.initial_layout_class_list ? o.initial_layout_class_list.join(' ') : undefined;
  return client.generateToken(v.session_id, o.role, o.expire_time, o.data, layout, o.token_type, v.now, v.nonce);
}

function publicOpts(o) {
  const out = {};
  if (o.role !== undefined) out.role = o.role;
  if (o.expire_time !== undefined) out.expireTime = o.expire_time;
  if (o.data !== undefined) out.data = o.data;
  if (o.initial_layout_class_list !== undefined) out.initialLayoutClassList = o.initial_layout_class_list;
  return out;
}

function withClock(seconds, fn) {
  mock.timers.enable({ apis: ['Date'], now: seconds * 1000 });
  try {
    return fn();
  } finally {
    mock.timers.reset();
  }
}

describe('token vectors', () => {
  const client = new native.Client(JSON.stringify({ api_key: KEY, api_secret: SECRET }));
  const ot = new OpenTok(KEY, SECRET);

  for (const v of tokens.valid) {
    test(`exact token: ${v.name}`, () => {
      assert.equal(nativeToken(client, v), v.token);
    });
    test(`public API with frozen clock: ${v.name}`, () => {
      const t1 = v.options.token_type === 'T1';
      const token = withClock(v.now, () => ot.generateToken(v.session_id, publicOpts(v.options), t1));
      if (t1) {
        assert.ok(token.startsWith('T1=='));
        const inner = Buffer.from(token.slice(4), 'base64').toString('utf8');
        const [head, data] = [inner.slice(0, inner.indexOf(':')), inner.slice(inner.indexOf(':') + 1)];
        const sig = new URLSearchParams(head).get('sig');
        assert.equal(new URLSearchParams(head).get('partner_id'), KEY);
        assert.equal(crypto.createHmac('sha1', SECRET).update(data).digest('hex'), sig);
        const strip = (s) => s.replace(/&nonce=[^&]*/, '');
        assert.equal(strip(data), strip(v.t1_data));
      } else {
        const [h, p, s] = token.split('.');
        assert.deepEqual(b64json(h), { alg: 'HS256', typ: 'JWT' });
        const claims = b64json(p);
        assert.equal(typeof claims.nonce, 'number');
        assert.deepEqual({ ...claims, nonce: 0 }, { ...v.claims, nonce: 0 });
        assert.equal(crypto.createHmac('sha256', SECRET).update(`${h}.${p}`).digest('base64url'), s);
      }
    });
  }

  for (const v of tokens.invalid) {
    if ((v.accepted_by || []).includes('node')) {
      // the official Node package has no such limit: accepted, natively too
      test(`token options accepted as the official package does: ${v.name}`, () => {
        const token = withClock(tokens.valid[0].now, () => ot.generateToken(v.session_id, publicOpts(v.options)));
        assert.equal(token.split('.').length, 3);
        assert.equal(nativeToken(client, { ...v, now: tokens.valid[0].now, nonce: 1 }).split('.').length, 3);
      });
      continue;
    }
    test(`invalid token options: ${v.name}`, () => {
      withClock(tokens.valid[0].now, () => {
        assert.throws(() => ot.generateToken(v.session_id, publicOpts(v.options)), (e) => {
          assert.ok(e instanceof OpenTok.ArgumentError, `${e.name}: ${e.message}`);
          assert.equal(e.field, jsField('generate_token', v.field));
          assert.match(e.message, new RegExp(e.field));
          return true;
        });
      });
      assert.throws(() => nativeToken(client, { ...v, now: tokens.valid[0].now, nonce: 1 }), (e) => JSON.parse(e.message).field === v.field);
    });
  }

  for (const v of tokens.valid_edges) {
    test(`accepted edge: ${v.name}`, () => {
      const token = ot.generateToken(v.session_id, publicOpts(v.options));
      assert.equal(token.split('.').length, 3);
    });
  }

  for (const v of tokens.application) {
    test(`application token: ${v.name}`, () => {
      const app = new OpenTok(tokens.credentials.application_id, PRIVATE_PEM);
      const token = withClock(v.now, () => app.generateToken(v.session_id, publicOpts(v.options)));
      const [h, p, s] = token.split('.');
      assert.deepEqual(b64json(h), v.header);
      const claims = b64json(p);
      assert.match(claims.jti, /^[0-9a-f-]{36}$/);
      delete claims.jti;
      assert.deepEqual(claims, v.claims_without_jti);
      const ok = crypto.verify('RSA-SHA256', Buffer.from(`${h}.${p}`), PUBLIC_PEM, Buffer.from(s, 'base64url'));
      assert.ok(ok, 'RS256 signature verifies with the public key');
    });
  }

  for (const v of tokens.application_invalid) {
    test(`application token invalid: ${v.name}`, () => {
      const app = new OpenTok(tokens.credentials.application_id, PRIVATE_PEM);
      assert.throws(() => app.generateToken(v.session_id, {}, v.options.token_type === 'T1'), (e) => {
        assert.ok(e instanceof OpenTok.ArgumentError);
        assert.equal(e.field, jsField('generate_token', v.field));
        return true;
      });
    });
  }
});

describe('session id vectors', () => {
  const ot = new OpenTok(KEY, SECRET);
  for (const v of sessionIds.valid) {
    test(`decodes ${v.session_id.slice(0, 24)}…`, () => {
      const info = JSON.parse(native.decodeSessionId(v.session_id));
      assert.deepEqual(info, { api_key: v.api_key, location: v.location, create_time: v.create_time });
    });
  }
  for (const bad of sessionIds.malformed) {
    test(`malformed session id ${JSON.stringify(bad)}`, async () => {
      assert.throws(() => native.decodeSessionId(bad), (e) => JSON.parse(e.message).field === 'session_id');
      assert.throws(() => ot.generateToken(bad), (e) => e instanceof OpenTok.ArgumentError && e.field === 'sessionId');
      // REST calls send session ids as given, as the official package does (no local decoding).
      const err = await ot.listStreams(bad).then(() => null, (e) => e);
      if (typeof bad === 'string' && !['', '.', '..'].includes(bad)) assert.ok(!(err instanceof OpenTok.ArgumentError), `${err && err.message}`);
    });
  }
});

describe('request vectors', () => {
  let emu;
  let ot;
  before(async () => {
    emu = await startEmulator();
    ot = new OpenTok(KEY, SECRET, { apiUrl: emu.url, maxRetries: 0 });
  });
  after(() => emu.stop());

  for (const v of requests.requests) {
    test(`native buildRequest: ${v.name}`, () => {
      const wire = JSON.parse(native.buildRequest(v.op, JSON.stringify(v.args), requests.api_key));
      assert.deepEqual(wire, v.request);
    });
  }

  // Methods whose official implementation picks the keys it sends (unknown keys are not sent there):
  // their pass-through vectors are checked on the native builder only (and by tests/peers/diff_node.js).
  const PICKS = new Set(['dial', 'register_callback', 'add_archive_stream', 'add_broadcast_stream', 'set_archive_layout',
    'set_broadcast_layout', 'list_archives', 'list_broadcasts', 'list_renders', 'play_dtmf', 'create_session',
    'set_stream_class_list']);
  // Methods whose official implementation builds the whole body itself (its keys and defaults): the
  // vectors' core-level bodies do not apply; tests/peers/diff_node.js compares them with the official package.
  const SHAPED = new Set(['start_render', 'connect_audio', 'start_captions']);
  // The official defaults the Node package adds on top of the core's wire shape.
  function officialize(op, want) {
    const out = JSON.parse(JSON.stringify(want));
    if (op === 'start_broadcast' && out.body && out.body.streamMode === undefined) out.body.streamMode = 'auto';
    if (['list_archives', 'list_broadcasts', 'list_renders'].includes(op)) {
      for (const k of Object.keys(out.query)) if (out.query[k] === '0') delete out.query[k]; // sent when truthy only
    }
    return out;
  }
  for (const v of requests.requests) {
    const passthrough = Array.isArray(v.tags) && v.tags.includes('passthrough');
    const skip = SHAPED.has(v.op) ? 'the official method builds its own body (compared in tests/peers/diff_node.js)'
      : (passthrough && PICKS.has(v.op) ? 'the official method picks its keys' : false);
    test(`public method sends: ${v.name}`, { skip }, async () => {
      const want = officialize(v.op, v.request);
      await emu.clearRequests();
      try {
        await withTags(v.tags, () => OPS[v.op](ot, v.args));
      } catch (e) {
        // The emulator may refuse ids it did not create (404) — only argument errors are failures here.
        assert.ok(!(e instanceof OpenTok.ArgumentError), `${e.name}: ${e.message}`);
      }
      const log = await emu.requests();
      assert.equal(log.length, 1, 'exactly one request');
      const got = log[0];
      assert.equal(got.method, want.method);
      assert.equal(got.path, want.path);
      assert.deepEqual(Object.fromEntries(new URLSearchParams(got.query)), want.query);
      const wantBody = want.body;
      if (wantBody === null) {
        assert.equal(got.body, '');
      } else if (wantBody.form) {
        assert.deepEqual(Object.fromEntries(new URLSearchParams(got.body)), wantBody.form);
      } else {
        assert.deepEqual(JSON.parse(got.body), wantBody);
      }
      assert.match(got.headers['user-agent'], /^OpenTok-Rust-SDK\/\S+ node\//);
    });
  }

  for (const v of requests.invalid) {
    // `checked_by` says who refuses the vector: the core (every language), or the packages whose
    // official SDK checks it. A vector neither the core nor Node checks must be SENT by the public API.
    // Options the official Node package never hands to the service (it falls back to a default, or does
    // not forward the key), so the core's check of them cannot fire through the public API.
    const NODE_NEVER_SENT = { create_session: ['media_mode', 'archive_mode'], connect_audio: ['audio_rate', 'audio_transport'],
      start_captions: ['status_callback_url'], start_render: ['properties'] };
    const VALID_MODES = ['routed', 'relayed', 'manual', 'always'];
    const neverSent = (NODE_NEVER_SENT[v.op] || []).some((f) => v.field === f || (v.field || '').startsWith(`${f}.`))
      && !(v.op === 'create_session' && VALID_MODES.includes(v.args[v.field]));
    const checkedBy = v.checked_by || ['core'];
    const by = neverSent ? ['never-sent'] : checkedBy;
    test(`invalid arguments: ${v.name}`, async () => {
      if (checkedBy.includes('core')) {
        assert.throws(() => native.buildRequest(v.op, JSON.stringify(v.args), v.project_id || requests.api_key),
          (e) => JSON.parse(e.message).field === v.field);
      } else if (v.request) {
        // Not the core's to refuse: the core sends exactly this.
        assert.deepEqual(JSON.parse(native.buildRequest(v.op, JSON.stringify(v.args), v.project_id || requests.api_key)), v.request);
      }
      if (!OPS[v.op] || v.project_id) return; // no public method (unknown operation) / a client-level vector
      await emu.clearRequests();
      if (!by.includes('core') && !by.includes('node')) {
        await withTags(v.tags, () => OPS[v.op](ot, v.args)).catch((e) => {
          assert.ok(!(e instanceof OpenTok.ArgumentError), `not checked by Node's official SDK, must be sent: ${e.message}`);
        });
        const log = await emu.requests();
        assert.equal(log.length, 1, 'sent');
        if (v.request && !neverSent && !SHAPED.has(v.op) && !PICKS.has(v.op)) {
          const want = officialize(v.op, v.request);
          assert.equal(log[0].method, want.method);
          assert.equal(log[0].path, want.path);
          if (want.body && !want.body.form) assert.deepEqual(JSON.parse(log[0].body), want.body);
        }
        return;
      }
      await assert.rejects(OPS[v.op](ot, v.args), (e) => {
        assert.ok(e instanceof OpenTok.ArgumentError, `${e.name}: ${e.message}`);
        assert.equal(e.field, jsField(v.op, v.field));
        return true;
      });
      assert.equal((await emu.requests()).length, 0, 'nothing was sent');
    });
  }
});

// A local server that answers the next request with a canned status and body.
function cannedServer() {
  let next = { status: 200, body: '' };
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const headers = { 'x-request-id': 'req-1' };
      if (next.body !== '') headers['content-type'] = 'application/json';
      res.writeHead(next.status, headers);
      res.end(next.body);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    url: `http://127.0.0.1:${server.address().port}`,
    answer(status, body) { next = { status, body }; },
    close: () => new Promise((r) => server.close(r)),
  })));
}

function pick(value, dotted) {
  return dotted.split('.').reduce((v, k) => (v === undefined || v === null ? undefined : v[k]), value);
}

// Where the public API puts a value the vectors name on the core result.
function publicPath(op, key) {
  if (op === 'create_session') return key === '0.session_id' ? 'sessionId' : null; // a Session, built from [0].session_id
  if (['list_archives', 'list_broadcasts', 'list_streams', 'list_connections'].includes(op)) {
    if (key === 'count') return 'totalCount';
    if (key.startsWith('items.')) return key.slice(6);
  }
  return key;
}

describe('response vectors', () => {
  let srv;
  let ot;
  before(async () => {
    srv = await cannedServer();
    ot = new OpenTok(KEY, SECRET, { apiUrl: srv.url, maxRetries: 0 });
  });
  after(() => srv.close());

  for (const v of responses.responses) {
    test(`decodes ${v.op} (${v.status})`, async () => {
      const decoded = JSON.parse(native.decodeResponse(v.op, JSON.stringify(v.args), v.body === null ? '' : JSON.stringify(v.body)));
      srv.answer(v.status, v.body === null ? '' : JSON.stringify(v.body));
      const result = await OPS[v.op](ot, v.args);
      for (const [key, want] of Object.entries(v.expect)) {
        assert.deepEqual(pick(decoded, key), want, `native ${key}`);
        const where = publicPath(v.op, key);
        if (where === null) continue;
        if (v.op === 'start_captions') {
          assert.equal(result, want);
        } else {
          assert.deepEqual(pick(result, publicPath(v.op, key)), want, `public ${key}`);
        }
      }
    });
  }

  for (const v of responses.malformed) {
    test(`malformed answer: ${v.name}`, async () => {
      assert.throws(() => native.decodeResponse(v.op, JSON.stringify(v.args), v.body_text), (e) => JSON.parse(e.message).kind === v.kind);
      srv.answer(200, v.body_text);
      await assert.rejects(OPS[v.op](ot, v.args), (e) => e instanceof OpenTok.RequestError && e.kind === v.kind);
    });
  }

  const CLASS = {
    auth: OpenTok.AuthError, not_found: OpenTok.NotFoundError, conflict: OpenTok.RequestError,
    rate_limited: OpenTok.RequestError, api: OpenTok.RequestError,
  };
  for (const v of responses.status_mapping) {
    test(`status ${v.status} -> ${v.kind}`, async () => {
      const e1 = JSON.parse(native.errorFromResponse(v.status, JSON.stringify(v.body), 'req-1', undefined));
      assert.equal(e1.kind, v.kind);
      assert.equal(e1.status, v.status);
      srv.answer(v.status, JSON.stringify(v.body));
      const err = await ot.getArchive('A').then(() => null, (e) => e);
      assert.ok(err instanceof CLASS[v.kind], `${err && err.name}: ${err && err.message}`);
      assert.ok(err instanceof Error);
      assert.equal(err.kind, v.kind);
      assert.equal(err.status, v.status);
      assert.equal(err.serverMessage, v.body.message);
      assert.equal(err.requestId, 'req-1');
    });
  }
});
