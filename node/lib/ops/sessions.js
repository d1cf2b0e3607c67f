'use strict';
// Sessions and tokens: createSession, generateToken, generateJwt.
// Each function runs with `this` = the OpenTok instance (lib/opentok.js puts them on its prototype).

const errors = require('../errors');
const { argError, mapError } = require('../convert');
const { Session } = require('../models');
const { run, optArgs, objectOptions } = require('../call');

/** The REST-auth JWT (the `X-OPENTOK-AUTH` value; for application credentials the Bearer token). */
function generateJwt() {
  try {
    return this._native.generateJwt();
  } catch (e) {
    throw mapError(e, 'generate_jwt', 'generateJwt');
  }
}

function createSession(opts, callback) {
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
}

/**
 * Mints a client token (JWT by default; legacy T1 when `generateT1Token` is true). Synchronous;
 * throws an ArgumentError (an Error, as the official throws) on bad input. Uses `Date.now()` as the clock.
 */
function generateToken(sessionId, opts, generateT1Token) {
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
}

module.exports = {
  generateJwt, createSession, generateToken,
};
