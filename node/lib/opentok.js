'use strict';
// The OpenTok constructor: the official `opentok` 2.x surface on top of the Rust core.
// Every REST method takes the official trailing Node-style callback; without one it returns a Promise.

const util = require('util');
const native = require('./native');
const errors = require('./errors');
const { toSnake, mapError, argError, checkSessionId } = require('./convert');
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
    (e) => process.nextTick(callback, e)
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

function checkOptions(options, field, method) {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object' || Array.isArray(options)) throw argError(field, 'must be an object', method);
  return options;
}

function requireString(v, field, method) {
  if (typeof v !== 'string') {
    throw argError(field, v === undefined || v === null ? 'is required' : 'must be a string', method);
  }
  if (v.length === 0) throw argError(field, 'must not be empty', method);
  return v;
}

function pickPaging(options, withSession) {
  const out = {};
  if (options.offset !== undefined && options.offset !== null) out.offset = options.offset;
  if (options.count !== undefined && options.count !== null) out.count = options.count;
  if (withSession && options.sessionId !== undefined && options.sessionId !== null) out.session_id = options.sessionId;
  return out;
}

function withTotal(items, count) {
  Object.defineProperty(items, 'totalCount', { value: count, enumerable: false, writable: true });
  return items;
}

// ---------------------------------------------------------------------------------------------
// constructor

/**
 * @param {string|number} apiKey OpenTok API key (or a Vonage application id)
 * @param {string} apiSecret API secret (or the application's private key PEM)
 * @param {string|object} [env] the API URL, or `{apiUrl, timeout (ms), proxy, uaAddendum,
 *   connectTimeout (ms), maxRetries}`
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
  if (typeof env === 'string') {
    o.api_url = env;
  } else if (env !== undefined && env !== null) {
    if (typeof env !== 'object' || Array.isArray(env)) throw argError('env', 'must be a URL string or an options object', 'OpenTok');
    if (env.apiUrl !== undefined) o.api_url = env.apiUrl;
    if (env.proxy !== undefined) o.proxy = env.proxy;
    if (env.uaAddendum !== undefined) o.ua_addendum = env.uaAddendum;
    const ms = (name) => {
      const v = typeof env[name] === 'string' ? Number(env[name]) : env[name];
      if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) throw argError(name, 'must be a positive number of milliseconds', 'OpenTok');
      return v / 1000;
    };
    if (env.timeout !== undefined) o.timeout = ms('timeout');
    if (env.connectTimeout !== undefined) o.connect_timeout = ms('connectTimeout');
    if (env.maxRetries !== undefined) o.max_retries = env.maxRetries;
  }
  let client;
  try {
    client = new native.Client(JSON.stringify(o));
  } catch (e) {
    throw mapError(e, 'client', 'OpenTok');
  }
  Object.defineProperty(this, '_native', { value: client, enumerable: false });
  Object.defineProperty(this, SECRET, { value: apiSecret, enumerable: false });
  this.apiKey = apiKey;
  this.apiUrl = client.apiUrl;
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

Object.defineProperty(OpenTok.prototype, util.inspect.custom, {
  value: function inspect() { return `OpenTok { apiKey: '${this.apiKey}', apiUrl: '${this.apiUrl}' }`; },
});
Object.defineProperty(OpenTok.prototype, 'toJSON', {
  value: function toJSON() { return { apiKey: this.apiKey, apiUrl: this.apiUrl }; },
});

/** Sends operation `op` (core name) with snake_case `args`; resolves with the parsed result. */
OpenTok.prototype._call = function _call(op, args, method) {
  if (args && args.session_id !== undefined) checkSessionId(args.session_id, 'sessionId', method);
  let text;
  try {
    text = JSON.stringify(args);
  } catch (e) {
    return Promise.reject(argError('options', `cannot be serialised: ${e.message}`, method));
  }
  return this._native.call(op, text).then(
    (out) => JSON.parse(out),
    (e) => { throw mapError(e, op, method); }
  );
};

OpenTok.prototype._callAll = function _callAll(op, args, method) {
  if (args && args.session_id !== undefined) checkSessionId(args.session_id, 'sessionId', method);
  return this._native.callAll(op, JSON.stringify(args)).then(
    (out) => JSON.parse(out),
    (e) => { throw mapError(e, op, method); }
  );
};

// ---------------------------------------------------------------------------------------------
// sessions and tokens

const MEDIA_MODES = ['routed', 'relayed'];
const ARCHIVE_MODES = ['manual', 'always'];

OpenTok.prototype.createSession = function createSession(opts, callback) {
  [opts, callback] = optArgs(opts, callback);
  return run(callback, () => {
    const o = { mediaMode: 'relayed', archiveMode: 'manual', ...checkOptions(opts, 'options', 'createSession') };
    if (!MEDIA_MODES.includes(o.mediaMode)) throw argError('mediaMode', 'must be "routed" or "relayed"', 'createSession');
    if (!ARCHIVE_MODES.includes(o.archiveMode)) throw argError('archiveMode', 'must be "manual" or "always"', 'createSession');
    return this._call('create_session', toSnake(o), 'createSession').then((r) => {
      const props = {};
      for (const k of Object.keys(r)) if (r[k] !== null && k !== 'sessionId') props[k] = r[k];
      return new Session(this, r.sessionId, Object.assign(props, o));
    });
  });
};

/**
 * Mints a client token (JWT by default; legacy T1 when `generateT1Token` is true). Synchronous;
 * throws an ArgumentError naming the option on bad input. Uses `Date.now()` as the clock.
 */
OpenTok.prototype.generateToken = function generateToken(sessionId, opts, generateT1Token) {
  if (typeof sessionId !== 'string') {
    throw argError('sessionId', 'Token cannot be generated without a sessionId parameter', 'generateToken');
  }
  let role;
  let exp;
  let data;
  let layout;
  if (opts !== undefined && opts !== null) {
    if (typeof opts !== 'object') throw argError('options', 'must be an object', 'generateToken');
    role = opts.role;
    if (role !== undefined && role !== null && typeof role !== 'string') throw argError('role', 'must be a string', 'generateToken');
    exp = opts.expireTime !== undefined ? opts.expireTime : opts.expire_time;
    if (exp !== undefined && exp !== null) {
      if (typeof exp === 'string' && exp.trim() !== '') exp = Number(exp);
      if (typeof exp !== 'number' || !Number.isFinite(exp)) throw argError('expireTime', 'must be a number of seconds since the epoch', 'generateToken');
      exp = Math.round(exp);
    }
    data = opts.data;
    if (data === '' || data === null) data = undefined;
    if (data !== undefined && typeof data !== 'string') throw argError('data', 'must be a string', 'generateToken');
    layout = opts.initialLayoutClassList;
    if (Array.isArray(layout)) {
      for (const c of layout) if (typeof c !== 'string') throw argError('initialLayoutClassList', 'must hold strings', 'generateToken');
      layout = layout.join(' ');
    } else if (layout === null) {
      layout = undefined;
    } else if (layout !== undefined && typeof layout !== 'string') {
      throw argError('initialLayoutClassList', 'must be an array of strings or a string', 'generateToken');
    }
  }
  try {
    return this._native.generateToken(
      sessionId, role, exp, data, layout, generateT1Token ? 'T1' : undefined, Math.floor(Date.now() / 1000)
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
    const o = checkOptions(options, 'options', 'startArchive');
    return this._call('start_archive', { ...toSnake(o), session_id: sessionId }, 'startArchive')
      .then((r) => new Archive(this, r));
  });
}

function stopArchive(archiveId, callback) {
  return run(callback, () => this._call('stop_archive', { archive_id: archiveId }, 'stopArchive')
    .then((r) => new Archive(this, r)));
}

function getArchive(archiveId, callback) {
  return run(callback, () => this._call('get_archive', { archive_id: archiveId }, 'getArchive')
    .then((r) => new Archive(this, r)));
}

function deleteArchive(archiveId, callback) {
  return run(callback, () => this._call('delete_archive', { archive_id: archiveId }, 'deleteArchive').then(() => undefined));
}

function listArchives(options, callback) {
  [options, callback] = optArgs(options, callback);
  return run(callback, () => {
    const o = checkOptions(options, 'options', 'listArchives');
    return this._call('list_archives', pickPaging(o, true), 'listArchives')
      .then((page) => withTotal(page.items.map((a) => new Archive(this, a)), page.count));
  }, (list) => [list, list.totalCount]);
}

/** Extra: every archive, walking all pages. */
function listAllArchives(options, callback) {
  [options, callback] = optArgs(options, callback);
  return run(callback, () => {
    const o = checkOptions(options, 'options', 'listAllArchives');
    return this._callAll('list_archives', pickPaging(o, true), 'listAllArchives')
      .then((items) => items.map((a) => new Archive(this, a)));
  });
}

function layoutArgs(method, type, stylesheet, screenshareType, callback) {
  // (id, type, cb) / (id, type, stylesheet, cb) / (id, type, stylesheet, screenshareType, cb)
  if (typeof stylesheet === 'function') return [{ type }, stylesheet];
  if (typeof screenshareType === 'function') return [{ type, stylesheet }, screenshareType];
  return [{ type, stylesheet, screenshareType }, callback];
}

function setArchiveLayout(archiveId, type, stylesheet, screenshareType, callback) {
  const [layout, cb] = layoutArgs('setArchiveLayout', type, stylesheet, screenshareType, callback);
  return run(cb, () => this._call('set_archive_layout', { archive_id: archiveId, layout: toSnake(layout) }, 'setArchiveLayout')
    .then(() => undefined));
}

function streamOptions(options, field, method) {
  const o = checkOptions(options, field, method);
  const out = {};
  if (o.hasAudio !== undefined) out.has_audio = o.hasAudio;
  if (o.hasVideo !== undefined) out.has_video = o.hasVideo;
  return out;
}

function addArchiveStream(archiveId, streamId, options, callback) {
  [options, callback] = optArgs(options, callback);
  return run(callback, () => this._call('add_archive_stream', {
    archive_id: archiveId, stream_id: streamId, ...streamOptions(options, 'archiveOptions', 'addArchiveStream'),
  }, 'addArchiveStream').then(() => undefined));
}

function removeArchiveStream(archiveId, streamId, callback) {
  return run(callback, () => this._call('remove_archive_stream', { archive_id: archiveId, stream_id: streamId }, 'removeArchiveStream')
    .then(() => undefined));
}

// ---------------------------------------------------------------------------------------------
// broadcasts

function startBroadcast(sessionId, options, callback) {
  [options, callback] = optArgs(options, callback);
  return run(callback, () => {
    if (options === undefined || options === null) throw argError('options', 'is required (outputs)', 'startBroadcast');
    const o = checkOptions(options, 'options', 'startBroadcast');
    return this._call('start_broadcast', { ...toSnake(o), session_id: sessionId }, 'startBroadcast')
      .then((r) => new Broadcast(this, r));
  });
}

function stopBroadcast(broadcastId, callback) {
  return run(callback, () => this._call('stop_broadcast', { broadcast_id: broadcastId }, 'stopBroadcast')
    .then((r) => new Broadcast(this, r)));
}

function getBroadcast(broadcastId, callback) {
  return run(callback, () => this._call('get_broadcast', { broadcast_id: broadcastId }, 'getBroadcast')
    .then((r) => new Broadcast(this, r)));
}

function listBroadcasts(options, callback) {
  [options, callback] = optArgs(options, callback);
  return run(callback, () => {
    const o = checkOptions(options, 'options', 'listBroadcasts');
    return this._call('list_broadcasts', pickPaging(o, true), 'listBroadcasts')
      .then((page) => withTotal(page.items.map((b) => new Broadcast(this, b)), page.count));
  }, (list) => [list, list.totalCount]);
}

/** Extra: every broadcast, walking all pages. */
function listAllBroadcasts(options, callback) {
  [options, callback] = optArgs(options, callback);
  return run(callback, () => {
    const o = checkOptions(options, 'options', 'listAllBroadcasts');
    return this._callAll('list_broadcasts', pickPaging(o, true), 'listAllBroadcasts')
      .then((items) => items.map((b) => new Broadcast(this, b)));
  });
}

function setBroadcastLayout(broadcastId, type, stylesheet, screenshareType, callback) {
  const [layout, cb] = layoutArgs('setBroadcastLayout', type, stylesheet, screenshareType, callback);
  return run(cb, () => this._call('set_broadcast_layout', { broadcast_id: broadcastId, layout: toSnake(layout) }, 'setBroadcastLayout')
    .then(() => undefined));
}

function addBroadcastStream(broadcastId, streamId, options, callback) {
  [options, callback] = optArgs(options, callback);
  return run(callback, () => this._call('add_broadcast_stream', {
    broadcast_id: broadcastId, stream_id: streamId, ...streamOptions(options, 'broadcastOptions', 'addBroadcastStream'),
  }, 'addBroadcastStream').then(() => undefined));
}

function removeBroadcastStream(broadcastId, streamId, callback) {
  return run(callback, () => this._call('remove_broadcast_stream', { broadcast_id: broadcastId, stream_id: streamId }, 'removeBroadcastStream')
    .then(() => undefined));
}

// ---------------------------------------------------------------------------------------------
// streams, connections, moderation, signaling

function getStream(sessionId, streamId, callback) {
  return run(callback, () => this._call('get_stream', { session_id: sessionId, stream_id: streamId }, 'getStream')
    .then((r) => new Stream(r)));
}

function listStreams(sessionId, callback) {
  return run(callback, () => this._call('list_streams', { session_id: sessionId }, 'listStreams')
    .then((page) => withTotal(page.items.map((s) => new Stream(s)), page.count)));
}

function setStreamClassLists(sessionId, classListArray, callback) {
  return run(callback, () => {
    if (!Array.isArray(classListArray)) throw argError('classListArray', 'must be an array of {id, layoutClassList}', 'setStreamClassLists');
    return this._call('set_stream_class_lists', { session_id: sessionId, items: toSnake(classListArray) }, 'setStreamClassLists')
      .then(() => undefined);
  });
}

/** Extra: sets one stream's layout class list. */
function setStreamClassList(sessionId, streamId, layoutClassList, callback) {
  return run(callback, () => this._call('set_stream_class_list', {
    session_id: sessionId, stream_id: streamId, layout_class_list: layoutClassList,
  }, 'setStreamClassList').then(() => undefined));
}

/** Extra (not in the official package): the session's connections. */
function listConnections(sessionId, callback) {
  return run(callback, () => this._call('list_connections', { session_id: sessionId }, 'listConnections')
    .then((r) => withTotal(r.items.slice(), r.count)));
}

function signal(sessionId, connectionId, payload, callback) {
  return run(callback, () => {
    if (payload === undefined || payload === null || typeof payload !== 'object') {
      throw argError('payload', 'must be an object {type, data}', 'signal');
    }
    const args = { session_id: sessionId, type: payload.type, data: payload.data };
    if (connectionId !== undefined && connectionId !== null && connectionId !== '') args.connection_id = connectionId;
    return this._call('send_signal', args, 'signal').then(() => undefined);
  });
}

function forceDisconnect(sessionId, connectionId, callback) {
  return run(callback, () => this._call('force_disconnect', { session_id: sessionId, connection_id: connectionId }, 'forceDisconnect')
    .then(() => undefined));
}

function forceMuteStream(sessionId, streamId, callback) {
  return run(callback, () => this._call('mute_stream', { session_id: sessionId, stream_id: streamId }, 'forceMuteStream')
    .then(() => undefined));
}

function forceMuteAll(sessionId, options, callback) {
  [options, callback] = optArgs(options, callback);
  return run(callback, () => {
    const o = checkOptions(options, 'options', 'forceMuteAll');
    const args = { session_id: sessionId };
    const ex = o.excludedStreamIds !== undefined ? o.excludedStreamIds : o.excudedStreamIds;
    if (ex !== undefined && ex !== null) {
      if (!Array.isArray(ex)) throw argError('excludedStreamIds', 'must be an array of stream ids', 'forceMuteAll');
      args.excluded_stream_ids = ex;
    }
    return this._call('mute_all', args, 'forceMuteAll').then(() => undefined);
  });
}

function disableForceMute(sessionId, callback) {
  return run(callback, () => this._call('disable_force_mute', { session_id: sessionId }, 'disableForceMute')
    .then(() => undefined));
}

// ---------------------------------------------------------------------------------------------
// SIP, DTMF, renders, audio connector, captions, callbacks

function dial(sessionId, token, sipUri, options, callback) {
  [options, callback] = optArgs(options, callback);
  return run(callback, () => {
    const o = checkOptions(options, 'options', 'dial');
    return this._call('dial', { ...toSnake(o), session_id: sessionId, token, uri: sipUri }, 'dial')
      .then((r) => new SipInterconnect(r));
  });
}

function playDTMF(sessionId, connectionId, digits, callback) {
  return run(callback, () => {
    const args = { session_id: sessionId, digits };
    if (connectionId !== undefined && connectionId !== null && connectionId !== '') args.connection_id = connectionId;
    return this._call('play_dtmf', args, 'playDTMF').then(() => undefined);
  });
}

function startRender(options, callback) {
  [options, callback] = optArgs(options, callback);
  return run(callback, () => {
    if (options === undefined || options === null) throw argError('options', 'is required ({sessionId, token, url})', 'startRender');
    const o = checkOptions(options, 'options', 'startRender');
    return this._call('start_render', toSnake(o), 'startRender');
  });
}

function getRender(renderId, callback) {
  return run(callback, () => this._call('get_render', { render_id: renderId }, 'getRender'));
}

function stopRender(renderId, callback) {
  return run(callback, () => this._call('stop_render', { render_id: renderId }, 'stopRender').then(() => undefined));
}

function listRenders(options, callback) {
  [options, callback] = optArgs(options, callback);
  return run(callback, () => {
    const o = checkOptions(options, 'options', 'listRenders');
    return this._call('list_renders', pickPaging(o, false), 'listRenders');
  });
}

/** Extra: every render, walking all pages. */
function listAllRenders(options, callback) {
  [options, callback] = optArgs(options, callback);
  return run(callback, () => {
    const o = checkOptions(options, 'options', 'listAllRenders');
    return this._callAll('list_renders', pickPaging(o, false), 'listAllRenders');
  });
}

function websocketConnect(sessionId, token, websocketUri, options, callback) {
  [options, callback] = optArgs(options, callback);
  return run(callback, () => {
    const o = checkOptions(options, 'options', 'websocketConnect');
    return this._call('connect_audio', { ...toSnake(o), session_id: sessionId, token, uri: websocketUri }, 'websocketConnect');
  });
}

/** Extra (not in the official package): stops an Audio Connector by its id or connection id. */
function websocketDisconnect(connectionId, callback) {
  return run(callback, () => this._call('stop_audio_connector', { connection_id: connectionId }, 'websocketDisconnect')
    .then(() => undefined));
}

function startCaptions(sessionId, token, options, callback) {
  [options, callback] = optArgs(options, callback);
  return run(callback, () => {
    const o = checkOptions(options, 'options', 'startCaptions');
    return this._call('start_captions', { ...toSnake(o), session_id: sessionId, token }, 'startCaptions')
      .then((r) => r.captionsId);
  });
}

function stopCaptions(captionsId, callback) {
  return run(callback, () => this._call('stop_captions', { captions_id: captionsId }, 'stopCaptions').then(() => true));
}

/** Extra (not in the official package): live-caption status. */
function getCaptions(captionsId, callback) {
  return run(callback, () => this._call('get_captions', { captions_id: captionsId }, 'getCaptions'));
}

function registerCallback(options, callback) {
  [options, callback] = optArgs(options, callback);
  return run(callback, () => {
    const o = checkOptions(options, 'options', 'registerCallback');
    return this._call('register_callback', { group: o.group, event: o.event, url: o.url }, 'registerCallback')
      .then((r) => new Callback(this, r));
  });
}

function listCallbacks(options, callback) {
  [options, callback] = optArgs(options, callback);
  return run(callback, () => this._call('list_callbacks', {}, 'listCallbacks')
    .then((items) => items.map((c) => new Callback(this, c))));
}

function unregisterCallback(callbackId, callback) {
  return run(callback, () => this._call('unregister_callback', { callback_id: callbackId }, 'unregisterCallback')
    .then(() => undefined));
}

const IMPL = {
  startArchive, stopArchive, getArchive, deleteArchive, listArchives, listAllArchives, setArchiveLayout,
  addArchiveStream, removeArchiveStream,
  startBroadcast, stopBroadcast, getBroadcast, listBroadcasts, listAllBroadcasts, setBroadcastLayout,
  addBroadcastStream, removeBroadcastStream,
  getStream, listStreams, setStreamClassLists, setStreamClassList, listConnections,
  signal, forceDisconnect, forceMuteStream, forceMuteAll, disableForceMute,
  dial, playDTMF,
  startRender, getRender, stopRender, listRenders, listAllRenders,
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

const METHODS = ['createSession', 'generateToken', ...Object.keys(IMPL), 'stopAudioConnector', 'getCaptionStatus'];

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

module.exports = OpenTok;
