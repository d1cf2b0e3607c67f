'use strict';
// Result objects with the official shapes: own enumerable properties are the server's fields;
// helper methods (Archive#stop, Broadcast#stop, Session#generateToken, …) live on the prototype and
// the owning OpenTok instance is kept in a non-enumerable slot, so logging or serialising a result
// never prints credentials.

const OT = Symbol('opentok');

function assign(target, ot, props) {
  Object.defineProperty(target, OT, { value: ot, enumerable: false });
  if (props && typeof props === 'object') {
    for (const k of Object.keys(props)) target[k] = props[k];
  }
}

class Session {
  constructor(ot, sessionId, properties) {
    assign(this, ot, null);
    // The official Session exposes the creating OpenTok object as `ot`; keep it, non-enumerable.
    Object.defineProperty(this, 'ot', { value: ot, enumerable: false, writable: true });
    this.sessionId = sessionId;
    if (properties) for (const k of Object.keys(properties)) this[k] = properties[k];
  }

  /** Same as `opentok.generateToken(session.sessionId, opts, generateT1Token)`. */
  generateToken(opts, generateT1Token) {
    return this[OT].generateToken(this.sessionId, opts, generateT1Token);
  }
}

class Archive {
  constructor(ot, props) { assign(this, ot, props); }
  stop(callback) { return this[OT].stopArchive(this.id, callback); }
  delete(callback) { return this[OT].deleteArchive(this.id, callback); }
  addStream(streamId, options, callback) { return this[OT].addArchiveStream(this.id, streamId, options, callback); }
  removeStream(streamId, callback) { return this[OT].removeArchiveStream(this.id, streamId, callback); }
}

class Broadcast {
  constructor(ot, props) { assign(this, ot, props); }
  stop(callback) { return this[OT].stopBroadcast(this.id, callback); }
}

class Stream {
  constructor(props) { if (props) for (const k of Object.keys(props)) this[k] = props[k]; }
}

class SipInterconnect {
  constructor(props) { if (props) for (const k of Object.keys(props)) this[k] = props[k]; }
}

class Callback {
  constructor(ot, props) { assign(this, ot, props); }
  unregister(callback) { return this[OT].unregisterCallback(this.id, callback); }
}

module.exports = { Session, Archive, Broadcast, Stream, SipInterconnect, Callback };
