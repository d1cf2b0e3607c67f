'use strict';
// Which transport carries a request, and the host transport itself.
//
// native: the Rust core sends the request (reqwest) — the default, and the fast path.
// host:   the core builds the request (`prepare`: method, URL, headers with the auth JWT, body) and
//         decodes the answer (`finish`); only the bytes travel through Node's `http`/`https` modules,
//         which is what HTTP mocking libraries (nock) patch. Retries follow the core's policy
//         (`retryDelay`), the timeout bounds the whole call, a proxy is reached with CONNECT.
//
// Chosen per call: the constructor option `transport: 'native'|'host'|'auto'`, else the environment
// variable OPENTOK_TRANSPORT=native|host, else automatically: host while nock is active (interceptors
// defined or `nock.disableNetConnect()`), native otherwise. nock is never required here: it is found
// in `require.cache`, and only looked for again when `http.request` changes (nock patches it), so the
// native path pays one comparison.

// Node's http/https/tls are loaded on first use (https alone costs tens of ms at require time).
let httpMod;
let httpsMod;
const lazy = {
  get http() { if (!httpMod) httpMod = require('http'); return httpMod; },
  get https() { if (!httpsMod) httpsMod = require('https'); return httpsMod; },
  get tls() { return require('tls'); },
  get net() { return require('net'); },
};

/** Counters for tests and debugging: how many calls each transport carried. */
const stats = { native: 0, host: 0, reset() { this.native = 0; this.host = 0; } };

// ---------------------------------------------------------------------------------------------
// nock detection

let seenRequest = null;
let nockMod = null;

function scanForNock() {
  nockMod = null;
  const cache = require.cache;
  for (const file of Object.keys(cache)) {
    if (!/[\\/]nock[\\/]/.test(file)) continue;
    if (/[\\/]nock[\\/]index\.js$/.test(file) && cache[file].exports) nockMod = cache[file].exports;
  }
}

/**
 * True while nock is active in this process (loaded and not `nock.restore()`d). nock 13 offers no
 * public way to read the `disableNetConnect()` state, so an active nock always selects the host
 * transport; with no interceptor and net connect allowed, the request then reaches the network
 * through `https` exactly as the native transport would.
 */
function nockActive() {
  const { http } = lazy;
  if (http.request !== seenRequest) {
    seenRequest = http.request;
    scanForNock();
  }
  const nock = nockMod;
  if (!nock) return false;
  try {
    return typeof nock.isActive !== 'function' || nock.isActive();
  } catch (_) {
    return true;
  }
}

function choose(ot) {
  const mode = ot._transport || process.env.OPENTOK_TRANSPORT;
  if (mode === 'host') return 'host';
  if (mode === 'native') return 'native';
  return nockActive() ? 'host' : 'native';
}

// ---------------------------------------------------------------------------------------------
// send

/**
 * Sends `op` with `argsText`; resolves the service's JSON, or with `wantHttp` the answer
 * `{status, headers, body_text, json}`. Rejects with the native error shape (an Error whose message
 * is the core error JSON), so both transports map errors the same way.
 */
function send(ot, op, argsText, wantHttp) {
  if (choose(ot) === 'host' && typeof ot._native.prepare === 'function') {
    stats.host += 1;
    return hostSend(ot, op, argsText, wantHttp);
  }
  stats.native += 1;
  if (!wantHttp) return ot._native.call(op, argsText).then(JSON.parse);
  if (typeof ot._native.callHttp === 'function') return ot._native.callHttp(op, argsText).then(JSON.parse);
  return ot._native.call(op, argsText).then((out) => {
    const json = JSON.parse(out);
    return { json, status: json === null ? 204 : 200, headers: {}, body_text: json === null ? '' : out };
  });
}

/**
 * Every page of a list operation (`listAll*`), resolving one array of the raw `items`. On the host
 * transport the pages are walked here with the core's rule (`OpenTok::list_all`): pages of `count`
 * (default 1000) from `offset`, until a short or empty page or `offset` reaches the answer's `count`.
 */
function sendAll(ot, op, argsText) {
  if (!(choose(ot) === 'host' && typeof ot._native.prepare === 'function')) {
    stats.native += 1;
    return ot._native.callAll(op, argsText).then(JSON.parse);
  }
  const args = JSON.parse(argsText) || {};
  const size = args.count == null ? 1000 : args.count;
  let offset = args.offset == null ? 0 : args.offset;
  const all = [];
  const next = () => {
    stats.host += 1;
    return hostSend(ot, op, JSON.stringify({ ...args, offset, count: size }), false).then((page) => {
      const items = (page && Array.isArray(page.items)) ? page.items : [];
      all.push(...items);
      offset += items.length;
      const total = page && typeof page.count === 'number' ? page.count : 0;
      if (items.length === 0 || items.length < size || offset >= total) return all;
      return next();
    });
  };
  return next();
}

function coreError(kind, message, extra) {
  const e = new Error(JSON.stringify({ kind, message, ...extra }));
  e.coreError = true;
  return e;
}

function hostSend(ot, op, argsText, wantHttp) {
  const native = ot._native;
  let req;
  let settings;
  try {
    req = JSON.parse(native.prepare(op, argsText));
    settings = JSON.parse(native.hostSettings());
  } catch (e) {
    return Promise.reject(e);
  }
  const started = Date.now();
  const deadline = started + (settings.timeout || 20) * 1000;
  const again = (retries, status, headers) => {
    const delay = retryDelay(native, req.method, retries, status, headers, started);
    return delay !== null && Date.now() + delay < deadline ? delay : null;
  };
  if (ot._caBundle) settings.ca = caFor(ot._caBundle);
  if (ot._maxResponseBytes) settings.max_response_bytes = ot._maxResponseBytes;
  const attempt = (retries) => once(req, settings, deadline).then(
    (res) => {
      if (res.status < 200 || res.status >= 300) {
        const delay = again(retries, res.status, res.headers);
        if (delay !== null) return wait(delay).then(() => attempt(retries + 1));
      }
      return finish(native, op, res, wantHttp);
    },
    (err) => {
      if (err.nock || err.final || err.coreError) throw wrapNetwork(err);
      const delay = again(retries, null, []);
      if (delay !== null) return wait(delay).then(() => attempt(retries + 1));
      throw wrapNetwork(err);
    }
  );
  return attempt(0);
}

const caCache = new Map();
/** Node's bundled roots plus the caBundle (PEM text, or a PEM file path), for the host transport. */
function caFor(bundle) {
  if (!caCache.has(bundle)) {
    let pem = bundle;
    if (!/-----BEGIN/.test(bundle)) {
      try {
        pem = require('fs').readFileSync(bundle, 'utf8');
      } catch (_) {
        pem = '';
      }
    }
    caCache.set(bundle, [...lazy.tls.rootCertificates, pem].filter(Boolean));
  }
  return caCache.get(bundle);
}

function wait(ms) {
  return new Promise((resolve) => { setTimeout(resolve, ms); });
}

function retryDelay(native, method, retries, status, headers, started) {
  const ra = headerValue(headers, 'retry-after');
  const out = native.retryDelay(method, retries, status === null ? undefined : status, ra, (Date.now() - started) / 1000);
  return out === null || out === undefined ? null : Math.round(out * 1000);
}

function headerValue(headers, name) {
  for (const [k, v] of headers) if (k.toLowerCase() === name) return v;
  return undefined;
}

function finish(native, op, res, wantHttp) {
  const out = JSON.parse(native.finish(op, res.status, JSON.stringify(res.headers), res.body, !!wantHttp));
  return out;
}

function wrapNetwork(err) {
  if (err.coreError) return err;
  const kind = err.timeout ? 'timeout' : 'network';
  const e = coreError(kind, err.message || String(err));
  e.cause = err;
  if (err.code) e.code = err.code;
  return e;
}

/** One HTTP exchange through `http`/`https`; resolves {status, headers: [[name, value]], body: Buffer}. */
function once(req, settings, deadline) {
  return new Promise((resolve, reject) => {
    let url;
    try {
      url = new URL(req.url);
    } catch (e) {
      reject(coreError('invalid_argument', `bad URL: ${e.message}`, { field: 'api_url', reason: e.message }));
      return;
    }
    const { http, https } = lazy;
    const isHttps = url.protocol === 'https:';
    const mod = isHttps ? https : http;
    const headers = {};
    for (const [k, v] of req.headers) headers[k] = v;
    const body = req.body === null || req.body === undefined ? null : Buffer.from(req.body);
    if (body) headers['Content-Length'] = String(body.length);
    const options = { method: req.method, headers };
    if (settings.ca) options.ca = settings.ca;
    const proxy = settings.proxy && !bypassProxy(url.hostname) ? new URL(settings.proxy) : null;
    let target = url;
    if (proxy) {
      if (isHttps) {
        options.agent = connectAgent(proxy, settings);
      } else {
        // Plain HTTP through a proxy: absolute URI to the proxy.
        target = proxy;
        options.path = url.href;
        options.headers.Host = url.host;
        const auth = proxyAuth(proxy);
        if (auth) options.headers['Proxy-Authorization'] = auth;
      }
    }
    const remaining = Math.max(1, deadline - Date.now());
    let done = false;
    const timer = setTimeout(() => {
      if (done) return;
      done = true;
      const e = new Error(`request timed out (timeout ${settings.timeout} s)`);
      e.timeout = true;
      e.final = true;
      r.destroy(e);
      reject(e);
    }, remaining);
    timer.unref();
    const r = (proxy && !isHttps ? http : mod).request(target, options, (res) => {
      const chunks = [];
      let size = 0;
      const cap = settings.max_response_bytes || 32 * 1024 * 1024;
      const declared = Number(res.headers['content-length']);
      if (declared > cap) {
        done = true;
        clearTimeout(timer);
        res.destroy();
        r.destroy();
        const e = coreError('decode', `response body of ${declared} bytes is larger than the ${cap}-byte limit`);
        e.final = true;
        reject(e);
        return;
      }
      res.on('data', (c) => {
        size += c.length;
        if (size > cap) {
          const e = coreError('decode', `response body larger than ${cap} bytes`);
          e.coreError = true;
          e.final = true;
          res.destroy(e);
          return;
        }
        chunks.push(c);
      });
      res.on('error', (e) => { if (!done) { done = true; clearTimeout(timer); reject(e); } });
      res.on('end', () => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        const hs = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2) hs.push([res.rawHeaders[i].toLowerCase(), res.rawHeaders[i + 1]]);
        resolve({ status: res.statusCode, headers: hs, body: Buffer.concat(chunks) });
      });
    });
    const connectMs = (settings.connect_timeout || 0) * 1000;
    if (connectMs > 0) {
      r.on('socket', (socket) => {
        if (!socket.connecting) return;
        const ct = setTimeout(() => {
          if (done) return;
          const e = new Error(`could not connect within ${settings.connect_timeout} s`);
          e.timeout = true;
          r.destroy(e);
        }, connectMs);
        ct.unref();
        socket.once('connect', () => clearTimeout(ct));
        socket.once('close', () => clearTimeout(ct));
      });
    }
    r.on('error', (e) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (e && (e.name === 'NetConnectNotAllowedError' || /^Nock: /.test(e.message || ''))) e.nock = true;
      if (e && /certificate|self.signed|unable to verify/i.test(e.message || '')) e.final = true;
      reject(e);
    });
    if (body) r.end(body); else r.end();
  });
}

function bypassProxy(hostname) {
  const h = hostname.replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\./.test(h);
}

function proxyAuth(proxy) {
  if (!proxy.username) return null;
  const user = decodeURIComponent(proxy.username);
  const pass = decodeURIComponent(proxy.password || '');
  return `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
}

let ConnectAgentClass;
/** An https.Agent that tunnels through an HTTP proxy with CONNECT (no dependency); made on first use. */
function connectAgent(proxy, settings) {
  if (!ConnectAgentClass) ConnectAgentClass = makeConnectAgent(lazy.https.Agent);
  return new ConnectAgentClass(proxy, settings);
}

function makeConnectAgent(Agent) {
  return class ConnectAgent extends Agent {
    constructor(proxy, settings) {
      super({ keepAlive: false });
      this.proxy = proxy;
      this.settings = settings;
    }

    createConnection(options, callback) {
      const proxy = this.proxy;
      const host = options.host || options.hostname;
      const port = options.port || 443;
      const headers = { Host: `${host}:${port}` };
      const auth = proxyAuth(proxy);
      if (auth) headers['Proxy-Authorization'] = auth;
      const proxyMod = proxy.protocol === 'https:' ? lazy.https : lazy.http;
      const req = proxyMod.request({
        host: proxy.hostname,
        port: proxy.port || (proxy.protocol === 'https:' ? 443 : 80),
        method: 'CONNECT',
        path: `${host}:${port}`,
        headers,
        agent: false,
      });
      req.once('connect', (res, socket) => {
        if (res.statusCode !== 200) {
          socket.destroy();
          const e = new Error(`proxy CONNECT answered ${res.statusCode}`);
          e.final = true;
          callback(e);
          return;
        }
        const secure = lazy.tls.connect({ ...options, socket, servername: lazy.net.isIP(host) ? undefined : host, ca: this.settings.ca });
        callback(null, secure);
      });
      req.once('error', (e) => callback(e));
      req.end();
    }
  };
}

// ---------------------------------------------------------------------------------------------
// responses handed to users (render callbacks' third argument)

/** A fetch `Response` (status, statusText, ok, headers.get(), json(), text()) from a raw answer. */
function toResponse(r) {
  const headers = new Headers();
  const pairs = Array.isArray(r.headers) ? r.headers : Object.entries(r.headers || {});
  for (const [k, v] of pairs) {
    try { headers.append(k, v); } catch (_) { /* invalid header value: skip */ }
  }
  const status = r.status >= 200 && r.status <= 599 ? r.status : 200;
  const nullBody = [204, 205, 304].includes(status);
  return new Response(nullBody ? null : (r.body_text || ''), { status, headers });
}

module.exports = { send, sendAll, stats, toResponse, nockActive, choose };
