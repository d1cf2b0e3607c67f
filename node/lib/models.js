'use strict';
// Result objects built as the official package builds them: the service's JSON spread onto the
// object (absent fields stay absent, unknown fields are there), plus the official own-property
// methods (`Archive#stop`, `Archive#delete`, `Broadcast#stop`, `Callback#unregister`). The owning
// OpenTok instance is kept in a non-enumerable slot, so logging or serialising a result never prints
// credentials. Extras (Archive#addStream, Archive#removeStream) live on the prototype.

const OT = Symbol('opentok');

function spread(target, props, skip) {
  if (!props || typeof props !== 'object') return;
  for (const k of Object.keys(props)) {
    if (skip && skip.includes(k)) continue;
    target[k] = props[k];
  }
}

function own(target, name, fn) {
  target[name] = fn;
}

class Session {
  constructor(ot, sessionId, properties) {
    // The official Session exposes the creating OpenTok object as `ot`; kept, non-enumerable.
    Object.defineProperty(this, 'ot', { value: ot, enumerable: false, writable: true, configurable: true });
    this.sessionId = sessionId;
    spread(this, properties);
  }

  /** Same as `opentok.generateToken(session.sessionId, opts, generateT1Token)`. */
  generateToken(opts, generateT1Token) {
    return this.ot.generateToken(this.sessionId, opts, generateT1Token);
  }
}

class Archive {
  constructor(ot, props) {
    Object.defineProperty(this, OT, { value: ot, enumerable: false });
    spread(this, props);
    const id = props && props.id;
    own(this, 'stop', (callback) => ot.stopArchive(id, callback));
    own(this, 'delete', (callback) => ot.deleteArchive(id, callback));
  }

  /** Extra: `opentok.addArchiveStream(archive.id, …)`. */
  addStream(streamId, options, callback) { return this[OT].addArchiveStream(this.id, streamId, options, callback); }

  /** Extra: `opentok.removeArchiveStream(archive.id, …)`. */
  removeStream(streamId, callback) { return this[OT].removeArchiveStream(this.id, streamId, callback); }
}

class Broadcast {
  constructor(ot, props) {
    Object.defineProperty(this, OT, { value: ot, enumerable: false });
    // As the official Broadcast: every field but `event` and `partnerId` (kept here, non-enumerable).
    spread(this, props, ['event', 'partnerId']);
    for (const k of ['event', 'partnerId']) {
      if (props && Object.prototype.hasOwnProperty.call(props, k)) {
        Object.defineProperty(this, k, { value: props[k], enumerable: false, writable: true, configurable: true });
      }
    }
    const id = props && props.id;
    own(this, 'stop', (callback) => ot.stopBroadcast(id, callback));
  }
}

class Stream {
  constructor(props) { spread(this, props); }
}

class SipInterconnect {
  constructor(props) { spread(this, props); }
}

class Callback {
  constructor(ot, props) {
    Object.defineProperty(this, OT, { value: ot, enumerable: false });
    spread(this, props);
    const id = props && props.id;
    own(this, 'unregister', (callback) => ot.unregisterCallback(id, callback));
  }
}

module.exports = { Session, Archive, Broadcast, Stream, SipInterconnect, Callback };
