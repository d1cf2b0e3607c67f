'use strict';
// Streams, connections, moderation, signaling.
// Each function runs with `this` = the OpenTok instance (lib/opentok.js puts them on its prototype).

const { argError, checkValue, idArg } = require('../convert');
const { Stream } = require('../models');
const { run, optArgs, objectOptions, withTotal, apiCall } = require('../call');
const { sessionArg } = require('./args');

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

module.exports = {
  getStream, listStreams, setStreamClassLists, setStreamClassList, listConnections,
  signal, forceDisconnect, forceMuteStream, forceMuteAll, disableForceMute,
};
