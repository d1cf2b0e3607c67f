'use strict';
// The OpenTok constructor: the official `opentok` 2.x surface on top of the Rust core.
// Every REST method takes the official trailing Node-style callback; without one it returns a Promise.
// Option objects go to the core as the user wrote them (camelCase, unknown keys included) and the
// core sends them as the official package does; results are built from the service's JSON as received.

const util = require('util');
const native = require('./native');
const errors = require('./errors');
const transport = require('./transport');
const {
  EXTRA, argError, checkValue, checkOptionValues, idArg, mapError,
} = require('./convert');
const { Session, Archive, Broadcast, Stream, SipInterconnect, Callback } = require('./models');
const pkg = require('../package.json');

const SECRET = Symbol('apiSecret');
const LANGUAGE = `node/${process.versions.node}`;

// ---------------------------------------------------------------------------------------------
// callback / Promise plumbing

function settle(callback, promise, toArgs) {
  if (typeof callback !== 'function') return promise;
  promise.then(
    (v) => {
      const args = toArgs ? toArgs(v) : [v];
      process.nextTick(() => callback(null, ...args));
    },
    (e) => process.nextTick(() => callback(e, ...((e && e[EXTRA]) || [])))
  );
  return undefined;
}

/** Runs `fn` (which may throw synchronously) and routes its outcome to `callback` or a Promise. */
function run(callback, fn, toArgs) {
  let p;
  try {
    p = Promise.resolve(fn());
  } catch (e) {
    p = Promise.reject(e);
  }
  return settle(callback, p, toArgs);
}

/** (options, callback) where options may be omitted. */
function optArgs(options, callback) {
  if (typeof options === 'function') return [undefined, options];
  return [options, callback];
}

function objectOptions(options, field, method) {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object' || Array.isArray(options)) throw argError(field, 'must be an object', method);
  return checkOptionValues(options, method);
}

function withTotal(items, count) {
  Object.defineProperty(items, 'totalCount', { value: count, enumerable: false, writable: true });
  return items;
}

const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

// ---------------------------------------------------------------------------------------------
// the official `opentok.client` object (configuration as the official Client keeps it in `c`)

class Client {
  constructor(c, secret) {
    this.c = c;
    Object.defineProperty(this.c, 'apiSecret', { value: secret, enumerable: false, writable: true, configurable: true });
  }

  /** Merges settings into `c` and returns it (settings the core applies are fixed at construction). */
  config(c) {
    if (isObj(c)) {
      for (const k of Object.keys(c)) {
        if (isObj(c[k]) && isObj(this.c[k])) Object.assign(this.c[k], c[k]);
        else this.c[k] = c[k];
      }
    }
    return this.c;
  }
}

Object.defineProperty(Client.prototype, util.inspect.custom, {
  value: function inspect(depth, options, insp) {
    const shown = { ...this.c };
    if (typeof shown.apiUrl === 'string') shown.apiUrl = shown.apiUrl.replace(/\/\/[^/@]*@/, '//***@');
    return `Client ${(insp || util.inspect)(shown, options)}`;
  },
});

// ---------------------------------------------------------------------------------------------
// constructor

/**
 * @param {string|number} apiKey OpenTok API key (or a Vonage application id)
 * @param {string} apiSecret API secret (or the application's private key PEM)
 * @param {string|object} [env] the API URL, or `{apiUrl, timeout (ms), proxy, uaAddendum,
 *   connectTimeout (ms), maxRetries, transport: 'native'|'host', caBundle}`
 */
function OpenTok(apiKey, apiSecret, env) {
  if (!(this instanceof OpenTok)) return new OpenTok(apiKey, apiSecret, env);
  if (typeof apiKey === 'number' && Number.isFinite(apiKey)) apiKey = String(apiKey);
  if (typeof apiKey !== 'string' || apiKey.length === 0) {
    throw argError('apiKey', 'must be a non-empty string or number', 'OpenTok');
  }
  if (typeof apiSecret !== 'string' || apiSecret.length === 0) {
    throw argError('apiSecret', 'must be a non-empty string', 'OpenTok');
  }
  const o = { api_key: apiKey, api_secret: apiSecret, language: LANGUAGE };
  const request = {};
  let uaAddendum;
  let mode;
  if (typeof env === 'string') {
    o.api_url = env;
  } else if (env !== undefined && env !== null) {
    if (typeof env !== 'object' || Array.isArray(env)) throw argError('env', 'must be a URL string or an options object', 'OpenTok');
    if (env.apiUrl !== undefined) o.api_url = env.apiUrl;
    if (env.proxy !== undefined) { o.proxy = env.proxy; request.proxy = env.proxy; }
    if (env.uaAddendum !== undefined) { o.ua_addendum = env.uaAddendum; uaAddendum = env.uaAddendum; }
    const ms = (name) => {
      const v = typeof env[name] === 'string' ? Number(env[name]) : env[name];
      if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) throw argError(name, 'must be a positive number of milliseconds', 'OpenTok');
      return v;
    };
    if (env.timeout !== undefined) { request.timeout = ms('timeout'); o.timeout = request.timeout / 1000; }
    if (env.connectTimeout !== undefined) o.connect_timeout = ms('connectTimeout') / 1000;
    if (env.maxRetries !== undefined) {
      if (!Number.isSafeInteger(env.maxRetries) || env.maxRetries < 0) throw argError('maxRetries', 'must be a non-negative integer', 'OpenTok');
      o.max_retries = env.maxRetries;
    }
    for (const k of ['apiUrl', 'proxy', 'uaAddendum', 'caBundle']) {
      if (env[k] !== undefined && env[k] !== null && typeof env[k] !== 'string') throw argError(k, 'must be a string', 'OpenTok');
    }
    if (env.caBundle !== undefined) o.ca_bundle = env.caBundle;
    if (env.maxResponseBytes !== undefined) {
      const n = env.maxResponseBytes;
      if (typeof n !== 'number' || !Number.isSafeInteger(n) || n <= 0) throw argError('maxResponseBytes', 'must be a positive integer', 'OpenTok');
      o.max_response_bytes = n;
    }
    if (env.transport !== undefined) {
      if (env.transport !== 'native' && env.transport !== 'host' && env.transport !== 'auto') {
        throw argError('transport', 'must be "native", "host" or "auto"', 'OpenTok');
      }
      mode = env.transport;
    }
  }
  // NODE_EXTRA_CA_CERTS (what Node's own https trusts besides its bundle) is the core's CA bundle too,
  // unless the caBundle option names one. As with Node, a bundle from the environment that cannot be
  // used is a warning, not an error.
  const fromEnv = o.ca_bundle === undefined && process.env.NODE_EXTRA_CA_CERTS;
  if (fromEnv) o.ca_bundle = process.env.NODE_EXTRA_CA_CERTS;
  // ca_bundle and max_response_bytes are recent core options: a core without them still works (the
  // host transport applies both itself).
  let client;
  for (;;) {
    try {
      client = new native.Client(JSON.stringify(o));
      break;
    } catch (e) {
      const err = mapError(e, 'client', 'OpenTok');
      const unknown = /unknown field/.test(err.reason || '');
      if (err.field === 'caBundle' && (unknown || fromEnv)) {
        if (fromEnv && !unknown) process.emitWarning(`opentok-rs: NODE_EXTRA_CA_CERTS not used by the native transport: ${err.reason}`);
        delete o.ca_bundle;
      } else if (err.field === 'maxResponseBytes' && unknown) {
        delete o.max_response_bytes;
      } else {
        throw err;
      }
    }
  }
  Object.defineProperty(this, '_native', { value: client, enumerable: false });
  Object.defineProperty(this, SECRET, { value: apiSecret, enumerable: false });
  Object.defineProperty(this, '_transport', { value: mode, enumerable: false, writable: true });
  // The host transport (Node's https) reads NODE_EXTRA_CA_CERTS itself; an explicit caBundle is added there.
  Object.defineProperty(this, '_caBundle', { value: env && typeof env === 'object' ? env.caBundle : undefined, enumerable: false, writable: true });
  Object.defineProperty(this, '_maxResponseBytes', { value: o.max_response_bytes || (env && env.maxResponseBytes), enumerable: false, writable: true });
  this.apiKey = apiKey;
  this.apiUrl = client.apiUrl;
  const callVonage = client.projectId !== apiKey || /^-----BEGIN/.test(apiSecret);
  if (request.timeout === undefined) request.timeout = 20000;
  // Non-enumerable, so `console.log(opentok)` and JSON stay as before (the secret never shows).
  Object.defineProperty(this, 'client', {
    value: new Client({
      apiKey, apiUrl: this.apiUrl, callVonage, uaAddendum, request, auth: { expire: 300 },
    }, apiSecret),
    enumerable: false, writable: true, configurable: true,
  });
  // Methods are bound per instance (as in the official package, where they are own properties),
  // so `const { startArchive } = opentok` keeps working.
  for (const name of METHODS) {
    Object.defineProperty(this, name, { value: OpenTok.prototype[name].bind(this), enumerable: false, writable: true, configurable: true });
  }
}

// The official object exposes apiSecret; keep it readable but out of enumeration and inspection.
Object.defineProperty(OpenTok.prototype, 'apiSecret', {
  get() { return this[SECRET]; },
  enumerable: false,
});

// Credentials written into apiUrl (`http://user:pw@host`) are shown redacted.
function shownUrl(ot) {
  return ot._native && typeof ot._native.displayUrl === 'string' ? ot._native.displayUrl : ot.apiUrl;
}
Object.defineProperty(OpenTok.prototype, util.inspect.custom, {
  value: function inspect() { return `OpenTok { apiKey: '${this.apiKey}', apiUrl: '${shownUrl(this)}' }`; },
});
Object.defineProperty(OpenTok.prototype, 'toJSON', {
  value: function toJSON() { return { apiKey: this.apiKey, apiUrl: shownUrl(this) }; },
});

function serialise(args, method) {
  try {
    return JSON.stringify(args);
  } catch (e) {
    throw argError('options', `cannot be serialised: ${e.message}`, method);
  }
}

/**
 * Serialises `args` (core JSON) and hands the text to `send`; an error, local or from the service,
 * becomes the official class of `method`.
 */
function dispatch(args, method, op, send) {
  let text;
  try {
    text = serialise(args, method);
  } catch (e) {
    return Promise.reject(e);
  }
  return send(text).then(undefined, (e) => { throw mapError(e, op, method); });
}

/** Sends operation `op` with `args` (core JSON); resolves with the service's JSON. */
OpenTok.prototype._call = function _call(op, args, method) {
  return dispatch(args, method, op, (text) => transport.send(this, op, text, false));
};

/** Like `_call`, resolving `{json, response}` (a fetch `Response` carrying status and headers). */
OpenTok.prototype._callHttp = function _callHttp(op, args, method) {
  return dispatch(args, method, op, (text) => transport.send(this, op, text, true)
    .then((r) => ({ json: r.json, response: transport.toResponse(r) })));
};

/** Every page of a list operation, on whichever transport is in use. */
OpenTok.prototype._callAll = function _callAll(op, args, method) {
  return dispatch(args, method, op, (text) => transport.sendAll(this, op, text));
};

/** The REST-auth JWT (the `X-OPENTOK-AUTH` value; for application credentials the Bearer token). */
OpenTok.prototype.generateJwt = function generateJwt() {
  try {
    return this._native.generateJwt();
  } catch (e) {
    throw mapError(e, 'generate_jwt', 'generateJwt');
  }
};

// ---------------------------------------------------------------------------------------------
// sessions and tokens

OpenTok.prototype.createSession = function createSession(opts, callback) {
  [opts, callback] = optArgs(opts, callback);
  return run(callback, () => {
    const o = { ...objectOptions(opts, 'options', 'createSession') };
    if (o.mediaMode === undefined) o.mediaMode = 'relayed';
    if (o.archiveMode === undefined) o.archiveMode = 'manual';
    // As the official package: unknown modes fall back to the defaults.
    if (o.mediaMode !== 'routed' && o.mediaMode !== 'relayed') o.mediaMode = 'relayed';
    if (o.archiveMode !== 'manual' && o.archiveMode !== 'always') o.archiveMode = 'manual';
    if (o.archiveMode === 'always' && o.mediaMode !== 'routed') {
      throw argError('archiveMode', 'always needs the routed media mode', 'createSession',
        'A session with always archive mode must also have the routed media mode.');
    }
    if ('location' in o && !require('net').isIPv4(String(o.location))) { // net: loaded on first use
      throw argError('location', 'must be an IPv4 address', 'createSession',
        'Invalid arguments when calling createSession, location must be an IPv4 address');
    }
    return this._call('create_session', o, 'createSession').then((r) => {
      const first = Array.isArray(r) ? r[0] : r;
      const sid = first && (first.session_id !== undefined ? first.session_id : first.sessionId);
      if (typeof sid !== 'string') {
        throw new errors.RequestError(`Failed to createSession. Error: Unexpected response from OpenTok: ${JSON.stringify(r)}`,
          { kind: 'decode', operation: 'createSession' });
      }
      return new Session(this, sid, o);
    });
  });
};

/**
 * Mints a client token (JWT by default; legacy T1 when `generateT1Token` is true). Synchronous;
 * throws an ArgumentError (an Error, as the official throws) on bad input. Uses `Date.now()` as the clock.
 */
OpenTok.prototype.generateToken = function generateToken(sessionId, opts, generateT1Token) {
  if (typeof sessionId !== 'string') {
    throw argError('sessionId', 'is required', 'generateToken', 'Token cannot be generated without a sessionId parameter');
  }
  let role;
  let exp;
  let data;
  let layout;
  if (opts !== undefined && opts !== null && typeof opts === 'object') {
    role = opts.role;
    if (role !== undefined && role !== null && typeof role !== 'string') {
      throw argError('role', 'must be a string', 'generateToken', `Invalid role for token generation: ${String(role)}`);
    }
    exp = opts.expireTime;
    if (typeof exp !== 'number' && typeof exp !== 'string') exp = opts.expire_time;
    if (typeof exp === 'number' || typeof exp === 'string') {
      const n = typeof exp === 'string' ? (exp.trim() === '' ? NaN : Number(exp)) : exp;
      if (!Number.isFinite(n)) {
        throw argError('expireTime', 'must be a number of seconds since the epoch', 'generateToken',
          `Invalid expireTime for token generation: ${String(exp)}`);
      }
      exp = Math.round(n);
    } else {
      exp = undefined; // the official package ignores other types (default: one day)
    }
    data = opts.data || opts.connection_data;
    if (!data) data = undefined;
    if (data !== undefined && typeof data !== 'string') {
      throw argError('data', 'must be a string', 'generateToken',
        'Invalid data for token generation, must be a string with maximum length 1024');
    }
    layout = opts.initialLayoutClassList;
    if (layout === undefined || layout === null) layout = opts.initial_layout_class_list;
    if (Array.isArray(layout)) {
      layout = layout.map((c, i) => {
        if (typeof c === 'symbol' || (c !== null && typeof c === 'object')) {
          throw argError(`initialLayoutClassList[${i}]`, 'must be a string', 'generateToken');
        }
        return c === null || c === undefined ? '' : String(c);
      }).join(' ');
    } else if (typeof layout !== 'string') {
      layout = undefined; // the official package ignores other types
    }
  }
  try {
    return this._native.generateToken(
      sessionId, role === null ? undefined : role, exp, data, layout || undefined,
      generateT1Token ? 'T1' : undefined, Math.floor(Date.now() / 1000)
    );
  } catch (e) {
    throw mapError(e, 'generate_token', 'generateToken');
  }
};

// ---------------------------------------------------------------------------------------------
// archives

function startArchive(sessionId, options, callback) {
  [options, callback] = optArgs(options, callback);
  return run(callback, () => {
    const sid = idArg(sessionId, 'sessionId', 'startArchive');
    if (!sid) throw argError('sessionId', 'is required', 'startArchive', 'No session ID given');
    const o = objectOptions(options, 'options', 'startArchive');
    return this._call('start_archive', { sessionId: sid, ...o }, 'startArchive').then((r) => {
      if (!r || r.status !== 'started') {
        throw new errors.RequestError(`Unexpected response from OpenTok: ${JSON.stringify(r)}`, { kind: 'decode', operation: 'startArchive' });
      }
      return new Archive(this, r);
    });
  });
}

function archiveId(id, method) {
  const v = idArg(id, 'archiveId', method);
  if (!v) throw argError('archiveId', 'is required', method, 'No archive ID given');
  return v;
}

function stopArchive(id, callback) {
  return run(callback, () => this._call('stop_archive', { archiveId: archiveId(id, 'stopArchive') }, 'stopArchive')
    .then((r) => new Archive(this, r)));
}

function getArchive(id, callback) {
  return run(callback, () => this._call('get_archive', { archiveId: archiveId(id, 'getArchive') }, 'getArchive')
    .then((r) => new Archive(this, r)));
}

function deleteArchive(id, callback) {
  return run(callback, () => this._call('delete_archive', { archiveId: archiveId(id, 'deleteArchive') }, 'deleteArchive')
    .then(() => undefined));
}

/** offset/count/sessionId when truthy, as the official query builders. */
function pagingArgs(o, withSession) {
  const out = {};
  if (o.offset) out.offset = o.offset;
  if (o.count) out.count = o.count;
  if (withSession && o.sessionId) out.sessionId = o.sessionId;
  return out;
}

function listArchives(options, callback) {
  [options, callback] = optArgs(options, callback);
  return run(callback, () => {
    const o = objectOptions(options, 'options', 'listArchives');
    return this._call('list_archives', pagingArgs(o, true), 'listArchives').then((page) => {
      const items = (page && Array.isArray(page.items) ? page.items : []).map((a) => new Archive(this, a));
      return withTotal(items, (page && page.count) || 0);
    });
  }, (list) => [list, list.totalCount]);
}

/** Extra: every archive, walking all pages. */
function listAllArchives(options, callback) {
  [options, callback] = optArgs(options, callback);
  return run(callback, () => {
    const o = objectOptions(options, 'options', 'listAllArchives');
    return this._callAll('list_archives', pagingArgs(o, true), 'listAllArchives')
      .then((items) => items.map((a) => new Archive(this, a)));
  });
}

/**
 * The official argument checks of setArchiveLayout/setBroadcastLayout; returns [layout, callback].
 * Short forms (id, type, cb) and (id, type, stylesheet, cb) are accepted.
 */
function layoutArgs(method, idName, id, type, stylesheet, screenshareType, callback) {
  const fail = (field, text) => argError(field, text, method, `Invalid arguments -- ${text}`);
  if (typeof id !== 'string') throw fail(idName, `must provide an ${idName} string.`);
  if (typeof type !== 'string') throw fail('type', 'must provide a type string.');
  let cb = callback;
  if (typeof stylesheet === 'function') {
    if (cb) throw fail('stylesheet', 'stylesheet cannot be a function.');
    cb = stylesheet;
    stylesheet = undefined;
  } else if (stylesheet && typeof stylesheet !== 'string') {
    throw fail('stylesheet', 'stylesheet must be a string.');
  }
  if (typeof screenshareType === 'function') {
    if (cb) throw fail('screenshareType', 'screenshareType cannot be a function.');
    cb = screenshareType;
    screenshareType = undefined;
  } else if (screenshareType && typeof screenshareType !== 'string') {
    throw fail('screenshareType', 'screenshareType must be a string.');
  } else if (screenshareType && type !== 'bestFit') {
    throw fail('screenshareType', 'type must be set to "bestFit" if you set screenshareType.');
  }
  const layout = { type };
  if (stylesheet) layout.stylesheet = stylesheet;
  if (screenshareType) layout.screenshareType = screenshareType;
  return [layout, cb];
}

/** Finds the callback among trailing layout arguments before checking anything. */
function layoutCallback(stylesheet, screenshareType, callback) {
  if (typeof callback === 'function') return callback;
  if (typeof screenshareType === 'function') return screenshareType;
  if (typeof stylesheet === 'function') return stylesheet;
  return undefined;
}

function setArchiveLayout(id, type, stylesheet, screenshareType, callback) {
  const cb = layoutCallback(stylesheet, screenshareType, callback);
  return apiCall(this, cb, 'set_archive_layout', () => {
    const [layout] = layoutArgs('setArchiveLayout', 'archiveId', id, type, stylesheet, screenshareType, callback);
    return { archiveId: id, layout };
  }, 'setArchiveLayout');
}

function addArchiveStream(id, streamId, options, callback) {
  [options, callback] = optArgs(options, callback);
  return run(callback, () => {
    const aid = archiveId(id, 'addArchiveStream');
    const o = options === undefined || options === null ? {} : objectOptions(options, 'archiveOptions', 'addArchiveStream');
    const has = (k) => Object.prototype.hasOwnProperty.call(o, k);
    return this._call('add_archive_stream', {
      archiveId: aid,
      streamId: idArg(streamId, 'streamId', 'addArchiveStream'),
      hasAudio: Boolean(has('hasAudio') ? o.hasAudio : true),
      hasVideo: Boolean(has('hasVideo') ? o.hasVideo : true),
    }, 'addArchiveStream').then(() => undefined);
  });
}

function removeArchiveStream(id, streamId, callback) {
  return run(callback, () => this._call('remove_archive_stream', {
    archiveId: archiveId(id, 'removeArchiveStream'),
    streamId: idArg(streamId, 'streamId', 'removeArchiveStream'),
  }, 'removeArchiveStream').then(() => undefined));
}

// ---------------------------------------------------------------------------------------------
// broadcasts

function startBroadcast(sessionId, options, callback) {
  [options, callback] = optArgs(options, callback);
  return run(callback, () => {
    const sid = idArg(sessionId, 'sessionId', 'startBroadcast');
    if (!sid) throw argError('sessionId', 'is required', 'startBroadcast', 'No sessionId given to startBroadcast');
    if (!options || typeof options !== 'object') {
      throw argError('options', 'is required', 'startBroadcast', 'No options given to startBroadcast');
    }
    const o = objectOptions(options, 'options', 'startBroadcast');
    const hls = o.outputs && o.outputs.hls;
    if (hls && hls.dvr && hls.lowLatency) {
      throw argError('outputs.hls', 'dvr and lowLatency cannot both be set', 'startBroadcast', 'Cannot set both dvr and lowLatency on HLS');
    }
    const args = { ...o, sessionId: sid };
    if (!args.streamMode) {
      // The official default; a null snake_case spelling would be the same field twice for the core.
      if (args.stream_mode === null || args.stream_mode === undefined) delete args.stream_mode;
      if (args.stream_mode === undefined) args.streamMode = 'auto';
    }
    return this._call('start_broadcast', args, 'startBroadcast').then((r) => new Broadcast(this, r));
  });
}

function broadcastId(id, method) {
  const v = idArg(id, 'broadcastId', method);
  if (!v) throw argError('broadcastId', 'is required', method, 'No broadcast ID given');
  return v;
}

function stopBroadcast(id, callback) {
  return run(callback, () => this._call('stop_broadcast', { broadcastId: broadcastId(id, 'stopBroadcast') }, 'stopBroadcast')
    .then((r) => new Broadcast(this, r)));
}

function getBroadcast(id, callback) {
  return run(callback, () => this._call('get_broadcast', { broadcastId: broadcastId(id, 'getBroadcast') }, 'getBroadcast')
    .then((r) => new Broadcast(this, r)));
}

function listBroadcasts(options, callback) {
  [options, callback] = optArgs(options, callback);
  return run(callback, () => {
    const o = objectOptions(options, 'options', 'listBroadcasts');
    const args = pagingArgs(o, true);
    if (args.offset !== undefined) args.offset = parseInt(args.offset, 10);
    if (args.count !== undefined) args.count = parseInt(args.count, 10);
    return this._call('list_broadcasts', args, 'listBroadcasts').then((page) => {
      const items = (page && Array.isArray(page.items) ? page.items : []).map((b) => new Broadcast(this, b));
      return withTotal(items, page ? page.count : undefined);
    });
  }, (list) => [list, list.totalCount]);
}

/** Extra: every broadcast, walking all pages. */
function listAllBroadcasts(options, callback) {
  [options, callback] = optArgs(options, callback);
  return run(callback, () => {
    const o = objectOptions(options, 'options', 'listAllBroadcasts');
    return this._callAll('list_broadcasts', pagingArgs(o, true), 'listAllBroadcasts')
      .then((items) => items.map((b) => new Broadcast(this, b)));
  });
}

function setBroadcastLayout(id, type, stylesheet, screenshareType, callback) {
  const cb = layoutCallback(stylesheet, screenshareType, callback);
  return apiCall(this, cb, 'set_broadcast_layout', () => {
    const [layout] = layoutArgs('setBroadcastLayout', 'broadcastId', id, type, stylesheet, screenshareType, callback);
    return { broadcastId: id, layout };
  }, 'setBroadcastLayout');
}

function addBroadcastStream(id, streamId, options, callback) {
  [options, callback] = optArgs(options, callback);
  return apiCall(this, callback, 'add_broadcast_stream', () => {
    const o = options === undefined || options === null ? {} : objectOptions(options, 'broadcastOptions', 'addBroadcastStream');
    // The official package sends `x || true` (always true); the documented false is honoured here.
    return {
      broadcastId: broadcastId(id, 'addBroadcastStream'),
      streamId: idArg(streamId, 'streamId', 'addBroadcastStream'),
      hasAudio: o.hasAudio === undefined ? true : Boolean(o.hasAudio),
      hasVideo: o.hasVideo === undefined ? true : Boolean(o.hasVideo),
    };
  }, 'addBroadcastStream');
}

function removeBroadcastStream(id, streamId, callback) {
  return apiCall(this, callback, 'remove_broadcast_stream', () => ({
    broadcastId: broadcastId(id, 'removeBroadcastStream'),
    streamId: idArg(streamId, 'streamId', 'removeBroadcastStream'),
  }), 'removeBroadcastStream');
}

// ---------------------------------------------------------------------------------------------
// streams, connections, moderation, signaling

function sessionArg(sessionId, method) {
  if (!sessionId || typeof sessionId !== 'string') {
    throw argError('sessionId', 'must be a non-empty string', method, 'Invalid arguments -- must provide a sessionId string.');
  }
  return sessionId;
}

function getStream(sessionId, streamId, callback) {
  return run(callback, () => {
    const sid = sessionArg(sessionId, 'getStream');
    if (!streamId || typeof streamId !== 'string') {
      throw argError('streamId', 'must be a non-empty string', 'getStream', 'Invalid arguments -- must provide a streamId string.');
    }
    return this._call('get_stream', { sessionId: sid, streamId }, 'getStream').then((r) => new Stream(r));
  });
}

function listStreams(sessionId, callback) {
  return run(callback, () => this._call('list_streams', { sessionId: sessionArg(sessionId, 'listStreams') }, 'listStreams')
    .then((page) => {
      const items = page && Array.isArray(page.items) ? page.items : [];
      return withTotal(items.map((s) => new Stream(s)), page ? page.count : undefined);
    }));
}

function setStreamClassLists(sessionId, classListArray, callback) {
  return apiCall(this, callback, 'set_stream_class_lists', () => {
    const method = 'setStreamClassLists';
    const fail = (field, text) => argError(field, text, method, `Invalid arguments -- ${text}`);
    if (typeof sessionId !== 'string') throw fail('sessionId', 'must provide an sessionId string.');
    if (!Array.isArray(classListArray)) throw fail('classListArray', 'must provide a streamClassArray array.');
    classListArray.forEach((item, i) => {
      if (!item || typeof item.id !== 'string') {
        throw fail(`classListArray[${i}].id`, 'each element in the streamClassArray must have an id string.');
      }
      if (!Array.isArray(item.layoutClassList)) {
        throw fail(`classListArray[${i}].layoutClassList`, 'each element in the streamClassArray must have a layoutClassList array.');
      }
      if (item.layoutClassList.some((c) => typeof c !== 'string')) {
        throw fail(`classListArray[${i}].layoutClassList`, 'each element in the layoutClassList array must be a string (defining class names).');
      }
    });
    checkValue(classListArray, 'classListArray', method);
    return { sessionId, items: classListArray };
  }, 'setStreamClassLists');
}

/** Extra: sets one stream's layout class list. */
function setStreamClassList(sessionId, streamId, layoutClassList, callback) {
  return run(callback, () => {
    checkValue(layoutClassList, 'layoutClassList', 'setStreamClassList');
    return this._call('set_stream_class_list', {
      sessionId: sessionArg(sessionId, 'setStreamClassList'),
      streamId: idArg(streamId, 'streamId', 'setStreamClassList'),
      layoutClassList,
    }, 'setStreamClassList').then(() => undefined);
  });
}

/** Extra (not in the official package): the session's connections. */
function listConnections(sessionId, callback) {
  return run(callback, () => this._call('list_connections', { sessionId: sessionArg(sessionId, 'listConnections') }, 'listConnections')
    .then((r) => withTotal((r && Array.isArray(r.items) ? r.items : []).slice(), r ? r.count : undefined)));
}

function signal(sessionId, connectionId, payload, callback) {
  return run(callback, () => {
    if (sessionId === undefined || sessionId === null || payload === undefined || payload === null) {
      throw argError(sessionId == null ? 'sessionId' : 'payload', 'is required', 'signal', 'No sessionId or payload given to signal');
    }
    if (typeof payload !== 'object' || Array.isArray(payload)) throw argError('payload', 'must be an object {type, data}', 'signal');
    checkValue(payload, 'payload', 'signal');
    const sid = idArg(sessionId, 'sessionId', 'signal');
    const cid = idArg(connectionId, 'connectionId', 'signal');
    // The payload is the body, as given (every key).
    const args = { ...payload, sessionId: sid };
    if (cid) args.connectionId = cid;
    return this._call('send_signal', args, 'signal').then(() => undefined);
  });
}

function forceDisconnect(sessionId, connectionId, callback) {
  return run(callback, () => {
    if (sessionId === undefined || sessionId === null || connectionId === undefined || connectionId === null) {
      throw argError(sessionId == null ? 'sessionId' : 'connectionId', 'is required', 'forceDisconnect',
        'No sessionId or connectionId given to forceDisconnect');
    }
    return this._call('force_disconnect', {
      sessionId: idArg(sessionId, 'sessionId', 'forceDisconnect'),
      connectionId: idArg(connectionId, 'connectionId', 'forceDisconnect'),
    }, 'forceDisconnect').then(() => undefined);
  });
}

function forceMuteStream(sessionId, streamId, callback) {
  return run(callback, () => {
    const sid = sessionArg(sessionId, 'forceMuteStream');
    if (!!streamId && typeof streamId !== 'string') {
      throw argError('streamId', 'must be a string', 'forceMuteStream', 'Invalid arguments -- streamId must be a string.');
    }
    return this._call('mute_stream', { sessionId: sid, streamId: idArg(streamId, 'streamId', 'forceMuteStream') }, 'forceMuteStream')
      .then(() => undefined);
  });
}

function forceMuteAll(sessionId, options, callback) {
  [options, callback] = optArgs(options, callback);
  return run(callback, () => {
    const sid = sessionArg(sessionId, 'forceMuteAll');
    const o = { ...objectOptions(options, 'options', 'forceMuteAll') };
    if (o.excudedStreamIds && !Array.isArray(o.excudedStreamIds)) {
      throw argError('excudedStreamIds', 'must be an array', 'forceMuteAll', 'Invalid arguments -- excudedStreamIds must be array.');
    }
    // The documented key is excludedStreamIds; the official docs' spelling `excudedStreamIds` is sent as it.
    if (o.excudedStreamIds !== undefined) {
      if (o.excludedStreamIds === undefined) o.excludedStreamIds = o.excudedStreamIds;
      delete o.excudedStreamIds;
    }
    return this._call('mute_all', { ...o, sessionId: sid }, 'forceMuteAll').then(() => undefined);
  });
}

function disableForceMute(sessionId, callback) {
  return run(callback, () => this._call('disable_force_mute', { sessionId: sessionArg(sessionId, 'disableForceMute') }, 'disableForceMute')
    .then(() => undefined));
}

// ---------------------------------------------------------------------------------------------
// SIP, DTMF, renders, audio connector, captions, callbacks

function dial(sessionId, token, sipUri, options, callback) {
  [options, callback] = optArgs(options, callback);
  return run(callback, () => {
    const o = objectOptions(options, 'options', 'dial');
    if (sessionId == null || sessionId.length === 0) throw argError('sessionId', 'is required', 'dial', 'No session ID given');
    if (token == null || token.length === 0) throw argError('token', 'is required', 'dial', 'No token given');
    if (sipUri == null || sipUri.length === 0) throw argError('sipUri', 'is required', 'dial', 'No SIP URI given');
    // The official package sends these options only (and only when truthy / of the right type).
    const args = { sessionId: idArg(sessionId, 'sessionId', 'dial'), token, uri: sipUri };
    if (isObj(o.headers)) args.headers = o.headers;
    if (isObj(o.auth)) args.auth = o.auth;
    if (o.secure) args.secure = true;
    if (o.from) args.from = String(o.from);
    if (o.video) args.video = true;
    if (o.observeForceMute) args.observeForceMute = true;
    if (o.streams) args.streams = o.streams;
    return this._call('dial', args, 'dial').then((r) => new SipInterconnect(r));
  });
}

function playDTMF(sessionId, connectionId, digits, callback) {
  return run(callback, () => {
    const sid = sessionArg(sessionId, 'playDTMF');
    if (!!connectionId && typeof connectionId !== 'string') {
      throw argError('connectionId', 'must be a string', 'playDTMF', 'Invalid arguments -- connectionId must be a string.');
    }
    checkValue(digits, 'digits', 'playDTMF');
    const args = { sessionId: sid, digits };
    if (connectionId) args.connectionId = connectionId;
    return this._call('play_dtmf', args, 'playDTMF').then(() => undefined);
  });
}

// Renders: the official callbacks receive (err, body, response); the Promise resolves the body.
// The body is what the official api layer makes of the answer: parsed JSON for application/json,
// else the text ('' for a 204).
function renderBody(v) {
  if (v.json !== null && v.json !== undefined) return v.json;
  const ct = (v.response && v.response.headers.get('content-type')) || '';
  return ct.split(';')[0] === 'application/json' ? null : '';
}
function renderArgs(v) { return [renderBody(v), v.response]; }

function renderCall(self, callback, op, argsFn, method) {
  const p = (() => {
    try {
      return self._callHttp(op, argsFn(), method);
    } catch (e) {
      return Promise.reject(e);
    }
  })();
  if (typeof callback === 'function') return settle(callback, p, renderArgs);
  return p.then(renderBody);
}

/**
 * Methods whose official implementation hands the api layer's (err, body, response) straight to the
 * user's callback (layouts, broadcast stream changes, stream class lists): same arguments here; the
 * Promise form resolves undefined.
 */
function apiCall(self, callback, op, argsFn, method) {
  const p = (() => {
    try {
      return self._callHttp(op, argsFn(), method);
    } catch (e) {
      return Promise.reject(e);
    }
  })();
  if (typeof callback === 'function') return settle(callback, p, renderArgs);
  return p.then(() => undefined);
}

function startRenderImpl(options, callback) {
  [options, callback] = optArgs(options, callback);
  return renderCall(this, callback, 'start_render', () => {
    const o = objectOptions(options, 'options', 'startRender');
    return {
      sessionId: o.sessionId,
      token: o.token,
      url: o.url,
      maxDuration: o.maxDuration === undefined ? 1800 : o.maxDuration,
      resolution: o.resolution === undefined ? '1280x720' : o.resolution,
      statusCallbackUrl: o.statusCallbackUrl,
    };
  }, 'startRender');
}

function getRenderImpl(renderId, callback) {
  return renderCall(this, callback, 'get_render', () => ({ renderId: idArg(renderId, 'renderId', 'getRender') }), 'getRender');
}

function stopRender(renderId, callback) {
  return renderCall(this, callback, 'stop_render', () => ({ renderId: idArg(renderId, 'renderId', 'stopRender') }), 'stopRender');
}

function listRenders(options, callback) {
  [options, callback] = optArgs(options, callback);
  const check = () => {
    const o = objectOptions(options, 'options', 'listRenders');
    // As the official package: an out-of-range count is refused before anything is sent.
    if (o.count > 1000 || o.count < 1) throw argError('count', 'must be between 1 and 1000', 'listRenders', 'Count is out of range');
    return pagingArgs(o, false);
  };
  if (typeof callback === 'function') check(); // the official package throws synchronously here
  return renderCall(this, callback, 'list_renders', check, 'listRenders');
}

/** Extra: every render, walking all pages. */
function listAllRenders(options, callback) {
  [options, callback] = optArgs(options, callback);
  return run(callback, () => {
    const o = objectOptions(options, 'options', 'listAllRenders');
    return this._callAll('list_renders', pagingArgs(o, false), 'listAllRenders');
  });
}

function websocketConnect(sessionId, token, websocketUri, options, callback) {
  [options, callback] = optArgs(options, callback);
  return run(callback, () => {
    const o = objectOptions(options, 'options', 'websocketConnect');
    const method = 'websocketConnect';
    if (sessionId == null || sessionId.length === 0) throw argError('sessionId', 'is required', method, 'No sessionId given to websocketConnect');
    if (token == null || token.length === 0) throw argError('token', 'is required', method, 'No token given to websocketConnect');
    if (websocketUri == null || websocketUri.length === 0) throw argError('websocketUri', 'is required', method, 'No websocketUri given to websocketConnect');
    // The official package forwards these options only.
    const args = { sessionId: idArg(sessionId, 'sessionId', method), token, uri: websocketUri };
    if (Array.isArray(o.streams)) args.streams = o.streams;
    if (o.headers !== null && typeof o.headers === 'object') args.headers = o.headers;
    if (o.bidirectional) args.bidirectional = o.bidirectional;
    return this._call('connect_audio', args, method);
  });
}

/** Extra (not in the official package): stops an Audio Connector by its id or connection id. */
function websocketDisconnect(connectionId, callback) {
  return run(callback, () => this._call('stop_audio_connector', {
    connectionId: idArg(connectionId, 'connectionId', 'websocketDisconnect'),
  }, 'websocketDisconnect').then(() => undefined));
}

function startCaptions(sessionId, token, options, callback) {
  [options, callback] = optArgs(options, callback);
  return run(callback, () => {
    const o = objectOptions(options, 'options', 'startCaptions');
    // The official body: these keys with its defaults.
    const args = {
      sessionId: idArg(sessionId, 'sessionId', 'startCaptions'),
      token,
      languageCode: o.languageCode === undefined ? 'en-US' : o.languageCode,
      maxDuration: o.maxDuration === undefined ? 14400 : o.maxDuration,
      partialCaptions: o.partialCaptions === undefined ? true : o.partialCaptions,
    };
    return this._call('start_captions', args, 'startCaptions').then((r) => (r ? r.captionsId : undefined));
  });
}

function stopCaptions(captionsId, callback) {
  return run(callback, () => this._call('stop_captions', {
    captionsId: idArg(captionsId, 'captionsId', 'stopCaptions'),
  }, 'stopCaptions').then(() => true));
}

/** Extra (not in the official package): live-caption status. */
function getCaptions(captionsId, callback) {
  return run(callback, () => this._call('get_captions', {
    captionsId: idArg(captionsId, 'captionsId', 'getCaptions'),
  }, 'getCaptions'));
}

function registerCallback(options, callback) {
  [options, callback] = optArgs(options, callback);
  return run(callback, () => {
    const o = objectOptions(options, 'options', 'registerCallback');
    return this._call('register_callback', { group: o.group, event: o.event, url: o.url }, 'registerCallback')
      .then((r) => new Callback(this, r));
  });
}

function listCallbacks(options, callback) {
  [options, callback] = optArgs(options, callback);
  return run(callback, () => this._call('list_callbacks', {}, 'listCallbacks')
    .then((items) => (Array.isArray(items) ? items : []).map((c) => new Callback(this, c))));
}

function unregisterCallback(callbackId, callback) {
  return run(callback, () => {
    const id = idArg(callbackId, 'callbackId', 'unregisterCallback');
    if (!id) throw argError('callbackId', 'is required', 'unregisterCallback', 'No callback ID given');
    return this._call('unregister_callback', { callbackId: id }, 'unregisterCallback').then(() => undefined);
  });
}

const IMPL = {
  startArchive, stopArchive, getArchive, deleteArchive, listArchives, listAllArchives, setArchiveLayout,
  addArchiveStream, removeArchiveStream,
  startBroadcast, stopBroadcast, getBroadcast, listBroadcasts, listAllBroadcasts, setBroadcastLayout,
  addBroadcastStream, removeBroadcastStream,
  getStream, listStreams, setStreamClassLists, setStreamClassList, listConnections,
  signal, forceDisconnect, forceMuteStream, forceMuteAll, disableForceMute,
  dial, playDTMF,
  startRender: startRenderImpl, getRender: getRenderImpl, stopRender, listRenders, listAllRenders,
  websocketConnect, websocketDisconnect,
  startCaptions, stopCaptions, getCaptions,
  registerCallback, listCallbacks, unregisterCallback,
};
for (const [name, fn] of Object.entries(IMPL)) {
  Object.defineProperty(OpenTok.prototype, name, { value: fn, enumerable: false, writable: true, configurable: true });
}
// Aliases for the extras, under the names other SDKs use.
for (const [alias, fn] of [['stopAudioConnector', websocketDisconnect], ['getCaptionStatus', getCaptions]]) {
  Object.defineProperty(OpenTok.prototype, alias, { value: fn, enumerable: false, writable: true, configurable: true });
}

const METHODS = ['createSession', 'generateToken', 'generateJwt', ...Object.keys(IMPL), 'stopAudioConnector', 'getCaptionStatus'];

// Official error classes on the constructor, as `require('opentok')` has them.
for (const [name, cls] of Object.entries(errors)) {
  if (name !== 'OpenTokError') OpenTok[name] = cls;
}
OpenTok.OpenTokError = errors.OpenTokError;
OpenTok.Session = Session;
OpenTok.Archive = Archive;
OpenTok.Broadcast = Broadcast;
OpenTok.version = pkg.version;
/** Native helpers (no I/O) used by the vector tests. */
OpenTok.native = native;
/** Transport statistics and switches (see lib/transport.js). */
OpenTok.transport = transport.stats;

module.exports = OpenTok;
