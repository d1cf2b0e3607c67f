'use strict';
// The error classes of the official `opentok` package (same names, exported on the constructor),
// as real Error subclasses that also carry what the server said.
//
// Extra properties (set when known):
//   kind          core error kind: invalid_argument, auth, not_found, conflict, rate_limited, api,
//                 timeout, network, decode
//   status        HTTP status of the answer
//   serverMessage the `message` of the server's error body
//   serverCode    the `code` of the server's error body
//   requestId     the request id the server attached
//   field         for argument errors: the option or argument name (JS spelling, e.g. `sessionId`)
//   reason        for argument errors: why it was rejected
//   retryAfter    for 429 answers: seconds the server asked to wait
//   operation     the method that failed (e.g. `startArchive`)

class OpenTokError extends Error {
  constructor(message, details) {
    super(message);
    Object.defineProperty(this, 'name', {
      value: new.target.name, enumerable: false, writable: true, configurable: true,
    });
    if (details) {
      for (const k of Object.keys(details)) {
        if (details[k] !== undefined && details[k] !== null) this[k] = details[k];
      }
    }
  }
}

class ArgumentError extends OpenTokError {}
class AuthError extends OpenTokError {
  constructor(message = 'Invalid API key or secret', details) { super(message, details); }
}
class ArchiveError extends OpenTokError {}
class CaptionsError extends OpenTokError {
  constructor(message = 'Live captions have already started for this OpenTok Session', details) {
    super(message, details);
  }
}
class SipError extends OpenTokError {}
class SignalError extends OpenTokError {}
class ForceDisconnectError extends OpenTokError {}
class CallbackError extends OpenTokError {}
class RequestError extends OpenTokError {
  constructor(message = 'Unexpected response from OpenTok', details) { super(message, details); }
}
class NotFoundError extends OpenTokError {
  constructor(message = 'Not Found', details) { super(message, details); }
}
/** Extra: a request that did not finish within the `timeout` option. Subclass of RequestError. */
class TimeoutError extends RequestError {}

module.exports = {
  ArgumentError,
  AuthError,
  ArchiveError,
  CaptionsError,
  SipError,
  SignalError,
  ForceDisconnectError,
  CallbackError,
  RequestError,
  NotFoundError,
  TimeoutError,
  OpenTokError,
};
