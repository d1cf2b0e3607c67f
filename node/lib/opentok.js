'use strict';
// The OpenTok constructor: the official `opentok` 2.x surface on top of the Rust core.
// Every REST method takes the official trailing Node-style callback; without one it returns a Promise.
// Option objects go to the core as the user wrote them (camelCase, unknown keys included) and the
// core sends them as the official package does; results are built from the service's JSON as received.
// The methods live in lib/ops/<area>.js; the callback/Promise plumbing in lib/call.js.

const util = require('util');
const native = require('./native');
const errors = require('./errors');
const transport = require('./transport');
const { argError, mapError } = require('./convert');
const { Session, Archive, Broadcast } = require('./models');
const { isObj, dispatch } = require('./call');
const { generateJwt, createSession, generateToken } = require('./ops/sessions');
const {
  startArchive, stopArchive, getArchive, deleteArchive, listArchives, listAllArchives, setArchiveLayout,
  addArchiveStream, removeArchiveStream,
} = require('./ops/archives');
const {
  startBroadcast, stopBroadcast, getBroadcast, listBroadcasts, listAllBroadcasts, setBroadcastLayout,
  addBroadcastStream, removeBroadcastStream,
} = require('./ops/broadcasts');
const {
  getStream, listStreams, setStreamClassLists, setStreamClassList, listConnections,
  signal, forceDisconnect, forceMuteStream, forceMuteAll, disableForceMute,
} = require('./ops/streams');
const {
  dial, playDTMF,
  startRenderImpl, getRenderImpl, stopRender, listRenders, listAllRenders,
  websocketConnect, websocketDisconnect,
  startCaptions, stopCaptions, getCaptions,
  registerCallback, listCallbacks, unregisterCallback,
} = require('./ops/integrations');
const pkg = require('../package.json');

const SECRET = Symbol('apiSecret');
const LANGUAGE = `node/${process.versions.node}`;

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

// Sessions and tokens (lib/ops/sessions.js): enumerable prototype members, as they always were.
OpenTok.prototype.generateJwt = generateJwt;
OpenTok.prototype.createSession = createSession;
OpenTok.prototype.generateToken = generateToken;

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
