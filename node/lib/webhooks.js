'use strict';
// Typed, verified callbacks (webhooks) from the OpenTok / Vonage Video service. No official SDK has
// this; no web framework is needed.
//
//   const { parseEvent, middleware } = require('opentok-rs').webhooks;
//   const event = parseEvent(rawBody, req.headers, { secret: process.env.OPENTOK_SIGNATURE_SECRET });
//   app.post('/opentok/events', middleware({ secret }), (req, res) => { req.opentokEvent; ... });
//
// With `secret`, the Authorization header's JWT must be HS256-signed with the signature secret,
// within exp/iat (with `leeway` seconds of skew, default 60), and its payload_hash (when present) must
// be the SHA-256 of the body. Parsing is lenient: absent fields are null, unknown fields are kept in
// `extra`, and an unknown kind is an UnknownEvent.
const { OpenTokError } = require('./errors');
const native = require('./native');

/** The body is not JSON. `code` is 'invalid_body'. */
class WebhookError extends OpenTokError {}
/** A signed callback was refused. `code`: missing_signature, malformed_token, bad_signature,
 * expired, not_yet_valid or body_altered. */
class WebhookVerificationError extends WebhookError {}

class WebhookEvent {}
class ConnectionEvent extends WebhookEvent {}
class StreamEvent extends WebhookEvent {}
class SessionEvent extends WebhookEvent {}
class ArchiveEvent extends WebhookEvent {}
class BroadcastEvent extends WebhookEvent {}
class SipCallEvent extends WebhookEvent {}
class RenderEvent extends WebhookEvent {}
class CaptionsEvent extends WebhookEvent {}
class AudioConnectorEvent extends WebhookEvent {}
class UnknownEvent extends WebhookEvent {}

const KINDS = {
  connection: ConnectionEvent,
  stream: StreamEvent,
  session: SessionEvent,
  archive: ArchiveEvent,
  broadcast: BroadcastEvent,
  sip_call: SipCallEvent,
  render: RenderEvent,
  captions: CaptionsEvent,
  audio_connector: AudioConnectorEvent,
};

const camel = (k) => k.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());

// Typed fields arrive snake_case; nested models (connection, stream, call) are converted too.
function camelize(v, nested) {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
  const out = {};
  for (const [k, x] of Object.entries(v)) {
    out[camel(k)] = nested && (k === 'connection' || k === 'stream' || k === 'call') ? camelize(x, true) : x;
  }
  return out;
}

function headerPairs(headers) {
  const out = [];
  if (!headers) return out;
  const add = (k, v) => {
    if (v === undefined || v === null) return;
    out.push([String(k), Array.isArray(v) ? v.join(', ') : String(v)]);
  };
  if (typeof headers.forEach === 'function' && typeof headers.get === 'function') {
    headers.forEach((v, k) => add(k, v)); // WHATWG Headers (fetch, undici)
  } else if (Array.isArray(headers)) {
    // [[name, value], ...] or Node's rawHeaders [name, value, name, value, ...]
    if (headers.length && Array.isArray(headers[0])) headers.forEach(([k, v]) => add(k, v));
    else for (let i = 0; i + 1 < headers.length; i += 2) add(headers[i], headers[i + 1]);
  } else {
    for (const [k, v] of Object.entries(headers)) add(k, v);
  }
  return out;
}

function toBuffer(body) {
  if (Buffer.isBuffer(body)) return body;
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  throw new TypeError('body must be the raw request body (Buffer, Uint8Array or string)');
}

/**
 * Parses a callback body into a typed event; verifies it first when `options.secret` is set.
 * Throws WebhookVerificationError (signed callback refused) or WebhookError (body not JSON).
 */
function parseEvent(body, headers, options = {}) {
  const { secret, leeway = 60, now } = options || {};
  const answer = JSON.parse(native.parseWebhook(
    toBuffer(body), JSON.stringify(headerPairs(headers)), secret || null, Number(leeway),
    now === undefined || now === null ? null : Number(now)
  ));
  if (!answer.ok) {
    const { code, message } = answer.error || {};
    const Cls = code === 'invalid_body' ? WebhookError : WebhookVerificationError;
    throw new Cls(message || 'callback refused', { code });
  }
  const Cls = KINDS[answer.type] || UnknownEvent;
  const event = new Cls();
  const fields = Object.assign({}, answer.fields);
  const extra = fields.extra || {};
  delete fields.extra;
  Object.assign(event, camelize(fields, true));
  event.type = answer.type;
  event.raw = answer.raw;
  event.extra = extra;
  event.claims = answer.claims || null;
  event.verified = Boolean(answer.verified);
  return event;
}

/** Same as parseEvent with the secret required. */
function verifyEvent(body, headers, secret, options = {}) {
  if (!secret) throw new WebhookVerificationError('a signature secret is required', { code: 'missing_secret' });
  return parseEvent(body, headers, Object.assign({}, options, { secret }));
}

function readBody(req) {
  if (Buffer.isBuffer(req.rawBody)) return Promise.resolve(req.rawBody);
  if (Buffer.isBuffer(req.body) || typeof req.body === 'string') return Promise.resolve(toBuffer(req.body));
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c)));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Express/Connect-style middleware: reads the raw body (mount it before JSON body parsers, or after
 * `express.raw()`), verifies and parses it, and sets `req.opentokEvent`. A refused callback is
 * answered 401 (400 when the body is not JSON), or passed to `next(err)` with `{ passErrors: true }`.
 */
function middleware(options = {}) {
  return function opentokWebhook(req, res, next) {
    readBody(req).then((body) => {
      try {
        req.opentokEvent = parseEvent(body, req.headers, options);
      } catch (err) {
        if (options.passErrors || !res || typeof res.end !== 'function') return next(err);
        res.statusCode = err.code === 'invalid_body' ? 400 : 401;
        return res.end(String(err.code || 'refused'));
      }
      return next();
    }, next);
  };
}

module.exports = {
  parseEvent,
  verifyEvent,
  middleware,
  WebhookError,
  WebhookVerificationError,
  WebhookEvent,
  ConnectionEvent,
  StreamEvent,
  SessionEvent,
  ArchiveEvent,
  BroadcastEvent,
  SipCallEvent,
  RenderEvent,
  CaptionsEvent,
  AudioConnectorEvent,
  UnknownEvent,
};
