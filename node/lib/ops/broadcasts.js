'use strict';
// Broadcasts.
// Each function runs with `this` = the OpenTok instance (lib/opentok.js puts them on its prototype).

const { argError, idArg } = require('../convert');
const { Broadcast } = require('../models');
const { run, optArgs, objectOptions, withTotal, apiCall } = require('../call');
const { pagingArgs, layoutArgs, layoutCallback } = require('./args');

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

module.exports = {
  startBroadcast, stopBroadcast, getBroadcast, listBroadcasts, listAllBroadcasts, setBroadcastLayout,
  addBroadcastStream, removeBroadcastStream,
};
