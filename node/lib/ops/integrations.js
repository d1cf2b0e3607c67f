'use strict';
// SIP, DTMF, renders, audio connector, captions, callbacks.
// Each function runs with `this` = the OpenTok instance (lib/opentok.js puts them on its prototype).

const { argError, checkValue, idArg } = require('../convert');
const { SipInterconnect, Callback } = require('../models');
const { run, optArgs, objectOptions, isObj, renderCall } = require('../call');
const { pagingArgs, sessionArg } = require('./args');

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

module.exports = {
  dial, playDTMF,
  startRenderImpl, getRenderImpl, stopRender, listRenders, listAllRenders,
  websocketConnect, websocketDisconnect,
  startCaptions, stopCaptions, getCaptions,
  registerCallback, listCallbacks, unregisterCallback,
};
