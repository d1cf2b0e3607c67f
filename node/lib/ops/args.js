'use strict';
// Argument checks shared by several areas of lib/ops (paging, session ids, composition layouts).

const { argError } = require('../convert');

/** offset/count/sessionId when truthy, as the official query builders. */
function pagingArgs(o, withSession) {
  const out = {};
  if (o.offset) out.offset = o.offset;
  if (o.count) out.count = o.count;
  if (withSession && o.sessionId) out.sessionId = o.sessionId;
  return out;
}

function sessionArg(sessionId, method) {
  if (!sessionId || typeof sessionId !== 'string') {
    throw argError('sessionId', 'must be a non-empty string', method, 'Invalid arguments -- must provide a sessionId string.');
  }
  return sessionId;
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

module.exports = { pagingArgs, sessionArg, layoutArgs, layoutCallback };
