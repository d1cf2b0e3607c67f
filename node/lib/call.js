'use strict';
// Callback / Promise plumbing shared by every method of lib/ops/*: a trailing Node-style callback or
// a Promise, the core-JSON dispatch behind `OpenTok.prototype._call*`, and the (err, body, response)
// call forms of the renders and layout methods.

const { EXTRA, argError, checkOptionValues, mapError } = require('./convert');

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

module.exports = {
  settle, run, optArgs, objectOptions, withTotal, isObj, dispatch, renderBody, renderArgs, renderCall, apiCall,
};
