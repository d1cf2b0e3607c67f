'use strict';
// Archives.
// Each function runs with `this` = the OpenTok instance (lib/opentok.js puts them on its prototype).

const errors = require('../errors');
const { argError, idArg } = require('../convert');
const { Archive } = require('../models');
const { run, optArgs, objectOptions, withTotal, apiCall } = require('../call');
const { pagingArgs, layoutArgs, layoutCallback } = require('./args');

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

module.exports = {
  startArchive, stopArchive, getArchive, deleteArchive, listArchives, listAllArchives, setArchiveLayout,
  addArchiveStream, removeArchiveStream,
};
