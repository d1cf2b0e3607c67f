'use strict';
// Argument and error conversion between the official package's JS spelling (camelCase options,
// positional arguments) and the core's snake_case JSON.
const native = require('./native');
const errors = require('./errors');

// Keys whose values are free-form maps sent verbatim (their own keys are not renamed).
const VERBATIM = new Set(['headers', 'staticFields', 'static_fields', 'properties']);
// Keys with a fixed core spelling (aliases core accepts itself, or official misspellings).
const RENAME = {
  maxBitRate: 'maxBitRate',
  excudedStreamIds: 'excluded_stream_ids',
};

function snakeKey(k) {
  if (Object.prototype.hasOwnProperty.call(RENAME, k)) return RENAME[k];
  return k.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());
}

/** Deep copy of `v` with object keys turned to snake_case (free-form maps kept verbatim). */
function toSnake(v) {
  if (Array.isArray(v)) return v.map(toSnake);
  if (v === null || typeof v !== 'object') return v;
  if (v instanceof Date) return v;
  const out = {};
  for (const k of Object.keys(v)) {
    const val = v[k];
    if (val === undefined || typeof val === 'function') continue;
    out[snakeKey(k)] = VERBATIM.has(k) ? val : toSnake(val);
  }
  return out;
}

function camel(s) {
  return s.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
}

// Core field → the official method's argument name, where it is not the plain camelCase.
const FIELD_OVERRIDES = {
  dial: { uri: 'sipUri' },
  connect_audio: { uri: 'websocketUri' },
  set_archive_layout: { 'layout.type': 'type', 'layout.stylesheet': 'stylesheet', 'layout.screenshare_type': 'screenshareType', layout: 'type' },
  set_broadcast_layout: { 'layout.type': 'type', 'layout.stylesheet': 'stylesheet', 'layout.screenshare_type': 'screenshareType', layout: 'type' },
  set_stream_class_lists: { items: 'classListArray' },
  send_signal: { type: 'payload.type', data: 'payload.data' },
};

function jsField(op, field) {
  if (!field) return field;
  const o = FIELD_OVERRIDES[op];
  if (o && Object.prototype.hasOwnProperty.call(o, field)) return o[field];
  return field.split('.').map((seg) => (/^[A-Z]/.test(seg) || seg.includes('-') ? seg : camel(seg))).join('.');
}

// How a not-found / conflict / other answer of an operation surfaces (official classes and wording).
const SPECIAL = {
  start_archive: {
    404: [errors.ArchiveError, 'Session not found'],
    409: [errors.ArchiveError, 'Recording already in progress or session not using OpenTok Media Router'],
  },
  stop_archive: { 404: [errors.ArchiveError, 'Archive not found'], 409: [errors.ArchiveError, null] },
  get_archive: { 404: [errors.NotFoundError, 'Archive not found'] },
  delete_archive: { 404: [errors.ArchiveError, 'Archive not found'], 409: [errors.ArchiveError, null] },
  add_archive_stream: {
    400: [errors.ArgumentError, null], 404: [errors.ArchiveError, 'Archive or stream not found'],
    405: [errors.ArchiveError, 'Unsupported Stream Mode'],
  },
  remove_archive_stream: {
    400: [errors.ArgumentError, null], 404: [errors.ArchiveError, 'Archive or stream not found'],
    405: [errors.ArchiveError, 'Unsupported Stream Mode'],
  },
  send_signal: { 404: [errors.SignalError, 'Session or Connection not found'] },
  force_disconnect: { 404: [errors.ForceDisconnectError, 'Session or Connection not found'] },
  dial: { 404: [errors.SipError, null], 409: [errors.SipError, null], 400: [errors.SipError, null] },
  start_captions: { 409: [errors.CaptionsError, undefined] },
  register_callback: { any: [errors.CallbackError, null] },
  unregister_callback: { any: [errors.CallbackError, null] },
  list_callbacks: { any: [errors.CallbackError, null] },
};

// Official message prefixes of methods that wrap their errors.
const PREFIX = {
  create_session: 'Failed to createSession. ',
  start_broadcast: 'Failed to start broadcast. ',
  stop_broadcast: 'Failed to stop broadcast. ',
  get_broadcast: 'Failed to get broadcast. ',
  dial: 'Failed to dial endpoint. ',
  connect_audio: 'Error connecting to websocket: ',
};

/**
 * Turns an error thrown by the native module into the official error class.
 * @param {Error} raw the native error (message = core error JSON)
 * @param {string} op core operation name
 * @param {string} method the JS method name
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
  const prefix = PREFIX[op] || '';
  const srv = p.status ? `HTTP ${p.status}${p.server_message ? ': ' + p.server_message : ''}` : '';
  const special = SPECIAL[op] && (SPECIAL[op][p.status] || (p.kind !== 'auth' && p.status && SPECIAL[op].any));
  if (special) {
    const [Cls, msg] = special;
    if (msg === undefined) return new Cls(undefined, details);
    const text = msg === null ? `${p.server_message || 'Unexpected response from OpenTok'} (HTTP ${p.status})` : `${msg} (${srv})`;
    return new Cls(prefix + text, details);
  }
  switch (p.kind) {
    case 'auth':
      return new errors.AuthError(`${prefix}Invalid API key or secret (${srv})`, details);
    case 'not_found':
      return new errors.NotFoundError(`${prefix}Not Found (${srv})`, details);
    case 'timeout':
      return new errors.TimeoutError(`${prefix}Request to OpenTok timed out: ${p.message}`, details);
    case 'network':
      return new errors.RequestError(`${prefix}Could not reach OpenTok: ${p.message}`, details);
    case 'decode':
      return new errors.RequestError(`${prefix}Unexpected response from OpenTok: ${p.message}`, details);
    default:
      return new errors.RequestError(`${prefix}Unexpected response from OpenTok (${srv})`, details);
  }
}

/** An ArgumentError raised by the JS layer itself. */
function argError(field, reason, method) {
  return new errors.ArgumentError(`Invalid argument \`${field}\`: ${reason}`, {
    kind: 'invalid_argument', field, reason, operation: method,
  });
}

/** Throws an ArgumentError naming `field` unless `id` is a well-formed session id. */
function checkSessionId(id, field, method) {
  if (typeof id !== 'string') {
    throw argError(field, id === undefined || id === null ? 'is required' : 'must be a string', method);
  }
  try {
    native.decodeSessionId(id);
  } catch (e) {
    let reason = 'is not an OpenTok session id';
    try { reason = JSON.parse(e.message).reason || reason; } catch (_) { /* keep default */ }
    throw argError(field, reason, method);
  }
}

module.exports = { toSnake, jsField, mapError, argError, checkSessionId, camel };
