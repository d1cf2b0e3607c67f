'use strict';
// Argument checks and error conversion. Option objects are passed to the core as the user wrote them
// (camelCase keys, unknown keys included: the core sends them on, as the official package does);
// errors become the classes the official `opentok` 2.x package raises in the same situation.
const errors = require('./errors');

// The second argument the official callback receives besides the error (startArchive on 409).
const EXTRA = Symbol('opentok-rs.callbackExtra');

// ---------------------------------------------------------------------------------------------
// argument checks

/** An ArgumentError raised by the JS layer itself; `message` replaces the generated text when given. */
function argError(field, reason, method, message) {
  return new errors.ArgumentError(message || `Invalid argument \`${field}\`: ${reason}`, {
    kind: 'invalid_argument', field, reason, operation: method,
  });
}

/**
 * Throws an ArgumentError naming the field for values JSON cannot carry faithfully: NaN, ±Infinity,
 * Symbols, functions, BigInts and cyclic structures (JSON.stringify would drop, null out or throw).
 * `undefined` is allowed (absent, as with the official package).
 */
function checkValue(v, field, method, seen) {
  switch (typeof v) {
    case 'number':
      if (!Number.isFinite(v)) throw argError(field, `must be a finite number (got ${v})`, method);
      return;
    case 'symbol':
      throw argError(field, 'must not be a Symbol', method);
    case 'function':
      throw argError(field, 'must not be a function', method);
    case 'bigint':
      throw argError(field, 'must not be a BigInt (JSON cannot hold it)', method);
    case 'object': {
      if (v === null) return;
      if (typeof v.toJSON === 'function') return; // Date and friends serialise themselves
      const stack = seen || new Set();
      if (stack.has(v)) throw argError(field, 'is a cyclic structure', method);
      stack.add(v);
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i += 1) checkValue(v[i], `${field}[${i}]`, method, stack);
      } else {
        for (const k of Object.keys(v)) checkValue(v[k], field ? `${field}.${k}` : k, method, stack);
      }
      stack.delete(v);
      return;
    }
    default:
  }
}

/** Checks every own key of an options object; the field named is the key path (`outputs.hls.dvr`). */
function checkOptionValues(options, method) {
  if (options && typeof options === 'object') checkValue(options, '', method);
  return options;
}

/**
 * An id given positionally: strings as given, finite numbers as their decimal text (the official
 * package interpolates them into the path). `null`/`undefined` return undefined; anything else throws.
 */
function idArg(v, field, method) {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  throw argError(field, `must be a string (got ${typeof v === 'number' ? v : typeof v})`, method);
}

// ---------------------------------------------------------------------------------------------
// errors

// Core field → the official method's argument name, where it is not the plain camelCase.
const FIELD_OVERRIDES = {
  dial: { uri: 'sipUri', 'sip.uri': 'sipUri' },
  connect_audio: { uri: 'websocketUri', 'websocket.uri': 'websocketUri' },
  set_archive_layout: { 'layout.type': 'type', 'layout.stylesheet': 'stylesheet', 'layout.screenshare_type': 'screenshareType', layout: 'type' },
  set_broadcast_layout: { 'layout.type': 'type', 'layout.stylesheet': 'stylesheet', 'layout.screenshare_type': 'screenshareType', layout: 'type' },
  set_stream_class_lists: { items: 'classListArray' },
  send_signal: { type: 'payload.type', data: 'payload.data' },
};

function camel(s) {
  return s.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
}

function jsField(op, field) {
  if (!field) return field;
  const o = FIELD_OVERRIDES[op];
  if (o && Object.prototype.hasOwnProperty.call(o, field)) return o[field];
  return field.split('.').map((seg) => (/^[A-Z]/.test(seg) || seg.includes('-') ? seg : camel(seg))).join('.');
}

/** The official api layer's message for an unexpected status. */
function unexpected(p) {
  return `Unexpected response from OpenTok: "${JSON.stringify({ message: p.server_message || '' })}"`;
}

/** What the official api layer raises for an answer (401/403 → AuthError, 404 → NotFoundError, …). */
function apiError(p, details) {
  switch (p.kind) {
    case 'invalid_argument':
      return null;
    case 'timeout':
      return new errors.TimeoutError(`Request to OpenTok timed out: ${p.message}`, details);
    case 'network':
      return new errors.RequestError(`Could not reach OpenTok: ${p.message}`, details);
    case 'decode':
      return new errors.RequestError(`Unexpected response from OpenTok: ${p.message}`, details);
    default:
  }
  if (p.status === 401 || p.status === 403) return new errors.AuthError(undefined, details);
  if (p.status === 404) return new errors.NotFoundError(undefined, details);
  if (p.status) return new errors.RequestError(unexpected(p), details);
  return new errors.RequestError(p.message || 'Unexpected response from OpenTok', details);
}

/** "Error: <message>" as `String(err)` gives for the official (name-less) error objects. */
function asText(e) {
  return `Error: ${e.message}`;
}

// Methods whose official implementation wraps every failure into `new Error(prefix + err)`.
const WRAP = {
  create_session: (e) => `Failed to createSession. ${asText(e)}`,
  start_broadcast: (e, p) => (p.status === 400
    ? 'Failed to start broadcast. Error: Bad session ID, token, SIP credentials, or SIP URI (sip:user@domain.tld)'
    : `Failed to start broadcast. ${asText(e)}`),
  stop_broadcast: (e) => `Failed to stop broadcast. ${asText(e)}`,
  get_broadcast: (e) => `Failed to get broadcast. ${asText(e)}`,
  dial: (e) => `Failed to dial endpoint. ${asText(e)}`,
  connect_audio: (e) => `Error connecting to websocket: ${e.message}`,
};

function patchStreamError(p, details) {
  if (p.status === 400) {
    const body = { message: p.server_message };
    if (p.code !== undefined) body.code = p.code;
    return new errors.ArgumentError(`Invalid request: ${JSON.stringify(body)}`, details);
  }
  if (p.status === 405) return new errors.ArchiveError('Unsupported Stream Mode', details);
  if (p.status === 404) return new errors.ArchiveError('Archive or stream not found', details);
  return null;
}

// Per operation: the class the official package raises for a given answer (null: the api layer's).
const SPECIAL = {
  start_archive: (p, d) => {
    if (p.status === 404) return new errors.ArchiveError('Session not found', d);
    if (p.status === 409) {
      // The official callback gets the api layer's RequestError first and this ArchiveError second.
      const err = apiError(p, d);
      Object.defineProperty(err, EXTRA, {
        value: [new errors.ArchiveError('Recording already in progress or session not using OpenTok Media Router', d)],
      });
      return err;
    }
    return null;
  },
  stop_archive: (p, d) => {
    if (p.status === 404) return new errors.ArchiveError('Archive not found', d);
    if (p.status === 409) return new errors.ArchiveError(p.server_message || 'Unknown archive error', d);
    return null;
  },
  get_archive: (p, d) => (p.status === 404 ? new errors.NotFoundError('Archive not found', d) : null),
  delete_archive: (p, d) => (p.status === 404 ? new errors.ArchiveError('Archive not found', d) : null),
  add_archive_stream: patchStreamError,
  remove_archive_stream: patchStreamError,
  send_signal: (p, d) => (p.status === 404 ? new errors.SignalError('Session or Connection not found', d) : null),
  force_disconnect: (p, d) => (p.status === 404 ? new errors.ForceDisconnectError('Session or Connection not found', d) : null),
  start_captions: (p, d) => (p.status === 409 ? new errors.CaptionsError(undefined, d) : null),
};

/**
 * Turns an error thrown by the native module (message = core error JSON) into the class the
 * official package raises for operation `op` in that situation. Every class is an Error subclass.
 */
function mapError(raw, op, method) {
  let p;
  try {
    p = JSON.parse(raw && raw.message);
  } catch (_) {
    p = null;
  }
  if (!p || typeof p !== 'object' || !p.kind) {
    return new errors.RequestError(String(raw && raw.message), { operation: method });
  }
  const details = {
    kind: p.kind,
    status: p.status,
    serverMessage: p.server_message,
    serverCode: p.code,
    requestId: p.request_id,
    retryAfter: p.retry_after,
    operation: method,
  };
  if (p.kind === 'invalid_argument') {
    const field = jsField(op, p.field);
    return new errors.ArgumentError(`Invalid argument \`${field}\`: ${p.reason}`, {
      ...details, field, reason: p.reason,
    });
  }
  const special = SPECIAL[op] && p.status ? SPECIAL[op](p, details) : null;
  if (special) return special;
  const err = apiError(p, details);
  if (WRAP[op]) err.message = WRAP[op](err, p);
  // The host transport's own failure (e.g. nock's NetConnectNotAllowedError) stays reachable.
  if (raw.cause !== undefined) Object.defineProperty(err, 'cause', { value: raw.cause, enumerable: false, writable: true, configurable: true });
  if (raw.code !== undefined && err.code === undefined) err.code = raw.code;
  return err;
}

module.exports = {
  EXTRA, argError, checkValue, checkOptionValues, idArg, jsField, mapError, camel,
};
