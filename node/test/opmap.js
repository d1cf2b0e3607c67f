'use strict';
// Maps each core operation of the vectors (snake_case args) to the public method call a user
// would write, with the official argument order and camelCase option keys.
// Each entry: (ot, args, callback?) => the method's return value.

const VERBATIM = new Set(['headers', 'static_fields', 'properties']);

function camelKey(k) {
  return k.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
}

function camelize(v) {
  if (Array.isArray(v)) return v.map(camelize);
  if (v === null || typeof v !== 'object') return v;
  const out = {};
  for (const k of Object.keys(v)) out[camelKey(k)] = VERBATIM.has(k) ? v[k] : camelize(v[k]);
  return out;
}

// Vectors tagged "passthrough" carry unknown keys that must reach the core as given: their args are
// not renamed (the core accepts known keys in snake_case and camelCase).
let asGiven = false;
function conv(v) { return asGiven ? v : camelize(v); }

function rest(args, ...drop) {
  const o = { ...args };
  for (const k of drop) { delete o[k]; delete o[camelKey(k)]; }
  return conv(o);
}

/** `a.session_id` or `a.sessionId`. */
function get(a, k) {
  return a[k] !== undefined ? a[k] : a[camelKey(k)];
}

function layout(a) {
  const l = a.layout || {};
  return [l.type, l.stylesheet, l.screenshare_type !== undefined ? l.screenshare_type : l.screenshareType];
}

const OPS = {
  create_session: (ot, a, cb) => ot.createSession(conv(a), cb),
  start_archive: (ot, a, cb) => ot.startArchive(a.session_id, rest(a, 'session_id'), cb),
  stop_archive: (ot, a, cb) => ot.stopArchive(a.archive_id, cb),
  get_archive: (ot, a, cb) => ot.getArchive(a.archive_id, cb),
  list_archives: (ot, a, cb) => ot.listArchives(conv(a), cb),
  delete_archive: (ot, a, cb) => ot.deleteArchive(a.archive_id, cb),
  set_archive_layout: (ot, a, cb) => ot.setArchiveLayout(a.archive_id, ...layout(a), cb),
  add_archive_stream: (ot, a, cb) => ot.addArchiveStream(a.archive_id, a.stream_id, rest(a, 'archive_id', 'stream_id'), cb),
  remove_archive_stream: (ot, a, cb) => ot.removeArchiveStream(a.archive_id, a.stream_id, cb),
  start_broadcast: (ot, a, cb) => ot.startBroadcast(a.session_id, rest(a, 'session_id'), cb),
  stop_broadcast: (ot, a, cb) => ot.stopBroadcast(a.broadcast_id, cb),
  get_broadcast: (ot, a, cb) => ot.getBroadcast(a.broadcast_id, cb),
  list_broadcasts: (ot, a, cb) => ot.listBroadcasts(conv(a), cb),
  set_broadcast_layout: (ot, a, cb) => ot.setBroadcastLayout(a.broadcast_id, ...layout(a), cb),
  add_broadcast_stream: (ot, a, cb) => ot.addBroadcastStream(a.broadcast_id, a.stream_id, rest(a, 'broadcast_id', 'stream_id'), cb),
  remove_broadcast_stream: (ot, a, cb) => ot.removeBroadcastStream(a.broadcast_id, a.stream_id, cb),
  get_stream: (ot, a, cb) => ot.getStream(a.session_id, a.stream_id, cb),
  list_streams: (ot, a, cb) => ot.listStreams(a.session_id, cb),
  set_stream_class_lists: (ot, a, cb) => ot.setStreamClassLists(a.session_id, conv(a.items), cb),
  set_stream_class_list: (ot, a, cb) => ot.setStreamClassList(a.session_id, a.stream_id, a.layout_class_list, cb),
  list_connections: (ot, a, cb) => ot.listConnections(a.session_id, cb),
  send_signal: (ot, a, cb) => ot.signal(a.session_id, a.connection_id || null, rest(a, 'session_id', 'connection_id'), cb),
  force_disconnect: (ot, a, cb) => ot.forceDisconnect(a.session_id, a.connection_id, cb),
  mute_stream: (ot, a, cb) => ot.forceMuteStream(a.session_id, a.stream_id, cb),
  mute_all: (ot, a, cb) => ot.forceMuteAll(a.session_id, rest(a, 'session_id'), cb),
  disable_force_mute: (ot, a, cb) => ot.disableForceMute(a.session_id, cb),
  dial: (ot, a, cb) => ot.dial(a.session_id, a.token, a.uri, rest(a, 'session_id', 'token', 'uri'), cb),
  play_dtmf: (ot, a, cb) => ot.playDTMF(a.session_id, a.connection_id || null, a.digits, cb),
  start_render: (ot, a, cb) => ot.startRender(conv(a), cb),
  get_render: (ot, a, cb) => ot.getRender(a.render_id, cb),
  stop_render: (ot, a, cb) => ot.stopRender(a.render_id, cb),
  list_renders: (ot, a, cb) => ot.listRenders(conv(a), cb),
  connect_audio: (ot, a, cb) => ot.websocketConnect(a.session_id, a.token, a.uri, rest(a, 'session_id', 'token', 'uri'), cb),
  stop_audio_connector: (ot, a, cb) => ot.websocketDisconnect(a.connection_id, cb),
  start_captions: (ot, a, cb) => ot.startCaptions(a.session_id, a.token, rest(a, 'session_id', 'token'), cb),
  stop_captions: (ot, a, cb) => ot.stopCaptions(a.captions_id, cb),
  get_captions: (ot, a, cb) => ot.getCaptions(a.captions_id, cb),
  register_callback: (ot, a, cb) => ot.registerCallback(conv(a), cb),
  list_callbacks: (ot, a, cb) => ot.listCallbacks(cb),
  unregister_callback: (ot, a, cb) => ot.unregisterCallback(a.callback_id, cb),
};

// Positional arguments may be given in either spelling by the vectors.
for (const [op, fn] of Object.entries(OPS)) {
  OPS[op] = (ot, a, cb) => {
    const args = {};
    for (const k of Object.keys(a)) args[k] = a[k];
    for (const k of ['session_id', 'archive_id', 'broadcast_id', 'stream_id', 'connection_id', 'render_id', 'captions_id', 'callback_id', 'layout_class_list']) {
      if (args[k] === undefined && args[camelKey(k)] !== undefined) { args[k] = args[camelKey(k)]; delete args[camelKey(k)]; }
    }
    if (op === 'dial' && args.uri === undefined && args.sipUri !== undefined) args.uri = args.sipUri;
    return fn(ot, args, cb);
  };
}

/** Runs `fn` with passthrough-vector conversion (args as given) when `tags` include "passthrough". */
function withTags(tags, fn) {
  asGiven = Array.isArray(tags) && tags.includes('passthrough');
  try {
    return fn();
  } finally {
    asGiven = false;
  }
}

module.exports = { OPS, camelize, withTags, get };
